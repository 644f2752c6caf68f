"""The explain report as one self-contained HTML page, and an index over a
batch's results.

``newsclean --explain --format html FILE > report.html``: the text that was
cleaned with every removed span highlighted in its category's colour (the
rule and the reason on hover and on keyboard focus), a legend with counts
per category, the extracted metadata, a switch that shows the clean article
alone and, for HTML input, the lines of the page the extraction step itself
left out. No script, no network asset: the page is complete offline and
prints well.

``newsclean report OUT.jsonl -o report/``: one such page per record of a
``newsclean batch`` output (the input fields are passed through by the batch,
so the text can be shown again), and ``report/index.html`` over them all.
"""
from __future__ import annotations

import argparse
import dataclasses
import html
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .. import categories
from ..html.extract import main_text
from ..html.pagetext import page_text
from ..html.structure import key
from ..results import Article, MetaSpan, Removal, TextBlock
from ..text.normalize import normalize
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, write_atomic
from .formats import article_html

#: Colour of a category registered without an ``html_colour``, and of metadata spans.
OTHER_COLOUR = "#999999"
META_COLOUR = "#F0E442"   # Okabe-Ito yellow
#: Fields of Article.to_dict() that are not shown in the metadata panel.
NOT_METADATA = ("text", "removed", "metadata_spans", "blocks")


@dataclasses.dataclass
class Source:
    """The text the removals' offsets index, and for HTML input what the
    extraction step left out of the page."""

    text: Optional[str]
    is_html: bool = False
    left_out: Optional[List[str]] = None
    #: Why ``text`` is None (the offsets could not be matched to a text).
    note: str = ""


def source_of(raw: Optional[str], is_html: bool, art: Article, url: Optional[str] = None) -> Source:
    """The text the pipeline cleaned: the normalised input, or for HTML the
    normalised text trafilatura extracts from the page (the same extraction
    ``clean_html`` ran), checked against every removal's offsets."""
    if raw is None:
        return Source(None, is_html, note="the input is not in the results file: removals are listed")
    if not is_html:
        text = normalize(raw)
        left: Optional[List[str]] = None
    else:
        extracted, _ = main_text(raw, url or art.url)
        text = normalize(extracted)
        have = {key(ln) for ln in text.split("\n")}
        left = [ln for ln in page_text(raw).split("\n") if key(ln) and key(ln) not in have]
    spans = [(r.start, r.end, r.text) for r in art.removed] + [(m.start, m.end, m.text) for m in art.metadata_spans]
    if any(text[s:e] != t for s, e, t in spans):
        return Source(None, is_html, left, note="the offsets do not match the input (was it cleaned with other "
                                                  "settings?): removals are listed")
    return Source(text, is_html, left)


def colour_of(category: str) -> str:
    if category in categories.names():
        return categories.get(category).html_colour or OTHER_COLOUR
    return OTHER_COLOUR


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    try:
        r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    except ValueError:
        return hex_colour
    return f"rgba({r}, {g}, {b}, {alpha})"


def _code(category: str) -> str:
    """A category's letter (told apart without colour, and on paper)."""
    return category[:1].upper()


