"""Unit tests, one group per detector, on small hand-written inputs that the
seeds do not contain."""
import pytest

import newsclean
from newsclean import Config

ARTICLE = [
    "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.",
    "Council members said the plan would raise spending on public transport by ten percent over the next two years.",
    "Opponents argued that the increase was not matched by new revenue and that taxes would have to rise later.",
    "The mayor said she was confident that the budget was balanced and that the city would meet its obligations.",
]


def doc(*extra_before, after=()):
    return "\n\n".join(list(extra_before) + ARTICLE + list(after))


def cats(art):
    return {(r.category, r.text) for r in art.removed}


def assert_article_kept(art):
    for p in ARTICLE:
        assert p in art.text, p


# ---------------------------------------------------------------- icon
def test_icon_line_material_ligatures():
    art = newsclean.clean_text(doc("menu search close keyboard_arrow_down expand_more share_icon account_circle_icon"))
    assert any(r.category == "icon" for r in art.removed)
    assert_article_kept(art)


@pytest.mark.parametrize("name, icon", [
    ("arrow_forward_ios", True), ("volume_off", True), ("share_alt", True), ("filter_2", True),
    ("user_id", False), ("max_value", False), ("off_on", False),
])
def test_a_lone_ligature_with_a_material_ending(name, icon):
    art = newsclean.clean_text(doc(name))
    assert any(r.category == "icon" and r.text.strip() == name for r in art.removed) is icon
    assert_article_kept(art)


@pytest.mark.parametrize("tail, icon", [
    (" bx bxs-heart", True), (" c-icon c-icon--share", True), (" ion-social-facebook-outline", True),
    (" fa-thin fa-arrow-up-right-from-square", True), (" arrow_forward", True),
    (" Silicon Icons", False), (" Iconic", False), (" close menu", False),
])
def test_icon_labels_glued_to_a_list_item(tail, icon):
    # after a line that is no sentence, only labels no text holds go
    base = ("The band announced its tour on Monday, with dates across the country through the autumn.\n\n"
            "Oct. 3 -- Ak-Chin Pavilion, Phoenix, AZ\n\nOct. 10 -- The Cynthia Woods Mitchell Pavilion, Houston, TX")
    art = newsclean.clean_text(base + tail)
    assert art.text.endswith("Houston, TX") is icon
    assert "Phoenix, AZ" in art.text


@pytest.mark.parametrize("line", ["ShareBar_iconWrapper__a91Zq", 'xlink:href="#svg-arrow-right"',
                                  "styles_closeIcon__Q2mX8"])
def test_a_lone_class_or_sprite_reference(line):
    art = newsclean.clean_text(doc(line))
    assert any(r.category == "icon" and r.text.strip() == line for r in art.removed)
    assert_article_kept(art)


def test_a_camel_case_name_is_no_icon_class():
    art = newsclean.clean_text(doc("IconsOfFashion"))
    assert "IconsOfFashion" in art.text


def test_icon_words_in_prose_stay():
    text = doc(after=["Shares went up and down all day as traders watched the search for a new chief executive."])
    art = newsclean.clean_text(text)
    assert "Shares went up and down" in art.text


# ---------------------------------------------------------------- paywall
@pytest.mark.parametrize("wall", [
    "Subscribe to continue reading",
    "Jetzt abonnieren und weiterlesen",
    "Cet article est réservé aux abonnés.",
    "Para seguir leyendo, suscríbete",
    "Этот материал доступен только подписчикам",
])
def test_paywall_wall_cuts_rest(wall):
    art = newsclean.clean_text(doc(after=[wall, "Sign in", "Your email address", "Already a subscriber? Log in"]))
    assert art.paywalled
    assert_article_kept(art)
    assert wall not in art.text and "Your email address" not in art.text


def test_cookie_banner_is_boilerplate_not_wall():
    art = newsclean.clean_text(doc("We use cookies to improve your experience. Accept all cookies | Cookie settings"))
    assert not art.paywalled
    # a cookie notice does not gate the article: boilerplate, not paywall
    assert any(r.category == "boilerplate" and r.rule == "boilerplate.consent" and "cookies" in r.text
               for r in art.removed)
    assert_article_kept(art)


def test_prose_mentioning_subscribers_stays():
    line = ("The newspaper said it now has more than two million subscribers, and readers can sign in "
            "with a single account across its regional titles, the company said in a statement.")
    art = newsclean.clean_text(doc(after=[line]))
    assert line in art.text


# ---------------------------------------------------------------- spam
def test_english_spam_glued_to_paragraph():
    last = "The vote is expected next month."
    text = doc(after=[last + " Get cheap payday loans online fast https://loans.example/cash https://spam.example"])
    art = newsclean.clean_text(text)
    assert last in art.text
    assert "payday" not in art.text and "https://" not in art.text
    assert any(r.category == "spam" for r in art.removed)


