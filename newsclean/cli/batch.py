"""``newsclean batch``: clean a JSONL corpus (or a folder of files) with every core.

    newsclean batch crawl.jsonl -o clean.jsonl --jobs 4
    newsclean batch pages/ -o clean/ --format json

JSONL: each input line is a JSON object; the text is read from ``--text-field``
(default ``text``) or, if that is absent, HTML from ``--html-field`` (default
``html``), with the page URL from ``--url-field`` (default ``url``). Every other
field is passed through untouched; the result is added under the key
``newsclean`` (or, with ``--flat``, as top-level ``clean_text``, ``title``,
``date`` ... fields). Records come out in input order.

A record that fails (bad JSON, no text field, an exception) is reported on
stderr with its line number and written to ``OUT.errors.jsonl``; the batch goes
on. Outputs are written to a temporary file and renamed when the batch ends,
so an interrupted batch leaves no half-written output. Memory stays flat: the
input is streamed, workers get small chunks. Exit code 1 if any record failed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from tqdm import tqdm

from ..analysis.language import _langdetect_factory
from ..config import Config
from ..pipeline import clean_html, clean_text
from .common import (EXIT_FAILED, EXIT_OK, EXIT_USAGE, EXTENSIONS, FORMATS, InputError, build_config, category_arg,
                     clean_bytes, expand_inputs, host_of, load_config_file, render, write_atomic)

_STATE: dict = {}
#: Input read ahead of the results written, in tokens per worker: a record
#: costs one token and one more per whole MiB, so at most this many records
#: and this many MiB of input are held.
AHEAD_TOKENS = 64
FLAT_KEYS = ("title", "date", "language", "dateline", "source", "authors", "paywalled", "low_confidence")


def _init(args_dict: dict, file_cfg: dict) -> None:
    ns = argparse.Namespace(**args_dict)
    _STATE["args"] = ns
    _STATE["file_cfg"] = file_cfg
    _STATE["base"] = build_config(ns, file_cfg, None)
    _STATE["by_host"] = {}


def _config_for(url: Optional[str]) -> Config:
    fc = _STATE["file_cfg"]
    if not url or not fc.get("site"):
        return _STATE["base"]
    host = host_of(url)
    cfg = _STATE["by_host"].get(host)
    if cfg is None:
        cfg = build_config(_STATE["args"], fc, url)
        if len(_STATE["by_host"]) < 10_000:
            _STATE["by_host"][host] = cfg
    return cfg


def clean_record(item: Tuple[int, str]) -> Tuple[int, Optional[str], Optional[str], Dict[str, int]]:
    """(line number, output line or None, error or None, removals by category)."""
    lineno, line = item
    a = _STATE["args"]
    try:
        rec = json.loads(line)
    except ValueError as e:
        return lineno, None, f"not valid JSON ({e})", {}
    if not isinstance(rec, dict):
        return lineno, None, "not a JSON object", {}
    url = rec.get(a.url_field) if isinstance(rec.get(a.url_field), str) else None
    try:
        cfg = _config_for(url)
        if isinstance(rec.get(a.text_field), str):
            art = clean_text(rec[a.text_field], config=cfg)
            art.url = url
        elif isinstance(rec.get(a.html_field), str):
            art = clean_html(rec[a.html_field], url=url, config=cfg)
        else:
            return lineno, None, f"no string field {a.text_field!r} or {a.html_field!r}", {}
    except Exception as e:  # one bad record never stops the batch
        return lineno, None, f"{type(e).__name__}: {e}", {}
    if a.flat:
        rec["clean_text"] = art.text
        for k in FLAT_KEYS:
            rec[k] = getattr(art, k)
        rec["removed"] = [r.to_dict() for r in art.removed]
    else:
        rec["newsclean"] = art.to_dict()
    return lineno, json.dumps(rec, ensure_ascii=False), None, art.removed_by_category()


def clean_file(item: Tuple[str, str]) -> Tuple[str, Optional[str], Optional[str], Dict[str, int]]:
    path, name = item
    a = _STATE["args"]
    try:
        with open(path, "rb") as fh:
            data = fh.read(_STATE["base"].max_chars + 1)
        if len(data) > _STATE["base"].max_chars:
            raise InputError("too large")
        art, _ = clean_bytes(data, _STATE["base"], a.mode, None)
        target = Path(a.output) / Path(name).with_suffix(EXTENSIONS[a.format])
        write_atomic(target, render(art, a.format))
        return path, str(target), None, art.removed_by_category()
    except InputError as e:
        return path, None, str(e), {}
    except Exception as e:
        return path, None, f"{type(e).__name__}: {e}", {}


class _Feed:
    """The input records for ``Pool.imap``, read at most ``limit`` tokens ahead
    of the results the main thread has taken (:meth:`took`). ``Pool.imap``
    reads its input in a thread of its own as fast as it can; this iterator
    makes that thread wait, so the parent holds a bounded, sliding window of
    records (no pause at a window's end while the last chunk finishes).
    A record costs ``1 + len(line) // 1 MiB`` tokens, at most ``limit``. Each
    record's line is held until its result is taken (for the error file)."""

    def __init__(self, lines: Iterator[Tuple[int, str]], limit: int) -> None:
        self._lines = lines
        self._limit = limit
        self._sem = threading.Semaphore(limit)
        self._closed = False
        self._held: Dict[int, Tuple[int, str]] = {}  # record number -> (tokens, line)

    def __iter__(self) -> Iterator[Tuple[int, str]]:
        for n, line in self._lines:
            cost = min(self._limit, 1 + (len(line) >> 20))
            for _ in range(cost):
                while not self._sem.acquire(timeout=0.1):
                    if self._closed:
                        return
            if self._closed:
                return
            self._held[n] = (cost, line)
            yield n, line

    def took(self, n: int) -> str:
        """The result for record ``n`` was taken: free its tokens; its line."""
        cost, line = self._held.pop(n, (0, ""))
        for _ in range(cost):
            self._sem.release()
        return line

    def close(self) -> None:
        """Stop feeding (the pool is about to be terminated)."""
        self._closed = True


def _lines(path: str) -> Iterator[Tuple[int, str]]:
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
    try:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield n, line
    finally:
        if fh is not sys.stdin:
            fh.close()


def _progress(total: Optional[int], mode: str, unit: str):
    show = mode == "always" or (mode == "auto" and sys.stderr.isatty())
    if not show:
        return None
    # A terminal that reports no size (a fresh pty: 0 x 0) would make tqdm hide the bar.
    size = shutil.get_terminal_size((80, 24))
    return tqdm(total=total, unit=unit, file=sys.stderr, ncols=min(size.columns or 80, 120),
                nrows=size.lines or 24, smoothing=0.1)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsclean batch", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSONL file, - for stdin, or a folder of files")
    ap.add_argument("-o", "--output", required=True, help="output JSONL file (or folder, for a folder input)")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--html-field", default="html")
    ap.add_argument("--url-field", default="url")
    ap.add_argument("--flat", action="store_true", help="add result fields at top level instead of under 'newsclean'")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    ap.add_argument("--errors", help="errors file (default: OUTPUT.errors.jsonl)")
    ap.add_argument("--format", choices=FORMATS, default="json", help="per-file format for a folder input")
    ap.add_argument("--progress", choices=("auto", "always", "never"), default="auto")
    ap.add_argument("--keep", action="append", type=category_arg, metavar="CATEGORY")
    ap.add_argument("--only", action="append", type=category_arg, metavar="CATEGORY")
    ap.add_argument("--config", metavar="FILE")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_const", const="html", dest="mode")
    kind.add_argument("--text", action="store_const", const="text", dest="mode")
    ap.set_defaults(mode="auto")
    return ap


