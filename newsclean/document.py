"""The document model every detector works on: blocks with offsets and features."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from . import lexicon
from .config import Config
from .model import Block, Finding, MetaSpan
from .textutil import BULLET_RE, LANG_SCRIPT, TERMINAL, URL_RE, dominant_script, script_counts, words

# A block: one line's text from its first to its last non-space character, what
# str.strip() keeps of it (\s and str.strip() agree on what a space is); lines of
# spaces only match nothing.
_BLOCK_RE = re.compile(r"\S(?:[^\n]*\S)?")


@dataclass(slots=True, init=False)
class Features:
    """Per-block features, computed once. (The __init__ is written out so that
    the compiled build compiles it; see :mod:`newsclean.model`.)"""

    n_words: int
    n_chars: int
    stop_ratio: float
    ends_sentence: bool
    script: str
    script_share: float
    scripts: Dict[str, int]
    n_urls: int
    url_chars: int
    bullet: bool
    words: List[str]
    table: bool = False

    def __init__(self, n_words: int, n_chars: int, stop_ratio: float, ends_sentence: bool, script: str,
                 script_share: float, scripts: Dict[str, int], n_urls: int, url_chars: int, bullet: bool,
                 words: List[str], table: bool = False) -> None:
        self.n_words = n_words
        self.n_chars = n_chars
        self.stop_ratio = stop_ratio
        self.ends_sentence = ends_sentence
        self.script = script
        self.script_share = script_share
        self.scripts = scripts
        self.n_urls = n_urls
        self.url_chars = url_chars
        self.bullet = bullet
        self.words = words
        self.table = table


@dataclass
class Document:
    text: str
    blocks: List[Block]
    feats: List[Features]
    language: Optional[str]
    script: str
    config: Config
    #: "text" (scraped or whole-page text) or "html" (text trafilatura extracted
    #: from the DOM: positional rules are left to trafilatura's extraction)
    mode: str = "text"
    # Filled as the pipeline runs:
    findings: List[Finding] = field(default_factory=list)
    meta: List[MetaSpan] = field(default_factory=list)
    meta_blocks: Dict[int, str] = field(default_factory=dict)  # block index -> field
    label: List[Optional[str]] = field(default_factory=list)   # block-level category after pass 1
    core: Tuple[int, int] = (0, -1)                              # first/last block of the article body
    core_words: frozenset = frozenset()
    source: Optional[str] = None
    block_prob: Optional[List[Optional[float]]] = None  # text mode: the block model's article probabilities
    spans: Dict[int, List[Finding]] = field(default_factory=dict)  # span findings per block
    paywalled: bool = False
    title: Optional[str] = None
    date: Optional[str] = None
    dateline: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    title_block: Optional[int] = None
    stops: frozenset = frozenset()  # the article language's stop words
    # Set by find_core: content-word counts of the body's first paragraphs, and those paragraphs.
    core_counts: Dict[str, int] = field(default_factory=dict)
    core_head: frozenset = frozenset()
    # Caches, filled on first use: each block's content words (core.cwords), block starts (block_of).
    cwords_cache: Dict[int, frozenset] = field(default_factory=dict)
    starts: Optional[List[int]] = None

    @classmethod
    def build(cls, text: str, config: Config, language: Optional[str] = None,
              mode: str = "text") -> "Document":
        blocks = [Block(i, m.start(), m.end(), m.group()) for i, m in enumerate(_BLOCK_RE.finditer(text))]
        texts = [b.text for b in blocks]
        lang = guess_language(blocks, hint=language)
        stops = lexicon.stopwords().get((lang or "").split("-")[0], frozenset())
        # Pages repeat lines (menus, "Advertisement", share bars): identical lines
        # share one Features object. Nothing changes a Features object once built
        # (refresh_features replaces a block's entry), so sharing is safe.
        feats_of = {t: _features(t, stops) for t in dict.fromkeys(texts)}
        feats = [feats_of[t] for t in texts]
        script = LANG_SCRIPT.get(lang or "", None) or _majority_script(feats)
        doc = cls(text=text, blocks=blocks, feats=feats, language=lang, script=script,
                  config=config, mode=mode, stops=stops)
        doc.label = [None] * len(blocks)
        return doc

    def refresh_features(self) -> None:
        """Recompute the features of blocks whose end was found to be junk, from
        their kept text (spam glued to a paragraph's end hides its sentence end)."""
        for i, fs in self.spans.items():
            if max(f.end for f in fs) < self.blocks[i].end:
                continue
            text = self.kept_text(i)
            if text:
                self.feats[i] = _features(text, self.stops)

    def withdraw(self, blocks, category: str) -> None:
        """Drop the whole-block findings of ``category`` on ``blocks`` (a later,
        better-informed look overrules an earlier one). One pass over the findings."""
        blocks = set(blocks)
        if not blocks:
            return
        self.findings = [f for f in self.findings if not (f.block in blocks and f.category == category)]
        rest: Dict[int, str] = {}
        for f in self.findings:
            if f.block is not None and f.block in blocks:
                rest.setdefault(f.block, f.category)
        for i in blocks:
            if self.label[i] == category:
                self.label[i] = rest.get(i)

    def block_of(self, offset: int) -> int:
        """Index of the block containing ``offset`` (or the last block before it)."""
        starts = self.starts
        if starts is None:
            starts = self.starts = [b.start for b in self.blocks]
        return bisect_right(starts, offset) - 1

    def kept_text(self, i: int) -> str:
        """Block ``i``'s text without the spans already proposed for removal inside it."""
        b = self.blocks[i]
        fs = self.spans.get(i)
        if not fs:
            return b.text
        parts, pos = [], b.start
        for f in sorted(fs, key=lambda f: f.start):
            if f.start > pos:
                parts.append(self.text[pos:f.start])
            pos = max(pos, f.end)
        parts.append(self.text[pos:b.end])
        return " ".join("".join(parts).split())

    def block_finding(self, i: int, category: str, reason: str, rule: str, confidence: float = 1.0) -> Finding:
        b = self.blocks[i]
        return Finding(b.start, b.end, category, reason, rule, confidence, i)


_BULLET_MARKS = frozenset("-–—•·▪►*‣◦")  # what BULLET_RE can start with, besides a digit


def _features(text: str, stops: frozenset) -> Features:
    """``text``'s features."""
    ws = words(text)
    n = len(ws)
    sc = script_counts(text)
    script, share = dominant_script(sc)
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
        n,
        len(text),
        # Only blocks of some length are ever judged by their function words.
        (_count_in(ws, stops) / n) if n >= 6 and stops else 0.0,
        # Thai writes no full stop: a block of some length counts as ending one.
        text[-1] in TERMINAL or (script == "thai" and n >= 10),
        script,
        share,
        sc,
        n_urls,
        url_chars,
        (text[0] in _BULLET_MARKS or text[0].isdecimal()) and BULLET_RE.match(text) is not None,
        ws,
        text[0] == "|" and text.count("|") >= 3,
    )


