"""``newsclean dask``: clean JSONL or Parquet corpora on a Dask cluster
(the library side is :mod:`newsclean.distributed`)."""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from typing import Any, Dict, List

from .. import distributed as corpus
from ..corpus.warc import is_warc
from ..distributed import CorpusError, OutputExistsError, _one_line, clean_corpus
from .batch import _progress, summary
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE

# ------------------------------------------------------------------ command line
def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(prog="newsclean dask", description=corpus.__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL, Parquet or WARC (.warc, .warc.gz) files, globs or folders")
    ap.add_argument("-o", "--output", required=True, help="output folder")
    ap.add_argument("--overwrite", action="store_true", help="replace a non-empty output folder (as a whole)")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, help="local cluster worker processes (default: one per core)")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--html-field", default="html")
    ap.add_argument("--url-field", default="url")
    ap.add_argument("--blocksize", default="16MiB", help="JSONL input per task (default: 16MiB)")
    ap.add_argument("--progress", choices=("auto", "always", "never"), default="auto")
    ap.add_argument("--dedup", action="store_true",
                    help="mark near-duplicates across documents: fingerprint and duplicate_of in each record, "
                         "as newsclean batch --dedup (JSONL or WARC input)")
    args = ap.parse_args(argv)
    # Dask's own log lines (a worker restarted, a task cancelled on Ctrl-C,
    # tracebacks of closed connections while a local cluster shuts down, of
    # the client's own clean-up after Ctrl-C) are not for the user of the
    # command: its messages say what happened. Set DASK_LOGGING__DISTRIBUTED
    # to see them.
    quiet = "DASK_LOGGING__DISTRIBUTED" not in os.environ
    if quiet:
        os.environ["DASK_LOGGING__DISTRIBUTED"] = "critical"  # inherited by a local cluster's workers
    try:
        import dask  # noqa: F401  # (optional extra)
        import distributed  # noqa: F401  # (optional extra)
        import pyarrow  # type: ignore[import]  # noqa: F401  # (optional extra)
    except ImportError:
        print("newsclean: error: the dask extra is not installed (pip install 'newsclean[dask]')", file=sys.stderr)
        return EXIT_USAGE
    if any(is_warc(p) for p in args.inputs):
        try:
            import fastwarc  # noqa: F401  # (optional extra: checked here, used by newsclean.corpus.warc)
        except ImportError:
            print("newsclean: error: WARC input needs the warc extra (pip install 'newsclean[warc]')", file=sys.stderr)
            return EXIT_USAGE
    if args.dedup:
        try:
            import datasketch  # noqa: F401  # (optional extra, as above)
        except ImportError:
            print("newsclean: error: --dedup needs the dedup extra (pip install 'newsclean[dedup]')", file=sys.stderr)
            return EXIT_USAGE
    if quiet:  # this process's loggers (distributed.client and others have levels of their own)
        for name in ["distributed", "tornado", *logging.root.manager.loggerDict]:
            if name.split(".")[0] in ("distributed", "tornado"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
    from dask.utils import parse_bytes  # (optional extra: newsclean[dask])

    try:
        parse_bytes(args.blocksize)
    except (ValueError, TypeError):
        ap.error(f"argument --blocksize: not a size: {args.blocksize!r} (e.g. 16MiB)")

    bars: List[Any] = []

    def on_error(label: str) -> None:
        print(f"newsclean: error: {label}", file=sys.stderr)

    def on_part(res: Dict[str, Any]) -> None:
        if not bars:
            bars.append(_progress(res["parts"], args.progress, "part"))
        if bars[0] is not None:
            bars[0].update(1)

    # Ctrl-C: Python raises KeyboardInterrupt wherever the main thread is, and
    # drops it when that is a callback (a weak reference's, in the client's
    # code): the interrupt is also noted, and the run asks before committing.
    interrupted: List[bool] = []
    previous = signal.getsignal(signal.SIGINT)

    def on_sigint(signum: int, frame: Any) -> None:
        interrupted.append(True)
        raise KeyboardInterrupt

    if previous is signal.default_int_handler:  # (not where the shell made the command ignore it)
        signal.signal(signal.SIGINT, on_sigint)
    try:
        res = clean_corpus(args.inputs if len(args.inputs) > 1 else args.inputs[0], args.output, args.scheduler,
                           args.text_field, args.html_field, args.url_field, n_workers=args.workers,
                           blocksize=args.blocksize, overwrite=args.overwrite, on_error=on_error, on_part=on_part,
                           dedup=args.dedup, stopped=lambda: bool(interrupted))
    except OutputExistsError:
        print(f"newsclean: error: {args.output}: the output folder is not empty (--overwrite replaces it as a whole)",
              file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as e:
        print(f"newsclean: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as e:
        print(f"newsclean: error: the run failed ({_one_line(f'{type(e).__name__}: {e}')}); "
              f"{args.output} is as it was", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous)
        if bars and bars[0] is not None:
            bars[0].close()
    line = summary(res.documents, res.failed, res.seconds, res.removed, res.failures, skipped=res.skipped)
    if res.duplicates is not None:
        line += f"; near-duplicates: {res.duplicates} records in {res.clusters} clusters"
    print(line, file=sys.stderr)
    n = len(res.files)
    print(f"newsclean: wrote {n} file{'' if n == 1 else 's'} to {args.output}"
          + (f", the failed records to {res.errors_file}" if res.errors_file else ""), file=sys.stderr)
    return EXIT_FAILED if res.failed else EXIT_OK
