"""`newsclean dask` on WARC input and with --dedup, against a real two-worker
distributed.LocalCluster: the same output as `newsclean batch`, byte for
byte, with --jobs 1 and --jobs 2 (issue 17)."""
import json
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("fastwarc")
pytest.importorskip("datasketch")

from test_cli import run  # noqa: E402
from warcfiles import mixed_warc, page, record, response, seed_paragraphs  # noqa: E402

from newsclean.corpus import warc  # noqa: E402
from newsclean.distributed import clean_corpus  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _html(title, paras, junk=()):
    return response(page(title, paras, junk).encode(), "text/html")


def _near_duplicate_warcs(folder):
    """Two WARC files. a: four stories on one host, a request and a non-HTML
    response between them. b: two copies of story 0 in other chrome (one with
    a paragraph of it left out: a near, not an exact, duplicate), a copy of
    story 1, a fifth story, a revisit. The clusters span the two files (two
    parts on Dask)."""
    a, k = [], 0
    for i in range(4):
        k += 1
        a.append(record("response", f"https://a.example.com/{i}", _html(f"A{i}", seed_paragraphs(i), ("Home", "World")), k))
        if i == 1:
            k += 1
            a.append(record("request", f"https://a.example.com/{i}", b"GET / HTTP/1.1\r\n\r\n", k))
            k += 1
            a.append(record("response", "https://a.example.com/logo.png", response(b"\x89PNG", "image/png"), k))
    story0 = seed_paragraphs(0)  # 22 paragraphs
    b = [record("response", "https://b.example.org/copy", _html("Copy", story0, ("Sport", "Weather", "Subscribe now")), 20),
         record("revisit", "https://b.example.org/copy", b"HTTP/1.1 304 Not Modified\r\n\r\n", 21),
         record("response", "https://c.example.net/copy1", _html("Copy", seed_paragraphs(1)), 22),
         record("response", "https://c.example.net/copy", _html("Copy", story0[:3] + story0[4:], ("Menu",)), 23),
         record("response", "https://c.example.net/other", _html("Other", seed_paragraphs(4)), 24)]
    pa, pb = folder / "a.warc.gz", folder / "b.warc.gz"
    pa.write_bytes(b"".join(a))
    pb.write_bytes(b"".join(b))
    return pa, pb


