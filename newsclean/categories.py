"""The registry of removal categories: everything the pipeline and the
command line know about a category is here.

A category's Config switch is the Config field of its name (``Config(teaser=False)``);
a category registered by a plugin, with no field of its own, is switched off
through ``Config(disabled=("name",))``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Tuple


@dataclass(frozen=True)
class Category:
    name: str
    description: str
    #: Tie-break when rules of two categories propose the same block with the
    #: same confidence: the lower rank wins.
    rank: int
    #: ANSI SGR colour of its spans in ``newsclean --explain``.
    colour: str
    #: Whether its blocks form regions (a menu, a paywall, a teaser box): a
    #: short unlabelled line between two of its blocks joins them.
    region: bool = False
    #: A fallback category says less than the others (foreign_language says
    #: only which language a block is in): another category's finding on the
    #: same block wins over it, and rules of other categories still judge the
    #: blocks it labelled.
    fallback: bool = False
    #: A category registered by a plugin brings its rule: a function of a
    #: :class:`newsclean.detectors.base.Context` returning findings, run after
    #: the built-in pass-1 detectors. (The built-in ones are called by name in
    #: :func:`newsclean.pipeline.run`.)
    detector: Optional[Callable[[Any], Any]] = None
    #: CSS colour of its spans in the HTML report (``newsclean --explain --format html``);
    #: the built-in ones are the Okabe-Ito palette, told apart by colour-blind
    #: readers too. None: a grey of the report's own.
    html_colour: Optional[str] = None


_REGISTRY: Dict[str, Category] = {}


def register(category: Category) -> Category:
    """Add a category (or replace one of the same name)."""
    _REGISTRY[category.name] = category
    return category


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def get(name: str) -> Category:
    return _REGISTRY[name]


def with_detectors() -> Tuple[Category, ...]:
    """The registered categories that bring a detector of their own."""
    return tuple(c for c in _REGISTRY.values() if c.detector is not None)


def names() -> Tuple[str, ...]:
    """The registered categories' names, in the order they were registered."""
    return tuple(_REGISTRY)


for _c in (
    Category("icon", "icon-font and sprite labels scraped as text", rank=1, colour="35", region=True,
             html_colour="#CC79A7"),
    Category("paywall", "paywall, registration and login prompts", rank=2, colour="33", region=True,
             html_colour="#E69F00"),
    Category("spam", "injected commercial spam and link dumps", rank=0, colour="31", html_colour="#D55E00"),
    Category("foreign_language", "blocks or sentences in another language than the article", rank=4, colour="36",
             html_colour="#56B4E9", fallback=True),
    Category("teaser", "other stories: related links, teaser boxes, trailing summaries", rank=5, colour="34",
             region=True, html_colour="#0072B2"),
    Category("boilerplate", "site chrome: menus, share bars, credits, notices, footers, comments", rank=6,
             colour="90", region=True, html_colour="#000000"),
    Category("duplicate", "a paragraph repeated by the scraper", rank=3, colour="32", html_colour="#009E73"),
):
    register(_c)

#: The built-in categories, in their documented order.
CATEGORIES: Tuple[str, ...] = names()
