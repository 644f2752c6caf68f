"""Spam by its form (2026-12-02, seventh session): the seller's own business,
comment spam's praise, offers of kinds no list knows (spam.reach), and the
article text that looks like them: helplines, official sites, reports that
quote an advert. Wordings written for this file, not taken from a test set."""
import pytest

import newsclean

ARTICLE = ("The city council approved the new budget on Tuesday after a long debate about school funding and road "
           "repairs.\n\nCouncil members said the plan would raise spending on libraries by four percent next year, "
           "while keeping taxes flat.\n\nThe mayor called the vote a compromise and said more work was needed on "
           "housing, where rents have risen faster than wages for a decade.\n\nOpposition members said the budget "
           "left too little for the bus network, which lost a fifth of its riders during the pandemic.")


def _removed(junk: str, glued: bool = False):
    text = ARTICLE + (" " if glued else "\n\n") + junk
    art = newsclean.clean_text(text)
    start = text.index(junk)
    return art, [r for r in art.removed if r.start < start + len(junk) and r.end > start]


def _article_kept(art) -> None:
    for para in ARTICLE.split("\n\n"):
        assert para in art.text


@pytest.mark.parametrize("junk", [
    # praise of the post, then the writer's own site (a kind: the seller's own business)
    "Wonderful article, thanks for sharing! I write about similar things on my blog: www.quiet-gardens-daily.com",
    "Toller Artikel, danke für den Beitrag! Mehr dazu auf meinem Blog: www.wanderlust-notizen.de",
    "Świetny artykuł, dzięki! Zapraszam na mój blog o rowerach: www.rowerowe-trasy.pl",
    # a private seller's ad: "I sell" and a price with a phone
    "Vendo bicicletta da corsa quasi nuova a 350 euro, scrivetemi su WhatsApp 347 555 0101",
    # a trade no list knows, a way to reach it, prices and promises (spam.reach)
    "Blocked drains? Fast drain unblocking at a fixed price, guaranteed same day. Tel. 0161 555 0192",
    "Entrümpelung zum Festpreis, schnell und günstig, besenrein übergeben. Tel. 030 555 01 23",
])
def test_spam_by_its_form_goes(junk):
    art, hits = _removed(junk)
    assert hits and all(r.category == "spam" for r in hits), [(r.rule, r.text) for r in art.removed]
    _article_kept(art)


def test_an_offer_of_an_unknown_kind_is_cut_from_the_paragraph_it_is_glued_to():
    junk = "Blocked drains? Fast drain unblocking at a fixed price, guaranteed same day. Tel. 0161 555 0192"
    art, hits = _removed(junk, glued=True)
    assert hits and {r.rule for r in hits} <= {"spam.reach", "spam.tail"}
    assert "which lost a fifth of its riders during the pandemic." in art.text


@pytest.mark.parametrize("sentence", [
    # helplines: a number, "free", a call, in a report
    "Anyone affected by the closures can call the council's free advice line on 0800 555 0147, which is open "
    "every day until the end of the month.",
    "Wer betroffen ist, kann die kostenlose Beratungsstelle der Stadt unter 0800 555 0147 anrufen, die bis Ende "
    "des Monats täglich erreichbar ist.",
    "Chi è stato colpito può telefonare gratuitamente allo sportello del comune al numero 800 555 014, attivo "
    "tutti i giorni fino alla fine del mese.",
    # an official site in a report about buying online
    "On its official site gov-advice.example, the ministry reminds buyers that ordering prescription drugs from "
    "unlicensed online pharmacies is illegal and can be dangerous.",
])
def test_a_helpline_or_an_official_site_in_a_report_is_no_spam(sentence):
    # (in an English article the German and Italian lines go as foreign
    # language: what counts here is that no spam rule takes them)
    text = ARTICLE + "\n\n" + sentence
    art = newsclean.clean_text(text)
    assert not [r for r in art.removed if r.category == "spam"], [(r.rule, r.text) for r in art.removed]
    if sentence.isascii():
        assert sentence in art.text


def test_a_trade_ad_in_an_article_about_that_trade_stays():
    # spam.reach needs words the article does not use elsewhere: here the
    # article is about drain unblocking, and the firm's line belongs to it.
    article = ("Drain unblocking firms in the city have raised their prices by a third this year, a survey found."
               "\n\nThe survey compared the fixed price that firms quote for unblocking drains with what customers "
               "paid in the end, and found that same-day call-outs cost most."
               "\n\nOne firm told customers: Blocked drains? Fast drain unblocking at a fixed price, guaranteed "
               "same day. Tel. 0161 555 0192"
               "\n\nThe council said it would publish the survey's figures for every district next month.")
    art = newsclean.clean_text(article)
    assert not [r for r in art.removed if r.rule == "spam.reach"], [(r.rule, r.text) for r in art.removed]


def test_a_call_counts_only_in_a_short_run():
    from newsclean.config import DEFAULT_CONFIG
    from newsclean.detectors import spam
    from newsclean.detectors.base import params_of

    p = params_of(DEFAULT_CONFIG, "spam")

    def sentence(n_words: int):
        return spam._Sentence(0, 1, n_words, 1, 0, frozenset(), frozenset({"call", "free"}), frozenset({"call"}),
                              False, 0, 0, n_words, False)

    assert spam._commerce([sentence(p.PROSE_WORDS - 1)], p) == (0, 2, 1)  # "free" and the call
    assert spam._commerce([sentence(p.PROSE_WORDS)], p) == (0, 1, 0)      # "free" alone


@pytest.mark.parametrize("junk", [
    "cheap hotels rome | cheap hotels near colosseum | last minute cheap hotels | cheap hostels rome",
    "Umzug Berlin, Umzugsfirma Berlin günstig, Umzug Berlin Festpreis, Umzug Berlin Mitte",
    "serrurier pas cher | serrurier urgence | serrurier 24h/24 | serrurier Lyon",
])
def test_keyword_stuffing_goes(junk):
    art, hits = _removed(junk)
    assert [r.rule for r in hits] == ["spam.stuffing"], [(r.rule, r.text) for r in art.removed]
    _article_kept(art)


@pytest.mark.parametrize("line", [
    "Labour gain, Labour hold, Labour hold, Conservative gain",       # results: no commerce
    "Paris, Lyon, Marseille, Toulouse, Nice",                         # no word repeats
    "Tickets: adults £12, children £6, families £30",                 # a price list, no repeated word
])
def test_lists_that_repeat_or_price_are_no_stuffing(line):
    art, hits = _removed(line)
    assert not [r for r in hits if r.rule == "spam.stuffing"], [(r.rule, r.text) for r in art.removed]


def test_a_sellers_own_offer_goes_though_it_ends_with_a_full_stop():
    junk = "Great article. Our studio offers affordable web design and guaranteed top SEO ranking within a month."
    art, hits = _removed(junk)
    assert hits and all(r.category == "spam" for r in hits), [(r.rule, r.text) for r in art.removed]


def test_a_quote_about_our_company_stays():
    line = "\u201cOur company offers the best service in the region,\u201d the chief executive told reporters on Monday."
    art, hits = _removed(line)
    assert not hits and line in art.text, [(r.rule, r.text) for r in art.removed]
