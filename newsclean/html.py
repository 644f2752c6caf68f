"""HTML front door: trafilatura extracts the main content and metadata, then the
same text pipeline cleans what it left."""
from __future__ import annotations

from typing import Optional, Union

from .config import Config, make_config
from .model import Article
from . import htmlmeta
from .normalize import decode_bytes, normalize


def clean_html(html: Union[str, bytes], url: Optional[str] = None, config: Optional[Config] = None,
               **overrides) -> Article:
    """Clean an HTML page: main content via trafilatura, then the text pipeline.

    Title, date, authors and site name come from trafilatura's metadata
    extraction; the title line is kept out of the body.
    """
    cfg = make_config(config, **overrides)
    from .pipeline import run

    if isinstance(html, (bytes, bytearray)):
        try:
            html = decode_bytes(bytes(html))
        except UnicodeDecodeError:
            html = bytes(html).decode("utf-8", errors="replace")
    if not isinstance(html, str):
        raise TypeError(f"clean_html() needs str or bytes, got {type(html).__name__}")
    if len(html) > cfg.max_chars:
        raise ValueError(f"input is {len(html):,} characters, over the limit of {cfg.max_chars:,} (Config.max_chars)")
    known: dict = {"url": url}
    text = ""
    if html.strip():
        try:
            known.update(htmlmeta.extract_from_page(html))
        except Exception:  # metadata is a bonus: never fail the article for it
            pass
        text = _extract(html, url)
    # The page's declared language is only a hint: the text decides (Document.build).
    return run(normalize(text), cfg, known=known, mode="html")


def _extract(page: str, url: Optional[str]) -> str:
    """Main content as text. trafilatura's own metadata extraction is skipped
    (``htmlmeta`` reads the page's declarations instead, much cheaper);
    comments are left out; ``favor_precision`` because the text pipeline after
    it is tuned to keep article text, and precision is what trafilatura lacks."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=False, include_comments=False,
                                          include_tables=True, favor_precision=True)
    except Exception:  # trafilatura may fail on pathological markup
        return ""
    if doc is None:
        return ""
    return getattr(doc, "text", None) or ""
