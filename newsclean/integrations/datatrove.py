"""A datatrove pipeline step that cleans each document (optional extra:
``pip install 'newsclean[datatrove]'``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanFilter

    LocalPipelineExecutor(pipeline=[
        WarcReader("cc-news/", glob_pattern="*.warc.gz"),
        NewscleanFilter(),                     # HTML in doc.text -> the article's text
        JsonlWriter("clean/"),
    ], tasks=4).run()

Each document's ``text`` is cleaned with :func:`newsclean.clean_html` or
:func:`newsclean.clean_text` (``input``: ``"auto"`` sniffs the text, or reads
the metadata field ``input_field`` when given: a value containing "html",
such as ``text/html``, means HTML). The cleaned text replaces ``doc.text``;
newsclean's metadata goes to ``doc.metadata["newsclean"]`` (``metadata_key``;
``None``: as top-level keys of ``doc.metadata``), always with ``status``:

- ``"ok"``: article text found;
- ``"low_confidence"``: found, but newsclean was not sure of the body
  (``Article.low_confidence``);
- ``"empty"``: no article text left;
- ``"failed"``: cleaning raised; ``error`` holds the exception, and the
  document's text is left as it was.

``on_empty``, ``on_low_confidence`` and ``on_error`` say, for each, ``"drop"``
(the document leaves the pipeline, counted in the step's stats as
``dropped_<status>``, and goes to ``exclusion_writer`` if one is given, with
``metadata["filter_reason"]``) or ``"keep"`` (it goes on, marked by its
status). Defaults: drop empty and failed documents, keep low-confidence ones.

``keep``: the fields of :meth:`Article.to_dict` to keep (default
:data:`DEFAULT_KEYS`); ``removed`` is the number of removed spans per
category (every registered category, 0 included, so the columns are the same
for every document); ``removed_spans`` is the full list of removals. For Parquet output give
datatrove's ParquetWriter a schema built with :func:`arrow_type`.

The module imports without datatrove; the step raises an ImportError that
names the extra when it is created.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence

from .. import categories
from ..config import Config, make_config
from ..pipeline import clean_html, clean_text, looks_like_html
from ..results import Article

_MISSING: Optional[ImportError] = None
try:
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError as _exc:  # the optional extra is not installed: NewscleanFilter() says so
    _MISSING = _exc
    BaseFilter = object  # type: ignore[misc,assignment]

#: The metadata kept by default.
DEFAULT_KEYS = ("title", "date", "language", "authors", "source", "paywalled", "low_confidence", "removed")
#: Beside the fields of Article.to_dict (less ``text``): the list of removals.
REMOVED_SPANS = "removed_spans"
ACTIONS = ("drop", "keep")
INPUTS = ("auto", "text", "html")
STATUSES = ("ok", "low_confidence", "empty", "failed")

INSTALL_HINT = ("newsclean.integrations.datatrove needs datatrove, which is not installed: "
                "pip install 'newsclean[datatrove]'")


def _known_keys() -> frozenset:
    return frozenset(Article().to_dict()) - {"text", "blocks"} | {REMOVED_SPANS}


def removed_counts(art: Article) -> Dict[str, int]:
    """Removed spans per category, every registered category included."""
    counts = dict.fromkeys(categories.names(), 0)
    counts.update(art.removed_by_category())
    return counts


def article_metadata(art: Article, keep: Sequence[str] = DEFAULT_KEYS) -> Dict[str, Any]:
    """The fields ``keep`` of an Article, as :class:`NewscleanFilter` stores them."""
    d = art.to_dict()
    out: Dict[str, Any] = {}
    for k in keep:
        if k == "removed":
            out[k] = removed_counts(art)
        elif k == REMOVED_SPANS:
            out[k] = d["removed"]
        else:
            out[k] = d[k]
    return out


def arrow_type(keep: Sequence[str] = DEFAULT_KEYS) -> Any:
    """The pyarrow struct type of the metadata :class:`NewscleanFilter` stores
    (``status``, ``error``, then ``keep``), for datatrove's ``ParquetWriter(schema=...)``,
    which otherwise infers the schema from the first document (a ``date`` of
    None there, a string later: a schema mismatch)."""
    import pyarrow as pa  # only here: Parquet output is one use among others (pyarrow: datatrove's own need)

    string, spans = pa.string(), pa.list_
    removal = pa.struct([("category", string), ("text", string), ("start", pa.int64()), ("end", pa.int64()),
                         ("reason", string), ("rule", string)])
    special = {
        "authors": spans(string), "categories": spans(string), "tags": spans(string),
        "paywalled": pa.bool_(), "low_confidence": pa.bool_(),
        "removed": pa.struct([(c, pa.int64()) for c in categories.names()]),
        REMOVED_SPANS: spans(removal),
        "metadata_spans": spans(pa.struct([("field", string), ("text", string), ("start", pa.int64()),
                                           ("end", pa.int64())])),
    }
    return pa.struct([("status", string), ("error", string)] + [(k, special.get(k, string)) for k in keep])


class NewscleanFilter(BaseFilter):
    """Clean each document's text or HTML; keep newsclean's metadata; drop or
    mark empty, low-confidence and failed documents (see the module's doc)."""

    name = "🧹 newsclean"

    def __init__(self, input: str = "auto", input_field: Optional[str] = None, url_field: Optional[str] = "url",
                 on_empty: str = "drop", on_low_confidence: str = "keep", on_error: str = "drop",
                 keep: Sequence[str] = DEFAULT_KEYS, metadata_key: Optional[str] = "newsclean",
                 config: Optional[Config] = None, exclusion_writer: Any = None, **overrides: Any) -> None:
        if _MISSING is not None:
            raise ImportError(INSTALL_HINT) from _MISSING
        super().__init__(exclusion_writer=exclusion_writer)
        if input not in INPUTS:
            raise ValueError(f"input must be one of {INPUTS}, not {input!r}")
        for what, value in (("on_empty", on_empty), ("on_low_confidence", on_low_confidence), ("on_error", on_error)):
            if value not in ACTIONS:
                raise ValueError(f"{what} must be one of {ACTIONS}, not {value!r}")
        unknown = sorted(set(keep) - _known_keys())
        if unknown:
            raise ValueError(f"unknown metadata keys {unknown}; known: {sorted(_known_keys())}")
        self.input = input
        self.input_field = input_field
        self.url_field = url_field
        self.actions = {"ok": "keep", "low_confidence": on_low_confidence, "empty": on_empty, "failed": on_error}
        self.keep = tuple(keep)
        self.metadata_key = metadata_key
        self.config = make_config(config, **overrides)

    def is_html(self, doc: Any) -> bool:
        if self.input != "auto":
            return self.input == "html"
        if self.input_field is not None and doc.metadata.get(self.input_field) is not None:
            return "html" in str(doc.metadata[self.input_field]).lower()
        return looks_like_html(doc.text)

    def clean(self, doc: Any) -> Article:
        url = doc.metadata.get(self.url_field) if self.url_field else None
        url = url if isinstance(url, str) else None
        if self.is_html(doc):
            return clean_html(doc.text, url=url, config=self.config)
        art = clean_text(doc.text, config=self.config)
        art.url = url
        return art

    def _store(self, doc: Any, meta: Dict[str, Any]) -> None:
        if self.metadata_key is None:
            doc.metadata.update(meta)
        else:
            doc.metadata[self.metadata_key] = meta

    def filter(self, doc: Any) -> Any:
        """Clean ``doc`` in place; True to keep it, (False, status) to drop it."""
        try:
            art = self.clean(doc)
        except Exception as e:  # one document's failure costs only that document
            self.stat_update("failed")
            self._store(doc, {"status": "failed", "error": f"{type(e).__name__}: {e}"})
            return True if self.actions["failed"] == "keep" else (False, "failed")
        status = "empty" if not art.text.strip() else "low_confidence" if art.low_confidence else "ok"
        doc.text = art.text
        self._store(doc, {"status": status, **article_metadata(art, self.keep)})
        self.stat_update(status)
        for category, n in art.removed_by_category().items():
            self.stat_update(f"removed_{category}", value=n)
        return True if self.actions[status] == "keep" else (False, status)
