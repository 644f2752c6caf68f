"""Kinds added on 2026-12-02 (issue 16), each with junk in several claimed
languages and near misses that must stay: a paywall notice with its call or
glued after the last sentence (paywall.kinds, paywall.tail), an offer box of
plans with prices (paywall.offer), gift-article notices; an icon's alt text
(icon.label), emoji buttons with counts and a pager's arrows (icon.glyph),
CSS escapes and size modifiers of icon fonts (icon.line); a sentence of the
article repeated with the marks of a copy wherever it stands, and a summary
box's label (duplicate.part); and the guards that keep an article's list
(boilerplate.footer, teaser.list) and its lead (boilerplate.header)."""
from __future__ import annotations

from typing import List, Tuple

import pytest

import newsclean
from newsclean.config import DEFAULT_CONFIG
from newsclean.detectors import paywall
from newsclean.detectors.base import params_of

ARTICLE = {
    "en": ["The city council approved the new budget on Tuesday after a long debate about school funding and road "
           "repairs.",
           "Council members said the plan would raise spending on libraries by four percent next year, while keeping "
           "taxes flat.",
           "The mayor called the vote a compromise and said more work was needed on housing.",
           "Opposition members walked out before the final vote, calling the process rushed and opaque."],
    "fr": ["La mairie a annoncé lundi la fermeture provisoire de la piscine municipale pour des travaux de rénovation.",
           "Selon l'adjoint chargé des sports, le bassin présente des fuites importantes qui ne peuvent plus être "
           "réparées.",
           "Les clubs de natation de la ville devront s'entraîner pendant plusieurs mois dans les communes voisines.",
           "Les travaux, financés en partie par la région, devraient durer jusqu'à la fin de l'année prochaine."],
    "es": ["El ayuntamiento presentó este miércoles un plan para plantar diez mil árboles en los barrios con menos "
           "zonas verdes.",
           "Según la concejala de medio ambiente, los nuevos árboles ayudarán a reducir la temperatura de las calles.",
           "Las asociaciones de vecinos han pedido que se consulte a los residentes antes de elegir las especies.",
           "La primera fase del proyecto comenzará en otoño y se completará a finales del año que viene."],
    "ru": ["Городские власти объявили во вторник о начале ремонта главной библиотеки, закрытой уже больше года.",
           "По словам директора, в здании заменят крышу, систему отопления и старые окна в читальных залах.",
           "Читатели смогут пользоваться временным залом в соседнем доме культуры до окончания работ.",
           "Ремонт обойдётся городу примерно в двести миллионов рублей и займёт около полутора лет."],
}


def _clean(lang: str, junk: str, at: int, glued: bool = False) -> Tuple[newsclean.Article, List[str]]:
    paras = list(ARTICLE[lang])
    if glued:
        paras[-1] = paras[-1] + " " + junk
    else:
        paras.insert(at, junk)
    return newsclean.clean_text("\n\n".join(paras)), paras


def _rules_on(article: newsclean.Article, junk: str) -> List[str]:
    return [r.rule for r in article.removed if r.text.strip() and r.text.strip() in junk]


def _article_kept(article: newsclean.Article, lang: str) -> bool:
    return all(p in article.text for p in ARTICLE[lang])


@pytest.mark.parametrize("lang, junk", [
    ("en", "You've hit your limit of free stories. Support local reporting from $4 a month."),
    ("fr", "Vous avez atteint la limite d'articles gratuits. Créez un compte pour continuer."),
    ("es", "Este artículo te lo ha regalado un suscriptor"),
    ("fr", "Cet article vous est offert par un abonné."),
    ("ru", "Чтобы читать дальше, оформите подписку за 1 ₽."),
])
def test_a_paywall_notice_with_its_call_goes_as_paywall(lang, junk):
    article, _ = _clean(lang, junk, 2)
    assert _rules_on(article, junk) and all(r.startswith("paywall.") for r in _rules_on(article, junk))
    assert _article_kept(article, lang)


