"""Junk-injection benchmark: plant known junk in clean article bodies and check
that newsclean removes it, under the right category, without eating the article.

    python benchmarks/inject.py --data ../shared/bench/article-extraction-benchmark \\
        --junk benchmarks/junkset/independent.jsonl --split a --json /tmp/inject-a.json

Options: ``--split a|b|all`` (default all: which junk entries to use),
``--seed N`` (default 0), ``--per-page K`` (default 3 junk items per page),
``--limit N`` (first N pages), ``--jobs N`` (worker processes), ``--json OUT``.
Needs ``langdetect`` (and the benchmark folder; nothing of it is copied).

**Junk file**: JSONL, one entry a line, with ``id``, ``category`` (icon,
paywall, spam, foreign_language, teaser, boilerplate, duplicate), ``language``,
``kind``, ``text`` (may hold "\\n" for multi-line junk; for ``duplicate``, a
template in which ``{LEAD}`` is replaced by the body's lead, its first
paragraph of at least LEAD_MIN_WORDS words (a heading or a dateline line
above it is no lead: a copy of two words is no duplicate a reader or a rule
can tell), and ``{LEAD_SENTENCE}`` by the lead's first sentence of at least
SENTENCE_MIN_WORDS words, with what precedes it), ``placement`` (top, after_lead,
middle, glued_end, after_body, bottom), ``split`` (a or b) and, for
foreign_language, optionally ``article_languages_not`` (article languages for
which the entry is not foreign).

**Injection.** Each page's ground-truth body is cut into paragraphs (its lines,
blank ones dropped) and rebuilt with the body's paragraph separator (a blank
line, or a single newline for bodies that use those). K entries are drawn
without replacement from the eligible ones (sorted by id) with
``random.Random(f"{seed}|{page id}")``; a foreign_language entry is not
eligible when its language is the article's (``langdetect``, seeded, on the
body; ``zh-cn`` counts as ``zh``) or is in its ``article_languages_not``.
Placements: ``top`` before the first paragraph; ``after_lead`` after the first;
``middle`` after paragraph ``(n - 1) // 2`` (0-based); ``after_body`` after the
last; ``bottom`` after that (after any after_body junk); ``glued_end`` appends
``" " + first line`` to the end of the last paragraph (further lines of the
entry follow as their own lines). Other junk goes in as its own lines, with the
body's separator. Several entries at one place keep their draw order.

**Scoring.** ``clean_text`` runs on the result. Each junk item is located in
``normalize(input)`` (offset = length of the normalised text before it, checked
against the normalised item; else the nearest occurrence of the normalised
item; the count of items not found exactly is reported). Its units are its
``\\w+`` tokens (its non-space characters if it has none); a unit is covered
when its first and last characters lie in spans that left the text (removals,
and metadata spans, category ``metadata``). An item is **removed** when at
least 80 % of its units are covered; its category is **right** when more than
half of its covered units are covered by removals of the injected category
(a second figure also accepts ``foreign_language`` for junk whose language is
not the article's nor language-neutral, ``xx``/``und``).
**Article harm**: body words (casefolded ``\\w+`` multiset of the normalised
body) missing from the output after the tokens of junk left in the output are
taken from it, over all body words; shown next to the harm of ``clean_text``
on the same bodies without junk. A duplicate counts as found when one of the
two copies was removed as a duplicate: the copy, or the original lead (the
cleaner keeps the fuller copy, the one with the dateline; the article keeps
its words). The report also counts how often it was the original.
Same inputs, same numbers.
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from functools import partial
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (header, map_pages, normalizer, removal_spans, select_pages, span_labels,  # noqa: E402
                     word_spans, words)

CATEGORIES = ("icon", "paywall", "spam", "foreign_language", "teaser", "boilerplate", "duplicate")
PLACEMENTS = ("top", "after_lead", "middle", "glued_end", "after_body", "bottom")
REMOVED_SHARE = 0.8
#: Junk language codes that name no language (language-neutral junk: glyphs, URLs).
NEUTRAL_LANGUAGES = ("", "xx", "und", "zxx", "mul")

_SENT_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
_ABBREV_RE = re.compile(r"(?:\b[A-Z][a-z]{0,2}|\b[A-Z](?:\.[A-Z])+|\b(?:[a-z]\.){1,3}[a-z]|\bNo|\bvs)\.$")


def load_junk(path: Path, split: str = "all") -> List[dict]:
    """The junk entries of ``path`` (JSONL) in ``split`` (a, b or all), sorted by id."""
    entries = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            e = json.loads(line)
            for key in ("id", "category", "language", "kind", "text", "placement", "split"):
                if key not in e:
                    raise ValueError(f"{path}:{n}: missing field {key!r}")
            if e["category"] not in CATEGORIES:
                raise ValueError(f"{path}:{n}: unknown category {e['category']!r}")
            if e["placement"] not in PLACEMENTS:
                raise ValueError(f"{path}:{n}: unknown placement {e['placement']!r}")
            if split == "all" or e["split"] == split:
                entries.append(e)
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate ids {sorted(k for k, v in Counter(ids).items() if v > 1)[:5]}")
    return sorted(entries, key=lambda e: e["id"])


def _lang(code: Optional[str]) -> str:
    return (code or "").lower().replace("_", "-").split("-")[0]


def detect_language(text: str) -> str:
    """The body's language (langdetect, seeded: deterministic), base code ('zh-cn' -> 'zh')."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return _lang(detect(text[:5000]))
    except LangDetectException:
        return ""