def _count_in(ws: List[str], vocab: frozenset) -> int:
    """How many of ``ws`` are in ``vocab``. (A loop: as fast as ``sum(map(...))``
    in Python, and much faster in the compiled build.)"""
    k = 0
    for w in ws:
        if w in vocab:
            k += 1
    return k


def _majority_script(feats: List[Features]) -> str:
    totals: Dict[str, int] = {}
    for f in feats:
        for k, v in f.scripts.items():
            totals[k] = totals.get(k, 0) + v
    return dominant_script(totals)[0]


# --------------------------------------------------------------------------- language

_LANGDETECT: Any = None  # our own langdetect DetectorFactory, loaded at first use


def _langdetect_factory():
    """A langdetect factory of our own (the library's global one, and its
    seed, are left to the caller's program), its profiles loaded once.

    langdetect keeps one list of per-language probabilities for each of its
    ~88,000 n-grams. Python's cyclic garbage collector walked every one of
    them, element by element, on each full collection: in a long run that
    was about 5% of clean_text's time, long after langdetect was last
    called. The profiles are only read after loading, so each is stored as
    an ``array('d')`` of the same doubles, which the collector visits as one
    object. Loaded before a batch forks its workers (:func:`newsclean.batch.main`),
    they stay shared by them page for page: reading an array writes only its
    header's reference count, never the pages of its numbers (reading a
    list writes the count of each float it returns). Same numbers, same results."""
    global _LANGDETECT
    if _LANGDETECT is None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException

        factory = DetectorFactory()
        try:
            factory.load_profile(PROFILES_DIRECTORY)
        except LangDetectException as e:
            # langdetect's loader turns every exception into a "profile format
            # error", Ctrl-C included: give the interrupt back to the caller.
            if isinstance(e.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise
        factory.word_lang_prob_map = {k: array("d", v) for k, v in factory.word_lang_prob_map.items()}
        factory.seed = 0  # deterministic: langdetect samples n-grams at random
        _LANGDETECT = factory
    return _LANGDETECT


def _langdetect(sample: str) -> Optional[str]:
    try:
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - langdetect is a hard dependency
        return None
    try:
        detector = _langdetect_factory().create()
        detector.append(sample)
        res = detector.get_probabilities()
    except LangDetectException:
        return None
    if not res:
        return None
    code = res[0].lang
    return "zh" if code.startswith("zh") else code


_HANGUL_RE = re.compile(r"[\uAC00-\uD7AF]")
_KANA_RE = re.compile(r"[\u3040-\u30FF]")
_HAN_RE = re.compile(r"[\u4E00-\u9FFF]")


def guess_language(blocks: List[Block], sample_chars: int = 2000, hint: Optional[str] = None) -> Optional[str]:
    """The article's language (ISO 639-1), decided once per document from its
    ``blocks`` (in document order, as :meth:`Document.build` makes them).

    Cheap first: stop-word rates over the longest blocks, then the script
    (Hangul is Korean, kana Japanese), then the page's declared language
    (``hint``, from ``<html lang>``). Only when all of these leave doubt is
    langdetect called, once, seeded, on a bounded sample.
    """
    if not blocks:
        return None
    # Longest first; blocks of equal length in document order (the sort is stable).
    longest = sorted([b.text for b in blocks], key=len, reverse=True)
    parts, size = [], 0
    for t in longest:
        parts.append(t)
        size += len(t)
        if size >= sample_chars:
            break
    sample = "\n".join(parts)[: sample_chars * 2]
    ws = words(sample)
    if not ws:
        return None
    hits = dict.fromkeys(lexicon.stopwords(), 0)
    hits.update(lexicon.stopword_hits(ws))
    scores = sorted(((c / len(ws), lang) for lang, c in hits.items()), reverse=True)
    best, lang = scores[0]
    second = scores[1][0] if len(scores) > 1 else 0.0
    if len(ws) >= 15 and best >= 0.2 and best >= 1.6 * second:
        return lang
    if len(ws) >= 60 and best >= 0.12 and best >= 2.0 * second:
        return lang
    head = sample[:2000]
    n_hangul, n_kana = len(_HANGUL_RE.findall(head)), len(_KANA_RE.findall(head))
    if n_hangul >= 20 and n_hangul > n_kana:
        return "ko"
    if n_kana >= 20:
        return "ja"
    if hint and (hint not in lexicon.stopwords() or lang == hint or best < 0.03):
        # the declared language, unless our stop lists cover it and disagree
        # (text with next to no function words, a list or a table, cannot disagree)
        if not (hint == "zh" and not _HAN_RE.search(head)):
            return hint
    if len(ws) < 3:
        return None
    return _langdetect(sample[:800])
