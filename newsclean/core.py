"""Finding the article body ("core") in a sequence of blocks, without a DOM.

Each block gets a score from its own features and pass-1 labels: prose earns
points by length, junk and short non-sentence lines cost points. The core is
the contiguous run of blocks with the highest total (maximum subarray, linear
time). Topical overlap with the core then lets later steps tell the article's
own paragraphs from trailing stories.
"""
from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Tuple

from . import lexicon
from .textutil import norm_key, words

if TYPE_CHECKING:
    from .config import Config
    from .document import Document, Features


EXTEND_GAP = 3
HEADLINE_MAX_WORDS = 30
EXTEND_OVERLAP = 0.35
SHORT_LINE_COST = 5.0   # a short non-sentence line (navigation, headline of another story)
JUNK_COST = 5.0         # at least this much for a block a detector flagged


def _all_stopwords() -> frozenset:
    s: set = set()
    for v in lexicon.stopwords().values():
        s |= v
    return frozenset(s)


_STOP: Optional[frozenset] = None


def _stopwords() -> frozenset:
    global _STOP
    if _STOP is None:
        _STOP = _all_stopwords()
    return _STOP


def content_words(ws: Iterable[str]) -> List[str]:
    stop = _stopwords()
    return [w for w in ws if len(w) >= 4 and w not in stop and not w.isdigit()]


def cwords(doc: Document, i: int) -> frozenset:
    """Block ``i``'s content words, computed once per document."""
    cache = doc.cwords_cache
    ws = cache.get(i)
    if ws is None:
        ws = cache[i] = frozenset(content_words(doc.feats[i].words))
    return ws


def is_prose(f: Features, cfg: Config) -> bool:
    """A paragraph of running text. Without a sentence end, only a long block
    counts (a paragraph cut short); a shorter one is a headline of some other
    story ("Airbus wins increased order from Saudi carrier for 90 jets")."""
    if f.n_words < cfg.prose_min_words:
        return False
    return f.ends_sentence or (f.n_words >= HEADLINE_MAX_WORDS and f.stop_ratio >= 0.15)


def block_score(doc: Document, i: int) -> float:
    """Block ``i``'s rule-based core score."""
    return _score(doc.feats[i], doc.label[i], i in doc.meta_blocks, doc.config)


def _block_scores(doc: Document) -> List[float]:
    """:func:`block_score` of every block, in order (document lookups hoisted)."""
    meta, cfg = doc.meta_blocks, doc.config
    return [_score(f, lab, i in meta, cfg) for i, (f, lab) in enumerate(zip(doc.feats, doc.label))]


def _score(f: Features, lab: Optional[str], meta: bool, cfg: Config) -> float:
    """The core score of a block with features ``f`` and pass-1 label ``lab``;
    ``meta``: whether it is a metadata block (title, byline, date line)."""
    if lab is not None:
        if lab == "duplicate" and is_prose(f, cfg):
            return 0.0  # a repeated paragraph of the body: neither splits nor extends it
        return -max(JUNK_COST, min(float(f.n_words), 30.0))
    if meta:
        return -1.0
    if f.table:
        return 1.0
    if is_prose(f, cfg):
        return float(min(f.n_words, 150))
    if f.ends_sentence and f.n_words >= 4:
        return 2.0
    if f.bullet:
        return -1.0
    return -SHORT_LINE_COST


def _max_run(scores: List[float]) -> Tuple[int, int]:
    """Maximum-sum contiguous run (Kadane), as (first, last); (0, -1) if none is positive."""
    best, best_a, best_z = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, cur_a = s, i
        else:
            cur += s
        if cur > best:
            best, best_a, best_z = cur, cur_a, i
    return best_a, best_z


def _cohesion(doc: Document, blocks: List[int]) -> Dict[int, float]:
    """For each prose block, the share of its content words that also occur in
    another prose block of the run: an article's paragraphs share its names and
    terms; an author bio, a cookie notice or a comment shares few."""
    sets = {i: cwords(doc, i) for i in blocks}
    counts = Counter(chain.from_iterable(sets.values()))
    shared = {w for w, c in counts.items() if c > 1}
    return {i: (len(ws & shared) / len(ws)) if ws else 0.0 for i, ws in sets.items()}


def head_of(prose: List[int]) -> List[int]:
    """The first ~60% (at least three) of the body's prose blocks: the article's
    topic is set there, before any trailing material."""
    return prose[: max(3, (len(prose) * 3 + 4) // 5)]


def find_core(doc: Document) -> None:
    n = len(doc.blocks)
    label, feats, cfg = doc.label, doc.feats, doc.config
    scores = _block_scores(doc)
    if doc.mode == "text" and cfg.block_model:
        from .blockmodel import rescore

        scores = rescore(doc, scores)
    a, z = _max_run(scores)
    if z >= a and doc.mode == "text":
        # Second look, from topical cohesion: prose that shares little with the
        # rest of the run (bios, comments, notices in a whole-page text) earns less.
        prose = [i for i in range(a, z + 1) if scores[i] > 2 and label[i] is None]
        if len(prose) >= 3:
            coh = _cohesion(doc, prose)
            for i, c in coh.items():
                scores[i] = scores[i] * min(1.0, 0.4 + 2 * c)
            a, z = _max_run(scores)
    best_a, best_z = a, z
    doc.core = (best_a, best_z)
    if best_z < best_a:
        doc.core_words = frozenset()
        return
    # Topical core: content words of the first ~60% of the body's prose.
    prose = [i for i in range(best_a, best_z + 1) if label[i] is None and is_prose(feats[i], cfg)]
    head = head_of(prose)
    counts = Counter(chain.from_iterable(cwords(doc, i) for i in head))
    doc.core_counts = counts
    doc.core_head = frozenset(head)
    doc.core_words = frozenset(counts)
    # Extend over article paragraphs cut off by a small junk box (at most
    # EXTEND_GAP blocks) when they are clearly on topic.
    z = best_z
    i = z + 1
    gap = EXTEND_GAP if doc.mode == "text" else n  # HTML: trafilatura already chose the content
    while i < n and i - z <= gap + 1:
        f = feats[i]
        if (label[i] is None and is_prose(f, cfg) and f.ends_sentence
                and overlap(doc, i) >= EXTEND_OVERLAP):
            z = i
        i += 1
    doc.core = (best_a, z)


def overlap(doc: Document, i: int) -> float:
    """Share of block ``i``'s content words that also occur in the article's core
    (the block's own contribution to the core excluded)."""
    if doc.script in ("cjk", "thai"):
        return 1.0  # no spaces between words: \w+ tokens are whole phrases, overlap means nothing
    ws = set(content_words(words(doc.kept_text(i)))) if i in doc.spans else cwords(doc, i)
    if not ws:
        return 1.0
    counts = doc.core_counts
    if not counts:
        return 1.0
    own = i in doc.core_head
    hit = sum(1 for w in ws if counts.get(w, 0) - (1 if own else 0) > 0)
    return hit / len(ws)


def key(text: str) -> str:
    return norm_key(text)
