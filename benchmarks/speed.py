"""Speed of newsclean against trafilatura, measured in one run on the same pages.

    python benchmarks/speed.py --data ../shared/bench/article-extraction-benchmark

Reports, for ``clean_text`` on each page's whole-page text (``html_text``
output, computed before timing), ``clean_html`` and ``trafilatura.extract`` on
the page's HTML: documents per second (best of ``--repeat`` interleaved
rounds, after a warm-up), the ratios the project targets
(clean_html / trafilatura ≤ 1.15; trafilatura / clean_text ≥ 5), and each
one's peak Python-heap memory (tracemalloc) in a fresh process that runs only
that extractor over all pages (lxml's C allocations are not counted). Also: ``import newsclean`` time and first-call time
(fresh processes, best of 5), and with ``--scaling`` the cost of clean_text on
1×, 2×, 4×, 8× the text (target: 8× the text in at most 16× the time).
With ``--batch``: ``newsclean batch`` on a JSONL corpus of the pages' HTML
repeated 4 times with one worker, and repeated 4 and 16 times (``--batch-scales``)
with every core: documents per second, cores kept busy (CPU time of the
process tree / wall time) and peak memory of the whole process tree (the sum
of the proportional set sizes of the parent and its workers, so pages they
share count once; sampled every 50 ms; Linux /proc), which must not grow
with the number of documents.
Absolute times drift between machines and runs; the ratios are the result.
Needs ``pip install -e '.[bench]'`` (html-text).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import header, load  # noqa: E402


def _texts(pages):
    import html_text

    try:
        from newsclean.text.normalize import decode_bytes
    except ImportError:  # newsclean before the 2026-12-01 layout, for comparisons
        from newsclean.normalize import decode_bytes

    out = []
    for _, html, _, _ in pages:
        try:
            out.append(html_text.extract_text(decode_bytes(html)))
        except UnicodeDecodeError:
            out.append(html_text.extract_text(html.decode("utf-8", "replace")))
    return out


def _runners(pages, texts):
    import trafilatura

    import newsclean

    htmls = [(h, u) for _, h, u, _ in pages]
    return {
        "clean_text (whole-page text)": (lambda: [newsclean.clean_text(t) for t in texts]),
        "clean_html": (lambda: [newsclean.clean_html(h, url=u) for h, u in htmls]),
        "trafilatura.extract": (lambda: [trafilatura.extract(h, url=u) for h, u in htmls]),
    }


def _peak_rss_child(data: str, limit, name: str) -> float:
    """Peak Python-heap memory (MiB, tracemalloc) while extractor ``name`` runs
    over all pages, in a fresh process, after the pages are loaded. lxml's own C
    allocations are not counted; the figure compares the Python-side cost."""
    code = (
        "import sys, tracemalloc, warnings, logging; warnings.simplefilter('ignore'); logging.disable(50);"
        f"sys.path.insert(0, {str(HERE)!r});"
        "from pathlib import Path; import speed; from _common import load;"
        f"pages = load(Path({data!r}), {limit!r}); texts = speed._texts(pages);"
        f"run = speed._runners(pages, texts)[{name!r}]; run();"
        "tracemalloc.start(); run(); print(tracemalloc.get_traced_memory()[1] / 2**20)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return float("nan")


def _fresh(code: str, n: int = 5) -> float:
    best = float("inf")
    for _ in range(n):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def _pss(pid: int, rss: int) -> int:
    """Proportional set size of ``pid`` in bytes: its private pages plus its
    share of pages shared with other processes (a forked worker shares its
    parent's untouched pages); ``rss`` where the kernel has no smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss


def _tree_memory(root: int) -> int:
    """Memory of process ``root`` and all its descendants (Linux /proc), in
    bytes: the sum of their proportional set sizes, so pages a forked worker
    shares with its parent count once (a sum of RSS would count them in each)."""
    parent: dict = {}
    rss: dict = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(d)
        parent[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid, size in rss.items():
        p = pid
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += _pss(pid, size)
    return total


def _batch_run(corpus: Path, jobs: int, out: Path) -> Tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process tree, peak tree memory in MiB) of
    one ``newsclean batch`` run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", "batch", str(corpus), "-o", str(out),
                             "--jobs", str(jobs), "--progress", "never"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_memory(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"newsclean batch exited with {proc.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak / 2**20


def _batch(pages, scales: Tuple[int, ...] = (4, 16)) -> None:
    """``newsclean batch`` over the pages' HTML as JSONL: 4 times the corpus with 1
    worker, then each of ``scales`` times the corpus with every core."""
    import json
    import tempfile

    try:
        from newsclean.text.normalize import decode_bytes
    except ImportError:  # newsclean before the 2026-12-01 layout, for comparisons
        from newsclean.normalize import decode_bytes

    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        lines = []
        for pid, html, url, _ in pages:
            try:
                text = decode_bytes(html)
            except UnicodeDecodeError:
                text = html.decode("utf-8", "replace")
            lines.append(json.dumps({"id": pid, "url": url, "html": text}, ensure_ascii=False))
        rows = []
        # 4 times the corpus and more: far beyond the records the parent reads
        # ahead (newsclean.batch.AHEAD_TOKENS per worker), so memory has had
        # time to reach its plateau; larger scales show whether it stays there.
        for times, jobs in ((4, 1),) + tuple((t, cores) for t in scales):
            corpus = Path(tmp) / f"corpus{times}.jsonl"
            if not corpus.exists():
                with open(corpus, "w", encoding="utf-8") as fh:
                    for _ in range(times):
                        fh.write("\n".join(lines) + "\n")
            wall, cpu, peak = _batch_run(corpus, jobs, Path(tmp) / "out.jsonl")
            rows.append((len(lines) * times, jobs, wall, cpu, peak))
    print(f"\n`newsclean batch` on the pages' HTML as JSONL ({cores} CPUs; wall time, so noisier than the table above):\n")
    print("| documents | workers | docs/s | cores busy (CPU s / wall s) | peak memory of the process tree (MiB, sum of PSS) |")
    print("|---:|---:|---:|---:|---:|")
    for docs, jobs, wall, cpu, peak in rows:
        print(f"| {docs:,} | {jobs} | {docs / wall:.1f} | {cpu / wall:.2f} | {peak:.0f} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--repeat", type=int, default=5, help="interleaved timing rounds (best is kept)")
    ap.add_argument("--limit", type=int, help="first N pages only")
    ap.add_argument("--scaling", action="store_true", help="also measure clean_text on 1x..8x text")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    ap.add_argument("--batch", action="store_true",
                    help="also run `newsclean batch` on 4x the corpus with 1 worker, and with every core "
                         "on each of --batch-scales times the corpus")
    ap.add_argument("--batch-scales", default="4,16",
                    help="comma-separated corpus multiples for the every-core batch runs (default 4,16)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)

    pages = load(args.data, args.limit)
    texts = _texts(pages)
    runners = _runners(pages, texts)
    for fn in runners.values():  # warm-up: imports, lazy vocabularies, langdetect profiles
        fn()
    best = {k: float("inf") for k in runners}
    for _ in range(args.repeat):
        for name, fn in runners.items():
            t0 = time.process_time()  # CPU time of this process: less noise from the neighbours
            fn()
            best[name] = min(best[name], time.process_time() - t0)
    n = len(pages)
    mem = {}
    if not args.no_memory:
        for name in runners:
            mem[name] = _peak_rss_child(str(args.data), args.limit, name)

    print(header("## Speed"))
    print(f"{n} pages, CPU time, best of {args.repeat} interleaved rounds, {os.cpu_count()} CPUs, one process.\n")
    print("| step | docs/s | ms/doc | peak Python heap while running (MiB, tracemalloc, own process) |")
    print("|---|---:|---:|---:|")
    for name, secs in best.items():
        m = f"{mem[name]:.0f}" if name in mem else "-"
        print(f"| {name} | {n / secs:.1f} | {1000 * secs / n:.2f} | {m} |")
    traf, html, text = best["trafilatura.extract"], best["clean_html"], best["clean_text (whole-page text)"]
    print(f"\n- clean_html / trafilatura.extract time: **{html / traf:.2f}×** (target ≤ 1.15)")
    print(f"- trafilatura.extract / clean_text time: **{traf / text:.1f}×** (target ≥ 5)")

    imp = _fresh("import time; t=time.perf_counter(); import newsclean; print(time.perf_counter()-t)")
    first_text = _fresh(
        "import time; t=time.perf_counter(); import newsclean; "
        "newsclean.clean_text(open(%r, encoding='utf-8').read()); print(time.perf_counter()-t)"
        % str(HERE.parent / "seeds" / "002_86ec88a044c8f3bf.txt"))
    print(f"- import newsclean: {1000 * imp:.0f} ms; import + first clean_text (seed 002): {1000 * first_text:.0f} ms "
          "(fresh processes, best of 5)")

    if args.scaling:
        import newsclean

        base = "\n\n".join(texts[: min(20, len(texts))])
        times = {}
        for k in (1, 2, 4, 8):
            doc = "\n\n".join([base] * k)
            t0 = time.perf_counter()
            newsclean.clean_text(doc)
            times[k] = time.perf_counter() - t0
        print(f"- scaling, clean_text on {len(base):,} chars × k: " +
              ", ".join(f"{k}×: {times[k]:.3f} s" for k in times) +
              f"; 8×/1× = **{times[8] / times[1]:.1f}** (target ≤ 16)")
    if args.batch:
        _batch(pages, tuple(int(x) for x in args.batch_scales.split(",") if x.strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
