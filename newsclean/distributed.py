"""Clean corpora on a Dask cluster (optional extra: ``pip install 'newsclean[dask]'``).

    from newsclean.distributed import clean_corpus
    result = clean_corpus("crawl/*.jsonl", "clean/", scheduler="tcp://scheduler:8786")

or from the shell::

    newsclean dask "crawl/*.jsonl" -o clean/ --scheduler tcp://scheduler:8786

Input: JSONL files (paths, globs or folders; .gz, .bz2 and .xz files are read
whole), Parquet files (``.parquet``) or WARC files (``.warc``, ``.warc.gz``),
all of one kind. Every record keeps its fields; the result is added under
``newsclean`` (JSONL) or as ``clean_text``/``title``/... columns (Parquet).
A WARC file's HTML responses become records as ``newsclean batch`` writes
them (id, URL, fetch date, HTTP charset, file, offset); its other records
are counted by reason. The output folder holds ``part-NNNNN.jsonl`` (or
``.parquet``) files, one per block of input (Parquet: per row group; WARC:
per file), in input order. ``--dedup`` (JSONL or WARC input) marks
near-duplicates as ``newsclean batch --dedup`` does, the LSH bands grouped
by a Dask shuffle. Without a scheduler address a ``LocalCluster``
with one worker process per core is started and closed again.

A record that fails (not valid UTF-8 or JSON, not an object, no string text or
HTML field, an exception while cleaning, a truncated or corrupt WARC record)
costs only itself: it is reported with its file and line (Parquet: row group
and row; WARC: offset), written to
``OUT/_errors.jsonl`` and left out of the parts; the run goes on. Exit code 1
if any record failed.

The output folder is whole or absent, never a mix of two runs: the workers
write into a hidden temporary folder beside it, which takes its place only
once every part is written. A non-empty output folder is refused (exit 2)
unless ``--overwrite`` is given, which replaces it as a whole. A failed or
interrupted run leaves the output folder as it was. Each part has a fixed
name and is written whole (a temporary file, renamed), so a task that Dask
runs again after losing a worker writes the same file again; cleaning is
deterministic, so the result is identical to a single-process run.
"""
from __future__ import annotations

import codecs
import ctypes
import errno
import glob
import json
import os
import shutil
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from .config import Config
from .corpus import dedup as minhash
from .corpus import warc
from .pipeline import clean_html, clean_text

COLUMNS = ("clean_text", "title", "date", "language", "dateline", "source", "authors", "paywalled",
           "low_confidence", "removed")
#: The errors file, inside the output folder (Parquet readers skip names
#: starting with an underscore): one JSON object a line, in input order.
ERRORS_FILE = "_errors.jsonl"
#: In the temporary folder: one errors file per part, merged into ERRORS_FILE.
_PART_ERRORS = ".errors"
#: In the temporary folder, with dedup: each part's signatures and record ids.
_PART_DEDUP = ".dedup"
_COMPRESSED = (".gz", ".bz2", ".xz")

# Kinds of failure, counted in the summary.
NOT_UTF8 = "not valid UTF-8"
NOT_JSON = "not valid JSON"
NOT_OBJECT = "not a JSON object"
NO_TEXT = "no text"
CLEANING = "exception"
UNREADABLE = "unreadable"
BROKEN = "corrupt WARC record"


class CorpusError(ValueError):
    """The run cannot start: no such input, mixed input kinds, a bad output
    folder. Nothing was written. (The command line's exit code 2.)"""


class OutputExistsError(CorpusError, FileExistsError):
    """The output folder is not empty and ``overwrite`` was not given."""


# ------------------------------------------------------------------ records
def _clean(text: Any, html: Any, url: Optional[str], config: Optional[Config], text_field: str,
           html_field: str) -> Tuple[Any, Optional[str], Optional[str]]:
    """(Article, None, None), or (None, kind of failure, message)."""

    try:
        if isinstance(text, str):
            art = clean_text(text, config=config)
            art.url = url
        elif isinstance(html, (str, bytes)):
            art = clean_html(html, url=url, config=config)
        else:
            return None, NO_TEXT, f"no string field {text_field!r} or {html_field!r}"
    except Exception as e:  # one bad record never fails the partition
        return None, CLEANING, f"{type(e).__name__}: {e}"
    return art, None, None


def clean_record(rec: Dict[str, Any], text_field: str = "text", html_field: str = "html",
                 url_field: str = "url", config: Optional[Config] = None) -> Dict[str, Any]:
    """A copy of ``rec`` with the result under ``newsclean`` (or an ``error``)."""
    out = dict(rec)
    url = rec.get(url_field) if isinstance(rec.get(url_field), str) else None
    html = rec.get(html_field)
    art, _, err = _clean(rec.get(text_field), html if isinstance(html, str) else None, url, config,
                         text_field, html_field)
    out["newsclean"] = art.to_dict() if art is not None else {"error": err}
    return out


def clean_bag(bag, **kw):
    """A dask.bag of dict records -> a bag of cleaned records (see :func:`clean_record`)."""
    return bag.map(clean_record, **kw)


