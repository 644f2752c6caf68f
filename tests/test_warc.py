"""WARC input for ``newsclean batch``: HTML responses cleaned with their URL,
fetch date and HTTP charset; other records skipped and counted; a broken
record costs only itself and what follows it in its file."""
import gzip
import json

import pytest

from test_cli import run
from warcfiles import RUSSIAN, mixed_warc, page, record, response, seed_paragraphs

pytest.importorskip("fastwarc")

from newsclean.corpus import warc  # noqa: E402


def test_reader_items_and_skip_reasons(tmp_path):
    data, urls = mixed_warc()
    p = tmp_path / "a.warc.gz"
    p.write_bytes(data)
    items = list(warc.read_warc(str(p)))
    pages = [i for i in items if isinstance(i, warc.Page)]
    assert [x.url for x in pages] == urls
    assert sorted(i.reason for i in items if isinstance(i, warc.Skipped)) == [
        "HTTP status not 2xx", "metadata", "not HTML", "request", "request", "request", "revisit", "warcinfo"]
    ru = pages[-1]
    assert ru.charset == "cp1251" and "Городской совет" in warc.decode_page(ru)
    assert pages[0].date == "2026-11-03T10:00:00Z" and pages[0].id.startswith("<urn:uuid:")
    # offsets are where each record's gzip member starts
    assert data[pages[1].offset:pages[1].offset + 2] == b"\x1f\x8b"
    assert gzip.decompress(data[pages[1].offset:]).startswith(b"WARC/1.0\r\nWARC-Type: response")


def test_batch_cleans_html_responses_and_counts_the_rest(tmp_path):
    data, urls = mixed_warc()
    src = tmp_path / "crawl.warc.gz"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    r = run("batch", src, "-o", out, "--jobs", "1")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["url"] for x in recs] == urls
    ru = recs[-1]
    assert ru["http_charset"] == "cp1251" and "Городской совет" in ru["newsclean"]["text"]
    assert recs[0]["fetch_date"] and recs[0]["warc_file"] == str(src) and recs[0]["newsclean"]["text"]
    assert seed_paragraphs(0)[0][:40] in recs[0]["newsclean"]["text"]
    err = r.stderr.decode()
    assert "4 documents, 0 failed" in err
    assert ("skipped WARC records: HTTP status not 2xx 1, metadata 1, not HTML 1, request 3, revisit 1, "
            "warcinfo 1") in err


@pytest.mark.parametrize("damage", ["truncated tail", "corrupt member"])
def test_a_broken_record_costs_only_itself(tmp_path, damage):
    data, urls = mixed_warc()
    broken = tmp_path / "a.warc.gz"
    members = [x for x in warc.read_warc(_write(tmp_path / "whole.warc.gz", data))]
    third = [x for x in members if isinstance(x, warc.Page)][2]  # the third HTML response
    if damage == "truncated tail":
        bad = data[:third.offset + 300]
    else:
        bad = data[:third.offset + 40] + b"\xde\xad\xbe\xef" * 8 + data[third.offset + 72:]
    broken.write_bytes(bad)
    good = tmp_path / "b.warc.gz"
    data2, urls2 = mixed_warc(100)
    good.write_bytes(data2)
    out = tmp_path / "out.jsonl"
    r = run("batch", broken, good, "-o", out, "--jobs", "2")
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if "error" in x]
    assert len(lines) == 1 and lines[0].startswith(f"newsclean: error: {broken}: offset {third.offset}: ")
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["url"] for x in recs] == urls[:2] + urls2  # before the break, then the next file
    entry = json.loads((tmp_path / "out.jsonl.errors.jsonl").read_text())
    assert entry["file"] == str(broken) and entry["offset"] == third.offset


def _write(path, data):
    path.write_bytes(data)
    return str(path)


def test_usage_errors(tmp_path):
    w = tmp_path / "a.warc.gz"
    w.write_bytes(mixed_warc()[0])
    j = tmp_path / "b.jsonl"
    j.write_text("{}\n")
    r = run("batch", w, j, "-o", tmp_path / "o.jsonl")
    assert r.returncode == 2 and b"mix WARC" in r.stderr and r.stderr.count(b"\n") == 1
    r = run("batch", str(tmp_path / "nothing*.warc.gz"), "-o", tmp_path / "o.jsonl")
    assert r.returncode == 2 and b"no file matches" in r.stderr


