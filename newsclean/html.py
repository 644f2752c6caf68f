"""HTML front door: trafilatura extracts the main content and metadata, then the
same text pipeline cleans what it left."""
from __future__ import annotations

import re
from typing import Optional, Tuple, Union

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
        text, mode = _source(html, url)
    else:
        mode = "html"
    # The page's declared language is only a hint: the text decides (Document.build).
    return run(normalize(text), cfg, known=known, mode=mode)


def _source(page: str, url: Optional[str]) -> Tuple[str, str]:
    """The text the pipeline cleans, and its mode: trafilatura's main content
    ("html"), or, when it finds none, the whole page's text ("text": the
    pipeline finds the article among menus, as for clean_text)."""
    text = _extract(page, url)
    if text.strip():
        return text, "html"
    from .pagetext import page_text

    return page_text(page), "text"


def _extract(page: str, url: Optional[str]) -> str:
    """Main content as text. trafilatura's own metadata extraction is skipped
    (``htmlmeta`` reads the page's declarations instead, much cheaper);
    comments are left out; ``favor_precision`` because the text pipeline after
    it is tuned to keep article text, and precision is what trafilatura lacks."""
    text = _trafilatura(page, url, True)
    if len(text) < SHORT_CHARS:
        # Precision mode can discard nearly the whole article (a page whose
        # body it takes for boilerplate); the default mode is the second try,
        # taken when it finds several times more text.
        other = _trafilatura(page, url, False)
        if len(other) >= SHORT_RATIO * max(len(text), 1):
            return other
    return text


#: Below this many characters, precision mode's text is checked against the default mode's.
SHORT_CHARS = 400
#: ... which replaces it when it is at least this many times longer.
SHORT_RATIO = 3


# Closing tags of elements whose text trafilatura joins to the next element's
# without a space when they stand outside their usual container (an <li>
# outside a list): a line break before the tag keeps the words apart.
_JOINED_RE = re.compile(r"</(?:li|dd|dt|figcaption)>", re.IGNORECASE)


def _trafilatura(page: str, url: Optional[str], precision: bool) -> str:
    import trafilatura

    page = _JOINED_RE.sub(_newline_before, page)
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=False, include_comments=False,
                                          include_tables=True, favor_precision=precision)
    except Exception:  # trafilatura may fail on pathological markup
        return ""
    if doc is None:
        return ""
    return getattr(doc, "text", None) or ""


def _newline_before(m: "re.Match[str]") -> str:
    return "\n" + m.group(0)
