"""Shared helpers for the benchmark scripts: loading a benchmark folder laid out
like Zyte's article-extraction-benchmark, and its scoring method.

The folder is given on the command line (``--data DIR``); nothing of it is
copied into the repository.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import List, Optional, Tuple

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def load(data: Path, limit: Optional[int] = None) -> List[Tuple[str, bytes, str, str]]:
    """[(id, html bytes, url, ground-truth body)], sorted by id."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    if limit:
        ids = ids[:limit]
    out = []
    for i in ids:
        path = data / "html" / f"{i}.html.gz"
        with gzip.open(path, "rb") as fh:
            html = fh.read()
        out.append((i, html, truth[i].get("url") or "", truth[i].get("articleBody") or ""))
    return out


def shingles(text: str, n: int = 4) -> Counter:
    """Bag of n-token shingles, tokens = \\w+ (as the benchmark's authors score).
    A text shorter than n tokens gives one shingle of all its tokens, so that
    short outputs still count (and an empty text gives an empty bag)."""
    toks = _TOKEN_RE.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_scores(pred: str, truth: str) -> Tuple[float, float]:
    """(precision, recall) for one page: tp/fp/fn over shingle bags, normalised
    to sum 1. Both empty: (1, 1). Nothing predicted: precision 0 (the page counts
    against the extractor), recall 0."""
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def summarise(rows: List[Tuple[float, float]]) -> Tuple[float, float, float]:
    """Macro-averaged precision and recall over pages, F1 from the two means."""
    if not rows:
        return 0.0, 0.0, 0.0
    p = sum(r[0] for r in rows) / len(rows)
    r = sum(r[1] for r in rows) / len(rows)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def header(title: str) -> str:
    import trafilatura

    import newsclean

    return (f"{title}\n\n"
            f"- date: {time.strftime('%Y-%m-%d')}\n"
            f"- command: `{' '.join(['python'] + sys.argv)}`\n"
            f"- newsclean {newsclean.__version__}, "
            f"trafilatura {trafilatura.__version__}, Python {sys.version.split()[0]}\n")


# --- helpers shared by harm.py and inject.py ---------------------------------


def decode_html(html: bytes) -> str:
    """The page's HTML as text for ``html_text``: UTF-8 (a BOM dropped), else
    cp1252 with undecodable bytes replaced. Every page of the Zyte benchmark is
    UTF-8."""
    if html.startswith(b"\xef\xbb\xbf"):
        html = html[3:]
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("cp1252", errors="replace")


def normalizer():
    """newsclean's ``normalize`` (the text every offset of ``Article.removed``
    refers to), wherever the library keeps it."""
    from newsclean.text.normalize import normalize

    return normalize


def words(text: str) -> List[str]:
    """The text's \\w+ tokens, casefolded."""
    return [w.casefold() for w in _TOKEN_RE.findall(text or "")]


def word_spans(text: str) -> List[Tuple[int, int, str]]:
    """[(start, end, casefolded token)] for every \\w+ token of ``text``."""
    return [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN_RE.finditer(text or "")]


def span_labels(length: int, spans) -> list:
    """A label per character of a text of ``length`` characters: the label of
    the span ``(start, end, label)`` covering it, else None. Where spans
    overlap, the later one in ``spans`` wins."""
    labels: list = [None] * length
    for start, end, label in spans:
        start, end = max(0, start), min(length, end)
        if end > start:
            labels[start:end] = [label] * (end - start)
    return labels


def removal_spans(article) -> list:
    """``(start, end, (category, rule))`` for every span that left the text of
    ``article``: its removals, then its metadata spans (category ``metadata``,
    rule ``metadata.<field>``: a title, date, dateline or byline line moved to
    the metadata is gone from ``Article.text`` too)."""
    spans = [(m.start, m.end, ("metadata", f"metadata.{m.field}")) for m in article.metadata_spans]
    spans += [(r.start, r.end, (r.category, r.rule)) for r in article.removed]
    return spans


def select_pages(data: Path, ids=None, limit: Optional[int] = None) -> list:
    """The pages of :func:`load`, only those of ``ids`` (all when None; an
    unknown id is an error), at most ``limit`` of them."""
    pages = load(Path(data))
    if ids is not None:
        wanted = set(ids)
        missing = wanted - {p[0] for p in pages}
        if missing:
            raise KeyError(f"page ids not in {data}: {sorted(missing)[:5]}")
        pages = [p for p in pages if p[0] in wanted]
    return pages[:limit] if limit else pages


def map_pages(fn, pages: list, jobs: int = 1, chunksize: int = 1) -> list:
    """``[fn(p) for p in pages]``, on ``jobs`` processes when more than one."""
    import multiprocessing as mp

    if jobs > 1 and len(pages) > 1:
        with mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn").Pool(jobs) as pool:
            return list(pool.imap(fn, pages, chunksize=chunksize))
    return [fn(p) for p in pages]


def load_split(path: Path, split: str) -> list:
    """The JSONL records of a set written blind, for ``split``: "all", "dev"
    (records whose id ends in an even number, "en-02") or "held" (odd)."""
    recs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if split == "all":
        return recs
    even = split == "dev"
    return [r for r in recs if (int(r["id"].rsplit("-", 1)[1]) % 2 == 0) == even]


def print_losses(rules: Counter, by_lang: Counter) -> None:
    """The article words lost, by rule (a table) and by language (a line)."""
    if rules:
        print("\n| rule | article words lost |\n|---|---:|")
        for rule, n in rules.most_common():
            print(f"| {rule} | {n} |")
    print("\nlost by language: " + ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items())))


def blind_set_args(forms, show_help: str, extra=None):
    """The command line of a benchmark over a set written blind: ``--split``,
    ``--form`` (one of ``forms`` or both), ``--show`` (the losses, read only on
    the dev split); ``extra(parser)`` adds more options."""
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "held", "all"), default="all")
    ap.add_argument("--form", choices=tuple(forms) + ("both",), default="both")
    ap.add_argument("--show", action="store_true", help=show_help)
    if extra is not None:
        extra(ap)
    args = ap.parse_args()
    if args.show and args.split != "dev":
        sys.exit("--show reads the losses: only on --split dev (the held split stays a check)")
    return args