_CSS = """
:root { --ink: #1b1b1b; --muted: #5b5b5b; --paper: #fcfcfa; --rule: #d9d9d4; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header.top { padding: 1.5rem 2rem 1rem; border-bottom: 1px solid var(--rule); }
header.top h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; font-weight: 650; }
header.top p { margin: 0; color: var(--muted); }
.switch-box { margin: 1.25rem .4rem 0 2rem; width: 1.1rem; height: 1.1rem; vertical-align: -.15rem; }
.switch { font-weight: 600; cursor: pointer; }
.layout { display: grid; grid-template-columns: minmax(14rem, 19rem) minmax(0, 46rem); gap: 2.5rem;
  padding: 1rem 2rem 3rem; }
aside h2, main h2 { font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted);
  margin: 1.5rem 0 .5rem; font-weight: 700; }
.legend { list-style: none; padding: 0; margin: 0; }
.legend li { display: grid; grid-template-columns: 1.6rem 1fr auto; gap: .5rem; align-items: baseline;
  padding: .3rem 0; border-bottom: 1px solid var(--rule); }
.legend .count { font-variant-numeric: tabular-nums; font-weight: 600; }
.legend .desc { grid-column: 2 / 4; color: var(--muted); font-size: .85rem; line-height: 1.35; }
.swatch { display: inline-block; width: 1.4rem; text-align: center; font-size: .75rem; font-weight: 700;
  border-radius: 3px; padding: 0 .15rem; }
dl.meta { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; font-size: .9rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.note { background: #f1f1ec; border-left: 3px solid #8a8a84; padding: .5rem .75rem; font-size: .9rem; }
.text, .clean { font: 1.0625rem/1.65 Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", serif; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.clean h1 { font-size: 1.6rem; line-height: 1.25; }
.clean table { border-collapse: collapse; font-size: .95rem; }
.clean th, .clean td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; }
.clean blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #999; }
mark.rm, span.ms { position: relative; color: inherit; border-radius: 2px; padding: 0 1px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.rm { text-decoration: line-through; text-decoration-thickness: 1px; text-decoration-color: rgba(0,0,0,.45); }
mark.rm::before, span.ms::before { content: attr(data-code); font: 700 .65rem/1 system-ui, sans-serif;
  vertical-align: super; margin-right: 2px; }
mark.rm:focus, span.ms:focus { outline: 3px solid #1b1b1b; outline-offset: 1px; }
mark.rm:hover::after, mark.rm:focus::after, span.ms:hover::after, span.ms:focus::after {
  content: attr(data-why); position: absolute; left: 0; top: 100%; z-index: 2; width: max-content;
  max-width: 28rem; white-space: normal; background: #1b1b1b; color: #fff; padding: .35rem .55rem;
  border-radius: 4px; font: 400 .8rem/1.35 system-ui, sans-serif; text-decoration: none; }
details.left-out summary { cursor: pointer; font-weight: 600; }
details.left-out ol { color: var(--muted); font-size: .9rem; }
.removals { padding-left: 1.2rem; }
#clean { display: none; }
#clean-only:checked ~ .layout { grid-template-columns: minmax(0, 46rem); }
#clean-only:checked ~ .layout #clean { display: block; }
#clean-only:checked ~ .layout #annotated, #clean-only:checked ~ .layout #left-out,
#clean-only:checked ~ .layout aside { display: none; }
table.index { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.index th, table.index td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
table.index td.n { text-align: right; font-variant-numeric: tabular-nums; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
@media print {
  body { background: none; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .switch, .switch-box { display: none; }
  .layout { display: block; padding: 0; }
  header.top { padding: 0 0 .5rem; }
  aside { break-inside: avoid; }
  mark.rm:hover::after, mark.rm:focus::after, span.ms:hover::after, span.ms:focus::after { content: none; }
  details.left-out:not([open]) { display: none; }
  a { color: inherit; }
}
"""


def _category_css(names: Sequence[str]) -> str:
    rules = []
    for n in names:
        c = colour_of(n)
        rules.append(f'mark.rm[data-category="{n}"] {{ background: {_rgba(c, 0.28)}; '
                     f'box-shadow: inset 0 -2px 0 {c}; }}')
        rules.append(f'.swatch[data-category="{n}"] {{ background: {_rgba(c, 0.28)}; box-shadow: inset 0 -2px 0 {c}; }}')
    rules.append(f"span.ms {{ background: {_rgba(META_COLOUR, 0.45)}; box-shadow: inset 0 -2px 0 #b5a800; }}")
    rules.append(f".swatch.meta {{ background: {_rgba(META_COLOUR, 0.45)}; box-shadow: inset 0 -2px 0 #b5a800; }}")
    return "\n".join(rules)


