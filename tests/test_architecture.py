"""The architecture, checked: layers (import-linter), no import cycle, no
unexplained lazy import, one category registry, rules callable on their own."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean import categories
from newsclean.analysis.findings import Finding
from newsclean.detectors import RULES, boilerplate, positional_rules, teaser
from newsclean.detectors.base import Context

PACKAGE = Path(newsclean.__file__).resolve().parent
ROOT = PACKAGE.parent


def test_layers_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    r = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout


def test_no_import_cycle():
    import grimp

    # (imports under TYPE_CHECKING run only in the type checker)
    graph = grimp.build_graph("newsclean", exclude_type_checking_imports=True)
    state = {}

    def visit(m, path):
        state[m] = "open"
        for n in sorted(graph.find_modules_directly_imported_by(m)):
            if not n.startswith("newsclean"):
                continue
            assert state.get(n) != "open", "import cycle: " + " -> ".join(path + [m, n])
            if n not in state:
                visit(n, path + [m])
        state[m] = "done"

    for m in sorted(graph.modules):
        if m not in state:
            visit(m, [])


def test_every_lazy_import_says_why():
    """An import inside a function has a comment on its line, or before it
    (above the group of imports it belongs to)."""
    for path in PACKAGE.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    k = node.lineno - 1
                    here = lines[k]
                    while k > 0 and lines[k - 1].strip().startswith(("import ", "from ")):
                        k -= 1
                    assert "#" in here or lines[k - 1].strip().startswith("#"), f"{path.name}:{node.lineno}: {here.strip()}"


def test_rule_names_are_unique_and_categories_registered():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.category in categories.names() and r.name.split(".")[0] in (r.category, "foreign")


def test_every_removal_names_a_registered_rule():
    known = {r.name for r in RULES} | positional_rules()
    seen = set()
    for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*.txt")):
        for r in newsclean.clean_text(p.read_text(encoding="utf-8")).removed:
            assert r.rule in known, r.rule
            seen.add(r.rule)
    assert len(seen) >= 15  # the examples exercise most rules


def test_positional_rules_come_from_the_records():
    pos = positional_rules()
    assert {"teaser.trailing", "boilerplate.footer", "paywall.region", "boilerplate.context"} <= pos
    assert "paywall.wall" not in pos and "spam.tail" not in pos


def test_a_block_rule_called_on_its_own():
    ctx = Context.of_text("Share Facebook Twitter Email\nThe council met on Monday to vote on the budget.")
    page = boilerplate.Page.of(ctx)
    blocks, feats = ctx.doc.blocks, ctx.doc.feats
    assert boilerplate.share_bar(ctx, page, blocks[0], feats[0]) == "share bar"
    assert boilerplate.share_bar(ctx, page, blocks[1], feats[1]) is None


def test_a_document_rule_called_on_its_own():
    ctx = Context.of_text("The city council approved a new budget on Tuesday after a long debate about road repairs.\n"
                          "Read more\nLakers beat Nets in overtime thriller\nPolice close road after crash")
    free = [True] * len(ctx.doc.blocks)
    found = teaser.related_header(ctx, free)
    assert [f.rule for f in found] == ["teaser.header", "teaser.links", "teaser.links"]


@pytest.fixture
def shouting():
    """A small category registered for the test: lines in capitals with an exclamation mark."""

    def detector(ctx):
        return [ctx.doc.block_finding(b.index, "shouting", "a shouted line", "shouting.line", 0.9)
                for b in ctx.doc.blocks if b.text.isupper() and b.text.endswith("!")]

    categories.register(categories.Category("shouting", "shouted lines", rank=9, colour="95", region=True,
                                            detector=detector))
    yield
    categories.unregister("shouting")


ARTICLE = ("The harbour authority approved on Monday a plan to dredge the main channel so that larger "
           "cargo ships can dock at the port for the first time in decades.\n"
           "BUY NOW!\n"
           "The work will start in October and take about eighteen months, the authority said in a statement.\n"
           "Fishermen's groups said they feared the dredging would disturb breeding grounds in the estuary.")


def test_adding_a_category(shouting):
    from newsclean.cli.main import _colour

    art = newsclean.clean_text(ARTICLE)
    assert [(r.category, r.rule, r.text) for r in art.removed] == [("shouting", "shouting.line", "BUY NOW!")]
    assert "BUY NOW!" not in art.text
    assert newsclean.clean_text(ARTICLE, disabled=("shouting",)).text.count("BUY NOW!") == 1
    assert "shouting.context" in positional_rules()  # a region category: its sandwich rule is positional
    assert _colour("shouting") == "95"


def test_unknown_category_is_not_kept_registered():
    assert "shouting" not in categories.names()
    assert categories.names() == newsclean.CATEGORIES


def test_every_rule_parameter_exists():
    """What a Rule record says it reads is a Config field or a constant of its module."""
    import dataclasses
    import importlib

    fields = {f.name for f in dataclasses.fields(newsclean.Config)}
    for r in RULES:
        mod = importlib.import_module("newsclean.detectors." + r.category)
        for p in r.params:
            assert p in fields or hasattr(mod, p), (r.name, p)


def test_docs_list_every_rule_as_its_record_says():
    """docs/api.md holds the table scripts/rules_table.py prints from the rules' records."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("rules_table", root / "scripts" / "rules_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.table() in (root / "docs" / "api.md").read_text(encoding="utf-8")
