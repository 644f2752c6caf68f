"""What a block is about, without a DOM: its content words, how much it shares
with the article's other paragraphs (cohesion) and with the body's first
paragraphs (overlap). Used by body finding, the block scorer, the teaser
detector and the HTML continuation check."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Dict, Iterable, List

from ..text import lexicon
from ..text.words import words

if TYPE_CHECKING:
    from .body import Body
    from .document import Document
    from .findings import Ledger

#: Content words have at least this many characters (and are no stop word of
#: any language we know, and no number).
CONTENT_WORD_MIN_CHARS = 4


@lru_cache(maxsize=1)
def all_stopwords() -> frozenset:
    """The stop words of every language we know, together."""
    s: set = set()
    for v in lexicon.stopwords().values():
        s |= v
    return frozenset(s)


def content_words(ws: Iterable[str]) -> List[str]:
    """The words of ``ws`` that carry a topic."""
    stop = all_stopwords()
    return [w for w in ws if len(w) >= CONTENT_WORD_MIN_CHARS and w not in stop and not w.isdigit()]


def content_words_of(doc: Document, i: int) -> frozenset:
    """Block ``i``'s content words, computed once per document."""
    cache = doc.content_words_cache
    ws = cache.get(i)
    if ws is None:
        ws = cache[i] = frozenset(content_words(doc.feats[i].words))
    return ws


def cohesion(doc: Document, blocks: List[int]) -> Dict[int, float]:
    """For each of ``blocks`` (prose), the share of its content words that also
    occur in another of them: an article's paragraphs share its names and
    terms; an author bio, a cookie notice or a comment shares few."""
    sets = {i: content_words_of(doc, i) for i in blocks}
    counts = Counter(chain.from_iterable(sets.values()))
    shared = {w for w, c in counts.items() if c > 1}
    return {i: (len(ws & shared) / len(ws)) if ws else 0.0 for i, ws in sets.items()}


def head_of(prose: List[int]) -> List[int]:
    """The first ~60% (at least three) of the body's prose blocks: the article's
    topic is set there, before any trailing material."""
    return prose[: max(3, (len(prose) * 3 + 4) // 5)]


def overlap(doc: Document, marks: Ledger, body: Body, i: int, unknown: float = 1.0) -> float:
    """Share of block ``i``'s content words (without the spans already proposed
    for removal in it) that also occur in the body's first paragraphs, the
    block's own contribution to them excluded. ``unknown`` when nothing can be
    said (no content words, no body, a script without spaces)."""
    if doc.script in ("cjk", "thai"):
        return unknown  # no spaces between words: \w+ tokens are whole phrases, overlap means nothing
    ws = set(content_words(words(marks.kept_text(i)))) if i in marks.spans else content_words_of(doc, i)
    if not ws:
        return unknown
    counts = body.counts
    if not counts:
        return unknown
    own = i in body.head
    hit = sum(1 for w in ws if counts.get(w, 0) - (1 if own else 0) > 0)
    return hit / len(ws)
