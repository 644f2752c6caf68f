"""The rule contract.

A rule is a named unit: a function that takes a :class:`Context` (the
analysed document, the metadata, what earlier rules proposed, the body once
found) and returns findings, or, for a block rule, says of one block whether
it is junk and why. Its :class:`Rule` record gives its name (the name every
removal it makes carries in ``Removal.rule``), its category, whether it judges
by position (the safety floor may undo those) and the thresholds it reads.
Rules read state; they never change it: the pipeline adds their findings.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, FrozenSet, Iterable, List, Mapping, Optional, Tuple

from .. import categories
from ..analysis.body import NO_BODY, Body
from ..analysis.document import Block, Document, Features, analyse
from ..analysis.findings import Finding, Ledger
from ..analysis.scores import is_prose
from ..config import DEFAULT_CONFIG, PARAMS, Config
from ..metadata.lines import Meta, from_lines
from ..text.normalize import normalize
from ..text.words import introduces


#: Context.list_goes_on looks this many blocks up at most (linear time).
LIST_SCAN = 40
#: Context.junk_near: how far from a block its evidence may stand.
JUNK_NEAR = 2
_EVIDENCE = frozenset({"boilerplate", "paywall", "icon", "teaser", "spam"})


@dataclass(frozen=True)
class Context:
    """What a rule may read."""

    doc: Document
    meta: Meta
    marks: Ledger
    body: Body = NO_BODY
    #: The blocks a line-local rule (pipeline.LINE_LOCAL) judges; None: all of them.
    judge: Optional[FrozenSet[int]] = None

    @property
    def config(self) -> Config:
        return self.doc.config

    def lines(self) -> Iterable[Tuple[Block, Features]]:
        """The blocks a line-local rule judges, with their features, in order:
        every block, or those of ``judge`` (settling: the pass before found
        nothing in the others, the same lines in the same document context)."""
        pairs = zip(self.doc.blocks, self.doc.feats)
        if self.judge is None:
            return pairs
        judge = self.judge
        return ((b, f) for b, f in pairs if b.index in judge)

    @classmethod
    def of_text(cls, text: str, config: Optional[Config] = None) -> "Context":
        """The context pass-1 rules see first, for ``text`` (normalised here):
        no finding yet, no body. For calling a rule on its own."""
        doc = analyse(normalize(text), config or DEFAULT_CONFIG)
        return cls(doc, from_lines(doc, {}), Ledger.empty(doc))

    def junk_near(self, i: int, radius: int = JUNK_NEAR) -> bool:
        """Whether a block within ``radius`` of block ``i`` was proposed for
        removal by its content (a vocabulary, a related-content header, URLs):
        the evidence that makes a short line next to it part of a junk region."""
        label, evidence = self.marks.label, self.marks.evidence
        lo, hi = max(0, i - radius), min(len(label), i + radius + 1)
        return any(evidence[k] and label[k] in _EVIDENCE for k in range(lo, hi) if k != i)

    def list_goes_on(self, i: int, least: int) -> bool:
        """Text mode: block ``i`` is no paragraph of prose and stands under
        ``least`` lines, none a paragraph, that no rule took (the blocks rules took
        between them aside): a list of the article's (a tour's dates under
        the story) that goes on down to ``i``. Junk next to it or inside it
        is no evidence against its lines. In a whole page's text, where menus
        and link lists are lines of that shape too, only a list that began
        inside the body found: one of its lines is in the body, or the line
        that introduces it (ending in a colon) comes right after the body's
        last paragraph ("The dates:", "Results of round 14:")."""
        doc, body, cfg = self.doc, self.body, self.config
        # (an item may end in a full stop or a bracket, "2-2 (SO 3-2)"; a paragraph ends the list)
        if doc.mode != "text" or is_prose(doc.feats[i], cfg):
            return False
        kept = 0
        for k in range(i - 1, max(-1, i - 1 - LIST_SCAN), -1):
            if not self.free(k):
                continue
            f = doc.feats[k]
            if body.whole_page and k <= body.last:
                return not is_prose(f, cfg) and k >= body.first
            if is_prose(f, cfg) or not f.n_words:  # (a list's item may be longer than a footer's line)
                return False
            kept += 1
            if body.whole_page:
                if self.opens_list_after_body(k):
                    return True
            elif kept >= least:
                return True
        return False

    def opens_list_after_body(self, k: int) -> bool:
        """Block ``k`` introduces a list of the article's (it ends in a colon)
        and comes right after the body's last paragraph ("The dates:")."""
        return self.doc.mode == "text" and introduces(self.doc.blocks[k].text) and self.follows_body(k)

    def follows_body(self, k: int) -> bool:
        """Block ``k`` comes after the body's last block, with only blocks
        that rules took between them. (Read upwards from ``k``: the blocks
        read are those taken right above it, a stretch no other free block's
        reading shares, so reading every line after the body stays linear.)"""
        last = self.body.last
        j = k - 1
        while j > last and not self.free(j):
            j -= 1
        return last < k and j == last

    def free(self, i: int) -> bool:
        """Block ``i`` is neither proposed for removal nor metadata."""
        return self.marks.label[i] is None and i not in self.meta.blocks

    def open(self, i: int) -> bool:
        """Block ``i`` is free, or proposed only by a fallback category
        (foreign_language says only which language a block is in). For rules
        that take a block for what it is (a related-content box), which then
        win over the fallback; rules of position use :meth:`free`."""
        lab = self.marks.label[i]
        return (lab is None or categories.get(lab).fallback) and i not in self.meta.blocks


