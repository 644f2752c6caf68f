"""The text front door: :func:`clean_text` checks its argument, normalises
it, and runs the pipeline both front doors share (:func:`newsclean.engine.run`,
where its steps are listed)."""
from __future__ import annotations

from typing import Optional

from .config import Config, make_config
from .engine import run
from .model import Article
from .normalize import normalize

__all__ = ["clean_text", "run"]


def clean_text(text: str, config: Optional[Config] = None, **overrides) -> Article:
    """Clean scraped page text and return an :class:`Article`.

    ``text`` may be the article with junk around it or the whole page's text
    (menus, footers, cookie banners and all). Offsets in ``Article.removed``
    refer to the normalised input (see :func:`newsclean.normalize.normalize`).
    Keyword overrides are :class:`Config` fields, e.g. ``clean_text(t, teaser=False)``.
    """
    cfg = make_config(config, **overrides)
    if not isinstance(text, str):
        raise TypeError(f"clean_text() needs str, got {type(text).__name__}; use clean_html() or decode bytes first")
    if len(text) > cfg.max_chars:
        raise ValueError(f"input is {len(text):,} characters, over the limit of {cfg.max_chars:,} (Config.max_chars)")
    return run(normalize(text), cfg)
