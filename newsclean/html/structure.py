"""Structural roles of the lines trafilatura extracted, read from its tree.

trafilatura turns its tree (``<head rend="h2">``, ``<list>``/``<item>``,
``<table>``/``<row>``/``<cell>``, ``<quote>``, ``<p>``) into text, one block
element per line. :func:`units` walks the same tree and lists each block
element with its role and its letters and digits (the *key*); :func:`align`
then gives every line of the text the pipeline cleans the role of the unit
its key comes from, reading both in order. Nothing of the text changes: a
line that matches no unit is a paragraph.
"""
from __future__ import annotations

import re
from typing import Any, List, NamedTuple, Tuple

from ..analysis.structure import PARAGRAPH, Role


class Unit(NamedTuple):
    role: Role
    key: str


_HEADING_RE = re.compile(r"h([1-6])")
_RULE_RE = re.compile(r"^\|(?:-+\|)+$")
#: How far ahead of the current unit a line's unit is looked for.
LOOKAHEAD = 40


def key(text: str) -> str:
    """The letters and digits of a text, casefolded: what survives the
    extraction's spacing, markers and the normalisation alike."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _text(el: Any, skip: str = "") -> str:
    """The element's text, without that of descendants tagged ``skip``."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def units(body: Any) -> List[Unit]:
    """The block elements of trafilatura's tree, in document order. Links
    (``<ref target>``) and images (``<graphic src alt>``), when the tree has
    them, go with the unit they stand in; an image standing alone goes with
    the next unit."""
    out: List[Unit] = []
    counter = [0]
    pending: List[Tuple[str, str]] = []   # images waiting for the next unit

    def new_group() -> int:
        counter[0] += 1
        return counter[0] - 1

    def emit(role: Role, el: Any, text: str) -> None:
        pending.extend((g.get("src") or "", g.get("alt") or "") for g in el.iter("graphic") if g.get("src"))
        k = key(text)
        if not k:
            return
        links = tuple((" ".join(_text(r).split()), r.get("target") or "") for r in el.iter("ref")
                      if r.get("target") and _text(r).strip())
        if links or pending:
            role = role._replace(links=links, images=tuple(pending))
            pending.clear()
        out.append(Unit(role, k))

    def walk(el: Any, depth: int, group: int, quote: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "graphic":
            if el.get("src"):
                pending.append((el.get("src") or "", el.get("alt") or ""))
            return
        if tag == "head":
            m = _HEADING_RE.fullmatch(el.get("rend") or "")
            emit(Role("heading", int(m.group(1)) if m else 2), el, _text(el))
            return
        if tag == "list":
            g = new_group() if depth == 0 else group
            for child in el:
                walk(child, depth + 1, g, quote)
            return
        if tag == "item":
            emit(Role("item", max(depth, 1), group), el, _text(el, skip="list"))
            for child in el.iter("list"):
                if _nearest_item(child) is el:
                    walk(child, depth, group, quote)
            return
        if tag == "table":
            g = new_group()
            for row in el.iter("row"):
                emit(Role("row", 0, g), row, _text(row))
            return
        if tag == "quote":
            g = new_group()
            if any(c.tag == "p" for c in el):
                for child in el:
                    walk(child, depth, group, g)
            else:
                emit(Role("quote", 0, g), el, _text(el))
            return
        if tag in ("p", "code"):
            role = Role("quote", 0, quote) if quote >= 0 else Role("code" if tag == "code" else "paragraph")
            emit(role, el, _text(el))
            return
        for child in el:
            walk(child, depth, group, quote)

    walk(body, 0, -1, -1)
    return out


def _nearest_item(el: Any) -> Any:
    p = el.getparent()
    while p is not None and p.tag != "item":
        p = p.getparent()
    return p


def align(us: List[Unit], lines: List[str]) -> List[Role]:
    """One role per line: the role of the unit the line's letters come from.

    A unit may span several lines (a ``<br>`` in a paragraph); a line may skip
    units (what the text pipeline never sees). The line under a table's head
    row is a "rule" of that table; lines found in no unit are paragraphs."""
    roles: List[Role] = []
    u, off = 0, 0
    for line in lines:
        k = key(line)
        if not k:
            prev = roles[-1] if roles else PARAGRAPH
            roles.append(Role("rule", 0, prev.group) if _RULE_RE.match(line.strip()) and prev.kind == "row"
                         else PARAGRAPH)
            continue
        if u < len(us) and us[u].key.startswith(k, off):
            roles.append(us[u].role)
            off += len(k)
            if off >= len(us[u].key):
                u, off = u + 1, 0
            continue
        for j in range(u + (1 if off else 0), min(len(us), u + LOOKAHEAD)):
            if us[j].key.startswith(k):
                roles.append(us[j].role)
                u, off = j, len(k)
                if off >= len(us[j].key):
                    u, off = j + 1, 0
                break
        else:
            roles.append(PARAGRAPH)
    return roles
