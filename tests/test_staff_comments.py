"""Staff credits (boilerplate.staff) and comment sections (boilerplate.comments):
junk in the eight languages, and the article text that looks like it."""
import pytest

import newsclean
from newsclean.detectors import boilerplate
from newsclean.text import lexicon

ARTICLE = ("The city council approved the new budget on Tuesday after a long debate about school funding and road "
           "repairs.\n\nCouncil members said the plan would raise spending on libraries by four percent next year, "
           "while keeping taxes flat.\n\nThe mayor called the vote a compromise and said more work was needed on "
           "housing, where rents have risen faster than wages for a decade.\n\nOpposition members said the budget "
           "left too little for the bus network, which lost a fifth of its riders during the pandemic.")


def _staff(text: str) -> str:
    return boilerplate.staff_credit_line(
        text, lexicon.phrases("staff_roles"), lexicon.phrases("staff_roles_general"),
        lexicon.phrases("staff_contributed"), lexicon.phrase_set("credits"), boilerplate.STAFF_CLAUSE_WORDS,
        boilerplate.STAFF_PLACE_WORDS)


@pytest.mark.parametrize("line", [
    "Reporting by Maria Lopez in Madrid; Additional reporting by Tom Hart; Editing by Ann Fox",
    "(Writing by Paul Grey; editing by Susan Reed and Mark Lyle)",
    "Reuters staff writers Hana Kim and Leo Park contributed to this report.",
    "Omar Said in Cairo contributed reporting.",
    "Jan Weber contributed reporting. Eva Roth contributed research.",
    "(Redigiert von Carola Fink)",
    "Mitarbeit: Lukas Brenner, Ida Wolf",
    "(Reportage Luc Moreau; version française Claire Petit, édité par Anne Roux)",
    "Propos recueillis par Julien Marchand",
    "(Reporte de Pablo Gil; Editado en español por Rosa Vega)",
    "Con información de EFE y Europa Press",
    "(Reporting di Marco Neri, in redazione a Milano Giulia Sala)",
    "Hanno collaborato Paolo Verdi e Sara Bianchi",
    "(Reportagem de Ana Costa; Edição de Rui Lima)",
    "*Com informações da Reuters",
    "Opracowanie: Anna Nowak",
    "Współpraca: Piotr Wiśniewski",
    "(Редактирование Ольга Петрова)",
    "При участии Ивана Смирнова",
    "Le Monde avec AFP",
    "(Com agências)",
    "La rédaction avec agences",
])
def test_staff_credits(line):
    assert _staff(line), line


@pytest.mark.parametrize("line", [
    "Reporting by the BBC found that the council had overspent.",
    "Editing by hand took the monks decades.",
    "Written by Jane Doe",               # a book's or a film's credit in a review: alone, kept
    "Edited by Marta Ruiz",
    "Directed by Pedro Almodóvar",
    "Avec Jean Dujardin et Bérénice Bejo",
    "With Jane Doe and John Roe",
    "Mit Material von gestern hat das Gericht nichts angefangen.",
    "Con información de la policía, el juez ordenó el arresto.",
    "Redakcja gazety odmówiła komentarza.",
    "Materiał przygotowała Anna Nowak z pomocą kolegów, którzy pracowali nocą.",
    "She contributed to this report's first draft as an intern in 2019.",
    "Hanno collaborato alla ricerca anche due università americane.",
    "При участии Москвы переговоры продолжатся в среду.",
])
def test_story_sentences_are_no_staff_credit(line):
    assert not _staff(line), line


@pytest.mark.parametrize("line, tags", [
    ("mzi/ mhr/", True), ("bur-mc/jvb/bds", True), ("ssu/dpa", True), ("(dpa/mb)", True),
    ("and/or", False), ("km/h", False), ("his/her", False), ("dpa/afp", False), ("24/7", False),
])
def test_desk_initials(line, tags):
    assert boilerplate.desk_tags(line, lexicon.phrase_set("credits")) is tags