def _result_columns(arts: Sequence[Any]) -> List[Tuple[str, List[Any]]]:
    """The result columns for a list of Articles (``authors`` and ``removed``
    as JSON strings, so that any Parquet writer can store them)."""
    cols: List[Tuple[str, List[Any]]] = []
    for col in COLUMNS:
        if col == "removed":
            vals = [json.dumps([r.to_dict() for r in a.removed], ensure_ascii=False) for a in arts]
        elif col == "authors":
            vals = [json.dumps(list(a.authors), ensure_ascii=False) for a in arts]
        else:
            vals = [getattr(a, "text" if col == "clean_text" else col) for a in arts]
        cols.append((col, vals))
    return cols


def _clean_partition(df, text_field, html_field, url_field, config):
    import pandas as pd  # (optional extra: newsclean[dask])

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
    import pandas as pd  # (optional extra: newsclean[dask])

    meta = ddf._meta.copy()
    for col in COLUMNS + ("error",):
        meta[col] = pd.Series([], dtype=object)
    return ddf.map_partitions(_clean_partition, text_field, html_field, url_field, config, meta=meta)


# ------------------------------------------------------------------ planning
@dataclass(frozen=True)
class _Unit:
    """One task: a block of a JSONL file, a row group of a Parquet file, or a
    whole WARC file."""

    index: int  # the part number
    kind: str  # "jsonl", "parquet" or "warc"
    path: str  # the input file, as reported
    start: int  # JSONL: first byte; Parquet: the row group (-1: the file could not be read)
    end: int  # JSONL: end byte (-1: the whole file, decompressed); Parquet: the row group's first row
    rows: int = 0  # Parquet: rows in the row group
    error: str = ""  # Parquet: why the file could not be read


def _remote(path: str) -> bool:
    """A URL (s3://, gcs://, file://...), read through fsspec."""
    return "://" in path


def _open(path: str, compression: Optional[str] = None):
    if _remote(path) or compression:
        import fsspec  # type: ignore[import]  # (optional extra: newsclean[dask])

        return fsspec.open(path, "rb", compression=compression).open()
    return open(path, "rb")


def _visible(name: str) -> bool:
    return not name.startswith((".", "_"))


def _expand(inputs: Sequence[str]) -> List[str]:
    """The input files, in the order given (globs and folders sorted)."""
    files: List[str] = []
    for p in inputs:
        if _remote(p):
            import fsspec  # type: ignore[import]  # (optional extra: newsclean[dask])

            fs, root = fsspec.core.url_to_fs(p)
            if glob.has_magic(root):
                found = [x for x in fs.glob(root) if fs.isfile(x)]
            elif fs.isdir(root):
                found = [x for x in fs.find(root) if all(_visible(c) for c in x[len(root):].split("/") if c)]
            else:
                found = [root] if fs.exists(root) else []
            matched = sorted(fs.unstrip_protocol(x) for x in found)
        elif glob.has_magic(p):
            matched = sorted(x for x in glob.glob(p, recursive=True) if os.path.isfile(x))
        elif os.path.isdir(p):
            matched = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if _visible(d))
                matched.extend(os.path.join(dirpath, f) for f in sorted(filenames) if _visible(f))
        else:
            matched = [p] if os.path.isfile(p) else []
        if not matched:
            raise CorpusError(f"{p}: no file matches" if glob.has_magic(p) else
                              f"{p}: no input file in the folder" if os.path.isdir(p) else f"{p}: no such file")
        files.extend(x for x in matched if x not in files)
    return files


def _is_parquet(path: str) -> bool:
    return path.lower().endswith((".parquet", ".pq"))


def _size(path: str) -> int:
    if _remote(path):
        import fsspec  # type: ignore[import]  # (optional extra: newsclean[dask])

        fs, root = fsspec.core.url_to_fs(path)
        return int(fs.size(root))
    return os.path.getsize(path)


