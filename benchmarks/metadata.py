"""Metadata accuracy against the hand-labelled truth in ``metadata_truth.json``.

    python benchmarks/metadata.py --data ../shared/bench/article-extraction-benchmark

Compares newsclean (``clean_html``), trafilatura (``extract_metadata``) and
htmldate (``find_date``, original date, the date field only) on the pages of
``metadata_truth.json`` (66 pages, labelled by hand by reading each page).

Scoring, per field:

- title, exact: equal after case folding, typographic quotes and dashes made
  plain and whitespace collapsed; lenient: on letters and digits only, one
  contains the other (a site name or section glued to the headline passes,
  another headline does not);
- date: the exact day printed on the page; "either" also accepts the other
  defensible day noted in the truth (``date_also``: mostly the declared UTC
  timestamp falling on the next day);
- authors: persons; micro precision and recall over the names (case folded,
  dots dropped), and the share of pages whose set is exactly right (an empty
  truth set is right only when nothing is predicted);
- site name: case folded letters and digits equal to the name or one of its
  accepted variants.

The truth is small and was also the development set of the metadata rules of
2026-12-01: read the figures as indicative.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Dict, Iterable, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import load  # noqa: E402

TRUTH = Path(__file__).resolve().parent / "metadata_truth.json"
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def norm_title(s: Optional[str]) -> str:
    return " ".join((s or "").translate(_PLAIN).casefold().split())


def alnum(s: Optional[str]) -> str:
    return "".join(c for c in (s or "").casefold() if c.isalnum())


def title_exact(pred: Optional[str], truth: str) -> bool:
    return bool(pred) and norm_title(pred) == norm_title(truth)


def title_lenient(pred: Optional[str], truth: str) -> bool:
    p, t = alnum(pred), alnum(truth)
    return bool(p) and (p == t or t in p or (p in t and len(p) >= 0.6 * len(t)))


def norm_name(s: str) -> str:
    return " ".join(s.replace(".", " ").casefold().split())


def site_ok(pred: Optional[str], truth: dict) -> bool:
    names = [truth["site_name"]] + list(truth.get("site_name_also", []))
    return bool(pred) and alnum(pred) in {alnum(n) for n in names}


def tools(url: str):
    """name -> function(html bytes) -> dict(title, date, authors, site)."""
    import htmldate
    import trafilatura

    import newsclean

    def nc(html: bytes) -> dict:
        a = newsclean.clean_html(html, url=url)
        return {"title": a.title, "date": a.date, "authors": list(a.authors), "site": a.source}

    def tf(html: bytes) -> dict:
        d = trafilatura.extract_metadata(html.decode("utf-8", "replace"), default_url=url)
        if d is None:
            return {"title": None, "date": None, "authors": [], "site": None}
        authors = [a.strip() for a in (d.author or "").split(";") if a.strip()]
        return {"title": d.title, "date": d.date, "authors": authors, "site": d.sitename}

    def hd(html: bytes) -> dict:
        return {"date": htmldate.find_date(html.decode("utf-8", "replace"), original_date=True, url=url)}

    return {"newsclean": nc, "trafilatura": tf, "htmldate": hd}


def score(rows: Iterable[tuple]) -> Dict[str, float]:
    """rows: (truth, prediction) pairs of one tool."""
    n = te = tl = de = da = so = exact_authors = 0
    tp = n_pred = n_true = 0
    has = {"title": False, "authors": False, "site": False}
    for truth, pred in rows:
        n += 1
        if "title" in pred:
            has["title"] = True
            te += title_exact(pred["title"], truth["title"])
            tl += title_lenient(pred["title"], truth["title"])
        day = (pred.get("date") or "")[:10]
        de += day == truth["date"]
        da += day in [truth["date"]] + list(truth.get("date_also", []))
        if "authors" in pred:
            has["authors"] = True
            p = list(dict.fromkeys(norm_name(a) for a in pred["authors"] if a.strip()))
            t = {norm_name(a) for a in truth["authors"]}
            tp += sum(1 for a in p if a in t)
            n_pred += len(p)
            n_true += len(t)
            exact_authors += set(p) == t
        if "site" in pred:
            has["site"] = True
            so += site_ok(pred["site"], truth)
    out: Dict[str, float] = {"pages": n, "date exact": de / n, "date either": da / n}
    if has["title"]:
        out.update({"title exact": te / n, "title lenient": tl / n})
    if has["authors"]:
        out.update({"authors P": tp / n_pred if n_pred else 0.0, "authors R": tp / n_true if n_true else 0.0,
                    "authors pages exact": exact_authors / n})
    if has["site"]:
        out["site name"] = so / n
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--truth", type=Path, default=TRUTH)
    ap.add_argument("--misses", action="store_true", help="list every page a tool gets wrong, per field")
    args = ap.parse_args()

    truth = json.loads(args.truth.read_text(encoding="utf-8"))["pages"]
    pages = [p for p in load(args.data) if p[0] in truth]
    results: Dict[str, List[tuple]] = {}
    for pid, html, url, _body in pages:
        for name, fn in tools(url).items():
            results.setdefault(name, []).append((truth[pid], fn(html), pid))
    cols = ["title exact", "title lenient", "date exact", "date either", "authors P", "authors R",
            "authors pages exact", "site name"]
    print(f"{len(pages)} hand-labelled pages\n")
    print("| tool | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for name, rows in results.items():
        s = score((t, p) for t, p, _ in rows)
        print(f"| {name} | " + " | ".join(f"{s[c]:.2f}" if c in s else "–" for c in cols) + " |")
    if args.misses:
        for name, rows in results.items():
            print(f"\n## {name}")
            for t, p, pid in rows:
                bad = []
                if "title" in p and not title_lenient(p["title"], t["title"]):
                    bad.append(f"title {p['title']!r} / {t['title']!r}")
                if (p.get("date") or "")[:10] not in [t["date"]] + list(t.get("date_also", [])):
                    bad.append(f"date {p.get('date')!r} / {t['date']!r}")
                if "authors" in p and {norm_name(a) for a in p["authors"]} != {norm_name(a) for a in t["authors"]}:
                    bad.append(f"authors {p['authors']!r} / {t['authors']!r}")
                if "site" in p and not site_ok(p["site"], t):
                    bad.append(f"site {p['site']!r} / {t['site_name']!r}")
                if bad:
                    print(f"- {pid[:12]}: " + "; ".join(bad))


if __name__ == "__main__":
    main()
