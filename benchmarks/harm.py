"""How much article text newsclean removes, and how precise each rule is.

    python benchmarks/harm.py --data ../shared/bench/article-extraction-benchmark
    python benchmarks/harm.py --data ../shared/bench/article-extraction-benchmark --jobs 2 --json /tmp/harm.json

(``--limit N``: first N pages only; ``--jobs N``: N worker processes.) Needs
``pip install -e '.[bench]'`` (trafilatura, html-text). Prints markdown tables:

a. **Clean bodies**: ``clean_text(ground-truth body)``. Input that is all
   article, so every word removed is harm. Words = casefolded ``\\w+`` tokens;
   words removed = multiset difference between the tokens of the normalised
   input and of ``Article.text``, as a share of the input's words over all
   pages. Pages touched (any word removed), pages losing more than 5 % of their
   words without ``low_confidence``, the 10 worst pages with the rules
   responsible, and per rule the spans and words removed.
b. **Extracted text**: ``trafilatura.extract(html, url=url)`` (defaults),
   scored against the ground truth (``_common.page_scores`` / ``summarise``)
   before and after ``clean_text``; per rule the words removed that are article
   words vs the rest.
c. **Whole-page text**: ``clean_text(html_text.extract_text(html))``; per rule
   the words removed that are article vs junk, and the rule's precision =
   junk words / words removed. This is the precision of each rule on the
   development data.
d. **Idempotence**: for the three forms, texts where
   ``clean_text(a.text).text != a.text`` for ``a = clean_text(input)``.

Attribution of removed words. For each input, ``lost`` = input tokens minus
output tokens (multisets). The input's tokens are walked in order; a token
inside a span that left the text (a ``Removal``, or a ``MetaSpan``: title,
date, dateline or byline lines moved to the metadata, reported as rule
``metadata.<field>``) is charged to that span's rule if ``lost`` still holds
it (then taken from ``lost``). It is an *article* word if the ground-truth
body still holds that token after the output's tokens are taken from it (so a
removed "the" counts as article only if the output has fewer "the" than the
ground truth), else *junk*. What is left of ``lost`` after the walk is charged
to ``(unattributed)``. On bodies the ground truth is the input, so every
removed word is an article word.

``--json OUT`` writes the summary and every page's figures, so that two runs
can be compared. For cross-validation by page, another script can call::

    rows = harm.measure_pages(data_dir, ids=[...], jobs=2)   # per-page figures
    summary = harm.summarise_pages(rows)                     # the report's numbers
    print(harm.report(summary))
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import warnings
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (decode_html, header, map_pages, normalizer, page_scores, removal_spans, select_pages,  # noqa: E402
                     span_labels, summarise, word_spans, words)

#: The three inputs per page: whole-page text, trafilatura's extraction, ground-truth body.
FORMS = ("page", "extracted", "body")
FORM_TITLES = {"page": "whole-page text", "extracted": "extracted text", "body": "ground-truth body"}
UNATTRIBUTED = "(unattributed)"
#: A page losing more than this share of its body words should say low_confidence.
HARM_LIMIT = 0.05


def _quiet() -> None:
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)


def _clean(text: str, config=None):
    import newsclean

    return newsclean.clean_text(text, config=config) if config is not None else newsclean.clean_text(text)


def analyse(text: str, truth: str, config=None) -> Tuple[dict, Any]:
    """Clean ``text`` and charge its removed words to rules (see the module
    docstring). ``truth`` is the ground-truth body (for a body: itself).
    Returns (figures, Article)."""
    normalize = normalizer()
    art = _clean(text, config)
    norm = normalize(text)
    toks = word_spans(norm)
    in_counts = Counter(t for _, _, t in toks)
    out_counts = Counter(words(art.text))
    truth_counts = Counter(words(normalize(truth)))
    lost = in_counts - out_counts
    truth_left = truth_counts - out_counts      # article words missing from the output
    article_missing = sum(truth_left.values())
    spans = removal_spans(art)
    labels = span_labels(len(norm), spans)
    rules: Dict[str, dict] = {}

    def slot(category: str, rule: str) -> dict:
        if rule not in rules:
            rules[rule] = {"category": category, "spans": 0, "words": 0, "article": 0, "junk": 0}
        return rules[rule]

    for _, _, (category, rule) in spans:
        slot(category, rule)["spans"] += 1
    for start, end, tok in toks:
        label = labels[start] or labels[end - 1]
        if label is None or lost[tok] <= 0:
            continue
        lost[tok] -= 1
        row = slot(*label)
        row["words"] += 1
        if truth_left[tok] > 0:
            truth_left[tok] -= 1
            row["article"] += 1
        else:
            row["junk"] += 1
    for tok, n in lost.items():
        if n <= 0:
            continue
        row = slot("-", UNATTRIBUTED)
        row["words"] += n
        art_n = min(n, max(0, truth_left[tok]))
        truth_left[tok] -= art_n
        row["article"] += art_n
        row["junk"] += n - art_n
    removed = sum(r["words"] for r in rules.values())
    figures = {
        "words": len(toks),
        "words_removed": removed,
        "article_words_removed": sum(r["article"] for r in rules.values()),
        "truth_words": sum(truth_counts.values()),
        "truth_words_missing": article_missing,
        "low_confidence": bool(art.low_confidence),
        "language": art.language,
        "rules": rules,
    }
    return figures, art


def _measure_one(page: Tuple[str, bytes, str, str], config=None, forms: Sequence[str] = FORMS) -> dict:
    """Every figure for one page: ``{"id", "<form>": {...}}`` per form."""
    _quiet()
    pid, html, url, truth = page
    row: dict = {"id": pid, "url": url}
    for form in forms:
        t0 = time.perf_counter()
        rec: dict = {}
        try:
            if form == "body":
                text = truth
            elif form == "extracted":
                import trafilatura

                text = trafilatura.extract(html, url=url) or ""
            else:
                import html_text

                text = html_text.extract_text(decode_html(html))
            figures, art = analyse(text, truth, config)
            rec.update(figures)
            if form != "body":
                rec["precision_before"], rec["recall_before"] = page_scores(text, truth)
                rec["precision_after"], rec["recall_after"] = page_scores(art.text, truth)
            again = _clean(art.text, config).text
            rec["idempotent"] = again == art.text
        except Exception as exc:  # a crash is a finding, not the end of the run
            rec["error"] = f"{type(exc).__name__}: {exc}"
        rec["seconds"] = round(time.perf_counter() - t0, 4)
        row[form] = rec
    return row


def measure_pages(data: Path, ids: Optional[Iterable[str]] = None, *, jobs: int = 1, config=None,
                  forms: Sequence[str] = FORMS, limit: Optional[int] = None) -> List[dict]:
    """Per-page figures for the pages ``ids`` of the benchmark folder ``data``
    (all pages when None; ``limit``: the first N of them), in id order.
    ``config``: a ``newsclean.Config`` for every ``clean_text`` call;
    ``forms``: a subset of :data:`FORMS`. Feed the rows to :func:`summarise_pages`."""
    pages = select_pages(data, ids, limit)
    fn = partial(_measure_one, config=config, forms=tuple(forms))
    return map_pages(fn, pages, jobs, chunksize=1)


def _merge_rules(rows: List[dict], form: str) -> Dict[str, dict]:
    out: Dict[str, dict] = {}
    for row in rows:
        for rule, r in row.get(form, {}).get("rules", {}).items():
            acc = out.setdefault(rule, {"category": r["category"], "spans": 0, "words": 0, "article": 0,
                                        "junk": 0, "pages": 0})
            for k in ("spans", "words", "article", "junk"):
                acc[k] += r[k]
            acc["pages"] += 1 if r["words"] else 0
    for acc in out.values():
        acc["precision"] = acc["junk"] / acc["words"] if acc["words"] else None
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["words"], -kv[1]["spans"], kv[0])))


def _share(a: int, b: int) -> float:
    return a / b if b else 0.0


def summarise_pages(rows: List[dict]) -> dict:
    """The report's numbers from :func:`measure_pages` rows (any subset of pages)."""
    s: dict = {"pages": len(rows)}
    for form in FORMS:
        ok = [r for r in rows if form in r and "error" not in r[form]]
        errors = [(r["id"], r[form]["error"]) for r in rows if form in r and "error" in r[form]]
        if not ok and not errors:
            continue
        f: dict = {"pages": len(ok), "errors": errors}
        words_in = sum(r[form]["words"] for r in ok)
        removed = sum(r[form]["words_removed"] for r in ok)
        art_removed = sum(r[form]["article_words_removed"] for r in ok)
        f.update(words=words_in, words_removed=removed, article_words_removed=art_removed,
                 junk_words_removed=removed - art_removed,
                 share_removed=_share(removed, words_in),
                 truth_words=sum(r[form]["truth_words"] for r in ok),
                 truth_words_missing=sum(r[form]["truth_words_missing"] for r in ok),
                 low_confidence=sum(r[form]["low_confidence"] for r in ok),
                 rules=_merge_rules(ok, form))
        f["precision"] = _share(f["junk_words_removed"], removed) if removed else None
        f["non_idempotent"] = [r["id"] for r in ok if not r[form]["idempotent"]]
        if form == "body":
            shares = [(r["id"], _share(r[form]["words_removed"], r[form]["words"]), r) for r in ok]
            f["touched"] = sum(1 for r in ok if r[form]["words_removed"])
            f["over_limit_not_flagged"] = [pid for pid, sh, r in shares
                                           if sh > HARM_LIMIT and not r[form]["low_confidence"]]
            f["over_limit"] = sum(1 for _, sh, _ in shares if sh > HARM_LIMIT)
            worst = sorted((x for x in shares if x[1] > 0), key=lambda x: (-x[1], x[0]))[:10]
            f["worst"] = [{"id": pid, "share": sh, "words": r[form]["words"],
                           "words_removed": r[form]["words_removed"],
                           "low_confidence": r[form]["low_confidence"],
                           "rules": {k: v["words"] for k, v in sorted(r[form]["rules"].items(),
                                                                       key=lambda kv: -kv[1]["words"])
                                     if v["words"]}}
                          for pid, sh, r in worst]
        else:
            before = summarise([(r[form]["precision_before"], r[form]["recall_before"]) for r in ok])
            after = summarise([(r[form]["precision_after"], r[form]["recall_after"]) for r in ok])
            f["scores_before"] = dict(zip(("precision", "recall", "f1"), before))
            f["scores_after"] = dict(zip(("precision", "recall", "f1"), after))
        s[form] = f
    return s


