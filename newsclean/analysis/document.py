"""The input as the rules see it: blocks (one per non-empty line) with their
offsets and features, and the article's language and script.

A :class:`Document` is built once per input by :func:`analyse` and not changed
afterwards; :func:`with_kept_features` returns a new one whose features are
recomputed without what a rule cut from a block's end.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Dict, List, Optional

from ..config import Config
from ..text import lexicon
from ..text.words import BULLET_RE, LANG_SCRIPT, TERMINAL, URL_RE, dominant_script, script_counts, words
from .findings import Finding
from .language import guess_language
from .shape import whole_page

if TYPE_CHECKING:
    from .findings import Ledger

# A block: one line's text from its first to its last non-space character, what
# str.strip() keeps of it (\s and str.strip() agree on what a space is); lines of
# spaces only match nothing.
_BLOCK_RE = re.compile(r"\S(?:[^\n]*\S)?")


@dataclass(slots=True)
class Block:
    """One non-empty line of the normalised input, with its character offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Features:
    """A block's features, computed once (:func:`features`)."""

    n_words: int
    n_chars: int
    #: share of the words that are function words of the article's language
    #: (0 for blocks under six words: never judged by it)
    stop_ratio: float
    ends_sentence: bool
    #: the script most of its letters are in, and its letters per script
    script: str
    scripts: Dict[str, int]
    n_urls: int
    url_chars: int
    bullet: bool
    #: ``\w+`` runs of the casefolded text
    words: List[str]
    #: a table row turned into text ("| a | b | c |")
    table: bool = False


@dataclass
class Document:
    """The analysed input. ``mode`` is "text" (scraped or whole-page text) or
    "html" (text trafilatura extracted from the DOM: positional rules are left
    to trafilatura's extraction)."""

    text: str
    blocks: List[Block]
    feats: List[Features]
    language: Optional[str]
    script: str
    config: Config
    mode: str = "text"
    #: the article language's stop words
    stops: frozenset = frozenset()
    #: the text of a whole page, not an article with a little junk around it
    #: (:mod:`newsclean.analysis.shape`)
    whole_page: bool = False
    # Caches, filled on first use: each block's content words
    # (topic.content_words_of), block starts (block_of).
    content_words_cache: Dict[int, frozenset] = field(default_factory=dict)
    starts: Optional[List[int]] = None

    def block_of(self, offset: int) -> int:
        """Index of the block containing ``offset`` (or the last block before it)."""
        if self.starts is None:
            self.starts = [b.start for b in self.blocks]
        return bisect_right(self.starts, offset) - 1

    def block_finding(self, i: int, category: str, reason: str, rule: str, confidence: float = 1.0) -> Finding:
        """A finding that removes block ``i`` whole."""
        b = self.blocks[i]
        return Finding(b.start, b.end, category, reason, rule, confidence, i)


def analyse(text: str, config: Config, language: Optional[str] = None, mode: str = "text",
            earlier: Optional[Document] = None) -> Document:
    """Split normalised ``text`` into blocks and compute their features;
    ``language`` is the page's declared language, a hint only; ``earlier``:
    the Document of the pass before this one over the same input (settling),
    whose blocks' features are taken as they are for the same lines (the
    features of a line depend only on it and on the stop words)."""
    blocks = [Block(i, m.start(), m.end(), m.group()) for i, m in enumerate(_BLOCK_RE.finditer(text))]
    texts = [b.text for b in blocks]
    lang = guess_language(texts, hint=language)
    stops = lexicon.stopwords().get((lang or "").split("-")[0], frozenset())
    # Pages repeat lines (menus, "Advertisement", share bars): identical lines
    # share one Features object, which nothing changes once built.
    known: Dict[str, Features] = {}
    if earlier is not None and earlier.stops == stops:
        known = {b.text: f for b, f in zip(earlier.blocks, earlier.feats)}
    feats_of = {t: known[t] if t in known else features(t, stops) for t in dict.fromkeys(texts)}
    feats = [feats_of[t] for t in texts]
    script = LANG_SCRIPT.get(lang or "", None) or _majority_script(feats)
    return Document(text=text, blocks=blocks, feats=feats, language=lang, script=script,
                    config=config, mode=mode, stops=stops, whole_page=whole_page(feats, config.prose_min_words))


def with_kept_features(doc: Document, marks: Ledger) -> Document:
    """``doc`` with the features of blocks whose end a rule cut off (spam glued
    to a paragraph's end hides its sentence end) recomputed from their kept text."""
    feats = list(doc.feats)
    for i, fs in marks.spans.items():
        if max(f.end for f in fs) < doc.blocks[i].end:
            continue
        text = marks.kept_text(i)
        if text:
            feats[i] = features(text, doc.stops)
    return replace(doc, feats=feats, content_words_cache={}, starts=None)


_BULLET_MARKS = frozenset("-–—•·▪►*‣◦")  # what BULLET_RE can start with, besides a digit


def features(text: str, stops: frozenset) -> Features:
    """``text``'s features; ``stops``: the article language's stop words."""
    ws = words(text)
    n = len(ws)
    sc = script_counts(text)
    script = dominant_script(sc)[0]
    cjk = sc.get("cjk", 0) + sc.get("thai", 0)
    if cjk:
        # No spaces between words: \w+ tokens are whole phrases. Count two
        # characters as a word (a fair average for Chinese, Japanese, Korean).
        n = sum(1 for w in ws if w.isascii()) + (cjk + 1) // 2
    if "http" in text or "www." in text:
        urls = URL_RE.findall(text)
        n_urls, url_chars = len(urls), sum(map(len, urls))
    else:
        n_urls = url_chars = 0
    return Features(
        n_words=n,
        n_chars=len(text),
        stop_ratio=(sum(map(stops.__contains__, ws)) / n) if n >= 6 and stops else 0.0,
        # Thai writes no full stop: a block of some length counts as ending one.
        ends_sentence=text[-1] in TERMINAL or (script == "thai" and n >= 10),
        script=script,
        scripts=sc,
        n_urls=n_urls,
        url_chars=url_chars,
        bullet=(text[0] in _BULLET_MARKS or text[0].isdecimal()) and BULLET_RE.match(text) is not None,
        words=ws,
        table=text[0] == "|" and text.count("|") >= 3,
    )


def _majority_script(feats: List[Features]) -> str:
    totals: Dict[str, int] = {}
    for f in feats:
        for k, v in f.scripts.items():
            totals[k] = totals.get(k, 0) + v
    return dominant_script(totals)[0]
