"""Junk detectors, one module per category. Each module's rules are named
units (see :mod:`newsclean.detectors.base`); its ``RULES`` lists their
records. :func:`newsclean.pipeline.run` calls them in order."""
from __future__ import annotations

from typing import FrozenSet, Tuple

from .. import categories
from . import boilerplate, duplicate, foreign_language, icon, paywall, spam, teaser
from .base import Rule

#: Every built-in rule's record.
RULES: Tuple[Rule, ...] = (icon.RULES + spam.RULES + paywall.RULES + foreign_language.RULES + boilerplate.RULES
                           + duplicate.RULES + teaser.RULES)


def positional_rules() -> FrozenSet[str]:
    """The rules that judge a block by its position or neighbours (the safety
    floor may undo them), with ``<category>.context`` of every region category."""
    return frozenset({r.name for r in RULES if r.positional}) | _context_rules()


def weak_evidence() -> FrozenSet[str]:
    """The rules whose removals are no evidence about the blocks around them
    (:meth:`newsclean.detectors.base.Context.junk_near`): those that judge a
    block by its shape or position alone, and the ``<category>.context`` rules
    (which judge a block by its neighbours)."""
    return frozenset({r.name for r in RULES if not r.evidence}) | _context_rules()


def _context_rules() -> FrozenSet[str]:
    """``<category>.context`` of every region category registered now (plugins included)."""
    return frozenset(f"{c}.context" for c in categories.names() if categories.get(c).region)
