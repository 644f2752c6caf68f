"""Article text is kept unless something says it is junk (issue 16): the input's
shape, evidence instead of position, lists and short lines inside an article,
the title only on evidence, and idempotence by settling. Hand-written inputs,
none of them from the benchmark pages."""
import newsclean
from newsclean.analysis.shape import whole_page
from newsclean.detectors import teaser
from newsclean.detectors.base import Context
from newsclean.metadata.lines import site_name
from newsclean.settle import SETTLE_ROUNDS
from newsclean.text.normalize import normalize

LEAD = [
    "Black Friday deals on home audio started early this year, and several retailers cut prices on headphones.",
    "We picked the best offers on wireless headphones and speakers, with the price and the main features of each.",
]
ARTICLE = [
    "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.",
    "Council members said the plan would raise spending on public transport by ten percent over the next two years.",
    "Opponents argued that the increase was not matched by new revenue and that taxes would have to rise later.",
    "The mayor said she was confident that the budget was balanced and that the city would meet its obligations.",
]


def product(name: str, price: str) -> list:
    return [name, "Up to 30 hours of battery life on a single charge", "Active noise cancellation with three modes",
            "Folds flat for travel", price, "Buy Now"]


def words_of(text: str) -> list:
    return text.split()


# ------------------------------------------------------------- input's shape
def test_a_bulleted_list_is_not_a_menu():
    """Thirty short bulleted items make an article's list, not a page's menus."""
    lines = ARTICLE[:2] + [f"- Stop {i}" for i in range(30)] + ARTICLE[2:]
    assert not Context.of_text("\n".join(lines)).doc.whole_page


def test_menus_at_the_top_make_a_whole_page():
    nav = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Travel", "Video", "Search", "Sign in"]
    footer = ["About us", "Contact", "Privacy", "Terms", "Careers", "Advertise"] * 3
    lines = nav + ARTICLE + ["Share", "Comments"] + footer
    assert Context.of_text("\n".join(lines)).doc.whole_page


def test_empty_lines_are_not_menu_items():
    feats = Context.of_text("\n".join(ARTICLE[:1] + ["\u200b"] * 40 + ARTICLE[1:])).doc.feats
    assert not whole_page(feats, 8)


# ------------------------------------------- evidence, not position, in articles
def test_a_product_list_under_a_related_header_is_the_articles():
    """A "Don't miss" header over a list longer than the article around it:
    in an article-shaped text the list is the article's own."""
    lines = LEAD + ["Don't Miss"] + product("Acme Studio Headphones", "$139.00") + product("Acme Sport Buds", "$89.99") \
        + product("Acme Home Speaker", "$199.99") + product("Acme Travel Speaker", "$59.99")
    art = newsclean.clean_text("\n\n".join(lines))
    for line in ("Acme Studio Headphones", "Up to 30 hours of battery life on a single charge", "Acme Travel Speaker"):
        assert line in art.text
    assert not [r for r in art.removed if r.rule == "teaser.links"]


def test_a_related_box_after_an_article_still_goes():
    links = ["Police close main road after crash near the station", "Lakers beat Nets in overtime thriller",
             "Five things to do in the city this weekend"]
    art = newsclean.clean_text("\n\n".join(ARTICLE + ["Read more"] + links))
    for p in ARTICLE:
        assert p in art.text
    for line in links:
        assert line not in art.text


def test_lines_taken_for_their_shape_are_no_evidence():
    """A price line (numbers and symbols only) is junk by its shape alone: the
    short lines next to it after the article stay."""
    after = ["$139.00", "Available in three colours", "Ships within two days"]
    art = newsclean.clean_text("\n\n".join(ARTICLE + after))
    assert "Available in three colours" in art.text and "Ships within two days" in art.text


def test_a_list_introduced_by_the_article_stays():
    items = ["- Hundreds of new puzzles for two players", "- A timer for every round",
             "- Dozens of themed card decks", "- Works offline on phones and tablets"]
    art = newsclean.clean_text("\n".join(ARTICLE + ["Click here to get more information.", "What you get:"] + items))
    for item in items:
        assert item in art.text


def test_a_hard_wrapped_sentence_is_not_split_into_junk():
    """Text wrapped at a width: a line that continues the sentence of the line
    before it is not a short line around the body, even next to junk."""
    text = ("Photos\n which were released online and are making the rounds on social media,\n"
            "show the actress looking absolutely stunning in new photos from the awards evening.\n"
            + "\n".join(ARTICLE) + "\nShe was one of the guests invited to an event by the media\n"
            "mogul, the host of the evening.\nSee more photos:\n0 Comments")
    art = newsclean.clean_text(text)
    assert "show the actress looking absolutely stunning" in art.text
    assert "mogul, the host of the evening." in art.text


