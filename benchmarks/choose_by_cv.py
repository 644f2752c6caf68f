"""Choose a rule's parameter by 5-fold cross-validation by page.

    python benchmarks/choose_by_cv.py --weight 2 RUN_A RUN_B ...

Each RUN is a folder of one variant's results (the library with one value of
the parameter, e.g. through ``PYTHONPATH`` on a copy), holding any of:
``inj_*.json`` (``benchmarks/inject.py --json``), ``harm.json``
(``benchmarks/harm.py --json``: its whole-page, extracted and body forms) and
``pages.json`` (``benchmarks/blind_pages.py --json``, pages form). Every run
must hold the same files.

**Score of a page**: junk removed (injected junk units covered; words removed
that are not the article's; chrome words removed) minus ``weight`` times the
article words lost. Pages are put in 5 folds by a hash of their id; for each
fold the variant with the best score on the other four is chosen and scored
on it. Printed: the variant each fold chose, every variant's totals over all
folds, and the cross-validated total (each fold scored with its choice).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

FOLDS = 5


def per_page(run: Path) -> dict:
    """page id -> [junk removed, article words lost] for one variant's results."""
    g: dict = defaultdict(lambda: [0.0, 0.0])
    for f in sorted(run.glob("inj_*.json")):
        for p in json.loads(f.read_text(encoding="utf-8"))["pages"]:
            g[p["id"]][1] += p["body_words_lost"]
            for it in p["items"]:
                g[p["id"]][0] += it["covered"]
    harm = run / "harm.json"
    if harm.exists():
        for p in json.loads(harm.read_text(encoding="utf-8"))["pages"]:
            for form in ("page", "extracted", "body"):
                e = p[form]
                g[p["id"]][0] += e["words_removed"] - e["article_words_removed"]
                g[p["id"]][1] += e["article_words_removed"]
    pages = run / "pages.json"
    if pages.exists():
        for p in json.loads(pages.read_text(encoding="utf-8"))["pages"]:
            if p["form"] == "pages":
                g["blind-" + p["id"]][0] += p["chrome_removed"]
                g["blind-" + p["id"]][1] += p["article_lost"]
    return g


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weight", type=float, default=2.0, help="an article word lost counts as this many junk units")
    ap.add_argument("runs", nargs="+", type=Path)
    args = ap.parse_args()
    runs = {r.name: per_page(r) for r in args.runs}
    names = list(runs)
    pages = sorted(runs[names[0]])
    fold = {p: int(hashlib.md5(p.encode()).hexdigest(), 16) % FOLDS for p in pages}

    def score(name: str, ps) -> float:
        return sum(runs[name][p][0] - args.weight * runs[name][p][1] for p in ps)
    totals = {n: [0.0, 0.0] for n in names + ["cross-validated"]}
    picks = []
    for k in range(FOLDS):
        train = [p for p in pages if fold[p] != k]
        test = [p for p in pages if fold[p] == k]
        best = max(names, key=lambda n: score(n, train))
        picks.append(best)
        for n in names + ["cross-validated"]:
            src = best if n == "cross-validated" else n
            totals[n][0] += sum(runs[src][p][0] for p in test)
            totals[n][1] += sum(runs[src][p][1] for p in test)
    print(f"weight {args.weight}; chosen by fold: {', '.join(picks)}\n")
    print("| variant | junk removed | article words lost | score |\n|---|---:|---:|---:|")
    for n, (junk, lost) in totals.items():
        print(f"| {n} | {junk:.0f} | {lost:.0f} | {junk - args.weight * lost:.0f} |")


if __name__ == "__main__":
    main()
