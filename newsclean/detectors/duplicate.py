"""``duplicate``: the same paragraph twice (e.g. a lead repeated under its dateline).

Paragraphs are compared on their words only, ignoring a leading dateline. Of a
group of copies the fullest stays (the one carrying the dateline), the others
go. Only copies that look like scraping accidents are removed: copies close to
each other (``NEAR`` blocks), long paragraphs, or a run of ``RUN`` consecutive
copies of consecutive paragraphs (a repeated section). Short blocks (below
``Config.duplicate_min_words``) are never duplicates, so a legitimately
repeated short sentence stays, and neither are single mid-length lines repeated
far apart (recipes, schedules, list entries).
"""
from __future__ import annotations

from typing import Dict, List, Optional, Set, Tuple

from ..metadata.lines import split_dateline
from ..analysis.findings import Finding
from .base import Context, Params, Rule, params_of
from ..text.words import BULLET_RE, LABELLED_RE, norm_key, sentence_spans, words


CATEGORY = "duplicate"

NEAR = 4          # blocks apart
LONG_WORDS = 60   # long paragraphs are duplicates wherever they are
RUN = 3           # consecutive copies of consecutive paragraphs
TOP = 12          # a lead repeated as standfirst: both copies in the first TOP blocks ...
TOP_WORDS = 20    # ... and a real paragraph
#: A summary box's label before a paragraph ("Key points: ...") has at most this many words.
LABEL_WORDS = 3
#: A block shorter than ``Config.duplicate_min_words`` is a copy only when it
#: is a whole sentence of a paragraph next to it (a lead's sentence shown again
#: as a summary point) and has at least this many words. A word-for-word start
#: of a sentence is not ("We will fight." beside "We will fight on the beaches.").
SENTENCE_MIN_WORDS = 5
_FULL_STOPS = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")
#: A sentence of the article shown again with the marks of a copy goes
#: wherever it stands: in quotation marks (a pull quote), as a point of a
#: summary (a bullet, a label: "Key points: ..."), or with a few words that
#: are no sentence after it ("... Read more", "| Latest news", "Photo:
#: Reuters"). Those words are at most this many.
MARK_WORDS = 4
_OPENING_QUOTES = "\"'\u201c\u201e\u00ab\u2018\u201a\u300c"
_CLOSING = "\"'\u201d\u201c\u00bb\u2019\u300d)"

RULES = (
    Rule("duplicate.block", CATEGORY, "the same paragraph again", params=("duplicate_min_words", "NEAR", "LONG_WORDS",
                                                                           "RUN", "TOP", "TOP_WORDS")),
    Rule("duplicate.part", CATEGORY, "a paragraph that repeats a part of a longer one next to it (a lead sentence "
         "shown again as a standfirst or a summary); a shorter block only when it is a whole sentence of it; "
         "anywhere, a labelled copy of a paragraph (\u201cSummary: ...\u201d) or a sentence with the marks of a "
         "copy (a pull quote, a summary's point, \u201c... Read more\u201d), and the label over a summary box "
         "it empties", params=("duplicate_min_words", "NEAR", "TOP", "LABEL_WORDS", "SENTENCE_MIN_WORDS",
                                "MARK_WORDS", "LONG_WORDS")),
)


def _keys(ctx: Context) -> Dict[int, str]:
    """Each block of at least ``Config.duplicate_min_words`` words: its words,
    without a leading dateline and without what pass 1 already cut from it
    (spam glued to its end)."""
    doc, marks = ctx.doc, ctx.marks
    min_words = doc.config.duplicate_min_words
    spans = marks.spans
    keys: Dict[int, str] = {}
    for b, f in zip(doc.blocks, doc.feats):
        if f.n_words < min_words:
            continue
        text = marks.kept_text(b.index) if b.index in spans else b.text
        if text[:2].isupper():  # may open with a dateline ("MOSCOW, ...")
            _, body_start = split_dateline(text)
            keys[b.index] = norm_key(text[body_start:])
        elif text is b.text:
            keys[b.index] = " ".join(f.words)
        else:
            keys[b.index] = norm_key(text)
    return keys


