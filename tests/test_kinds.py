"""Issue 16, "kinds, not wordings": hand-written junk of each kind the icon,
spam, paywall and foreign_language detectors claim, in the languages the
library claims, planted in short articles (tests/kinds_examples.py). Each
item must be removed, under its category, with the article intact; each
near miss (an article sentence about a casino, a loan, a quotation, UI
words, specs) must stay."""
import pytest

import newsclean
from kinds_examples import ARTICLES, JUNK, NEAR_MISSES, outcome, plant_near_miss


@pytest.mark.parametrize("item", JUNK, ids=[f"{j.category}-{j.lang}-in-{j.article}-{j.place}-{i}"
                                            for i, j in enumerate(JUNK)])
def test_junk_of_each_kind_goes_under_its_category(item):
    removed, right, kept = outcome(item)
    assert removed, item.text
    assert right, item.text
    assert kept, item.text


@pytest.mark.parametrize("lang,text", NEAR_MISSES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(NEAR_MISSES)])
def test_near_miss_article_sentences_stay(lang, text):
    out = newsclean.clean_text(plant_near_miss(lang, text)).text
    for line in text.split("\n"):
        assert line in out
    for p in ARTICLES[lang]:
        assert p in out


MID_WALLS = [
    ("en", "Create a free account to continue reading this article."),
    ("de", "Jetzt weiterlesen mit Abo: Testen Sie 4 Wochen für 1 Euro."),
    ("fr", "Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite."),
    ("es", "Para seguir leyendo, suscríbete."),
    ("it", "Per continuare a leggere abbonati."),
    ("pt", "Para continuar lendo, assine."),
    ("pl", "Aby czytać dalej, wykup subskrypcję."),
    ("ru", "Чтобы продолжить чтение, оформите подписку."),
]


@pytest.mark.parametrize("lang,wall", MID_WALLS, ids=[lang for lang, _ in MID_WALLS])
def test_wall_in_the_middle_keeps_the_text_after_it(lang, wall):
    """Some sites ship the whole text behind a wall drawn over it: the wall
    goes, the article's paragraphs after it stay."""
    paras = ARTICLES[lang]
    art = newsclean.clean_text("\n\n".join(paras[:2] + [wall] + paras[2:]))
    assert wall not in art.text
    assert any(r.category == "paywall" for r in art.removed)
    for p in paras:
        assert p in art.text


def test_an_offer_on_the_articles_own_topic_stays():
    """spam.offer needs an offer off the article's topic: an article about
    casino bonuses names them in its headings and paragraphs alike."""
    paras = [
        "Online casinos are spending more than ever on bonuses to win new players, the regulator said on Tuesday.",
        "Free spins and deposit bonuses now make up a third of the casinos' marketing budgets, its report found.",
        "Casino bonus with free spins and no deposit",
        "The regulator wants casinos to show the conditions of every bonus before players sign up for an account.",
    ]
    art = newsclean.clean_text("\n\n".join(paras))
    for p in paras:
        assert p in art.text