def test_a_spec_line_without_a_full_stop_is_not_a_cut_teaser():
    """In an article-shaped text, a long line without a full stop at the end
    is a list item; an excerpt cut at a length ends in a function word."""
    spec = "Premium playback and fine tuned acoustics maximize clarity and breadth and balance for every kind of music"
    art = newsclean.clean_text("\n\n".join(ARTICLE + [spec]))
    assert spec in art.text


# -------------------------------------------------------------- pointer lines
def test_pointer_lines_in_any_wording():
    for line in ("Ver también: Los precios de la vivienda suben por tercer mes consecutivo",
                 "Guarda anche: Il governo approva la manovra di bilancio",
                 "Siehe auch: Regierung beschließt neues Klimapaket",
                 "Смотрите еще: Правительство одобрило проект бюджета",
                 "Sur le même sujet : Le gouvernement présente son budget pour l'an prochain",
                 "Saiba mais: Governo anuncia novo pacote de medidas para a economia"):
        text = "\n\n".join(ARTICLE[:2] + [line] + ARTICLE[2:])
        art = newsclean.clean_text(text)
        assert line not in art.text, line
        assert any(r.category == "teaser" for r in art.removed), line
        for p in ARTICLE:
            assert p in art.text


def test_a_sentence_with_a_colon_is_not_a_pointer():
    ctx_lines = ARTICLE[:2] + ["More importantly: the council approved the plan with a large majority.",
                               "Also on the agenda: a vote on the new parking rules for the city centre"] + ARTICLE[2:]
    ctx = Context.of_text("\n".join(ctx_lines))
    assert teaser.pointer_lines(ctx, [True] * len(ctx.doc.blocks)) == []


# ---------------------------------------------------- vocabulary in its place
def test_a_label_word_inside_a_sentence_is_not_chrome():
    line = "* The calendar above was published by the category in January 2018"
    art = newsclean.clean_text("\n\n".join(ARTICLE + [line]))
    assert line in art.text


def test_a_shared_suffix_in_a_list_is_no_site_name():
    lines = ["1st round: 10 March – Interlagos", "2nd round: 8 April – Curitiba", "3rd round: 22 April – Velopark",
             "4th round: 6 May – Londrina", "12th round: 9 December – Interlagos"]
    assert site_name(Context.of_text("\n".join(lines + ARTICLE)).doc.blocks) is None
    titled = ["Budget passes - Daily Planet", "Mayor speaks - Daily Planet"]
    assert site_name(Context.of_text("\n".join(titled + ARTICLE)).doc.blocks) == "Daily Planet"


# --------------------------------------------------------------- idempotence
def test_copies_brought_together_are_settled_in_one_run():
    """Two copies of a paragraph kept apart by a junk box: once the box is gone
    they stand next to each other. The first run already removes the copy, at
    its place in the input, so running again changes nothing."""
    box = ["Read more", "Police close main road after crash near the station", "Lakers beat Nets in overtime thriller",
           "Five things to do in the city this weekend", "Subscribe to our newsletter"]
    text = "\n\n".join(ARTICLE + box + [ARTICLE[-1]])
    art = newsclean.clean_text(text)
    assert art.text.count(ARTICLE[-1]) == 1
    again = newsclean.clean_text(art.text)
    assert again.text == art.text and again.removed == []
    norm = normalize(text)
    for r in art.removed:
        assert norm[r.start:r.end] == r.text
    assert SETTLE_ROUNDS >= 2


def test_an_excerpt_in_another_language_is_a_teaser():
    """A paragraph in another language, cut at a length as another story's
    excerpt is: a teaser (it would go as foreign_language anyway)."""
    excerpt = ("El Gobierno aprobó este martes el nuevo plan de vivienda, que prevé la construcción de miles de "
               "pisos en las grandes ciudades durante los próximos…")
    art = newsclean.clean_text("\n\n".join(ARTICLE[:2] + [excerpt] + ARTICLE[2:]))
    assert {r.rule for r in art.removed if r.text == excerpt} == {"teaser.excerpt"}
    assert all(p in art.text for p in ARTICLE)


def test_settle_overlap_test_matches_the_plain_one():
    """settle._overlaps (bisect over sorted spans) against the plain test over every span."""
    import random

    from newsclean.settle import _overlaps

    rng = random.Random(1)
    for _ in range(300):
        cuts = sorted(rng.sample(range(200), 20))
        spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
        starts = [a for a, _ in spans]
        s = rng.randrange(200)
        where = (s, s + rng.randrange(1, 30))
        assert _overlaps(where, spans, starts) == any(a < where[1] and where[0] < b for a, b in spans)
