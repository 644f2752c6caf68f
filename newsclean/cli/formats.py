"""The article as Markdown and as a clean HTML page, with its structure
(``Article.blocks``: headings, lists, tables, quotations). Without blocks
(the structure was not asked for) every paragraph is a paragraph."""
from __future__ import annotations

import html
import re
from typing import List, Optional, Tuple

from ..analysis.structure import is_numbered
from ..results import Article, TextBlock
from ..text.words import BULLET_RE

_CELL_SPLIT_RE = re.compile(r"(?<!\\) \| ")
_GROUPED = ("item", "row", "rule", "quote")


def _blocks(art: Article) -> List[TextBlock]:
    """The article's blocks, without a first one that is the title (kept in
    the text when nothing set it apart; the title is shown as the heading)."""
    blocks = art.blocks if art.blocks is not None else [TextBlock("paragraph", p) for p in art.text.split("\n\n") if p]
    if blocks and art.title and blocks[0].text == art.title:
        return blocks[1:]
    return blocks


def _runs(blocks: List[TextBlock]) -> List[List[TextBlock]]:
    """Consecutive blocks of one list, table or quotation together; every
    other block on its own."""
    runs: List[List[TextBlock]] = []
    for b in blocks:
        prev = runs[-1][-1] if runs else None
        if (prev is not None and b.kind in _GROUPED and prev.kind in _GROUPED and b.group == prev.group
                and b.group >= 0 and (b.kind == "quote") == (prev.kind == "quote")):
            runs[-1].append(b)
        else:
            runs.append([b])
    return runs


def item_text(text: str) -> Tuple[str, bool]:
    """A list item's text without its bullet, and whether it was numbered."""
    return BULLET_RE.sub("", text, count=1), is_numbered(text)


def cells(row: str) -> List[str]:
    inner = row.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [c.strip() for c in _CELL_SPLIT_RE.split(" " + inner.strip() + " ")] if inner.strip() else [""]


def _levels(items: List[TextBlock]) -> List[int]:
    """Item depths made drawable: never more than one deeper than the item
    before (a kept sub-item whose parent item was removed moves up)."""
    out: List[int] = []
    for b in items:
        lv = max(1, b.level or 1)
        out.append(min(lv, (out[-1] + 1) if out else 1))
    return out


# ------------------------------------------------------------------ Markdown
def markdown(art: Article) -> str:
    lines: List[str] = []
    if art.title:
        lines += [f"# {art.title}", ""]
    meta = [x for x in (art.date, ", ".join(art.authors) if art.authors else None, art.source) if x]
    if meta:
        lines += ["*" + " · ".join(meta) + "*", ""]
    parts = [_md_run(run) for run in _runs(_blocks(art))]
    lines.append("\n\n".join(parts))
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_links(b: TextBlock, text: str) -> str:
    """The text with each link's first anchor as a Markdown link."""
    for anchor, target in b.links:
        i = text.find(anchor)
        if i >= 0 and not text[:i].endswith("["):
            t = f"<{target}>" if any(c in target for c in " ()<>") else target
            text = text[:i] + f"[{anchor}]({t})" + text[i + len(anchor):]
    return text


def _md_images(run: List[TextBlock]) -> str:
    return "".join(f"![{alt}]({src})\n\n" for b in run for src, alt in b.images)


def _md_run(run: List[TextBlock]) -> str:
    return _md_images(run) + _md_body(run)


def _md_body(run: List[TextBlock]) -> str:
    first = run[0]
    if first.kind == "heading":
        return "#" * min(max(first.level, 2), 6) + " " + _md_links(first, first.text)
    if first.kind == "item":
        out = []
        for b, lv in zip(run, _levels(run)):
            text, numbered = item_text(b.text)
            out.append("    " * (lv - 1) + ("1. " if numbered else "- ") + _md_links(b, text))
        return "\n".join(out)
    if first.kind in ("row", "rule"):
        rows = [cells(b.text) for b in run if b.kind == "row"]
        width = max(len(r) for r in rows) if rows else 1
        out = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
        out.insert(1 if out else 0, "|" + "---|" * width)
        return "\n".join(out)
    if first.kind == "quote":
        return "\n>\n".join("> " + _md_links(b, b.text) for b in run)
    if first.kind == "code":
        fence = "````" if "```" in first.text else "```"
        return f"{fence}\n{first.text}\n{fence}"
    return _md_links(first, first.text)


