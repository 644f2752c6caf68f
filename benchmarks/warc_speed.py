"""WARC input: records per second reading alone (FastWARC and warcio, the
same file), and ``newsclean batch`` end to end on it.

    python benchmarks/warc_speed.py --data ../shared/bench/article-extraction-benchmark --times 8

The WARC file is built in a temporary folder from the benchmark's pages
(``--times`` copies of each, one gzip member per record, a request record
before each response, as Common Crawl writes them). Reading alone: every
record iterated and its block read (and, for the HTML responses, the HTTP
headers parsed), best of 3. End to end (``--end-to-end``): ``newsclean
batch FILE -o OUT --jobs N`` (and, with ``--dask``, ``newsclean dask FILE
-o DIR --workers N``, its local cluster started and closed inside the
time), wall time, and peak memory (the process tree's resident set,
sampled; Linux /proc).
Needs ``pip install -e '.[warc,bench]'`` (warcio for the comparison).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import header, load  # noqa: E402
from _warc import pages_of, write_warc  # noqa: E402


def read_fastwarc(path: str) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with open(path, "rb") as fh:
        for r in ArchiveIterator(fh, record_types=WarcRecordType.any_type, parse_http=True):
            r.reader.read()
            n += 1
    return n


def read_warcio(path: str) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as fh:
        for r in ArchiveIterator(fh):
            r.content_stream().read()
            n += 1
    return n


def read_newsclean(path: str) -> int:
    from newsclean.corpus.warc import read_warc

    return sum(1 for _ in read_warc(path))


def rss_tree(pid: int) -> int:
    """Resident set of a process and its children, in bytes."""
    total = 0
    for p in [pid] + _children(pid):
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def _children(pid: int):
    """Every descendant, whichever thread started it (a Dask local cluster
    starts its worker processes from its event loop's thread, which
    /proc/PID/task/PID/children does not list)."""
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            kids = open(f"/proc/{pid}/task/{tid}/children").read().split()
        except OSError:
            continue
        for c in kids:
            out += [int(c)] + _children(int(c))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--times", type=int, nargs="+", default=[8])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--end-to-end", action="store_true")
    ap.add_argument("--dedup", action="store_true", help="end to end with --dedup")
    ap.add_argument("--dask", action="store_true",
                    help="end to end with `newsclean dask` too (a local cluster of --jobs workers)")
    args = ap.parse_args()
    items = load(args.data)
    print(header("## WARC input"))
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.times:
            path = os.path.join(tmp, f"crawl{times}.warc.gz")
            with open(path, "wb") as fh:
                records = write_warc(fh, pages_of(items, times))
            print(f"\n- {records} records ({len(items) * times} HTML responses), {os.path.getsize(path) / 2**20:.1f} MiB")
            if times == args.times[0]:
                for name, fn in (("FastWARC", read_fastwarc), ("warcio", read_warcio),
                                 ("newsclean.corpus.warc.read_warc (FastWARC)", read_newsclean)):
                    best = min(_timed(fn, path) for _ in range(3))
                    print(f"- reading alone, {name}: {records / best:,.0f} records/s")
            if args.end_to_end:
                runs = [("batch", ["-o", os.path.join(tmp, f"out{times}.jsonl"), "--jobs", str(args.jobs)])]
                if args.dask:
                    runs.append(("dask", ["-o", os.path.join(tmp, f"out{times}"), "--workers", str(args.jobs)]))
                for command, opts in runs:
                    cmd = ([sys.executable, "-m", "newsclean", command, path] + opts + ["--progress", "never"]
                           + (["--dedup"] if args.dedup else []))
                    t0 = time.perf_counter()
                    p = subprocess.Popen(cmd, stderr=subprocess.PIPE)
                    peak = 0
                    while p.poll() is None:
                        peak = max(peak, rss_tree(p.pid))
                        time.sleep(0.05)
                    secs = time.perf_counter() - t0
                    err = p.stderr.read().decode() if p.stderr else ""
                    summary = [x for x in err.strip().splitlines() if " documents, " in x]
                    print(f"- end to end, `newsclean {command} {' '.join(opts[2:])}{' --dedup' if args.dedup else ''}`: "
                          f"{len(items) * times / secs:.1f} docs/s ({secs:.0f} s), peak resident memory of the "
                          f"process tree {peak / 2**20:.0f} MiB; exit {p.returncode}; "
                          f"{summary[-1] if summary else err.strip()[-300:]}")


def _timed(fn, path) -> float:
    t = time.perf_counter()
    fn(path)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
