"""Findings (a rule's proposal to remove a span) and the :class:`Ledger` that
collects them as the pipeline runs.

Rules never write to the ledger: they return findings, and the pipeline adds
them (:meth:`Ledger.add`). A later rule reads what earlier ones proposed
through the ledger's ``label`` (the category a block was proposed for),
``spans`` and :meth:`Ledger.kept_text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, AbstractSet, Callable, Dict, Iterable, List, Mapping, Optional

if TYPE_CHECKING:
    from .document import Document


@dataclass(slots=True)
class Finding:
    """A rule's proposal: remove ``[start, end)`` as ``category``. ``block`` is
    set when the whole block goes; None for a span inside a block."""

    start: int
    end: int
    category: str
    reason: str
    rule: str
    confidence: float = 1.0
    block: Optional[int] = None


@dataclass
class Ledger:
    """Every finding so far, and per block the category it was first proposed
    for (``label``) and the span findings inside it (``spans``)."""

    doc: Document
    findings: List[Finding] = field(default_factory=list)
    label: List[Optional[str]] = field(default_factory=list)
    spans: Dict[int, List[Finding]] = field(default_factory=dict)
    #: per block: its label came from a rule that judged what the block says
    #: (not its shape or position alone), so it is evidence about its neighbours
    evidence: List[bool] = field(default_factory=list)
    #: the rules whose labels are no evidence about the neighbours
    weak: AbstractSet[str] = frozenset()

    @classmethod
    def empty(cls, doc: Document, weak: AbstractSet[str] = frozenset()) -> "Ledger":
        n = len(doc.blocks)
        return cls(doc, label=[None] * n, evidence=[False] * n, weak=weak)

    def add(self, findings: Iterable[Finding], enabled: Callable[[str], bool], meta_blocks: Mapping[int, str]) -> None:
        """Record the findings of an enabled category. A whole-block finding
        labels its block unless an earlier one did (or it is a metadata block)."""
        label, spans, evidence, weak = self.label, self.spans, self.evidence, self.weak
        on: Dict[str, bool] = {}
        for f in findings:
            ok = on.get(f.category)
            if ok is None:
                ok = on[f.category] = enabled(f.category)
            if not ok:
                continue
            self.findings.append(f)
            bi = f.block
            if bi is not None:
                if bi not in meta_blocks and label[bi] is None:
                    label[bi] = f.category
                    evidence[bi] = f.rule not in weak
            else:
                bi = self.doc.block_of(f.start)
                if bi >= 0:
                    spans.setdefault(bi, []).append(f)

    def withdraw(self, blocks: Iterable[int], category: str) -> None:
        """Drop the findings of ``category`` on ``blocks``, whole-block and
        inside them (a later, better-informed look overrules an earlier one)."""
        drop = set(blocks)
        if not drop:
            return
        gone = [f for f in self.findings if f.category == category and (
            f.block in drop or f.block is None and self.doc.block_of(f.start) in drop)]
        if not gone:
            return
        ids = set(map(id, gone))
        self.findings = [f for f in self.findings if id(f) not in ids]
        for i in drop:
            if i in self.spans:
                kept = [f for f in self.spans[i] if id(f) not in ids]
                if kept:
                    self.spans[i] = kept
                else:
                    del self.spans[i]
        rest: Dict[int, Finding] = {}
        for f in self.findings:
            if f.block is not None and f.block in drop:
                rest.setdefault(f.block, f)
        for i in drop:
            if self.label[i] == category:
                other = rest.get(i)
                self.label[i] = other.category if other else None
                # (what is left is no longer known to be evidence: err on the side of the article)
                self.evidence[i] = False

    def kept_text(self, i: int) -> str:
        """Block ``i``'s text without the spans already proposed for removal inside it."""
        doc = self.doc
        b = doc.blocks[i]
        fs = self.spans.get(i)
        if not fs:
            return b.text
        parts, pos = [], b.start
        for f in sorted(fs, key=lambda f: f.start):
            if f.start > pos:
                parts.append(doc.text[pos:f.start])
            pos = max(pos, f.end)
        parts.append(doc.text[pos:b.end])
        return " ".join("".join(parts).split())
