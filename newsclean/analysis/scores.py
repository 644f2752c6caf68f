"""The rule-based score of a block as article text, from its features and the
category a pass-1 rule proposed for it: prose earns points by length, junk and
short non-sentence lines cost points. :mod:`newsclean.analysis.body` picks the
run of blocks with the highest total."""
from __future__ import annotations

from typing import TYPE_CHECKING, List, Mapping, Optional, Sequence, Tuple

if TYPE_CHECKING:
    from ..config import Config
    from .document import Document, Features

#: A block of at least this many words counts as prose without a sentence end
#: (a paragraph cut short) when it has function words; shorter, it is a headline.
HEADLINE_MAX_WORDS = 30
HEADLINE_MIN_STOP_RATIO = 0.15
#: Score of a short line that ends no sentence (navigation, another story's headline).
SHORT_LINE_COST = 5.0
#: At least this much is lost for a block a rule proposed for removal.
JUNK_COST = 5.0
#: A paragraph earns at most this many points (one per word).
PROSE_CAP = 150


def is_prose(f: Features, cfg: Config) -> bool:
    """A paragraph of running text. Without a sentence end, only a long block
    counts (a paragraph cut short); a shorter one is a headline of some other
    story ("Airbus wins increased order from Saudi carrier for 90 jets")."""
    if f.n_words < cfg.prose_min_words:
        return False
    return f.ends_sentence or (f.n_words >= HEADLINE_MAX_WORDS and f.stop_ratio >= HEADLINE_MIN_STOP_RATIO)


def score(f: Features, label: Optional[str], meta: bool, cfg: Config) -> float:
    """The score of a block with features ``f`` and pass-1 ``label``; ``meta``:
    whether it is a metadata block (title, byline, date line)."""
    if label is not None:
        if label == "duplicate" and is_prose(f, cfg):
            return 0.0  # a repeated paragraph of the body: neither splits nor extends it
        return -max(JUNK_COST, min(float(f.n_words), 30.0))
    if meta:
        return -1.0
    if f.table:
        return 1.0
    if is_prose(f, cfg):
        return float(min(f.n_words, PROSE_CAP))
    if f.ends_sentence and f.n_words >= 4:
        return 2.0
    if f.bullet:
        return -1.0
    return -SHORT_LINE_COST


def block_scores(doc: Document, label: Sequence[Optional[str]], meta_blocks: Mapping[int, str]) -> List[float]:
    """:func:`score` of every block, in order."""
    cfg = doc.config
    return [score(f, lab, i in meta_blocks, cfg) for i, (f, lab) in enumerate(zip(doc.feats, label))]


def max_run(scores: List[float]) -> Tuple[int, int]:
    """Maximum-sum contiguous run (Kadane), as (first, last); (0, -1) if none is positive."""
    best, best_first, best_last = 0.0, 0, -1
    cur, cur_first = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, cur_first = s, i
        else:
            cur += s
        if cur > best:
            best, best_first, best_last = cur, cur_first, i
    return best_first, best_last