def _pct(x: Optional[float], digits: int = 2) -> str:
    return "-" if x is None else f"{100 * x:.{digits}f}%"


def _rule_table(rules: Dict[str, dict], with_precision: bool, article_label: str = "article",
                junk_label: str = "junk") -> List[str]:
    out = []
    if with_precision:
        out.append(f"| rule | category | spans | pages | words removed | {article_label} | {junk_label} | precision |")
        out.append("|---|---|---:|---:|---:|---:|---:|---:|")
    else:
        out.append("| rule | category | spans | pages | words removed |")
        out.append("|---|---|---:|---:|---:|")
    tot = {"spans": 0, "pages": 0, "words": 0, "article": 0, "junk": 0}
    for rule, r in rules.items():
        for k in tot:
            tot[k] += r[k]
        if with_precision:
            out.append(f"| {rule} | {r['category']} | {r['spans']} | {r['pages']} | {r['words']} | "
                       f"{r['article']} | {r['junk']} | {_pct(r['precision'], 1)} |")
        else:
            out.append(f"| {rule} | {r['category']} | {r['spans']} | {r['pages']} | {r['words']} |")
    prec = _share(tot["junk"], tot["words"]) if tot["words"] else None
    if with_precision:
        out.append(f"| **all** | | {tot['spans']} | | {tot['words']} | {tot['article']} | {tot['junk']} | "
                   f"{_pct(prec, 1)} |")
    else:
        out.append(f"| **all** | | {tot['spans']} | | {tot['words']} |")
    return out