def main(argv: List[str]) -> int:
    args = parser().parse_args(argv)
    try:
        file_cfg = load_config_file(args.config) if args.config else {}
        build_config(args, file_cfg, None)
    except InputError as e:
        print(f"newsclean: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    if args.input != "-" and not os.path.exists(args.input):
        print(f"newsclean: error: {args.input}: no such file", file=sys.stderr)
        return EXIT_USAGE
    jobs = max(1, args.jobs)
    t0 = time.perf_counter()
    counts: Counter = Counter()
    docs = failed = 0
    ctx = get_context("spawn" if sys.platform == "win32" else "fork")
    init_args = (vars(args), file_cfg)
    if jobs > 1 and ctx.get_start_method() == "fork":
        # langdetect's profiles (~70 MiB), loaded once here, are shared by the
        # forked workers instead of loaded by each (see _langdetect_factory).
        _langdetect_factory()
    pool = ctx.Pool(jobs, initializer=_init, initargs=init_args) if jobs > 1 else None
    if pool is None:
        _init(*init_args)
    imap = pool.imap if pool is not None else map
    out_path = Path(args.output)
    try:
        if os.path.isdir(args.input):
            items = [(p, n) for p, n, err in expand_inputs([args.input]) if not err]
            bar = _progress(len(items), args.progress, "file")
            kw = {"chunksize": 4} if pool is not None else {}
            for path, target, err, c in imap(clean_file, items, **kw):
                docs += 1
                if err:
                    failed += 1
                    print(f"newsclean: error: {path}: {err}", file=sys.stderr)
                counts.update(c)
                if bar is not None:
                    bar.update(1)
            if bar is not None:
                bar.close()
        else:
            err_path = Path(args.errors) if args.errors else out_path.with_name(out_path.name + ".errors.jsonl")
            out_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix="." + out_path.name + ".", suffix=".tmp", dir=str(out_path.parent))
            efd, etmp = tempfile.mkstemp(prefix="." + err_path.name + ".", suffix=".tmp", dir=str(err_path.parent))
            try:
                bar = _progress(None, args.progress, "doc")
                with os.fdopen(fd, "w", encoding="utf-8") as out, os.fdopen(efd, "w", encoding="utf-8") as errs:
                    # Streamed: the parent holds a bounded, sliding window of
                    # records (Pool.imap alone would read the whole input ahead).
                    if pool is not None:
                        feed = _Feed(_lines(args.input), AHEAD_TOKENS * jobs)
                        results = ((r, feed.took(r[0])) for r in pool.imap(clean_record, feed, chunksize=4))
                    else:
                        feed = None
                        results = ((clean_record(item), item[1]) for item in _lines(args.input))
                    try:
                        for (n, line, err, c), orig in results:
                            docs += 1
                            if err:
                                failed += 1
                                print(f"newsclean: error: {args.input}:{n}: {err}", file=sys.stderr)
                                errs.write(json.dumps({"line": n, "error": err, "record": orig.rstrip("\n")},
                                                      ensure_ascii=False) + "\n")
                            elif line is not None:
                                out.write(line + "\n")
                            counts.update(c)
                            if bar is not None:
                                bar.update(1)
                    finally:
                        if feed is not None:
                            feed.close()
                if bar is not None:
                    bar.close()
                os.replace(tmp, out_path)
                if failed:
                    os.replace(etmp, err_path)
                else:
                    os.unlink(etmp)
            except BaseException:
                for t in (tmp, etmp):
                    try:
                        os.unlink(t)
                    except OSError:
                        pass
                raise
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    print(summary(docs, failed, time.perf_counter() - t0, counts), file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def summary(docs: int, failed: int, secs: float, removed: Dict[str, int],
            failures: Optional[Dict[str, int]] = None) -> str:
    """The line that ends a run (``batch`` and ``dask``): documents, failures
    (by kind, when given), time, removals per category."""
    why = ""
    if failures:
        why = " (" + ", ".join(f"{k} {v}" for k, v in sorted(failures.items())) + ")"
    rm = ", ".join(f"{k} {v}" for k, v in sorted(removed.items())) or "none"
    return (f"newsclean: {docs} documents, {failed} failed{why}, {secs:.1f} s "
            f"({docs / secs if secs else 0:.1f} docs/s); removed: {rm}")
