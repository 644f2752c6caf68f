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
import glob
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
from typing import Any, Dict, Iterator, List, Optional, Tuple

from tqdm import tqdm

from ..analysis.language import _langdetect_factory
from ..config import Config
from ..corpus import dedup, siteboiler, warc
from ..pipeline import clean_html, clean_text
from .common import (EXIT_FAILED, EXIT_OK, EXIT_USAGE, EXTENSIONS, FORMATS, InputError, build_config, category_arg,
                     clean_bytes, expand_inputs, host_of, load_config_file, render, write_atomic)

_STATE: dict = {}
#: Input read ahead of the results written, in tokens per worker: a record
#: costs one token and one more per whole MiB, so at most this many records
#: and this many MiB of input are held.
AHEAD_TOKENS = 64
FLAT_KEYS = ("title", "date", "language", "dateline", "source", "authors", "paywalled", "low_confidence")


def _init(args_dict: dict, file_cfg: dict, learned: Optional[dict] = None, learning: bool = False) -> None:
    """A worker's state. ``learned``: the site boilerplate learned by the
    first pass, by host; ``learning``: this is the first pass (the results
    are the keys of each page's lines)."""
    ns = argparse.Namespace(**args_dict)
    _STATE["args"] = ns
    _STATE["file_cfg"] = file_cfg
    _STATE["base"] = build_config(ns, file_cfg, None)
    _STATE["by_host"] = {}
    _STATE["learned"] = learned or {}
    _STATE["learning"] = learning


def _config_for(url: Optional[str]) -> Config:
    fc = _STATE["file_cfg"]
    learned = _STATE["learned"]
    if not url or not (fc.get("site") or learned):
        return _STATE["base"]
    host = host_of(url)
    cfg = _STATE["by_host"].get(host)
    if cfg is None:
        cfg = build_config(_STATE["args"], fc, url) if fc.get("site") else _STATE["base"]
        if host in learned:
            cfg = cfg.replace(site_lines=learned[host])
        if len(_STATE["by_host"]) < 10_000:
            _STATE["by_host"][host] = cfg
    return cfg


Result = Tuple[int, Optional[str], Optional[str], Dict[str, int], Dict[str, Any]]


def clean_record(item: Tuple[int, Any]) -> Result:
    """(record number, output line or None, error or None, removals by
    category, extras: ``skip`` reason of a WARC record that is not an HTML
    response, ``sig`` the MinHash signature with ``--dedup``)."""
    n, payload = item
    a = _STATE["args"]
    if isinstance(payload, warc.Skipped):
        return n, None, None, {}, {"skip": payload.reason}
    if isinstance(payload, warc.Broken):
        return n, None, payload.error, {}, {"broken": True}
    if isinstance(payload, warc.Page):
        rec = warc.record_fields(payload, a.url_field)
        url = payload.url
        try:
            art = clean_html(warc.decode_page(payload), url=url, config=_config_for(url))
        except Exception as e:  # one bad record never stops the batch
            return n, None, f"{type(e).__name__}: {e}", {}, {}
    else:
        try:
            rec = json.loads(payload)
        except ValueError as e:
            return n, None, f"not valid JSON ({e})", {}, {}
        if not isinstance(rec, dict):
            return n, None, "not a JSON object", {}, {}
        url = rec.get(a.url_field) if isinstance(rec.get(a.url_field), str) else None
        try:
            cfg = _config_for(url)
            if isinstance(rec.get(a.text_field), str):
                art = clean_text(rec[a.text_field], config=cfg)
                art.url = url
            elif isinstance(rec.get(a.html_field), str):
                art = clean_html(rec[a.html_field], url=url, config=cfg)
            else:
                return n, None, f"no string field {a.text_field!r} or {a.html_field!r}", {}, {}
        except Exception as e:  # one bad record never stops the batch
            return n, None, f"{type(e).__name__}: {e}", {}, {}
    extra: Dict[str, Any] = {}
    if _STATE["learning"]:
        return n, None, None, {}, {"host": host_of(url) if url else "", "keys": siteboiler.article_keys(art)}
    result = rec if a.flat else {}
    if a.flat:
        rec["clean_text"] = art.text
        for k in FLAT_KEYS:
            rec[k] = getattr(art, k)
        rec["removed"] = [r.to_dict() for r in art.removed]
    else:
        result = rec["newsclean"] = art.to_dict()
    if a.dedup:
        extra["sig"] = dedup.signature(art.text)
        result["fingerprint"] = dedup.fingerprint(extra["sig"])
        result["duplicate_of"] = None
    return n, json.dumps(rec, ensure_ascii=False), None, art.removed_by_category(), extra


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

    def __init__(self, lines: Iterator[Tuple[int, Any]], limit: int) -> None:
        self._lines = lines
        self._limit = limit
        self._sem = threading.Semaphore(limit)
        self._closed = False
        self._held: Dict[int, Tuple[int, Any]] = {}  # record number -> (tokens, line)

    def __iter__(self) -> Iterator[Tuple[int, Any]]:
        for n, line in self._lines:
            cost = min(self._limit, 1 + (_size(line) >> 20))
            for _ in range(cost):
                while not self._sem.acquire(timeout=0.1):
                    if self._closed:
                        return
            if self._closed:
                return
            self._held[n] = (cost, line)
            yield n, line

    def took(self, n: int) -> Any:
        """The result for record ``n`` was taken: free its tokens; its line."""
        cost, line = self._held.pop(n, (0, ""))
        for _ in range(cost):
            self._sem.release()
        return line

    def close(self) -> None:
        """Stop feeding (the pool is about to be terminated)."""
        self._closed = True


