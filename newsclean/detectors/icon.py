"""``icon``: icon labels a scraper picked up as text, recognised by their form.

- identifier-shaped tokens: icon-font class strings (``fa fa-x``, ``fas fa-x``,
  ``bi bi-x``, ``material-icons``), Material ligature names in snake_case
  (``keyboard_arrow_down``), BEM-ish class names (``c-icon--share``), checked
  against the Font Awesome and Material Design name lists (``data/icon_names.txt``);
- rows of UI words with no sentence (``Menu Search Close``, ``Menü Suche
  Schließen``, ``Меню Поиск Закрыть``, ``Zurück Weiter``: the words of
  buttons, ``data/icon_ui_words.txt``, the eight claimed languages and a few
  more; icon names, ``data/icons.txt``);
- private-use glyphs of icon fonts, lines of emoji buttons (``👍 👎``) and of
  the symbols of controls (``×``, ``⋮``, ``→``, ``☰``), and such a symbol
  glued after a paragraph's last sentence.

A line made of them goes whole (``icon.line``, ``icon.glyph``); a run of them
glued to real text goes alone (``icon.run``)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import List, Optional, Sequence, Set, Tuple

from ..text import lexicon
from ..text.words import IMAGE_FILE_RE, introduces, sentence_spans, words
from ..analysis.document import Block, Features
from ..analysis.findings import Finding
from .base import Context, Params, Rule, params_of


CATEGORY = "icon"

_TOKEN_RE = re.compile(r"\S+")
_LIGATURE_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")
_DASH_SPLIT_RE = re.compile(r"[-_]")
#: Icon-font class prefixes: "fa fa-bars", "fas fa-chevron-right", "bi bi-x",
#: "glyphicon glyphicon-user", "mdi mdi-menu", "material-icons".
_CLASS_PREFIXES = frozenset({"fa", "fas", "far", "fab", "fal", "fad", "fat", "fa-solid", "fa-regular", "fa-brands",
                             "fa-light", "bi", "glyphicon", "mdi", "material-icons", "material-icons-outlined",
                             "material-symbols-outlined", "icon", "icons", "ti", "las", "lab", "la", "el", "ion",
                             "ph", "ri", "feather", "bx", "bxs", "bxl", "uil", "dashicons", "octicon", "icofont",
                             "lucide", "tabler", "icomoon"})
_CLASS_RE = re.compile(r"^(?:fa|bi|glyphicon|mdi|icon|ti|la|el|ion|ri|ph|feather|bx|bxs|bxl|uil|dashicons|octicon"
                       r"|icofont|lucide|tabler|icomoon)-[a-z0-9]+(?:-[a-z0-9]+)*$")
# The words (\w+ runs) an icon-font class string holds: "fas fa-bars" -> fas, fa, bars.
_CLASS_WORDS = frozenset({"fa", "fas", "far", "fab", "fal", "fad", "fat", "bi", "mdi", "glyphicon", "material"})
# An icon-font class string: a prefix and a class of it ("fas fa-print", "la la-angle-down").
_CLASS_PAIR_RE = re.compile(r"(?<!\S)(?:fa[srlbdt]?|bi|la[srb]?|ti|mdi|ph|ri|ion|el|glyphicon|feather|bx|uil|dashicons"
                            r"|octicon|icofont|lucide|tabler)\s+"
                            r"(?:fa|bi|la|ti|mdi|ph|ri|ion|el|glyphicon|feather|bx|bxs|bxl|uil|dashicons|octicon|icofont"
                            r"|lucide|tabler)-[a-z0-9]")
# Private-use code points: icon fonts map their glyphs there.
_PRIVATE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]+")
# A reference into an SVG sprite: "sprite.svg#close", 'xlink:href="#svg-arrow-right"'.
_SPRITE_REF_RE = re.compile(r"\.svg#[\w-]+|xlink:href=|^href=[\"']?#|^use#[\w-]+$")
# A class name that names an icon in a CSS module or BEM: "Icon_share__3xKp",
# "styles_closeIcon__Q2mX8", "c-icon--share": a segment that is "icon" or a
# camel-case word ending in "Icon" (not "silicon"), or one after a separator
# that opens with "icon" ("ShareBar_iconWrapper__a91Zq"; not "IconsOfFashion"),
# or a camel-case identifier that opens or ends with it ("IconArrowLeft",
# "BookmarkIcon": an SVG component's name).
_ICON_SEGMENT_RE = re.compile(r"(?:^|[-_])(?:[iI]cons?|[a-z]+Icons?)(?=$|[-_])|[-_]icons?(?=[A-Z])"
                              r"|^Icon(?=[A-Z][a-z])|(?<=[a-z])Icons?$")
# A CSS-module class name: a name, two underscores and a hash ("styles_large__1pLk0").
_CSS_MODULE_RE = re.compile(r"^[A-Za-z][\w-]*__[A-Za-z0-9-]{4,8}$")
# The symbols of controls: close (×, ✕), more (⋮, ⋯), menu (☰, ≡), arrows,
# triangles and chevrons (▲ ▾ ❯ ‹ ›), dingbats (✉ ✓). Not the bullets and dashes
# that separate text (•, ·, *, —): those lines are boilerplate.empty's.
_CONTROL_GLYPHS_RE = re.compile("[\u00d7\u2039\u203a\u2190-\u21ff\u22ee\u22ef\u2261\u2303\u2304\u2315\u2630\u25a0-\u25ff"
                                "\u2700-\u27bf\u27f0-\u27ff\u2900-\u297f\u2b05-\u2b0d]+")
_IMAGE_NAME_SPLIT_RE = re.compile(r"[-_@.]")
#: The words icon images are named with besides icon names: what they are
#: ("ico", "btn", "logo"), their size, colour and state, their pixel density.
_IMAGE_NAME_WORDS = frozenset({"ico", "icon", "icons", "btn", "button", "logo", "sprite", "small", "large", "big",
                               "white", "black", "dark", "light", "grey", "gray", "hover", "active", "on", "off",
                               "1x", "2x", "3x"})
# The word "icon" as written in prose, which is also a class prefix of icon sets.
_BARE_ICON_WORDS = frozenset({"icon", "icons"})
# A word in brackets at a line's end: "(ikona)", "[icon]".
_BRACKETED_RE = re.compile(r"[(\[](\w+)[)\]]$")
# A text-size control's buttons: "A- A A+", "A+ A-", "a++".
_TEXT_SIZE_RE = re.compile(r"^[aA](?:\+{1,2}|[-\u2013\u2212])?$")
# A CSS escape of an icon font's code point, as a stylesheet's "content" names it: "\e5cd", "\f09a".
_CSS_ESCAPE_RE = re.compile(r"^\\[0-9a-f]{4,5}$")
# A size or style modifier of an icon set's class: "md-18", "fa-2x", "fa-lg", "fa-fw".
_MODIFIER_RE = re.compile(r"^(?:fa|md|mdi|bi|la|ti|icon)-(?:[1-9]\d?x?|[2-9]xs|xs|sm|lg|xl|[2-9]xl|fw|spin|pulse|inverse"
                          r"|border|li)$")
# Quotation marks that frame a pager's arrows ("« ‹ › »"): control symbols only beside one.
_FRAMES = frozenset("\u00ab\u00bb")
# A slideshow's counter between its arrows ("1 / 12 ‹ ›").
_COUNTER_TOKEN_RE = re.compile(r"^(?:\d{1,4}|/)$")
# A count beside an emoji button ("👁 4.512", "💬 12", "♥ 1,2K").
_COUNT_RE = re.compile(r"^\d[\d.,]*[kKmM]?$")
#: The alt text of an icon ("Facebook logo", "ícone do WhatsApp") has at most this many words.
ALT_MAX_WORDS = 4
#: A run of icon labels inside a line goes when it has at least this many tokens.
MIN_RUN = 4
#: A whole line goes when at least this share of its tokens are icon labels (two unmistakable).
LINE_SHARE = 0.75
#: A line of icon-font glyphs keeps at most this many words besides them ("\ue5cd Close").
GLYPH_LINE_WORDS = 3
#: A row of UI words ("menu search close"): this many words at least, every one an icon word.
UI_ROW_MIN = 3
UI_ROW_MAX = 8
#: A row of button words only ("Zurück Weiter", "Fermer Partager") needs this many.
BUTTON_ROW_MIN = 2
#: A toolbar written one button a line ("Abspielen / Ton aus / Untertitel /
#: Vollbild"): at least this many consecutive lines of icon labels ...
COLUMN_MIN_LINES = 3
#: ... of at most this many words each, none a sentence, and at least half of
#: them made of words of buttons only.
COLUMN_LINE_WORDS = 3
#: A line of emoji buttons ("👍 👎", "🔍") has at most this many of them, and nothing else.
EMOJI_LINE_MAX = 6

RULES = (
    Rule("icon.line", CATEGORY, "a line made of icon labels: icon-font class names, ligature names, UI words, two words of buttons",
         params=("LINE_SHARE", "UI_ROW_MIN", "UI_ROW_MAX", "BUTTON_ROW_MIN")),
    Rule("icon.run", CATEGORY, "a run of icon labels inside a line, or an icon-font class string or a row of "
         "UI words glued to a paragraph's end", params=("MIN_RUN", "UI_ROW_MIN", "UI_ROW_MAX")),
    Rule("icon.glyph", CATEGORY, "icon-font glyphs (private-use characters), with a UI word or two; "
         "a line of emoji buttons or of the symbols of controls (\u00d7 \u22ee \u2630 \u2192)",
         params=("GLYPH_LINE_WORDS", "EMOJI_LINE_MAX")),
    Rule("icon.column", CATEGORY, "a toolbar written one button a line: consecutive short lines of icon or "
         "button words (player controls, share buttons), none a sentence", params=("COLUMN_MIN_LINES",
                                                                                  "COLUMN_LINE_WORDS")),
    Rule("icon.label", CATEGORY, "a screen-reader label of an icon or a link (\u201copens in a new window\u201d, "
         "\u201cToggle navigation\u201d, data/icon_labels.txt): a line of them, one in brackets, or one glued "
         "after a paragraph's last sentence; an icon's alt text (\u201cFacebook logo\u201d, \u201cic\u00f4ne "
         "de partage\u201d, data/icon_alt_words.txt), a line of its own or glued after the last sentence",
         params=("ALT_MAX_WORDS",)),
)


#: Style variants that icon sets append to a name ("share-social-outline",
#: "play_circle_filled") and set prefixes put before a brand ("logo-facebook").
_VARIANTS = frozenset({"outline", "outlined", "filled", "fill", "sharp", "rounded", "solid", "twotone", "duotone"})
_SET_PREFIXES = frozenset({"logo", "ios", "md", "svg", "ico", "sprite"})  # ("#svg-facebook": a sprite's id)


@lru_cache(maxsize=4)
def _name_parts(names: frozenset) -> frozenset:
    """The words icon names are made of ("arrow", "circle", "facebook")."""
    return frozenset(p for n in names for p in _DASH_SPLIT_RE.split(n) if p)


def _identifier(t: str, vocab: frozenset, names: frozenset) -> bool:
    """An icon's identifier by its shape: kebab- or snake-case words of icon
    names with a style variant at the end or a set's prefix at the start
    ("share-social-outline", "play_circle_filled", "logo-twitter")."""
    parts = _DASH_SPLIT_RE.split(t)
    if len(parts) < 2 or not (parts[-1] in _VARIANTS or parts[0] in _SET_PREFIXES):
        return False
    known = _name_parts(names)
    return all(p in known or p in vocab or p in _VARIANTS or p in _SET_PREFIXES for p in parts)


def _is_icon(token: str, vocab: frozenset, names: frozenset) -> int:
    """2 = unmistakable icon label, 1 = icon vocabulary word, 0 = other."""
    t = token.strip(",;|·•").casefold().lstrip("#.")  # ("#icon-search": a sprite's id, a CSS selector)
    if not t:
        return 0
    if not t.isascii() and _CONTROL_GLYPHS_RE.fullmatch(t):
        return 2
    if "icon" in t or _SPRITE_REF_RE.search(t) or t in _CLASS_PREFIXES or _CLASS_RE.match(t) or _identifier(t, vocab, names):
        return 2
    if t[0] == "\\" and _CSS_ESCAPE_RE.match(t):
        return 2
    if "." in t and _icon_image(t, vocab, names):
        return 2
    if "-" in t and _MODIFIER_RE.match(t):
        return 1
    if _LIGATURE_RE.match(t):
        # Material-icon ligature names: "more_vert", "mail_outline", "content_copy"
        return 2 if t in vocab or t.replace("_", "-") in names or any(p in vocab for p in t.split("_")) else 0
    if t in vocab:
        return 1
    if "-" in t and t in names:
        return 2
    if "__" in t and _CSS_MODULE_RE.match(token.strip(",;|·•")):
        return 1  # (a class name: one with "icon" in it is unmistakable, above)
    parts = _DASH_SPLIT_RE.split(t)
    if len(parts) > 1 and all(p in vocab for p in parts if p):
        return 1
    if "-" in t and _icon_class(t):
        return 2
    if _glued_names(token.strip(",;|·•"), vocab):
        return 2
    return 0


def _icon_image(t: str, vocab: frozenset, names: frozenset) -> bool:
    """Whether ``t`` (case-folded) is the file name of an icon's image: every
    part of its name an icon's word or name, or a word of how icon images are
    named ("ico_print.png", "logo-whatsapp@2x.png"; not "dsc_0042.jpg")."""
    if "/" in t or IMAGE_FILE_RE.match(t) is None:
        return False
    parts = [x for x in _IMAGE_NAME_SPLIT_RE.split(t.rsplit(".", 1)[0]) if x and not x.isdigit()]
    known = _name_parts(names)
    return bool(parts) and any(x in vocab or x in known or x in _IMAGE_NAME_WORDS for x in parts) and all(
        x in vocab or x in known or x in _IMAGE_NAME_WORDS for x in parts)


def _text_size_line(text: str) -> bool:
    """Whether ``text`` is a text-size control's buttons ("A- A A+"): two to
    four of them, one with its sign at least."""
    toks = text.split()
    return 2 <= len(toks) <= 4 and all(_TEXT_SIZE_RE.match(t) for t in toks) and any(len(t) > 1 for t in toks)


def _icon_name_in(text: str, names: frozenset) -> bool:
    """Whether a hyphenated token of ``text`` is an icon name or an icon-font class."""
    for tok in text.split():
        t = tok.strip(",;|·•").casefold()
        if "-" in t.strip("-") and (t in names or _CLASS_RE.match(t) is not None):
            return True
    return False


def _emoji_line(text: str, most: int) -> bool:
    """Whether ``text`` is only a few emoji or pictographic symbols (buttons: "👍 👎", "🔍"), at most ``most``."""
    toks = text.split()
    if len(toks) > most:
        return False
    return all(unicodedata.category(c) == "So" or c in "\u200d\ufe0f\ufe0e" or "\U0001f3fb" <= c <= "\U0001f3ff"
               for t in toks for c in t)


def _emoji_counts(text: str, most: int) -> bool:
    """Whether ``text`` is a few emoji buttons with their counts ("👁 4.512",
    "💬 12 ♥ 340"): at most ``most`` tokens, half of them emoji, the rest counts."""
    toks = text.split()
    if len(toks) > most:
        return False
    marks = [t for t in toks if not _COUNT_RE.match(t)]
    return 2 * len(marks) >= len(toks) and _emoji_line(" ".join(marks), most)


def _control_line(text: str, most: int) -> bool:
    """Whether ``text`` is only a few (at most ``most``) symbols of controls
    ("×", "⋮", "← →"), with the quotation marks that frame a pager's arrows
    ("« ‹ › »") and a slideshow's counter ("1 / 12 ‹ ›")."""
    toks = text.split()
    if len(toks) > most:
        return False
    glyphs = [t for t in toks if _CONTROL_GLYPHS_RE.fullmatch(t)]
    return bool(glyphs) and all(t in glyphs or t in _FRAMES or _COUNTER_TOKEN_RE.match(t) for t in toks) and (
        len(glyphs) == len(toks) or any(t in _FRAMES for t in toks) or " / " in text)


