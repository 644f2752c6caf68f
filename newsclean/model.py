"""Data model: blocks of the normalised input, detector findings, and the Article."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import List, Optional


# Block and Finding are created a few hundred times a page (every line, every
# detector proposal) and stay inside the pipeline: plain slotted dataclasses
# whose __init__ assigns each field. It is written out, not generated, so that
# the compiled build compiles it too (native classes, the fields in their C
# struct). Removal, created as often, is public: it stays
# immutable and hashable. A frozen dataclass's generated __init__ sets each
# field through ``object.__setattr__``; Removal's writes the slots through the
# descriptors' setters, bound once after the class. Same fields, defaults,
# equality, hash, repr and immutability (assignment still raises
# FrozenInstanceError).


@dataclass(slots=True, init=False)
class Block:
    """One non-empty line of the normalised input, with its character offsets."""

    index: int
    start: int
    end: int
    text: str

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text


@dataclass(slots=True)
class Finding:
    """A detector's proposal: remove ``[start, end)`` as ``category``."""

    start: int
    end: int
    category: str
    reason: str
    rule: str
    confidence: float = 1.0
    block: Optional[int] = None

    def __init__(self, start: int, end: int, category: str, reason: str, rule: str,
                 confidence: float = 1.0, block: Optional[int] = None) -> None:
        self.start = start
        self.end = end
        self.category = category
        self.reason = reason
        self.rule = rule
        self.confidence = confidence
        self.block = block


@dataclass(frozen=True, slots=True, init=False)
class Removal:
    """One removed span, as reported in :attr:`Article.removed`."""

    category: str
    text: str
    start: int
    end: int
    reason: str
    rule: str

    def __init__(self, category: str, text: str, start: int, end: int, reason: str, rule: str) -> None:
        _r_category(self, category)
        _r_text(self, text)
        _r_start(self, start)
        _r_end(self, end)
        _r_reason(self, reason)
        _r_rule(self, rule)

    def to_dict(self) -> dict:
        return asdict(self)


(_r_category, _r_text, _r_start, _r_end, _r_reason,
 _r_rule) = (getattr(Removal, f.name).__set__ for f in fields(Removal))


@dataclass(frozen=True)
class MetaSpan:
    """A span that left the body for the metadata (title, date, dateline, byline)."""

    field: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Article:
    """The cleaned article, its metadata, and every removal with its reason."""

    text: str = ""
    title: Optional[str] = None
    date: Optional[str] = None
    language: Optional[str] = None
    dateline: Optional[str] = None
    source: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    paywalled: bool = False
    low_confidence: bool = False
    removed: List[Removal] = field(default_factory=list)
    metadata_spans: List[MetaSpan] = field(default_factory=list)
    url: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "dateline": self.dateline,
            "source": self.source,
            "authors": list(self.authors),
            "paywalled": self.paywalled,
            "low_confidence": self.low_confidence,
            "url": self.url,
            "removed": [r.to_dict() for r in self.removed],
            "metadata_spans": [m.to_dict() for m in self.metadata_spans],
        }

    def removed_by_category(self) -> dict:
        out: dict = {}
        for r in self.removed:
            out[r.category] = out.get(r.category, 0) + 1
        return out