def report(s: dict) -> str:
    """The markdown report of a :func:`summarise_pages` summary."""
    out: List[str] = []
    b = s.get("body")
    if b:
        out += ["### a. Clean bodies: clean_text(ground-truth body)", "",
                "Every word removed is an article word. Rules `metadata.*`: lines moved to the metadata.", "",
                "| pages | words | words removed | share removed | pages touched | pages > 5% | "
                "pages > 5% not low_confidence | low_confidence |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|",
                f"| {b['pages']} | {b['words']} | {b['words_removed']} | {_pct(b['share_removed'], 3)} | "
                f"{b['touched']} | {b['over_limit']} | {len(b['over_limit_not_flagged'])} | {b['low_confidence']} |",
                ""]
        if b["over_limit_not_flagged"]:
            out += ["Pages losing > 5% without low_confidence: " + ", ".join(b["over_limit_not_flagged"]), ""]
        out += ["Worst pages:", "", "| page | words | removed | share | low_confidence | rules (words) |",
                "|---|---:|---:|---:|---|---|"]
        for w in b["worst"]:
            rules = ", ".join(f"{k} {v}" for k, v in w["rules"].items())
            out.append(f"| {w['id']} | {w['words']} | {w['words_removed']} | {_pct(w['share'], 1)} | "
                       f"{'yes' if w['low_confidence'] else 'no'} | {rules} |")
        out += ["", "Per rule on bodies (all harm):", ""]
        out += _rule_table(b["rules"], with_precision=False)
        out.append("")
    for form, title in (("extracted", "b. Extracted text: clean_text(trafilatura.extract(html, url=url))"),
                        ("page", "c. Whole-page text: clean_text(html_text.extract_text(html))")):
        f = s.get(form)
        if not f:
            continue
        sb, sa = f["scores_before"], f["scores_after"]
        out += [f"### {title}", "",
                "| | precision | recall | F1 |", "|---|---:|---:|---:|",
                f"| before clean_text | {sb['precision']:.4f} | {sb['recall']:.4f} | {sb['f1']:.4f} |",
                f"| after clean_text | {sa['precision']:.4f} | {sa['recall']:.4f} | {sa['f1']:.4f} |",
                f"| delta | {sa['precision'] - sb['precision']:+.4f} | {sa['recall'] - sb['recall']:+.4f} | "
                f"{sa['f1'] - sb['f1']:+.4f} |", "",
                f"{f['pages']} pages, {f['words']} words in, {f['words_removed']} removed "
                f"({_pct(f['share_removed'])}): {f['article_words_removed']} article words, "
                f"{f['junk_words_removed']} junk; ground-truth words missing from the output: "
                f"{f['truth_words_missing']} of {f['truth_words']} ({_pct(_share(f['truth_words_missing'], f['truth_words']))})"
                f"; low_confidence: {f['low_confidence']}.", ""]
        if form == "page":
            out += ["Precision of each rule on the development data (precision = junk words / words removed):", ""]
        out += _rule_table(f["rules"], with_precision=True,
                           junk_label="junk" if form == "page" else "non-article")
        out.append("")
    out += ["### d. Idempotence: clean_text(a.text).text == a.text", "",
            "| form | texts | not idempotent | errors |", "|---|---:|---:|---:|"]
    fails: List[Tuple[str, str]] = []
    for form in FORMS:
        f = s.get(form)
        if f:
            out.append(f"| {FORM_TITLES[form]} | {f['pages']} | {len(f['non_idempotent'])} | {len(f['errors'])} |")
            fails += [(pid, form) for pid in f["non_idempotent"]]
    if fails:
        out += ["", "Failures (first 20): " + ", ".join(f"{pid} ({form})" for pid, form in sorted(fails)[:20])]
    errors = [(form, pid, e) for form in FORMS if s.get(form) for pid, e in s[form]["errors"]]
    if errors:
        out += ["", "Errors (first 20):"] + [f"- {pid} ({form}): {e}" for form, pid, e in errors[:20]]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="benchmark folder (ground-truth.json, html/)")
    ap.add_argument("--limit", type=int, help="first N pages only")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--json", type=Path, help="write the summary and per-page figures here")
    args = ap.parse_args(argv)
    _quiet()
    t0 = time.perf_counter()
    rows = measure_pages(args.data, jobs=args.jobs, limit=args.limit)
    summary = summarise_pages(rows)
    secs = time.perf_counter() - t0
    print(header("## Harm: article text removed, precision per rule"))
    print(f"- pages: {len(rows)}, jobs: {args.jobs}, wall time: {secs:.1f} s\n")
    print(report(summary))
    if args.json:
        import newsclean

        doc = {"command": " ".join(["python"] + sys.argv), "date": time.strftime("%Y-%m-%d %H:%M:%S"),
               "newsclean": newsclean.__version__, "seconds": round(secs, 2),
               "summary": summary, "pages": rows}
        args.json.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
