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
from typing import Dict, FrozenSet, Iterable, Iterator, Mapping, Optional, Sequence, Tuple

from .words import words

VOCABULARIES = (
    "icons",
    "icon_ui_words",
    "icon_names",
    "paywall_wall",
    "paywall_prompts",
    "paywall_counter_left",
    "paywall_counter_units",
    "boilerplate_lines",
    "boilerplate_phrases",
    "boilerplate_notices",
    "boilerplate_consent",
    "boilerplate_newsletter",
    "credits",
    "staff_roles",
    "staff_contributed",
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
    """Regex source matching any of ``words`` (non-empty) as re.IGNORECASE
    would, factored as a trie so that the match cost grows with the text, not
    with the number of phrases.

    Why the top of the trie is written out by case: at each word start,
    Python's regex engine (sre) looks for the alternative of ``(?:a…|b…|…)``
    to follow. It skips an alternative after one quick look when the
    alternative starts with a plain character or set, but under IGNORECASE
    none does: it enters every alternative in turn, and this first step was
    most of the cost of a scan. So the first character of each phrase is
    spelled out in each of its case variants, one plain-character alternative
    each (``s…|S…|ſ…``, followed by the same rest of the phrase, still under
    IGNORECASE; a set ``[sSſ]`` there takes a function call to test and
    saved half as much). Below the first character there are few
    alternatives at each step and IGNORECASE costs little: spelling out the
    case everywhere (``[sSſ]``) was 2% faster and compiled seven times slower.

    The ``(?<!\\w)`` the caller puts first stays first, although a pattern
    starting with a lookbehind gets no fast scan for its possible first
    characters (sre has one when every alternative starts with a plain
    character): the lookbehind rejects the inside of words, most positions of
    a text, at once, while the letters the fast scan would stop at are most
    positions too. Moved after the first character, it measured slower.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    firsts = sorted(k for k in trie if k)
    _learn_case_variants(ch for ch in firsts if ch not in _CLASSES)

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append(_escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    alts = []
    for ch in firsts:
        rest = build(trie[ch])
        if ch in _CLASSES:
            alts.append("(?i:" + _CLASSES[ch] + rest + ")")
        else:
            tail = "(?i:" + rest + ")" if rest else ""
            alts.extend(re.escape(v) + tail for v in _CASE_VARIANTS[ch])
    return "(?:" + "|".join(alts) + ")"


def stem_regex(term: str) -> Tuple[str, str]:
    """(regex, first character) of a vocabulary term of stems and words: ``*``
    at a word's end matches any ending, a space any run of spaces
    ("subscri* now" -> ``subscri\\w*\\s+now``)."""
    ws = term.split()
    parts = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in ws]
    return r"\s+".join(parts), (ws[0].rstrip("*")[:1] if ws else "")


def by_first_character(alternatives: Sequence[Tuple[str, str]]) -> Optional[str]:
    """Regex source, for a pattern compiled without re.IGNORECASE, that
    matches as ``(?i:(?:c1r1|c2r2|...))`` does: ``alternatives`` are the
    (first character, regex of the rest) of each alternative, in order of
    priority. The alternatives are grouped by their first character, spelled
    out in its case variants (a set, so that the regex engine skips a group
    after one look at the text), each group keeping their order: at a
    position only the group of the text's character can match, in the same
    order as before, so every match, and every group in it, is the same (see
    :func:`_trie_pattern` for why it is faster). None when that does not hold:
    a first character that is not one character, or two first characters
    that the same character matches under re.IGNORECASE."""
    if any(len(c) != 1 for c, _ in alternatives):
        return None
    groups: Dict[str, list] = {}
    for c, rest in alternatives:
        groups.setdefault(c, []).append(rest)
    _learn_case_variants(groups)
    seen: set = set()
    for c in groups:
        if not seen.isdisjoint(_CASE_VARIANTS[c]):
            return None
        seen.update(_CASE_VARIANTS[c])
    out = []
    for c, rests in groups.items():
        v = _CASE_VARIANTS[c]
        head = re.escape(v) if len(v) == 1 else "[" + "".join(map(re.escape, v)) + "]"
        out.append(head + "(?i:" + "|".join(rests) + ")")
    return "(?:" + "|".join(out) + ")"


# Characters a phrase matches loosely: any run of white space for a space,
# any hyphen or apostrophe for one.
_CLASSES = {" ": r"\s+", "-": r"[-'’‐–]", "'": r"[-'’‐–]", "’": r"[-'’‐–]"}


def _escape(ch: str) -> str:
    return _CLASSES.get(ch) or re.escape(ch)


# Character -> every character the regex engine matches it with under
# re.IGNORECASE (itself included), in code point order.
_CASE_VARIANTS: Dict[str, str] = {}


def _learn_case_variants(chars: Iterable[str]) -> None:
    """Add ``chars`` to :data:`_CASE_VARIANTS`, as the regex engine decides,
    in one scan over the code points of planes 0 and 1 for all the new
    characters at once (on the first call, for the first characters of every
    vocabulary too, so that the other vocabularies need no scan of their own).
    Every character with a case mapping, and every character of the engine's
    extra case equivalences, is in those two planes (tests/test_properties.py
    checks it over all code points): a character of a higher plane matches
    only itself, and none of the two planes matches it.

    A set ``[abc]`` under IGNORECASE matches at least what each of its
    members matches, so the scan with the set of the new characters finds
    every candidate (a few hundred characters); the variants of each
    character are the candidates its own case-insensitive pattern matches.
    Nothing is written down by hand: ``'s'`` gets ``'S'`` and ``'ſ'``, ``'k'``
    the Kelvin sign, Cyrillic ``'в'`` its old form ``'ᲀ'``, an uncased
    character only itself."""
    new = set(chars) - _CASE_VARIANTS.keys()
    if not new:
        return
    if not _CASE_VARIANTS:
        new.update(p[0] for n in VOCABULARIES for p in phrases(n) if p[0] not in _CLASSES)
    union = re.compile("[" + "".join(map(re.escape, sorted(new))) + "]", re.IGNORECASE)
    candidates = "".join(c for plane in _planes(_CASED_PLANES) for c in union.findall(plane))
    candidates += "".join(sorted(c for c in new if ord(c) >= _CASED_PLANES << 16))
    for ch in new:
        _CASE_VARIANTS[ch] = "".join(re.compile(re.escape(ch), re.IGNORECASE).findall(candidates))


# Planes 0 and 1 hold every cased character (see _learn_case_variants).
_CASED_PLANES = 2


def _planes(count: int) -> Iterator[str]:
    """Every code point of the first ``count`` Unicode planes, lone surrogates
    included, in order, as strings of 65536 each,
    decoded from UTF-32 bytes built at C speed:
    byte 0 counts 0..255 over and over, byte 1 goes up every 256 code points,
    byte 2 is the plane (a string per code point would take 20 times longer)."""
    raw = bytearray(4 * 65536)
    raw[0::4] = bytes(range(256)) * 256
    raw[1::4] = b"".join(bytes((i,)) * 256 for i in range(256))
    for plane in range(count):
        raw[2::4] = bytes((plane,)) * 65536
        yield raw.decode("utf-32-le", "surrogatepass")


@lru_cache(maxsize=None)
def _compiled(names: Tuple[str, ...], extra: Tuple[str, ...]) -> "re.Pattern[str]":
    words = set(extra)
    for n in names:
        words.update(phrases(n))
    words.discard("")
    # Longest alternatives first is implied by the trie (greedy optional tails).
    return re.compile(r"(?<!\w)" + _trie_pattern(sorted(words)) + r"(?!\w)")


def matcher(name: str, extra_phrases: Mapping[str, Tuple[str, ...]] | None = None) -> "re.Pattern[str]":
    """Compiled regex matching any phrase of vocabulary ``name`` as whole words."""
    extra: Tuple[str, ...] = ()
    if extra_phrases and name in extra_phrases:
        extra = tuple(sorted(p.casefold() for p in extra_phrases[name]))
    return _compiled((name,), extra)


def phrase_list(name: str, extra_phrases: Mapping[str, Tuple[str, ...]] | None = None) -> Tuple[str, ...]:
    """The phrases of vocabulary ``name`` in the file's order, then the configuration's extra ones."""
    extra: Tuple[str, ...] = ()
    if extra_phrases and name in extra_phrases:
        extra = tuple(sorted(p.casefold() for p in extra_phrases[name]))
    return phrases(name) + extra


def phrase_set(name: str, extra_phrases: Mapping[str, Tuple[str, ...]] | None = None) -> FrozenSet[str]:
    """The phrases of vocabulary ``name`` (with the configuration's extra ones) as a set."""
    extra: Tuple[str, ...] = ()
    if extra_phrases and name in extra_phrases:
        extra = tuple(sorted(p.casefold() for p in extra_phrases[name]))
    return _phrase_set(name, extra)


@lru_cache(maxsize=None)
def _phrase_set(name: str, extra: Tuple[str, ...]) -> FrozenSet[str]:
    return frozenset(phrases(name)) | frozenset(extra)


@lru_cache(maxsize=None)
def _first_words(names: Tuple[str, ...], extra: Tuple[str, ...]) -> FrozenSet[str]:
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
