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
from typing import TYPE_CHECKING, List, Sequence

from ..analysis.findings import Finding
from ..analysis.scores import is_prose
from ..analysis.topic import all_stopwords, content_words, overlap
from ..text import lexicon
from ..text.words import ELLIPSES, LABELLED_RE, introduces, words
from .base import Context, Rule, params_of

if TYPE_CHECKING:
    from ..analysis.document import Features

CATEGORY = "teaser"

#: A teaser header has at most this many words.
HEADER_MAX_WORDS = 12
#: A header followed on its line by a colon (a bar, a dash) and at least this
#: many words carries its own headline ("Read also: ..."): it heads no box.
INLINE_HEADLINE_WORDS = 3
#: A link line (under a header, or in a list) has at most this many words.
LINK_MAX_WORDS = 16
#: This many headline-shaped lines in a row are a box of links (text mode).
HEADLINE_RUN = 3
#: A glued teaser box: judged on at most this many characters after its header.
INLINE_SAMPLE_CHARS = 3000
#: ... in a block of at least this many words, whose header stands past this share of it.
INLINE_MIN_WORDS = 60
INLINE_MIN_POSITION = 0.3
#: A pointer line ("See also: <headline>"): its headline has at least this many words.
POINTER_MIN_WORDS = 3
#: An excerpt of another story (teaser.excerpt) has at least this many words.
EXCERPT_MIN_WORDS = 12
#: teaser.trailing: being off the article's topic counts fully when the
#: body's first paragraphs have at least this many distinct content words.
TOPIC_MIN_WORDS = 30
#: A list after the body: at least this many short items.
LIST_MIN_ITEMS = 3

