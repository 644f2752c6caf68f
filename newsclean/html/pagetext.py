"""Whole-page text from HTML without a DOM. :func:`clean_html` uses it where
trafilatura's text is not enough: as the fallback when trafilatura finds no
main content (markup nested too deep for the parser, or a page it cannot make
sense of), and to read on after the part it extracted (an article split over
several containers).

Plain string scanning, linear in the page's length whatever the markup:
comments and the contents of script, style and similar elements are dropped,
block-level tags become line breaks, inline tags vanish, entities are decoded.
The result is the kind of whole-page text ``clean_text`` is built for.
"""
from __future__ import annotations

import html as _html
import re

# Elements whose content is never page text.
_SKIP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas")
# Inline elements: their tags vanish without a break (``<b>in</b>line`` stays one word).
_INLINE = frozenset("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong "
                    "sub sup time tt u var wbr".split())
# A tag: name and attributes up to '>' (bounded, so a stray '<' costs little).
_INLINE_RE = re.compile(r"</?(?:%s)(?![A-Za-z0-9:-])[^>]{0,2000}>" % "|".join(sorted(_INLINE, key=len, reverse=True)),
                        re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][^>]{0,2000}>|<![^>]{0,2000}>|<\?[^>]{0,2000}>")
_SPACES_RE = re.compile(r"[ \t\f\v\r\u00a0]+")


_OPEN_RE = re.compile(r"<!--|<(%s)(?![A-Za-z0-9:-])" % "|".join(_SKIP), re.IGNORECASE)
_CLOSE_RE = {t: re.compile(r"</%s\s*>" % t, re.IGNORECASE) for t in _SKIP}


def _drop_regions(page: str) -> str:
    """Remove comments and the content of the elements in ``_SKIP``, scanning
    once from left to right (an unclosed one runs to the end of the page)."""
    out = []
    pos = 0
    while True:
        m = _OPEN_RE.search(page, pos)
        if m is None:
            break
        out.append(page[pos:m.start()])
        out.append("\n")
        if m.group(1) is None:
            j = page.find("-->", m.end())
            pos = j + 3 if j >= 0 else len(page)
        else:
            c = _CLOSE_RE[m.group(1).lower()].search(page, m.end())
            pos = c.end() if c else len(page)
    out.append(page[pos:])
    return "".join(out)


def page_text(page: str) -> str:
    """The visible text of an HTML page, one block per line."""
    text = _TAG_RE.sub("\n", _INLINE_RE.sub("", _drop_regions(page)))
    text = _html.unescape(text)
    text = _SPACES_RE.sub(" ", text)
    lines = (ln.strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)
