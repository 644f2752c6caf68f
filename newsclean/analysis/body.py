"""Finding the article body in a sequence of blocks, without a DOM.

Each block has a score (:mod:`newsclean.analysis.scores`; in whole-page text
the learned block scorer reweights it). The body is the contiguous run of
blocks with the highest total (maximum subarray, linear time), then extended
over on-topic paragraphs cut off by a small junk box and, in whole-page text,
up to the first paragraph under a byline or date line above it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Dict, Mapping

from .blockscorer import Probabilities, rescore
from .scores import block_scores, is_prose, max_run
from .shape import whole_page
from .topic import cohesion, content_words_of, head_of, overlap

if TYPE_CHECKING:
    from .document import Document
    from .findings import Ledger

#: Extend the body over on-topic paragraphs after a junk box of at most this many blocks ...
EXTEND_GAP = 3
#: ... sharing at least this share of their content words with the body's head.
EXTEND_OVERLAP = 0.35
#: Whole-page text: a prose block's score is multiplied by min(1, COHESION_BASE + COHESION_WEIGHT * cohesion).
COHESION_BASE = 0.4
COHESION_WEIGHT = 2.0


@dataclass(frozen=True)
class Body:
    """The article body: blocks ``first`` to ``last`` (``last < first``: none
    found); ``head`` its first prose blocks and ``counts`` their content
    words; ``block_prob`` the block scorer's probabilities, if it ran."""

    first: int = 0
    last: int = -1
    counts: Dict[str, int] = field(default_factory=dict)
    head: frozenset = frozenset()
    block_prob: Probabilities = field(default_factory=list)
    whole_page: bool = False

    @property
    def found(self) -> bool:
        return self.last >= self.first


NO_BODY = Body()


def find_body(doc: Document, marks: Ledger, meta_blocks: Mapping[int, str]) -> Body:
    """The body, from the blocks' scores given what pass 1 proposed (``marks``)."""
    n = len(doc.blocks)
    label, feats, cfg = marks.label, doc.feats, doc.config
    scores = block_scores(doc, label, meta_blocks)
    probs: Probabilities = []
    # (a whole page still, once the icons pass 1 found are set aside: a
    # toolbar above an article makes no page of it; a page's menus stay)
    page = doc.mode == "text" and doc.whole_page and whole_page(
        [f for f, lab in zip(feats, label) if lab != "icon"], cfg.prose_min_words)
    if page and cfg.block_model:
        scores, probs = rescore(doc, scores, label, page)
    first, last = max_run(scores)
    if last >= first and doc.mode == "text":
        # Second look, from topical cohesion: prose that shares little with the
        # rest of the run (bios, comments, notices in a whole-page text) earns less.
        prose = [i for i in range(first, last + 1) if scores[i] > 2 and label[i] is None]
        if len(prose) >= 3:
            for i, c in cohesion(doc, prose).items():
                scores[i] = scores[i] * min(1.0, COHESION_BASE + COHESION_WEIGHT * c)
            first, last = max_run(scores)
    if last < first:
        return Body(first, last, block_prob=probs, whole_page=page)
    # The topic: content words of the first ~60% of the body's prose.
    prose = [i for i in range(first, last + 1) if label[i] is None and is_prose(feats[i], cfg)]
    head = head_of(prose)
    counts = Counter(chain.from_iterable(content_words_of(doc, i) for i in head))
    body = Body(first, last, dict(counts), frozenset(head), probs, page)
    # Extend over article paragraphs cut off by a small junk box (at most
    # EXTEND_GAP blocks) when they are clearly on topic.
    end = last
    i = end + 1
    # Only whole-page text has boxes of other content long enough to end the
    # article; in HTML trafilatura already chose the content, and an
    # article-shaped text is mostly article (a long list inside it is its own).
    gap = EXTEND_GAP if page else n
    while i < n and i - end <= gap + 1:
        f = feats[i]
        if (label[i] is None and is_prose(f, cfg) and f.ends_sentence
                and overlap(doc, marks, body, i) >= EXTEND_OVERLAP):
            end = i
        i += 1
    if page:
        first = _article_top(doc, marks, meta_blocks, first)
    return Body(first, end, body.counts, body.head, probs, page)


#: Whole-page text: a byline or date line at most this many blocks above the
#: body run found marks where the article begins.
TOP_REACH = 40


def _article_top(doc: Document, marks: Ledger, meta_blocks: Mapping[int, str], first: int) -> int:
    """Whole-page text: where the article begins, when a byline or date line
    stands above the body run found (TOP_REACH blocks at most): at the first
    paragraph of prose under it. The run of highest score can begin further
    down, after a stretch that scores low (a recipe's ingredients, a
    product's specifications, short paragraphs between subheadings): those
    lines are the article's, as its prose above them shows. The lines
    between the byline and that paragraph (share buttons, a rating, a
    photo's credit) stay outside; pass 1's findings inside stay findings."""
    label, feats, cfg = marks.label, doc.feats, doc.config
    credit = max((k for k in meta_blocks if first - TOP_REACH <= k < first), default=None)
    if credit is None:
        return first
    return next((i for i in range(credit + 1, first)
                 if label[i] is None and is_prose(feats[i], cfg) and feats[i].ends_sentence), first)
