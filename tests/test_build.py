"""Which build is installed: pure Python, or the compiled build (what
``pip install .`` makes where a C compiler works; see setup.py and
_build_backend/backend.py). The tests run against both in .ci/run, which sets
NEWSCLEAN_EXPECT_COMPILED=1 for the compiled one: these checks make sure that
run really exercised the compiled modules, not the sources. Also: how the build
backend chooses between the two."""
from __future__ import annotations

import ast
import os
from importlib import import_module, machinery
from pathlib import Path

import pytest

import newsclean


def _setup_py_modules():
    """setup.py's MYPYC_MODULES, as import names."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    paths = next(ast.literal_eval(node.value) for node in tree.body
                 if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MYPYC_MODULES")
    return [p[:-3].replace("/", ".").removesuffix(".__init__") for p in paths]


def _is_extension(name: str) -> bool:
    return (import_module(name).__file__ or "").endswith(tuple(machinery.EXTENSION_SUFFIXES))


ROOT = Path(__file__).resolve().parent.parent


def test_the_expected_build_is_installed():
    expect = os.environ.get("NEWSCLEAN_EXPECT_COMPILED")
    if expect is None:
        if Path(newsclean.__file__).resolve().parent != ROOT / "newsclean":
            pytest.skip("an installed wheel (compiled where a C compiler works); "
                        "set NEWSCLEAN_EXPECT_COMPILED=1 or 0 to check which")
        expect = "0"  # the sources themselves (an editable install is never compiled)
    expected = expect == "1"
    assert newsclean.COMPILED is expected, f"COMPILED is {newsclean.COMPILED}; imported from {newsclean.__file__}"


def test_all_or_none_of_the_listed_modules_are_compiled():
    names = _setup_py_modules()
    assert "newsclean.document" in names  # (what COMPILED looks at)
    kinds = {name: _is_extension(name) for name in names}
    assert set(kinds.values()) == {newsclean.COMPILED}, kinds
    # The entry points stay Python in every build (their own argument checks).
    assert not _is_extension("newsclean.pipeline") and not _is_extension("newsclean.html")


# --------------------------------------------------------------------------- the build backend


@pytest.fixture
def backend(monkeypatch):
    """_build_backend/backend.py, with setuptools' build_wheel replaced by a
    recorder (``calls``: compiled or not, per call; a compiled build raises what
    ``fail`` holds), and setuptools' own requirement list by a stub."""
    pytest.importorskip("setuptools")
    monkeypatch.syspath_prepend(str(ROOT / "_build_backend"))
    monkeypatch.delenv("NEWSCLEAN_MYPYC", raising=False)
    import backend as mod

    calls = []
    fail: list = []

    def fake_build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
        compiled = os.environ.get("NEWSCLEAN_COMPILE") == "1"
        calls.append(compiled)
        if compiled and fail:
            raise fail[0]
        return "newsclean-0.1.0-%s.whl" % ("cp" if compiled else "py3")

    monkeypatch.setattr(mod._orig, "build_wheel", fake_build_wheel)
    # (setuptools' own list would run setup.py with this environment's setuptools)
    monkeypatch.setattr(mod._orig, "get_requires_for_build_wheel", lambda config_settings=None: ["wheel"])
    monkeypatch.setattr(mod, "calls", calls, raising=False)
    monkeypatch.setattr(mod, "fail", fail, raising=False)
    return mod


@pytest.mark.parametrize("value, mode", [("", "auto"), ("auto", "auto"), ("1", "on"), (" Yes ", "on"),
                                         ("true", "on"), ("0", "off"), ("no", "off"), ("FALSE", "off")])
def test_backend_mode(backend, monkeypatch, value, mode):
    monkeypatch.setenv("NEWSCLEAN_MYPYC", value)
    assert backend._mode() == mode


def test_backend_rejects_an_unknown_mode(backend, monkeypatch):
    monkeypatch.setenv("NEWSCLEAN_MYPYC", "maybe")
    with pytest.raises(ValueError, match="NEWSCLEAN_MYPYC='maybe'"):
        backend._mode()


def test_backend_probe_fails_without_a_compiler(backend, monkeypatch, capsys):
    monkeypatch.setenv("CC", "/bin/false")
    assert backend.compiler_works() is False
    assert "no working C compiler" in capsys.readouterr().err


def test_backend_requires_mypy_only_for_a_compiled_build(backend, monkeypatch):
    monkeypatch.setattr(backend, "compiler_works", lambda: True)
    assert backend.MYPYC_REQUIREMENT in backend.get_requires_for_build_wheel()
    monkeypatch.setenv("NEWSCLEAN_MYPYC", "0")
    assert backend.MYPYC_REQUIREMENT not in backend.get_requires_for_build_wheel()
    monkeypatch.setenv("NEWSCLEAN_MYPYC", "auto")
    monkeypatch.setattr(backend, "compiler_works", lambda: False)
    assert backend.MYPYC_REQUIREMENT not in backend.get_requires_for_build_wheel()
    monkeypatch.setenv("NEWSCLEAN_MYPYC", "1")  # asked for: required, compiler or not
    assert backend.MYPYC_REQUIREMENT in backend.get_requires_for_build_wheel()


def test_backend_default_compiles_and_falls_back(backend, monkeypatch, capsys):
    monkeypatch.setattr(backend.importlib.util, "find_spec", lambda name: object())
    assert backend.build_wheel("dist") == "newsclean-0.1.0-cp.whl" and backend.calls == [True]
    # A compiler run that fails (distutils raises SystemExit): a pure wheel, said so.
    backend.calls.clear()
    backend.fail.append(SystemExit("error: command 'gcc' failed"))
    assert backend.build_wheel("dist") == "newsclean-0.1.0-py3.whl" and backend.calls == [True, False]
    assert "building pure Python instead" in capsys.readouterr().err
    assert "NEWSCLEAN_COMPILE" not in os.environ
    # Asked for explicitly: the failure is the install's.
    monkeypatch.setenv("NEWSCLEAN_MYPYC", "1")
    backend.calls.clear()
    with pytest.raises(SystemExit):
        backend.build_wheel("dist")
    assert backend.calls == [True]


def test_backend_builds_pure_python_when_it_cannot_compile(backend, monkeypatch):
    monkeypatch.setattr(backend.importlib.util, "find_spec", lambda name: None)  # no mypyc
    assert backend.build_wheel("dist") == "newsclean-0.1.0-py3.whl"
    monkeypatch.setattr(backend.importlib.util, "find_spec", lambda name: object())
    monkeypatch.setenv("NEWSCLEAN_MYPYC", "0")
    assert backend.build_wheel("dist") == "newsclean-0.1.0-py3.whl"
    assert backend.calls == [False, False]
