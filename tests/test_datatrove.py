"""newsclean.integrations.datatrove: NewscleanFilter in datatrove's
LocalPipelineExecutor, JSONL in, JSONL out."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean import categories

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML = (ROOT / "tests" / "structure" / "budget.html").read_text(encoding="utf-8")
JUNK = "Share Facebook Twitter Email\nSubscribe to our newsletter\nAccept cookies"  # cleans to nothing
LIMIT = 20_000  # Config.max_chars for the run: the long record fails, the others fit
LONG = "word " * 5_000


def test_the_module_imports_without_datatrove_and_says_what_to_install():
    code = ("import sys; sys.modules['datatrove'] = None\n"
            "from newsclean.integrations import datatrove as d\n"
            "try:\n    d.NewscleanFilter()\nexcept ImportError as e:\n    print(e)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "pip install 'newsclean[datatrove]'" in r.stdout


datatrove = pytest.importorskip("datatrove")
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from newsclean.integrations.datatrove import DEFAULT_KEYS, NewscleanFilter  # noqa: E402


@pytest.fixture
def corpus(tmp_path):
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEEDS]
    records += [{"id": "page", "text": HTML, "url": "https://example.com/budget"},
                {"id": "junk", "text": JUNK},
                {"id": "long", "text": LONG}]
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "docs.jsonl", "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return {r["id"]: r for r in records}, folder


def run(tmp_path, folder, name, step):
    out, excluded = tmp_path / name, tmp_path / (name + "-excluded")
    step.exclusion_writer = JsonlWriter(str(excluded), compression=None)
    LocalPipelineExecutor(pipeline=[JsonlReader(str(folder)), step, JsonlWriter(str(out), compression=None)],
                          tasks=1, workers=1, logging_dir=str(tmp_path / (name + "-logs"))).run()

    def read(d):
        return {r["id"]: r for p in sorted(d.glob("*.jsonl")) for r in map(json.loads, p.open(encoding="utf-8"))}

    return read(out), read(excluded) if excluded.exists() else {}


def test_cleans_text_and_html_keeps_metadata_drops_empty_and_failed(tmp_path, corpus):
    records, folder = corpus
    kept, dropped = run(tmp_path, folder, "out", NewscleanFilter(max_chars=LIMIT))
    assert set(kept) == {p.stem for p in SEEDS} | {"page"}
    assert set(dropped) == {"junk", "long"}
    for p in SEEDS:
        art = newsclean.clean_text(p.read_text(encoding="utf-8"))
        doc = kept[p.stem]
        assert doc["text"] == art.text
        meta = doc["metadata"]["newsclean"]
        assert set(meta) == {"status", *DEFAULT_KEYS}
        assert meta["status"] == "ok"
        assert (meta["title"], meta["date"], meta["language"], meta["authors"], meta["source"], meta["paywalled"]) \
            == (art.title, art.date, art.language, art.authors, art.source, art.paywalled)
        assert meta["removed"] == {c: art.removed_by_category().get(c, 0) for c in categories.names()}
    art = newsclean.clean_html(HTML, url="https://example.com/budget")
    page = kept["page"]
    assert page["text"] == art.text and art.text
    assert page["metadata"]["newsclean"]["title"] == art.title == "Council approves budget"
    assert page["metadata"]["url"] == "https://example.com/budget"  # the input's fields stay
    # dropped, with the reason, into the exclusion writer
    assert dropped["junk"]["metadata"]["filter_reason"] == "empty"
    assert dropped["junk"]["metadata"]["newsclean"]["status"] == "empty"
    assert dropped["long"]["metadata"]["filter_reason"] == "failed"
    assert "Config.max_chars" in dropped["long"]["metadata"]["newsclean"]["error"]
    assert dropped["long"]["text"] == LONG  # a failed document is left as it was


def test_keep_and_mark(tmp_path, corpus):
    records, folder = corpus
    step = NewscleanFilter(on_empty="keep", on_error="keep", metadata_key=None,
                           keep=("title", "removed_spans"), max_chars=LIMIT)
    kept, dropped = run(tmp_path, folder, "out", step)
    assert set(kept) == set(records) and not dropped
    # (datatrove's writer leaves out empty fields: the text, here)
    assert kept["junk"].get("text", "") == "" and kept["junk"]["metadata"]["status"] == "empty"
    assert [r["category"] for r in kept["junk"]["metadata"]["removed_spans"]] == ["boilerplate"] * 3
    assert kept["long"]["metadata"]["status"] == "failed" and kept["long"]["text"] == LONG
    assert set(kept["page"]["metadata"]) >= {"status", "title", "removed_spans", "url"}
    assert "newsclean" not in kept["page"]["metadata"]


def test_low_confidence_marked_or_dropped(tmp_path, corpus):
    records, folder = corpus
    # a safety floor that always engages where anything of the prose is removed
    arts = {p.stem: newsclean.clean_text(p.read_text(encoding="utf-8"), min_keep_ratio=1.0) for p in SEEDS}
    low = {k for k, a in arts.items() if a.low_confidence}
    assert low and low != set(arts)
    kept, _ = run(tmp_path, folder, "marked", NewscleanFilter(min_keep_ratio=1.0, max_chars=LIMIT))
    for k in low:
        assert kept[k]["metadata"]["newsclean"]["status"] == "low_confidence"
        assert kept[k]["metadata"]["newsclean"]["low_confidence"] is True
        assert kept[k]["text"] == arts[k].text
    kept, dropped = run(tmp_path, folder, "dropped",
                        NewscleanFilter(min_keep_ratio=1.0, max_chars=LIMIT, on_low_confidence="drop"))
    assert set(arts) - low <= set(kept) and not low & set(kept)
    assert {k for k, d in dropped.items() if d["metadata"]["filter_reason"] == "low_confidence"} == low


def test_input_mode_by_field_and_forced(tmp_path):
    doc = datatrove.data.Document(text=HTML, id="x", metadata={"kind": "text/plain"})
    step = NewscleanFilter(input_field="kind")
    assert not step.is_html(doc)
    doc.metadata["kind"] = "text/html; charset=utf-8"
    assert step.is_html(doc)
    assert NewscleanFilter(input="text").is_html(doc) is False
    assert NewscleanFilter().is_html(doc)  # sniffed


def test_bad_options_are_refused():
    with pytest.raises(ValueError, match="on_empty"):
        NewscleanFilter(on_empty="mark")
    with pytest.raises(ValueError, match="unknown metadata keys"):
        NewscleanFilter(keep=("title", "body"))
    with pytest.raises(TypeError, match="unknown newsclean option"):
        NewscleanFilter(no_such_option=True)


def test_parquet_with_the_arrow_type(tmp_path, corpus):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from datatrove.pipeline.writers import ParquetWriter

    from newsclean.integrations.datatrove import arrow_type

    records, folder = corpus
    keep = DEFAULT_KEYS + ("removed_spans",)
    schema = pa.schema([("text", pa.string()), ("id", pa.string()),
                        ("metadata", pa.struct([("url", pa.string()), ("newsclean", arrow_type(keep))]))])
    LocalPipelineExecutor(pipeline=[JsonlReader(str(folder)), NewscleanFilter(keep=keep, on_error="keep",
                                                                               max_chars=LIMIT),
                                    ParquetWriter(str(tmp_path / "pq"), schema=schema)],
                          tasks=1, workers=1, logging_dir=str(tmp_path / "logs")).run()
    rows = {r["id"]: r for p in sorted((tmp_path / "pq").glob("*.parquet")) for r in pq.read_table(p).to_pylist()}
    assert set(rows) == set(records) - {"junk"}
    art = newsclean.clean_html(HTML, url="https://example.com/budget")
    meta = rows["page"]["metadata"]["newsclean"]
    assert rows["page"]["text"] == art.text and meta["title"] == art.title and meta["status"] == "ok"
    assert meta["removed_spans"] == [r.to_dict() for r in art.removed]
    assert rows["long"]["metadata"]["newsclean"]["status"] == "failed"
