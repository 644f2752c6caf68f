"""What the library returns: the :class:`Article`, each :class:`Removal` and
each :class:`MetaSpan`."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import List, Optional, Tuple


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


@dataclass(frozen=True)
class TextBlock:
    """One paragraph of :attr:`Article.text` with its structural role.

    ``kind``: "heading", "paragraph", "item" (a list item), "row" (a table
    row, cells separated by " | "), "rule" (the line under a table's head
    row), "quote" or "code". ``level``: a heading's level (1-6) or an item's
    depth in nested lists (1 = outermost); 0 otherwise. ``group``: blocks of
    one list, table or quotation share it (-1: none). ``text`` is exactly
    the paragraph of ``Article.text``: ``"\\n\\n".join(b.text for b in
    art.blocks) == art.text``.
    """

    kind: str
    text: str
    level: int = 0
    group: int = -1
    #: From HTML with ``Config(links=True)``: (anchor text, target) of the
    #: links whose anchor text is in ``text``.
    links: Tuple[Tuple[str, str], ...] = ()
    #: From HTML with ``Config(images=True)``: (source, alt text) of the
    #: images in or just before this block (a removed block takes its images along).
    images: Tuple[Tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "level": self.level, "group": self.group,
                "links": [list(x) for x in self.links], "images": [list(x) for x in self.images]}


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
    #: The paragraphs of ``text`` with their roles (``Config(structure=True)``), else None.
    blocks: Optional[List[TextBlock]] = None

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
            **({"blocks": [b.to_dict() for b in self.blocks]} if self.blocks is not None else {}),
        }

    def sections(self) -> List[Tuple[Optional[TextBlock], List[TextBlock]]]:
        """The blocks split at each heading: (heading or None for what comes
        before the first, the blocks up to the next heading). Empty when the
        structure was not asked for."""
        out: List[Tuple[Optional[TextBlock], List[TextBlock]]] = []
        for b in self.blocks or []:
            if b.kind == "heading":
                out.append((b, []))
            elif out:
                out[-1][1].append(b)
            else:
                out.append((None, [b]))
        return out

    def removed_by_category(self) -> dict:
        out: dict = {}
        for r in self.removed:
            out[r.category] = out.get(r.category, 0) + 1
        return out
