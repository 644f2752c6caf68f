"""Whole news pages nobody here tuned on: article words kept, chrome words removed.

    python benchmarks/blind_pages.py
    python benchmarks/blind_pages.py --split dev --show
    python benchmarks/blind_pages.py --split dev --json /tmp/pages.json

**The set** (``benchmarks/articles/blind_pages.jsonl``): 64 whole-page texts, 8
each in English, German, French, Spanish, Italian, Portuguese, Polish and
Russian, written on 2026-12-02 by a helper that read none of the library's
code, data, tests or benchmark pages. Each is the plain text of an invented
site's article page as an HTML-to-text converter gives it (menus one item a
line, breadcrumbs, share buttons, teasers, newsletter and cookie boxes,
comments, footer), around an article made hard the way real ones are: lists
of results or dates, recipes, numbered tips, live-blog times, interviews,
captions, editor's notes, articles about cookies or subscriptions. Every line
carries its role: ``article``, ``meta`` (headline, standfirst, byline, date),
``chrome`` or ``blank``.

**Splits.** ``dev``: pages whose number is even (``de-02``); their losses may be
read (``--show``). ``held``: the odd ones; only their figures are reported.

**Scoring.** ``clean_text`` runs on the page (its lines joined with "\\n").
Each line is located in the normalised input in order; a word (casefolded
``\\w+`` token) has left the text when its first character lies in a removal
or a metadata span. *Article words lost*: article lines' words that left, by
rule. *Chrome removed*: chrome lines' words that left, over all chrome words.
*Meta*: the headline, standfirst, byline and date lines' words that left the
text (moved to the metadata or removed; neither is harm). A page "loses >
5%" when more than 5% of its article words leave and the Article is not
flagged ``low_confidence``. *Bodies*: the article lines alone (with the page's
blank lines between them), cleaned the same way; every word that leaves is lost.
Idempotence: ``clean_text(a.text).text == a.text``. Same inputs, same numbers.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import blind_set_args, header, load_split, print_losses, removal_spans, word_spans  # noqa: E402

SET = HERE / "articles" / "blind_pages.jsonl"
ROLES = ("article", "meta", "chrome")


def load(split: str):
    return load_split(SET, split)


def body_lines(rec):
    """The article's lines alone, with the blank lines between them (none at either end)."""
    lines = [(t, role) for t, role in rec["lines"] if role in ("article", "blank")]
    while lines and lines[0][1] == "blank":
        lines.pop(0)
    while lines and lines[-1][1] == "blank":
        lines.pop()
    return lines


def measure(lines):
    """Words by role: {role: (words, words that left)}, lost article words by
    rule, low_confidence, idempotent, the removed article texts (rule, text)."""
    import newsclean
    from newsclean.text.normalize import normalize

    text = "\n".join(t for t, _ in lines)
    a = newsclean.clean_text(text)
    norm = normalize(text)
    spans = removal_spans(a)
    counts = {role: [0, 0] for role in ROLES}
    by_rule: Counter = Counter()
    inside = []
    pos = 0
    for t, role in lines:
        if role not in ROLES:
            continue
        piece = normalize(t).strip()
        at = norm.find(piece, pos) if piece else -1
        if at < 0:
            raise SystemExit(f"line not found in the normalised page: {t[:60]!r}")
        pos = at + len(piece)
        for s, _, _ in word_spans(piece):
            counts[role][0] += 1
            rule = next((r for rs, re_, (_, r) in spans if rs <= at + s < re_), None)
            if rule is not None:
                counts[role][1] += 1
                if role == "article":
                    by_rule[rule] += 1
        if role == "article" and any(rs < at + len(piece) and re_ > at for rs, re_, _ in spans):
            inside.append((next(r for rs, re_, (_, r) in spans if rs < at + len(piece) and re_ > at), t))
    again = newsclean.clean_text(a.text).text == a.text
    return counts, by_rule, a.low_confidence, again, inside


def report(recs, form: str, show: bool, rows=None) -> None:
    totals = {role: [0, 0] for role in ROLES}
    rules: Counter = Counter()
    bad, touched, not_again = [], 0, 0
    by_lang: Counter = Counter()
    shown = []
    for r in recs:
        lines = r["lines"] if form == "pages" else body_lines(r)
        counts, by_rule, low, again, inside = measure(lines)
        for role in ROLES:
            totals[role][0] += counts[role][0]
            totals[role][1] += counts[role][1]
        rules.update(by_rule)
        n, lost = counts["article"]
        if rows is not None:
            rows.append({"id": r["id"], "form": form, "article_words": n, "article_lost": lost,
                         "chrome_words": counts["chrome"][0], "chrome_removed": counts["chrome"][1],
                         "low_confidence": low, "idempotent": again, "rules": dict(by_rule)})
        by_lang[r["lang"]] += lost
        touched += bool(lost)
        not_again += not again
        if lost > 0.05 * n and not low:
            bad.append(r["id"])
        if show and inside:
            shown.append((r, n, lost, low, inside))
    art, chrome, meta = totals["article"], totals["chrome"], totals["meta"]
    print(f"\n### {form}\n")
    print("| pages | article words | lost | share | pages touched | > 5% without low_confidence | not idempotent "
          "| chrome words | chrome removed | meta words out of the text |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    chrome_share = f"{chrome[1] / chrome[0]:.1%}" if chrome[0] else "-"
    meta_share = f"{meta[1] / meta[0]:.1%}" if meta[0] else "-"
    print(f"| {len(recs)} | {art[0]} | {art[1]} | {art[1] / max(1, art[0]):.2%} | {touched} | {len(bad)} "
          f"| {not_again} | {chrome[0]} | {chrome_share} | {meta_share} |")
    if bad:
        print(f"\nPages losing > 5% without low_confidence: {', '.join(bad)}")
    print_losses(rules, by_lang)
    for r, n, lost, low, inside in shown:
        print(f"\n- {r['id']} ({r['kind']}): {lost} of {n} words, low_confidence={low}")
        for rule, t in inside:
            print(f"    {rule}: {t[:160]!r}")


def main() -> None:
    args = blind_set_args(("pages", "bodies"), "print the article lines removed (dev split only)",
                          lambda ap: ap.add_argument("--json", help="write the figures of every page to this file"))
    recs = load(args.split)
    print(header(f"## Blind whole pages: article kept, chrome removed ({args.split} split)"))
    rows: list = []
    for form in (("pages", "bodies") if args.form == "both" else (args.form,)):
        report(recs, form, args.show, rows)
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "pages": rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
