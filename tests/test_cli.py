"""The command line, end to end, as a user runs it (subprocess; a pty for the
terminal-only behaviour)."""
import json
import os
import pty
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_86ec88a044c8f3bf.txt"
SEEDS = ROOT / "seeds"


def run(*args, stdin=None, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "newsclean", *map(str, args)], input=stdin,
                          capture_output=True, timeout=120, env=e)


def run_pty(*args, timeout=60):
    """Run with stdout and stderr on a pseudo-terminal; return everything printed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.executable, [sys.executable, "-m", "newsclean", *map(str, args)])
    out = b""
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif os.waitpid(pid, os.WNOHANG)[0]:
            break
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    return out.decode("utf-8", "replace")


def test_text_output_and_stdin():
    a = run(SEED)
    assert a.returncode == 0
    assert a.stdout.decode().startswith("Russian Foreign Minister Sergey Lavrov")
    b = run("-", stdin=SEED.read_bytes())
    assert b.stdout == a.stdout


def test_formats():
    j = json.loads(run("--format", "json", SEED).stdout)
    assert j["title"].startswith("Miliband") and j["date"] == "2009-11-02"
    assert json.loads(run("--json", SEED).stdout) == j
    line = run("--format", "jsonl", SEED).stdout.decode()
    assert line.count("\n") == 1 and json.loads(line)["text"] == j["text"]
    md = run("--format", "markdown", SEED).stdout.decode()
    assert md.startswith("# Miliband: bilateral differences")


def test_explain_plain_when_piped_coloured_on_a_terminal():
    plain = run("--explain", SEED).stdout.decode()
    assert "\x1b[" not in plain
    assert "{icon: icon.line:" in plain and "[-icon bookmark-bicon" in plain
    tty = run_pty("--explain", SEED)
    assert "\x1b[" in tty and "icon" in tty


def test_explain_html_lists_removals(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Budget approved</title></head><body><article>"
                    "<p>The city council approved a new budget on Tuesday after a long debate about roads.</p>"
                    "<p>Council members said the plan would raise spending on public transport.</p>"
                    "<p>Share this article</p></article></body></html>", encoding="utf-8")
    out = run("--explain", page).stdout.decode()
    assert "--- clean text ---" in out and "approved a new budget" in out


def test_directory_glob_output_dir(tmp_path):
    out = tmp_path / "out"
    r = run("-o", out, "--format", "json", SEEDS, str(SEEDS / "00[01]*.txt"))
    assert r.returncode == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.stem + ".json" for p in SEEDS.glob("*.txt"))
    assert not list(out.glob(".*.tmp"))
    json.loads((out / "003_9aea97d9ac355b1f.json").read_text())


def test_keep_and_only():
    keep = json.loads(run("--json", "--keep", "teaser", SEEDS / "000_2b2bebb269309a40.txt").stdout)
    assert all(r["category"] != "teaser" for r in keep["removed"]) and "FRAUD ALLEGED" in keep["text"]
    only = json.loads(run("--json", "--only", "spam", SEEDS / "004_adab332ab06b8a70.txt").stdout)
    assert {r["category"] for r in only["removed"]} == {"spam"}
    bad = run("--keep", "nonsense", SEED)
    assert bad.returncode == 2 and b"unknown category" in bad.stderr


def test_config_site_rule(tmp_path):
    cfg = tmp_path / "rules.toml"
    cfg.write_text('[detectors]\nteaser = false\n\n[[site]]\ndomain = "example.com"\n'
                   'drop_lines = ["The Sunday Times said Prime Minister Gordon Brown was discreetly backing Miliband."]\n')
    page = SEEDS / "000_2b2bebb269309a40.txt"
    on_site = json.loads(run("--json", "--config", cfg, "--url", "https://news.example.com/a", page).stdout)
    assert "discreetly backing" not in on_site["text"] and "FRAUD ALLEGED" in on_site["text"]
    off_site = json.loads(run("--json", "--config", cfg, "--url", "https://other.org/a", page).stdout)
    assert "discreetly backing" in off_site["text"]


def test_config_file_params(tmp_path):
    """[params] sets rule parameters; an unknown parameter, value or table is a one-line error."""
    page = SEEDS / "004_adab332ab06b8a70.txt"
    base = json.loads(run("--json", page).stdout)
    cfg = tmp_path / "rules.toml"
    cfg.write_text('[params]\n"spam.SPAM_MAX_WORDS" = 1\n')
    changed = json.loads(run("--json", "--config", cfg, page).stdout)
    assert any(r["category"] == "spam" for r in base["removed"])
    spam = [sum(r["category"] == "spam" for r in a["removed"]) for a in (base, changed)]
    assert spam[1] < spam[0]
    for bad, needle in [('[params]\n"spam.NOPE" = 3\n', b"spam.NOPE"),
                        ('[params]\n"spam.MIN_SALES" = "x"\n', b"spam.MIN_SALES"),
                        ('[detektors]\nteaser = false\n', b"detektors")]:
        cfg.write_text(bad)
        r = run("--config", cfg, page)
        assert r.returncode == 2 and r.stderr.count(b"\n") == 1 and needle in r.stderr and b"Traceback" not in r.stderr


@pytest.mark.parametrize("content,needle", [
    (None, b"no such file"),
    (b"\x00\x01\x02binary\x00data" * 10, b"binary file"),
])
def test_bad_inputs_one_line_error(tmp_path, content, needle):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    r = run(path, SEED)
    assert r.returncode == 1
    assert r.stderr.count(b"\n") == 1 and needle in r.stderr and b"Traceback" not in r.stderr
    assert r.stdout.startswith(b"==> ")  # the good input is still cleaned


def test_empty_input_is_not_an_error(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("   \n\n")
    r = run(p)
    assert r.returncode == 0 and r.stdout.strip() == b"" and r.stderr == b""


def test_version_and_help():
    import newsclean

    assert run("--version").stdout.strip() == b"newsclean " + newsclean.__version__.encode()
    assert b"examples:" in run("--help").stdout


# ---------------------------------------------------------------- batch
def _corpus(path, n=30, bad=True):
    seeds = sorted(SEEDS.glob("*.txt"))
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": seeds[i % 5].read_text(encoding="utf-8"), "extra": [i]}) + "\n")
        if bad:
            fh.write("{not json\n")
            fh.write(json.dumps({"id": "no-text"}) + "\n")


def test_batch_passthrough_errors_and_order(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _corpus(src)
    r = run("batch", src, "-o", out, "--jobs", "2")
    assert r.returncode == 1
    assert b"in.jsonl:31: not valid JSON" in r.stderr and b"in.jsonl:32:" in r.stderr
    assert b"30 documents" not in r.stderr and b"32 documents, 2 failed" in r.stderr
    recs = [json.loads(l) for l in out.read_text().splitlines()]
    assert [x["id"] for x in recs] == list(range(30))
    assert all(x["extra"] == [x["id"]] and "newsclean" in x for x in recs)
    errors = [json.loads(l) for l in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [31, 32]
    single = tmp_path / "single.jsonl"
    run("batch", src, "-o", single, "--jobs", "1")
    assert single.read_text() == out.read_text()


def test_batch_progress_only_on_a_terminal(tmp_path):
    src = tmp_path / "in.jsonl"
    _corpus(src, n=20, bad=False)
    piped = run("batch", src, "-o", tmp_path / "a.jsonl", "--jobs", "1")
    assert b"doc/s" not in piped.stderr and b"it/s" not in piped.stderr
    tty = run_pty("batch", src, "-o", tmp_path / "b.jsonl", "--jobs", "1")
    assert "doc" in tty and ("doc/s" in tty or "s/doc" in tty or "20/" in tty or "20doc" in tty)


def test_batch_killed_midway_leaves_no_partial_output(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _corpus(src, n=3000, bad=False)
    p = subprocess.Popen([sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--jobs", "2"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(1.5)
    assert p.poll() is None, "batch finished before it could be interrupted"
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    assert not out.exists()  # never a half-written output
    leftovers = list(tmp_path.glob(".out.jsonl.*.tmp"))
    # a SIGKILLed process cannot clean up; its temporary file is hidden, named, and
    # never mistaken for output
    assert all(x.name.startswith(".") for x in leftovers)


def _take_in_thread(it, got):
    t = threading.Thread(target=lambda: got.extend(it), daemon=True)
    t.start()
    return t


def test_batch_feed_reads_a_bounded_window_ahead():
    from newsclean.cli.batch import _Feed

    lines = ((n, "x" * (3 << 20) if n == 5 else "{}") for n in range(1, 11))
    feed = _Feed(lines, limit=4)
    got = []
    t = _take_in_thread(feed, got)
    time.sleep(0.3)
    assert [n for n, _ in got] == [1, 2, 3, 4]  # four tokens: four small records, then it waits
    assert feed.took(1) == "{}"
    time.sleep(0.3)
    assert [n for n, _ in got] == [1, 2, 3, 4]  # record 5 (3 MiB) costs four tokens
    for n in (2, 3, 4):
        feed.took(n)
    time.sleep(0.3)
    assert [n for n, _ in got][-1] == 5
    for n in range(5, 11):
        time.sleep(0.05)
        feed.took(n)
    t.join(2)
    assert not t.is_alive() and [n for n, _ in got] == list(range(1, 11))


def test_batch_feed_costs_at_most_the_whole_window_and_stops_when_closed():
    from newsclean.cli.batch import _Feed

    feed = _Feed(iter([(1, "x" * (50 << 20)), (2, "{}")]), limit=3)  # 50 MiB: capped at 3 tokens
    got = []
    t = _take_in_thread(feed, got)
    time.sleep(0.3)
    assert [n for n, _ in got] == [1]
    feed.close()  # the reader thread waiting for a token gives up
    t.join(2)
    assert not t.is_alive() and [n for n, _ in got] == [1]


def test_batch_interrupted_exits_130_without_traceback(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _corpus(src, n=3000, bad=False)
    # As from a terminal: the child starts with SIGINT's default action. When the
    # tests themselves run with SIGINT ignored (a background job of a
    # non-interactive shell), a child would inherit the ignore, rightly
    # shrug the signal off and finish with exit 0.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        p = subprocess.Popen([sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--jobs", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    finally:
        signal.signal(signal.SIGINT, inherited)
    # Interrupt it at work: once its temporary output exists (imports done,
    # workers started; a loaded machine may take longer than the usual ~1 s to
    # get there, and an interrupt during Python's own imports prints its
    # traceback), and not before 2 s.
    start = time.monotonic()
    while not list(tmp_path.glob(".out.jsonl.*.tmp")) and p.poll() is None and time.monotonic() < start + 60:
        time.sleep(0.05)
    time.sleep(max(0.5, start + 2 - time.monotonic()))
    assert p.poll() is None, "batch finished before it could be interrupted"
    p.send_signal(signal.SIGINT)
    try:
        _, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        raise AssertionError("batch hung after SIGINT")
    assert p.returncode == 130, f"exit {p.returncode}; stderr: {err[-800:]!r}"
    assert b"Traceback" not in err
    assert not out.exists()


def test_interrupt_while_langdetect_loads_is_an_interrupt(monkeypatch):
    """langdetect's profile loader turns any exception into a
    LangDetectException; a Ctrl-C while it loads (batch loads it before
    starting its workers) must stay a KeyboardInterrupt (exit 130), not become
    a profile error (exit 1 with a traceback, as it was)."""
    import langdetect.detector_factory as ldf

    from newsclean.analysis import language as document

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(document, "_LANGDETECT", None)
    monkeypatch.setattr(ldf, "LangProfile", interrupted)
    with pytest.raises(KeyboardInterrupt):
        document._langdetect_factory()
    assert document._LANGDETECT is None  # nothing half-loaded kept