def _plan(files: List[str], blocksize: int) -> List[_Unit]:
    parquet = [f for f in files if _is_parquet(f)]
    warcs = [f for f in files if warc.is_warc(f)]
    if parquet and len(parquet) != len(files):
        raise CorpusError("the inputs mix Parquet and " + ("WARC" if warcs else "JSONL")
                          + " files: give one kind per run")
    if warcs and len(warcs) != len(files):
        raise CorpusError("the inputs mix WARC and other files: give one kind per run")
    units: List[_Unit] = []
    if warcs:  # one task a file (its records are read in order, as newsclean batch reads them)
        for f in files:
            if _remote(f):
                raise CorpusError(f"{f}: WARC input is read from local (or shared) files, not URLs")
            units.append(_Unit(len(units), "warc", f, 0, -1))
        return units
    if parquet:
        import pyarrow.parquet as pq  # type: ignore[import]  # (optional extra: newsclean[dask])

        for f in files:
            try:
                with _open(f) as fh:
                    md = pq.ParquetFile(fh).metadata
                    groups = [md.row_group(g).num_rows for g in range(md.num_row_groups)]
            except OSError:
                raise
            except Exception as e:  # not Parquet, or a broken footer: an error entry, not the end of the run
                units.append(_Unit(len(units), "parquet", f, -1, 0, 0, _one_line(f"not a Parquet file ({e})")))
                continue
            first = 0
            for g, n in enumerate(groups):
                units.append(_Unit(len(units), "parquet", f, g, first, n))
                first += n
        return units
    for f in files:
        if f.lower().endswith(_COMPRESSED):
            units.append(_Unit(len(units), "jsonl", f, 0, -1))
            continue
        size = _size(f)
        for k in range(max(1, -(-size // blocksize))):
            units.append(_Unit(len(units), "jsonl", f, k * blocksize, min(size, (k + 1) * blocksize)))
    return units


# ------------------------------------------------------------------ the tasks
def _part_name(unit: _Unit, width: int) -> str:
    return f"part-{unit.index:0{width}d}.{'parquet' if unit.kind == 'parquet' else 'jsonl'}"


def _dumps(obj: Any) -> bytes:
    """A JSON line in UTF-8 (escaped where a lone surrogate cannot be written as is)."""
    try:
        return (json.dumps(obj, ensure_ascii=False, default=_json_default) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, default=_json_default) + "\n").encode("utf-8")


def _json_default(v: Any) -> Any:
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v).decode("utf-8", "backslashreplace")
    return str(v)


class _Writer:
    """A file of the temporary folder, written whole: a hidden temporary file,
    renamed when complete (a task run twice writes the same file twice)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        self.fh = open(self.tmp, "wb")
        self.committed = False

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)
        self.committed = True

    def discard(self) -> None:
        self.fh.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


_NO_RECORD = object()


class _Part:
    """What a task found: counts, and its errors file (written on the first
    error); with dedup, the signatures and ids of the records it wrote."""

    def __init__(self, unit: _Unit, tmpdir: Path, name: str, url_field: str = "url", with_dedup: bool = False) -> None:
        self.unit = unit
        self.errors_path = tmpdir / _PART_ERRORS / (name + ".errors.jsonl")
        self.dedup_path = tmpdir / _PART_DEDUP / name
        self.errors: Optional[_Writer] = None
        self.lines = self.documents = self.failed = self.written = 0
        self.failures: Counter = Counter()
        self.removed: Counter = Counter()
        self.skipped: Counter = Counter()
        self.url_field = url_field
        self.with_dedup = with_dedup
        self.sigs: Optional[_Writer] = None
        self.ids: List[Any] = []

    def fail(self, kind: str, message: str, record: Any = _NO_RECORD, count: int = 1, **where: Any) -> None:
        self.failed += count
        self.failures[kind] += count
        if self.errors is None:
            self.errors = _Writer(self.errors_path)
        entry: Dict[str, Any] = {"file": self.unit.path, **where, "error": message}
        if record is not _NO_RECORD:
            entry["record"] = record
        self.errors.fh.write(_dumps(entry))

    def mark(self, result: Dict[str, Any], text: str) -> Optional[bytes]:
        """With dedup: the record's signature; ``fingerprint`` and
        ``duplicate_of`` (None, until the clusters are known) in its result,
        as ``newsclean batch --dedup`` writes them."""
        if not self.with_dedup:
            return None
        sig = minhash.signature(text)
        result["fingerprint"] = minhash.fingerprint(sig)
        result["duplicate_of"] = None
        return sig

    def wrote(self, rec: Dict[str, Any], sig: Optional[bytes]) -> None:
        """A record was written to the part (with dedup: keep its signature
        and its id, the part's k-th record)."""
        if self.with_dedup:
            if self.sigs is None:
                self.sigs = _Writer(self.dedup_path.with_name(self.dedup_path.name + ".sig"))
            self.sigs.fh.write(sig if sig is not None else b"\0" * (minhash.NUM_PERM * 4))
            self.sigs.fh.write(b"\1" if sig is not None else b"\0")
            # None: no id or URL; the record is named by its number in the output, known once every part is
            self.ids.append(minhash.record_id(rec, self.url_field, None))
        self.written += 1

    def result(self, name: str, written: bool) -> Dict[str, Any]:
        if self.errors is not None:
            self.errors.commit()
        if self.sigs is not None:
            self.sigs.commit()
            ids = _Writer(self.dedup_path.with_name(self.dedup_path.name + ".ids"))
            ids.fh.write(_dumps(self.ids))
            ids.commit()
        return {"index": self.unit.index, "name": name, "file": name if written else None, "lines": self.lines,
                "documents": self.documents, "failed": self.failed, "failures": dict(self.failures),
                "removed": dict(self.removed), "skipped": dict(self.skipped), "written": self.written,
                "signatures": self.sigs is not None}

    def discard(self) -> None:
        for w in (self.errors, self.sigs):
            if w is not None and not w.committed:
                w.discard()


def _one_line(s: str, limit: int = 300) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def _block_lines(unit: _Unit) -> Iterator[bytes]:
    """The lines of a JSONL block: those that start in [start, end)."""
    whole = unit.end < 0
    with _open(unit.path, "infer" if whole else None) as fh:
        if whole:
            yield from fh
            return
        if unit.start > 0:
            fh.seek(unit.start - 1)
            fh.readline()  # the rest of the line that holds byte start - 1: the previous block's
        pos = fh.tell()
        while pos < unit.end:
            line = fh.readline()
            if not line:
                break
            yield line
            pos += len(line)


def _run_jsonl(unit: _Unit, part: _Part, out: _Writer, fields: Tuple[str, str, str],
               config: Optional[Config]) -> bool:
    text_field, html_field, url_field = fields
    for raw in _block_lines(unit):
        part.lines += 1
        if not raw.strip():
            continue
        part.documents += 1
        if part.lines == 1 and unit.start == 0 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        where = {"line": part.lines}  # within the block; the client adds the lines before it
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            part.fail(NOT_UTF8, f"not valid UTF-8 ({e.reason} at byte {e.start})",
                      raw.decode("utf-8", "backslashreplace").rstrip("\r\n"), **where)
            continue
        try:
            rec = json.loads(line)
        except (ValueError, RecursionError) as e:
            part.fail(NOT_JSON, f"not valid JSON ({e})", line.rstrip("\r\n"), **where)
            continue
        if not isinstance(rec, dict):
            part.fail(NOT_OBJECT, "not a JSON object", line.rstrip("\r\n"), **where)
            continue
        url = rec.get(url_field) if isinstance(rec.get(url_field), str) else None
        html = rec.get(html_field)
        art, kind, err = _clean(rec.get(text_field), html if isinstance(html, str) else None, url, config,
                                text_field, html_field)
        if art is None:
            part.fail(kind or CLEANING, err or "", line.rstrip("\r\n"), **where)
            continue
        rec["newsclean"] = art.to_dict()
        sig = part.mark(rec["newsclean"], art.text)
        try:
            data = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
        except UnicodeEncodeError as e:
            part.fail(NOT_UTF8, f"cannot be written as UTF-8 ({e.reason})", line.rstrip("\r\n"), **where)
            continue
        except Exception as e:
            part.fail(CLEANING, f"{type(e).__name__}: {e}", line.rstrip("\r\n"), **where)
            continue
        out.fh.write(data)
        part.wrote(rec, sig)
        part.removed.update(art.removed_by_category())
    return True


def _run_warc(unit: _Unit, part: _Part, out: _Writer, fields: Tuple[str, str, str],
              config: Optional[Config]) -> bool:
    """The HTML responses of one WARC file, as ``newsclean batch`` reads and
    writes them (:mod:`newsclean.corpus.warc`): other records counted by
    reason; a broken record is an error with its offset, the records before
    it are kept (nothing after it can be read)."""
    url_field = fields[2]
    for item in warc.read_warc(unit.path):
        if isinstance(item, warc.Skipped):
            part.skipped[item.reason] += 1
            continue
        part.documents += 1
        if isinstance(item, warc.Broken):
            part.fail(BROKEN, item.error, offset=item.offset)
            continue
        rec = warc.record_fields(item, url_field)
        art, kind, err = _clean(None, warc.decode_page(item), item.url, config, "text", "html")
        if art is None:
            part.fail(kind or CLEANING, err or "", offset=item.offset)
            continue
        rec["newsclean"] = art.to_dict()
        sig = part.mark(rec["newsclean"], art.text)
        out.fh.write(_dumps(rec))
        part.wrote(rec, sig)
        part.removed.update(art.removed_by_category())
    return True


class _Undecodable:
    """A string cell of a Parquet file whose bytes are not UTF-8."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _cells(table: Any, name: str, keep_binary: bool) -> List[Any]:
    """One Python value a row: str, bytes (a binary column, ``keep_binary``),
    _Undecodable, or None (null, no such column, or not a string type)."""
    import pyarrow as pa  # type: ignore[import]  # (optional extra: newsclean[dask])

    if name not in table.column_names:
        return [None] * table.num_rows
    col = table.column(name)
    t = col.type
    if pa.types.is_dictionary(t):
        col, t = col.cast(t.value_type), t.value_type
    is_string_view = getattr(pa.types, "is_string_view", lambda _: False)
    is_binary_view = getattr(pa.types, "is_binary_view", lambda _: False)
    if pa.types.is_string(t) or pa.types.is_large_string(t) or is_string_view(t):
        values, binary = col.cast(pa.large_binary()).to_pylist(), False
    elif pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t) or is_binary_view(t):
        values, binary = col.to_pylist(), True
    else:
        return [None] * table.num_rows
    if binary and keep_binary:
        return values
    out: List[Any] = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        try:
            out.append(v.decode("utf-8"))
        except UnicodeDecodeError as e:
            out.append(_Undecodable(f"{e.reason} at byte {e.start}"))
    return out


def _row(table: Any, i: int) -> Dict[str, Any]:
    """Row ``i`` as a dict, for the errors file (undecodable strings escaped)."""
    import pyarrow as pa  # type: ignore[import]  # (optional extra: newsclean[dask])

    rec: Dict[str, Any] = {}
    for name in table.column_names:
        col = table.column(name)
        try:
            rec[name] = col[i].as_py()
        except Exception:
            try:
                rec[name] = col.slice(i, 1).cast(pa.large_binary())[0].as_py()
            except Exception as e:
                rec[name] = f"<unreadable: {type(e).__name__}>"
    return rec


def _run_parquet(unit: _Unit, part: _Part, out: _Writer, fields: Tuple[str, str, str],
                 config: Optional[Config]) -> bool:
    import pyarrow as pa  # type: ignore[import]  # (optional extra: newsclean[dask])
    import pyarrow.parquet as pq  # type: ignore[import]  # (optional extra: newsclean[dask])

    text_field, html_field, url_field = fields
    if unit.start < 0:  # the plan could not read the file
        part.documents += 1
        part.fail(UNREADABLE, unit.error, None, row_group=None, row=None)
        return False  # no part: its schema is unknown
    with _open(unit.path) as fh:
        pf = pq.ParquetFile(fh)
        schema = pf.schema_arrow
        try:
            table = pf.read_row_group(unit.start)
        except OSError:
            raise
        except Exception as e:  # a corrupt row group costs its rows only
            part.documents += unit.rows
            part.fail(UNREADABLE, _one_line(f"row group could not be read ({type(e).__name__}: {e})"), None,
                      count=unit.rows, row_group=unit.start, row=None)
            table = schema.empty_table()
    texts = _cells(table, text_field, keep_binary=False)
    htmls = _cells(table, html_field, keep_binary=True)
    urls = _cells(table, url_field, keep_binary=False)
    keep: List[int] = []
    arts: List[Any] = []
    for i in range(table.num_rows):
        part.documents += 1
        where = {"row_group": unit.start, "row": unit.end + i}
        text, html = texts[i], htmls[i]
        if isinstance(text, _Undecodable) or (text is None and isinstance(html, _Undecodable)):
            bad, name = (text, text_field) if isinstance(text, _Undecodable) else (html, html_field)
            part.fail(NOT_UTF8, f"field {name!r} is not valid UTF-8 ({bad.reason})", _row(table, i), **where)
            continue
        url = urls[i] if isinstance(urls[i], str) else None
        art, kind, err = _clean(text, html, url, config, text_field, html_field)
        if art is None:
            part.fail(kind or CLEANING, err or "", _row(table, i), **where)
            continue
        keep.append(i)
        arts.append(art)
        part.removed.update(art.removed_by_category())
    result = table.take(pa.array(keep, type=pa.int64()))
    types = {"paywalled": pa.bool_(), "low_confidence": pa.bool_()}
    for col, vals in _result_columns(arts):
        arr = pa.array(vals, type=types.get(col, pa.string()))
        if col in result.column_names:
            result = result.set_column(result.column_names.index(col), col, arr)
        else:
            result = result.append_column(col, arr)
    pq.write_table(result, out.fh)
    return True


_RUNNERS = {"jsonl": _run_jsonl, "parquet": _run_parquet, "warc": _run_warc}


def _run_unit(unit: _Unit, tmpdir: str, width: int, fields: Tuple[str, str, str],
              config: Optional[Config], with_dedup: bool = False) -> Dict[str, Any]:
    """Clean one block, row group or WARC file into ``tmpdir/part-N``; its
    errors into ``tmpdir/.errors/part-N.errors.jsonl``; with dedup, its
    signatures and ids into ``tmpdir/.dedup/part-N.sig|.ids``. Runs on a
    worker; idempotent."""
    name = _part_name(unit, width)
    part = _Part(unit, Path(tmpdir), name, fields[2], with_dedup)
    out = _Writer(Path(tmpdir) / name)
    try:
        if _RUNNERS[unit.kind](unit, part, out, fields, config):
            out.commit()
        else:
            out.discard()
        return part.result(name, out.committed)
    except BaseException:
        out.discard()
        part.discard()
        raise


# ------------------------------------------------------------------ near-duplicates
# A record is a node: its part's number << 32 | its place in the part, so
# nodes sort in input order, as the record numbers of newsclean batch do.
_PART_SHIFT = 32


def _band_rows(tmpdir: str, name: str, index: int):
    """One row per (record with a signature, LSH band) of a part: ``band``,
    ``key`` (the band's key, :func:`newsclean.corpus.dedup.band_key`, as a
    signed 64-bit integer) and ``node``: 24 bytes, not the signature."""
    import numpy as np  # (optional extra: newsclean[dask] and [dedup])
    import pandas as pd  # (optional extra: newsclean[dask])

    path = Path(tmpdir) / _PART_DEDUP / (name + ".sig")
    raw = np.fromfile(path, dtype=np.uint8) if path.exists() else np.zeros(0, np.uint8)
    rec = raw.reshape(-1, minhash.NUM_PERM * 4 + 1)
    has = np.flatnonzero(rec[:, -1] == 1)
    keys = np.fromiter((minhash.band_key(rec[k], b) for k in has for b in range(minhash.BANDS)), dtype=np.uint64,
                       count=len(has) * minhash.BANDS)
    return pd.DataFrame({"band": np.tile(np.arange(minhash.BANDS, dtype=np.int64), len(has)),
                         "key": keys.view(np.int64),
                         "node": np.repeat((np.int64(index) << _PART_SHIFT) | has.astype(np.int64), minhash.BANDS)})


def _group_pairs(df, tmpdir: str, names: Dict[int, str], threshold: float):
    """The duplicate pairs among the rows of one shuffled partition: for
    each (band, key) of two rows or more, the members in input order with
    their signatures (read from the parts' signature files: a record's is
    at its place in the part times 513 bytes),
    :func:`newsclean.corpus.dedup.pairs_in_group`, as
    ``Deduplicator.clusters`` does for one band's group."""
    import numpy as np  # (optional extra: newsclean[dask] and [dedup])
    import pandas as pd  # (optional extra: newsclean[dask])

    a: List[int] = []
    b: List[int] = []
    if len(df):
        sizes = df.groupby(["band", "key"], sort=False)["node"].transform("size")
        df = df[sizes.to_numpy() > 1].sort_values(["band", "key", "node"], kind="stable")
        width = minhash.NUM_PERM * 4 + 1
        sigs: Dict[int, bytes] = {}
        files: Dict[int, Any] = {}
        try:
            for node in sorted(set(df["node"].tolist())):
                part, k = node >> _PART_SHIFT, node & ((1 << _PART_SHIFT) - 1)
                if part not in files:
                    files[part] = open(Path(tmpdir) / _PART_DEDUP / (names[part] + ".sig"), "rb")
                files[part].seek(k * width)
                sigs[node] = files[part].read(width - 1)
        finally:
            for fh in files.values():
                fh.close()
        for _, g in df.groupby(["band", "key"], sort=False):
            for x, y in minhash.pairs_in_group([(n, sigs[n]) for n in g["node"].tolist()], threshold):
                a.append(x)
                b.append(y)
    return pd.DataFrame({"a": np.array(a, dtype=np.int64), "b": np.array(b, dtype=np.int64)})


def _mark_part(tmpdir: str, name: str, marks: Dict[int, Any]) -> None:
    """Set ``duplicate_of`` of the part's records ``marks`` names (their place
    in the part -> the id of their cluster's first record); the part is
    written again whole (a temporary file, renamed). Runs on a worker."""
    path = Path(tmpdir) / name
    out = _Writer(path)
    try:
        with open(path, "rb") as src:
            for k, line in enumerate(src):
                if k in marks:
                    rec = json.loads(line)
                    rec["newsclean"]["duplicate_of"] = marks[k]
                    line = _dumps(rec)
                out.fh.write(line)
        out.commit()
    except BaseException:
        out.discard()
        raise


def _near_duplicates(client: Any, tmp: Path, results: List[Dict[str, Any]],
                     threshold: float = minhash.THRESHOLD) -> Tuple[int, int]:
    """Mark the near-duplicates of the finished parts in ``tmp``, as
    ``newsclean batch --dedup`` marks them. The LSH bands are grouped by
    Dask: a shuffle of the rows (band, key, record) to the partition of
    their key, on the workers (24 bytes a band, 768 a record); the
    members of each group of two or more read their signatures from the
    parts' signature files. Only the duplicate pairs come back here, where
    the clusters (connected components) are drawn; the parts that hold a
    duplicate are rewritten on the workers. (records marked, clusters)."""
    import dask.dataframe as dd  # (optional extra: newsclean[dask])
    import numpy as np  # (optional extra: newsclean[dask] and [dedup])
    import pandas as pd  # (optional extra: newsclean[dask])

    parts = [r for r in results if r["file"] and r.get("signatures")]
    if not parts:
        return 0, 0
    meta = pd.DataFrame({"band": np.array([], np.int64), "key": np.array([], np.int64),
                         "node": np.array([], np.int64)})
    rows = dd.from_map(_band_rows, [str(tmp)] * len(parts), [r["file"] for r in parts],
                       [r["index"] for r in parts], meta=meta, enforce_metadata=False)
    shuffled = rows.shuffle(on=["band", "key"], npartitions=max(1, len(parts)))
    pairs_meta = pd.DataFrame({"a": np.array([], np.int64), "b": np.array([], np.int64)})
    names = {r["index"]: r["file"] for r in parts}
    pairs = client.compute(shuffled.map_partitions(_group_pairs, str(tmp), names, threshold,
                                                   meta=pairs_meta)).result()
    first = minhash.components(zip(pairs["a"].tolist(), pairs["b"].tolist()))
    if not first:
        return 0, 0
    # the id each cluster's first record gives (its id, else URL, else its number in the output)
    by_index = {r["index"]: r for r in results}
    before: Dict[int, int] = {}
    n = 0
    for r in results:
        before[r["index"]] = n
        n += r["written"]
    ids: Dict[int, Any] = {}
    for part_index in sorted({root >> _PART_SHIFT for root in first.values()}):
        with open(tmp / _PART_DEDUP / (by_index[part_index]["file"] + ".ids"), encoding="utf-8") as fh:
            part_ids = json.load(fh)
        for root in {x for x in first.values() if x >> _PART_SHIFT == part_index}:
            k = root & ((1 << _PART_SHIFT) - 1)
            ids[root] = part_ids[k] if part_ids[k] is not None else before[part_index] + k
    marks: Dict[int, Dict[int, Any]] = {}
    for node, root in first.items():
        marks.setdefault(node >> _PART_SHIFT, {})[node & ((1 << _PART_SHIFT) - 1)] = ids[root]
    futures = [client.submit(_mark_part, str(tmp), by_index[i]["file"], m, pure=False) for i, m in sorted(marks.items())]
    client.gather(futures)
    return len(first), len(set(first.values()))


# ------------------------------------------------------------------ the run
def dask_setup(worker: Any) -> None:
    """Preload of the local cluster's workers: Ctrl-C is for the process that
    runs the cluster, which cancels the run and closes the cluster; a worker
    (in the terminal's process group too) ignores it instead of printing a
    traceback."""

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _local_cluster(LocalCluster: Any, n_workers: Optional[int]) -> Any:
    """A LocalCluster on loopback, one single-threaded worker process per
    core (or ``n_workers``). The workers start with Ctrl-C ignored (they
    inherit it from here while they start) and keep ignoring it (their
    preload, :func:`dask_setup`, also for a worker restarted later)."""

    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                            preload=[__name__])
    finally:
        if main:
            signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)


