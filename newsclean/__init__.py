"""newsclean: the article alone, from a messy scraped news page.

>>> import newsclean
>>> art = newsclean.clean_text("Headline here\\n\\nFirst paragraph of the story ...")
>>> art.text, art.title, [r.category for r in art.removed]

Two front doors, one pipeline (:mod:`newsclean.pipeline`, where the steps are
written out): :func:`clean_text` for whole-page or scraped text,
:func:`clean_html` for HTML (trafilatura extracts, then the same text
pipeline cleans). Every removal is reported in ``Article.removed`` with its
category and the rule that made it; every category can be switched off
through :class:`Config`.
"""
from .categories import CATEGORIES
from .config import Config
from .pipeline import clean_html, clean_text
from .results import Article, MetaSpan, Removal

__version__ = "0.1.0"
__all__ = ["clean_text", "clean_html", "Article", "Removal", "MetaSpan", "Config", "CATEGORIES", "__version__"]
