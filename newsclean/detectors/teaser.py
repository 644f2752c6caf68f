"""``teaser``: unrelated stories, related-link lists and "more about" blocks.

Signals, never a list of topics:

- a teaser header ("Read more", "Related", "Lesen Sie auch", ``data/teaser_headers.txt``)
  and the link-like lines that follow it;
- a list of three or more short items after the article body (link-list shape);
- for paragraphs at the end of the body, walking backwards from the last one:
  a kicker prefix (``FRAUD ALLEGED:``), truncation mid-sentence, low topical
  overlap with the article's core, position outside the body. A paragraph is a
  teaser when its signals add up to ``Config.teaser_threshold``; the walk stops
  at the first paragraph that reads as the article's own.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List

from .. import lexicon
from ..core import content_words, is_prose, overlap
from ..textutil import words
from ..model import Finding

if TYPE_CHECKING:
    from ..config import Config
    from ..document import Document, Features

CATEGORY = "teaser"
ORDER = 60
ORDER2 = 10

HEADER_MAX_WORDS = 12
LINK_MAX_WORDS = 16
_TAGGED_RE = re.compile(r"\s\[[A-Z]{3,12}\]$")
_KICKER_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ0-9][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ0-9 '’&.\-]{2,40}[:?!]\s+\S")


def _header(pattern, text: str, n_words: int, first=None, ws=None) -> bool:
    if n_words > HEADER_MAX_WORDS or (first is not None and first.isdisjoint(ws)):
        return False
    m = pattern.search(text)
    if not m:
        return False
    # the phrase opens the line ("Read more: ...") or makes up most of it
    return m.start() <= 2 or len(m.group()) >= 0.4 * len(text.strip(" :-–—>»"))


def _link_like(f: Features, cfg: Config) -> bool:
    return f.n_words <= LINK_MAX_WORDS and (f.bullet or not f.ends_sentence or f.n_words <= 6)


HEADLINE_RUN = 3
INLINE_SAMPLE_CHARS = 3000


def _headline_shaped(f: Features) -> bool:
    return 5 <= f.n_words <= 25 and not f.ends_sentence and not f.table


def _truncated(text: str, n_words: int) -> bool:
    """Cut off mid-sentence ("... at the time, it won 74 seats in the") or an
    excerpt that ends in an ellipsis ("... traçando um plano paralelo para …")."""
    if n_words < 15:
        return False
    return (n_words >= 20 and text[-1].isalnum()) or text.endswith(("…", "...", "[…]", "[...]"))


def pass2(doc: Document) -> List[Finding]:
    cfg = doc.config
    headers = lexicon.matcher("teaser_headers", cfg.extra_phrases)
    header_first = lexicon.first_words("teaser_headers", cfg.extra_phrases)
    out: List[Finding] = []
    taken = set()
    n = len(doc.blocks)
    a, z = doc.core

    feats = doc.feats
    # avail[i]: block i is free (unflagged, not metadata, not taken here yet).
    avail = [lab is None for lab in doc.label]
    for k in doc.meta_blocks:
        avail[k] = False

    def take(i, reason, rule, conf=0.8):
        taken.add(i)
        avail[i] = False
        out.append(doc.block_finding(i, CATEGORY, reason, rule, conf))

    # 1. Header-led regions.
    for i, f in enumerate(feats):
        if not avail[i] or not _header(headers, doc.blocks[i].text, f.n_words, header_first, f.words):
            continue
        take(i, "related-content header", "teaser.header", 0.9)
        j = i + 1
        first = next((k for k in range(i + 1, n) if avail[k]), None)
        bullets = first is not None and doc.feats[first].bullet
        while j < n:
            if not avail[j]:
                if doc.label[j] in ("boilerplate", "teaser") or j in taken:
                    j += 1
                    continue
                break
            f = doc.feats[j]
            if bullets and not f.bullet:
                break
            if _link_like(f, cfg) or (j > z and not is_prose(f, cfg)):
                take(j, f"link under the related-content header at block {i}", "teaser.links", 0.85)
                j += 1
            elif j > z or overlap(doc, j) < cfg.teaser_low_overlap * 2 and not f.ends_sentence:
                take(j, f"story summary under the related-content header at block {i}", "teaser.links", 0.8)
                j += 1
            else:
                break

    # 1b. A teaser header inside a long block, where the extractor glued the
    # "Top stories" box to the last paragraph: cut from the header on, when what
    # follows is off-topic.
    for i in range(a, n):
        f = feats[i]
        if f.n_words < 60 or not avail[i] or header_first.isdisjoint(f.words):
            continue
        text = doc.blocks[i].text
        for m in headers.finditer(text):
            s = m.start()
            if s < 0.3 * len(text) or text[s - 2:s].strip() not in (".", "!", "?", "”", "\"", "|", ""):
                continue
            if not (text[s].isupper() and text[s - 1] == " "):
                continue
            # What follows, judged on a bounded sample (a glued box is short;
            # the whole rest would make a long block with many headers quadratic).
            rest = text[m.end():m.end() + INLINE_SAMPLE_CHARS]
            ws = set(content_words(words(rest)))
            counts = doc.core_counts
            if len(ws) < 8:
                continue
            ov = sum(1 for w in ws if counts.get(w, 0) > 1) / len(ws)
            if ov < cfg.teaser_low_overlap * 2:
                b = doc.blocks[i]
                out.append(Finding(b.start + s, b.end, CATEGORY,
                                   f"\u201c{m.group()}\u201d box glued to the paragraph ({ov:.0%} on topic)",
                                   "teaser.inline", 0.8, None))
                break

    # 1c. Related-story links marked with a bracketed tag: "Plane passengers
    # quarantined after outbreak [NEWS]", "Lakers vs Nets: final decision [VIDEO]".
    for b, f in zip(doc.blocks, feats):
        if b.text[-1] == "]" and f.n_words <= 30 and avail[b.index] and _TAGGED_RE.search(b.text):
            take(b.index, "related-story link with a bracketed tag", "teaser.tagged", 0.8)

    # 1d. Text mode: a run of three or more headline-shaped lines (5-25 words,
    # no sentence end) is a box of links to other stories, wherever it stands.
    # Short list items (2-4 words: "baby carrier", "camera") are spared.
    if doc.mode == "text":
        i = 0
        while i < n:
            j = i
            while j < n and avail[j] and _headline_shaped(feats[j]):
                j += 1
            if j - i >= HEADLINE_RUN:
                for k in range(i, j):
                    take(k, f"one of {j - i} headline-shaped lines in a row", "teaser.headlines", 0.75)
            i = max(j, i + 1)

    # 2. Link lists after the body: runs of >= 3 short items. (Text mode only: in
    # HTML, a list that trafilatura kept in the main content is usually the article's.)
    i = z + 1 if doc.mode == "text" and z >= a else n  # no body found: nothing is "after" it
    while i < n:
        f = feats[i]
        if avail[i] and not f.table and _link_like(f, cfg) and (f.bullet or f.n_words >= 2):
            j = i
            while j < n and avail[j] and not feats[j].table and _link_like(feats[j], cfg):
                j += 1
            if j - i >= 3 and sum(1 for k in range(i, j) if feats[k].bullet) >= (j - i) // 2:
                for k in range(i, j):
                    take(k, f"list of {j - i} short items after the article", "teaser.list", 0.8)
            i = j + 1
        else:
            i += 1

    # 3. Paragraphs trailing the body, scored.
    if z < a:
        return out
    last = n - 1
    body_prose = [k for k in range(a, z + 1) if doc.label[k] is None and is_prose(doc.feats[k], cfg)]
    protect = set(body_prose[: max(2, len(body_prose) // 2)])  # never eat the first half of the article
    for i in range(last, a - 1, -1):
        if not avail[i]:
            continue
        f = feats[i]
        if f.table:
            continue
        if not is_prose(f, cfg) and not (i > z and f.n_words >= 8):
            if i > z:
                continue  # short lines after the body: footer, judged by boilerplate
            continue
        if i in protect:
            break
        text = doc.kept_text(i)
        score, why = 0.0, []
        if _KICKER_RE.match(text):
            score += 1.0
            why.append("kicker prefix")
        if _truncated(text, len(text.split())):
            score += 1.0
            why.append("cut off mid-sentence")
        ov = overlap(doc, i)
        if ov < cfg.teaser_low_overlap:
            score += 1.0
            why.append(f"off-topic ({ov:.0%} of its words in the article)")
        elif ov < 2 * cfg.teaser_low_overlap:
            score += 0.5
            why.append(f"weakly related ({ov:.0%} of its words in the article)")
        if i > z:
            score += 0.5
            why.append("after the article body")
        # In HTML mode trafilatura already chose these paragraphs as the article: a
        # paragraph cut off mid-sentence there is usually the article itself cut
        # by a paywall, so only a kicker or an excerpt's ellipsis marks a teaser.
        if doc.mode == "html":
            shaped = "kicker prefix" in why or text.endswith(("…", "...", "[…]", "[...]"))
        else:
            shaped = True
        if score >= cfg.teaser_threshold and shaped:
            take(i, ", ".join(why), "teaser.trailing", min(1.0, score / 3))
        elif i <= z:
            break
    return out
