"""Boilerplate, teaser and duplicate junk recognised by its form, in wordings
written for these tests (none from the junk sets or the benchmark), and the
article sentences that look like it and must stay."""
import pytest

import newsclean

ARTICLE = [
    "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.",
    "Council members said the plan would raise spending on public transport by ten percent over the next two years.",
    "Opponents argued that the increase was not matched by new revenue and that taxes would have to rise later.",
    "The mayor said she was confident that the budget was balanced and that the city would meet its obligations.",
]


def cleaned(*junk: str, where: int = 2):
    lines = ARTICLE[:where] + [ln for j in junk for ln in j.split("\n")] + ARTICLE[where:]
    return newsclean.clean_text("\n\n".join(lines))


def removed_as(art, text: str):
    return {r.rule for r in art.removed if text in r.text or r.text in text}


def assert_goes_by(junk: str, rule: str) -> None:
    """``junk`` planted in the article goes by ``rule``, and the article stays whole."""
    art = cleaned(junk)
    assert rule in removed_as(art, junk)
    assert all(p in art.text for p in ARTICLE)


@pytest.mark.parametrize("junk", [
    # a dialog's close button, a menu's button, in every claimed language
    "Schließen", "Fermer", "Cerrar", "Chiudi", "Fechar", "Zamknij", "Закрыть",
    "Menü", "Menú", "Меню", "Hauptmenü", "Menu principal",
    # a pager's and a player's buttons
    "Nächster Artikel", "Article précédent", "Volver arriba", "Torna su", "Voltar ao topo", "Wróć na górę", "Наверх",
    "Écouter cet article", "Odsłuchaj artykuł", "Прослушать статью",
])
def test_lone_buttons_in_every_language(junk):
    assert_goes_by(junk, "boilerplate.line")


@pytest.mark.parametrize("junk", [
    "Story continues below advertisement",
    "L'article continue après la publicité",
    "Die Geschichte geht unter der Anzeige weiter",
    "La noticia continúa después de la publicidad",
    "Dalsza część artykułu pod reklamą",
    "Продолжение ниже после рекламы",
])
def test_advertising_slot_markers(junk):
    assert_goes_by(junk, "boilerplate.ad")


@pytest.mark.parametrize("junk", [
    "Share this story\nFacebook\nWhatsApp\nEmail",
    "Compartilhe esta reportagem\nWhatsApp\nTelegram",
    "Podziel się artykułem\nFacebook\nX",
])
def test_share_bars_written_one_button_a_line(junk):
    art = cleaned(junk)
    for line in junk.split("\n"):
        assert line not in art.text.split("\n\n"), line
    assert all(p in art.text for p in ARTICLE)


@pytest.mark.parametrize("junk", [
    "Foto EFE / Ana García",
    "(AFP)",
    "Bild: dpa / Anna Schmidt",
    "(Photo by Maria Lopez/AFP)",
    "Maria Lopez/Reuters",
])
def test_photo_credits(junk):
    assert "boilerplate.credit" in removed_as(cleaned(junk), junk)


@pytest.mark.parametrize("junk", [
    "Schlagwörter: Haushalt, Stadtrat, Verkehr",
    "Etiquetas: presupuesto, ayuntamiento",
    "Теги: бюджет, городской совет",
])
def test_tag_lines(junk):
    art = cleaned(junk, where=4)
    assert junk not in art.text


@pytest.mark.parametrize("junk", [
    "Ostatnia aktualizacja: 14.03.2024, 09:30",
    "Articolo aggiornato il 14/03/2024 alle 09:30",
    "Dieser Beitrag wurde am 14.03.2024 um 09:30 Uhr aktualisiert",
])
def test_update_notices(junk):
    art = cleaned(junk, where=0)
    assert junk not in art.text


@pytest.mark.parametrize("label", ["Key points: ", "Auf einen Blick: ", "En bref : ", "Resumen: "])
def test_a_summary_box_repeating_the_lead_goes_not_the_lead(label):
    text = "\n\n".join([label + ARTICLE[0]] + ARTICLE)
    art = newsclean.clean_text(text)
    assert "duplicate.part" in {r.rule for r in art.removed}
    assert label.strip() not in art.text
    assert art.text.count(ARTICLE[0]) == 1


@pytest.mark.parametrize("line", [
    "Advertising revenue fell sharply in the third quarter",
    "The ad campaign continues below expectations, analysts said.",
    "Share prices fell after the announcement",
    "The rules were updated in March 2024 after a long consultation with residents and business owners.",
    "Topics: the budget, the buses and the bridges were all discussed at length.",
    "Photo of the mayor / the council",
    "Update: Council members said the plan would be reviewed again next spring.",
])
def test_article_lines_that_look_like_chrome_stay(line):
    art = cleaned(line)
    assert line in art.text


@pytest.mark.parametrize("junk", [
    "Show new comments (0)", "Loading comments...", "Alle Kommentare anzeigen", "Voir les commentaires (12)",
    "Pokaż wszystkie komentarze", "Tempo de leitura: 2 minutos", "Lesezeit: 3 Min.", "Время чтения: 4 минуты",
])
def test_comment_widgets_and_reading_times(junk):
    art = cleaned(junk)
    assert junk not in art.text
    assert all(p in art.text for p in ARTICLE)


