"""newsclean: the article alone, from a messy scraped news page.

>>> import newsclean
>>> art = newsclean.clean_text("Headline here\\n\\nFirst paragraph of the story ...")
>>> art.text, art.title, [r.category for r in art.removed]

Two front doors, one pipeline: :func:`clean_text` for whole-page or scraped
text, :func:`clean_html` for HTML (trafilatura extracts, then the same text
pipeline cleans). Every removal is reported in ``Article.removed`` with its
category and the rule that made it; every rule can be switched off through
:class:`Config`.
"""
from importlib import machinery as _machinery

from .config import CATEGORIES, Config
from .model import Article, MetaSpan, Removal
from .pipeline import clean_text
from .html import clean_html
from . import document as _document

__version__ = "0.1.0"
#: True when the installed build's pipeline modules are compiled (mypyc; see
#: setup.py), False for the pure-Python build. Same output either way.
COMPILED = (_document.__file__ or "").endswith(tuple(_machinery.EXTENSION_SUFFIXES))
__all__ = ["clean_text", "clean_html", "Article", "Removal", "MetaSpan", "Config", "CATEGORIES", "COMPILED",
           "__version__"]