def test_link_dump_line():
    art = newsclean.clean_text(doc(after=["https://a.example/x https://b.example/y https://c.example/z"]))
    assert "https://" not in art.text


def test_single_url_in_sentence_stays():
    line = "The full report, published on Monday, is available at https://example.org/report for anyone to read."
    art = newsclean.clean_text(doc(after=[line]))
    assert line in art.text


# ---------------------------------------------------------------- foreign language
def test_foreign_script_block_removed_quote_kept():
    quote = ("The minister answered with a Russian proverb, «тише едешь — дальше будешь», and the room "
             "laughed before the session continued for another hour.")
    art = newsclean.clean_text(doc(after=[quote, "Подпишитесь на наш канал в Телеграм"]))
    assert quote in art.text
    assert any(r.category == "foreign_language" for r in art.removed)


def test_same_script_foreign_block():
    de = "Die Stadt hat den Haushalt nach einer langen Debatte über die Sanierung der Straßen beschlossen und ist zufrieden."
    art = newsclean.clean_text(doc(after=[de]))
    assert de not in art.text
    assert any(r.category == "foreign_language" for r in art.removed)


# ---------------------------------------------------------------- boilerplate
@pytest.mark.parametrize("line", ["Share", "Comments (12)", "Foto: dpa", "PHOTO: AFP", "© Reuters 2021",
                                  "Advertisement", "All rights reserved", "Follow us on Twitter", "Anzeige"])
def test_boilerplate_lines(line):
    art = newsclean.clean_text(doc(line))
    assert any(r.category == "boilerplate" and r.text == line for r in art.removed), art.removed
    assert_article_kept(art)


def test_subheading_inside_article_stays():
    text = "\n\n".join(ARTICLE[:2] + ["What happens next"] + ARTICLE[2:])
    art = newsclean.clean_text(text)
    assert "What happens next" in art.text


_CHROME_LINES = [
    "Share", "Comments (12)", "Foto: dpa", "© Reuters 2021", "Advertisement", "Follow us on Twitter", "・・・", "。、",
    "We use cookies to improve your experience. Accept all cookies", "Sign up for our newsletter",
    "Get the best stories in your inbox every morning", "Home | World | Sport", "https://example.com/a/b",
    "Listen: https://example.com/pod", "Reach the author at jane@example.com", "[caption id=1]A photo[/caption]",
    "Updated 10:42 GMT", "Tags", "budget, council, roads", "Read more", "Reprinted with permission",
    "The mayor spoke at the summit. Photo: Reuters", "A view of the harbour - Example News",
    "Startseite > Berlin > Bezirke", "Share Facebook Twitter Email", "Newsletter",
]


def _ask_every_rule(ctx):
    """boilerplate.chrome without the runner's skips: every rule asked in order."""
    from newsclean.detectors import boilerplate
    page = boilerplate.Page.of(ctx)
    out = []
    for b, f in zip(ctx.doc.blocks, ctx.doc.feats):
        if b.index in ctx.meta.blocks or f.table:
            continue
        for row in boilerplate.BLOCK_RULES:
            why = row[1](ctx, page, b, f)
            if why:
                out.append((b.index, row[0], why))
                page.verdicts[b.index] = row[0]
                break
    return out


@pytest.mark.parametrize("config", [Config(), Config(drop_lines=("Read more",), extra_phrases={
    "boilerplate_consent": ("pliki cookies",), "boilerplate_phrases": ("mayor spoke",)})])
def test_block_rule_runner_takes_what_every_rule_would(config):
    """The runner skips rules by the words, URLs and key words a block has
    (BLOCK_RULES); it takes the same blocks, by the same rules, as asking
    every rule in turn."""
    from pathlib import Path

    from newsclean.detectors import boilerplate
    from newsclean.detectors.base import Context
    cases = sorted((Path(__file__).parent / "cases").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in cases] + [doc(*_CHROME_LINES, after=_CHROME_LINES)]
    taken = 0
    for text in texts:
        ctx = Context.of_text(text, config)
        got = [(f.block, f.rule, f.reason) for f in boilerplate.chrome(ctx)]
        assert got == _ask_every_rule(ctx)
        taken += len(got)
    assert taken > 100


# ---------------------------------------------------------------- duplicate
def test_duplicate_paragraph_removed_once():
    art = newsclean.clean_text("\n\n".join(ARTICLE + [ARTICLE[1]]))
    assert art.text.count(ARTICLE[1]) == 1
    assert [r.category for r in art.removed] == ["duplicate"]


