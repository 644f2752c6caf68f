"""Print the table of rules for docs/api.md ("Rules and their parameters"),
from the rules' own records (``newsclean.detectors.RULES``).

    python scripts/rules_table.py

tests/test_architecture.py checks that docs/api.md holds this table as printed.
"""
from __future__ import annotations

import dataclasses
import importlib

from newsclean.config import Config
from newsclean.detectors import RULES

_MODULES = {"foreign": "foreign_language"}


def _param(rule_name: str, param: str) -> str:
    if param in {f.name for f in dataclasses.fields(Config)}:
        return f"`{param}`"
    prefix = rule_name.split(".")[0]
    module = _MODULES.get(prefix, prefix)
    value = getattr(importlib.import_module(f"newsclean.detectors.{module}"), param)
    return f"`{module}.{param}` = {value!r}"


def table() -> str:
    rows = ["| rule | by position | evidence for its neighbours | what it removes | parameters (`Config` field, or "
            "`Config.params` name = default) |",
            "|---|---|---|---|---|"]
    for r in RULES:
        params = ", ".join(_param(r.name, p) for p in r.params)
        rows.append(f"| `{r.name}` | {'yes' if r.positional else ''} | {'yes' if r.evidence else 'no'} | "
                    f"{r.description.replace('|', '&#124;')} | {params} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
