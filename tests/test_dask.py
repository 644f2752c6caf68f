"""The Dask integration against a real distributed.LocalCluster with two worker
processes on loopback: results identical to the single-process run."""
import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

import newsclean  # noqa: E402
from newsclean.distributed import clean_bag, clean_dataframe, clean_record  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _records():
    recs = []
    for i, p in enumerate(sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*.txt"))):
        recs.append({"id": i, "text": p.read_text(encoding="utf-8"), "url": f"https://example.com/{i}"})
    recs.append({"id": "html", "html": "<html><body><article><p>" + "A sentence about the city budget. " * 20
                 + "</p></article></body></html>"})
    recs.append({"id": "bad"})
    return recs


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None,
                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_bag_matches_single_process(client, tmp_path):
    import dask.bag as db

    recs = _records()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    bag = db.read_text(str(src), blocksize=4096).map(json.loads)
    assert bag.npartitions >= 2
    got = clean_bag(bag).compute()
    want = [clean_record(r) for r in recs]
    assert got == want
    assert got[-1]["newsclean"]["error"].startswith("no string field")
    assert got[0]["newsclean"]["text"] == newsclean.clean_text(recs[0]["text"]).text


def test_dataframe_matches_single_process(client):
    import dask.dataframe as dd
    import pandas as pd

    recs = [r for r in _records() if "text" in r]
    pdf = pd.DataFrame({"id": [r["id"] for r in recs], "text": [r["text"] for r in recs]})
    out = clean_dataframe(dd.from_pandas(pdf, npartitions=3)).compute()
    assert list(out["clean_text"]) == [newsclean.clean_text(t).text for t in pdf["text"]]
    assert list(out["id"]) == list(pdf["id"])


def test_clean_corpus_on_an_existing_cluster(client, tmp_path):
    from newsclean.distributed import clean_corpus

    recs = _records()
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    res = clean_corpus(str(src), str(tmp_path / "out"), scheduler=client.scheduler.address, blocksize="4KiB")
    assert len(res.files) >= 2 and res.files == sorted(res.files)
    got = [json.loads(line) for f in res.files for line in Path(f).read_text().splitlines()]
    want = [clean_record(r) for r in recs]
    assert got == [w for w in want if "error" not in w["newsclean"]]  # the failed record: in _errors.jsonl
    assert (res.documents, res.failed, res.failures) == (len(recs), 1, {"no text": 1})
    errors = [json.loads(line) for line in (tmp_path / "out" / "_errors.jsonl").read_text().splitlines()]
    assert [(e["file"], e["line"], e["error"]) for e in errors] == [
        (str(src), len(recs), "no string field 'text' or 'html'")]


# ------------------------------------------------- reliability (docs/reliability.md)
# Each test below runs against a real LocalCluster (worker processes on
# loopback), as `newsclean dask --scheduler` or clean_corpus(scheduler=...).
import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

HTML = ("<html><body><article><p>" + "A sentence about the city budget. " * 20 + "</p></article></body></html>")
_TEXTS = [p.read_text(encoding="utf-8")
          for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*.txt"))]
_CLEANED: dict = {}


def _single_process(rec):
    """clean_record(rec), in this process: the reference a cluster run must
    equal. clean_record reads only the text, html and url fields, so records
    that share them share the result (memoized: the corpora repeat texts)."""
    key = (rec.get("text"), rec.get("html"), rec.get("url"))
    if key not in _CLEANED:
        _CLEANED[key] = clean_record({"text": key[0], "html": key[1], "url": key[2]})["newsclean"]
    return {**rec, "newsclean": _CLEANED[key]}


def _write_parts(folder, n_parts, per_part, tag="r"):
    """n_parts JSONL files of good records; returns their paths and records."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, recs = [], []
    for p in range(n_parts):
        path = folder / f"in-{p}.jsonl"
        part = [{"id": f"{tag}{p}-{i}", "text": _TEXTS[(p * per_part + i) % len(_TEXTS)], "n": [p, i]}
                for i in range(per_part)]
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        paths.append(path)
        recs.extend(part)
    return paths, recs


def _expected(recs):
    return "".join(json.dumps(_single_process(r), ensure_ascii=False) + "\n" for r in recs)


def _output(folder):
    """The parts of an output folder, concatenated in order."""
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("part-*.jsonl")))


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _dask_cli(*args):
    return subprocess.run([sys.executable, "-m", "newsclean", "dask", *map(str, args)], capture_output=True,
                          timeout=180)


def test_bad_lines_cost_only_themselves(client, tmp_path):
    """Invalid JSON, non-UTF-8 bytes, a non-string html field, a JSON array and
    a lone surrogate in the middle of one part of three: each is one error
    line (file:line, as batch gives) and one entry of OUT/_errors.jsonl; the
    good records are cleaned as in a single process; exit 1, no traceback.
    The line numbers are exact when a file is split into many blocks."""
    paths, recs = _write_parts(tmp_path / "in", 3, 8)
    good = recs[:8] + recs[8:11] + recs[11:16] + recs[16:]
    bad = [b"{not json\n", b'{"id": "\xff\xfe"}\n', b'{"id": "h", "html": 5}\n', b"[1, 2]\n",
           b"\n", b'{"id": "s", "text": "fine", "x": "\\ud800"}\n']
    lines = paths[1].read_bytes().splitlines(keepends=True)
    paths[1].write_bytes(b"".join(lines[:3] + bad[:2] + lines[3:6] + bad[2:] + lines[6:]))
    out = tmp_path / "out"
    r = _dask_cli(*paths, "-o", out, "--scheduler", client.scheduler.address)
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert "Traceback" not in err
    p1 = str(paths[1])
    assert err.splitlines()[:5] == [
        f"newsclean: error: {p1}:4: not valid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1))",
        f"newsclean: error: {p1}:5: not valid UTF-8 (invalid start byte at byte 8)",
        f"newsclean: error: {p1}:9: no string field 'text' or 'html'",
        f"newsclean: error: {p1}:10: not a JSON object",
        f"newsclean: error: {p1}:12: cannot be written as UTF-8 (surrogates not allowed)"]
    assert ("newsclean: 29 documents, 5 failed (no text 1, not a JSON object 1, not valid JSON 1, "
            "not valid UTF-8 2)") in err
    assert err.rstrip().endswith(f"newsclean: wrote 3 files to {out}, the failed records to {out}/_errors.jsonl")
    assert sorted(p.name for p in out.iterdir()) == ["_errors.jsonl", "part-00000.jsonl", "part-00001.jsonl",
                                                     "part-00002.jsonl"]
    assert _output(out) == _expected(good)
    errors = [json.loads(x) for x in (out / "_errors.jsonl").read_text().splitlines()]
    assert [(e["file"], e["line"]) for e in errors] == [(p1, 4), (p1, 5), (p1, 9), (p1, 10), (p1, 12)]
    assert errors[0]["record"] == "{not json" and errors[1]["record"] == '{"id": "\\xff\\xfe"}'
    assert not _hidden(tmp_path)

    # Blocks of 2 KiB: every file split, lines counted across the blocks.
    small = tmp_path / "small"
    r2 = _dask_cli(*paths, "-o", small, "--scheduler", client.scheduler.address, "--blocksize", "2KiB")
    assert r2.returncode == 1 and len(list(small.glob("part-*.jsonl"))) > 6
    assert _output(small) == _output(out)
    assert (small / "_errors.jsonl").read_bytes() == (out / "_errors.jsonl").read_bytes()
    assert [x for x in r2.stderr.decode().splitlines() if ": error: " in x] == err.splitlines()[:5]

    # newsclean batch on the same file (without the surrogate line, which batch cannot write):
    # the same good records and the same failing line numbers.
    src = tmp_path / "for-batch.jsonl"
    src.write_bytes(b"".join(x for x in paths[1].read_bytes().splitlines(keepends=True) if b"ud800" not in x))
    b = subprocess.run([sys.executable, "-m", "newsclean", "batch", src, "-o", tmp_path / "b.jsonl", "--jobs", "1"],
                       capture_output=True, timeout=120)
    assert b.returncode == 1
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == (out / "part-00001.jsonl").read_text(encoding="utf-8")
    batch_errors = [json.loads(x) for x in (tmp_path / "b.jsonl.errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in batch_errors] == [4, 5, 9, 10]


def test_an_interrupt_noted_but_swallowed_still_stops_the_run(client, tmp_path):
    """Python drops a KeyboardInterrupt raised inside a callback; the command
    notes the signal too, and clean_corpus asks ``stopped`` before it moves the
    finished folder into place: the previous output stays as it was."""
    from newsclean.distributed import clean_corpus

    paths, _ = _write_parts(tmp_path / "in", 2, 3)
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00000.jsonl").write_text("previous\n")
    with pytest.raises(KeyboardInterrupt):
        clean_corpus([str(p) for p in paths], str(out), scheduler=client.scheduler.address, overwrite=True,
                     stopped=lambda: True)
    assert [x.name for x in out.iterdir()] == ["part-00000.jsonl"]
    assert (out / "part-00000.jsonl").read_text() == "previous\n"
    assert not _hidden(tmp_path)


def test_stale_output_is_refused_or_replaced_whole(client, tmp_path, monkeypatch):
    """Five parts into OUT, then two: refused (exit 2, one line, OUT untouched);
    with --overwrite, OUT holds the second run's two parts and nothing else.
    Where folders cannot be exchanged in one step, two renames do the same."""
    paths, recs = _write_parts(tmp_path / "in", 5, 3)
    out = tmp_path / "out"
    first = _dask_cli(*paths, "-o", out, "--scheduler", client.scheduler.address)
    assert first.returncode == 0, first.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == [f"part-0000{i}.jsonl" for i in range(5)]
    before = _snapshot(out)

    again = _dask_cli(*paths[:2], "-o", out, "--scheduler", client.scheduler.address)
    assert again.returncode == 2
    assert again.stderr.decode() == (f"newsclean: error: {out}: the output folder is not empty "
                                     "(--overwrite replaces it as a whole)\n")
    assert _snapshot(out) == before

    from newsclean.distributed import OutputExistsError, clean_corpus

    with pytest.raises(OutputExistsError):
        clean_corpus([str(p) for p in paths[:2]], str(out), scheduler=client.scheduler.address)
    assert _snapshot(out) == before

    replaced = _dask_cli(*paths[:2], "-o", out, "--scheduler", client.scheduler.address, "--overwrite")
    assert replaced.returncode == 0, replaced.stderr.decode()
    assert "newsclean: 6 documents, 0 failed," in replaced.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]
    assert _output(out) == _expected(recs[:6])
    assert not _hidden(tmp_path)

    import newsclean.distributed as nd

    monkeypatch.setattr(nd, "_exchange", lambda a, b: False)
    res = clean_corpus(str(paths[4]), str(out), scheduler=client.scheduler.address, overwrite=True)
    assert res.files == [str(out / "part-00000.jsonl")] and (res.documents, res.failed) == (3, 0)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl"]
    assert _output(out) == _expected(recs[12:])
    assert not _hidden(tmp_path)


def test_failed_or_interrupted_run_leaves_the_previous_output(client, tmp_path, monkeypatch):
    """A run whose task fails on a worker (its input vanished after the plan),
    and a run interrupted by Ctrl-C, both with --overwrite: the previous
    output is as it was, and the temporary folder is gone."""
    import newsclean.distributed as nd

    paths, recs = _write_parts(tmp_path / "in", 2, 3)
    out = tmp_path / "out"
    nd.clean_corpus([str(p) for p in paths], str(out), scheduler=client.scheduler.address)
    before = _snapshot(out)

    real_plan = nd._plan

    def plan_with_a_vanished_file(files, blocksize):
        units = real_plan(files, blocksize)
        return units + [nd._Unit(len(units), "jsonl", str(tmp_path / "vanished.jsonl"), 0, 100)]

    monkeypatch.setattr(nd, "_plan", plan_with_a_vanished_file)
    with pytest.raises(FileNotFoundError):
        nd.clean_corpus([str(p) for p in paths], str(out), scheduler=client.scheduler.address, overwrite=True)
    monkeypatch.undo()
    assert _snapshot(out) == before
    assert not _hidden(tmp_path)

    # Ctrl-C in the middle of a run of 60 small blocks.
    big, _ = _write_parts(tmp_path / "big", 4, 100, tag="b")
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal
    try:
        p = subprocess.Popen([sys.executable, "-m", "newsclean", "dask", *map(str, big), "-o", str(out),
                              "--scheduler", client.scheduler.address, "--overwrite", "--blocksize", "8KiB"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    finally:
        signal.signal(signal.SIGINT, inherited)
    _wait_for_parts(p, tmp_path, 60)
    p.send_signal(signal.SIGINT)
    try:
        _, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        raise AssertionError("newsclean dask hung after SIGINT")
    assert p.returncode == 130, err.decode()[-2000:]
    assert err.decode().splitlines()[-1] == "newsclean: interrupted" and "Traceback" not in err.decode()
    assert _snapshot(out) == before
    assert not _hidden(tmp_path)


def _wait_for_parts(p, tmp_path, seconds):
    """Until the run is at work (two parts in its temporary folder); it must not have finished."""
    deadline = time.monotonic() + seconds
    while p.poll() is None and time.monotonic() < deadline:
        tmp = [d for d in tmp_path.glob(".out.*.tmp") if d.is_dir()]
        if tmp and len(list(tmp[0].glob("part-*"))) >= 2:
            break
        time.sleep(0.05)
    assert p.poll() is None, "the run finished before it could be interrupted"


def test_ctrl_c_in_a_terminal_on_a_local_cluster(tmp_path):
    """Ctrl-C in a terminal reaches the whole process group: the command and
    the worker processes of its local cluster. Exit 130, one line, no
    traceback (the workers ignore it; the command cancels and closes the
    cluster), the previous output as it was, no temporary folder left."""
    paths, _ = _write_parts(tmp_path / "in", 4, 100, tag="c")
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00000.jsonl").write_text("previous\n")
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal
    try:
        p = subprocess.Popen([sys.executable, "-m", "newsclean", "dask", *map(str, paths), "-o", str(out),
                              "--workers", "2", "--overwrite", "--blocksize", "8KiB"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, inherited)
    _wait_for_parts(p, tmp_path, 90)
    os.killpg(p.pid, signal.SIGINT)
    try:
        _, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        raise AssertionError("newsclean dask hung after Ctrl-C")
    assert p.returncode == 130, err.decode()[-2000:]
    assert err.decode() == "newsclean: interrupted\n"
    assert [x.name for x in out.iterdir()] == ["part-00000.jsonl"] and (out / "part-00000.jsonl").read_text() == "previous\n"
    assert not _hidden(tmp_path)


def test_a_dead_worker_costs_nothing(tmp_path):
    """A worker process SIGKILLed while it cleans: Dask runs its tasks again on
    the other worker (and the one its nanny restarts); the output is the
    single-process result, with no stray file."""
    from distributed import Client, LocalCluster

    from newsclean.distributed import clean_corpus

    paths, recs = _write_parts(tmp_path / "in", 4, 150, tag="d")
    want = _expected(recs)
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, Client(cluster) as c:
        pids = c.run(os.getpid)
        box = {}

        def run():
            try:
                box["result"] = clean_corpus([str(p) for p in paths], str(out), scheduler=cluster.scheduler_address,
                                             blocksize="16KiB")
            except BaseException as e:  # reported by the assertion below
                box["error"] = e

        t = threading.Thread(target=run, daemon=True)
        t.start()
        victim = None
        deadline = time.monotonic() + 90
        while t.is_alive() and time.monotonic() < deadline:  # mid-run: parts written, and a worker at work
            tmp = [d for d in tmp_path.glob(".out.*.tmp") if d.is_dir()]
            busy = [w for w, keys in c.processing().items() if keys and w in pids]
            if tmp and len(list(tmp[0].glob("part-*"))) >= 2 and busy:
                victim = busy[0]
                lost = c.processing(workers=[victim])[victim]
                os.kill(pids[victim], signal.SIGKILL)
                break
            time.sleep(0.02)
        assert victim is not None and t.is_alive(), "the run ended before a worker could be killed"
        assert lost, "the killed worker had no task"
        t.join(120)
        assert not t.is_alive(), "the run did not finish after a worker died"
        assert victim not in c.run(os.getpid)  # the scheduler saw it die (its nanny starts a new one)
    assert "error" not in box, box.get("error")
    res = box["result"]
    assert (res.documents, res.failed) == (600, 0)
    assert _output(out) == want
    assert sorted(p.name for p in out.iterdir()) == [Path(f).name for f in res.files]
    assert not _hidden(tmp_path)


def _parquet_with_bad_rows(path):
    """10 rows in row groups of 4: row 3 has neither text nor html (nulls), the
    text of row 5 is not UTF-8 (a string column whose bytes are not UTF-8, as
    a careless writer leaves it), row 7 has HTML only."""
    import struct

    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [_TEXTS[i].encode("utf-8") for i in range(10)]
    texts[3] = texts[7] = None
    texts[5] = b"\xff\xfe a broken text"
    data = [t or b"" for t in texts]
    offsets = [0]
    for d in data:
        offsets.append(offsets[-1] + len(d))
    validity = pa.array([t is not None for t in texts]).buffers()[1]
    text_col = pa.Array.from_buffers(pa.string(), 10, [validity, pa.py_buffer(struct.pack("<11i", *offsets)),
                                                       pa.py_buffer(b"".join(data))], null_count=2)
    html = [None] * 10
    html[7] = HTML
    table = pa.table({"id": list(range(10)), "text": text_col, "html": pa.array(html, pa.string()),
                      "url": [f"https://example.com/{i}" for i in range(10)]})
    pq.write_table(table, path, row_group_size=4)
    return texts, html


def test_parquet_bad_rows_cost_only_themselves(client, tmp_path):
    """A Parquet file with a row without text, a row whose text is not UTF-8,
    and a second .parquet file that is not Parquet: each is an error line with
    file, row group and row; the other rows are cleaned as in one process."""
    import pyarrow.dataset as ds

    src, junk, out = tmp_path / "crawl.parquet", tmp_path / "junk.parquet", tmp_path / "out"
    texts, html = _parquet_with_bad_rows(src)
    junk.write_bytes(b"this is not parquet\n")
    r = _dask_cli(src, junk, "-o", out, "--scheduler", client.scheduler.address)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err, err
    errs = err.splitlines()
    assert errs[:2] == [f"newsclean: error: {src}: row group 0, row 3: no string field 'text' or 'html'",
                        f"newsclean: error: {src}: row group 1, row 5: field 'text' is not valid UTF-8 "
                        "(invalid start byte at byte 0)"]
    assert errs[2].startswith(f"newsclean: error: {junk}: not a Parquet file (")
    assert "newsclean: 11 documents, 3 failed (no text 1, not valid UTF-8 1, unreadable 1)" in err
    assert sorted(p.name for p in out.iterdir()) == ["_errors.jsonl"] + [f"part-0000{i}.parquet" for i in range(3)]
    table = ds.dataset(str(out), format="parquet").to_table()  # the errors file is skipped (leading _)
    rows = table.to_pylist()
    assert [row["id"] for row in rows] == [0, 1, 2, 4, 6, 7, 8, 9]
    for row in rows:
        i = row["id"]
        want = _single_process({"text": texts[i] and texts[i].decode("utf-8"), "html": html[i],
                                "url": f"https://example.com/{i}"})["newsclean"]
        assert row["clean_text"] == want["text"] and row["title"] == want["title"]
        assert json.loads(row["removed"]) == want["removed"] and json.loads(row["authors"]) == want["authors"]
    errors = [json.loads(x) for x in (out / "_errors.jsonl").read_text().splitlines()]
    assert [(e["file"], e["row_group"], e["row"]) for e in errors] == [(str(src), 0, 3), (str(src), 1, 5),
                                                                     (str(junk), None, None)]
    assert errors[1]["record"] == {"id": 5, "text": "\\xff\\xfe a broken text", "html": None,
                                   "url": "https://example.com/5"}
