"""Whole-page text (2026-12-02, eighth session): the body run of highest
score can begin after a stretch of short lines that score low (a recipe's
ingredients), and end before the article's last paragraphs (a review's
"Pros:" list between two of them). Those lines are the article's: the body
starts at the first paragraph under the byline, the headline is looked for
above the byline, and nothing with the article's prose still below it is
footer. Wordings written for this file."""
import newsclean

MENU = ["Skip to content", "Home", "News", "Food", "Recipes", "Travel", "Style", "Search", "Food > Baking"]
FOOTER = ["You may also like", "Lemon drizzle traybake", "Easy sourdough starter", "Best fudge brownies",
          "About us", "Contact", "Privacy", "Terms of use", "© Kitchen Table Media 2026"]
HEADLINE = "Grandma Ruth's plum cobbler"
BYLINE = "By Hannah Ortiz"
LEAD = ["Every August my grandmother turned the plums from her back garden into this cobbler, and the smell of "
        "cinnamon would drift down the street.",
        "It is still the simplest pudding I know, and it forgives almost any mistake you make with it."]
INGREDIENTS = ["Serves 6", "Ingredients", "800 g ripe plums", "150 g plain flour", "100 g brown sugar",
               "1 teaspoon cinnamon", "120 ml milk", "75 g butter", "Method"]
STEPS = ["1. Heat the oven to 180C and butter a deep baking dish, then halve and stone the plums.",
         "2. Lay the plums in the dish, cut side up, and scatter half the sugar and the cinnamon over them.",
         "3. Whisk the flour, the rest of the sugar and the milk into a loose batter and pour it over the fruit.",
         "4. Dot with the butter and bake for 40 minutes, until the top is golden and the plum juice bubbles up.",
         "5. Leave the cobbler to stand for ten minutes before serving it warm with cream or custard."]
TIPS = ["Good to know:", "Plums freeze well", "Frozen fruit needs five more minutes",
        "If your plums are tart, add an extra spoon of sugar to the dish before the batter goes over them, "
        "and taste the juice after baking."]


def _page():
    return "\n".join(MENU + [HEADLINE, BYLINE] + LEAD + INGREDIENTS + STEPS + TIPS + FOOTER)


def test_lists_between_the_articles_paragraphs_stay():
    art = newsclean.clean_text(_page())
    lost = [line for line in LEAD + INGREDIENTS[2:8] + STEPS + TIPS if line not in art.text]
    assert not lost, [(r.rule, r.text) for r in art.removed]


def test_headline_above_the_byline_and_chrome_still_go():
    art = newsclean.clean_text(_page())
    assert art.title == HEADLINE
    assert art.authors == ["Hannah Ortiz"]
    for line in ["Skip to content", "Recipes", "Privacy", "Terms of use", "Lemon drizzle traybake"]:
        assert line not in art.text.split("\n"), [(r.rule, r.text) for r in art.removed]


MATCH_MENU = ["Skip to content", "Home", "Local", "Sport", "Business", "Culture", "Weather", "Sport > Ice hockey"]
MATCH = ["Rivermen edge past leaders in overtime thriller", "By Tom Hale",
         "The Rivermen beat league leaders Northport 3-2 in overtime on Saturday night in front of a record home "
         "crowd of more than two thousand fans.",
         "Northport scored first on a power play after five minutes, but the Rivermen equalised before the end "
         "of the first period through their captain.",
         "Advertisement",
         "\"The lads showed real character tonight against the best team in the league,\" the Rivermen coach "
         "said after the game.",
         "Results of round 14:",
         "Rivermen 3-2 Northport (OT)",
         "Harbour City 1-4 Falcons",
         "Miners 2-2 Eastfield (SO 3-2)",
         "Stars 0-5 Crystal",
         "Foresters 4-3 Oilmen"]
MATCH_FOOTER = ["Read more", "Basketball: Waves lose in overtime at home", "New ice rink to open in the city park",
                "Bus route 12 to change from Monday", "About us", "Contact", "Privacy policy", "© Valley Weekly 2026"]


def test_a_results_list_that_begins_in_the_article_stays():
    # The results under their heading are the article's, also those past the
    # body run found (a whole page's menus and link lists have their shape too).
    art = newsclean.clean_text("\n".join(MATCH_MENU + MATCH + MATCH_FOOTER))
    lost = [line for line in MATCH[2:] if line != "Advertisement" and line not in art.text]
    assert not lost, [(r.rule, r.text) for r in art.removed]
    for line in ["Skip to content", "Weather", "Privacy policy", "Bus route 12 to change from Monday"]:
        assert line not in art.text.split("\n"), [(r.rule, r.text) for r in art.removed]
