"""Train the text-mode block scorer (newsclean/analysis/blockscorer.py) and show, by
cross-validation over pages, whether it beats the rules alone.

    python benchmarks/train_blockmodel.py --data ../shared/bench/article-extraction-benchmark \\
        --out newsclean/data/blockmodel.json

Each page's whole-page text (html-text) is split into blocks as newsclean does;
a block is labelled article text when most of its 4-token shingles (or, for a
short block, its whole text) occur in the page's ground-truth body. A logistic
regression (L2, sample weight log(1 + words)) is fitted with NumPy. The k-fold
split is by page; for each fold the model is trained on the other pages and the
end-to-end text-mode score (the benchmark's shingle F1) is computed on the
held-out pages with the rules alone and with the model. Then the model is
trained on all pages and written out. Deterministic: no random state.

With ``--also-get-text`` each page is also given as BeautifulSoup's
``get_text()`` would (another whole-page format, line breaks where the
markup's source has them): its blocks join the training data in the page's
own fold, and the held-out pages are scored in that format too.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import load, page_scores, shingles, summarise  # noqa: E402

_WS = re.compile(r"\s+")


def page_blocks(text: str):
    """(doc, rule scores, pass-1 labels) as the pipeline has them before it finds the body."""
    from newsclean.analysis.document import analyse
    from newsclean.analysis.scores import block_scores
    from newsclean.config import Config
    from newsclean.metadata.lines import from_lines
    from newsclean.pipeline import pass_one
    from newsclean.text.normalize import normalize

    doc = analyse(normalize(text), Config(block_model=False))
    meta = from_lines(doc, {})
    marks = pass_one(doc, meta)
    return doc, block_scores(doc, marks.label, meta.blocks), marks.label


def labels(doc, truth: str):
    gt_sh = set(shingles(truth))
    gt_norm = _WS.sub(" ", truth.casefold())
    out = []
    for b in doc.blocks:
        sh = shingles(b.text)
        if len(b.text.split()) >= 6 and sh:
            out.append(1.0 if sum(1 for s in sh if s in gt_sh) / len(sh) >= 0.5 else 0.0)
        else:
            out.append(1.0 if _WS.sub(" ", b.text.casefold()).strip() in gt_norm else 0.0)
    return out


def _soup_text(html: bytes) -> str:
    """BeautifulSoup's get_text() of the page, scripts and styles dropped."""
    from bs4 import BeautifulSoup

    from newsclean.text.normalize import decode_bytes

    try:
        page = decode_bytes(html)
    except UnicodeDecodeError:
        page = html.decode("utf-8", "replace")
    soup = BeautifulSoup(page, "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return soup.get_text()


def fit(X, y, w, l2=1.0, iters=60):
    import numpy as np

    X, y, w = np.asarray(X), np.asarray(y), np.asarray(w)
    beta = np.zeros(X.shape[1])
    for _ in range(iters):  # Newton-Raphson with L2 (bias not penalised)
        p = 1 / (1 + np.exp(-np.clip(X @ beta, -30, 30)))
        g = X.T @ (w * (p - y)) + l2 * np.r_[0, beta[1:]]
        H = (X * (w * p * (1 - p))[:, None]).T @ X + l2 * np.diag(np.r_[0, np.ones(X.shape[1] - 1)])
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta.tolist()


def end_to_end(pages, model):
    """Text-mode (P, R, F1) on ``pages`` with the given model dict (None: rules only)."""

    import newsclean
    from newsclean.analysis import blockscorer as blockmodel

    blockmodel.weights.cache_clear()
    original = blockmodel.weights
    blockmodel.weights = (lambda: model) if model else (lambda: None)
    try:
        rows = []
        for pid, html, url, truth, text in pages:
            pred = newsclean.clean_text(text).text
            rows.append(page_scores(pred, truth))
    finally:
        blockmodel.weights = original
    return summarise(rows)


def tune(model, pages):
    """Core threshold and drop threshold with the best end-to-end F1 on ``pages``."""
    grid = [(t, d) for t in (0.35, 0.5, 0.65) for d in (0.0, 0.1, 0.2, 0.3)]
    t, d = max(grid, key=lambda td: end_to_end(pages, dict(model, threshold=td[0], drop_below=td[1]))[2])
    return {"threshold": t, "drop_below": d}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, help="write the model trained on all pages here")
    ap.add_argument("--also-get-text", action="store_true",
                    help="also train on each page's BeautifulSoup get_text() (same fold as the page)")
    args = ap.parse_args(argv)
    import html_text
    import warnings

    from newsclean.analysis import blockscorer as blockmodel
    from newsclean.text.normalize import decode_bytes

    warnings.simplefilter("ignore")
    t0 = time.time()
    pages = []
    for pid, html, url, truth in load(args.data):
        try:
            text = html_text.extract_text(decode_bytes(html))
        except UnicodeDecodeError:
            text = html_text.extract_text(html.decode("utf-8", "replace"))
        pages.append((pid, html, url, truth, text))
    def page_data(text, truth):
        doc, scores, label = page_blocks(text)
        X = blockmodel.features(doc, scores, label)
        y = labels(doc, truth)
        w = [1.0 + min(f.n_words, 150) ** 0.5 for f in doc.feats]
        keep = [i for i, v in enumerate(X) if v is not None]  # the blocks the model judges
        return [X[i] for i in keep], [y[i] for i in keep], [w[i] for i in keep]

    # The same pages as BeautifulSoup get_text() gives them (same folds).
    soup_pages = [(pid, html, url, truth, _soup_text(html)) for pid, html, url, truth, _ in pages] \
        if args.also_get_text else []
    data = []
    for k, p in enumerate(pages):
        X, y, w = page_data(p[4], p[3])
        if soup_pages:
            X2, y2, w2 = page_data(soup_pages[k][4], p[3])
            X, y, w = X + X2, y + y2, w + w2
        data.append((X, y, w))

    def model_from(idx, threshold=0.5):
        X, y, w = [], [], []
        for i in idx:
            X += data[i][0]
            y += data[i][1]
            w += data[i][2]
        return {"features": list(blockmodel.FEATURES), "coef": fit(X, y, w), "threshold": threshold}

    print(f"# block model, {time.strftime('%Y-%m-%d')}, `python {' '.join(sys.argv)}`\n")
    print(f"{len(pages)} pages, {sum(len(d[1]) for d in data)} blocks, {args.folds}-fold cross-validation by page\n")
    print("| fold | pages | rules P | rules R | rules F1 | rules+model P | rules+model R | rules+model F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    allr, allm, soup_rows = [], [], []
    for k in range(args.folds):
        test = [i for i in range(len(pages)) if i % args.folds == k]
        train = [i for i in range(len(pages)) if i % args.folds != k]
        model = model_from(train)
        model.update(tune(model, [pages[i] for i in train]))  # on the training pages only
        r = end_to_end([pages[i] for i in test], None)
        m = end_to_end([pages[i] for i in test], model)
        allr.append(r)
        allm.append(m)
        print(f"| {k} | {len(test)} | {r[0]:.4f} | {r[1]:.4f} | {r[2]:.4f} | {m[0]:.4f} | {m[1]:.4f} | {m[2]:.4f} |")
        if soup_pages:
            held = [soup_pages[i] for i in test]
            soup_rows.append((k, len(test), end_to_end(held, None), end_to_end(held, model)))
    mean = lambda rows, j: sum(x[j] for x in rows) / len(rows)
    print(f"| mean | | {mean(allr, 0):.4f} | {mean(allr, 1):.4f} | {mean(allr, 2):.4f} | "
          f"{mean(allm, 0):.4f} | {mean(allm, 1):.4f} | {mean(allm, 2):.4f} |")
    if soup_rows:
        print("\nThe same folds, held-out pages as BeautifulSoup get_text() gives them:\n")
        print("| fold | pages | rules P | rules R | rules F1 | rules+model P | rules+model R | rules+model F1 |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for k, n, r, m in soup_rows:
            print(f"| {k} | {n} | {r[0]:.4f} | {r[1]:.4f} | {r[2]:.4f} | {m[0]:.4f} | {m[1]:.4f} | {m[2]:.4f} |")
        sr, sm = [x[2] for x in soup_rows], [x[3] for x in soup_rows]
        print(f"| mean | | {mean(sr, 0):.4f} | {mean(sr, 1):.4f} | {mean(sr, 2):.4f} | "
              f"{mean(sm, 0):.4f} | {mean(sm, 1):.4f} | {mean(sm, 2):.4f} |")
    if args.out:
        model = model_from(range(len(pages)))
        model.update(tune(model, pages))
        model["trained_on"] = f"{len(pages)} pages of {args.data.name}, {time.strftime('%Y-%m-%d')}"
        model["coef"] = [round(c, 6) for c in model["coef"]]
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out} (threshold {model['threshold']}, drop below {model['drop_below']}); "
              f"{time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
