"""Site boilerplate learned from the crawl (``newsclean batch
--learn-site-boilerplate``): junk removed and article words lost, with and
without it, on a synthetic multi-site crawl built from the benchmark bodies.

    python benchmarks/site_boilerplate.py --data ../shared/bench/article-extraction-benchmark

**The crawl.** The bodies (sorted by id) are dealt round-robin to ``--sites``
(6) sites. Each site has its own chrome: a navigation bar, a footer, a
newsletter box, a "more from this site" box of teasers (the first sentences
of three other articles of the same site, drawn per page); each page is its
body with these four boxes in random order above and below it
(``random.Random(seed)``). Two guards are planted, as article text: on 40 %
of each site's pages, a quotation the site's articles share, inside the body;
on another 40 %, a standard sentence of the site after the body. The guards
are English, so they go into English bodies only (``--guards english``, the
default; ``--guards all`` plants them in every body, as the first version did:
an English sentence in a Japanese article is another language there, and the
cleaner rightly removes it as foreign_language). Pages are whole-page text
(JSONL ``text``), one record each, URL on the site's host.

**Scoring** (casefolded ``\\w+`` tokens, as multisets). Article words: the
body and the planted guards; *lost*: those missing from the output. Junk
words: the chrome; *removed*: those not left in the output (a junk token left
counts only where the output holds more of it than the article does).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import header, load, words  # noqa: E402

SECTIONS = ["News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Opinion",
            "Video", "Local", "Weather", "Travel", "Food", "Cars"]


def site_chrome(s: int, rng: random.Random):
    name = f"The {['Daily', 'Evening', 'Morning', 'Weekly', 'Metro', 'Valley'][s % 6]} {['Post', 'Herald', 'Star', 'Courier', 'Times', 'Gazette'][s % 6]}"
    nav = [name, " | ".join(rng.sample(SECTIONS, 6)), "Menu", "Search"]
    footer = [f"© 2026 {name}. All rights reserved.", "About us · Contact · Careers · Advertise",
              f"{name} is a member of the Independent Press Standards Organisation.", "Privacy settings"]
    newsletter = [f"The {name} briefing", "Get our top stories in your inbox every morning",
                  "Enter your email address", "Sign up"]
    quote = f"“We will keep this community informed, whatever it takes,” said the editor of {name} on its founding day."
    standard = (f"This article is part of a series produced by {name} with the support of the regional "
                "journalism fund, which has no say over its content.")
    return nav, footer, newsletter, quote, standard


def build(items, sites: int, seed: int, guards: str = "english"):
    rng = random.Random(seed)
    bodies = [(pid, [p.strip() for p in body.splitlines() if p.strip()]) for pid, _, _, body in items]
    bodies = [(pid, paras) for pid, paras in bodies if paras]
    chrome = [site_chrome(s, rng) for s in range(sites)]
    recs = []
    for n, (pid, paras) in enumerate(bodies):
        s = n % sites
        nav, footer, newsletter, quote, standard = chrome[s]
        mine = [b for m, b in enumerate(bodies) if m % sites == s and m != n]
        teasers = ["More from this site"] + [b[1][0].split(". ")[0][:100] for b in rng.sample(mine, 3)]
        article = list(paras)
        r = rng.random()
        if guards == "english" and _language(paras) != "en":
            r = 1.0  # (the draw is made all the same: the rest of the crawl is the same in both versions)
        if r < 0.4:
            article.insert(max(1, len(article) // 2), quote)
        elif r < 0.8:
            article.append(standard)
        boxes = [nav, footer, newsletter, teasers]
        rng.shuffle(boxes)
        k = rng.randint(1, 3)
        junk = [x for b in boxes for x in b]
        text = "\n".join([x for b in boxes[:k] for x in b] + article + [x for b in boxes[k:] for x in b])
        recs.append({"id": pid, "url": f"https://site{s}.example.com/{pid[:12]}", "text": text,
                     "article": "\n".join(article), "junk": "\n".join(junk)})
    return recs


def _language(paras) -> str:
    from inject import detect_language  # (the injection benchmark's seeded langdetect)

    return detect_language("\n".join(paras))


def score(recs, outs):
    lost = total_art = left = total_junk = 0
    for rec, out in zip(recs, outs):
        art, junk, got = Counter(words(rec["article"])), Counter(words(rec["junk"])), Counter(words(out))
        total_art += sum(art.values())
        lost += sum(max(0, v - got[w]) for w, v in art.items())
        total_junk += sum(junk.values())
        left += sum(min(v, max(0, got[w] - art[w])) for w, v in junk.items())
    return 1 - left / total_junk, lost / total_art


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--sites", type=int, default=6)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--guards", choices=("english", "all"), default="english")
    args = ap.parse_args()
    recs = build(load(args.data), args.sites, args.seed, args.guards)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "crawl.jsonl"
        src.write_text("".join(json.dumps({"id": r["id"], "url": r["url"], "text": r["text"]}) + "\n" for r in recs),
                       encoding="utf-8")
        for learn in (False, True):
            out = Path(tmp) / f"out{learn}.jsonl"
            cmd = [sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--jobs", str(args.jobs),
                   "--progress", "never"] + (["--learn-site-boilerplate"] if learn else [])
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(p.stderr)
            got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
            rules = Counter(r["rule"] for g in got for r in g["newsclean"]["removed"])
            removed, lost = score(recs, [g["newsclean"]["text"] for g in got])
            rows.append((learn, removed, lost, rules.get("boilerplate.site_learned", 0),
                         [x for x in p.stderr.splitlines() if "learned" in x]))
    print(header("## Site boilerplate learned from the crawl"))
    print(f"- crawl: {len(recs)} pages on {args.sites} sites, guards: {args.guards}\n")
    print("| | junk words removed | article words lost | removals by boilerplate.site_learned |\n|---|---|---|---|")
    for learn, removed, lost, n, _ in rows:
        print(f"| {'with' if learn else 'without'} --learn-site-boilerplate | {removed:.1%} | {lost:.2%} | {n} |")
    print("\n" + "\n".join(rows[1][4]))


if __name__ == "__main__":
    main()