@pytest.mark.parametrize("lang, junk", [
    ("en", "Only subscribers can read the rest of this story."),
    ("es", "Te quedan 3 noticias gratis este mes"),
    ("fr", "Vous avez atteint la limite d'articles gratuits. Créez un compte pour continuer."),
])
def test_a_notice_glued_after_the_last_sentence_goes_alone(lang, junk):
    article, _ = _clean(lang, junk, 0, glued=True)
    tail = [r for r in article.removed if r.rule == "paywall.tail"]
    assert len(tail) == 1 and tail[0].text.strip() == junk
    assert _article_kept(article, lang)


def test_notice_from_finds_the_notice_and_not_the_sentences_before_it():
    p = params_of(DEFAULT_CONFIG, "paywall")
    text = "The council met on Tuesday. Only subscribers can read the rest of this story. Log in or subscribe."
    at, kind = paywall.notice_from(text, p)
    assert text[at:].strip() == "Only subscribers can read the rest of this story. Log in or subscribe." and kind
    assert paywall.notice_from("The council met on Tuesday. The vote was close.", p) == (-1, "")


@pytest.mark.parametrize("lang, lines", [
    ("es", ["Elige tu plan", "Mensual 9,99 €/mes", "Anual 79 €/año", "Suscríbete"]),
    ("ru", ["Полный доступ ко всем материалам", "Первый месяц — 1 ₽", "Оформить подписку"]),
    ("en", ["Choose your plan", "Digital — $4/month", "All Access — $9.99/month", "Subscribe"]),
])
def test_an_offer_box_of_plans_and_prices_goes_as_paywall(lang, lines):
    junk = "\n\n".join(lines)
    article, _ = _clean(lang, junk, 4)
    for line in lines:
        assert line not in article.text
    assert any(r.startswith("paywall.") for r in _rules_on(article, junk))
    assert _article_kept(article, lang)


@pytest.mark.parametrize("lang, near_miss", [
    ("en", "Netflix raised the price of its standard plan to $15.49 a month, the company said."),
    ("en", "Only 30 percent of readers of the local paper pay for a subscription, a survey found."),
    ("fr", "Le journal compte désormais 300 000 abonnés numériques, selon son directeur."),
    ("es", "La suscripción mensual pasará de 9,99 a 11,99 euros a partir de marzo, anunció la empresa."),
])
def test_sentences_about_subscriptions_and_prices_stay(lang, near_miss):
    for glued in (False, True):
        article, _ = _clean(lang, near_miss, 2, glued=glued)
        assert near_miss in article.text, [(r.rule, r.text) for r in article.removed]


def test_an_article_price_list_without_a_call_stays():
    prices = ["Basic: $6.99 a month", "Standard: $15.49 a month", "Premium: $22.99 a month"]
    article, _ = _clean("en", "\n\n".join(prices), 2)
    for line in prices:
        assert line in article.text


@pytest.mark.parametrize("lang, junk", [
    ("en", "Facebook logo"), ("fr", "Icône de partage"), ("es", "Icono de Telegram"), ("ru", "значок Telegram"),
])
def test_an_icons_alt_text_goes_as_icon(lang, junk):
    for glued in (False, True):
        article, _ = _clean(lang, junk, 2, glued=glued)
        assert junk not in article.text and _rules_on(article, junk) == ["icon.label"]
        assert _article_kept(article, lang)


@pytest.mark.parametrize("junk", ["👁 4.512", "💬 12 ♥ 340", "✉️ 🖨️ 🔗", "1 / 12 ‹ ›", "« ‹ › »", "\\e5cd",
                                  "material-icons md-18"])
def test_glyph_lines_and_icon_font_codes_go_as_icon(junk):
    article, _ = _clean("en", junk, 2)
    assert junk not in article.text and all(r.startswith("icon.") for r in _rules_on(article, junk))