# ------------------------------------------------------------------ HTML
_PAGE_CSS = """
body { font: 1.125rem/1.6 Charter, "Bitstream Charter", "Iowan Old Style", Georgia, serif; color: #1a1a1a;
  background: #fdfdfb; margin: 0; }
article { max-width: 40rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h1 { font-size: 2rem; margin-bottom: .5rem; }
.byline { color: #555; font-style: italic; margin-top: 0; }
table { border-collapse: collapse; margin: 1.5rem 0; font-size: .95rem; }
th, td { border: 1px solid #bbb; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f0ec; }
blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid #999; color: #333; }
@media print { body { background: none; } article { margin: 0; max-width: none; } }
"""


def html_page(art: Article) -> str:
    """A standalone HTML page of the clean article (no scripts, no network assets)."""
    e = html.escape
    lang = f' lang="{e(art.language)}"' if art.language else ""
    title = e(art.title or "Article")
    out = ["<!DOCTYPE html>", f"<html{lang}>", "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="generator" content="newsclean">', f"<title>{title}</title>",
           f"<style>{_PAGE_CSS}</style>", "</head>", "<body>", "<article>"]
    out.append(article_html(art))
    out += ["</article>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def article_html(art: Article, with_title: bool = True, media: bool = True) -> str:
    """The article's body as HTML elements (and its title and byline).
    ``media``: with the blocks' images (their sources are wherever the page had them)."""
    e = html.escape
    out: List[str] = []
    if with_title and art.title:
        out.append(f"<h1>{e(art.title)}</h1>")
    meta = [x for x in (art.date, ", ".join(art.authors) if art.authors else None, art.source) if x]
    if with_title and meta:
        out.append(f'<p class="byline">{e(" · ".join(meta))}</p>')
    for run in _runs(_blocks(art)):
        if media:
            out += [f'<figure><img src="{html.escape(src)}" alt="{html.escape(alt)}"></figure>'
                    for b in run for src, alt in b.images]
        out.append(_html_run(run))
    return "\n".join(out)


def _h(b: TextBlock, text: str) -> str:
    """The text escaped, with each link's first anchor as an <a>."""
    spots: List[Tuple[int, int, str]] = []
    for anchor, target in b.links:
        i = text.find(anchor)
        if i >= 0 and not any(s < i + len(anchor) and i < e for s, e, _ in spots):
            spots.append((i, i + len(anchor), target))
    out, pos = [], 0
    for s, e, target in sorted(spots):
        out.append(html.escape(text[pos:s]))
        out.append(f'<a href="{html.escape(target)}">{html.escape(text[s:e])}</a>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _html_run(run: List[TextBlock]) -> str:
    e = html.escape
    first = run[0]
    if first.kind == "heading":
        lv = min(max(first.level, 2), 6)
        return f"<h{lv}>{_h(first, first.text)}</h{lv}>"
    if first.kind == "item":
        return _html_list(run)
    if first.kind in ("row", "rule"):
        head = len(run) > 1 and run[1].kind == "rule"
        rows = [cells(b.text) for b in run if b.kind == "row"]
        out = ["<table>"]
        for n, r in enumerate(rows):
            tag = "th" if head and n == 0 else "td"
            out.append("<tr>" + "".join(f"<{tag}>{e(c)}</{tag}>" for c in r) + "</tr>")
        out.append("</table>")
        return "\n".join(out)
    if first.kind == "quote":
        return "<blockquote>" + "".join(f"<p>{_h(b, b.text)}</p>" for b in run) + "</blockquote>"
    if first.kind == "code":
        return f"<pre><code>{e(first.text)}</code></pre>"
    return f"<p>{_h(first, first.text)}</p>"


def _html_list(run: List[TextBlock]) -> str:
    out: List[str] = []
    stack: List[str] = []   # the open lists' tags
    for b, lv in zip(run, _levels(run)):
        text, numbered = item_text(b.text)
        while len(stack) > lv:
            out.append(f"</li></{stack.pop()}>")
        if len(stack) == lv:
            out.append("</li>")
        while len(stack) < lv:
            tag = "ol" if numbered else "ul"
            stack.append(tag)
            out.append(f"<{tag}>")
        out.append(f"<li>{_h(b, text)}")
    while stack:
        out.append(f"</li></{stack.pop()}>")
    return "".join(out)


def render_structured(art: Article, fmt: str) -> Optional[str]:
    if fmt == "markdown":
        return markdown(art)
    if fmt == "html":
        return html_page(art)
    return None
