"""Icon labels by their form (2026-12-02, seventh session): icon image file
names, sprite ids, text-size controls, labels that say in brackets what they
are, toolbars written one button a line; (eighth session) an SVG component's
camel-case name, a sprite's <use> reference, a class that opens with the
word for icon in a claimed language, Iconify classes, button names glued
into one token, a media player's buttons one a line with its clock among
them; and the text that looks like them. Wordings written for this file, not
taken from a test set."""
import pytest

from test_boilerplate_kinds import ARTICLE, cleaned


def _cleaned(junk: str):
    return cleaned(junk, where=1)


@pytest.mark.parametrize("junk", [
    "icon_share.png",
    "logo-linkedin@2x.png",
    "btn_print_small.gif btn_mail_small.gif",
    "#svg-twitter",
    "A+ A A-",
    "Schließen (Icon)",
    "Fechar [ícone]",
    "[twitter icon]",
    "icône de loupe",
    "Suchen\nTeilen\nDrucken",
    "Compartir\nImprimir\nGuardar\nComentarios",
    "IconArrowLeft",
    "BookmarkIcon",
    "use#i-print",
    "icona-chiudi",
    "icono-flecha-derecha",
    "i-tabler-brand-x i-tabler-mail",
    "PrintShareEmail",
    "Pause\nVolume\n1:05 / 12:30\nSubtitles",
    "Wiedergabe\nStummschalten\n00:00 / 02:10\nVollbild",
])
def test_icon_labels_go_as_icons(junk):
    art = _cleaned(junk)
    gone = [r for r in art.removed if r.text.strip() and r.text.strip() in junk]
    assert gone and all(r.category == "icon" for r in gone), [(r.rule, r.category, r.text) for r in art.removed]
    assert sum(len(r.text.strip()) for r in gone) >= len(junk.replace("\n", "")) - junk.count("\n")
    for para in ARTICLE:
        assert para in art.text


@pytest.mark.parametrize("line", [
    "A fashion icon",            # the word, not an icon set's class prefix
    "Style icon",
    "DSC_0042.JPG",              # a photo's file name: no icon's word in it (not an icon)
    "A A",                       # no sign: no text-size control
    "Madonna, the pop icon, said the tour would go on.",
    "YouTube",                   # one name: a brand, not names glued together
    "PlayStation",
    "JavaScript",
    "McDonald",
    "Icons of Fashion",
    "i-95 closed",
    "10:30 / 11:45",             # a clock with no player's buttons around it
])
def test_text_that_looks_like_an_icon_label_is_no_icon(line):
    art = _cleaned(line)
    assert not [r for r in art.removed if r.category == "icon"], [(r.rule, r.text) for r in art.removed]
