"""Which build is installed: pure Python, or the optional compiled build
(NEWSCLEAN_MYPYC=1, see setup.py). The tests run against both in .ci/run,
which sets NEWSCLEAN_EXPECT_COMPILED=1 for the compiled one: these checks make
sure that run really exercised the compiled modules, not the sources."""
from __future__ import annotations

import os
from importlib import import_module, machinery

import newsclean

# The modules setup.py compiles (MYPYC_MODULES), as import names.
COMPILED_MODULES = [
    "newsclean.textutil", "newsclean.model", "newsclean.lexicon", "newsclean.document", "newsclean.core",
    "newsclean.blockmodel", "newsclean.metadata", "newsclean.detectors", "newsclean.detectors.boilerplate",
    "newsclean.detectors.duplicate", "newsclean.detectors.foreign_language", "newsclean.detectors.icon",
    "newsclean.detectors.paywall", "newsclean.detectors.spam", "newsclean.detectors.teaser",
]


def _is_extension(name: str) -> bool:
    return (import_module(name).__file__ or "").endswith(tuple(machinery.EXTENSION_SUFFIXES))


def test_the_expected_build_is_installed():
    expected = os.environ.get("NEWSCLEAN_EXPECT_COMPILED") == "1"
    assert newsclean.COMPILED is expected, f"COMPILED is {newsclean.COMPILED}; imported from {newsclean.__file__}"


def test_all_or_none_of_the_pipeline_modules_are_compiled():
    kinds = {name: _is_extension(name) for name in COMPILED_MODULES}
    assert set(kinds.values()) == {newsclean.COMPILED}, kinds
    # The entry points stay Python in every build (their own argument checks).
    assert not _is_extension("newsclean.pipeline") and not _is_extension("newsclean.html")


def test_setup_py_compiles_exactly_these_modules():
    text = open(os.path.join(os.path.dirname(__file__), "..", "setup.py"), encoding="utf-8").read()
    listed = text.split("MYPYC_MODULES = [", 1)[1].split("]", 1)[0]
    paths = [p.strip().strip('",') for p in listed.split() if p.strip().strip('",').endswith(".py")]
    names = [p[:-3].replace("/", ".").removesuffix(".__init__") for p in paths]
    assert names == COMPILED_MODULES