def duplicate_blocks(ctx: Context) -> List[Finding]:
    """Rule duplicate.block."""
    doc, marks = ctx.doc, ctx.marks
    p = params_of(doc.config, CATEGORY)
    groups: Dict[str, List[int]] = {}
    for i, key in _keys(ctx).items():
        groups.setdefault(key, []).append(i)
    copies: Dict[int, int] = {}  # copy block -> kept block
    near_set: set = set()             # copies within NEAR blocks of another copy of the same text
    for key, idx in groups.items():
        if len(idx) < 2:
            continue
        # (the fullest copy stays, one under its dateline; not one with the
        # marks of a copy, quoted or with "Read more": marked_copies takes it)
        if len({doc.blocks[i].text for i in idx}) == 1:
            keep = idx[0]
        else:
            keep = max(idx, key=lambda i: (_marked_copy(doc.blocks[i].text, p) is None, len(doc.blocks[i].text), -i))
        for j, k in zip(idx, idx[1:]):
            if k - j <= p.NEAR:
                near_set.update((j, k))
        for i in idx:
            if i != keep:
                copies[i] = keep
    # Runs: i, i+1, ... copying keep, keep+1, ... (later copies of earlier text).
    in_run: set = set()
    for i in sorted(copies):
        if i in in_run or copies[i] > i:
            continue
        j = i
        while j + 1 in copies and copies[j + 1] == copies[j] + 1 and copies[j + 1] < j + 1:
            j += 1
        if j - i + 1 >= p.RUN:
            in_run.update(range(i, j + 1))
    out: List[Finding] = []
    for i, keep in sorted(copies.items()):
        near = i in near_set or (max(i, keep) < p.TOP and doc.feats[i].n_words >= p.TOP_WORDS)
        long = doc.feats[i].n_words >= p.LONG_WORDS
        if near or long or i in in_run:
            where = ("next to it" if near else "a long paragraph" if long else "part of a repeated section")
            out.append(doc.block_finding(i, CATEGORY, f"same text as block {keep} ({where})",
                                         "duplicate.block", 1.0))
    return out


def repeated_parts(ctx: Context) -> List[Finding]:
    """Rule duplicate.part: a paragraph whose words are all, in order, part of
    a longer paragraph within NEAR blocks of it, or both among the first TOP
    blocks (a lead sentence repeated as a standfirst). The longer one stays.
    A summary box's label ("In short:", "Punti chiave:") is not part of what
    it repeats: a labelled paragraph is compared without its label, and goes
    when the rest is the article's own paragraph or part of it."""
    doc = ctx.doc
    p = params_of(doc.config, CATEGORY)
    keys = _keys(ctx)
    labelled = set()
    for i in keys:
        m = LABELLED_RE.match(doc.blocks[i].text)
        if m and len(m.group(1).split()) <= p.LABEL_WORDS:
            keys[i] = norm_key(m.group(2))
            labelled.add(i)

    # (a summary box's label marks a copy wherever it stands: a labelled
    # block is also compared with every block of the same words)
    same: Dict[str, List[int]] = {}
    for j, key in keys.items():
        if j not in labelled:
            same.setdefault(key, []).append(j)

    def neighbours(i: int) -> List[int]:
        window = range(max(0, i - p.NEAR), i + p.NEAR + 1)
        near = [j for j in window if j in keys] + ([j for j in range(p.TOP) if j in keys] if i < p.TOP else [])
        return near + same.get(keys[i], [])[:1] if i in labelled else near

    out: List[Finding] = []
    for i, key in keys.items():
        for j in neighbours(i):
            other = keys[j]
            if j == i or not (len(other) > len(key) or (other == key and i in labelled and j not in labelled)):
                continue
            if (" " + key + " ") in (" " + other + " "):
                copy = _marked_copy(doc.blocks[j].text, p)
                if copy is not None and copy[0] == key:
                    continue  # (block j is block i's sentence with the marks of a copy: j goes, below)
                out.append(doc.block_finding(i, CATEGORY, f"part of block {j}, repeated", "duplicate.part", 0.9))
                break
    sentences: Dict[int, set] = {}
    for i, key in _short_keys(ctx, p).items():
        for j in neighbours(i):
            if j == i:
                continue
            if j not in sentences:
                text = doc.blocks[j].text
                sentences[j] = {norm_key(text[a:z]) for a, z in sentence_spans(text)}
            if key in sentences[j]:
                out.append(doc.block_finding(i, CATEGORY, f"a sentence of block {j}, repeated", "duplicate.part",
                                             0.9))
                break
    out.extend(marked_copies(ctx, p, {x.block for x in out if x.block is not None}))
    earlier = {i for i, lab in enumerate(ctx.marks.label) if lab == CATEGORY}  # (duplicate.block's)
    return out + summary_labels(ctx, p, {x.block for x in out if x.block is not None} | earlier)


