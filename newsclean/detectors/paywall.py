"""``paywall``: registration, subscription, login, newsletter and cookie prompts.

Two rules:

- ``paywall.wall``: a short block announcing that the article continues only for
  subscribers or registered readers ("Create a FREE account to continue
  reading"), after the article has started. It and everything after it is
  removed, except later long article-like paragraphs; the Article is flagged
  ``paywalled``.
- ``paywall.prompt``: a short block made mostly of prompt phrases ("Already have
  an account? SIGN IN"). A long article sentence that merely mentions
  "subscribers" or "sign in" stays.
- ``paywall.counter``: a metered or character counter (a number, "left", a unit of reading).
- ``paywall.kinds``: a short notice recognised by the parts walls are made of,
  not by its wording (``data/paywall_kinds.txt``, eight languages and a few
  more): a reading unit, "free" and a limit (a metered counter: "you have
  used up your free articles"); "only" with subscribers and the content (a
  subscriber-only notice); paid content; continuing or unlocking with a plan,
  a subscription or a registration; "already a subscriber?" with logging in.
  Most of its content words must be those parts: a sentence about members
  or free articles stays. It never takes the text after it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Iterable, List, Set, Tuple

from ..text import lexicon
from ..analysis.findings import Finding
from ..analysis.topic import content_words_of
from .base import Context, Params, Rule, params_of
from ..text.words import plain_ascii, sentence_spans
# (the prompt thresholds are the paywall.prompt rule's parameters)
from .prompts import (BUTTON_WORDS, COOKIE_MAX_WORDS, MIXED_MAX_WORDS, OPENING_MAX_WORDS,  # noqa: F401
                      PROMPT_COVERAGE, PROMPT_MAX_WORDS, is_prompt)


CATEGORY = "paywall"

WALL_MAX_WORDS = 40
FOLLOW_MAX_WORDS = 20  # a block right after a prompt, with a prompt phrase of its own
#: A wall counts only after this many prose blocks (the article has begun).
WALL_AFTER_PROSE = 2

RULES = (
    Rule("paywall.wall", CATEGORY, "a wall announcing the article continues for subscribers",
         params=("WALL_MAX_WORDS", "WALL_AFTER_PROSE")),
    Rule("paywall.region", CATEGORY, "the lines that follow a wall, until the article's prose goes on",
         positional=True, params=("REGION_PROSE_WORDS", "REGION_TOPIC_WORDS", "REGION_TOPIC_SHARE")),
    Rule("paywall.counter", CATEGORY, "a metered or character counter (3 free articles left)",
         params=("COUNTER_MAX_WORDS",)),
    Rule("paywall.kinds", CATEGORY, "a short notice joining the parts walls are made of, in any claimed language: "
         "a metered counter or limit, a subscriber-only notice, paid content, a plan or registration wall, "
         "a login prompt for subscribers, a badge (Members only)",
         params=("KINDS_MAX_WORDS", "KINDS_COVERAGE", "LOGIN_MAX_WORDS", "NEXT_TO_MAX_WORDS", "BADGE_MAX_WORDS")),
    Rule("paywall.tail", CATEGORY, "a paywall notice (paywall.kinds) and its call, glued after a paragraph's "
         "last sentence: only the notice goes", params=("KINDS_MAX_WORDS", "KINDS_COVERAGE", "NEXT_TO_MAX_WORDS",
                                                         "TAIL_SENTENCES")),
    Rule("paywall.offer", CATEGORY, "an offer box: consecutive short lines with a plan's price and a call "
         "(subscribe, continue reading, log in), most of them a wall's parts", params=("NEXT_TO_MAX_WORDS",
                                                                                    "OFFER_MIN_LINES")),
    Rule("paywall.prompt", CATEGORY, "a short block of registration, login or subscription prompts",
         params=("PROMPT_MAX_WORDS", "COOKIE_MAX_WORDS", "OPENING_MAX_WORDS", "MIXED_MAX_WORDS",
                 "FOLLOW_MAX_WORDS", "PROMPT_COVERAGE", "CALL_KINDS", "BUTTON_WORDS")),
)


#: The wall's region ends at a sentence of at least this many words with no
#: prompt, wall phrase or price: the article's prose going on.
REGION_PROSE_WORDS = 6
#: ... or at a line of at least this many content words, this share of them in the article above the wall.
REGION_TOPIC_WORDS = 2
REGION_TOPIC_SHARE = 0.5
#: A metered counter ("3 free articles left", "残り2345文字") has at most this many words.
COUNTER_MAX_WORDS = 25
_DIGIT_RE = re.compile(r"\d")
#: paywall.kinds judges blocks of at most this many words: a longer one is a
#: sentence about subscribers or free articles, not the notice.
KINDS_MAX_WORDS = 16
#: A login prompt for subscribers ("Already a subscriber? Log in") has at most this many words.
LOGIN_MAX_WORDS = 8
#: A badge made only of notice parts ("Members only", "Exclusivo Premium") has at most this many words.
BADGE_MAX_WORDS = 3
#: An offer box ("Choose your plan / Digital $4/month / Subscribe") has at least this many lines.
OFFER_MIN_LINES = 2
#: A notice glued after a paragraph's last sentence is found among its last this many sentences.
TAIL_SENTENCES = 3
#: A line right before or after a notice, with a part of a wall of its own
#: ("Log in", "Weiterlesen mit Plus"), joins it when it has at most this many words.
NEXT_TO_MAX_WORDS = 8
#: ... and at least this share of its content words (not function words of
#: any language, not numbers) are the parts of a notice: "Only members of the
#: club can vote on two articles of the statute" is a sentence about members.
KINDS_COVERAGE = 0.6
_KIND_NAMES = ("unit", "free", "limit", "still", "only", "sub", "paid", "act", "go", "login", "gift", "fill")
_WORD_RE = re.compile(r"\w+")
# A price: the wall's offer ("0,99 € im ersten Monat", "$1 a week"), not the article's prose resuming.
_PRICE_RE = re.compile(r"[€$£₽¥]|\d\s?(?:zł|руб|eur|usd)\b", re.IGNORECASE)


def _counter(text: str, ws: List[str], n_words: int, max_words: int) -> str:
    """The reason, if ``text`` is a metered or character counter: a number, a
    word for "remaining" and a unit of reading (articles, stories, characters),
    in any of the languages of data/paywall_counter_*.txt."""
    if n_words > max_words or _DIGIT_RE.search(text) is None:
        return ""
    left, left_cjk = _counter_terms("paywall_counter_left")
    units, units_cjk = _counter_terms("paywall_counter_units")
    has_left = not left.isdisjoint(ws) or any(t in text for t in left_cjk)
    if has_left and (not units.isdisjoint(ws) or any(t in text for t in units_cjk)):
        return "a metered counter: a number of articles or characters left"
    return ""


@lru_cache(maxsize=None)
def _counter_terms(name: str) -> Tuple[frozenset, Tuple[str, ...]]:
    """Single words of vocabulary ``name``, and its terms in scripts without spaces (matched inside words)."""
    words, cjk = set(), []
    for t in lexicon.phrases(name):
        (cjk.append(t) if any("\u3040" <= c <= "\u9fff" for c in t) else words.add(t))
    return frozenset(words), tuple(cjk)


def kind_terms_parsed(extra: Tuple[str, ...] = ()) -> Tuple[Dict[str, List[Tuple[str, str]]],
                                                             List[Tuple[str, str]]]:
    """data/paywall_kinds.txt read: per kind, each term as (regex, its first
    character); and the terms of scripts without spaces as (kind, term)."""
    by_kind: Dict[str, List[Tuple[str, str]]] = {k: [] for k in _KIND_NAMES}
    cjk: List[Tuple[str, str]] = []
    for line in lexicon.phrases("paywall_kinds") + extra:
        kind, _, term = line.partition(":")
        kind, term = kind.strip(), term.strip()
        if kind not in by_kind or not term:
            continue
        if any("\u3040" <= c <= "\u9fff" for c in term):
            cjk.append((kind, term))
            continue
        by_kind[kind].append(lexicon.stem_regex(term))
    return by_kind, cjk


@lru_cache(maxsize=None)
def _kind_terms(extra: Tuple[str, ...] = ()) -> Tuple["re.Pattern[str]", Tuple[Tuple[str, str], ...], Dict[str, str]]:
    """data/paywall_kinds.txt as one regex with a named group per kind (words
    and stems), the terms of scripts without spaces, matched inside words,
    and the kind of each group name. The regex is grouped by the terms'
    first characters (lexicon.by_first_character: the same matches as the
    plain alternation, found faster), a group per term, named after its kind."""
    by_kind, cjk = kind_terms_parsed(extra)
    alts: List[Tuple[str, str]] = []
    kind_of: Dict[str, str] = {}
    for k, v in by_kind.items():
        for regex, first in sorted(v, key=lambda x: len(x[0]), reverse=True):
            name = f"{k}_{len(kind_of)}"
            kind_of[name] = k
            alts.append((first, f"(?P<{name}>" + regex[len(re.escape(first)):] + ")"))
    grouped = lexicon.by_first_character(alts)
    if grouped is None:
        groups = "|".join(f"(?P<{k}>" + "|".join(r for r, _ in sorted(v, key=lambda x: len(x[0]), reverse=True)) + ")"
                          for k, v in by_kind.items() if v)
        return re.compile(r"(?<!\w)(?:" + groups + r")(?!\w)", re.IGNORECASE), tuple(cjk), {k: k for k in by_kind}
    return re.compile(r"(?<!\w)" + grouped + r"(?!\w)"), tuple(cjk), kind_of


@lru_cache(maxsize=None)
def _function_words() -> frozenset:
    return frozenset().union(*lexicon.stopwords().values())


@lru_cache(maxsize=None)
def _part_starts() -> Tuple["re.Pattern[str]", frozenset, Tuple[str, ...]]:
    """The cheap tests before :func:`_parts`, made of the longest word of
    every term of data/paywall_kinds.txt but the fillers, a stem without its
    ending ("de pago" needs "pago", and "de" opens too many words): a regex
    of them where a word starts, matched as the terms are (grouped by first
    character, or under re.IGNORECASE); their first letters (up to four),
    with which a word in a part starts if it is ASCII; the terms of scripts
    without spaces. A part that _parts finds holds a match of the regex, or
    is one of those terms: two parts hold two."""
    alts, prefixes = set(), set()
    for line in lexicon.phrases("paywall_kinds"):
        kind, _, term = line.partition(":")
        if kind.strip() != "fill" and term.strip():
            word = max(term.split(), key=len).rstrip("*")
            alts.add((word[:1], re.escape(word[1:])))
            prefixes.add(word[:4])
    ordered = sorted(alts)
    grouped = lexicon.by_first_character(ordered)
    pattern = (re.compile(r"(?<!\w)" + grouped) if grouped is not None else
               re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) + r for c, r in ordered) + ")", re.IGNORECASE))
    return pattern, frozenset(prefixes), tuple(t for _, t in _kind_terms()[1])


def _like_parts(vocabulary: Iterable[str]) -> frozenset:
    """The words of ``vocabulary`` (casefolded) that start as a part of a
    notice does. (The first letters first: a look-up is cheaper than the regex.)"""
    pattern, pre, _ = _part_starts()
    return frozenset(filter(pattern.match, (w for w in vocabulary if w[:4] in pre or w[:3] in pre or w[:2] in pre)))


def _part_bound(text: str, ws: List[str], like_parts: frozenset) -> int:
    """A bound on the number of parts of a notice (a lock counts as one) in
    ``ws``, the last words of ``text`` (casefolded), or in all of it: 0, 1 or
    2 (two or more). ``like_parts``: :func:`_like_parts` of a vocabulary
    holding ``ws``. On ASCII text and typographic punctuation the words are
    looked up (the page's words were tested once); other text is searched."""
    if text.isascii() or plain_ascii(text) is not None:
        found = like_parts.intersection(ws)
        # (a word found once may stand in ``ws`` twice: "Subscribe! Subscribe")
        return min(2, len(found) if len(found) != 1 else ws.count(next(iter(found))))
    return _text_part_bound(text)


def _text_part_bound(text: str) -> int:
    """A bound on the number of parts of a notice in ``text`` (a lock counts as one): 0, 1 or 2 (two or more)."""
    pattern, _, cjk = _part_starts()
    n = 0 if text.isascii() else sum(1 for t in cjk if t in text) + (_LOCK_CHAR_RE.search(text) is not None)
    for _ in pattern.finditer(text):
        n += 1
        if n >= 2:
            break
    return min(2, n)


def _parts(text: str) -> Tuple[set, List[Tuple[int, int]]]:
    """The kinds of the notice parts ``text`` holds (its words), and the spans
    of the parts and fillers found."""
    pattern, cjk, kind_of = _kind_terms()
    spans, found = [], set()
    for m in pattern.finditer(text):
        found.add(kind_of.get(m.lastgroup or ""))
        spans.append(m.span())
    if not text.isascii():
        found.update(k for k, t in cjk if t in text)
    found.discard("fill")
    found.discard(None)
    return found, spans


def _kinds_in(text: str) -> frozenset:
    """The kinds of notice parts ``text`` holds, without numbers, prices, a
    lock or coverage: what :func:`_kinds_of` finds first, for a first look."""
    return frozenset(_parts(text)[0])


def _has_price(text: str) -> bool:
    """A number with a currency: a wall's offer ("0,99 € im ersten Monat", "$1 a week")."""
    return _DIGIT_RE.search(text) is not None and _PRICE_RE.search(text) is not None


# A lock before a line marks content for subscribers ("🔒 Insider content"): U+1F510 to U+1F513.
_LOCK_RE = re.compile("^\\s*[\U0001f510-\U0001f513]")
_LOCK_CHAR_RE = re.compile("[\U0001f510-\U0001f513]")


def _kinds_of(text: str) -> Tuple[frozenset, float]:
    """(the kinds of notice parts ``text`` holds, with "number", "price" and
    "lock" (a lock opens it), the share of its content words inside them; 1.0
    for text in a script without spaces)."""
    found, spans = _parts(text)
    if _DIGIT_RE.search(text):
        found.add("number")
        if _PRICE_RE.search(text) is not None:
            found.add("price")
    if not text.isascii() and _LOCK_RE.match(text):
        found.add("lock")
    stops = _function_words()
    content = [w.span() for w in _WORD_RE.finditer(text) if not w.group().isdigit()
               and w.group().casefold() not in stops]
    if not content or any("\u3040" <= c <= "\u9fff" for c in text):
        return frozenset(found), 1.0
    covered = sum(1 for a, z in content if any(s <= a and z <= e for s, e in spans))
    return frozenset(found), covered / len(content)


#: A prompt word that opens a sentence ("Register ...", "Entrar ...",
#: "Подписка ...") opens a call when the block joins this many kinds of a
#: wall's parts ("Register for free to read the rest of this story": plan or
#: registration, free, reading unit).
CALL_KINDS = 2


def _a_call(text: str, call_kinds: int) -> bool:
    """Whether ``text`` joins ``call_kinds`` kinds of a notice's parts."""
    return len(_kinds_of(text)[0] - {"number", "price", "lock"}) >= call_kinds


def _kinds_notice(kinds: frozenset, coverage: float, n_words: int, p: Params) -> str:
    """The kind of paywall notice a short block whose parts are ``kinds`` is, or ""."""
    if n_words > p.KINDS_MAX_WORDS:
        return ""
    if coverage < p.KINDS_COVERAGE:
        # (a line a lock opens is marked for subscribers whatever its other words)
        return _LOCKED if "lock" in kinds and kinds & _LOCKED_PARTS else ""
    if {"unit", "free"} <= kinds and ("limit" in kinds or {"still", "number"} <= kinds):
        return "a metered counter or limit of free articles"
    if {"unit", "limit", "number"} <= kinds:
        return "a metered limit of articles (\u201cyou have reached your limit of 5 articles\u201d)"
    if {"only", "sub"} <= kinds and kinds & {"unit", "paid", "act", "go"}:
        return "a notice that the content is for subscribers or members only"
    if {"only", "act", "unit"} <= kinds:
        return "a notice that the content is available with a subscription or registration only"
    if {"paid", "unit"} <= kinds and kinds & {"sub", "act", "go", "login"}:
        return "a notice that the content is paid"
    if "go" in kinds and kinds & {"act", "sub", "paid", "login", "price"}:
        return "a plan, subscription, registration or login wall"
    if {"unit", "act"} <= kinds:
        return "a notice that the content is read with a subscription or a registration"
    if {"gift", "sub"} <= kinds:
        return "a gift article notice (\u201cgifted to you by a subscriber\u201d)"
    if {"sub", "login"} <= kinds and n_words <= p.LOGIN_MAX_WORDS:
        return "a login prompt for subscribers"
    if n_words <= p.BADGE_MAX_WORDS and coverage == 1.0 and (
            {"only", "sub"} <= kinds or "paid" in kinds and kinds & {"unit", "only"}):
        return "a badge marking the content for subscribers or paid (\u201cMembers only\u201d, \u201cPremium content\u201d)"
    return _LOCKED if "lock" in kinds and kinds & _LOCKED_PARTS else ""


_LOCKED = "a locked line for subscribers or members"
#: The parts a line a lock opens holds one of.
_LOCKED_PARTS = frozenset({"go", "act", "login", "sub", "paid", "only"})


#: The kinds of parts a notice's call holds ("Log in or subscribe.", "Créez un compte.").
_CALL_PARTS = frozenset({"go", "act", "login", "sub", "paid"})


def _sentence_notice(text: str, p: Params) -> Tuple[str, bool]:
    """One sentence judged on its own: the kind of notice it is (paywall.kinds
    on it alone, or ""), and whether it is a notice's call: short, and made
    of a wall's parts ("Log in or subscribe.") or an offer with a price
    ("Support local reporting from $4 a month.")."""
    kinds, coverage = _kinds_of(text)
    n = len(_WORD_RE.findall(text))
    call = n <= p.NEXT_TO_MAX_WORDS and ("price" in kinds or bool(kinds & _CALL_PARTS)
                                          and coverage >= p.KINDS_COVERAGE)
    return _kinds_notice(kinds, coverage, n, p), call


def notice_from(text: str, p: Params) -> Tuple[int, str]:
    """(start of the notice, its kind) when the last sentences of ``text``
    hold a notice followed only by its calls; (-1, "") if not. The notice is
    one sentence that paywall.kinds takes on its own ("You have reached your
    limit of free articles."); the calls after it are short ("Create an
    account to continue."). Searched among the last TAIL_SENTENCES sentences."""
    spans = sentence_spans(text)
    start = max(0, len(spans) - p.TAIL_SENTENCES)
    # (a notice and its calls are sentences of at most KINDS_MAX_WORDS words: the run of them at the end)
    if start < len(spans) and len(_WORD_RE.findall(text, *spans[-1])) > p.KINDS_MAX_WORDS:
        return -1, ""
    k = len(spans)
    while k > start and len(_WORD_RE.findall(text, *spans[k - 1])) <= p.KINDS_MAX_WORDS:
        k -= 1
    start = k
    if start >= len(spans):
        return -1, ""
    # (a notice joins two kinds of parts, or is a locked line with one: a look at the sentences together first)
    tail = text[spans[start][0]:]
    if _text_part_bound(tail) < 2 or len(_kinds_in(tail)) < (1 if _LOCK_CHAR_RE.search(tail) else 2):
        return -1, ""
    judged = [_sentence_notice(text[a:z], p) for a, z in spans[start:]]
    for k, (notice, _) in enumerate(judged):
        if notice and all(later or call for later, call in judged[k + 1:]):
            return spans[start + k][0], notice
    return -1, ""


def offer_boxes(ctx: Context, p: Params, found: Set[int], bounds: List[int]) -> List[Finding]:
    """Rule paywall.offer: a run of OFFER_MIN_LINES or more consecutive short
    lines (at most NEXT_TO_MAX_WORDS words) that holds a price, a call (a
    wall's going on, plan or login: "Subscribe", "Jetzt weiterlesen") and, in
    at least half of its lines, a price, a wall's part or a notice already
    found (``found``): plans and their prices with the button to buy one. An
    article's price list has no call to subscribe among its lines.
    ``bounds``: each line's :func:`_part_bound`."""
    doc = ctx.doc
    short = [0 < f.n_words <= p.NEXT_TO_MAX_WORDS for f in doc.feats]
    priced = [s and _has_price(b.text) for b, s in zip(doc.blocks, short)]
    if not any(priced):
        return []  # (a box holds a price: without one, the parts of the short lines are not sought)
    roles: List[str] = []  # per block: "price", "call", "part", "" (another short line), "long"
    for b, s, price, bound in zip(doc.blocks, short, priced, bounds):
        if not s:
            roles.append("long")
            continue
        kinds = _kinds_in(b.text) if not price and bound else frozenset()
        roles.append("price" if price else "call" if kinds & {"go", "act", "login"}
                     else "part" if kinds or b.index in found else "")
    return offers_of(ctx, p, found, roles)


def offers_of(ctx: Context, p: Params, found: Set[int], roles: List[str]) -> List[Finding]:
    """:func:`offer_boxes`' findings, from each block's role: "price",
    "call", "part", "" (another short line) or "long"."""
    doc = ctx.doc
    out: List[Finding] = []
    i = 0
    while i < len(roles):
        if roles[i] == "long":
            i += 1
            continue
        j = i
        while j < len(roles) and roles[j] != "long":
            j += 1
        run = roles[i:j]
        if (j - i >= p.OFFER_MIN_LINES and "price" in run and "call" in run
                and 2 * sum(1 for r in run if r) >= len(run)):
            first = i + next(k for k, r in enumerate(run) if r)
            last = i + max(k for k, r in enumerate(run) if r)
            why = "an offer box: plans with their prices and a call to subscribe"
            out.extend(doc.block_finding(k, CATEGORY, why, "paywall.offer", 0.85)
                       for k in range(first, last + 1) if k not in found and ctx.free(k))
        i = j
    return out


def paywall(ctx: Context) -> List[Finding]:
    """Rules paywall.wall, paywall.region and paywall.prompt, in one pass down the page."""
    doc = ctx.doc
    cfg = doc.config
    wall = lexicon.matcher("paywall_wall", cfg.extra_phrases)
    prompt = lexicon.matcher("paywall_prompts", cfg.extra_phrases)
    wall_first = lexicon.first_words("paywall_wall", cfg.extra_phrases)
    prompt_first = lexicon.first_words("paywall_prompts", cfg.extra_phrases)
    out: List[Finding] = []
    prose_before = 0
    wall_at = None
    region_why = ""  # the reason of the blocks after the wall, once it is found
    prev_prompt = -2
    prose_min = cfg.prose_min_words
    p = params_of(cfg, CATEGORY)
    # (read once: every block is tested against them)
    counter_max, next_to_max, kinds_max = p.COUNTER_MAX_WORDS, p.NEXT_TO_MAX_WORDS, p.KINDS_MAX_WORDS

    def a_call(text: str) -> bool:
        return _a_call(text, p.CALL_KINDS)

    article: frozenset = frozenset()  # the content words of the article above the wall
    tails: Dict[str, Tuple[int, str]] = {}  # notice_from's answer for each text
    # (each line's bound on its parts, read once: the tests of a notice, of one glued after a paragraph and of
    # an offer box share it; the last words of a line are those of a notice glued to it)
    like_parts = _like_parts(set().union(*(f.words for f in doc.feats)))
    tail_words = p.TAIL_SENTENCES * kinds_max
    bounds = [_part_bound(b.text, f.words[-tail_words:], like_parts) for b, f in zip(doc.blocks, doc.feats)]
    for b, f in zip(doc.blocks, doc.feats):
        ws, n = f.words, f.n_words
        if wall_at is not None:
            # Inside the wall region: the prompts and short lines of the wall.
            # It ends where the article's prose goes on (some sites ship the
            # whole text behind a wall drawn over it).
            no_prompt = ((prompt_first.isdisjoint(ws) or not prompt.search(b.text))
                         and (wall_first.isdisjoint(ws) or not wall.search(b.text)))
            prose = n >= p.REGION_PROSE_WORDS and f.ends_sentence and _PRICE_RE.search(b.text) is None and no_prompt
            # ... or where a line takes up the article's topic (a deal's heading
            # "Galaxy Note 10 for $840" under a deals article): a wall's plans,
            # prices and buttons share no words with the article above it.
            if not prose and no_prompt:
                own = content_words_of(doc, b.index)
                prose = len(own) >= p.REGION_TOPIC_WORDS and len(own & article) >= p.REGION_TOPIC_SHARE * len(own)
            if prose:
                wall_at = None
                prose_before += 1
            else:
                out.append(doc.block_finding(b.index, CATEGORY, region_why, "paywall.region", 0.9))
            continue
        maybe_wall = not wall_first.isdisjoint(ws)
        if maybe_wall and n <= p.WALL_MAX_WORDS and prose_before >= p.WALL_AFTER_PROSE:
            m = wall.search(b.text)
            if m:
                wall_at = b.index
                article = frozenset().union(*(content_words_of(doc, k) for k in range(b.index)))
                region_why = f"after the paywall that starts at block {wall_at}"
                out.append(doc.block_finding(b.index, CATEGORY,
                                             f"wall: \u201c{m.group()}\u201d after the article began",
                                             "paywall.wall", 1.0))
                continue
        counter = _counter(b.text, ws, n, counter_max)
        if counter:
            out.append(doc.block_finding(b.index, CATEGORY, counter, "paywall.counter", 0.9))
            prev_prompt = b.index
            continue
        ok = False
        if not prompt_first.isdisjoint(ws):
            ok, why = is_prompt(prompt, b.text, n, p, runs_on=a_call)
            if not ok and prev_prompt == b.index - 1 and n <= p.FOLLOW_MAX_WORDS and prompt.search(b.text):
                ok, why = True, "continues the prompt above it"
        if not ok and maybe_wall and n <= p.WALL_MAX_WORDS:
            ok, why = is_prompt(wall, b.text, n, p, runs_on=a_call)
        if ok:
            out.append(doc.block_finding(b.index, CATEGORY, why, "paywall.prompt",
                                         0.9 if why.startswith("cookie banner") else 0.8))
            prev_prompt = b.index
            continue
        # (a notice joins two kinds of parts at least, so two of its words start as parts do; the
        # line after a notice needs one; a price is a part of its own: "Read on for $1")
        least = 1 if n <= next_to_max and prev_prompt == b.index - 1 else 2
        kinds: frozenset = frozenset()
        coverage = 0.0
        if n <= kinds_max and bounds[b.index] >= least - _has_price(b.text):
            kinds, coverage = _kinds_of(b.text)
        notice = _kinds_notice(kinds, coverage, n, p)
        at = -1
        if not notice and bounds[b.index] >= 2:
            # A notice and its call ("You have reached your limit. Log in or
            # subscribe."), or a notice glued after the article's last sentence.
            # (The cheap test first: two of the last words start as a notice's parts do.)
            found_at = tails.get(b.text)  # (a line repeated: judged once)
            if found_at is None:
                found_at = tails[b.text] = notice_from(b.text, p)
            at, notice = found_at
        if notice and at > 0:
            out.append(Finding(b.start + at, b.end, CATEGORY, f"{notice}, glued to the end of a paragraph",
                               "paywall.tail", 0.85, None))
        elif notice:
            out.append(doc.block_finding(b.index, CATEGORY, notice, "paywall.kinds", 0.85))
            prev_prompt = b.index
        elif prev_prompt == b.index - 1 and n <= next_to_max and kinds & {"go", "act", "login", "sub"}:
            out.append(doc.block_finding(b.index, CATEGORY, "continues the paywall notice above it",
                                         "paywall.kinds", 0.8))
            prev_prompt = b.index
        elif n >= prose_min:
            prose_before += 1
    out.extend(offer_boxes(ctx, p, {x.block for x in out if x.block is not None}, bounds))
    # A short line right before a notice, with a part of a wall of its own ("Weiterlesen mit Plus").
    found = {x.block for x in out if x.block is not None}
    for x in list(out):
        i = x.block
        if i is None or x.rule != "paywall.kinds" or i == 0 or (i - 1) in found:
            continue
        fb = doc.feats[i - 1]
        if fb.n_words <= p.NEXT_TO_MAX_WORDS and not fb.ends_sentence and ctx.free(i - 1) \
                and _kinds_of(doc.blocks[i - 1].text)[0] & {"go", "act", "login", "sub", "paid"}:
            out.append(doc.block_finding(i - 1, CATEGORY, "opens the paywall notice below it", "paywall.kinds", 0.8))
            found.add(i - 1)
    return out
