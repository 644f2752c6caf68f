"""Article text lost on clean articles nobody here tuned on.

    python benchmarks/blind_articles.py
    python benchmarks/blind_articles.py --split dev --show

**The set** (``benchmarks/articles/blind.jsonl``): 90 clean article bodies in
12 languages (10 each in English, German, French, Spanish, Italian, Portuguese,
Polish and Russian; 4 Dutch, 2 Turkish, 2 Indonesian, 2 Ukrainian), written on
2026-12-01 by a helper that read none of the library's code, data or benchmark
pages. It was asked for article text that looks like junk by its shape or its
words and is the article's: tour dates, recipes, live blogs, interviews,
results tables, helplines, articles about paywalls, cookies and newsletters,
quotations in other languages, editor's notes. Every line is article text, so
every word removed is harm.

**Splits.** ``dev``: records whose number is even (``en-02``); their losses may
be read (``--show``) to find kinds of harm. ``held``: the odd ones; only their
figures are reported, never their text, so that they stay a check.

**Two forms.** *Bodies*: ``clean_text(text)``. *Pages*: the article inside one
of six sites' chrome (navigation, footer, newsletter box and teasers of other
articles of the set, from ``site_boilerplate.site_chrome``), in random order
above and below it; article words lost are counted the same way. Words are
casefolded ``\\w+`` tokens; lost = the article's multiset minus the output's.
Each lost word is charged to the rule whose removal (or metadata span) covered
it. A page "loses > 5%" when more than 5% of its article words go and the
Article is not flagged ``low_confidence``. Idempotence: ``clean_text(a.text).text == a.text``.
"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import blind_set_args, header, load_split, print_losses, removal_spans, words, word_spans  # noqa: E402

SET = HERE / "articles" / "blind.jsonl"


def load(split: str):
    return load_split(SET, split)


def as_page(recs, seed: int = 0):
    """Each article inside site chrome: [(record, page text, article offset)]."""
    from site_boilerplate import site_chrome

    rng = random.Random(seed)
    chrome = [site_chrome(s, rng) for s in range(6)]
    out = []
    for n, r in enumerate(recs):
        nav, footer, newsletter, _, _ = chrome[n % 6]
        others = [o for o in recs if o is not r and o["lang"] == r["lang"]] or [o for o in recs if o is not r]
        teasers = ["More from this site"] + [o["text"].split("\n")[0].split(". ")[0][:100]
                                             for o in rng.sample(others, min(3, len(others)))]
        boxes = [nav, footer, newsletter, teasers]
        rng.shuffle(boxes)
        k = rng.randint(1, 3)
        above = "\n".join(x for b in boxes[:k] for x in b) + "\n"
        below = "\n" + "\n".join(x for b in boxes[k:] for x in b)
        out.append((r, above + r["text"] + below, len(above)))
    return out


def measure(text: str, start: int, article: str):
    """(article words, words lost, lost per rule, low_confidence, idempotent, removals inside the article)."""
    import newsclean
    from newsclean.text.normalize import normalize

    a = newsclean.clean_text(text)
    want, got = Counter(words(article)), Counter(words(a.text))
    lost = Counter({w: n - got[w] for w, n in want.items() if n > got[w]})
    n_lost = sum(lost.values())
    norm = normalize(text)
    # the article's part of the normalised text (the page's chrome is ASCII lines: offsets move only inside the article)
    lo = norm.find(normalize(article)[:40]) if start else 0
    hi = lo + len(normalize(article))
    spans = [(s, e, rule) for s, e, (_, rule) in removal_spans(a) if e > lo and s < hi]
    by_rule: Counter = Counter()
    left = Counter(lost)
    for s, e, w in word_spans(norm[lo:hi]):
        for rs, re_, rule in spans:
            if rs <= s + lo < re_ and left[w] > 0:
                by_rule[rule] += 1
                left[w] -= 1
                break
    rest = sum(v for v in left.values() if v > 0)
    if rest:
        by_rule["(unattributed)"] += rest
    inside = [(rule, norm[max(s, lo):min(e, hi)]) for s, e, rule in spans]
    again = newsclean.clean_text(a.text).text == a.text
    return sum(want.values()), n_lost, by_rule, a.low_confidence, again, inside


def run(recs, form: str):
    items = [(r, r["text"], 0) for r in recs] if form == "bodies" else as_page(recs)
    rows = []
    for r, text, start in items:
        rows.append((r, *measure(text, start, r["text"])))
    return rows


def report(rows, form: str, show: bool) -> None:
    total = sum(x[1] for x in rows)
    lost = sum(x[2] for x in rows)
    rules: Counter = Counter()
    for x in rows:
        rules.update(x[3])
    bad = [x[0]["id"] for x in rows if x[2] > 0.05 * x[1] and not x[4]]
    print(f"\n### {form}\n")
    print("| articles | words | lost | share | articles touched | > 5% without low_confidence | not idempotent |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(rows)} | {total} | {lost} | {lost / max(1, total):.2%} | {sum(1 for x in rows if x[2])} "
          f"| {len(bad)} | {sum(1 for x in rows if not x[5])} |")
    by_lang: Counter = Counter()
    for x in rows:
        by_lang[x[0]["lang"]] += x[2]
    print_losses(rules, by_lang)
    if show:
        for x in rows:
            if x[2]:
                print(f"\n- {x[0]['id']} ({x[0]['kind']}): {x[2]} of {x[1]} words, low_confidence={x[4]}")
                for rule, t in x[6]:
                    print(f"    {rule}: {t[:160]!r}")


def main() -> None:
    args = blind_set_args(("bodies", "pages"), "print the removals inside the articles (dev split only)")
    recs = load(args.split)
    print(header(f"## Blind articles: article text lost ({args.split} split)"))
    for form in (("bodies", "pages") if args.form == "both" else (args.form,)):
        report(run(recs, form), form, args.show)


if __name__ == "__main__":
    main()
