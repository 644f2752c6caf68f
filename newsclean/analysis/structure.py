"""Structural roles of a document's blocks (headings, list items, table rows,
quotations), for ``Config(structure=True)``.

From HTML the roles come from trafilatura's tree (:mod:`newsclean.html.structure`);
from text, :func:`text_roles` detects only what the text itself shows: list
items (lines that start with a bullet or a number) and headings set apart
the way headlines are (a short line with blank lines around it, no closing
full stop, followed by running text).
"""
from __future__ import annotations

import re
from typing import List, NamedTuple, Tuple

from ..text.words import BULLET_RE, TERMINAL
from .document import Document


class Role(NamedTuple):
    """A block's role: kind, level, group (see :class:`newsclean.results.TextBlock`)."""

    kind: str
    level: int = 0
    group: int = -1
    #: (anchor text, target) of its links and (source, alt text) of the
    #: images before or in it (HTML with ``Config(links=True)`` / ``images=True``)
    links: Tuple[Tuple[str, str], ...] = ()
    images: Tuple[Tuple[str, str], ...] = ()


PARAGRAPH = Role("paragraph")
#: A heading in text: at most this many words ...
HEADING_MAX_WORDS = 12
#: ... followed by a paragraph of at least this many words.
HEADING_NEXT_MIN_WORDS = 12
_BLANK_BEFORE_RE = re.compile(r"\n[ \t]*\n[ \t]*$")
_BLANK_AFTER_RE = re.compile(r"^[ \t]*\n[ \t]*\n")
_NUMBERED_RE = re.compile(r"^\d{1,2}[.)]\s")


def text_roles(doc: Document) -> List[Role]:
    """One role per block of a text document."""
    blocks, feats, text = doc.blocks, doc.feats, doc.text
    roles: List[Role] = []
    group = -1
    for i, (b, f) in enumerate(zip(blocks, feats)):
        if BULLET_RE.match(b.text):
            prev = roles[-1] if roles else PARAGRAPH
            if prev.kind != "item":
                group += 1
            roles.append(Role("item", 1, group))
            continue
        nxt = feats[i + 1] if i + 1 < len(feats) else None
        set_apart = ((i == 0 or _BLANK_BEFORE_RE.search(text[max(0, b.start - 16):b.start]) is not None)
                     and _BLANK_AFTER_RE.match(text[b.end:b.end + 16]) is not None)
        if (set_apart and nxt is not None and 0 < f.n_words <= HEADING_MAX_WORDS and b.text[-1] not in TERMINAL
                and b.text[-1] not in ":,;" and not f.table and f.n_urls == 0
                and nxt.n_words >= HEADING_NEXT_MIN_WORDS and nxt.ends_sentence):
            roles.append(Role("heading", 2))
        else:
            roles.append(PARAGRAPH)
    return roles


def is_numbered(text: str) -> bool:
    return _NUMBERED_RE.match(text) is not None
