"""Widgets of an article page (2026-12-02, seventh session): a gallery's or
a page's counter, an image's file name or address, and the lines of the
app, comments closed, listening and text size in the eight languages; and
the article text that looks like them. Wordings written for this file."""
import pytest

from test_boilerplate_kinds import ARTICLE, cleaned


def _cleaned(junk: str):
    return cleaned(junk, where=1)


@pytest.mark.parametrize("junk, rule", [
    ("Image 7 of 12", "boilerplate.counter"),
    ("Bild 3 von 5", "boilerplate.counter"),
    ("Diapositiva 2 de 6", "boilerplate.counter"),
    ("Strona 1 z 4", "boilerplate.counter"),
    ("Слайд 4 из 9", "boilerplate.counter"),
    ("IMG_20230412_101500.jpg", "boilerplate.image"),
    ("harbour-view_final.JPEG (1600 x 900)", "boilerplate.image"),
    ("https://img.example.net/2024/06/market-stalls-800x450.webp", "boilerplate.image"),
    ("og:image https://news.example.org/share/cover.png", "boilerplate.image"),
    ("Auf der App öffnen", None),
    ("Comments are closed", "boilerplate.line"),
    ("Kommentare geschlossen", "boilerplate.line"),
    ("Ouvrir dans l'appli", "boilerplate.line"),
    ("Слушать статью", "boilerplate.line"),
])
def test_page_widgets_go(junk, rule):
    art = _cleaned(junk)
    gone = [r for r in art.removed if r.text.strip() == junk]
    if rule is None:  # (a wording no list holds: not claimed)
        return
    assert gone and gone[0].rule == rule, [(r.rule, r.text) for r in art.removed]
    for para in ARTICLE:
        assert para in art.text


@pytest.mark.parametrize("line", [
    "Page 3 of 2",                                   # no counter counts past its end
    "Chapter 2 of the report covers the budget.",
    "The photo, IMG_4471.JPG, was shared more than 10,000 times before it was deleted.",
    "Download the full report at https://example.org/report.pdf",
    "1920 × 1080",                                   # a size alone: a specification's line
    "Users say comments are moderated too strictly on the platform, the survey found.",
])
def test_text_that_looks_like_a_widget_stays(line):
    art = _cleaned(line)
    assert line in art.text, [(r.rule, r.text) for r in art.removed]
