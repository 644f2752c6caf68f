"""Command line: ``newsclean FILE...``; ``newsclean batch`` and ``newsclean
dask`` are dispatched to :mod:`newsclean.cli.batch` and :mod:`newsclean.distributed`.

Exit codes: 0 all inputs cleaned; 1 some input failed (each failure is one line
on stderr); 2 usage error; 130 interrupted.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional

from .. import __version__, categories
from ..results import Article
from ..text.normalize import normalize
from .common import (EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, EXTENSIONS, FORMATS, InputError,
                     build_config, category_arg, clean_bytes, expand_inputs, fail, load_config_file, looks_like_html,
                     read_bytes, render, write_atomic)
from .report import explain_html, source_of

EPILOG = """\
examples:
  newsclean page.txt                      clean text on stdout
  newsclean --format json page.html       full result (metadata, removals) as JSON
  newsclean --explain page.txt            the input with every removal marked
  newsclean --explain -f html page.html > report.html   the same as a self-contained HTML page
  newsclean --format markdown page.html   the article with its headings, lists and tables
  newsclean report clean.jsonl -o report/ an index page and one report per record of a batch output
  curl -s URL | newsclean --html -        stdin
  newsclean -o clean/ crawl/              a folder (recursively), one result file per input
  newsclean --keep teaser page.txt        keep what the teaser detector would remove
  newsclean --only spam page.txt          run the spam detector alone
  newsclean --config site-rules.toml --url https://example.com/a page.html
  newsclean batch crawl.jsonl -o clean.jsonl --jobs 4
  newsclean dask "crawl/*.jsonl" -o clean/ --scheduler tcp://host:8786

exit codes: 0 ok; 1 some input failed; 2 usage error; 130 interrupted
"""


def _colour(category: str) -> str:
    """The ANSI colour of a category's spans (bold for metadata)."""
    return categories.get(category).colour if category in categories.names() else "1"


def explain(art: Article, norm: Optional[str], color: bool) -> str:
    """The normalised input with every removed and metadata span marked. For
    HTML (``norm`` None: the offsets index trafilatura's extracted text, which
    is not the input) the removals are listed, then the clean text follows."""
    if norm is None:
        lines = []
        for r in art.removed:
            tag = f"{r.category} · {r.rule}: {r.reason}"
            lines.append((f"\x1b[{_colour(r.category)}m⟨{tag}⟩\x1b[0m " if color else f"{{{tag}}} ")
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
            code = _colour(cat)
            out.append(f"\x1b[{code};9m{span}\x1b[0m\x1b[{code}m ⟨{cat} · {why}⟩\x1b[0m")
        else:
            out.append(f"[-{span}-]{{{cat}: {why}}}")
        pos = e
    out.append(norm[pos:])
    return _explain_head(art) + "".join(out).rstrip("\n") + "\n"


def _explain_head(art: Article) -> str:
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


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsclean", description="The article alone, from a scraped news page.",
                                 epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="FILE", help="file, directory, glob, or - for stdin")
    ap.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")
    ap.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
    ap.add_argument("--explain", action="store_true",
                    help="show the input with each removal marked and explained (with --format html: a report page)")
    ap.add_argument("--structure", action="store_true",
                    help="report headings, lists, tables, quotations (JSON 'blocks'; on for markdown and html)")
    ap.add_argument("--links", action="store_true", help="HTML input: keep the blocks' links (with the structure)")
    ap.add_argument("--images", action="store_true", help="HTML input: keep the images (with the structure)")
    ap.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour for --explain")
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_const", const="html", dest="mode", help="treat inputs as HTML")
    kind.add_argument("--text", action="store_const", const="text", dest="mode", help="treat inputs as text")
    ap.add_argument("--url", help="the page's URL (metadata, per-site rules)")
    ap.add_argument("--keep", action="append", type=category_arg, metavar="CATEGORY", help="do not remove this category")
    ap.add_argument("--only", action="append", type=category_arg, metavar="CATEGORY", help="run only this detector")
    ap.add_argument("--config", metavar="FILE", help="TOML file: [detectors], [phrases], [[site]] rules")
    ap.add_argument("--output", "-o", metavar="DIR", help="write one result file per input into DIR")
    ap.add_argument("--version", action="version", version=f"newsclean {__version__}")
    ap.set_defaults(mode="auto")
    return ap


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "batch":
            from .batch import main as batch_main  # (each subcommand imports only what it needs)

            return batch_main(argv[1:])
        if argv and argv[0] == "report":
            from .report import report_main  # (each subcommand imports only what it needs)

            return report_main(argv[1:])
        if argv and argv[0] == "dask":
            from .dask import main as dask_main  # (imports dask only when asked for)

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
        fail("", str(e))
        return EXIT_USAGE
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    status = EXIT_OK
    outdir = Path(args.output) if args.output else None
    inputs = list(expand_inputs(args.inputs))
    if args.format == "html" and outdir is None and len(inputs) > 1:
        fail("", "--format html writes one page per input: give -o DIR for several inputs")
        return EXIT_USAGE
    several = len(inputs) > 1 and outdir is None and (args.explain or args.format in ("text", "markdown"))
    for path, name, err in inputs:
        label = "<stdin>" if path == "-" else path
        if err:
            fail(label, err)
            status = EXIT_FAILED
            continue
        try:
            data = read_bytes(path, base_cfg.max_chars)
            art, raw = clean_bytes(data, base_cfg, args.mode, args.url)
        except InputError as e:
            fail(label, str(e))
            status = EXIT_FAILED
            continue
        except (ValueError, RecursionError, MemoryError) as e:
            fail(label, f"could not clean ({type(e).__name__}: {e})")
            status = EXIT_FAILED
            continue
        is_html = args.mode == "html" or (args.mode == "auto" and looks_like_html(raw))
        if args.explain and args.format == "html":
            body = explain_html(art, source_of(raw, is_html, art, args.url), name)
        elif args.explain:
            body = explain(art, None if is_html else normalize(raw), color and outdir is None)
        else:
            body = render(art, args.format)
        if outdir is not None:
            suffix = (".explain.html" if args.format == "html" else ".explain.txt") if args.explain else EXTENSIONS[args.format]
            write_atomic(outdir / Path(name).with_suffix(suffix), body)
        else:
            if several:
                sys.stdout.write(f"==> {label} <==\n")
            sys.stdout.write(body)
            sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())