@dataclass
class CorpusResult:
    """What :func:`clean_corpus` did."""

    output: str
    files: List[str]  # the parts, in input order
    documents: int
    failed: int
    failures: Dict[str, int] = field(default_factory=dict)  # failed records by kind
    removed: Dict[str, int] = field(default_factory=dict)  # removals by category
    errors_file: Optional[str] = None  # OUTPUT/_errors.jsonl, when a record failed
    seconds: float = 0.0
    skipped: Dict[str, int] = field(default_factory=dict)  # WARC records that are not HTML responses, by reason
    duplicates: Optional[int] = None  # with dedup: records marked as near-duplicates
    clusters: Optional[int] = None  # with dedup: their clusters


def _error_label(entry: Dict[str, Any]) -> str:
    """``path:line: message`` (Parquet: ``path: row group G, row R: message``;
    WARC: ``path: offset N: message``, as newsclean batch says it)."""
    if "line" in entry:
        return f"{entry['file']}:{entry['line']}: {entry['error']}"
    if "offset" in entry:
        return f"{entry['file']}: offset {entry['offset']}: {entry['error']}"
    where = []
    if entry.get("row_group") is not None:
        where.append(f"row group {entry['row_group']}")
    if entry.get("row") is not None:
        where.append(f"row {entry['row']}")
    return f"{entry['file']}: {', '.join(where) + ': ' if where else ''}{entry['error']}"


