"""Junk detectors, one module per category.

A detector module defines ``CATEGORY`` and one or both of:

- ``pass1(doc) -> list[Finding]``: judges blocks from their own features and
  vocabularies (jusText's first pass);
- ``pass2(doc) -> list[Finding]``: runs once the article core is known and
  judges blocks from context: position, neighbours, topical overlap.

Modules are found automatically: adding a category means adding one module
here and one data file in ``newsclean/data``.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType
from typing import Tuple


@lru_cache(maxsize=None)
def modules() -> Tuple[ModuleType, ...]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(mod, "CATEGORY"):
            found.append(mod)
    # Stable order: declared ORDER first (lower runs earlier), then name.
    found.sort(key=lambda m: (getattr(m, "ORDER", 50), m.__name__))
    return tuple(found)