#: (Since 2026-12-02. Before, {LEAD} was the body's first line and
#: {LEAD_SENTENCE} its first sentence, whatever their length: on pages that
#: open with a heading or a dateline, "GIRLS BASKETBALL" or "HAYWARD, Calif.")
LEAD_MIN_WORDS = 10
SENTENCE_MIN_WORDS = 6


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence (a period after a short capitalised word
    or an initialism does not end it, nor one after fewer than
    SENTENCE_MIN_WORDS words: "HAYWARD, Calif. (AP) — ..."); the whole
    paragraph if none ends."""
    for m in _SENT_END_RE.finditer(paragraph):
        head = paragraph[:m.start() + 1]
        if _ABBREV_RE.search(head) or len(words(head)) < SENTENCE_MIN_WORDS:
            continue
        return paragraph[:m.end()].rstrip()
    return paragraph.strip()


def eligible(entries: Sequence[dict], article_lang: str) -> List[dict]:
    out = []
    for e in entries:
        if e["category"] == "foreign_language":
            not_for = {_lang(x) for x in e.get("article_languages_not") or ()}
            if _lang(e["language"]) == article_lang or article_lang in not_for:
                continue
        out.append(e)
    return out


def lead_index(paras: List[str]) -> int:
    """The lead's index among the body's paragraphs: the first of at least LEAD_MIN_WORDS words (else the first)."""
    return next((i for i, p in enumerate(paras) if len(words(p)) >= LEAD_MIN_WORDS), 0)


def junk_text(entry: dict, paras: List[str]) -> str:
    text = entry["text"]
    if entry["category"] == "duplicate" or "{LEAD" in text:
        lead = paras[lead_index(paras)].strip()
        text = text.replace("{LEAD_SENTENCE}", first_sentence(lead)).replace("{LEAD}", lead)
    return text


def inject(body: str, picks: Sequence[dict]) -> Tuple[str, str, List[Tuple[str, Optional[int]]]]:
    """Insert the entries ``picks`` into ``body``. Returns (clean body as
    rebuilt from its paragraphs, body with junk, pieces): the pieces
    ``(text, k)`` concatenate to the body with junk; ``k`` is the index in
    ``picks`` of the junk a piece holds (>= 0), ``-1 - i`` for the body's
    paragraph ``i``, None for separators."""
    paras = [line for line in body.split("\n") if line.strip()]
    sep = "\n" if "\n" in body.strip() and "\n\n" not in body.strip() else "\n\n"
    n = len(paras)
    mid = (n - 1) // 2
    at: Dict[str, List[int]] = defaultdict(list)
    for k, e in enumerate(picks):
        at[e["placement"]].append(k)
    lines: List[List[Tuple[str, Optional[int]]]] = []   # each line: its pieces

    def own_lines(k: int) -> None:
        lines.append([(sep.join(x for x in junk_text(picks[k], paras).split("\n") if x.strip()), k)])

    for k in at["top"]:
        own_lines(k)
    for i, p in enumerate(paras):
        line: List[Tuple[str, Optional[int]]] = [(p, -1 - i)]
        if i == n - 1:
            for k in at["glued_end"]:
                jl = [x for x in junk_text(picks[k], paras).split("\n") if x.strip()]
                line += [(" ", None), (sep.join(jl), k)]
        lines.append(line)
        if i == 0:
            for k in at["after_lead"]:
                own_lines(k)
        if i == mid:
            for k in at["middle"]:
                own_lines(k)
    for k in at["after_body"] + at["bottom"]:
        own_lines(k)
    pieces: List[Tuple[str, Optional[int]]] = []
    for j, line in enumerate(lines):
        if j:
            pieces.append((sep, None))
        pieces += line
    return sep.join(paras), "".join(t for t, _ in pieces), pieces


def _locate(norm: str, prefix: str, piece: str, normalize) -> Tuple[int, int, str]:
    """(start, end, how) of ``piece`` (which follows ``prefix`` in the input) in ``norm``."""
    want = normalize(piece)
    start = len(normalize(prefix))
    if norm.startswith(want, start):
        return start, start + len(want), "exact"
    hits, i = [], norm.find(want)
    while want and i >= 0:
        hits.append(i)
        i = norm.find(want, i + 1)
    if hits:
        best = min(hits, key=lambda h: (abs(h - start), h))
        return best, best + len(want), "search"
    return start, min(len(norm), len(normalize(prefix + piece))), "approx"


def _units(norm: str, start: int, end: int) -> Tuple[List[Tuple[int, int, str]], bool]:
    """The item's units in ``norm[start:end]`` and whether they are words."""
    toks = [(start + a, start + b, t) for a, b, t in word_spans(norm[start:end])]
    if toks:
        return toks, True
    return [(start + i, start + i + 1, c) for i, c in enumerate(norm[start:end]) if not c.isspace()], False


