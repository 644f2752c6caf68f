"""Finding the article body ("core") in a sequence of blocks, without a DOM.

Each block gets a score from its own features and pass-1 labels: prose earns
points by length, junk and short non-sentence lines cost points. The core is
the contiguous run of blocks with the highest total (maximum subarray, linear
time). Topical overlap with the core then lets later steps tell the article's
own paragraphs from trailing stories.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, List

from . import lexicon
from .textutil import norm_key, words


def _all_stopwords() -> frozenset:
    s = set()
    for v in lexicon.stopwords().values():
        s |= v
    return frozenset(s)


_STOP = None


def content_words(ws: Iterable[str]) -> List[str]:
    global _STOP
    if _STOP is None:
        _STOP = _all_stopwords()
    return [w for w in ws if len(w) >= 4 and w not in _STOP and not w.isdigit()]


def is_prose(f, cfg) -> bool:
    return f.n_words >= cfg.prose_min_words and (f.ends_sentence or f.stop_ratio >= 0.15)


def block_score(doc, i: int) -> float:
    f = doc.feats[i]
    cfg = doc.config
    if doc.label[i] is not None:
        return -max(2.0, min(float(f.n_words), 30.0))
    if i in doc.meta_blocks:
        return -1.0
    hints = doc.hints
    if hints is not None and i < len(hints.link_density) and hints.link_density[i] > 0.5:
        return -max(2.0, min(float(f.n_words), 20.0))
    if f.table:
        return 1.0
    if is_prose(f, cfg):
        return float(min(f.n_words, 150))
    if f.ends_sentence and f.n_words >= 4:
        return 2.0
    if f.bullet:
        return -1.0
    return -2.0


def find_core(doc) -> None:
    n = len(doc.blocks)
    best, best_a, best_z = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for i in range(n):
        s = block_score(doc, i)
        if cur <= 0:
            cur, cur_a = s, i
        else:
            cur += s
        if cur > best:
            best, best_a, best_z = cur, cur_a, i
    doc.core = (best_a, best_z)
    if best_z < best_a:
        doc.core_words = frozenset()
        return
    # Topical core: content words of the first ~60% of the body's prose.
    prose = [i for i in range(best_a, best_z + 1) if doc.label[i] is None and is_prose(doc.feats[i], doc.config)]
    head = prose[: max(3, (len(prose) * 3 + 4) // 5)]
    counts: Counter = Counter()
    for i in head:
        counts.update(set(content_words(doc.feats[i].words)))
    doc.core_counts = counts
    doc.core_head = frozenset(head)
    doc.core_words = frozenset(counts)
    # Extend over article paragraphs cut off by a junk box in the middle.
    z = best_z
    for i in range(best_z + 1, n):
        f = doc.feats[i]
        if doc.label[i] is None and is_prose(f, doc.config) and overlap(doc, i) >= 0.25 and f.ends_sentence:
            z = i
    doc.core = (best_a, z)


def overlap(doc, i: int) -> float:
    """Share of block ``i``'s content words that also occur in the article's core
    (the block's own contribution to the core excluded)."""
    ws = set(content_words(words(doc.kept_text(i)) if i in doc.spans else doc.feats[i].words))
    if not ws:
        return 1.0
    counts = getattr(doc, "core_counts", None)
    if not counts:
        return 1.0
    own = i in getattr(doc, "core_head", ())
    hit = sum(1 for w in ws if counts.get(w, 0) - (1 if own else 0) > 0)
    return hit / len(ws)


def key(text: str) -> str:
    return norm_key(text)