@lru_cache(maxsize=None)
def _short_function_words() -> frozenset:
    """The function words of up to four letters of every language (stopwords.json): "per", "par", "via", "на"."""
    return frozenset(w for ws in lexicon.stopwords().values() for w in ws if len(w) <= 4)


def _particle(token: str) -> bool:
    """A word between button words that does not break a column's line: a
    particle of one or two letters, or a short function word ("Per Mail
    teilen", "Envoyer par e-mail")."""
    return token.isalpha() and (len(token) <= 2 or token.casefold() in _short_function_words())


def _ui_row(text: str, toks: Sequence[Tuple[int, int, int]], buttons: frozenset, p: Params) -> bool:
    """Whether ``toks`` (no unmistakable label among them) are a row of UI
    words: every token an icon or button word, or a particle of one or two
    letters between them ("В избранное", "Print or save"); UI_ROW_MIN to
    UI_ROW_MAX such words, or BUTTON_ROW_MIN when all are words of buttons
    ("Zurück Weiter"; not icon names or quantifiers: "Full stop", "More or less")."""
    named = [text[s:e] for s, e, kind in toks if kind]
    # (only particles of one or two letters: with a short function word, "Condividi su Facebook Invia per
    # email", a row names networks to share on, a share bar: boilerplate.share's)
    if len(named) > p.UI_ROW_MAX or any(not kind and not (len(text[s:e]) <= 2 and text[s:e].isalpha())
                                      for s, e, kind in toks):
        return False
    if len(named) >= p.UI_ROW_MIN:
        return True
    return len(named) >= p.BUTTON_ROW_MIN and all(w.strip(",;|·•").casefold() in buttons for w in named)


