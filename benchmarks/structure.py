"""Structure over the benchmark: does ``Config(structure=True)`` leave the
text as it is, and how much of the pages' headings, lists and tables does
newsclean's Markdown keep, next to trafilatura's own Markdown?

    python benchmarks/structure.py --data ../shared/bench/article-extraction-benchmark

Per page, for the HTML form (``clean_html``) and the whole-page text form
(``clean_text`` of html-text's text): the text with and without structure
must be identical (any difference is listed and the exit code is 1). Then,
per page, headings, list items and table rows are counted in newsclean's
Markdown (``newsclean.cli.formats.markdown``) and in trafilatura's
(``extract(output_format="markdown", include_tables=True)``).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import load  # noqa: E402

_HEAD_RE = re.compile(r"^#{2,6} ", re.M)
_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+\.) ", re.M)
_ROW_RE = re.compile(r"^\|(?!-).*\|\s*$", re.M)


def counts(md: str) -> Counter:
    return Counter(heading=len(_HEAD_RE.findall(md)), item=len(_ITEM_RE.findall(md)), row=len(_ROW_RE.findall(md)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=int, default=20, help="list this many pages with structure")
    ap.add_argument("--media", action="store_true", help="also links and images (Config(links=True, images=True))")
    args = ap.parse_args()

    import html_text
    import trafilatura

    import newsclean
    from newsclean.cli.formats import markdown

    pages = load(args.data, args.limit)
    differ = []
    kinds: Counter = Counter()
    rows = []
    for pid, html, url, body in pages:
        plain = newsclean.clean_html(html, url=url)
        art = newsclean.clean_html(html, url=url, structure=True, links=args.media, images=args.media)
        if art.text != plain.text or "\n\n".join(b.text for b in art.blocks or []) != art.text:
            differ.append(("html", pid))
        whole = html_text.extract_text(html.decode("utf-8", "replace"))
        if newsclean.clean_text(whole).text != newsclean.clean_text(whole, structure=True).text:
            differ.append(("page", pid))
        kinds.update(b.kind for b in art.blocks or [])
        kinds.update(links=sum(len(b.links) for b in art.blocks or []), images=sum(len(b.images) for b in art.blocks or []))
        ours = counts(markdown(art))
        theirs = counts(trafilatura.extract(html, url=url, output_format="markdown", include_tables=True,
                                            include_comments=False, with_metadata=False) or "")
        if sum(theirs.values()) or sum(ours.values()):
            rows.append((pid, ours, theirs))
    print(f"pages: {len(pages)}; text changed by structure=True: {len(differ)}")
    for form, pid in differ:
        print(f"  DIFFERS {form} {pid}")
    print("blocks by kind (html form): " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    tot_o: Counter = Counter()
    tot_t: Counter = Counter()
    print(f"pages with headings, list items or table rows in either Markdown: {len(rows)}")
    print("| page | headings newsclean / trafilatura | list items | table rows |")
    print("|---|---|---|---|")
    for pid, o, t in rows:
        tot_o.update(o)
        tot_t.update(t)
    for pid, o, t in rows[:args.show]:
        print(f"| {pid[:12]} | {o['heading']} / {t['heading']} | {o['item']} / {t['item']} | {o['row']} / {t['row']} |")
    print(f"| all {len(rows)} | {tot_o['heading']} / {tot_t['heading']} | {tot_o['item']} / {tot_t['item']} "
          f"| {tot_o['row']} / {tot_t['row']} |")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
