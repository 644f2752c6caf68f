"""Junk detectors, one module per category. Each module's rules are named
units (see :mod:`newsclean.detectors.base`); its ``RULES`` lists their
records. :func:`newsclean.pipeline.run` calls them in order."""
from __future__ import annotations

import dataclasses
from typing import Dict, FrozenSet, Tuple, Union

from .. import categories
from ..config import Config, register_params
from . import boilerplate, duplicate, foreign_language, icon, paywall, spam, teaser
from .base import Rule

#: Every built-in rule's record.
RULES: Tuple[Rule, ...] = (icon.RULES + spam.RULES + paywall.RULES + foreign_language.RULES + boilerplate.RULES
                           + duplicate.RULES + teaser.RULES)


def _parameters() -> Dict[str, Union[int, float]]:
    """Every module constant a rule's record names, by its qualified name
    ``"<module>.<CONSTANT>"`` (the rule's category is its module), with its
    value, the default: what ``Config.params`` may set."""
    fields = {f.name for f in dataclasses.fields(Config)}
    modules = {m.CATEGORY: m for m in (icon, spam, paywall, foreign_language, boilerplate, duplicate, teaser)}
    return {f"{r.category}.{p}": getattr(modules[r.category], p) for r in RULES for p in r.params if p not in fields}


#: The rule parameters ``Config.params`` may set: qualified name -> default.
PARAMETERS: Dict[str, Union[int, float]] = _parameters()
register_params(PARAMETERS)


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