def _class_string(toks: Sequence[Tuple[int, int, int]], text: str) -> bool:
    """Whether ``toks`` hold an icon-font class string: a class prefix ("fa",
    "bi", "la") followed by a class of it ("fa-print", "bi-x-lg")."""
    for (s1, e1, _), (s2, e2, _) in zip(toks, toks[1:]):
        head, cls = text[s1:e1].casefold(), text[s2:e2].casefold()
        # ("bx bxs-heart": a prefix's style names its own class prefix)
        if head in _CLASS_PREFIXES and cls != head and "-" in cls and cls.startswith(head.split("-")[0]):
            return True
    return False


def _named(token: str, vocab: frozenset, names: frozenset) -> bool:
    """Whether a token standing alone is an icon's name ("expand_more",
    "fa-print", "bookmark_add"), a reference into a sprite ("sprite.svg#close")
    or a class name of an icon ("Icon_share__3xKp"; one that opens with the
    word for icon or logo of a claimed language, data/icon_alt_words.txt:
    "icona-chiudi", "ikona-menu"), not a word that merely holds "icon" or a
    part of a name ("silicon", "user_id")."""
    raw = token.strip(",;|·•")
    t = raw.casefold().lstrip("#.")
    return (t in vocab or not t.isascii() and _CONTROL_GLYPHS_RE.fullmatch(t) is not None
            or t.replace("_", "-") in names or _CLASS_RE.match(t) is not None
            or "-" in t and t in _CLASS_PREFIXES or _identifier(t, vocab, names)
            or _SPRITE_REF_RE.search(t) is not None or _ICON_SEGMENT_RE.search(raw) is not None
            or _CSS_ESCAPE_RE.match(t) is not None or "." in t and _icon_image(t, vocab, names)
            or _LIGATURE_RE.match(t) is not None and _ligature_of(t.split("_"), vocab)
            or "-" in t and _icon_class(t)
            or _glued_names(raw, vocab))


