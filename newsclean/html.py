"""HTML front door: trafilatura extracts the main content and metadata, then the
same text pipeline cleans what it left."""
from __future__ import annotations

from typing import Optional, Union

from .config import Config, make_config
from .model import Article
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
    known = {"url": url}
    text = ""
    if html.strip():
        doc = _extract(html, url)
        if doc is not None:
            text = doc.get("text") or ""
            known.update(
                title=doc.get("title"),
                date=doc.get("date"),
                source=doc.get("sitename") or doc.get("hostname"),
                authors=_authors(doc.get("author")),
            )
    return run(normalize(text), cfg, known=known, mode="html")


def _extract(html: str, url: Optional[str]):
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=True,
                                           include_comments=False, include_tables=True,
                                           favor_precision=True)
    except Exception:  # trafilatura may fail on pathological markup
        return None


def _authors(raw) -> list:
    if not raw:
        return []
    return [a.strip() for a in str(raw).replace(" and ", ";").split(";") if a.strip()]
