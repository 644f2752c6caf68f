"""The main content of an HTML page as text: trafilatura's extraction, with
fallbacks when it keeps too little and a continuation when it stops early."""
from __future__ import annotations

import itertools
import re
from typing import Any, List, Optional, Tuple

from ..analysis.topic import content_words
from ..text.words import TERMINAL, words
from .pagetext import page_text
from .structure import Unit, units


def main_text(page: str, url: Optional[str]) -> Tuple[str, str]:
    """The text the pipeline cleans, and its mode: trafilatura's main content
    ("html"), or, when it finds none, the whole page's text ("text": the
    pipeline finds the article among menus, as for clean_text)."""
    text, mode, _ = main_content(page, url)
    return text, mode


def main_content(page: str, url: Optional[str], links: bool = False,
                 images: bool = False) -> Tuple[str, str, Optional[List[Unit]]]:
    """:func:`main_text`, and the block elements of trafilatura's tree that
    the text comes from (:func:`newsclean.html.structure.units`; None in
    "text" mode, where there is no tree). With ``links`` or ``images``,
    trafilatura runs a second time, in the mode that gave the text, keeping
    them: their tree gives the units (the text stays the first run's)."""
    text, body, how = _extract(page, url)
    if text.strip() and (links or images):
        _, rich = _trafilatura(page, url, how[0], fast=how[1], links=links, images=images)
        body = rich if rich is not None else body
    if text.strip():
        more = _continuation(page, text)
        return (text + "\n" + "\n".join(more) if more else text), "html", (units(body) if body is not None else [])
    return page_text(page), "text", None


#: trafilatura's fast mode (no readability / jusText fallbacks) is tried first;
#: below this many characters its text is doubtful and the full mode, with the
#: fallbacks, is run instead. The fallbacks exist for short or empty
#: extractions: on the 181 benchmark pages they changed the text on 6 pages,
#: all with a fast-mode text under 900 characters, and left the other 175 as
#: fast mode found them (docs/benchmarks.md). The fallbacks cost about 40% of
#: trafilatura's time.
FAST_MIN_CHARS = 1500
#: Below this many characters, precision mode's text is checked against the default mode's.
SHORT_CHARS = 400
#: ... which replaces it when it is at least this many times longer.
SHORT_RATIO = 3


# Closing tags of elements whose text trafilatura joins to the next element's
# without a space when they stand outside their usual container (an <li>
# outside a list): a line break before the tag keeps the words apart.
_JOINED_RE = re.compile(r"</(?:li|dd|dt|figcaption)>", re.IGNORECASE)


def _extract(page: str, url: Optional[str]) -> Tuple[str, Any, Tuple[bool, bool]]:
    """Main content as text. trafilatura's own metadata extraction is skipped
    (``htmlmeta`` reads the page's declarations instead, much cheaper);
    comments are left out; ``favor_precision`` because the text pipeline after
    it is tuned to keep article text, and precision is what trafilatura lacks.
    Fast mode first: the full mode's fallbacks only when it keeps little.
    Returns the text, trafilatura's tree of it (None if it failed), and the
    mode that gave them (precision, fast)."""
    page = _JOINED_RE.sub(_newline_before, page)
    text, body = _trafilatura(page, url, True, fast=True)
    if len(text) >= FAST_MIN_CHARS:
        return text, body, (True, True)
    text, body = _trafilatura(page, url, True)
    if len(text) < SHORT_CHARS:
        # Precision mode can discard nearly the whole article (a page whose
        # body it takes for boilerplate); the default mode is the second try,
        # taken when it finds several times more text.
        other, other_body = _trafilatura(page, url, False)
        if len(other) >= SHORT_RATIO * max(len(text), 1):
            return other, other_body, (False, False)
    return text, body, (True, False)


#: Continuation: paragraphs of at least this many words, ending a sentence ...
CONT_MIN_WORDS = 25
#: ... at least this many of them, with at most CONT_MAX_GAP other lines between ...
CONT_MIN_PARAS = 3
CONT_MAX_GAP = 2
#: ... sharing at least this share of their content words with the extracted text
#: (compared on their first five letters).
CONT_MIN_SHARED = 0.2
CONT_FIRST_CHARS = 4_000
_BODY_RE = re.compile(r"<body\b[^>]{0,2000}>", re.IGNORECASE)
_ANCHOR_RE = re.compile(r"[^\W_]+(?: [^\W_]+){4}")
ANCHOR_TRIES = 3


def _continuation(page: str, text: str) -> List[str]:
    """Article paragraphs trafilatura left behind after the part it took.

    trafilatura keeps one main container; an article split over several
    sibling containers (with an advertisement or a "more stories" box between
    them) loses all but the first. After the last extracted paragraph, the
    page's text is read on: paragraphs of running text that follow it with at
    most two other lines between them, at least three, on the same topic as
    the extracted text (by shared words), are the article's continuation. The
    text pipeline then cleans them with the rest."""
    lines = [ln for ln in text.split("\n") if len(ln.split()) >= 8]
    if not lines:
        return []
    # Where the last extracted paragraph stands in the markup: the first of a
    # few runs of five words found there verbatim (an entity or a tag inside
    # a run hides it).
    pos = -1
    body = _BODY_RE.search(page)  # not in the <head>'s title or description
    start = body.end() if body else 0
    for m in itertools.islice(_ANCHOR_RE.finditer(lines[-1]), ANCHOR_TRIES):
        pos = page.find(m.group(), start)
        if pos >= 0:
            break
    if pos < 0:
        return []
    flat = " ".join(text.split())
    # The page is read on in growing pieces: the run usually ends a few lines
    # after the extracted part, so the whole rest of the page is seldom needed.
    size = CONT_FIRST_CHARS
    while True:
        end = pos + size
        whole = end >= len(page)
        lines = page_text(page[pos:end]).split("\n")[1:]  # the first line is the last extracted one
        if not whole:
            lines = lines[:-1]  # may be cut off mid-paragraph
        found: List[str] = []
        gap = 0
        ended = False
        for ln in lines:
            # words, or characters / 6 where words are long or unspaced (Russian, Chinese)
            if max(len(ln.split()), len(ln) // 6) >= CONT_MIN_WORDS and ln[-1] in TERMINAL:
                if " ".join(ln.split()) not in flat:
                    found.append(ln)
                gap = 0
            else:
                gap += 1
                if gap > CONT_MAX_GAP:
                    ended = True
                    break
        if ended or whole:
            break
        size *= 4
    if len(found) < CONT_MIN_PARAS:
        return []
    # Shared words compared on their first five letters: inflected forms
    # (district/districts, округ/округа) count as the same word.
    have = {w[:5] for w in content_words(words(text))}
    cw = content_words(words(" ".join(found)))
    if not cw or sum(w[:5] in have for w in cw) < CONT_MIN_SHARED * len(cw):
        return []
    return found


def _trafilatura(page: str, url: Optional[str], precision: bool, fast: bool = False, links: bool = False,
                 images: bool = False) -> Tuple[str, Any]:
    # Imported at first use: clean_text never needs it, and importing it
    # (with its own dependencies) would slow every `import newsclean`.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=False, include_comments=False,
                                          include_tables=True, favor_precision=precision, fast=fast,
                                          include_links=links, include_images=images)
    except Exception:  # trafilatura may fail on pathological markup
        return "", None
    if doc is None:
        return "", None
    return getattr(doc, "text", None) or "", getattr(doc, "body", None)


def _newline_before(m: "re.Match[str]") -> str:
    return "\n" + m.group(0)