def _icon_class(t: str) -> bool:
    """Whether hyphenated ``t`` (case-folded) is an Iconify class or a class
    or an id that opens with the word for icon or logo of a claimed language."""
    return _ICONIFY_RE.match(t) is not None or t.split("-", 1)[0] in _alt_words()[0] and t.replace("-", "").isalpha()


#: An Iconify / UnoCSS icon class: "i-" and the set's prefix and the name ("i-tabler-mail", "i-mdi-home").
_ICONIFY_RE = re.compile(r"^i-[a-z]+(?:-[a-z0-9]+)+$")
#: Names of buttons glued into one camel-case token by a scraper ("PrintShareEmail").
_GLUED_RE = re.compile(r"^(?:[A-Z][a-z]*){2,}[A-Za-z]*$")
_GLUED_MAX_CHARS = 60


@lru_cache(maxsize=4)
def _glue_words(vocab: frozenset) -> frozenset:
    """The words glued names are made of: ``vocab`` and the networks' names."""
    return vocab | _alt_words()[1]


def _glued_names(raw: str, vocab: frozenset) -> bool:
    """Whether ``raw`` is two or more networks' or buttons' names written
    together with no space ("PrintShareEmail", "TwitterFacebook"): it
    splits, from the left, into words of ``vocab`` and of the networks'
    names (data/icon_alt_words.txt), each of three letters at least."""
    if not (5 < len(raw) <= _GLUED_MAX_CHARS and raw.isascii() and _GLUED_RE.match(raw)):
        return False
    words = _glue_words(vocab)
    t = raw.casefold()
    n = len(t)
    # splits[k]: t[:k] splits into such words (words of 3 to 20 letters)
    splits = [True] + [False] * n
    for k in range(3, n + 1):
        splits[k] = any(splits[a] and t[a:k] in words for a in range(max(0, k - 20), k - 2))
    # two words at least: a split whose last word does not start at 0
    return any(splits[a] and t[a:] in words for a in range(3, n - 2))


