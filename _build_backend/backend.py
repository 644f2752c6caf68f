"""newsclean's PEP 517 build backend: setuptools' own, plus the optional
compiled build.

``NEWSCLEAN_MYPYC=1 pip install .`` compiles the text pipeline's modules with
mypyc (see setup.py); only then is mypy, which carries mypyc, added to the
build requirements. An editable install is never compiled: compiled modules
beside the sources would shadow every later edit of them.
"""
import os

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403 (the hooks not changed here)

#: mypy carries mypyc; pinned, so a given source tree always compiles the same way.
MYPYC_REQUIREMENT = "mypy==2.4.1"


def _compiled_build() -> bool:
    return os.environ.get("NEWSCLEAN_MYPYC", "").strip().lower() in ("1", "true", "yes")


def get_requires_for_build_wheel(config_settings=None):
    # setuptools runs setup.py to collect its requirements; mypy is not
    # installed yet at that point, so setup.py must not compile in this run.
    os.environ["NEWSCLEAN_NO_COMPILE"] = "requirements"
    try:
        reqs = list(_orig.get_requires_for_build_wheel(config_settings))
    finally:
        del os.environ["NEWSCLEAN_NO_COMPILE"]
    if _compiled_build():
        reqs.append(MYPYC_REQUIREMENT)
    return reqs


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    os.environ["NEWSCLEAN_NO_COMPILE"] = "metadata"  # the metadata does not depend on it
    try:
        return _orig.prepare_metadata_for_build_wheel(metadata_directory, config_settings)
    finally:
        del os.environ["NEWSCLEAN_NO_COMPILE"]


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    os.environ["NEWSCLEAN_NO_COMPILE"] = "editable"  # read by setup.py
    return _orig.build_editable(wheel_directory, config_settings, metadata_directory)