def _size(payload: Any) -> int:
    """Bytes of input a record holds (a JSONL line, a WARC response)."""
    if isinstance(payload, str):
        return len(payload)
    return len(payload.body) if isinstance(payload, warc.Page) else 0


def _warc_records(files: List[str]) -> Iterator[Tuple[int, Any]]:
    """Every record of the WARC files, numbered from 1, in order."""
    n = 0
    for path in files:
        for item in warc.read_warc(path):
            n += 1
            yield n, item


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
    ap.add_argument("input", nargs="+", help="JSONL file, - for stdin, a folder of files, "
                    "or WARC files (.warc, .warc.gz; paths or globs)")
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
    ap.add_argument("--learn-site-boilerplate", action="store_true",
                    help="a first pass learns the lines each site repeats on many pages; the second removes them "
                         "(boilerplate.site_learned)")
    ap.add_argument("--dedup", action="store_true",
                    help="mark near-duplicates across documents: fingerprint and duplicate_of in each record")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_const", const="html", dest="mode")
    kind.add_argument("--text", action="store_const", const="text", dest="mode")
    ap.set_defaults(mode="auto")
    return ap


def _usage(msg: str) -> int:
    print(f"newsclean: error: {msg}", file=sys.stderr)
    return EXIT_USAGE


def _warc_inputs(inputs: List[str]) -> Optional[List[str]]:
    """The WARC files the inputs name (globs expanded, in order), None when
    the inputs are not WARC; raises InputError for a bad mix or no match."""
    files: List[str] = []
    for item in inputs:
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matched = sorted(glob.glob(item, recursive=True))
            if not matched:
                raise InputError(f"{item}: no file matches this pattern")
            files.extend(m for m in matched if os.path.isfile(m))
        else:
            files.append(item)
    kinds = {warc.is_warc(f) for f in files}
    if kinds == {False}:
        return None
    if len(kinds) > 1:
        raise InputError("the inputs mix WARC and other files: give one kind per run")
    for f in files:
        if not os.path.isfile(f):
            raise InputError(f"{f}: no such file")
    return files


