"""Near-duplicate detection across documents (``newsclean batch --dedup``):
precision and recall of duplicate pairs on a set built from the benchmark's
bodies.

    python benchmarks/dedup.py --data ../shared/bench/article-extraction-benchmark

**The set.** Each of the benchmark's ground-truth bodies (the 181 of
Zyte's article-extraction-benchmark) is published ``--copies`` times (3), each
copy as a whole page's text in a site template of its own: a navigation bar,
a byline line, teasers (first sentences of other bodies), paywall and
newsletter lines, a footer, the boxes in random order above and below the
body. Copies of one body are the duplicate pairs. Must-not-merge documents:
for each body, an **update** (new paragraphs of at least half the body's
length, taken from other bodies in the body's language, inserted after its lead: the first
paragraphs, up to a fifth of its words; ``--updates first3`` builds them as
first written, from at most three other bodies, which for a long body is
less than half) and a **same-topic story** (the
body's lead, as background, then the second half of the paragraphs of another body in its language). A body of one
line is cut into paragraphs of three sentences. Pairs among copies are the positives; every
other pair is a negative. Records are shuffled (``random.Random(seed)``).

**Scoring.** The set goes through ``newsclean batch --dedup`` (a temporary
JSONL); two records are predicted duplicates when they are in one cluster
(the same ``duplicate_of`` root). Precision and recall over pairs. With
``--sweep``, also the pairs whose estimated similarity (from the records'
fingerprints) is at least t, for thresholds t, to choose the threshold.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import header, load  # noqa: E402

from newsclean import clean_text  # noqa: E402

NAV = ["Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Opinion",
       "Video", "Podcasts", "Local", "Weather", "Travel"]
PAYWALL = ["Subscribe to continue reading.", "You have 2 free articles left this month.",
           "Already a subscriber? Log in", "Get unlimited access for $1 a week."]
NEWSLETTER = ["Sign up for our morning newsletter", "Get the best of our journalism in your inbox every day.",
              "Follow us on Facebook and Twitter"]
FOOTER = ["© 2026 The Daily Example. All rights reserved.", "Privacy Policy | Terms of Use | Contact",
          "About us", "Advertise with us"]
# Steps to the other bodies an update's new paragraphs come from. The first
# construction (until 2026-12-01, ``--updates first3``) took at most the first
# three: for a long body that was less than the half the docstring promises
# (an update of an 8,000-word story got 18 % new words).
UPDATE_STEPS = (7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83)
NAMES = ["Jane Smith", "Omar Haddad", "Li Wei", "Maria Rossi", "Tom Baker", "Anna Novak"]


def paragraphs(body: str):
    """The body's paragraphs (its lines); a body of one line is cut into
    paragraphs of three sentences."""
    paras = [p.strip() for p in body.splitlines() if p.strip()]
    if len(paras) == 1:
        sents = re.split(r"(?<=[.!?])\s+", paras[0])
        paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
    return paras


def lead(paras):
    """The first paragraphs, up to a fifth of the body's words (at least one)."""
    total = sum(len(p.split()) for p in paras)
    out = [paras[0]]
    for p in paras[1:]:
        if sum(len(x.split()) for x in out) + len(p.split()) > total / 5:
            break
        out.append(p)
    return out


def wrap(paras, rng: random.Random, teasers):
    """A page's text: the paragraphs in a random site template."""
    boxes = [rng.sample(NAV, rng.randint(4, 9)),
             [f"By {rng.choice(NAMES)}, staff reporter", f"Published {rng.randint(1, 28)} November 2026"],
             ["Read more:"] + rng.sample(teasers, min(3, len(teasers))),
             rng.sample(PAYWALL, 2), rng.sample(NEWSLETTER, 2), rng.sample(FOOTER, 3)]
    rng.shuffle(boxes)
    k = rng.randint(1, len(boxes) - 1)
    top, bottom = boxes[:k], boxes[k:]
    lines = [x for b in top for x in b] + paras + [x for b in bottom for x in b]
    return "\n".join(lines)