def _coverage(norm: str, labels: list, start: int, end: int) -> dict:
    """Units of ``norm[start:end]``, how many are covered by spans that left the
    text, by category and by rule, and the words left in the output."""
    units, are_words = _units(norm, start, end)
    cats: Counter = Counter()
    rules: Counter = Counter()
    kept: Counter = Counter()
    covered = 0
    for a, b, tok in units:
        la, lb = labels[a], labels[b - 1]
        if la is not None and lb is not None:
            covered += 1
            cats[la[0]] += 1
            rules[la[1]] += 1
        elif are_words:
            kept[tok] += 1
    return {"units": len(units), "covered": covered, "cats": cats, "rules": rules, "kept": kept}


def _harm(body_norm: str, out_text: str, kept_junk: Counter) -> Tuple[int, int]:
    body = Counter(words(body_norm))
    out = Counter(words(out_text)) - kept_junk
    return sum((body - out).values()), sum(body.values())


def measure_page(page: Tuple[str, bytes, str, str], entries: Sequence[dict], seed: int = 0, per_page: int = 3,
                 config=None) -> dict:
    """Inject, clean and score one page. Returns its figures and one record per item."""
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    import newsclean

    normalize = normalizer()
    clean = (lambda t: newsclean.clean_text(t, config=config)) if config is not None else newsclean.clean_text
    pid, _html, _url, body = page
    if not body.strip():
        return {"id": pid, "skipped": "empty body", "items": []}
    lang = detect_language(body)
    pool = eligible(entries, lang)
    skipped_foreign = len(entries) - len(pool)
    rng = random.Random(f"{seed}|{pid}")
    picks = rng.sample(pool, min(per_page, len(pool)))
    clean_body, text, pieces = inject(body, picks)
    norm = normalize(text)
    art = clean(text)
    labels = span_labels(len(norm), removal_spans(art))
    items: List[dict] = []
    kept_junk: Counter = Counter()
    prefix_len = 0
    lead_removed = lead_as_duplicate = False
    lead = -1 - lead_index([line for line in body.split("\n") if line.strip()])  # (its piece's k: see inject)
    for piece, k in pieces:
        if k == lead:   # the lead paragraph: did a duplicate take the original instead of the copy?
            start, end, _ = _locate(norm, text[:prefix_len], piece, normalize)
            c = _coverage(norm, labels, start, end)
            lead_removed = bool(c["units"]) and c["covered"] >= REMOVED_SHARE * c["units"]
            lead_as_duplicate = lead_removed and c["cats"]["duplicate"] * 2 > c["covered"]
        elif k is not None and k >= 0:
            e = picks[k]
            start, end, how = _locate(norm, text[:prefix_len], piece, normalize)
            c = _coverage(norm, labels, start, end)
            kept_of = c["kept"]
            removed = bool(c["units"]) and c["covered"] >= REMOVED_SHARE * c["units"]
            right = removed and c["cats"][e["category"]] * 2 > c["covered"]
            other = _lang(e["language"]) not in NEUTRAL_LANGUAGES + (lang,)
            items.append({"page": pid, "junk": e["id"], "category": e["category"], "language": e["language"],
                          "kind": e["kind"], "placement": e["placement"], "units": c["units"],
                          "covered": c["covered"], "removed": removed,
                          "right_category": right, "other_language": other,
                          "right_or_foreign": right or (removed and other
                                                        and c["cats"]["foreign_language"] * 2 > c["covered"]),
                          "removed_as": dict(c["cats"].most_common()),
                          "rules": dict(c["rules"].most_common()), "span": [start, end], "located": how,
                          "_kept": kept_of})
        prefix_len += len(piece)
    for it in items:
        if it["category"] == "duplicate":
            it["lead_removed"] = lead_removed
            # Of two copies one should go; which one is the cleaner's policy
            # (it keeps the fuller, the one with the dateline). The original
            # lead removed as a duplicate while the copy stays counts as the
            # duplicate found; the strict reading stays in "copy_removed".
            it["copy_removed"] = it["removed"]
            if not it["removed"] and lead_as_duplicate:
                it["removed"] = it["right_category"] = it["right_or_foreign"] = True
                it["_kept"] = Counter()  # the copy holds the article's own words now
    for it in items:
        kept_junk.update(it.pop("_kept"))
    lost, total = _harm(normalize(clean_body), art.text, kept_junk)
    base = clean(clean_body)
    lost0, _ = _harm(normalize(clean_body), base.text, Counter())
    return {"id": pid, "language": lang, "skipped_foreign_entries": skipped_foreign,
            "body_words": total, "body_words_lost": lost, "body_words_lost_without_junk": lost0,
            "low_confidence": bool(art.low_confidence), "items": items}