def test_short_repeated_sentence_stays():
    text = "\n\n".join(ARTICLE[:2] + ["We will not give up."] + ARTICLE[2:] + ["We will not give up."])
    art = newsclean.clean_text(text)
    assert art.text.count("We will not give up.") == 2


LEAD = ("Bus fares will stay frozen next year. The city council voted on Tuesday night to keep fares at their "
        "current level for another twelve months, despite rising fuel costs.")


@pytest.mark.parametrize("copy", ["Key points:\n\n\u2022 Bus fares will stay frozen next year.",
                                  "In short: Bus fares will stay frozen next year.",
                                  "\u6458\u8981\uff1aBus fares will stay frozen next year."])
def test_lead_sentence_repeated_as_summary_point_goes(copy):
    """A short block that is a whole sentence of the paragraph next to it (a
    lead's sentence repeated as a summary point) is a duplicate."""
    art = newsclean.clean_text("\n\n".join([LEAD, copy] + ARTICLE[1:]))
    assert art.text.count("Bus fares will stay frozen next year.") == 1
    assert any(r.rule == "duplicate.part" for r in art.removed)
    assert LEAD in art.text


@pytest.mark.parametrize("near", ["We will fight on the beaches.", "\u201cBus fares will stay frozen next year\u201d",
                                  "Bus fares will stay frozen"])
def test_start_of_a_sentence_or_a_quoting_heading_stays(near):
    """Not a copy: the start of a sentence ("We will fight on the beaches" beside
    "We will fight on the beaches, on the landing grounds"), or a heading that
    quotes a sentence of the paragraph under it (no full stop)."""
    para = ("We will fight on the beaches, we will fight on the landing grounds, the prime minister told the "
            "house on Tuesday. " + LEAD)
    art = newsclean.clean_text("\n\n".join([ARTICLE[0], near, para] + ARTICLE[1:]))
    assert near in art.text


# ---------------------------------------------------------------- teaser
def test_read_more_list_after_article():
    art = newsclean.clean_text(doc(after=["Read more:", "- Flood warnings issued for the north",
                                          "- Police name suspect in bank robbery", "- Stocks fall in early trading"]))
    assert "Flood warnings" not in art.text
    assert any(r.category == "teaser" for r in art.removed)
    assert_article_kept(art)


def test_real_bullet_list_in_article_stays():
    items = ["- Bus fares will be frozen for two years.", "- Ten new cycle lanes will be built.",
             "- Libraries will open on Sundays."]
    text = "\n\n".join(ARTICLE[:2] + items + ARTICLE[2:])
    art = newsclean.clean_text(text)
    for it in items:
        assert it in art.text


def test_kicker_truncated_teaser():
    teaser = ("STORM WARNING: Forecasters said heavy rain would hit the coast on Friday, with flooding expected in low "
              "lying areas and ferries cancelled across the region as winds reach")
    art = newsclean.clean_text(doc(after=[teaser]))
    assert any(r.category == "teaser" for r in art.removed)
    assert_article_kept(art)


# ---------------------------------------------------------------- metadata
@pytest.mark.parametrize("line,iso", [("12 April 2012", "2012-04-12"), ("March 3, 2021", "2021-03-03"),
                                      ("2021-03-03T10:00:00Z", "2021-03-03"), ("03.03.2021 14:05", "2021-03-03"),
                                      ("3 Nov, 2019 10:22", "2019-11-03"), ("Published: 04/15/2020", "2020-04-15"),
                                      ("12 kwietnia 2012", "2012-04-12"), ("12 апреля 2012 г.", "2012-04-12")])
def test_date_lines(line, iso):
    art = newsclean.clean_text(doc("Budget approved after long debate", line))
    assert art.date == iso
    assert line not in art.text


def test_title_byline_dateline():
    text = "\n\n".join(["Council approves budget", "By Jane Doe and John Smith",
                       "LEEDS (Reuters) - " + ARTICLE[0]] + ARTICLE[1:])
    art = newsclean.clean_text(text)
    assert art.title == "Council approves budget"
    assert art.authors == ["Jane Doe", "John Smith"]
    assert art.dateline == "LEEDS (Reuters)"
    assert art.text.startswith("LEEDS (Reuters) - " + ARTICLE[0])


# ---------------------------------------------------------------- config
def test_every_category_can_be_switched_off():
    text = open(__file__.replace("test_detectors.py", "../seeds/003_9aea97d9ac355b1f.txt"), encoding="utf-8").read()
    for cat in newsclean.CATEGORIES:
        art = newsclean.clean_text(text, **{cat: False})
        assert all(r.category != cat for r in art.removed), cat


def test_unknown_option_is_an_error():
    with pytest.raises(TypeError):
        newsclean.clean_text("x", no_such_option=True)


def test_config_is_frozen():
    cfg = Config()
    with pytest.raises(Exception):
        cfg.spam = False  # type: ignore[misc]


