"""Whole-page text from HTML without a DOM: the fallback of :func:`clean_html`
when trafilatura finds no main content (markup nested too deep for the
parser, or a page it cannot make sense of).

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
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})[^>]{0,2000}>|<![^>]{0,2000}>|<\?[^>]{0,2000}>")
_SPACES_RE = re.compile(r"[ \t\f\v\r\u00a0]+")
_LINES_RE = re.compile(r"\n\s*\n\s*")


def _drop_regions(page: str) -> str:
    """Remove comments and the content of the elements in ``_SKIP``, scanning
    once from left to right (an unclosed one runs to the end of the page)."""
    low = page.lower()
    out = []
    pos, n = 0, len(page)
    openers = ["<!--"] + ["<" + t for t in _SKIP]
    nxt = {o: low.find(o) for o in openers}
    while pos < n:
        live = [(i, o) for o, i in nxt.items() if i >= 0]
        if not live:
            break
        i, o = min(live)
        if o != "<!--":
            after = low[i + len(o): i + len(o) + 1]
            if after and (after.isalnum() or after in "-_:"):  # <header> is not <head>
                nxt[o] = low.find(o, i + 1)
                continue
        out.append(page[pos:i])
        close = "-->" if o == "<!--" else "</" + o[1:]
        j = low.find(close, i + len(o))
        if j < 0:
            pos = n
            break
        k = j + len(close) if o == "<!--" else low.find(">", j)
        pos = n if k < 0 else k + (0 if o == "<!--" else 1)
        out.append("\n")
        for key, v in nxt.items():  # openers inside the dropped region are gone
            if 0 <= v < pos:
                nxt[key] = low.find(key, pos)
    out.append(page[pos:])
    return "".join(out)


def _tag(m: "re.Match[str]") -> str:
    name = m.group(2)
    if name and name.lower() in _INLINE:
        return ""
    return "\n"


def page_text(page: str) -> str:
    """The visible text of an HTML page, one block per line."""
    text = _TAG_RE.sub(_tag, _drop_regions(page))
    text = _html.unescape(text)
    text = _SPACES_RE.sub(" ", text)
    lines = (ln.strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)
