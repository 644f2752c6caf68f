"""Settling: cleaning the output again changes nothing (idempotence).

One pass judges every line in the context of the whole input. Once the junk
is gone, the lines that stay stand in a new context: two copies of a
paragraph that a teaser box kept apart are now next to each other, a date
line that sat below the menus now opens the text. A pass over the output
sees that context. What it removes is removed from the first result too, with
its offsets in the input, and the passes repeat until one changes nothing
(at most ``SETTLE_ROUNDS``). So ``clean_text(a.text).text == a.text`` holds
by construction wherever the rounds settle; tests/test_properties.py checks
it, and benchmarks/harm.py counts the texts where it does not.

A pass over the output costs little after a whole page (its output is a
fraction of it) and less than the first after an extracted article: it takes
the features of the lines the pass before analysed, and the line-local
detectors judge only the lines the pass before did not find clean
(``pipeline.Pass``, ``pipeline.LINE_LOCAL``); a first pass that removed
nothing needs no second.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Callable, List, Optional, Sequence, Tuple, TypeVar

from .results import Article, MetaSpan, Removal

#: At most this many passes over the output.
SETTLE_ROUNDS = 3

_Span = TypeVar("_Span", Removal, MetaSpan)


@dataclass(frozen=True)
class Segment:
    """A paragraph of an output text and where it came from in the source:
    ``verbatim`` when the paragraph is the source text between ``src_start``
    and ``src_end`` as it stands (no span was cut from it)."""

    out_start: int
    out_end: int
    src_start: int
    src_end: int
    verbatim: bool


def segments(article: Article, lines: Sequence[Tuple[int, int]], source: str) -> Optional[List[Segment]]:
    """Each paragraph of ``article.text`` with its line of ``source``
    (``lines``: the (start, end) of every block of the source, in order).
    None when they cannot be matched one to one."""
    gone = {(r.start, r.end) for r in article.removed} | {(m.start, m.end) for m in article.metadata_spans}
    kept = [(s, e) for s, e in lines if (s, e) not in gone]
    paras = article.text.split("\n\n") if article.text else []
    if len(kept) != len(paras):
        return None
    out: List[Segment] = []
    pos = 0
    for (s, e), para in zip(kept, paras):
        out.append(Segment(pos, pos + len(para), s, e, source[s:e] == para))
        pos += len(para) + 2
    return out


def _to_source(start: int, end: int, text: str, segs: Sequence[Segment], starts: Sequence[int],
               source: str) -> Optional[Tuple[int, int]]:
    """Offsets in the output text -> offsets in the source, or None when the
    paragraph was rewritten (a span cut from it) and ``text`` is not found
    once in its line."""
    seg = segs[max(0, bisect_right(starts, start) - 1)]
    if seg.verbatim:
        if end > seg.out_end:
            return None
        return seg.src_start + (start - seg.out_start), seg.src_start + (end - seg.out_start)
    k = source.find(text, seg.src_start, seg.src_end)
    if k < 0 or source.find(text, k + 1, seg.src_end) >= 0:
        return None
    return k, k + len(text)


def _moved(spans: Sequence[_Span], segs: Sequence[Segment], source: str,
           taken: Sequence[Tuple[int, int]]) -> Optional[List[_Span]]:
    """``spans`` of an output text, moved to their offsets in the source; None
    when one cannot be placed exactly, or would overlap a span in ``taken``."""
    starts = [s.out_start for s in segs]
    spans_taken = sorted(taken)  # (they do not overlap one another: the Article's own spans)
    taken_starts = [a for a, _ in spans_taken]
    out = []
    for sp in spans:
        where = _to_source(sp.start, sp.end, sp.text, segs, starts, source)
        if where is None or _overlaps(where, spans_taken, taken_starts):
            return None
        out.append(replace(sp, start=where[0], end=where[1]))
    return out


def _overlaps(where: Tuple[int, int], spans: Sequence[Tuple[int, int]], starts: Sequence[int]) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping one another)."""
    k = bisect_right(starts, where[0])
    before = k > 0 and spans[k - 1][1] > where[0]
    after = k < len(spans) and spans[k][0] < where[1]
    return before or after


def _compose(inner: Sequence[Segment], outer: Sequence[Segment]) -> List[Segment]:
    """Segments of a second output (``inner``: its paragraphs in the first
    output) in terms of the source of the first (``outer``)."""
    starts = [s.out_start for s in outer]
    out = []
    for seg in inner:
        o = outer[max(0, bisect_right(starts, seg.src_start) - 1)]
        if seg.verbatim and o.verbatim:
            out.append(Segment(seg.out_start, seg.out_end, o.src_start + (seg.src_start - o.out_start),
                               o.src_start + (seg.src_end - o.out_start), True))
        else:
            out.append(Segment(seg.out_start, seg.out_end, o.src_start, o.src_end, False))
    return out


def settle(first: Article, source: str, lines: Sequence[Tuple[int, int]],
           clean_again: Callable[[str], Tuple[Article, Sequence[Tuple[int, int]]]]) -> Article:
    """``first``, the result of cleaning ``source`` (whose blocks are at
    ``lines``), with what further passes over its text remove (``clean_again``:
    one pass over a text, returning its Article and its blocks' offsets)."""
    article = first
    segs = segments(first, lines, source)
    for _ in range(SETTLE_ROUNDS):
        if segs is None or not (article.removed or article.metadata_spans):
            break
        again, again_lines = clean_again(article.text)
        if again.text == article.text:
            break
        inner = segments(again, again_lines, article.text)
        taken = [(r.start, r.end) for r in article.removed] + [(m.start, m.end) for m in article.metadata_spans]
        removed = _moved(again.removed, segs, source, taken)
        spans = _moved(again.metadata_spans, segs, source, taken)
        if inner is None or removed is None or spans is None:
            break  # (offsets that could not be given exactly: keep the last exact result)
        article = replace(
            again,
            title=article.title or again.title,
            date=article.date or again.date,
            dateline=article.dateline or again.dateline,
            source=article.source or again.source,
            authors=list(dict.fromkeys(list(article.authors) + list(again.authors))),
            language=article.language,
            paywalled=article.paywalled or again.paywalled,
            low_confidence=article.low_confidence or again.low_confidence,
            removed=sorted(list(article.removed) + removed, key=lambda r: r.start),
            metadata_spans=sorted(list(article.metadata_spans) + spans, key=lambda m: m.start),
            url=article.url,
        )
        segs = _compose(inner, segs)
    return article
