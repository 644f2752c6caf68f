"""Command line: ``newsclean FILE...`` and ``newsclean batch IN -o OUT``.

Exit codes: 0 all inputs cleaned; 1 some input failed (each failure is one line
on stderr); 2 usage error; 130 interrupted.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple

from . import COMPILED, __version__
from .config import CATEGORIES, Config

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "json", "jsonl", "markdown")
_EXT = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}

EPILOG = """\
examples:
  newsclean page.txt                      clean text on stdout
  newsclean --format json page.html       full result (metadata, removals) as JSON
  newsclean --explain page.txt            the input with every removal marked
  curl -s URL | newsclean --html -        stdin
  newsclean -o clean/ crawl/              a folder (recursively), one result file per input
  newsclean --keep teaser page.txt        keep what the teaser detector would remove
  newsclean --only spam page.txt          run the spam detector alone
  newsclean --config site-rules.toml --url https://example.com/a page.html
  newsclean batch crawl.jsonl -o clean.jsonl --jobs 4
  newsclean dask "crawl/*.jsonl" -o clean/ --scheduler tcp://host:8786

exit codes: 0 ok; 1 some input failed; 2 usage error; 130 interrupted
"""


class InputError(Exception):
    """A bad input: reported as one line, processing goes on."""


# ------------------------------------------------------------------ config
def load_config_file(path: str) -> dict:
    """Read a TOML config: [detectors] switches and thresholds, [phrases] extra
    vocabulary, [[site]] per-domain rules (domain, drop_lines)."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such config file")
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML ({e})")
    return data


def build_config(args, file_cfg: dict, url: Optional[str] = None) -> Config:
    fields = {f for f in Config.__dataclass_fields__}
    kw = {}
    for k, v in (file_cfg.get("detectors") or {}).items():
        if k not in fields:
            raise InputError(f"config: unknown setting [detectors] {k}")
        kw[k] = v
    phrases = {k: tuple(v) for k, v in (file_cfg.get("phrases") or {}).items()}
    if phrases:
        kw["extra_phrases"] = phrases
    drop: List[str] = []
    if url:
        host = _host(url)
        for site in file_cfg.get("site") or []:
            dom = str(site.get("domain", "")).lower().lstrip(".")
            if dom and (host == dom or host.endswith("." + dom)):
                drop.extend(site.get("drop_lines") or [])
    if drop:
        kw["drop_lines"] = tuple(drop)
    if args.only:
        for c in CATEGORIES:
            kw[c] = c in args.only
    for c in args.keep or []:
        kw[c] = False
    try:
        return Config(**kw)
    except TypeError as e:
        raise InputError(f"config: {e}")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()


# ------------------------------------------------------------------ inputs
def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return head.count("<") >= 10 and any(t in head for t in ("<div", "<p>", "<p ", "<body", "<head", "<meta"))


def expand_inputs(items: Iterable[str]) -> Iterator[Tuple[str, str, Optional[str]]]:
    """(path, name for an output file, error) for each input: files,
    directories (recursive, names relative to the directory), globs, '-'."""
    for item in items:
        if item == "-":
            yield item, "stdin", None
        elif os.path.isdir(item):
            found = False
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        found = True
                        path = os.path.join(root, name)
                        yield path, os.path.relpath(path, item), None
            if not found:
                yield item, "", "directory has no files"
        elif os.path.exists(item):
            yield item, os.path.basename(item), None
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item, "", "no file matches this pattern"
            for m in matches:
                if os.path.isfile(m):
                    yield m, os.path.basename(m), None
        else:
            yield item, "", "no such file"