def _marked_copy(text: str, p: Params) -> Optional[Tuple[str, str]]:
    """(the words of the sentence, the mark) when ``text`` is one sentence of
    SENTENCE_MIN_WORDS words or more, with its full stop, shown with the marks
    of a copy (see MARK_WORDS): quoted whole, a bullet or a label before it,
    or a few words that are no sentence after it. None otherwise."""
    body, mark = text.strip(), ""
    m = LABELLED_RE.match(body)
    if m and len(m.group(1).split()) <= p.LABEL_WORDS:
        body, mark = m.group(2), "a summary's label"
    elif BULLET_RE.match(body):
        body, mark = BULLET_RE.sub("", body, count=1), "a summary's point"
    spans = sentence_spans(body)
    long = [k for k, (a, z) in enumerate(spans) if len(words(body[a:z])) >= p.SENTENCE_MIN_WORDS]
    if len(long) != 1:
        return None
    a, z = spans[long[0]]
    sentence = body[a:z].strip()
    if not sentence.rstrip(_CLOSING).endswith(_FULL_STOPS):
        return None
    rest = (body[:a] + " " + body[z:]).strip()
    if rest:
        # (not the end of a sentence cut at an abbreviation: "... 1 Tbsp. balsamic vinegar)")
        if (len(words(rest)) > p.MARK_WORDS or rest.rstrip(_CLOSING).endswith(_FULL_STOPS[:3]) or long[0] != 0
                or rest.lstrip(" \"'(\u201c")[:1].islower()):
            return None
        mark = mark or "a few words after it"
    elif not mark:
        if sentence[:1] not in _OPENING_QUOTES or sentence[-1:] not in _CLOSING:
            return None
        mark = "quotation marks"
    return norm_key(sentence), mark


def _may_be_marked(text: str, p: Params) -> bool:
    """The cheap test before :func:`_marked_copy` (a text it turns away is
    no marked copy; tests/test_fast_paths.py): a quotation mark or a bullet
    first, a label's colon, or a sentence's end before the last few words."""
    t = text.lstrip()
    if t[:1] in _OPENING_QUOTES or BULLET_RE.match(t) or ":" in t or "\uff1a" in t:
        return True
    # (the words after the sentence are at most MARK_WORDS \w+ runs: at most
    # 2 * MARK_WORDS + 1 tokens with the separators between them, "… | Read more")
    toks = t.split()[-(2 * p.MARK_WORDS + 2):-1]
    return any(tok.rstrip(_CLOSING).endswith(_FULL_STOPS) for tok in toks)


