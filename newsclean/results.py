"""What the library returns: the :class:`Article`, each :class:`Removal` and
each :class:`MetaSpan`."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import List, Optional


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed span, as reported in :attr:`Article.removed`."""

    category: str
    text: str
    start: int
    end: int
    reason: str
    rule: str

    def to_dict(self) -> dict:
        return asdict(self)


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
    # Declared by the page (clean_html only): see docs/api.md.
    published: Optional[str] = None
    modified: Optional[str] = None
    canonical_url: Optional[str] = None
    description: Optional[str] = None
    image: Optional[str] = None
    section: Optional[str] = None
    categories: List[str] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    licence: Optional[str] = None

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
            "published": self.published,
            "modified": self.modified,
            "canonical_url": self.canonical_url,
            "description": self.description,
            "image": self.image,
            "section": self.section,
            "categories": list(self.categories),
            "tags": list(self.tags),
            "licence": self.licence,
        }

    def removed_by_category(self) -> dict:
        out: dict = {}
        for r in self.removed:
            out[r.category] = out.get(r.category, 0) + 1
        return out