def read_bytes(path: str, limit: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except FileNotFoundError:
            raise InputError("no such file")
        except IsADirectoryError:
            raise InputError("is a directory")
        except PermissionError:
            raise InputError("permission denied")
        except OSError as e:
            raise InputError(e.strerror or str(e))
    if len(data) > limit:
        raise InputError(f"larger than {limit:,} bytes (Config.max_chars)")
    return data


def clean_bytes(data: bytes, cfg: Config, mode: str = "auto", url: Optional[str] = None):
    from . import clean_html, clean_text
    from .normalize import decode_bytes

    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file (NUL bytes), not text or HTML")
    try:
        text = decode_bytes(data)
    except UnicodeDecodeError as e:
        raise InputError(f"cannot decode as text ({e.reason})")
    if mode == "html" or (mode == "auto" and looks_like_html(text)):
        art = clean_html(text, url=url, config=cfg)
    else:
        art = clean_text(text, config=cfg)
        art.url = url
    return art, text


# ------------------------------------------------------------------ outputs
def render(art, fmt: str) -> str:
    if fmt == "text":
        return art.text + "\n"
    if fmt == "json":
        return json.dumps(art.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(art.to_dict(), ensure_ascii=False) + "\n"
    lines = []
    if art.title:
        lines += [f"# {art.title}", ""]
    meta = [x for x in (art.date, ", ".join(art.authors) if art.authors else None, art.source) if x]
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    lines.append(art.text)
    return "\n".join(lines) + "\n"


_COLORS = {"icon": "35", "paywall": "33", "spam": "31", "foreign_language": "36", "teaser": "34",
           "boilerplate": "90", "duplicate": "32"}


def explain(art, norm: Optional[str], color: bool) -> str:
    """The normalised input with every removed and metadata span marked. For
    HTML (``norm`` None: the offsets index trafilatura's extracted text, which
    is not the input) the removals are listed, then the clean text follows."""
    if norm is None:
        lines = []
        for r in art.removed:
            tag = f"{r.category} · {r.rule}: {r.reason}"
            lines.append((f"\x1b[{_COLORS.get(r.category, '1')}m⟨{tag}⟩\x1b[0m " if color else f"{{{tag}}} ")
                         + r.text)
        norm = "\n".join(lines) + ("\n\n" if lines else "") + "--- clean text ---\n" + art.text
        return _explain_head(art) + norm + "\n"
    marks = [(r.start, r.end, r.category, f"{r.rule}: {r.reason}") for r in art.removed]
    marks += [(m.start, m.end, "metadata", m.field) for m in art.metadata_spans]
    marks.sort()
    out, pos = [], 0
    for s, e, cat, why in marks:
        if s < pos:
            continue
        out.append(norm[pos:s])
        span = norm[s:e]
        if color:
            code = _COLORS.get(cat, "1")
            out.append(f"\x1b[{code};9m{span}\x1b[0m\x1b[{code}m ⟨{cat} · {why}⟩\x1b[0m")
        else:
            out.append(f"[-{span}-]{{{cat}: {why}}}")
        pos = e
    out.append(norm[pos:])
    return _explain_head(art) + "".join(out).rstrip("\n") + "\n"


def _explain_head(art) -> str:
    head = []
    for k in ("title", "date", "dateline", "source", "language"):
        v = getattr(art, k)
        if v:
            head.append(f"{k}: {v}")
    if art.authors:
        head.append("authors: " + ", ".join(art.authors))
    if art.paywalled:
        head.append("paywalled: yes")
    if art.low_confidence:
        head.append("low confidence: the detectors would have removed nearly everything; best candidate kept")
    counts = art.removed_by_category()
    head.append("removed: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "nothing"))
    return "\n".join(head) + "\n\n"


def write_atomic(path: Path, data: str) -> None:
    """Write via a temporary file in the same folder and rename: a reader never
    sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _fail(label: str, msg: str) -> None:
    print(f"newsclean: error: {label}: {msg}" if label else f"newsclean: error: {msg}", file=sys.stderr)


# ------------------------------------------------------------------ main
def _category(value: str) -> str:
    if value not in CATEGORIES:
        raise argparse.ArgumentTypeError(f"unknown category {value!r} (choose from {', '.join(CATEGORIES)})")
    return value


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsclean", description="The article alone, from a scraped news page.",
                                 epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="FILE", help="file, directory, glob, or - for stdin")
    ap.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")
    ap.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
    ap.add_argument("--explain", action="store_true", help="show the input with each removal marked and explained")
    ap.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour for --explain")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_const", const="html", dest="mode", help="treat inputs as HTML")
    kind.add_argument("--text", action="store_const", const="text", dest="mode", help="treat inputs as text")
    ap.add_argument("--url", help="the page's URL (metadata, per-site rules)")
    ap.add_argument("--keep", action="append", type=_category, metavar="CATEGORY", help="do not remove this category")
    ap.add_argument("--only", action="append", type=_category, metavar="CATEGORY", help="run only this detector")
    ap.add_argument("--config", metavar="FILE", help="TOML file: [detectors], [phrases], [[site]] rules")
    ap.add_argument("--output", "-o", metavar="DIR", help="write one result file per input into DIR")
    ap.add_argument("--version", action="version", version=f"newsclean {__version__} ({'compiled' if COMPILED else 'pure Python'})")
    ap.set_defaults(mode="auto")
    return ap


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "batch":
            from .batch import main as batch_main

            return batch_main(argv[1:])
        if argv and argv[0] == "dask":
            from .distributed import main as dask_main

            return dask_main(argv[1:])
        return _main(argv)
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK


def _main(argv: List[str]) -> int:
    args = parser().parse_args(argv)
    try:
        file_cfg = load_config_file(args.config) if args.config else {}
        base_cfg = build_config(args, file_cfg, args.url)
    except InputError as e:
        _fail("", str(e))
        return EXIT_USAGE
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    status = EXIT_OK
    outdir = Path(args.output) if args.output else None
    inputs = list(expand_inputs(args.inputs))
    several = len(inputs) > 1 and outdir is None and (args.explain or args.format in ("text", "markdown"))
    for path, name, err in inputs:
        label = "<stdin>" if path == "-" else path
        if err:
            _fail(label, err)
            status = EXIT_FAILED
            continue
        try:
            data = read_bytes(path, base_cfg.max_chars)
            art, raw = clean_bytes(data, base_cfg, args.mode, args.url)
        except InputError as e:
            _fail(label, str(e))
            status = EXIT_FAILED
            continue
        except (ValueError, RecursionError, MemoryError) as e:
            _fail(label, f"could not clean ({type(e).__name__}: {e})")
            status = EXIT_FAILED
            continue
        if args.explain:
            from .normalize import normalize

            is_html = args.mode == "html" or (args.mode == "auto" and looks_like_html(raw))
            body = explain(art, None if is_html else normalize(raw), color and outdir is None)
        else:
            body = render(art, args.format)
        if outdir is not None:
            write_atomic(outdir / Path(name).with_suffix(".explain.txt" if args.explain else _EXT[args.format]), body)
        else:
            if several:
                sys.stdout.write(f"==> {label} <==\n")
            sys.stdout.write(body)
            sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