#: The endings of Material ligature names after their icon words: a style
#: ("_outlined"), a platform ("arrow_back_ios"), a state ("volume_off"), a
#: variant ("share_alt", "filter_2").
_LIGATURE_ENDINGS = _VARIANTS | {"ios", "android", "alt", "off", "on", "new", "round", "none"}


def _ligature_of(parts: Sequence[str], vocab: frozenset) -> bool:
    """Whether a snake_case token's parts are icon words, but for one
    Material ending ("arrow_forward_ios", "volume_off"): "user_id" is none."""
    if parts[-1] in _LIGATURE_ENDINGS or parts[-1].isdigit():
        parts = parts[:-1]
    return bool(parts) and all(p in vocab for p in parts)


def _glued_tail(toks: List[Tuple[int, int, int]], text: str, vocab: frozenset, names: frozenset, p: Params) -> int:
    """Index of the first token of a run of icon labels at the end of a
    paragraph, after its last sentence: an icon-font class string, ligature
    names, or a row of UI words (``len(toks)`` when there is none)."""
    j = len(toks)
    while j > 0 and toks[j - 1][2]:
        j -= 1
    if j == 0 or j == len(toks):
        return len(toks)
    if _class_string(toks[j:], text):
        return j
    run = toks[j:]
    before = text[:toks[j][0]].rstrip()
    if not before or before[-1] not in ".!?…\"”»)":
        # After a line that is no sentence (a list's item, a date), only
        # labels that no text holds: each one an icon's name or class.
        # (not the word "icon" alone: "A style icon", "Fashion icon" are headings)
        if (all(_named(text[a:z], vocab, names) for a, z, _ in run) and any(t[2] == 2 for t in run)
                and not all(text[a:z].casefold() in _BARE_ICON_WORDS for a, z, _ in run)):
            return j
        return len(toks)
    strong = sum(1 for t in run if t[2] == 2)
    if strong and (len(run) >= 2 or _named(text[run[0][0]:run[0][1]], vocab, names)):
        return j
    if strong == 0 and p.UI_ROW_MIN <= len(run) <= p.UI_ROW_MAX and text[-1] not in ".!?…:":
        return j
    return len(toks)