@pytest.mark.parametrize("line", [
    "Public comments",
    "Comments from residents were mostly positive.",
    "Read the minister's 10 point plan",
    "The meeting lasted 45 minutes and members read the report.",
])
def test_comment_and_reading_words_in_article_lines_stay(line):
    assert line in cleaned(line).text


@pytest.mark.parametrize("junk", [
    "By continuing to use this website you agree to our use of cookies for analytics and advertising.",
    "En continuant votre navigation, vous acceptez le dépôt de cookies à des fins de mesure d'audience.",
    "Wenn Sie die Website weiter nutzen, erklären Sie sich mit der Verwendung von Cookies einverstanden.",
    "Se continuar a navegar, você concorda com a utilização de cookies para fins estatísticos.",
    "Korzystając z serwisu, wyrażasz zgodę na wykorzystywanie plików cookies w celach statystycznych.",
    "Продолжая пользоваться сайтом, вы соглашаетесь на использование файлов cookie.",
    "Chiudendo questo banner o proseguendo la navigazione acconsenti all'uso dei cookie di profilazione.",
])
def test_consent_by_continuing_to_browse(junk):
    """The notice that browsing on means consent, in the claimed languages;
    one that calls itself "this banner" is still a notice."""
    assert_goes_by(junk, "boilerplate.consent")


@pytest.mark.parametrize("line", [
    "A banner that tells readers they accept the use of cookies by continuing to browse is not valid consent.",
    "Sites that use cookies for advertising must ask first; a pop-up saying you agree to their use is not enough.",
])
def test_sentences_about_consent_banners_stay(line):
    """A block that names a banner (not "this banner") is about banners (the
    French and the reported ones: tests/kinds_examples.py, test_kinds.py)."""
    art = cleaned(line)
    assert line in art.text


def test_a_schedule_before_a_longer_notice_is_no_page_header():
    """In an article-shaped text whose only long block is a notice under a list
    (the body finder takes the notice), the list's short lines and notes are
    not a page header, whatever junk stands between."""
    rows = [f"Round {n}: {d} March \u2013 {c}" for n, d, c in
            [(1, 3, "Lisbon"), (2, 10, "Porto"), (3, 17, "Braga"), (4, 24, "Faro"), (5, 31, "Coimbra")]]
    notes = ["* Dates may still be changed by the organiser", "* Calendar published by the league in January"]
    text = "\n".join(["Cycling league calendar 2025"] + rows + notes + [
        "Tags", "cycling, league, calendar, lisbon, porto, braga",
        "Comments that are offensive, off topic or written in capital letters will not be approved by our moderators."])
    art = newsclean.clean_text(text)
    for line in rows + notes:
        assert line in art.text


@pytest.mark.parametrize("entry", [
    "Update 10:42: the bridge has reopened to traffic in both directions, police said.",
    "Update, 14:35: Police confirmed that the 27-year-old had been charged with assault.",
])
def test_a_live_blog_entry_with_its_time_is_article_text(entry):
    """An update's label and time before a sentence of news is an entry of a
    live blog or an editor's update, not a stamp."""
    art = cleaned(entry)
    assert entry in art.text


LAST = ARTICLE[-1]


def glued_last(sentence: str):
    """The article with ``sentence`` glued after its last paragraph's last sentence, cleaned."""
    return newsclean.clean_text("\n\n".join(ARTICLE[:-1] + [LAST + " " + sentence]))


@pytest.mark.parametrize("call", [
    "Sign up for our free daily newsletter.",
    "Abonnieren Sie unseren kostenlosen Newsletter.",
    "Recevez chaque matin notre newsletter.",
    "Suscríbete al boletín semanal.",
    "Iscriviti alla nostra newsletter.",
    "Receba a nossa newsletter diária.",
    "Zapisz się do naszego newslettera.",
    "Подпишитесь на нашу рассылку.",
])
def test_a_newsletter_call_glued_after_the_last_sentence_goes_alone(call):
    art = glued_last(call)
    assert call not in art.text
    assert LAST in art.text
    # (in this English article a call in another language may go as foreign first)
    assert removed_as(art, call) & {"boilerplate.newsletter", "foreign.sentence"}
    from newsclean.detectors.boilerplate import _NEWSLETTER_CALL_RE
    assert _NEWSLETTER_CALL_RE.match(call)


@pytest.mark.parametrize("sentence", [
    "Subscribe to the newsletter, the mayor urged residents on Tuesday.",
    "Get the newsletter habit early, the consultant advised the founders.",
    "Subscribers to the newsletter rose by 40 percent in a year.",
    "Receive the old newsletters in print was all the archive offered until 2010.",
])
def test_a_sentence_about_a_newsletter_stays_glued_or_alone(sentence):
    for art in (glued_last(sentence), cleaned(sentence)):
        assert sentence in art.text and LAST in art.text