@pytest.mark.parametrize("near_miss", ["Inflation ↑ 0.3 points", "« Nous ne céderons pas », a-t-il dit.",
                                       "The logo of the new party was unveiled on Monday in front of 300 members."])
def test_symbols_and_logos_in_article_text_stay(near_miss):
    article, _ = _clean("en", near_miss, 2)
    assert near_miss in article.text


LEAD = ARTICLE["en"][0]


@pytest.mark.parametrize("junk, at", [
    ("\u201c" + LEAD + "\u201d", 3),                   # a pull quote
    (LEAD + " \u2026 Read more", 4),                  # a teaser of the article itself
    (LEAD + " | Latest news", 4),                      # a social card with its section
    ("Summary: " + LEAD, 4),                           # a labelled summary far from the lead
    ("Key points\n\n\u2022 " + LEAD, 1),              # a summary box: its label goes too
])
def test_a_sentence_repeated_with_the_marks_of_a_copy_goes_wherever_it_stands(junk, at):
    article, _ = _clean("en", junk, at)
    assert article.text.count(LEAD) == 1, [(r.rule, r.text[:40]) for r in article.removed]
    assert "Key points" not in article.text and "Read more" not in article.text
    assert all(r.startswith("duplicate.") for r in _rules_on(article, junk))
    assert _article_kept(article, "en")


def test_a_quote_said_once_and_a_recipe_line_cut_at_an_abbreviation_stay():
    quote = "\u201cWe will fight this budget in every ward of the city,\u201d she said."
    recipe = ["Tomato salad (1/2 cup tomatoes, 1/4 cup feta, 1 Tbsp. balsamic vinegar)",
              "Meal 2", "Green salad (1 cup lettuce, 1/4 cup feta, 1 Tbsp. balsamic vinegar)"]
    article, _ = _clean("en", "\n\n".join([quote] + recipe), 2)
    for line in [quote] + recipe:
        assert line in article.text


def test_the_end_of_an_articles_list_stays_next_to_junk():
    dates = [f"June {d} \u2013 City {d}, ST @ Arena {d}" for d in range(1, 9)]
    paras = ARTICLE["en"] + ["Tour dates"] + dates + ["Already a subscriber? Log in"]
    article = newsclean.clean_text("\n\n".join(paras))
    for line in dates:
        assert line in article.text
    assert "Already a subscriber" not in article.text


def test_a_lead_paragraph_above_the_headline_found_stays_in_an_article_shaped_text():
    # (the lead on the body's topic stays; a section's blurb above the headline goes: seed 003)
    body = ["The budget raises school funding by six percent and sets aside money for road repairs in every "
            "district of the city.",
            "The council debate on the budget lasted nine hours, and the vote on school funding was close.",
            "Road repairs will start in the spring, the council said after the vote on Tuesday."]
    paras = [LEAD, "Share on Facebook", "Share on X", "Budget vote splits the council"] + body
    article = newsclean.clean_text("\n\n".join(paras))
    assert LEAD in article.text


@pytest.mark.parametrize("lang, junk", [
    ("en", "Current Time 0:00"), ("en", "Beginning of dialog window. Escape will cancel and close the window."),
    ("fr", "Ceci est une fenêtre modale."), ("es", "Tiempo restante -2:14"), ("ru", "Это модальное окно."),
])
def test_a_video_players_screen_reader_text_goes_as_icon(lang, junk):
    article, _ = _clean(lang, junk, 2)
    assert junk not in article.text and _rules_on(article, junk) == ["icon.label"] * len(_rules_on(article, junk))
    assert _article_kept(article, lang)


def test_the_same_words_in_a_sentence_stay():
    for sentence in ["The clock on the tower showed the current time to everyone in the square, he said.",
                     "This is a modal window, the designer explained, and it blocks the rest of the page."]:
        article, _ = _clean("en", sentence, 2)
        assert sentence in article.text
