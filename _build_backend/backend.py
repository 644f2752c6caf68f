"""newsclean's PEP 517 build backend: setuptools' own, plus the compiled build.

``pip install .`` compiles the text pipeline's modules with mypyc (see
setup.py) when it can, and builds pure Python when it cannot. The environment
variable ``NEWSCLEAN_MYPYC`` chooses:

- unset or ``auto`` (the default): compiled if a C compiler can build against
  this Python's headers; otherwise, or if the compiled build fails, a
  pure-Python wheel, with a message on the build's output (``pip -v`` shows it);
- ``1`` (or ``true``, ``yes``): compiled, and the install fails if it cannot be;
- ``0`` (or ``false``, ``no``): pure Python, without looking for a compiler.

mypy, which carries mypyc, is added to the build requirements only for a
compiled build, and setup.py compiles only while the wheel itself is built (not
while pip collects requirements or metadata, when mypy is not installed yet).
An editable install is never compiled: compiled modules beside the sources
would shadow every later edit of them.
"""
import importlib.util
import os
import sys
import sysconfig
import tempfile

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403 (the hooks not changed here)

#: mypy carries mypyc; pinned, so a given source tree always compiles the same way.
MYPYC_REQUIREMENT = "mypy==2.4.1"

_MODES = {"": "auto", "auto": "auto", "1": "on", "true": "on", "yes": "on", "0": "off", "false": "off", "no": "off"}


def _mode() -> str:
    """"auto", "on" or "off", from NEWSCLEAN_MYPYC."""
    value = os.environ.get("NEWSCLEAN_MYPYC", "").strip().lower()
    try:
        return _MODES[value]
    except KeyError:
        raise ValueError(f"NEWSCLEAN_MYPYC={value!r}: use 1 (compile), 0 (pure Python) "
                         "or auto (compile if a C compiler works; the default)") from None


def _say(message: str) -> None:
    print(f"newsclean: {message}", file=sys.stderr, flush=True)


def compiler_works() -> bool:
    """Whether the C compiler setuptools would use can compile a file that
    includes this Python's ``Python.h`` (the compiled modules need both)."""
    import setuptools  # noqa: F401 (first: its distutils is the one the build uses)
    from distutils.ccompiler import new_compiler
    from distutils.sysconfig import customize_compiler

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "probe.c")
        with open(src, "w", encoding="ascii") as fh:
            fh.write("#include <Python.h>\nint newsclean_probe(void) { return Py_IsInitialized(); }\n")
        try:
            cc = new_compiler()
            customize_compiler(cc)
            cc.compile([src], output_dir=tmp, include_dirs=[sysconfig.get_paths()["include"]])
        except Exception as e:  # CompileError, a missing compiler, a broken toolchain
            _say(f"no working C compiler for the compiled build ({type(e).__name__}: {e})")
            return False
    return True


def get_requires_for_build_wheel(config_settings=None):
    reqs = list(_orig.get_requires_for_build_wheel(config_settings))
    mode = _mode()
    if mode == "on" or (mode == "auto" and compiler_works()):
        reqs.append(MYPYC_REQUIREMENT)
    return reqs


def _build(wheel_directory, config_settings, metadata_directory, compiled: bool):
    if not compiled:
        return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)
    os.environ["NEWSCLEAN_COMPILE"] = "1"  # read by setup.py, which setuptools runs in this process
    try:
        return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)
    finally:
        del os.environ["NEWSCLEAN_COMPILE"]


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    mode = _mode()
    if mode == "off":
        return _build(wheel_directory, config_settings, metadata_directory, False)
    if mode == "on":
        return _build(wheel_directory, config_settings, metadata_directory, True)
    # get_requires_for_build_wheel asked for mypy only if a compiler works (a
    # frontend runs each hook in a process of its own: that answer is not
    # kept, and the compiler is not probed twice; a failed build falls back).
    if importlib.util.find_spec("mypyc") is None:
        _say("mypyc is not installed in the build environment: building pure Python")
        return _build(wheel_directory, config_settings, metadata_directory, False)
    try:
        return _build(wheel_directory, config_settings, metadata_directory, True)
    except (Exception, SystemExit) as e:  # distutils reports a failed compiler run as SystemExit
        _say(f"the compiled build failed ({type(e).__name__}: {e}); building pure Python instead "
             "(NEWSCLEAN_MYPYC=1 makes this an error)")
        return _build(wheel_directory, config_settings, metadata_directory, False)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    if _mode() == "on":
        _say("NEWSCLEAN_MYPYC ignored for an editable install (compiled modules would shadow the sources)")
    return _orig.build_editable(wheel_directory, config_settings, metadata_directory)
