"""In an article-shaped text, junk next to a short line is evidence about the
junk, not about a line that speaks of the article's subject (2026-12-02,
eighth session: a fact box's names and places under a story went as
"footer" once a junk line after them was recognised). A menu's words next
to the same junk still go. Wordings written for this file."""
import newsclean
from newsclean.detectors import boilerplate

STORY = ("The Harbour Gallery opens its winter show on Friday with forty new works by the glass artist Mira Kallio, "
         "whose lamps hang in three of the city's libraries.\n\n"
         "Kallio said the show, called Cold Light, was made over two years in her studio on the harbour, where she "
         "blows glass in a furnace her grandfather built.\n\n"
         "The Harbour Gallery will keep the show open until the end of February and run guided tours of the "
         "studio on Saturdays.")
FACT_BOX = ["Mira Kallio", "Cold Light", "Harbour Gallery", "10 am to 6 pm"]
JUNK = "Story continues below advertisement"


def _clean(lines):
    return newsclean.clean_text(STORY + "\n\n" + "\n".join(lines) + "\n\n" + JUNK)


def test_fact_box_on_the_story_stays_next_to_junk():
    art = _clean(FACT_BOX)
    assert JUNK not in art.text, [(r.rule, r.text) for r in art.removed]
    for line in FACT_BOX[:3]:
        assert line in art.text, [(r.rule, r.text) for r in art.removed]


def test_menu_next_to_junk_still_goes():
    art = _clean(["Weather", "Horoscopes", "Crosswords"])
    gone = {r.text for r in art.removed}
    assert {"Weather", "Horoscopes", "Crosswords"} <= gone, [(r.rule, r.text) for r in art.removed]


def test_on_topic_share_is_the_rules_parameter():
    # Asking for more than all of a line's content words to be the article's
    # (a share over 1) turns the guard off: the fact box's line goes again.
    text = STORY + "\n\nCold Light\n\n" + JUNK
    assert 0 < boilerplate.ON_TOPIC_SHARE <= 0.5

    def footer(art):
        return [r.text for r in art.removed if r.rule == "boilerplate.footer"]
    assert footer(newsclean.clean_text(text)) == []
    off = newsclean.Config(params={"boilerplate.ON_TOPIC_SHARE": 1.01})
    assert footer(newsclean.clean_text(text, config=off)) == ["Cold Light"]
