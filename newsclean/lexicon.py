"""Vocabularies from ``newsclean/data``, loaded once and compiled to fast regexes.

Each ``*.txt`` file holds one phrase per line (``#`` starts a comment). Users
extend a vocabulary without touching the package through
``Config(extra_phrases={"paywall_prompts": ("Werde Mitglied",)})``; the key is
the file name without ``.txt``.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Dict, FrozenSet, Iterable, Mapping, Tuple

VOCABULARIES = (
    "icons",
    "paywall_wall",
    "paywall_prompts",
    "boilerplate_lines",
    "boilerplate_phrases",
    "boilerplate_notices",
    "credits",
    "teaser_headers",
    "spam_lexicon",
)


def _read(name: str) -> str:
    return resources.files("newsclean").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def phrases(name: str) -> Tuple[str, ...]:
    out = []
    for line in _read(name + ".txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.casefold())
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def stopwords() -> Dict[str, FrozenSet[str]]:
    data = json.loads(_read("stopwords.json"))
    return {k: frozenset(v.split()) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def stopword_langs() -> Dict[str, Tuple[str, ...]]:
    """Inverted stop lists: word -> the languages whose stop list holds it
    (in the order of :func:`stopwords`)."""
    out: Dict[str, Tuple[str, ...]] = {}
    for lang, ws in stopwords().items():
        for w in ws:
            out[w] = out.get(w, ()) + (lang,)
    return out


def stopword_hits(ws: Iterable[str]) -> Dict[str, int]:
    """How many of the words ``ws`` are stop words of each language (only the
    languages with a hit): each distinct word looked up once, in the
    inverted lists."""
    index = stopword_langs()
    counts = Counter(ws)
    hits: Dict[str, int] = {}
    for w in counts.keys() & index.keys():
        c = counts[w]
        for lang in index[w]:
            hits[lang] = hits.get(lang, 0) + c
    return hits


@lru_cache(maxsize=None)
def months() -> Dict[str, int]:
    data = json.loads(_read("months.json"))
    out: Dict[str, int] = {}
    for k, v in data.items():
        if not k.startswith("_"):
            out.update(v)
    return out


def _trie_pattern(words: Iterable[str]) -> str:
    """Regex source matching any of ``words``, factored as a trie so that the
    match cost grows with the text, not with the number of phrases."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append(_escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


def _escape(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in "-'’":
        return r"[-'’‐–]"
    return re.escape(ch)


@lru_cache(maxsize=None)
def _compiled(names: Tuple[str, ...], extra: Tuple[str, ...]) -> "re.Pattern[str]":
    words = set(extra)
    for n in names:
        words.update(phrases(n))
    words.discard("")
    # Longest alternatives first is implied by the trie (greedy optional tails).
    return re.compile(r"(?<!\w)" + _trie_pattern(sorted(words)) + r"(?!\w)", re.IGNORECASE)


def matcher(name: str, extra_phrases: Mapping[str, Tuple[str, ...]] | None = None) -> "re.Pattern[str]":
    """Compiled regex matching any phrase of vocabulary ``name`` as whole words."""
    extra: Tuple[str, ...] = ()
    if extra_phrases and name in extra_phrases:
        extra = tuple(sorted(p.casefold() for p in extra_phrases[name]))
    return _compiled((name,), extra)


def phrase_set(name: str, extra_phrases: Mapping[str, Tuple[str, ...]] | None = None) -> FrozenSet[str]:
    s = set(phrases(name))
    if extra_phrases and name in extra_phrases:
        s.update(p.casefold() for p in extra_phrases[name])
    return frozenset(s)


@lru_cache(maxsize=None)
def _first_words(names: Tuple[str, ...], extra: Tuple[str, ...]) -> FrozenSet[str]:
    from .textutil import words

    out = set()
    for p in list(extra) + [p for n in names for p in phrases(n)]:
        ws = words(p)
        if ws:
            out.add(max(ws, key=lambda w: (len(w), w)))
    return frozenset(out)


def first_words(name: str, extra_phrases: Mapping[str, Tuple[str, ...]] | None = None) -> FrozenSet[str]:
    """Key words of the phrases of ``name`` (the longest word of each, the
    rarest in practice): a block containing none of them cannot match, so the
    regex is skipped (a set test in C instead of a regex scan)."""
    extra: Tuple[str, ...] = ()
    if extra_phrases and name in extra_phrases:
        extra = tuple(sorted(p.casefold() for p in extra_phrases[name]))
    return _first_words((name,), extra)