_LETTER_RE = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=None)
def _alt_words() -> Tuple[frozenset, frozenset]:
    """data/icon_alt_words.txt: the words for "icon" and "logo"; the names of
    networks and services, and of what icons show (a magnifier, a hamburger)."""
    nouns: Set[str] = set()
    named: Set[str] = set()
    for line in lexicon.phrases("icon_alt_words"):
        kind, _, word = line.partition(":")
        (nouns if kind.strip() == "noun" else named).add(word.strip())
    return frozenset(nouns), frozenset(named)


def _alt_text(text: str, f: Features, nouns: frozenset, named: frozenset, most: int) -> Optional[int]:
    """Where an icon's alt text starts in ``text`` (0: the line is one), or
    None: at most ``most`` words, a word for "icon" or "logo" and the name of a
    network or a button's word ("Facebook logo", "ícone do WhatsApp"), particles
    of up to three letters between them; a line of its own, or the words after
    the paragraph's last sentence ("... said. ikona Facebook")."""
    # (a label in brackets ends with one, as a sentence may: "[facebook icon]")
    framed = text[:1] in "[(" and text[-1:] in "])"
    if f.n_words <= most:
        if (not f.ends_sentence or framed) and _alt_words_only(f.words, nouns, named):
            return 0
        # (a label that says in brackets what it is: "Zamknij okno (ikona)", "Search [icon]")
        m = _BRACKETED_RE.search(text)
        if m is not None and m.group(1).casefold() in nouns and f.n_words >= 2:
            return 0
        if not f.ends_sentence or framed:
            return None
    spans = sentence_spans(text)
    if len(spans) < 2 or f.ends_sentence:
        return None
    ws = words(text[spans[-1][0]:])
    # (with the space before it)
    return len(text[:spans[-1][0]].rstrip()) if len(ws) <= most and _alt_words_only(ws, nouns, named) else None


def _alt_words_only(ws: Sequence[str], nouns: frozenset, named: frozenset) -> bool:
    """Whether the words ``ws`` are an alt text: a noun of icons, a name or button word, particles."""
    has_noun = has_name = False
    for w in ws:
        if w in nouns:
            has_noun = True
        elif w in named:
            has_name = True
        elif not (len(w) <= 3 and w.isalpha()):
            return False
    return has_noun and has_name