def main(argv: List[str]) -> int:
    args = parser().parse_args(argv)
    try:
        file_cfg = load_config_file(args.config) if args.config else {}
        build_config(args, file_cfg, None)
        warc_files = _warc_inputs(args.input)
    except InputError as e:
        return _usage(str(e))
    if warc_files is None:
        if len(args.input) > 1:
            return _usage("give one JSONL file, - or folder (several inputs: WARC files only)")
        args.input = args.input[0]
        if args.input != "-" and not os.path.exists(args.input):
            return _usage(f"{args.input}: no such file")
    else:
        args.input = warc_files[0] if len(warc_files) == 1 else f"{len(warc_files)} WARC files"
        try:
            import fastwarc  # noqa: F401  # (optional extra: checked here, used by newsclean.corpus.warc)
        except ImportError:
            return _usage("WARC input needs the warc extra (pip install 'newsclean[warc]')")
    if args.dedup:
        try:
            import datasketch  # noqa: F401  # (optional extra, as above)
        except ImportError:
            return _usage("--dedup needs the dedup extra (pip install 'newsclean[dedup]')")
        if warc_files is None and os.path.isdir(args.input):
            return _usage("--dedup works on a JSONL or WARC corpus, not a folder of files")
    if args.learn_site_boilerplate and warc_files is None and (args.input == "-" or os.path.isdir(args.input)):
        return _usage("--learn-site-boilerplate reads the input twice: give a JSONL or WARC file, not - or a folder")
    jobs = max(1, args.jobs)
    t0 = time.perf_counter()
    learned = _learn(args, file_cfg, warc_files, jobs) if args.learn_site_boilerplate else None
    counts: Counter = Counter()
    skipped: Counter = Counter()
    docs = failed = 0
    dups: Optional[Dict[int, int]] = None
    ctx = get_context("spawn" if sys.platform == "win32" else "fork")
    init_args = (vars(args), file_cfg, learned)
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
        if warc_files is None and os.path.isdir(args.input):
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
            dd = dedup.Deduplicator(tmpdir=str(out_path.parent)) if args.dedup else None
            tmp2 = None
            try:
                bar = _progress(None, args.progress, "doc")
                records = _warc_records(warc_files) if warc_files is not None else _lines(args.input)
                with os.fdopen(fd, "w", encoding="utf-8") as out, os.fdopen(efd, "w", encoding="utf-8") as errs:
                    # Streamed: the parent holds a bounded, sliding window of
                    # records (Pool.imap alone would read the whole input ahead).
                    if pool is not None:
                        feed = _Feed(records, AHEAD_TOKENS * jobs)
                        results = ((r, feed.took(r[0])) for r in pool.imap(clean_record, feed, chunksize=4))
                    else:
                        feed = None
                        results = ((clean_record(item), item[1]) for item in records)
                    try:
                        for (n, line, err, c, extra), orig in results:
                            if "skip" in extra:
                                skipped[extra["skip"]] += 1
                                continue
                            docs += 1
                            if err:
                                failed += 1
                                if isinstance(orig, str):
                                    print(f"newsclean: error: {args.input}:{n}: {err}", file=sys.stderr)
                                    entry: Dict[str, Any] = {"line": n, "error": err, "record": orig.rstrip("\n")}
                                else:
                                    print(f"newsclean: error: {orig.file}: offset {orig.offset}: {err}",
                                          file=sys.stderr)
                                    entry = {"file": orig.file, "offset": orig.offset, "error": err}
                                errs.write(json.dumps(entry, ensure_ascii=False) + "\n")
                            elif line is not None:
                                out.write(line + "\n")
                                if dd is not None:
                                    dd.add(extra.get("sig"))
                            counts.update(c)
                            if bar is not None:
                                bar.update(1)
                    finally:
                        if feed is not None:
                            feed.close()
                if bar is not None:
                    bar.close()
                if dd is not None:
                    dups = dd.clusters()
                    fd2, tmp2 = tempfile.mkstemp(prefix="." + out_path.name + ".", suffix=".tmp",
                                                 dir=str(out_path.parent))
                    with open(tmp, encoding="utf-8") as src, os.fdopen(fd2, "w", encoding="utf-8") as dst:
                        _mark_duplicates(src, dst, dups, args)
                    os.replace(tmp2, tmp)
                os.replace(tmp, out_path)
                if failed:
                    os.replace(etmp, err_path)
                else:
                    os.unlink(etmp)
            except BaseException:
                for t in (tmp, etmp, tmp2):
                    try:
                        if t is not None:
                            os.unlink(t)
                    except OSError:
                        pass
                raise
            finally:
                if dd is not None:
                    dd.close()
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    line = summary(docs, failed, time.perf_counter() - t0, counts, skipped=skipped)
    if dups is not None:
        line += f"; near-duplicates: {len(dups)} records in {len(set(dups.values()))} clusters"
    print(line, file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _learn(args: argparse.Namespace, file_cfg: dict, warc_files: Optional[List[str]], jobs: int) -> dict:
    """The first pass of --learn-site-boilerplate: every record cleaned as
    usual, the lines of its text counted per host (in input order, so the
    result is the same with any number of jobs); the lines learned, by host."""
    ctx = get_context("spawn" if sys.platform == "win32" else "fork")
    init_args = (vars(args), file_cfg, None, True)
    if jobs > 1 and ctx.get_start_method() == "fork":
        _langdetect_factory()  # shared by the forked workers (as in main)
    pool = ctx.Pool(jobs, initializer=_init, initargs=init_args) if jobs > 1 else None
    if pool is None:
        _init(*init_args)
    sites = siteboiler.SiteLines()
    records = _warc_records(warc_files) if warc_files is not None else _lines(args.input)
    feed = _Feed(records, AHEAD_TOKENS * jobs) if pool is not None else None
    try:
        if pool is not None and feed is not None:
            results: Iterator[Result] = (r for r in pool.imap(clean_record, feed, chunksize=4) if feed.took(r[0]) or 1)
        else:
            results = map(clean_record, records)
        for _n, _line, _err, _c, extra in results:
            if "keys" in extra:
                sites.add(extra["host"], extra["keys"])
    finally:
        if feed is not None:
            feed.close()
        if pool is not None:
            pool.terminate()
            pool.join()
    learned = sites.learned()
    _init(vars(args), file_cfg, learned)  # this process's state for the second pass (jobs 1)
    print(f"newsclean: learned site boilerplate: {sum(len(v) for v in learned.values())} lines of "
          f"{len(learned)} of {len(sites.pages)} sites", file=sys.stderr)
    return learned


def _mark_duplicates(src, dst, dups: Dict[int, int], args: argparse.Namespace) -> None:
    """Copy the output, ``duplicate_of`` set on each near-duplicate: the id of
    its cluster's first record (which comes earlier in the file: only the
    ids of clusters' first records are held)."""
    firsts = set(dups.values())
    ids: Dict[int, Any] = {}
    for k, line in enumerate(src):
        if k not in firsts and k not in dups:
            dst.write(line)
            continue
        rec = json.loads(line)
        if k in firsts:
            ids[k] = dedup.record_id(rec, args.url_field, k)
        if k in dups:
            (rec if args.flat else rec["newsclean"])["duplicate_of"] = ids[dups[k]]
            line = json.dumps(rec, ensure_ascii=False) + "\n"
        dst.write(line)


def summary(docs: int, failed: int, secs: float, removed: Dict[str, int],
            failures: Optional[Dict[str, int]] = None, skipped: Optional[Dict[str, int]] = None) -> str:
    """The line that ends a run (``batch`` and ``dask``): documents, failures
    (by kind, when given), time, removals per category."""
    why = ""
    if failures:
        why = " (" + ", ".join(f"{k} {v}" for k, v in sorted(failures.items())) + ")"
    rm = ", ".join(f"{k} {v}" for k, v in sorted(removed.items())) or "none"
    skip = ""
    if skipped:
        skip = "; skipped WARC records: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
    return (f"newsclean: {docs} documents, {failed} failed{why}, {secs:.1f} s "
            f"({docs / secs if secs else 0:.1f} docs/s); removed: {rm}{skip}")