def marked_copies(ctx: Context, p: Params, found: Set[int]) -> List[Finding]:
    """Rule duplicate.part, anywhere: a block that is a sentence of another
    block with the marks of a copy (:func:`_marked_copy`). The other block
    stays; it is no such copy itself, or is longer."""
    doc = ctx.doc
    copies: Dict[int, Tuple[str, str]] = {}
    for b, f in zip(doc.blocks, doc.feats):
        if (p.SENTENCE_MIN_WORDS <= f.n_words <= p.LONG_WORDS and b.index not in found
                and b.index not in ctx.marks.spans and ctx.free(b.index) and _may_be_marked(b.text, p)):
            copy = _marked_copy(b.text, p)
            if copy is not None:
                copies[b.index] = copy
    if not copies:
        return []
    wanted = {key for key, _ in copies.values()}
    holders: Dict[str, List[int]] = {}
    for b, f in zip(doc.blocks, doc.feats):
        if f.n_words < p.SENTENCE_MIN_WORDS or b.index in ctx.meta.blocks or b.index in found:
            continue
        for a, z in sentence_spans(b.text):
            key = norm_key(b.text[a:z])
            if key in wanted:
                holders.setdefault(key, []).append(b.index)
    out: List[Finding] = []
    for i, (key, mark) in copies.items():
        n = doc.feats[i].n_words
        kept = [j for j in holders.get(key, ()) if j != i and (j not in copies or doc.feats[j].n_words > n)]
        if kept:
            out.append(doc.block_finding(i, CATEGORY, f"a sentence of block {kept[0]}, repeated with {mark}",
                                         "duplicate.part", 0.9))
    return out


def summary_labels(ctx: Context, p: Params, found: Set[int]) -> List[Finding]:
    """Rule duplicate.part: the label over a summary box whose points all
    repeat the article ("Key points" / "\u2022 <the lead's sentence>"): a line of
    at most LABEL_WORDS words, no sentence, right above a copy that opens with
    a bullet (or under a label ending in a colon), when no point under it stays."""
    doc = ctx.doc
    out: List[Finding] = []
    for i in sorted(found):
        k = i - 1
        if k < 0 or k in found or not ctx.free(k):
            continue
        f, text = doc.feats[k], doc.blocks[k].text.rstrip()
        if not 0 < f.n_words <= p.LABEL_WORDS or f.ends_sentence or text.endswith(_FULL_STOPS):
            continue
        if not (BULLET_RE.match(doc.blocks[i].text) or text.endswith((":", "\uff1a"))):
            continue
        j = i + 1
        while j < len(doc.blocks) and j in found:
            j += 1
        if j < len(doc.blocks) and BULLET_RE.match(doc.blocks[j].text) and ctx.free(j):
            continue  # (a point under it stays: the box is the article's)
        out.append(doc.block_finding(k, CATEGORY, f"the label of a summary box that repeats block {i}'s text",
                                     "duplicate.part", 0.8))
    return out


def _short_keys(ctx: Context, p: Params) -> Dict[int, str]:
    """Each block of SENTENCE_MIN_WORDS to ``Config.duplicate_min_words`` words
    (without a summary box's label): its words."""
    doc = ctx.doc
    min_words = doc.config.duplicate_min_words
    keys: Dict[int, str] = {}
    for b, f in zip(doc.blocks, doc.feats):
        # (a sentence, with its full stop: a heading that quotes the paragraph
        # under it, "\u201cMy fears have been realized\u201d", stays)
        if (p.SENTENCE_MIN_WORDS <= f.n_words < min_words + p.LABEL_WORDS and b.index not in ctx.marks.spans
                and b.text.rstrip("\"'\u201d\u2019\u00bb)").endswith(_FULL_STOPS)):
            m = LABELLED_RE.match(b.text)
            key = norm_key(m.group(2)) if m and len(m.group(1).split()) <= p.LABEL_WORDS else " ".join(f.words)
            if p.SENTENCE_MIN_WORDS <= key.count(" ") + 1 < min_words:
                keys[b.index] = key
    return keys
