"""Clean corpora on a Dask cluster (optional extra: ``pip install 'newsclean[dask]'``).

    from newsclean.distributed import clean_corpus
    clean_corpus("crawl/*.jsonl", "clean/", scheduler="tcp://scheduler:8786")

or from the shell::

    newsclean dask "crawl/*.jsonl" -o clean/ --scheduler tcp://scheduler:8786

Input: JSONL files (a path, a glob or a list) or Parquet (``.parquet``). Every
record keeps its fields; the result is added under ``newsclean`` (JSONL) or as
``clean_text``/``title``/... columns (Parquet and DataFrames). Without a
scheduler address a ``LocalCluster`` with one worker process per core is
started and closed again. Cleaning is deterministic, so the cluster's result is
identical to a single-process run.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from .config import Config
from .pipeline import clean_html, clean_text

COLUMNS = ("clean_text", "title", "date", "language", "dateline", "source", "authors", "paywalled",
           "low_confidence", "removed")


def clean_record(rec: Dict[str, Any], text_field: str = "text", html_field: str = "html",
                 url_field: str = "url", config: Optional[Config] = None) -> Dict[str, Any]:
    """A copy of ``rec`` with the result under ``newsclean`` (or an ``error``)."""
    out = dict(rec)
    url = rec.get(url_field) if isinstance(rec.get(url_field), str) else None
    try:
        if isinstance(rec.get(text_field), str):
            art = clean_text(rec[text_field], config=config)
            art.url = url
        elif isinstance(rec.get(html_field), str):
            art = clean_html(rec[html_field], url=url, config=config)
        else:
            out["newsclean"] = {"error": f"no string field {text_field!r} or {html_field!r}"}
            return out
        out["newsclean"] = art.to_dict()
    except Exception as e:  # one bad record never fails the partition
        out["newsclean"] = {"error": f"{type(e).__name__}: {e}"}
    return out


def clean_bag(bag, **kw):
    """A dask.bag of dict records -> a bag of cleaned records (see :func:`clean_record`)."""
    return bag.map(clean_record, **kw)


def _clean_partition(df, text_field, html_field, url_field, config):
    import pandas as pd

    rows = [clean_record(r, text_field, html_field, url_field, config)["newsclean"]
            for r in df.to_dict("records")]
    out = df.copy()
    for col in COLUMNS:
        key = "text" if col == "clean_text" else col
        vals = [r.get(key) for r in rows]
        if col in ("authors", "removed"):
            vals = [json.dumps(v if v is not None else [], ensure_ascii=False) for v in vals]
        out[col] = pd.Series(vals, index=df.index, dtype=object)
    out["error"] = pd.Series([r.get("error") for r in rows], index=df.index, dtype=object)
    return out


def clean_dataframe(ddf, text_field: str = "text", html_field: str = "html", url_field: str = "url",
                    config: Optional[Config] = None):
    """A dask.dataframe -> the same with result columns added (``authors`` and
    ``removed`` as JSON strings, so that any Parquet writer can store them)."""
    import pandas as pd

    meta = ddf._meta.copy()
    for col in COLUMNS + ("error",):
        meta[col] = pd.Series([], dtype=object)
    return ddf.map_partitions(_clean_partition, text_field, html_field, url_field, config, meta=meta)


def clean_corpus(input_path, output_path: str, scheduler: Optional[str] = None, text_field: str = "text",
                 html_field: str = "html", url_field: str = "url", config: Optional[Config] = None,
                 n_workers: Optional[int] = None, blocksize: str = "16MiB") -> List[str]:
    """Clean a JSONL or Parquet corpus on a cluster; returns the files written."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        paths = input_path if isinstance(input_path, (list, tuple)) else [input_path]
        if all(str(p).endswith(".parquet") for p in paths):
            import dask.dataframe as dd

            ddf = dd.read_parquet(list(map(str, paths)))
            out = clean_dataframe(ddf, text_field, html_field, url_field, config)
            out.to_parquet(output_path, write_index=False)
            import glob as _glob

            return sorted(_glob.glob(f"{output_path}/*.parquet"))
        bag = db.read_text(list(map(str, paths)), blocksize=blocksize).map(json.loads)
        cleaned = clean_bag(bag, text_field=text_field, html_field=html_field, url_field=url_field, config=config)
        return cleaned.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(
            f"{output_path}/part-*.jsonl", last_endline=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv: List[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="newsclean dask", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL or Parquet files or globs")
    ap.add_argument("-o", "--output", required=True, help="output folder")
    ap.add_argument("--scheduler", help="address of a running scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, help="local cluster worker processes (default: one per core)")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--html-field", default="html")
    ap.add_argument("--url-field", default="url")
    args = ap.parse_args(argv)
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        import sys

        print("newsclean: error: the dask extra is not installed (pip install 'newsclean[dask]')", file=sys.stderr)
        return 2
    files = clean_corpus(args.inputs if len(args.inputs) > 1 else args.inputs[0], args.output, args.scheduler,
                         args.text_field, args.html_field, args.url_field, n_workers=args.workers)
    import sys

    print(f"newsclean: wrote {len(files)} files to {args.output}", file=sys.stderr)
    return 0