def _merge_errors(tmp: Path, units: List[_Unit], results: List[Dict[str, Any]],
                  on_error: Optional[Callable[[str], None]]) -> bool:
    """The parts' errors, in input order, into ``tmp/_errors.jsonl`` (JSONL
    line numbers made absolute: the lines of the file's earlier blocks added)."""
    before: Dict[str, int] = {}
    out: Optional[_Writer] = None
    try:
        for unit, res in zip(units, results):
            offset = before.get(unit.path, 0)
            before[unit.path] = offset + res["lines"]
            if not res["failed"]:
                continue
            if out is None:
                out = _Writer(tmp / ERRORS_FILE)
            with open(tmp / _PART_ERRORS / (res["name"] + ".errors.jsonl"), "rb") as fh:
                for line in fh:
                    entry = json.loads(line)
                    if "line" in entry:
                        entry["line"] += offset
                    out.fh.write(_dumps(entry))
                    if on_error is not None:
                        on_error(_error_label(entry))
        if out is not None:
            out.commit()
    except BaseException:
        if out is not None:
            out.discard()
        raise
    return out is not None


def _rmtree(path: Path) -> None:
    """Remove a temporary folder, even while a cancelled task still writes
    into it (a file renamed or added while rmtree runs makes it fail; once the
    folder is gone, no task can write into it: tasks never create folders)."""
    for _ in range(50):
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.lexists(path):
            return
        time.sleep(0.1)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2 RENAME_EXCHANGE); False
    where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False

    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _not_empty(out: Path) -> OutputExistsError:
    return OutputExistsError(f"{out}: the output folder is not empty (overwrite replaces it as a whole)")