def _dup_warc(path):
    """Four stories, three copies of the first in other chrome, and a copy of
    the second: six HTML responses over two hosts."""
    recs, k = [], 0
    for i in range(4):
        k += 1
        recs.append(record("response", f"https://a.example.com/{i}",
                           response(page(f"A{i}", seed_paragraphs(i), ("Home", "World")).encode(), "text/html"), k))
    for host, junk in (("b.example.org", ("Sport", "Weather", "Subscribe now")), ("c.example.net", ("Menu",))):
        k += 1
        recs.append(record("response", f"https://{host}/copy",
                           response(page("Copy", seed_paragraphs(0), junk).encode(), "text/html"), k))
    k += 1
    recs.append(record("response", "https://c.example.net/copy1",
                       response(page("Copy", seed_paragraphs(1)).encode(), "text/html"), k))
    path.write_bytes(b"".join(recs))


def test_dedup_marks_copies_the_same_with_any_number_of_jobs(tmp_path):
    src = tmp_path / "d.warc.gz"
    _dup_warc(src)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = run("batch", src, "-o", one, "--jobs", "1", "--dedup")
    r2 = run("batch", src, "-o", two, "--jobs", "2", "--dedup")
    assert r1.returncode == 0 and r2.returncode == 0, r1.stderr + r2.stderr
    assert one.read_bytes() == two.read_bytes()
    recs = [json.loads(x) for x in one.read_text().splitlines()]
    first = recs[0]["id"]
    assert [x["newsclean"]["duplicate_of"] for x in recs] == [None, None, None, None, first, first, recs[1]["id"]]
    assert all(len(x["newsclean"]["fingerprint"]) == 684 for x in recs)
    assert b"near-duplicates: 3 records in 2 clusters" in r1.stderr


def test_dedup_on_jsonl_flat_names_the_first_by_id(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    text = "\n\n".join(seed_paragraphs(2))
    rows = [{"id": "x", "text": text}, {"id": "y", "text": "\n\n".join(seed_paragraphs(3))},
            {"id": "z", "text": "Menu\nHome\n\n" + text + "\n\nShare this article"}, {"id": "e", "text": ""}]
    src.write_text("".join(json.dumps(x) + "\n" for x in rows))
    r = run("batch", src, "-o", out, "--dedup", "--flat", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["duplicate_of"] for x in recs] == [None, None, "x", None]
    assert recs[3]["fingerprint"] is None


def test_fingerprint_ignores_short_leftover_lines_not_new_paragraphs():
    """The fingerprint is taken on the long lines (corpus/dedup.py): a few
    short lines a cleaner left (a newsletter prompt, a paywall line, a
    byline) do not move it; new paragraphs of an update do; a text of short
    lines (a table) is fingerprinted whole."""
    pytest.importorskip("datasketch")
    from newsclean.corpus import dedup

    paras = seed_paragraphs(1)
    body = "\n\n".join(paras)
    chrome = ("By Jane Smith, staff reporter\n\n" + body + "\n\nGet the best of our journalism in your inbox every day."
              "\n\nYou have 2 free articles left this month.")
    new = seed_paragraphs(3)
    update = "\n\n".join(paras[:2] + new[:len(new) // 2] + paras[2:])
    sig = dedup.signature(body)
    assert dedup.similarity(sig, dedup.signature(chrome)) == 1.0
    assert dedup.similarity(sig, dedup.signature(update)) < dedup.THRESHOLD
    assert dedup.similarity(sig, dedup.signature(body.replace(paras[-1], ""))) >= dedup.THRESHOLD
    table = "\n".join(f"{i} Kyle Busch {5040 - i} {i % 7}" for i in range(40))
    assert dedup.fingerprint_words(table) == dedup.words(table.replace("\n", " "))
    assert dedup.words("iPhoneを販売, 20代の男性 한국어") == ["iphone", "を", "販", "売", "20", "代", "の", "男", "性", "한국어"]