def _removed(text: str, part: str) -> list:
    article = newsclean.clean_text(text)
    return [r.rule for r in article.removed if r.text.strip() and r.text.strip() in part]


def test_staff_credit_stays_by_default_and_goes_when_asked():
    credit = "(Reporting by Maria Lopez; Editing by Ann Fox)"
    assert credit in newsclean.clean_text(ARTICLE + "\n\n" + credit).text
    article = newsclean.clean_text(ARTICLE + "\n\n" + credit, params={"boilerplate.STAFF_MAX_WORDS": 60})
    assert credit not in article.text
    for para in ARTICLE.split("\n\n"):
        assert para in article.text
    assert "boilerplate.staff" in [r.rule for r in article.removed]
    # a desk's initials are no text an editor keeps: they go by default
    assert "boilerplate.desk" in _removed(ARTICLE + "\n\nmzi/ mhr/", "mzi/ mhr/")


THREADS = [
    # a heading with its count, and comments with nothing else
    "7 comments\n\nGreat article, but what about the suburbs?\n\nI agree with the mayor for once.",
    "Kommentare (2)\n\nEndlich tut sich etwas bei den Bussen.\n\nWer soll das bezahlen?",
    "Комментарии (3)\n\nА что с автобусами?\n\nНаконец-то!\n\nПосмотрим, что будет осенью.",
    # a heading without a count, and a line only a comment section has
    "Commentaires\n\nMarie D.\n\nil y a 2 heures\n\nEnfin une bonne nouvelle pour les bibliothèques.\n\nRépondre",
    "Comentários\n\n@joao_pedro concordo, os ônibus estão piores a cada ano.\n\nE os impostos, ninguém fala?",
    # no heading: the buttons under each comment
    "Kasia_W\n\nNareszcie ktoś pomyślał o bibliotekach.\n\nOdpowiedz · Zgłoś\n\nMarek\n\nA autobusy jak "
    "zwykle na końcu.\n\nOdpowiedz · Zgłoś",
]


@pytest.mark.parametrize("thread", THREADS)
def test_comment_sections_go(thread):
    article = newsclean.clean_text(ARTICLE + "\n\n" + thread)
    for para in ARTICLE.split("\n\n"):
        assert para in article.text
    lines = [p for p in thread.split("\n\n")]
    # the comments themselves go (the first comment before the first
    # buttons, in a section without a heading, may stay: nothing marks its start)
    assert sum(1 for p in lines if p in article.text) <= 2
    assert "boilerplate.comments" in [r.rule for r in article.removed]


KEPT = [
    # a sub-heading of the article, then its prose
    "Discussion\n\nThe council will debate the bus network again in March, when the new figures are in.",
    "Comments from the public\n\nMost of the 300 letters the council received asked for more buses at night.",
    # a live blog's times, and quoted posts
    "2 hours ago\n\nThe mayor has arrived at the town hall.\n\n1 hour ago\n\nThe vote is expected at noon.",
    "@cityhall We have approved the budget.\n\n@mayor Thank you to every member who voted.",
    # a heading without a count and without any mark of a comment section
    "Comments\n\nThe finance committee added three comments to the draft, all about the bus network.",
]


@pytest.mark.parametrize("tail", KEPT)
def test_article_lines_that_look_like_comments_stay(tail):
    article = newsclean.clean_text(ARTICLE + "\n\n" + tail)
    for para in tail.split("\n\n"):
        if len(para.split()) > 4:
            assert para in article.text, para


def test_a_comment_section_that_is_half_the_text_stays():
    # (the article is then the comments' page: a forum, not an article under them)
    short = ARTICLE.split("\n\n")[0]
    thread = "12 comments\n\n" + "\n\n".join(f"Comment number {n}: I think the council is wrong about this, "
                                             "and the buses should come first." for n in range(6))
    article = newsclean.clean_text(short + "\n\n" + thread)
    assert "boilerplate.comments" not in [r.rule for r in article.removed]
