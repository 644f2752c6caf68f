"""Config.params: every module constant a rule's record names is a parameter
a user can set through the configuration, by its qualified name
("spam.OFFER_MAX_WORDS"); the rules read it from there, never the constant."""
from __future__ import annotations

import ast
import dataclasses
import importlib
import threading
from pathlib import Path
from typing import List, Set

import pytest

from newsclean import Config, clean_text
from newsclean.config import DEFAULT_CONFIG, make_config
from newsclean.detectors import PARAMETERS, RULES
from newsclean.detectors.base import params_of

ARTICLE = [
    "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.",
    "Council members said the plan would raise spending on public transport by ten percent over the next two years.",
    "Opponents argued that the increase was not matched by new revenue and that taxes would have to rise later.",
    "The mayor said she was confident that the budget was balanced and that the city would meet its obligations.",
]
FIELDS = {f.name for f in dataclasses.fields(Config)}
DETECTORS = Path(__file__).resolve().parents[1] / "newsclean" / "detectors"


def _text(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _rules(text: str, **params) -> List[str]:
    return [r.rule for r in clean_text(text, config=Config(params=params)).removed]


# ---------------------------------------------------------------- names and values
def _record_names() -> Set[str]:
    return {f"{r.category}.{p}" for r in RULES for p in r.params if p not in FIELDS}


def test_every_parameter_of_every_record_is_accepted():
    names = _record_names()
    assert names == set(PARAMETERS) and len(names) > 50
    for name in sorted(names):
        module, constant = name.split(".")
        default = getattr(importlib.import_module(f"newsclean.detectors.{module}"), constant)
        assert PARAMETERS[name] == default
        cfg = Config(params={name: default + 1})
        assert getattr(params_of(cfg, module), constant) == default + 1
        assert getattr(params_of(DEFAULT_CONFIG, module), constant) == default
        assert make_config(params={name: default}).params == {name: default}


def test_an_int_parameter_takes_a_whole_float_and_reads_it_as_an_int():
    p = params_of(Config(params={"spam.OFFER_MAX_WORDS": 30.0}), "spam")
    assert p.OFFER_MAX_WORDS == 30 and isinstance(p.OFFER_MAX_WORDS, int)
    assert isinstance(params_of(Config(params={"spam.OFFER_MAX_SHARED": 1}), "spam").OFFER_MAX_SHARED, float)


@pytest.mark.parametrize("params, error", [
    ({"spam.NO_SUCH_THING": 3}, TypeError),
    ({"OFFER_MAX_WORDS": 3}, TypeError),                   # not qualified
    ({"paywall.OFFER_MAX_WORDS": 3}, TypeError),           # another module's
    ({"foreign_language.foreign_script_ratio": 0.5}, TypeError),  # a Config field, not a parameter
    ({"spam.OFFER_MAX_WORDS": 2.5}, ValueError),
    ({"spam.OFFER_MAX_WORDS": True}, TypeError),
    ({"spam.OFFER_MAX_WORDS": "30"}, TypeError),
    ({"spam.OFFER_MAX_WORDS": None}, TypeError),
    ({"spam.OFFER_MAX_SHARED": float("nan")}, ValueError),
])
def test_unknown_names_and_wrong_values_are_refused(params, error):
    with pytest.raises(error, match=repr(next(iter(params)))):
        Config(params=params)
    with pytest.raises(error):
        make_config(params=params)
    with pytest.raises(error):
        clean_text(_text(*ARTICLE), params=params)


def test_params_must_be_a_mapping():
    with pytest.raises(TypeError):
        Config(params=[("spam.OFFER_MAX_WORDS", 3)])  # type: ignore[arg-type]


def test_configs_with_params_hash_and_compare_by_content():
    a, b = Config(params={"spam.OFFER_MAX_WORDS": 30}), Config(params={"spam.OFFER_MAX_WORDS": 30})
    assert a == b and hash(a) == hash(b) and a != DEFAULT_CONFIG
    assert hash(DEFAULT_CONFIG) == hash(Config())
    params_of(a, "spam").OFFER_MAX_WORDS  # (read it)
    with pytest.raises(AttributeError):
        params_of(a, "spam").OFFER_MAX_WORDS = 3


# ---------------------------------------------------------------- the rules read them, not the constants
def _bare_reads(source: str, names: Set[str]) -> List[int]:
    """The lines where ``source`` reads one of ``names`` as a bare name (not
    assigns it, not imports it, not reads it as an attribute ``p.NAME``)."""
    return sorted(n.lineno for n in ast.walk(ast.parse(source))
                  if isinstance(n, ast.Name) and n.id in names and isinstance(n.ctx, ast.Load))


def test_the_check_for_bare_reads_finds_one():
    src = "X = 1\nY = X + 1\n\ndef f(p):\n    return p.X, X\n"
    assert _bare_reads(src, {"X"}) == [2, 5]
    assert _bare_reads("from .m import X  # noqa\nX = 2\n\ndef f(p):\n    return p.X\n", {"X"}) == []


def _modules():
    """(module file, the constants its rules' records name) for each detector module,
    and for prompts.py, whose constants are the defaults of paywall's and boilerplate's."""
    by_module = {}
    for r in RULES:
        by_module.setdefault(r.category, set()).update(p for p in r.params if p not in FIELDS)
    out = [(DETECTORS / f"{m}.py", names) for m, names in sorted(by_module.items())]
    prompts = importlib.import_module("newsclean.detectors.prompts")
    shared = {n for names in by_module.values() for n in names if hasattr(prompts, n)}
    assert shared  # (PROMPT_COVERAGE and the others)
    out.append((DETECTORS / "prompts.py", shared))
    return out


@pytest.mark.parametrize("path, names", _modules(), ids=lambda x: x.name if isinstance(x, Path) else "")
def test_rules_read_their_parameters_from_the_config_not_the_module_constants(path, names):
    """A module constant a record names is only the default: the module's code
    reads it as ``p.NAME`` (params_of), never as the bare constant, at import
    time (a regex, a table, a derived constant) or in a rule."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    bad = [f"{path.name}:{n}: {lines[n - 1].strip()}" for n in _bare_reads(source, names)]
    assert not bad, "\n".join(bad)


# ---------------------------------------------------------------- each detector's parameters take effect
MORE = [
    "Residents will be able to comment on the plan at three public meetings before the final vote in March.",
    "The budget also sets aside money for a new library in the northern district, which opens next year.",
    "A local business group welcomed the focus on transport but asked for lower parking fees in the centre.",
]


def test_spam_offer_max_words():
    text = _text(*ARTICLE, "Cheap replica handbags with free shipping worldwide, order today!")  # 9 words
    assert _rules(text) == ["spam.offer"]
    assert _rules(text, **{"spam.OFFER_MAX_WORDS": 8}) == []
    assert _rules(text, **{"spam.OFFER_MAX_WORDS": 9}) == ["spam.offer"]


def test_icon_ui_row_min():
    text = _text(*ARTICLE[:2], "Print Save Close", *ARTICLE[2:])
    assert _rules(text) == ["icon.line"]
    # (all three are words of buttons: a row of BUTTON_ROW_MIN of them is one too)
    assert _rules(text, **{"icon.UI_ROW_MIN": 4}) == ["icon.line"]
    assert _rules(text, **{"icon.UI_ROW_MIN": 4, "icon.BUTTON_ROW_MIN": 4}) == []


def test_paywall_wall_after_prose():
    text = _text(*ARTICLE, "Subscribe to continue reading", "Your email address", "Already a subscriber? Log in")
    assert clean_text(text).paywalled
    assert _rules(text)[:2] == ["paywall.wall", "paywall.region"]
    art = clean_text(text, params={"paywall.WALL_AFTER_PROSE": 5})  # the article has 4 paragraphs
    assert not art.paywalled and not {"paywall.wall", "paywall.region"} & {r.rule for r in art.removed}


def test_foreign_language_min_plain_words():
    text = _text(*ARTICLE, "Это просто строка здесь")  # 4 words
    assert _rules(text) == ["foreign.script"]
    assert _rules(text, **{"foreign_language.MIN_PLAIN_WORDS": 5}) == []


def test_boilerplate_line_max_words():
    text = _text(*ARTICLE[:2], "Advertisement", *ARTICLE[2:])
    assert _rules(text) == ["boilerplate.line"]
    assert _rules(text, **{"boilerplate.LINE_MAX_WORDS": 0}) == []


def test_duplicate_near():
    again = "Road repairs will start in April and should be finished before the end of the summer season."
    text = _text(ARTICLE[0], again, *ARTICLE[1:], *MORE, again)  # the copies 7 blocks apart
    assert _rules(text) == []
    assert _rules(text, **{"duplicate.NEAR": 7}) == ["duplicate.block"]


def test_teaser_header_max_words():
    text = _text(*ARTICLE, "Read more:", "- Flood warnings issued for the north",
                 "- Police name suspect in bank robbery", "- Stocks fall in early trading")
    assert _rules(text) == ["teaser.header"] + ["teaser.links"] * 3
    assert _rules(text, **{"teaser.HEADER_MAX_WORDS": 1}) == []


# ---------------------------------------------------------------- threads
def test_two_threads_with_different_params_each_get_their_own_result():
    texts = [_text(*ARTICLE, "Cheap replica handbags with free shipping worldwide, order today!"),
             _text(*ARTICLE[:2], "Advertisement", *ARTICLE[2:]),
             _text(*ARTICLE[:2], "Print Save Close", *ARTICLE[2:])]
    configs = [Config(), Config(params={"spam.OFFER_MAX_WORDS": 8, "boilerplate.LINE_MAX_WORDS": 0,
                                        "icon.UI_ROW_MIN": 4})]
    expected = [[clean_text(t, config=c).text for t in texts] for c in configs]
    assert expected[0] != expected[1]
    start = threading.Barrier(len(configs))
    got: List[List[List[str]]] = [[] for _ in configs]
    errors: List[BaseException] = []

    def work(k: int) -> None:
        try:
            start.wait()
            for _ in range(15):
                got[k].append([clean_text(t, config=configs[k]).text for t in texts])
        except BaseException as e:  # pragma: no cover (reported below)
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(configs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for k in range(len(configs)):
        assert got[k] == [expected[k]] * 15