def run(data: Path, entries: Sequence[dict], *, seed: int = 0, per_page: int = 3, limit: Optional[int] = None,
        jobs: int = 1, config=None, ids=None) -> List[dict]:
    """Per-page results over the benchmark folder ``data`` (``ids``: those pages only)."""
    pages = select_pages(data, ids, limit)
    fn = partial(measure_page, entries=list(entries), seed=seed, per_page=per_page, config=config)
    return map_pages(fn, pages, jobs, chunksize=2)


def _group(items: List[dict], key: str) -> Dict[str, dict]:
    out: Dict[str, dict] = {}
    for it in items:
        g = out.setdefault(it[key], {"items": 0, "removed": 0, "right_category": 0, "right_or_foreign": 0,
                                     "removed_as": Counter()})
        g["items"] += 1
        g["removed"] += it["removed"]
        g["right_category"] += it["right_category"]
        g["right_or_foreign"] += it["right_or_foreign"]
        if it["removed"]:
            g["removed_as"].update(it["removed_as"])
    for g in out.values():
        g["recall"] = g["removed"] / g["items"] if g["items"] else 0.0
        g["right_category_share"] = g["right_category"] / g["removed"] if g["removed"] else None
        g["right_or_foreign_share"] = g["right_or_foreign"] / g["removed"] if g["removed"] else None
        g["removed_as"] = dict(g["removed_as"].most_common())
    return dict(sorted(out.items()))


def summarise(rows: List[dict]) -> dict:
    """The report's numbers from :func:`run` rows."""
    items = [it for r in rows for it in r["items"]]
    scored = [r for r in rows if "body_words" in r]
    words = sum(r["body_words"] for r in scored)
    lost = sum(r["body_words_lost"] for r in scored)
    lost0 = sum(r["body_words_lost_without_junk"] for r in scored)
    missed = [it for it in items if not it["removed"]]
    return {
        "pages": len(scored),
        "items": len(items),
        "removed": sum(it["removed"] for it in items),
        "recall": sum(it["removed"] for it in items) / len(items) if items else 0.0,
        "right_category": sum(it["right_category"] for it in items),
        "right_or_foreign": sum(it["right_or_foreign"] for it in items),
        "body_words": words,
        "body_words_lost": lost,
        "article_harm": lost / words if words else 0.0,
        "body_words_lost_without_junk": lost0,
        "article_harm_without_junk": lost0 / words if words else 0.0,
        "pages_harm_above_baseline": sum(1 for r in scored
                                         if r["body_words_lost"] > r["body_words_lost_without_junk"]),
        "low_confidence": sum(r["low_confidence"] for r in scored),
        "located": dict(Counter(it["located"] for it in items)),
        "article_languages": dict(Counter(r["language"] for r in scored).most_common()),
        "by_category": _group(items, "category"),
        "by_language": _group(items, "language"),
        "by_kind": _group(items, "kind"),
        "by_placement": _group(items, "placement"),
        "by_entry": {k: {"items": v["items"], "removed": v["removed"]} for k, v in _group(items, "junk").items()},
        "duplicate_missed_lead_removed": sum(1 for it in missed if it.get("lead_removed")),
        "duplicate_found_as_original": sum(1 for it in items if it["category"] == "duplicate" and it["removed"]
                                           and not it.get("copy_removed", True)),
        "duplicate_missed": sum(1 for it in missed if it["category"] == "duplicate"),
        "missed_ids": sorted({it["junk"] for it in missed}),
        "missed": [{"page": it["page"], "junk": it["junk"], "covered": it["covered"], "units": it["units"],
                    "rules": it["rules"], **({"lead_removed": it["lead_removed"]} if "lead_removed" in it else {})}
                   for it in missed],
        "wrong_category": [{"page": it["page"], "junk": it["junk"], "category": it["category"],
                            "removed_as": it["removed_as"], "rules": it["rules"]}
                           for it in items if it["removed"] and not it["right_category"]],
    }