def accessible_labels(ctx: Context, skip: Set[int]) -> List[Finding]:
    """Rule icon.label, on the blocks not in ``skip``: a screen-reader label
    of an icon or a link is a line of its own, or sits in brackets, or after
    the paragraph's last sentence; in the run of a sentence it is the
    sentence's ("the link opens in a new window, she said") and stays."""
    doc = ctx.doc
    labels = lexicon.matcher("icon_labels", doc.config.extra_phrases)
    keys = lexicon.first_words("icon_labels", doc.config.extra_phrases)
    nouns, named = _alt_words()
    buttons = lexicon.phrase_set("icon_ui_words", doc.config.extra_phrases) | named
    most = params_of(doc.config, CATEGORY).ALT_MAX_WORDS
    out: List[Finding] = []
    for b, f in ctx.lines():
        if b.index in skip:
            continue
        if not nouns.isdisjoint(f.words):
            at = _alt_text(b.text, f, nouns, buttons, most)
            if at is not None:
                why = "an icon's alt text"
                out.append(Finding(b.start + at, b.end, CATEGORY, why if at == 0 else f"{why}, glued after the last sentence",
                                   "icon.label", 0.9, b.index if at == 0 else None))
                continue
        if keys.isdisjoint(f.words):
            continue
        text = b.text
        found = list(labels.finditer(text))
        if not found:
            continue
        if _LETTER_RE.search(labels.sub(" ", text)) is None:
            out.append(Finding(b.start, b.end, CATEGORY, f"screen-reader label (\u201c{found[0].group()}\u201d)",
                               "icon.label", 0.95, b.index))
            continue
        for m in found:
            a, z = m.span()
            before, after = text[:a].rstrip(), text[z:]
            if before.endswith(("(", "[")) and after.lstrip().startswith((")", "]")):
                a = len(before) - 1
                z = len(text) - len(after.lstrip()) + 1
            elif not after.strip(" .)]") and before and before[-1] in ".!?…\"”»)]":
                z = len(text)
            else:
                continue
            a = len(text[:a].rstrip())  # (with the space before it)
            out.append(Finding(b.start + a, b.start + z, CATEGORY, f"screen-reader label (\u201c{m.group()}\u201d)",
                               "icon.label", 0.9, None))
    return out