@dataclass(frozen=True)
class Rule:
    """A rule's record. ``params``: the Config fields and module constants it
    reads. ``evidence``: a block it takes is evidence that short lines next to
    it are junk too (:meth:`Context.junk_near`); False for a rule that judges a
    block by its shape or position alone (a positional rule anchored on what a
    block says, like the links under a "Read more" header, is evidence), and
    for one whose blocks stand next to the article's own lines by nature (a
    staff credit closes the article)."""

    name: str
    category: str
    description: str
    positional: bool = False
    params: Tuple[str, ...] = ()
    evidence: bool = True


class Params:
    """A detector module's parameters for one configuration, read-only: an
    attribute per constant its rules' records name, e.g. ``p.OFFER_MAX_WORDS``
    (the module constant, or ``Config.params["spam.OFFER_MAX_WORDS"]``)."""

    def __init__(self, values: Mapping[str, float]) -> None:
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("rule parameters are read-only: set them through Config.params")

    if TYPE_CHECKING:  # (for mypy only: a __getattr__ would keep Python from specialising p.NAME, a hot read)
        def __getattr__(self, name: str) -> Any: ...

    def __repr__(self) -> str:
        return f"Params({self.__dict__!r})"


def params_of(config: Config, module: str) -> Params:
    """The parameters of detector module ``module`` (``"spam"``) under
    ``config``: the defaults, with what ``config.params`` sets. A rule reads
    them once per call."""
    if not config.params:
        return _params(module, _NO_OVERRIDES)
    return _params(module, frozenset(config.params.items()))


_NO_OVERRIDES: FrozenSet[Tuple[str, float]] = frozenset()


@lru_cache(maxsize=256)
def _params(module: str, overrides: FrozenSet[Tuple[str, float]]) -> Params:
    prefix = module + "."
    values = {k[len(prefix):]: v for k, v in PARAMS.items() if k.startswith(prefix)}
    for k, v in overrides:
        if k.startswith(prefix):
            name = k[len(prefix):]
            values[name] = int(v) if isinstance(values[name], int) else float(v)
    return Params(values)


#: A block rule: (context, block index) -> the reason it is junk, or None.
BlockTest = Callable[[Context, int], Optional[str]]
#: A document rule: context -> findings.
DocumentRule = Callable[[Context], List[Finding]]
