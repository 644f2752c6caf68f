"""Instructions per document, counted by valgrind: a noise-free companion to speed.py.

    python benchmarks/instructions.py --data ../shared/bench/article-extraction-benchmark

Wall-clock and CPU times on a shared virtual machine drift by ±30% between
runs minutes apart; the number of instructions a run executes does not (it
varies by about 1% between runs of the same code). For each extractor --
``clean_text`` on the whole-page text (html-text's output, as in speed.py),
``clean_html`` and ``trafilatura.extract`` on the HTML -- a child process is
run under ``valgrind --tool=callgrind`` twice: once loading the pages and
warming up (imports, vocabularies, langdetect's profiles) on every page, once
doing the same and then one more pass over the pages. The difference, divided
by the number of pages, is the cost of one document in a warm process.

Instructions are not time (lxml's C code and Python's interpreter do different
amounts of work per instruction), so the ratios here corroborate speed.py's
ratios, they do not replace them. Needs valgrind and ``pip install -e '.[bench]'``.
Every ``--step``-th page is used (default 4: 46 of 181 pages), since valgrind
runs about 50 times slower than the program.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMES = ("clean_text (whole-page text)", "clean_html", "trafilatura.extract")


def _child(data: str, step: int, name: str, rounds: int) -> None:
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, str(HERE))
    import speed
    from _common import load

    pages = load(Path(data))[::step]
    texts = speed._texts(pages)
    run = speed._runners(pages, texts)[name]
    run()  # warm-up
    for _ in range(rounds):
        run()


def _count(data: str, step: int, name: str, rounds: int) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, __file__, "--child", name, "--rounds", str(rounds), "--data", data, "--step", str(step)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=7200)
    m = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if not m:
        raise SystemExit(f"valgrind gave no count for {name}: {out.stderr[-500:]}")
    return int(m.group(1))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--step", type=int, default=4, help="every N-th page (default 4)")
    ap.add_argument("--only", help="comma-separated extractor names (substring match)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--rounds", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.data, args.step, args.child, args.rounds)
        return 0
    if shutil.which("valgrind") is None:
        print("instructions.py: valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    from _common import header, load

    n = len(load(Path(args.data))[::args.step])
    names = [x for x in NAMES if not args.only or any(o.strip() in x for o in args.only.split(","))]
    per_doc = {}
    for name in names:
        per_doc[name] = (_count(args.data, args.step, name, 1) - _count(args.data, args.step, name, 0)) / n
    print(header("## Instructions per document"))
    print(f"{n} pages (every {args.step}th), valgrind callgrind, one warm pass.\n")
    print("| step | million instructions / doc |")
    print("|---|---:|")
    for name, v in per_doc.items():
        print(f"| {name} | {v / 1e6:.1f} |")
    traf = per_doc.get("trafilatura.extract")
    if traf:
        if "clean_html" in per_doc:
            print(f"\n- clean_html / trafilatura.extract instructions: **{per_doc['clean_html'] / traf:.2f}×**")
        if NAMES[0] in per_doc:
            print(f"- trafilatura.extract / clean_text instructions: **{traf / per_doc[NAMES[0]]:.1f}×**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
