"""Hand-made test documents (tests/cases/*.txt) with hand-written expectations
(tests/cases/*.json). The expectations say what a careful editor would want,
independent of the implementation:

- ``keep``: substrings that must be in ``Article.text``;
- ``remove``: substrings that must not be in the text and must lie inside a
  removed span of the given category (or one of a list of categories);
- ``title``, ``date``, ``language``, ``dateline``, ``authors``, ``paywalled``;
- ``unchanged``: the text equals the input's paragraphs and nothing is removed;
- ``count``: how often a substring must occur in the text.
"""
import json
from pathlib import Path

import pytest

import newsclean
from newsclean import CATEGORIES
from newsclean.text.normalize import normalize

CASES = Path(__file__).resolve().parent / "cases"
CASE_FILES = sorted(CASES.glob("*.json"))


def load(path):
    spec = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    return spec, text


def test_enough_cases_covering_every_category():
    assert len(CASE_FILES) >= 24
    seen = set()
    for p in CASE_FILES:
        spec, _ = load(p)
        for r in spec.get("remove", []):
            cats = r["category"] if isinstance(r["category"], list) else [r["category"]]
            seen.update(cats)
    assert set(CATEGORIES) - {"duplicate"} <= seen or set(CATEGORIES) <= seen
    assert set(CATEGORIES) <= seen, set(CATEGORIES) - seen


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_expectations_quote_the_input(path):
    """Every expected substring really occurs in the input (guards against typos)."""
    spec, text = load(path)
    norm = normalize(text)
    for s in spec.get("keep", []):
        assert s in norm, f"keep substring not in input: {s!r}"
    for r in spec.get("remove", []):
        assert r["text"] in norm, f"remove substring not in input: {r['text']!r}"


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case(path):
    spec, text = load(path)
    art = newsclean.clean_text(text)
    removed = "\n".join(f"  [{r.category}] {r.rule}: {r.text[:70]!r}" for r in art.removed) or "  (nothing)"
    for s in spec.get("keep", []):
        assert s in art.text, f"{path.stem}: lost article text {s!r}\nremoved:\n{removed}"
    for r in spec.get("remove", []):
        cats = r["category"] if isinstance(r["category"], list) else [r["category"]]
        if "duplicate" not in cats:  # a duplicate's text legitimately remains once (see "count")
            assert r["text"] not in art.text, f"{path.stem}: junk kept {r['text']!r}\nremoved:\n{removed}"
        hits = [x for x in art.removed if r["text"] in x.text or x.text in r["text"] and len(x.text) > 3]
        assert any(x.category in cats for x in hits), (
            f"{path.stem}: {r['text']!r} not removed as {cats}\nremoved:\n{removed}")
    for key in ("title", "date", "language", "paywalled"):
        if key in spec:
            assert getattr(art, key) == spec[key], f"{path.stem}: {key} = {getattr(art, key)!r}, want {spec[key]!r}"
    if "dateline" in spec:
        assert art.dateline and spec["dateline"] in art.dateline, f"{path.stem}: dateline {art.dateline!r}"
    for name in spec.get("authors", []):
        assert name in art.authors, f"{path.stem}: authors {art.authors!r} lack {name!r}"
    for s, n in spec.get("count", {}).items():
        assert art.text.count(s) == n, f"{path.stem}: {s!r} occurs {art.text.count(s)} times, want {n}"
    if spec.get("unchanged"):
        paras = [p.strip() for p in normalize(text).split("\n") if p.strip()]
        assert art.text == "\n\n".join(paras), f"{path.stem}: text changed\nremoved:\n{removed}"
        assert art.removed == []