def icon_labels(ctx: Context) -> List[Finding]:
    """Rules icon.line, icon.run, icon.glyph and icon.label: one tokenisation
    of each block serves the first three."""
    doc = ctx.doc
    buttons = lexicon.phrase_set("icon_ui_words", doc.config.extra_phrases)
    vocab = lexicon.phrase_set("icons", doc.config.extra_phrases) | buttons
    names = lexicon.phrase_set("icon_names", doc.config.extra_phrases)
    p = params_of(doc.config, CATEGORY)
    out: List[Finding] = []
    for b, f in ctx.lines():
        text = b.text
        # (an ASCII line has no private-use character: str.isascii() costs nothing)
        if not text.isascii() and _PRIVATE_RE.search(text) is not None:
            if f.n_words <= p.GLYPH_LINE_WORDS and not f.ends_sentence:
                out.append(Finding(b.start, b.end, CATEGORY, "icon-font glyphs", "icon.glyph", 1.0, b.index))
            else:
                out.extend(Finding(b.start + m.start(), b.start + m.end(), CATEGORY, "icon-font glyph",
                                   "icon.glyph", 0.9, None) for m in _PRIVATE_RE.finditer(text))
            continue
        # (a line of no word but numbers: emoji buttons and their counts, a pager's arrows and counter)
        if not text.isascii() and (f.n_words == 0 or f.n_words <= p.EMOJI_LINE_MAX and all(w.isdigit() for w in f.words)):
            if _emoji_line(text, p.EMOJI_LINE_MAX) or f.n_words and _emoji_counts(text, p.EMOJI_LINE_MAX):
                out.append(Finding(b.start, b.end, CATEGORY, "a line of emoji buttons", "icon.glyph", 0.9, b.index))
                continue
            if _control_line(text, p.EMOJI_LINE_MAX):
                out.append(Finding(b.start, b.end, CATEGORY, "a line of control symbols", "icon.glyph", 0.9, b.index))
                continue
        if f.n_words == 0:
            continue
        if f.n_words <= 4 and _text_size_line(text):
            out.append(Finding(b.start, b.end, CATEGORY, "a text-size control", "icon.glyph", 0.9, b.index))
            continue
        # Every rule needs an unmistakable label ("icon" in a token, a ligature
        # with "_", an icon-font class or a hyphenated icon name), or, for a
        # row of UI words, every word an icon word: the cheap tests first.
        short = f.n_words <= p.UI_ROW_MAX + 2
        if ("_" not in text and "\\" not in text and _CLASS_WORDS.isdisjoint(f.words) and "icon" not in text.lower()
                and not ("-" in text and f.n_words <= 2 * p.UI_ROW_MAX and _icon_name_in(text, names))
                and not (short and vocab.intersection(f.words))
                and not (f.words and f.words[-1] in vocab)
                and not _is_icon(text.rsplit(None, 1)[-1], vocab, names)
                and not ("-" in text and _CLASS_PAIR_RE.search(text) is not None)):
            continue
        toks = [(m.start(), m.end(), _is_icon(m.group(), vocab, names)) for m in _TOKEN_RE.finditer(text)]
        if not toks:
            continue
        strong = sum(1 for t in toks if t[2] == 2)
        iconish = sum(1 for t in toks if t[2])
        if strong == 0 and not f.ends_sentence and not f.bullet and _ui_row(text, toks, buttons, p):
            out.append(Finding(b.start, b.end, CATEGORY, f"a row of {len(toks)} UI words", "icon.line", 0.85, b.index))
            continue
        # (one token alone is no sentence, whatever ends it: 'xlink:href="#svg-arrow-right"')
        if strong and iconish == len(toks) and (len(toks) > 1 and not f.ends_sentence
                                                or len(toks) == 1 and _named(text, vocab, names)):
            out.append(Finding(b.start, b.end, CATEGORY, f"{len(toks)} icon label(s), {strong} unmistakable",
                               "icon.line", 1.0, b.index))
            continue
        if strong >= 2 and iconish / len(toks) >= p.LINE_SHARE:
            out.append(Finding(b.start, b.end, CATEGORY,
                               f"{iconish} of {len(toks)} tokens are icon labels", "icon.line", 1.0, b.index))
            continue
        # A run of icon labels glued to real text: remove the run only.
        tail = _glued_tail(toks, text, vocab, names, p)
        i = 0
        while i < tail:
            if not toks[i][2]:
                i += 1
                continue
            j = i
            while j < tail and toks[j][2]:
                j += 1
            run = toks[i:j]
            if len(run) >= p.MIN_RUN and sum(1 for t in run if t[2] == 2) >= max(2, len(run) // 2):
                out.append(Finding(b.start + run[0][0], b.start + run[-1][1], CATEGORY,
                                   f"run of {len(run)} icon labels", "icon.run", 0.9, None))
            i = j
        if tail < len(toks):
            why = f"{len(toks) - tail} icon label(s) glued to the end of a paragraph"
            out.append(Finding(b.start + toks[tail][0], b.end, CATEGORY, why, "icon.run", 0.9, None))
    whole = {x.block for x in out if x.block is not None}
    return out + accessible_labels(ctx, whole)


#: A media player's clock: the time played, of the length ("1:05 / 12:30", "00:00 / 02:10").
_PLAYER_TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")


def toolbar_columns(ctx: Context) -> List[Finding]:
    """Rule icon.column: COLUMN_MIN_LINES or more consecutive lines, each of
    at most COLUMN_LINE_WORDS icon or button words and particles (:func:`_particle`) and no sentence, half of them buttons' words only. One such
    line alone ("Teilen") says nothing; a column of them is a toolbar. (It
    reads a line's neighbours: not a line-local rule.)"""
    doc = ctx.doc
    p = params_of(doc.config, CATEGORY)
    buttons = lexicon.phrase_set("icon_ui_words", doc.config.extra_phrases)
    vocab = lexicon.phrase_set("icons", doc.config.extra_phrases) | buttons
    names = lexicon.phrase_set("icon_names", doc.config.extra_phrases)

    def kind(b: Block, f: Features) -> int:
        """0: no icon line; 1: a line of icon labels; 2: of buttons' words only."""
        # (a line of a column holds an icon or button word: lines of class
        # names or glyphs go one by one, icon.line and icon.glyph)
        # (words as written, "e-mail" one: \w+ runs count it twice)
        if f.n_words <= 6 and _PLAYER_TIME_RE.match(b.text) is not None:
            return 1  # a player's clock between its buttons ("1:05 / 12:30"); never half of a column
        if not 0 < f.n_words <= 2 * p.COLUMN_LINE_WORDS or f.ends_sentence or vocab.isdisjoint(f.words):
            return 0
        toks = b.text.split()
        if len(toks) > p.COLUMN_LINE_WORDS:
            return 0
        named = [t for t in toks if _is_icon(t, vocab, names)]
        if not named or any(t not in named and not _particle(t) for t in toks):
            return 0
        return 2 if all(t.strip(",;|·•:").casefold() in buttons for t in named) else 1

    out: List[Finding] = []
    kinds = [kind(b, f) for b, f in zip(doc.blocks, doc.feats)]
    i = 0
    while i < len(kinds):
        j = i
        while j < len(kinds) and kinds[j]:
            j += 1
        # (a list that a line of the article introduces, "The remote has three buttons:", is the article's)
        introduced = i > 0 and introduces(doc.blocks[i - 1].text)
        if j - i >= p.COLUMN_MIN_LINES and 2 * sum(1 for k in kinds[i:j] if k == 2) >= j - i and not introduced:
            out.extend(doc.block_finding(k, CATEGORY, f"a toolbar of {j - i} lines of icon labels", "icon.column",
                                         0.9) for k in range(i, j) if ctx.marks.label[k] is None)
        i = j + 1
    return out
