"""``icon``: icon-font and sprite labels run together (``icon bookmark-bicon cameraicon ...``)."""
from __future__ import annotations

import re
from typing import List

from ..text import lexicon
from ..analysis.findings import Finding
from .base import Context, Rule


CATEGORY = "icon"

_TOKEN_RE = re.compile(r"\S+")
_LIGATURE_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")
_DASH_SPLIT_RE = re.compile(r"[-_]")
#: Icon-font class prefixes: "fa fa-bars", "fas fa-chevron-right", "bi bi-x",
#: "glyphicon glyphicon-user", "mdi mdi-menu", "material-icons".
_CLASS_PREFIXES = frozenset({"fa", "fas", "far", "fab", "fal", "fad", "fat", "fa-solid", "fa-regular", "fa-brands",
                             "fa-light", "bi", "glyphicon", "mdi", "material-icons", "material-icons-outlined",
                             "material-symbols-outlined", "icon", "icons", "ti", "las", "lab", "la", "el", "ion"})
_CLASS_RE = re.compile(r"^(?:fa|bi|glyphicon|mdi|icon|ti|la|el|ion|ri|ph)-[a-z0-9]+(?:-[a-z0-9]+)*$")
# The words (\w+ runs) an icon-font class string holds: "fas fa-bars" -> fas, fa, bars.
_CLASS_WORDS = frozenset({"fa", "fas", "far", "fab", "fal", "fad", "fat", "bi", "mdi", "glyphicon", "material"})
# Private-use code points: icon fonts map their glyphs there.
_PRIVATE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]+")
#: A run of icon labels inside a line goes when it has at least this many tokens.
MIN_RUN = 4
#: A whole line goes when at least this share of its tokens are icon labels (two unmistakable).
LINE_SHARE = 0.75
#: A line of icon-font glyphs keeps at most this many words besides them ("\ue5cd Close").
GLYPH_LINE_WORDS = 3
#: A row of UI words ("menu search close"): this many words at least, every one an icon word.
UI_ROW_MIN = 3
UI_ROW_MAX = 8

RULES = (
    Rule("icon.line", CATEGORY, "a line made of icon labels: icon-font class names, ligature names, UI words",
         params=("LINE_SHARE", "UI_ROW_MIN", "UI_ROW_MAX")),
    Rule("icon.run", CATEGORY, "a run of icon labels inside a line", params=("MIN_RUN",)),
    Rule("icon.glyph", CATEGORY, "icon-font glyphs (private-use characters), with a UI word or two",
         params=("GLYPH_LINE_WORDS",)),
)


def _is_icon(token: str, vocab: frozenset, names: frozenset) -> int:
    """2 = unmistakable icon label, 1 = icon vocabulary word, 0 = other."""
    t = token.strip(",;|·•").casefold()
    if not t:
        return 0
    if "icon" in t or t in _CLASS_PREFIXES or _CLASS_RE.match(t):
        return 2
    if _LIGATURE_RE.match(t):
        # Material-icon ligature names: "more_vert", "mail_outline", "content_copy"
        return 2 if t in vocab or t.replace("_", "-") in names or any(p in vocab for p in t.split("_")) else 0
    if t in vocab:
        return 1
    if "-" in t and t in names:
        return 2
    parts = _DASH_SPLIT_RE.split(t)
    if len(parts) > 1 and all(p in vocab for p in parts if p):
        return 1
    return 0


def _icon_name_in(text: str, names: frozenset) -> bool:
    """Whether a hyphenated token of ``text`` is an icon name or an icon-font class."""
    for tok in text.split():
        t = tok.strip(",;|·•").casefold()
        if "-" in t.strip("-") and (t in names or _CLASS_RE.match(t) is not None):
            return True
    return False


def icon_labels(ctx: Context) -> List[Finding]:
    """Rules icon.line and icon.run: one tokenisation of each block serves both."""
    doc = ctx.doc
    vocab = lexicon.phrase_set("icons", doc.config.extra_phrases)
    names = lexicon.phrase_set("icon_names", doc.config.extra_phrases)
    out: List[Finding] = []
    for b, f in zip(doc.blocks, doc.feats):
        text = b.text
        # (an ASCII line has no private-use character: str.isascii() costs nothing)
        if not text.isascii() and _PRIVATE_RE.search(text) is not None:
            if f.n_words <= GLYPH_LINE_WORDS and not f.ends_sentence:
                out.append(Finding(b.start, b.end, CATEGORY, "icon-font glyphs", "icon.glyph", 1.0, b.index))
            else:
                out.extend(Finding(b.start + m.start(), b.start + m.end(), CATEGORY, "icon-font glyph",
                                   "icon.glyph", 0.9, None) for m in _PRIVATE_RE.finditer(text))
            continue
        if f.n_words < 2:
            continue
        # Every rule needs an unmistakable label ("icon" in a token, a ligature
        # with "_", an icon-font class or a hyphenated icon name), or, for a
        # row of UI words, every word an icon word: the cheap tests first.
        if ("_" not in text and _CLASS_WORDS.isdisjoint(f.words) and "icon" not in text.lower()
                and not ("-" in text and f.n_words <= 2 * UI_ROW_MAX and _icon_name_in(text, names))
                and not (f.n_words <= UI_ROW_MAX and vocab.issuperset(f.words))):
            continue
        toks = [(m.start(), m.end(), _is_icon(m.group(), vocab, names)) for m in _TOKEN_RE.finditer(text)]
        if not toks:
            continue
        strong = sum(1 for t in toks if t[2] == 2)
        iconish = sum(1 for t in toks if t[2])
        if (strong == 0 and UI_ROW_MIN <= len(toks) <= UI_ROW_MAX and iconish == len(toks) and not f.ends_sentence
                and not f.bullet):
            out.append(Finding(b.start, b.end, CATEGORY, f"a row of {len(toks)} UI words", "icon.line", 0.85, b.index))
            continue
        if strong >= 2 and iconish / len(toks) >= LINE_SHARE:
            out.append(Finding(b.start, b.end, CATEGORY,
                               f"{iconish} of {len(toks)} tokens are icon labels", "icon.line", 1.0, b.index))
            continue
        # A run of icon labels glued to real text: remove the run only.
        i = 0
        while i < len(toks):
            if not toks[i][2]:
                i += 1
                continue
            j = i
            while j < len(toks) and toks[j][2]:
                j += 1
            run = toks[i:j]
            if len(run) >= MIN_RUN and sum(1 for t in run if t[2] == 2) >= max(2, len(run) // 2):
                out.append(Finding(b.start + run[0][0], b.start + run[-1][1], CATEGORY,
                                   f"run of {len(run)} icon labels", "icon.run", 0.9, None))
            i = j
    return out