def _move_into_place(tmp: Path, out: Path, overwrite: bool) -> None:
    """The finished temporary folder becomes ``out``: in one rename where
    ``out`` is absent or empty; with ``overwrite``, in one exchange (or, where
    the file system cannot exchange, two renames) and the old folder deleted."""
    try:
        os.rename(tmp, out)
        return
    except OSError as e:
        if e.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
    if not overwrite:
        raise _not_empty(out)
    if _exchange(tmp, out):
        old = tmp  # now holds the previous output
    else:
        old = tmp.with_name(tmp.name[:-len(".tmp")] + ".old")
        try:
            os.rename(out, old)
            os.rename(tmp, out)
        except BaseException:  # the previous output back in its place
            if os.path.lexists(old) and not os.path.lexists(out):
                os.rename(old, out)
            raise
    _rmtree(old)


def _check_output(out: Path, files: List[str], overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise _not_empty(out)
    root = out.resolve()
    for f in files:
        if not _remote(f) and (root == Path(f).resolve() or root in Path(f).resolve().parents):
            raise CorpusError(f"{f}: an input lies inside the output folder {out}")


def clean_corpus(input_path: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]],
                 output_path: Union[str, os.PathLike],
                 scheduler: Optional[str] = None, text_field: str = "text", html_field: str = "html",
                 url_field: str = "url", config: Optional[Config] = None, n_workers: Optional[int] = None,
                 blocksize: Union[int, str] = "16MiB", overwrite: bool = False,
                 on_error: Optional[Callable[[str], None]] = None,
                 on_part: Optional[Callable[[Dict[str, Any]], None]] = None,
                 dedup: bool = False, stopped: Optional[Callable[[], bool]] = None) -> CorpusResult:
    """Clean a JSONL, Parquet or WARC corpus on a cluster into the folder ``output_path``.

    WARC files (``.warc``, ``.warc.gz``): one task a file; each HTML response
    becomes a record as ``newsclean batch`` writes it (id, URL, fetch date,
    HTTP charset, file and offset, the result under ``newsclean``); other
    records are counted by reason (``skipped``); a broken record is a failed
    record (its file and offset), the records before it are kept.

    ``dedup``: each record gets ``fingerprint`` and ``duplicate_of`` as
    ``newsclean batch --dedup`` gives them (JSONL or WARC input); the LSH
    bands are grouped on the cluster (see :func:`_near_duplicates`).

    A failed record is counted in the result, written to
    ``output_path/_errors.jsonl`` and passed to ``on_error`` as
    ``"path:line: message"``; the run goes on. The folder is written whole
    or not at all: raises :class:`OutputExistsError` if it is not empty
    (unless ``overwrite``), :class:`CorpusError` for a bad input; any other
    exception (the cluster failed, an interrupt) leaves the folder as it was.
    ``on_part`` is called with each finished part's counts and the number of
    ``parts`` in all (a progress bar). ``stopped``: asked before the folder is
    moved into place; True raises KeyboardInterrupt (an interrupt that Python
    swallowed, raised inside a callback of the cluster's client, still stops the run).
    """
    from dask.utils import parse_bytes  # (optional extra: newsclean[dask])

    t0 = time.perf_counter()
    paths: List[Any] = list(input_path) if isinstance(input_path, (list, tuple)) else [input_path]
    inputs = [os.fspath(p) for p in paths]
    bs = parse_bytes(blocksize) if isinstance(blocksize, str) else int(blocksize)
    if bs < 1:
        raise CorpusError(f"blocksize must be positive (got {blocksize!r})")
    if _remote(os.fspath(output_path)):
        raise CorpusError(f"{os.fspath(output_path)}: the output must be a folder on a (shared) file system, "
                          "not a URL")
    files = _expand(inputs)
    out = Path(os.fspath(output_path))
    _check_output(out, files, overwrite)
    units = _plan(files, bs)
    with_dedup = dedup
    if with_dedup and units and units[0].kind == "parquet":
        raise CorpusError("dedup: give JSONL or WARC input (Parquet parts are not marked)")
    width = max(5, len(str(len(units) - 1)))
    fields = (text_field, html_field, url_field)

    from distributed import Client, LocalCluster, as_completed  # (optional extra: newsclean[dask])

    out.parent.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex[:12]
    tmp = out.with_name(f".{out.name}.{token}.tmp")
    cluster = client = None
    futures: List[Any] = []
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = _local_cluster(LocalCluster, n_workers)
            client = Client(cluster)
        tmp.mkdir()
        (tmp / _PART_ERRORS).mkdir()
        (tmp / _PART_DEDUP).mkdir()
        futures = client.map(_run_unit, units, key=[f"newsclean-part-{token}-{u.index}" for u in units],
                             tmpdir=str(tmp), width=width, fields=fields, config=config, with_dedup=with_dedup)
        results: List[Dict[str, Any]] = [{} for _ in units]
        for fut in as_completed(futures):
            res = fut.result()
            results[res["index"]] = res
            if on_part is not None:
                on_part(dict(res, parts=len(units)))
        failed_any = _merge_errors(tmp, units, results, on_error)
        marked = _near_duplicates(client, tmp, results) if with_dedup else None
        for entry in os.listdir(tmp):  # the parts' errors files, and temporary files of tasks lost with a worker
            if entry.startswith("."):
                p = tmp / entry
                _rmtree(p) if p.is_dir() else p.unlink()
        if stopped is not None and stopped():
            raise KeyboardInterrupt
        _move_into_place(tmp, out, overwrite)
    except BaseException:
        if client is not None and futures:
            try:
                client.cancel(futures)
            except Exception:
                pass
        _rmtree(tmp)
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    failures: Counter = Counter()
    removed: Counter = Counter()
    skipped: Counter = Counter()
    for res in results:
        failures.update(res["failures"])
        removed.update(res["removed"])
        skipped.update(res["skipped"])
    return CorpusResult(str(out), [str(out / r["file"]) for r in results if r["file"]],
                        sum(r["documents"] for r in results),
                        sum(r["failed"] for r in results), dict(failures), dict(removed),
                        str(out / ERRORS_FILE) if failed_any else None, time.perf_counter() - t0, dict(skipped),
                        marked[0] if marked else None, marked[1] if marked else None)