RULES = (
    Rule("teaser.header", CATEGORY, "a related-content header", params=("HEADER_MAX_WORDS", "INLINE_HEADLINE_WORDS")),
    Rule("teaser.links", CATEGORY, "the links and summaries under a related-content header", positional=True,
         params=("LINK_MAX_WORDS", "teaser_low_overlap")),
    Rule("teaser.pointer", CATEGORY, "a pointer to another story: a short label with a pointer word, a colon, a "
         "headline", params=("POINTER_LABEL_WORDS", "POINTER_MIN_WORDS", "LINK_MAX_WORDS")),
    Rule("teaser.excerpt", CATEGORY, "a paragraph in another language cut at a length, as another story's excerpt",
         params=("EXCERPT_MIN_WORDS",)),
    Rule("teaser.inline", CATEGORY, "a related-content box glued to a paragraph's end",
         params=("INLINE_MIN_WORDS", "INLINE_MIN_POSITION", "INLINE_SAMPLE_CHARS", "teaser_low_overlap")),
    Rule("teaser.tagged", CATEGORY, "a related-story link ending in a bracketed tag ([VIDEO])"),
    Rule("teaser.headlines", CATEGORY, "a run of headline-shaped lines outside the body (text mode)", positional=True,
         params=("HEADLINE_RUN",), evidence=False),
    Rule("teaser.list", CATEGORY, "a list of short items after the body (text mode); in an article-shaped text "
         "not the rest of a list whose items above it stay", positional=True,
         params=("LIST_MIN_ITEMS", "LINK_MAX_WORDS"), evidence=False),
    Rule("teaser.trailing", CATEGORY, "paragraphs after or at the end of the body that score as teasers",
         positional=True, params=("teaser_threshold", "teaser_low_overlap", "TOPIC_MIN_WORDS"), evidence=False),
)
_TAGGED_RE = re.compile(r"\s\[[A-Z]{3,12}\]$")
_KICKER_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ0-9][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ0-9 '’&.\-]{2,40}[:?!]\s+\S")


def _header(pattern, text: str, n_words: int, first, ws, max_words: int) -> bool:
    if n_words > max_words or first.isdisjoint(ws):
        return False
    m = pattern.search(text)
    if not m:
        return False
    # the phrase opens the line ("Read more: ...") or makes up most of it
    return m.start() <= 2 or len(m.group()) >= 0.4 * len(text.strip(" :-–—>»"))


def _link_like(f: Features, max_words: int) -> bool:
    return f.n_words <= max_words and (f.bullet or not f.ends_sentence or f.n_words <= 6)


def _headline_shaped(f: Features) -> bool:
    return 5 <= f.n_words <= 25 and not f.ends_sentence and not f.table


def _truncated(text: str, n_words: int) -> bool:
    """Cut off mid-sentence ("... at the time, it won 74 seats in the") or an
    excerpt that ends in an ellipsis ("... traçando um plano paralelo para …")."""
    if n_words < 15:
        return False
    return (n_words >= 20 and text[-1].isalnum()) or text.endswith(ELLIPSES)


# Each rule below reads ``free`` (free[i]: block i is neither proposed for
# removal, nor metadata, nor taken by an earlier teaser rule) and returns its
# findings; :func:`teaser` runs them in order.

#: A pointer line's label has at most this many words.
POINTER_LABEL_WORDS = 3


def pointer_lines(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.pointer: a pointer to another story, "<label>: <headline>",
    whatever its wording: a label of at most three words, one of them a
    pointer word (``data/teaser_pointer_words.txt``: also, read, see, más,
    anche, также ...), or a label that is a related-content header ("Sur le
    même sujet"), a colon, and a headline: POINTER_MIN_WORDS to
    LINK_MAX_WORDS words that do not end a sentence."""
    doc = ctx.doc
    pointer = lexicon.phrase_set("teaser_pointer_words")
    headers = lexicon.matcher("teaser_headers", ctx.config.extra_phrases)
    header_first = lexicon.first_words("teaser_headers", ctx.config.extra_phrases)
    p = params_of(ctx.config, CATEGORY)
    out: List[Finding] = []
    for b, f in zip(doc.blocks, doc.feats):
        if not free[b.index] or f.n_words > p.LINK_MAX_WORDS + 6 or (pointer.isdisjoint(f.words)
                                                                  and header_first.isdisjoint(f.words)):
            continue
        m = LABELLED_RE.match(b.text)
        if m is None:
            continue
        label = m.group(1).split()
        # a pointer word in a short label, or a related-content header before
        # the colon ("Sur le même sujet : <headline>")
        if ((len(label) > p.POINTER_LABEL_WORDS or pointer.isdisjoint(w.casefold() for w in label))
                and headers.fullmatch(m.group(1).casefold()) is None):
            continue
        headline = m.group(2).rstrip()
        n = len(words(headline))
        if p.POINTER_MIN_WORDS <= n <= p.LINK_MAX_WORDS and not headline.endswith((".", ";", ",")):
            out.append(doc.block_finding(b.index, CATEGORY, f"pointer to another story \u201c{m.group(1)}:\u201d",
                                         "teaser.pointer", 0.85))
    return out


def related_header(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rules teaser.header and teaser.links: a related-content header ("Read
    more", "Lesen Sie auch") and the link-like lines that follow it."""
    doc, cfg = ctx.doc, ctx.config
    headers = lexicon.matcher("teaser_headers", cfg.extra_phrases)
    header_first = lexicon.first_words("teaser_headers", cfg.extra_phrases)
    p = params_of(cfg, CATEGORY)
    avail = list(free)
    taken: set = set()
    out: List[Finding] = []

    def take(i: int, reason: str, rule: str, conf: float) -> None:
        taken.add(i)
        avail[i] = False
        out.append(doc.block_finding(i, CATEGORY, reason, rule, conf))

    label = ctx.marks.label
    total = _words(doc, range(len(doc.blocks)))
    for i, f in enumerate(doc.feats):
        # (a header another rule took as chrome, a line the crawl showed the
        # site repeats, still heads its box)
        if not (avail[i] or label[i] == "boilerplate") or not _header(headers, doc.blocks[i].text, f.n_words,
                                                                       header_first, f.words, p.HEADER_MAX_WORDS):
            continue
        m = headers.search(doc.blocks[i].text)
        after = doc.blocks[i].text[m.end():] if m is not None else ""
        if after.lstrip()[:1] in (":", "|", "»", ">", "–", "—") and len(words(after)) >= p.INLINE_HEADLINE_WORDS:
            # "Read also: <a headline>": the teaser is the line itself, and
            # the lines under it are not its box (a list of the article's)
            if avail[i]:
                take(i, "related-content header with its headline", "teaser.header", 0.9)
            continue
        box = _box_under(ctx, i, avail, taken, p.LINK_MAX_WORDS)
        in_box = _words(doc, (j for j, _ in box))
        if not ctx.body.whole_page and in_box > total - in_box - doc.feats[i].n_words:
            # A related-content box is an aside, shorter than the article
            # around it; in an article-shaped text a longer run under such a
            # header ("Don't miss" over a list of products) is the article's,
            # and so is the header that introduces it.
            continue
        if avail[i]:
            take(i, "related-content header", "teaser.header", 0.9)
        for j, why in box:
            take(j, f"{why} under the related-content header at block {i}", "teaser.links",
                 0.85 if why == "link" else 0.8)
    return out


def _words(doc, blocks) -> int:
    return sum(doc.feats[k].n_words for k in blocks)


def _box_under(ctx: Context, i: int, avail: Sequence[bool], taken: set, link_max_words: int) -> List[tuple]:
    """The blocks of the box under the header at block ``i``: the link-like
    lines that follow it (story summaries too, when off the article's topic
    or after the body), as (block, "link" or "story summary")."""
    doc, cfg, last, label = ctx.doc, ctx.config, ctx.body.last, ctx.marks.label
    feats, n = doc.feats, len(doc.blocks)
    first = next((k for k in range(i + 1, n) if avail[k]), None)
    bullets = first is not None and feats[first].bullet
    box: List[tuple] = []
    j = i + 1
    while j < n:
        if not avail[j]:
            # (junk of any kind inside the box, an advert, spam, an icon's
            # label, interrupts it: the box goes on under it)
            if label[j] is not None or j in taken:
                j += 1
                continue
            break
        f = feats[j]
        if bullets and not f.bullet:
            break
        if _link_like(f, link_max_words) or (j > last and not is_prose(f, cfg)):
            box.append((j, "link"))
        elif j > last or overlap(doc, ctx.marks, ctx.body, j) < cfg.teaser_low_overlap * 2 and not f.ends_sentence:
            box.append((j, "story summary"))
        else:
            break
        j += 1
    return box


def inline_box(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.inline: a teaser header inside a long block, where the
    extractor glued the "Top stories" box to the last paragraph: cut from the
    header on, when what follows is off-topic."""
    doc, cfg = ctx.doc, ctx.config
    headers = lexicon.matcher("teaser_headers", cfg.extra_phrases)
    header_first = lexicon.first_words("teaser_headers", cfg.extra_phrases)
    counts = ctx.body.counts
    p = params_of(cfg, CATEGORY)
    out: List[Finding] = []
    for i in range(ctx.body.first, len(doc.blocks)):
        f = doc.feats[i]
        if f.n_words < p.INLINE_MIN_WORDS or not free[i] or header_first.isdisjoint(f.words):
            continue
        text = doc.blocks[i].text
        for m in headers.finditer(text):
            s = m.start()
            if s < p.INLINE_MIN_POSITION * len(text) or text[s - 2:s].strip() not in (".", "!", "?", "”", "\"", "|", ""):
                continue
            if not (text[s].isupper() and text[s - 1] == " "):
                continue
            # What follows, judged on a bounded sample (a glued box is short;
            # the whole rest would make a long block with many headers quadratic).
            rest = text[m.end():m.end() + p.INLINE_SAMPLE_CHARS]
            ws = set(content_words(words(rest)))
            if len(ws) < 8:
                continue
            ov = sum(1 for w in ws if counts.get(w, 0) > 1) / len(ws)
            if ov < cfg.teaser_low_overlap * 2:
                b = doc.blocks[i]
                out.append(Finding(b.start + s, b.end, CATEGORY,
                                   f"\u201c{m.group()}\u201d box glued to the paragraph ({ov:.0%} on topic)",
                                   "teaser.inline", 0.8, None))
                break
    return out


def tagged_links(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.tagged: related-story links marked with a bracketed tag:
    "Plane passengers quarantined after outbreak [NEWS]"."""
    doc = ctx.doc
    return [doc.block_finding(b.index, CATEGORY, "related-story link with a bracketed tag", "teaser.tagged", 0.8)
            for b, f in zip(doc.blocks, doc.feats)
            if b.text[-1] == "]" and f.n_words <= 30 and free[b.index] and _TAGGED_RE.search(b.text)]


def headline_runs(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.headlines (text mode): a run of HEADLINE_RUN or more
    headline-shaped lines (5-25 words, no sentence end) outside the body
    found is a box of links to other stories. Short list items (2-4 words)
    are spared."""
    doc = ctx.doc
    if doc.mode != "text" or not ctx.body.whole_page:
        return []
    feats, n = doc.feats, len(doc.blocks)
    run = params_of(doc.config, CATEGORY).HEADLINE_RUN
    out: List[Finding] = []
    i = 0
    while i < n:
        j = i
        while j < n and free[j] and _headline_shaped(feats[j]):
            j += 1
        # (a run inside the body found is a list of the article's own, tour
        # dates or results between its paragraphs: a box of other stories
        # inside an article comes under a header, which related_header reads)
        if j - i >= run and not ctx.body.first <= i <= j - 1 <= ctx.body.last:
            out.extend(doc.block_finding(k, CATEGORY, f"one of {j - i} headline-shaped lines in a row",
                                         "teaser.headlines", 0.75) for k in range(i, j))
        i = max(j, i + 1)
    return out


def list_after_body(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.list (text mode): runs of LIST_MIN_ITEMS or more short items,
    half of them bullets, after the body. (In HTML, a list that trafilatura
    kept in the main content is usually the article's.)"""
    doc, body = ctx.doc, ctx.body
    feats, n = doc.feats, len(doc.blocks)
    p = params_of(doc.config, CATEGORY)
    out: List[Finding] = []
    i = body.last + 1 if doc.mode == "text" and body.found else n  # no body found: nothing is "after" it
    while i < n:
        f = feats[i]
        if free[i] and not f.table and _link_like(f, p.LINK_MAX_WORDS) and (f.bullet or f.n_words >= 2):
            j = i
            while j < n and free[j] and not feats[j].table and _link_like(feats[j], p.LINK_MAX_WORDS):
                j += 1
            # (in an article-shaped text, not the rest of a list whose first items stay)
            evidence = _list_evidence(ctx, free, i, j) and not ctx.list_goes_on(i, p.LIST_MIN_ITEMS)
            if j - i >= p.LIST_MIN_ITEMS and evidence and sum(1 for k in range(i, j) if feats[k].bullet) >= (j - i) // 2:
                out.extend(doc.block_finding(k, CATEGORY, f"list of {j - i} short items after the article",
                                             "teaser.list", 0.8) for k in range(i, j))
            i = j + 1
        else:
            i += 1
    return out


def _list_evidence(ctx: Context, free: Sequence[bool], i: int, j: int) -> bool:
    """Whether the list of blocks ``i`` to ``j - 1`` after the body is a box of
    other stories. A list that a line of the article introduces ("Dare to
    Play 3:", "What you need:") is the article's: other stories come under a
    header. In an article-shaped text, a list after the body is the article's
    own unless junk taken for what it says stands next to it and most of its
    items are off the article's topic, as other stories are."""
    doc, body = ctx.doc, ctx.body
    intro = [k for k in (i - 1, i) if k >= 0 and free[k]]
    if any(introduces(doc.blocks[k].text) for k in intro):
        return False
    if body.whole_page:
        return True
    low = ctx.config.teaser_low_overlap * 2
    off_topic = sum(1 for k in range(i, j) if overlap(doc, ctx.marks, body, k) < low)
    return any(ctx.junk_near(k) for k in range(i, j)) and 2 * off_topic > j - i


def trailing(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.trailing: paragraphs at the end of the body and after it,
    walking backwards from the last one. Signals: a kicker prefix (``FRAUD
    ALLEGED:``), truncation mid-sentence, low topical overlap with the body,
    a place after the body. A paragraph whose signals add up to
    ``Config.teaser_threshold`` goes; the walk stops at the first paragraph of
    the body that reads as the article's own, and never enters its first half."""
    doc, body, marks, cfg = ctx.doc, ctx.body, ctx.marks, ctx.config
    if not body.found:
        return []
    first, last = body.first, body.last
    feats = doc.feats
    out: List[Finding] = []
    body_prose = [k for k in range(first, last + 1) if marks.label[k] is None and is_prose(feats[k], cfg)]
    protect = set(body_prose[: max(2, len(body_prose) // 2)])
    # A short article's first paragraphs hold few of its words: that a later
    # paragraph of it shares none of them says little, and a teaser needs a
    # second sign (a place after the body and a kicker, a cut).
    known_topic = len(body.counts) >= params_of(cfg, CATEGORY).TOPIC_MIN_WORDS
    for i in range(len(doc.blocks) - 1, first - 1, -1):
        if not free[i]:
            continue
        f = feats[i]
        if f.table:
            continue
        if not is_prose(f, cfg) and not (i > last and f.n_words >= 8):
            continue  # short lines: footer, judged by boilerplate
        if i in protect:
            break
        text = marks.kept_text(i)
        score, why = 0.0, []
        if _KICKER_RE.match(text):
            score += 1.0
            why.append("kicker prefix")
        if _truncated(text, len(text.split())):
            score += 1.0
            why.append("cut off mid-sentence")
        ov = overlap(doc, marks, body, i)
        if ov < cfg.teaser_low_overlap:
            score += 1.0 if known_topic else 0.5
            why.append(f"off-topic ({ov:.0%} of its words in the article)")
        elif ov < 2 * cfg.teaser_low_overlap and known_topic:
            score += 0.5
            why.append(f"weakly related ({ov:.0%} of its words in the article)")
        if i > last:
            score += 0.5
            why.append("after the article body")
        # In HTML mode trafilatura already chose these paragraphs as the article: a
        # paragraph cut off mid-sentence there is usually the article itself cut
        # by a paywall, so only a kicker or an excerpt's ellipsis marks a teaser.
        # In an article-shaped text (not a whole page), topic and position are
        # weak evidence (a results table after the story is off its topic):
        # a kicker or a cut-off excerpt must mark the teaser.
        if doc.mode == "html":
            shaped = "kicker prefix" in why or text.endswith(ELLIPSES)
        elif not body.whole_page:
            # (a line without a full stop is not cut off: list items and
            # specifications have none. An excerpt cut at a length ends in an
            # ellipsis or, as often, in a function word: "... pursued by the")
            shaped = "kicker prefix" in why or ("cut off mid-sentence" in why and _cut_at_length(text))
        else:
            shaped = True
        if score >= cfg.teaser_threshold and shaped:
            out.append(doc.block_finding(i, CATEGORY, ", ".join(why), "teaser.trailing", min(1.0, score / 3)))
        elif i <= last:
            break
    if len(out) == 1 and not body.whole_page and "kicker prefix" not in out[0].reason:
        # One paragraph alone, cut off, at the end of an article: the article
        # itself, cut short (a paywall, an excerpt). A box of teasers has
        # several; a kicker marks one on its own.
        return []
    return out


def foreign_excerpts(ctx: Context, free: Sequence[bool]) -> List[Finding]:
    """Rule teaser.excerpt: a paragraph in another language than the article's
    (proposed as foreign_language) that is cut at a length, as the excerpt of
    another story is: it ends in an ellipsis or in a function word. Such a
    block goes anyway; this rule says what it is."""
    doc, label = ctx.doc, ctx.marks.label
    least = params_of(doc.config, CATEGORY).EXCERPT_MIN_WORDS
    out: List[Finding] = []
    for i, f in enumerate(doc.feats):
        if (free[i] and label[i] == "foreign_language" and f.n_words >= least
                and _cut_at_length(doc.blocks[i].text)):
            out.append(doc.block_finding(i, CATEGORY, "excerpt of another story, cut at a length", "teaser.excerpt",
                                         0.8))
    return out


def _cut_at_length(text: str) -> bool:
    """An excerpt cut at a fixed length: it ends in an ellipsis, or in a
    function word (a sentence never does; of any language we know, since an
    excerpt may be in another language than the article)."""
    if text.endswith(ELLIPSES):
        return True
    last = words(text[-40:])
    return text[-1:].isalnum() and bool(last) and last[-1] in all_stopwords()


def teaser(ctx: Context) -> List[Finding]:
    """The teaser rules, in order; a block one of them takes is not free for the next."""
    free = [ctx.open(i) for i in range(len(ctx.doc.blocks))]
    out: List[Finding] = []
    for rule in (related_header, pointer_lines, inline_box, tagged_links, headline_runs, list_after_body, trailing,
                 foreign_excerpts):
        found = rule(ctx, free)
        for f in found:
            if f.block is not None:
                free[f.block] = False
        out.extend(found)
    return out