def _pct(x: Optional[float]) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def report(s: dict) -> str:
    out = ["| items | removed | recall | right category (of removed) | right or foreign | article harm | "
           "harm without junk | pages harmed more than without junk | low_confidence |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
           f"| {s['items']} | {s['removed']} | {_pct(s['recall'])} | "
           f"{_pct(s['right_category'] / s['removed'] if s['removed'] else None)} | "
           f"{_pct(s['right_or_foreign'] / s['removed'] if s['removed'] else None)} | "
           f"{100 * s['article_harm']:.2f}% | {100 * s['article_harm_without_junk']:.2f}% | "
           f"{s['pages_harm_above_baseline']} of {s['pages']} | {s['low_confidence']} |", ""]
    not_exact = s["items"] - s["located"].get("exact", 0)
    if not_exact:
        out += [f"Items not located exactly in the normalised text: {s['located']}", ""]
    out += ["### Per category", "",
            "Right category: share of the removed items. Or foreign: also counting junk in another language "
            "than the article's removed as foreign_language. Removed as: covered units by category.", "",
            "| category | items | removed | recall | right category | right or foreign | removed as |",
            "|---|---:|---:|---:|---:|---:|---|"]
    for cat, g in s["by_category"].items():
        ras = ", ".join(f"{k} {v}" for k, v in g["removed_as"].items())
        out.append(f"| {cat} | {g['items']} | {g['removed']} | {_pct(g['recall'])} | "
                   f"{_pct(g['right_category_share'])} | {_pct(g['right_or_foreign_share'])} | {ras} |")
    if s["duplicate_missed"]:
        out += ["", f"Duplicates missed: {s['duplicate_missed']}, of which {s['duplicate_missed_lead_removed']} "
                "with the original lead paragraph removed (not as a duplicate)."]
    out += ["", f"Duplicates found by removing the original lead (the copy kept): {s['duplicate_found_as_original']}."]
    for key, title in (("by_language", "language"), ("by_kind", "kind"), ("by_placement", "placement")):
        out += ["", f"### Per {title} (recall)", "", f"| {title} | items | removed | recall |", "|---|---:|---:|---:|"]
        for name, g in s[key].items():
            out.append(f"| {name} | {g['items']} | {g['removed']} | {_pct(g['recall'])} |")
    out += ["", f"Missed entries ({len(s['missed_ids'])} distinct; ids and pages in --json)."]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="benchmark folder (ground-truth.json, html/)")
    ap.add_argument("--junk", required=True, type=Path, help="junk entries (JSONL)")
    ap.add_argument("--split", choices=("a", "b", "all"), default="all")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-page", type=int, default=3, help="junk items per page (default 3)")
    ap.add_argument("--limit", type=int, help="first N pages only")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--json", type=Path, help="write the summary, per-page and per-item results here")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    entries = load_junk(args.junk, args.split)
    if not entries:
        ap.error(f"no junk entries in split {args.split!r} of {args.junk}")
    t0 = time.perf_counter()
    rows = run(args.data, entries, seed=args.seed, per_page=args.per_page, limit=args.limit, jobs=args.jobs)
    s = summarise(rows)
    secs = time.perf_counter() - t0
    print(header("## Junk injection: recall per category, article harm"))
    print(f"- junk: {args.junk} (split {args.split}: {len(entries)} entries), seed {args.seed}, "
          f"{args.per_page} per page; pages: {s['pages']}, jobs: {args.jobs}, wall time: {secs:.1f} s\n")
    print(report(s))
    if args.json:
        import newsclean

        doc = {"command": " ".join(["python"] + sys.argv), "date": time.strftime("%Y-%m-%d %H:%M:%S"),
               "newsclean": newsclean.__version__, "junk": str(args.junk), "split": args.split,
               "seed": args.seed, "per_page": args.per_page, "seconds": round(secs, 2),
               "summary": s, "pages": rows}
        args.json.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
