"""The decision step: from every finding to the Article.

Per block, either one whole-block removal or a set of non-overlapping span
removals (:func:`choose`). Then the safety floor: if the removals would leave
less than ``Config.min_keep_ratio`` of the document's prose, the removals made
for a block's position are undone, and the Article is flagged ``low_confidence``.
"""
from __future__ import annotations

from operator import attrgetter
from typing import Callable, Dict, List, Optional, Tuple

from . import categories
from .analysis.document import Document
from .analysis.findings import Finding, Ledger
from .analysis.scores import is_prose
from .analysis.structure import Role
from .detectors import positional_rules
from .detectors.base import Context
from .metadata.lines import Meta
from .results import Article, Removal, TextBlock

#: A short unlabelled line between two blocks of one region joins it: at most this many words.
SANDWICH_MAX_WORDS = 5
#: Safety floor: below this much article-like text (words of prose, or, where
#: no block reads as prose, characters of blocks of FLOOR_BLOCK_CHARS or more)
#: a document is too short to judge.
FLOOR_MIN_WORDS = 40
FLOOR_MIN_CHARS = 200
FLOOR_BLOCK_CHARS = 30


def sandwiched(ctx: Context) -> List[Finding]:
    """Rule ``<category>.context``: a short unlabelled line between two blocks
    of the same region category ("eros" inside a registration form) joins them."""
    doc, label = ctx.doc, ctx.marks.label
    out = []
    for i in range(1, len(doc.blocks) - 1):
        if label[i] is not None or i in ctx.meta.blocks:
            continue
        f = doc.feats[i]
        if f.n_words > SANDWICH_MAX_WORDS or (f.ends_sentence and f.n_words >= 3):
            continue
        prev, nxt = label[i - 1], label[i + 1]
        if prev is not None and prev == nxt and categories.get(prev).region:
            out.append(doc.block_finding(i, prev, f"short line inside a {prev} region", f"{prev}.context", 0.6))
    return out


def choose(fs: List[Finding]) -> List[Finding]:
    """Of one block's findings: the most confident whole-block one of a
    category that is not a fallback (foreign_language), else of any (ties:
    the category's rank, then the rule's name); or else the span findings
    that do not overlap, longest first at each start."""
    if len(fs) == 1:
        return fs
    whole = [f for f in fs if f.block is not None]
    if whole:
        return [min(whole, key=lambda f: (categories.get(f.category).fallback, -f.confidence,
                                          categories.get(f.category).rank, f.rule))]
    chosen: List[Finding] = []
    for f in sorted(fs, key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    return chosen


def _per_block(doc: Document, marks: Ledger) -> Dict[int, List[Finding]]:
    per_block: Dict[int, List[Finding]] = {}
    for f in marks.findings:
        bi = f.block if f.block is not None else doc.block_of(f.start)
        if bi >= 0:
            per_block.setdefault(bi, []).append(f)
    return per_block


def _safety_floor(doc: Document, meta: Meta, decided: Dict[int, List[Finding]],
                  per_block: Dict[int, List[Finding]]) -> bool:
    """Never silently drop (nearly) the whole article. Measured in words of
    prose; where no block reads as prose (a script whose full stop we do not
    know, or no full stops at all), in characters of longer blocks. When it
    engages, the paragraphs removed for where they stand (after a wall, around
    the body, between junk), not for what they say, come back; what was
    removed from them for what it says (spam glued to a paragraph's end)
    stays removed. Changes ``decided``; returns whether it engaged."""
    cfg, feats, blocks = doc.config, doc.feats, doc.blocks
    cands = [i for i, f in enumerate(feats) if is_prose(f, cfg) and i not in meta.blocks]
    size: Callable[[int], int] = lambda i: feats[i].n_words  # noqa: E731
    minimum = FLOOR_MIN_WORDS
    if not cands:
        cands = [i for i, b in enumerate(blocks) if b.end - b.start >= FLOOR_BLOCK_CHARS and i not in meta.blocks]
        size, minimum = (lambda i: blocks[i].end - blocks[i].start), FLOOR_MIN_CHARS
    total = sum(map(size, cands))
    kept = sum(size(i) for i in cands if not _whole_removed(decided, i))
    if not (total >= minimum and kept < cfg.min_keep_ratio * total):
        return False
    positional = positional_rules()
    cand_set = set(cands)
    for i, f in enumerate(feats):
        fs = decided.get(i)
        if (fs and fs[0].block is not None and fs[0].rule in positional
                and (i in cand_set or (f.ends_sentence and f.n_words >= 6))):
            rest = [g for g in per_block[i] if g.rule not in positional]
            if rest:
                decided[i] = choose(rest)
            else:
                del decided[i]
    return True


def _whole_removed(decided: Dict[int, List[Finding]], i: int) -> bool:
    fs = decided.get(i)
    return fs is not None and len(fs) > 0 and fs[0].block is not None


def assemble(doc: Document, meta: Meta, marks: Ledger, url: Optional[str],
             roles: Optional[List[Role]] = None) -> Article:
    """The Article: the kept text, every removal with its reason, the metadata.
    With ``roles`` (one per block), also each kept paragraph with its role."""
    cfg = doc.config
    per_block = _per_block(doc, marks)
    decided = {bi: choose(fs) for bi, fs in per_block.items() if bi not in meta.blocks}
    low_confidence = _safety_floor(doc, meta, decided, per_block)
    removed: List[Removal] = []
    paras: List[str] = []
    kept: List[int] = []   # the block of each paragraph
    for b in doc.blocks:
        if b.index in meta.blocks:
            continue
        fs = decided.get(b.index)
        if not fs:
            paras.append(b.text)
            kept.append(b.index)
            continue
        if fs[0].block is not None:
            f = fs[0]
            removed.append(Removal(f.category, b.text, b.start, b.end, f.reason, f.rule))
            continue
        pieces, pos = [], b.start
        for f in fs:
            s, e = max(f.start, b.start), min(f.end, b.end)
            if e <= s:
                continue
            pieces.append(doc.text[pos:s])
            removed.append(Removal(f.category, doc.text[s:e], s, e, f.reason, f.rule))
            pos = e
        pieces.append(doc.text[pos:b.end])
        para = " ".join(" ".join(pieces).split())
        if para:
            paras.append(para)
            kept.append(b.index)
    removed.sort(key=attrgetter("start"))
    return Article(
        text="\n\n".join(paras),
        title=meta.title,
        date=meta.date,
        language=doc.language,
        dateline=meta.dateline,
        source=meta.source,
        authors=list(meta.authors),
        paywalled=any(r.rule == "paywall.wall" for r in removed),
        low_confidence=low_confidence,
        removed=removed,
        metadata_spans=sorted(meta.spans, key=lambda m: m.start) if cfg.metadata else [],
        url=url,
        blocks=None if roles is None else [_text_block(roles[i], p) for p, i in zip(paras, kept)],
    )


def _text_block(role: Role, para: str) -> TextBlock:
    """A kept paragraph with its role; of its links, those whose anchor text it still has."""
    links = tuple(ln for ln in role.links if ln[0] and ln[0] in para)
    return TextBlock(role.kind, para, role.level, role.group, links, role.images)


__all__: Tuple[str, ...] = ("sandwiched", "choose", "assemble")