def build(items, copies: int, seed: int, full_updates: bool = True):
    rng = random.Random(seed)
    bodies = [(pid, paragraphs(body)) for pid, _, _, body in items if len(paragraphs(body)) >= 1]
    firsts = [p[0].split(". ")[0][:120] for _, p in bodies]
    # new paragraphs come from bodies in the body's own language (newsclean's
    # language of each body): another language would be cut as foreign
    langs = [clean_text("\n\n".join(p)).language for _, p in bodies]

    def same_language(n: int, step: int) -> int:
        j = n
        for _ in range(len(bodies)):
            j = (j + step) % len(bodies)
            if j != n and langs[j] == langs[n]:
                return j
        return (n + step) % len(bodies)

    recs = []
    for n, (pid, paras) in enumerate(bodies):
        def teasers():
            return [t for j, t in enumerate(firsts) if j != n and rng.random() < 0.05] or [firsts[(n + 1) % len(firsts)]]
        for c in range(copies):
            recs.append({"id": f"{pid}#copy{c}", "group": pid, "text": wrap(paras, rng, teasers())})
        # an update: new paragraphs of at least half the body's length, from other bodies
        words = sum(len(p.split()) for p in paras)
        new, used = [], set()
        for step in UPDATE_STEPS if full_updates else UPDATE_STEPS[:3]:
            if sum(len(p.split()) for p in new) >= words / 2:
                break
            j = same_language(n, step)
            if full_updates and j in used:
                continue
            used.add(j)
            new.extend(bodies[j][1])
        cut, acc = [], 0
        for p in new:
            cut.append(p)
            acc += len(p.split())
            if acc >= words / 2:
                break
        k = len(lead(paras))
        recs.append({"id": f"{pid}#update", "group": f"{pid}#update",
                     "text": wrap(paras[:k] + cut + paras[k:], rng, teasers())})
        other = bodies[same_language(n, 31)][1]
        recs.append({"id": f"{pid}#topic", "group": f"{pid}#topic",
                     "text": wrap(lead(paras) + other[len(other) // 2:], rng, teasers())})
    rng.shuffle(recs)
    return recs


def pairs_of(groups):
    out = set()
    for members in groups.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--updates", choices=("half", "first3"), default="half",
                    help="half (default): an update's new paragraphs are at least half the body's words, as many "
                         "other bodies as that takes; first3: the first construction, at most three other bodies "
                         "(less than half for long bodies)")
    args = ap.parse_args()
    recs = build(load(args.data), args.copies, args.seed, full_updates=args.updates == "half")
    truth = {}
    for r in recs:
        truth.setdefault(r["group"], []).append(r["id"])
    positives = pairs_of(truth)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "set.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in recs), encoding="utf-8")
        p = subprocess.run([sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--dedup",
                            "--jobs", str(args.jobs), "--progress", "never"], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(p.stderr)
        got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    clusters = {}
    for g in got:
        root = g["newsclean"]["duplicate_of"] or g["id"]
        clusters.setdefault(root, []).append(g["id"])
    predicted = pairs_of(clusters)
    tp = len(predicted & positives)
    print(header("## Near-duplicates: precision and recall of duplicate pairs"))
    print(f"- documents: {len(recs)} ({len(truth) // 3 if False else len(recs) // (args.copies + 2)} bodies x "
          f"{args.copies} copies, 1 update, 1 same-topic story); duplicate pairs: {len(positives)}")
    print(f"- `--dedup` (threshold, bands and rows as documented in newsclean/corpus/dedup.py): "
          f"predicted pairs {len(predicted)}, precision {tp / len(predicted) if predicted else 1:.4f}, "
          f"recall {tp / len(positives):.4f}")
    wrong = sorted(predicted - positives)
    kinds = {}
    for a, b in wrong:
        k = "+".join(sorted({a.split("#")[1].rstrip("0123456789"), b.split("#")[1].rstrip("0123456789")}))
        kinds[k] = kinds.get(k, 0) + 1
    print(f"- false pairs by kind: {kinds or 'none'}; missed pairs: {len(positives - predicted)}")
    if args.sweep:
        import numpy as np

        from newsclean.corpus.dedup import from_fingerprint

        ids = [g["id"] for g in got if g["newsclean"]["fingerprint"]]
        sigs = np.stack([np.frombuffer(from_fingerprint(g["newsclean"]["fingerprint"]), "<u4")
                         for g in got if g["newsclean"]["fingerprint"]])
        sims = {}
        for i in range(len(ids)):
            eq = (sigs[i + 1:] == sigs[i]).mean(axis=1)
            for j in np.flatnonzero(eq >= 0.3):
                sims[tuple(sorted((ids[i], ids[i + 1 + j])))] = float(eq[j])
        print("\n| threshold (similarity of the pair itself) | predicted pairs | precision | recall |\n|---|---|---|---|")
        for t in (0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.875, 0.9):
            pred = {k for k, v in sims.items() if v >= t}
            tp = len(pred & positives)
            print(f"| {t} | {len(pred)} | {tp / len(pred) if pred else 1:.4f} | {tp / len(positives):.4f} |")
        pos = sorted(v for k, v in sims.items() if k in positives)
        neg = sorted((v for k, v in sims.items() if k not in positives), reverse=True)
        print(f"\nlowest similarity of a duplicate pair: {pos[0] if pos else None}; "
              f"5 highest of other pairs: {neg[:5]}")


if __name__ == "__main__":
    main()