def test_warc_dedup_is_the_same_from_batch_jobs_1_and_2_and_dask(client, tmp_path):
    pa, pb = _near_duplicate_warcs(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = run("batch", pa, pb, "-o", one, "--jobs", "1", "--dedup")
    r2 = run("batch", pa, pb, "-o", two, "--jobs", "2", "--dedup")
    assert r1.returncode == 0 and r2.returncode == 0, r1.stderr + r2.stderr
    res = clean_corpus([str(pa), str(pb)], str(tmp_path / "out"), scheduler=client.scheduler.address, dedup=True)
    assert len(res.files) == 2  # one part a WARC file
    dask_out = b"".join(open(f, "rb").read() for f in res.files)
    assert one.read_bytes() == two.read_bytes() == dask_out
    recs = [json.loads(x) for x in dask_out.decode().splitlines()]
    ids = [x["id"] for x in recs]
    assert [x["url"] for x in recs] == [f"https://a.example.com/{i}" for i in range(4)] + [
        "https://b.example.org/copy", "https://c.example.net/copy1", "https://c.example.net/copy",
        "https://c.example.net/other"]
    assert [x["newsclean"]["duplicate_of"] for x in recs] == [None] * 4 + [ids[0], ids[1], ids[0], None]
    assert all(len(x["newsclean"]["fingerprint"]) == 684 for x in recs)
    assert recs[4]["warc_file"] == str(pb) and recs[4]["fetch_date"] and recs[4]["http_charset"] is None
    assert (res.duplicates, res.clusters, res.documents, res.failed) == (3, 2, 8, 0)
    assert res.skipped == {"not HTML": 1, "request": 1, "revisit": 1}
    assert b"near-duplicates: 3 records in 2 clusters" in r1.stderr


def test_dedup_on_jsonl_names_records_without_id_by_number(client, tmp_path):
    """JSONL split into several parts; records with neither id nor URL are
    named by their number in the output, as batch names them (a failed
    record is not counted)."""
    texts = ["\n\n".join(seed_paragraphs(i)) for i in range(4)]
    rows = [{"text": texts[0]}, {"bad": 1}, {"text": texts[1]}, {"text": texts[2]}, {"text": "Menu\n\n" + texts[0]},
            {"id": "x", "text": texts[3]}, {"text": texts[2] + "\n\nShare this"}, {"text": ""}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    b = tmp_path / "b.jsonl"
    r = run("batch", src, "-o", b, "--jobs", "1", "--dedup")
    assert r.returncode == 1
    res = clean_corpus(str(src), str(tmp_path / "out"), scheduler=client.scheduler.address, dedup=True,
                       blocksize=len(texts[0]) + 100)
    assert len(res.files) >= 3
    got = b"".join(open(f, "rb").read() for f in res.files)
    assert got == b.read_bytes()
    recs = [json.loads(x) for x in got.decode().splitlines()]
    assert [x["newsclean"]["duplicate_of"] for x in recs] == [None, None, None, 0, None, 2, None]
    assert recs[-1]["newsclean"]["fingerprint"] is None


def test_a_broken_warc_record_costs_only_itself_on_dask(client, tmp_path):
    data, urls = mixed_warc()
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(data)
    third = [x for x in warc.read_warc(str(whole)) if isinstance(x, warc.Page)][2]
    broken = tmp_path / "a.warc.gz"
    broken.write_bytes(data[:third.offset + 300])
    good = tmp_path / "b.warc.gz"
    data2, urls2 = mixed_warc(100)
    good.write_bytes(data2)
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "newsclean", "dask", str(broken), str(good), "-o", str(out),
                        "--scheduler", client.scheduler.address, "--dedup"], capture_output=True, timeout=180)
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if "error" in x and "errors.jsonl" not in x]
    assert len(lines) == 1 and lines[0].startswith(f"newsclean: error: {broken}: offset {third.offset}: truncated record (")
    assert "7 documents, 1 failed (corrupt WARC record 1)" in err
    assert "skipped WARC records: HTTP status not 2xx 1, metadata 1, not HTML 1, request 6, revisit 1, warcinfo 2" in err
    recs = [json.loads(x) for f in sorted(out.glob("part-*.jsonl")) for x in f.read_text().splitlines()]
    assert [x["url"] for x in recs] == urls[:2] + urls2
    assert json.loads((out / "_errors.jsonl").read_text()) == {"file": str(broken), "offset": third.offset,
                                                                "error": lines[0].split(": ", 4)[4]}
    # and batch says the same
    b = run("batch", broken, good, "-o", tmp_path / "b.jsonl", "--jobs", "1", "--dedup")
    assert b.returncode == 1
    assert (tmp_path / "b.jsonl").read_bytes() == b"".join(f.read_bytes() for f in sorted(out.glob("part-*.jsonl")))
    assert [x for x in b.stderr.decode().splitlines() if ": error: " in x] == lines


def test_usage_errors(tmp_path):
    w = tmp_path / "a.warc.gz"
    w.write_bytes(mixed_warc()[0])
    j = tmp_path / "b.jsonl"
    j.write_text("{}\n")
    r = subprocess.run([sys.executable, "-m", "newsclean", "dask", str(w), str(j), "-o", str(tmp_path / "o")],
                       capture_output=True, timeout=60)
    assert r.returncode == 2 and r.stderr.decode() == (
        "newsclean: error: the inputs mix WARC and other files: give one kind per run\n")


def test_dedup_with_parquet_is_refused(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": ["A sentence about the council."]}), src)
    r = subprocess.run([sys.executable, "-m", "newsclean", "dask", str(src), "-o", str(tmp_path / "o"), "--dedup"],
                       capture_output=True, timeout=60)
    assert r.returncode == 2 and r.stderr.decode() == (
        "newsclean: error: dedup: give JSONL or WARC input (Parquet parts are not marked)\n")
    assert not (tmp_path / "o").exists()