def test_extra_phrases_and_drop_lines():
    text = doc("Werde jetzt Mitglied", "Local Edition")
    art = newsclean.clean_text(text, extra_phrases={"paywall_prompts": ("werde jetzt mitglied",)},
                               drop_lines=("Local Edition",))
    assert "Werde jetzt Mitglied" not in art.text and "Local Edition" not in art.text


def test_no_junk_unchanged():
    art = newsclean.clean_text("\n\n".join(ARTICLE))
    assert art.text == "\n\n".join(ARTICLE)
    assert art.removed == []


def test_question_headline_with_date_line_under_it():
    text = "\n".join(["Menu", "Search", "Are city buses getting slower?", "Published 10:02 AM EST Nov 19, 2019"] + ARTICLE)
    art = newsclean.clean_text(text)
    assert art.title == "Are city buses getting slower?"
    assert art.date == "2019-11-19"
    assert_article_kept(art)


def test_langdetect_is_deterministic_and_leaves_the_library_global_alone():
    import gc

    from langdetect import DetectorFactory

    from newsclean.analysis import language as document

    before = DetectorFactory.seed
    sample = ("Der Gemeinderat hat am Donnerstag beschlossen, die beiden Schulen im Tal "
              "zusammenzulegen, nachdem die Zahl der Kinder seit Jahren sinkt.")
    assert document._langdetect(sample) == document._langdetect(sample) == "de"
    assert DetectorFactory.seed == before
    # Its n-gram profiles are arrays of doubles: no list of float objects for
    # the cyclic GC to walk, element by element, on every full collection.
    from array import array

    profiles = document._langdetect_factory().word_lang_prob_map
    assert len(profiles) > 10_000
    assert all(type(v) is array and v.typecode == "d" for v in profiles.values())
    assert not any(gc.is_tracked(x) for v in list(profiles.values())[:100] for x in v)


def test_own_langdetect_profiles_give_langdetects_own_probabilities():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from newsclean.analysis import language as document

    stock = DetectorFactory()
    stock.load_profile(PROFILES_DIRECTORY)
    stock.seed = 0
    ours = document._langdetect_factory()
    for sample in ("Der Gemeinderat hat am Donnerstag beschlossen, die Schulen zusammenzulegen.",
                   "Le conseil municipal a décidé jeudi de fusionner les deux écoles de la vallée.",
                   "La giunta ha deciso giovedì di unire le due scuole della valle.",
                   "Rada gminy postanowiła w czwartek połączyć obie szkoły w dolinie."):
        a, b = stock.create(), ours.create()
        a.append(sample)
        b.append(sample)
        assert [(p.lang, p.prob) for p in a.get_probabilities()] == [(p.lang, p.prob) for p in b.get_probabilities()]


def test_comment_header_prefilter_knows_every_case_variant_of_the_verbs_last_letters():
    import re

    from newsclean.detectors import boilerplate as bp

    verbs = re.search(r"\(\?:([^)]*)\)", bp._COMMENT_END_RE.pattern).group(1).split("|")
    assert "says" in verbs and "пишет" in verbs
    last = re.compile("[" + re.escape("".join({v[-1] for v in verbs})) + "]", re.IGNORECASE)
    variants = {chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and last.match(chr(c))}
    assert "ſ" in variants  # (LATIN SMALL LETTER LONG S matches "s" ignoring case)
    assert variants <= bp._COMMENT_LAST
    assert bp._comment_header("Maria says") and bp._comment_header("Jan schreibt:")
    assert not bp._comment_header("Home") and not bp._comment_header("Sports")


CLAIMED_LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Polish", "Russian")


@pytest.mark.parametrize("name", ["paywall_wall", "paywall_prompts", "boilerplate_lines", "boilerplate_phrases",
                                  "boilerplate_consent", "boilerplate_newsletter", "teaser_headers", "spam_lexicon",
                                  "spam_sales", "spam_promotion", "paywall_kinds", "icon_ui_words", "icon_labels", "attribution"])
def test_every_claimed_language_has_entries(name):
    """docs/categories.md claims eight languages: each vocabulary has entries under each one's heading."""
    from importlib import resources

    text = resources.files("newsclean").joinpath("data", name + ".txt").read_text(encoding="utf-8")
    sections, current = {}, None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# ") and line[2:].split()[0] in CLAIMED_LANGUAGES and len(line.split()) == 2:
            current = line[2:]
            sections.setdefault(current, 0)
        elif line and not line.startswith("#") and current:
            sections[current] += 1
    missing = [lang for lang in CLAIMED_LANGUAGES if sections.get(lang, 0) == 0]
    assert not missing, f"{name}: no entries for {missing}"