def _page(title: str, body: str, names: Sequence[str], lang: Optional[str] = None) -> str:
    e = html.escape
    lang_attr = f' lang="{e(lang)}"' if lang else ' lang="en"'
    return ("<!DOCTYPE html>\n"
            f"<html{lang_attr}>\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="newsclean">\n'
            f"<title>{e(title)}</title>\n<style>{_CSS}\n{_category_css(names)}\n</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def _why(r: Removal) -> str:
    return f"{r.category} · {r.rule}: {r.reason}"


def _annotated(text: str, art: Article) -> str:
    """The text with each removed span in a focusable <mark> and each metadata span in a <span>."""
    e = html.escape
    marks: List[Tuple[int, int, str]] = []
    for r in art.removed:
        attrs = (f'class="rm" tabindex="0" data-category="{e(r.category)}" data-code="{_code(r.category)}" '
                 f'data-rule="{e(r.rule)}" data-start="{r.start}" data-end="{r.end}" '
                 f'data-why="{e(_why(r))}" title="{e(_why(r))}" '
                 f'aria-label="{e(f"removed, {r.category}: {r.reason} (rule {r.rule})")}"')
        marks.append((r.start, r.end, f"<mark {attrs}>"))
    for m in art.metadata_spans:
        why = f"metadata · {m.field}: moved to the metadata"
        attrs = (f'class="ms" tabindex="0" data-field="{e(m.field)}" data-code="M" data-start="{m.start}" '
                 f'data-end="{m.end}" data-why="{e(why)}" title="{e(why)}" '
                 f'aria-label="{e(f"metadata, {m.field}")}"')
        marks.append((m.start, m.end, f"<span {attrs}>"))
    marks.sort(key=lambda t: (t[0], t[1]))
    out, pos = [], 0
    for s, end, tag in marks:
        if s < pos:
            continue
        out.append(e(text[pos:s]))
        out.append(tag + e(text[s:end]) + ("</mark>" if tag.startswith("<mark") else "</span>"))
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def _legend(art: Article) -> str:
    e = html.escape
    counts = art.removed_by_category()
    chars: Dict[str, int] = {}
    for r in art.removed:
        chars[r.category] = chars.get(r.category, 0) + (r.end - r.start)
    names = list(categories.names()) + sorted(c for c in counts if c not in categories.names())
    items = []
    for n in names:
        desc = categories.get(n).description if n in categories.names() else ""
        items.append(f'<li data-category="{e(n)}"><span class="swatch" data-category="{e(n)}" aria-hidden="true">'
                     f'{_code(n)}</span><span class="name">{e(n)}</span>'
                     f'<span class="count" data-count="{counts.get(n, 0)}">{counts.get(n, 0)}</span>'
                     f'<span class="desc">{e(desc)}{f" ({chars[n]:,} characters)" if n in chars else ""}</span></li>')
    n_meta = len(art.metadata_spans)
    items.append(f'<li data-category="metadata"><span class="swatch meta" aria-hidden="true">M</span>'
                 f'<span class="name">metadata</span><span class="count" data-count="{n_meta}">{n_meta}</span>'
                 '<span class="desc">title, date, byline and dateline lines, moved to the metadata</span></li>')
    total = len(art.removed)
    return (f'<h2 id="legend-h">Removed ({total} span{"" if total == 1 else "s"})</h2>'
            f'<ul class="legend" aria-labelledby="legend-h">{"".join(items)}</ul>')


def _metadata(art: Article) -> str:
    e = html.escape
    rows = []
    for k, v in art.to_dict().items():
        if k in NOT_METADATA or v in (None, "", [], {}):
            continue
        if isinstance(v, bool):
            v = "yes" if v else "no"
        elif isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        elif isinstance(v, dict):
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        rows.append(f"<dt>{e(k.replace('_', ' '))}</dt><dd>{e(str(v))}</dd>")
    rows.append(f"<dt>kept</dt><dd>{len(art.text):,} characters</dd>")
    return f'<h2 id="meta-h">Metadata</h2><dl class="meta" aria-labelledby="meta-h">{"".join(rows)}</dl>'


def explain_html(art: Article, src: Source, name: str = "") -> str:
    """The report page of one cleaned input."""
    e = html.escape
    heading = art.title or name or "Untitled"
    sub = [x for x in (name, art.url, "HTML input" if src.is_html else "text input") if x]
    parts = [f'<header class="top"><h1>newsclean report: {e(heading)}</h1><p>{e(" · ".join(sub))}</p></header>',
             # the switch: a checkbox before .layout (CSS shows the clean article alone when it is checked)
             '<input type="checkbox" id="clean-only" class="switch-box">',
             '<label class="switch" for="clean-only">Show the clean article alone</label>']
    parts.append('<div class="layout">')
    parts.append(f"<aside>{_legend(art)}{_metadata(art)}</aside>")
    parts.append("<main>")
    if art.low_confidence:
        parts.append('<p class="note">Low confidence: the detectors would have removed nearly everything; '
                     "what was removed for its position was kept.</p>")
    parts.append('<section id="annotated" aria-labelledby="annotated-h">')
    if src.text is not None:
        if src.is_html:
            parts.append('<h2 id="annotated-h">The text that was cleaned</h2><p class="note">For HTML input, '
                         "newsclean cleans the text that trafilatura extracts from the page, shown here with "
                         "newsclean's removals marked. What the extraction left out of the page is listed "
                         "after it.</p>")
        else:
            parts.append('<h2 id="annotated-h">The input, with every removal marked</h2>')
        parts.append(f'<div class="text">{_annotated(src.text, art)}</div>')
    else:
        parts.append(f'<h2 id="annotated-h">Removed spans</h2><p class="note">{e(src.note)}</p>')
        items = []
        for r in art.removed:
            items.append(f'<li><mark class="rm" tabindex="0" data-category="{e(r.category)}" '
                         f'data-code="{_code(r.category)}" data-rule="{e(r.rule)}" data-start="{r.start}" '
                         f'data-end="{r.end}" data-why="{e(_why(r))}" title="{e(_why(r))}" '
                         f'aria-label="{e(f"removed, {r.category}: {r.reason} (rule {r.rule})")}">'
                         f"{e(r.text)}</mark></li>")
        parts.append(f'<ol class="removals">{"".join(items)}</ol>')
    parts.append("</section>")
    parts.append('<section id="clean" aria-labelledby="clean-h"><h2 id="clean-h">The clean article</h2>'
                 f'<div class="clean">{article_html(art, media=False)}</div></section>')
    if src.is_html and src.left_out is not None:
        lines = "".join(f"<li>{e(ln)}</li>" for ln in src.left_out)
        parts.append('<section id="left-out" aria-labelledby="left-out-h">'
                     '<h2 id="left-out-h">Left out by the extraction step</h2>'
                     '<p class="note">Lines of the page\'s visible text that are not in trafilatura\'s extraction '
                     "(menus, footers, scripts' fallbacks, other stories ...). newsclean never saw them, so they "
                     "carry no category.</p>"
                     f'<details class="left-out"><summary>{len(src.left_out)} line'
                     f'{"" if len(src.left_out) == 1 else "s"}</summary><ol>{lines}</ol></details></section>')
    parts.append("</main></div>")
    return _page(f"newsclean report: {heading}", "\n".join(parts), categories.names(), art.language)


# ------------------------------------------------------------------ newsclean report
def article_from_dict(d: Dict[str, Any]) -> Article:
    """An Article again from ``Article.to_dict()`` (fields it does not know are ignored)."""
    names = {f.name for f in dataclasses.fields(Article)}
    kw = {k: v for k, v in d.items() if k in names}
    kw["removed"] = [Removal(**r) for r in d.get("removed") or []]
    kw["metadata_spans"] = [MetaSpan(**m) for m in d.get("metadata_spans") or []]
    if d.get("blocks") is not None:
        kw["blocks"] = [TextBlock(b["kind"], b["text"], b.get("level", 0), b.get("group", -1),
                                  tuple(tuple(x) for x in b.get("links") or ()),
                                  tuple(tuple(x) for x in b.get("images") or ())) for b in d["blocks"]]
    return Article(**kw)


def _result_of(rec: Dict[str, Any]) -> Dict[str, Any]:
    if isinstance(rec.get("newsclean"), dict):
        return rec["newsclean"]
    if "clean_text" in rec:   # a --flat batch output
        flat = {k: v for k, v in rec.items() if k not in ("clean_text",)}
        flat["text"] = rec["clean_text"]
        return flat
    raise ValueError("no 'newsclean' result in this record (is it newsclean batch output?)")


def index_html(rows: List[Tuple[str, Article, str]], title: str) -> str:
    """The index page: one row per document, its counts per category, a link to its report."""
    e = html.escape
    names = list(categories.names())
    head = "".join(f'<th scope="col"><span class="swatch" data-category="{e(n)}" aria-hidden="true">{_code(n)}</span> '
                   f"{e(n)}</th>" for n in names)
    body = []
    totals = {n: 0 for n in names}
    for label, art, href in rows:
        counts = art.removed_by_category()
        for n in names:
            totals[n] += counts.get(n, 0)
        cells = "".join(f'<td class="n" data-category="{e(n)}">{counts.get(n, 0) or ""}</td>' for n in names)
        flag = " (low confidence)" if art.low_confidence else ""
        body.append(f'<tr><td><a href="{e(href)}">{e(art.title or label)}</a>{e(flag)}'
                    f'<br><small>{e(label)}</small></td><td class="n">{len(art.text):,}</td>{cells}</tr>')
    foot = "".join(f'<td class="n" data-category="{e(n)}">{totals[n]}</td>' for n in names)
    table = (f'<table class="index"><thead><tr><th scope="col">document</th><th scope="col">kept characters</th>{head}'
             f'</tr></thead><tbody>{"".join(body)}</tbody><tfoot><tr><th scope="row">all {len(rows)}</th><td></td>'
             f"{foot}</tr></tfoot></table>")
    page = (f'<header class="top"><h1>{e(title)}</h1><p>{len(rows)} document{"" if len(rows) == 1 else "s"}; '
            f"removed spans per category; each title opens its report.</p></header>"
            f'<div style="padding: 1rem 2rem">{table}</div>')
    return _page(title, page, names)


def report_main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(prog="newsclean report",
                                 description="HTML reports over a newsclean batch output: an index page and one "
                                             "explain page per record.")
    ap.add_argument("results", metavar="OUT.jsonl", help="the output of newsclean batch (JSONL)")
    ap.add_argument("--output", "-o", metavar="DIR", required=True, help="folder for index.html and the reports")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--html-field", default="html")
    ap.add_argument("--url-field", default="url")
    args = ap.parse_args(argv)
    try:
        fh = open(args.results, encoding="utf-8")
    except OSError as exc:
        fail(args.results, exc.strerror or str(exc))
        return EXIT_USAGE
    out = Path(args.output)
    rows: List[Tuple[str, Article, str]] = []
    status = EXIT_OK
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            label = f"{args.results}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("not a JSON object")
                art = article_from_dict(_result_of(rec))
                url = rec.get(args.url_field) if isinstance(rec.get(args.url_field), str) else None
                if isinstance(rec.get(args.text_field), str):
                    src = source_of(rec[args.text_field], False, art)
                elif isinstance(rec.get(args.html_field), str):
                    src = source_of(rec[args.html_field], True, art, url)
                else:
                    src = source_of(None, False, art)
                name = f"docs/{lineno:06d}.html"
                write_atomic(out / name, explain_html(art, src, url or label))
                rows.append((url or f"line {lineno}", art, name))
            except (ValueError, TypeError, KeyError, RecursionError) as exc:
                fail(label, f"skipped ({type(exc).__name__}: {exc})")
                status = EXIT_FAILED
            except OSError as exc:   # the output folder cannot be written: nothing else will be
                fail(str(out), f"cannot write ({exc.strerror or exc})")
                return EXIT_FAILED
    try:
        write_atomic(out / "index.html", index_html(rows, f"newsclean report: {Path(args.results).name}"))
    except OSError as exc:
        fail(str(out), f"cannot write ({exc.strerror or exc})")
        return EXIT_FAILED
    print(f"newsclean report: {len(rows)} reports, index at {out / 'index.html'}", file=sys.stderr)
    return status
