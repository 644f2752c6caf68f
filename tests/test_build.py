"""Which build is installed: pure Python, or the optional compiled build
(NEWSCLEAN_MYPYC=1, see setup.py). The tests run against both in .ci/run,
which sets NEWSCLEAN_EXPECT_COMPILED=1 for the compiled one: these checks make
sure that run really exercised the compiled modules, not the sources."""
from __future__ import annotations

import ast
import os
from importlib import import_module, machinery
from pathlib import Path

import newsclean


def _setup_py_modules():
    """setup.py's MYPYC_MODULES, as import names."""
    tree = ast.parse((Path(__file__).resolve().parent.parent / "setup.py").read_text(encoding="utf-8"))
    paths = next(ast.literal_eval(node.value) for node in tree.body
                 if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MYPYC_MODULES")
    return [p[:-3].replace("/", ".").removesuffix(".__init__") for p in paths]


def _is_extension(name: str) -> bool:
    return (import_module(name).__file__ or "").endswith(tuple(machinery.EXTENSION_SUFFIXES))


def test_the_expected_build_is_installed():
    expected = os.environ.get("NEWSCLEAN_EXPECT_COMPILED") == "1"
    assert newsclean.COMPILED is expected, f"COMPILED is {newsclean.COMPILED}; imported from {newsclean.__file__}"


def test_all_or_none_of_the_listed_modules_are_compiled():
    names = _setup_py_modules()
    assert "newsclean.document" in names  # (what COMPILED looks at)
    kinds = {name: _is_extension(name) for name in names}
    assert set(kinds.values()) == {newsclean.COMPILED}, kinds
    # The entry points stay Python in every build (their own argument checks).
    assert not _is_extension("newsclean.pipeline") and not _is_extension("newsclean.html")
