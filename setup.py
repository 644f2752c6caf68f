"""The compiled build. Everything else about the package is in pyproject.toml.

``pip install .`` (not ``-e``) compiles the modules that clean_text spends its
time in with mypyc, the compiler of mypy (as black and charset-normalizer are
built), when a C compiler can build against this Python's headers; otherwise it
installs pure Python (_build_backend/backend.py decides; ``NEWSCLEAN_MYPYC=0``
skips the compiled build, ``NEWSCLEAN_MYPYC=1`` makes its failure an error).
The sources are unchanged and stay in the wheel; the compiled modules give the
same output (the tests and .ci/run check it) at about two thirds of the CPU
time (docs/benchmarks.md). ``python -c "import newsclean; print(newsclean.COMPILED)"``
or ``newsclean --version`` tells which build is installed.
"""
import os

from setuptools import setup

# The modules of clean_text's hot path. Not compiled: the entry points that
# check their callers' argument types (pipeline.clean_text, html: a compiled
# function would refuse a wrong type before their own, clearer message; the
# steps behind clean_text are in engine, which is compiled), the CLI and
# batch code, and the modules that only call other libraries.
MYPYC_MODULES = [
    "newsclean/textutil.py",
    "newsclean/model.py",
    "newsclean/lexicon.py",
    "newsclean/document.py",
    "newsclean/core.py",
    "newsclean/engine.py",
    "newsclean/blockmodel.py",
    "newsclean/metadata.py",
    "newsclean/detectors/__init__.py",
    "newsclean/detectors/boilerplate.py",
    "newsclean/detectors/duplicate.py",
    "newsclean/detectors/foreign_language.py",
    "newsclean/detectors/icon.py",
    "newsclean/detectors/paywall.py",
    "newsclean/detectors/spam.py",
    "newsclean/detectors/teaser.py",
]


def _ext_modules():
    # Set by _build_backend/backend.py while it builds a compiled wheel (mypy
    # installed, a C compiler found); never for an editable install.
    if os.environ.get("NEWSCLEAN_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify(MYPYC_MODULES, opt_level="3")


setup(ext_modules=_ext_modules())
