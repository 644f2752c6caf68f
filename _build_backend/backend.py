"""newsclean's PEP 517 build backend: setuptools' own, plus the optional
compiled build.

``NEWSCLEAN_MYPYC=1 pip install .`` compiles the text pipeline's modules with
mypyc (see setup.py): only then is mypy, which carries mypyc, added to the
build requirements, and only while the wheel itself is built does setup.py
compile (not while pip collects requirements or metadata, when mypy is not
installed yet). An editable install is never compiled: compiled modules
beside the sources would shadow every later edit of them.
"""
import os
import sys

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403 (the hooks not changed here)

#: mypy carries mypyc; pinned, so a given source tree always compiles the same way.
MYPYC_REQUIREMENT = "mypy==2.4.1"


def _compiled_build() -> bool:
    return os.environ.get("NEWSCLEAN_MYPYC", "").strip().lower() in ("1", "true", "yes")


def get_requires_for_build_wheel(config_settings=None):
    reqs = list(_orig.get_requires_for_build_wheel(config_settings))
    return reqs + [MYPYC_REQUIREMENT] if _compiled_build() else reqs


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    if not _compiled_build():
        return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)
    os.environ["NEWSCLEAN_COMPILE"] = "1"  # read by setup.py, which setuptools runs in this process
    try:
        return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)
    finally:
        del os.environ["NEWSCLEAN_COMPILE"]


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    if _compiled_build():
        print("newsclean: NEWSCLEAN_MYPYC ignored for an editable install (compiled modules "
              "would shadow the sources)", file=sys.stderr)
    return _orig.build_editable(wheel_directory, config_settings, metadata_directory)
