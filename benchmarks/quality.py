"""Extraction quality on a benchmark folder, every extractor in one run.

    python benchmarks/quality.py --data ../shared/bench/article-extraction-benchmark

Prints one markdown table: precision, recall and F1 (the benchmark's scoring:
bag of 4-token shingles of \\w+ tokens, per-page tp/fp/fn normalised to sum 1,
precision and recall macro-averaged over pages, F1 from the two means) for

- newsclean (html): ``clean_html(html, url=url).text``
- newsclean (text): ``clean_text(html_text.extract_text(html)).text``, the page's
  whole text with menus, footers and all, no DOM
- newsclean (text, get_text): the same on BeautifulSoup's ``get_text()`` of the
  page (scripts and styles dropped), a whole-page text the block model was not
  trained on
- trafilatura: ``trafilatura.extract(html, url=url)`` with its defaults
- jusText: paragraphs not classified as boilerplate, English stop list
- readability-lxml: ``Document(html).summary()``, as text
- html-text: the whole page's text

An extractor that raises on a page scores that page as empty output and the
failure is counted. Needs ``pip install -e '.[bench]'``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Callable, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import header, load, page_scores, summarise  # noqa: E402


def _decode(html: bytes) -> str:
    try:
        from newsclean.text.normalize import decode_bytes
    except ImportError:  # newsclean before the 2026-12-01 layout, for comparisons
        from newsclean.normalize import decode_bytes

    try:
        return decode_bytes(html)
    except UnicodeDecodeError:
        return html.decode("utf-8", errors="replace")


def extractors() -> Dict[str, Callable[[bytes, str], str]]:
    import html_text
    import justext
    import trafilatura
    from readability import Document

    import newsclean

    stop = justext.get_stoplist("English")

    def jt(html, url):
        paras = justext.justext(html, stop)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    def rd(html, url):
        return html_text.extract_text(Document(_decode(html)).summary(html_partial=True))

    def soup_text(html):
        # BeautifulSoup's get_text(), as a scraper would call it: scripts and
        # styles dropped, text nodes joined as they stand in the markup.
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(_decode(html), "lxml")
        for tag in soup(["script", "style", "noscript"]):
            tag.decompose()
        return soup.get_text()

    return {
        "newsclean (html)": lambda html, url: newsclean.clean_html(html, url=url).text,
        "newsclean (text)": lambda html, url: newsclean.clean_text(html_text.extract_text(_decode(html))).text,
        "newsclean (text, get_text)": lambda html, url: newsclean.clean_text(soup_text(html)).text,
        "trafilatura": lambda html, url: trafilatura.extract(html, url=url) or "",
        "jusText": jt,
        "readability-lxml": rd,
        "html-text": lambda html, url: html_text.extract_text(_decode(html)),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="benchmark folder (ground-truth.json, html/)")
    ap.add_argument("--only", help="comma-separated extractor names (substring match)")
    ap.add_argument("--limit", type=int, help="first N pages only")
    ap.add_argument("--per-page", type=Path, help="write per-page scores (JSON lines) here")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.CRITICAL)

    pages = load(args.data, args.limit)
    ex = extractors()
    if args.only:
        wanted = [w.strip().lower() for w in args.only.split(",")]
        ex = {k: v for k, v in ex.items() if any(w in k.lower() for w in wanted)}
    results = []
    per_page: List[dict] = []
    for name, fn in ex.items():
        rows, failures, t0 = [], 0, time.perf_counter()
        for pid, html, url, truth in pages:
            try:
                pred = fn(html, url) or ""
            except Exception:
                pred, failures = "", failures + 1
            p, r = page_scores(pred, truth)
            rows.append((p, r))
            per_page.append({"extractor": name, "id": pid, "precision": p, "recall": r})
        secs = time.perf_counter() - t0
        results.append((name, *summarise(rows), len(rows), failures, secs))
    print(header("## Article-body quality"))
    print("| extractor | precision | recall | F1 | pages | failures | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, p, r, f1, n, fails, secs in results:
        print(f"| {name} | {p:.4f} | {r:.4f} | {f1:.4f} | {n} | {fails} | {secs:.1f} |")
    if args.per_page:
        with args.per_page.open("w", encoding="utf-8") as fh:
            for row in per_page:
                fh.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
