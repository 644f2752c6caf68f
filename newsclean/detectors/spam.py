"""``spam``: injected commercial spam and bare link dumps.

Spam is recognised by its form, commercial intent with a way to reach the
seller, not by a list of known spam sentences:

- a way to reach the seller: a link, a web address without its scheme
  (``cheap-loans24.pl``), a phone number, an e-mail address, a messenger
  handle (``Telegram @name``, ``wa.me/...``);
- commercial intent: a kind of thing spam sells (loans, casinos and betting,
  dating, pharmacy, replicas, essays and theses, followers, SEO, crypto:
  ``data/spam_lexicon.txt``), sales words (cheap, discount, order, free
  delivery: ``data/spam_sales.txt``), a price or a percentage, in the eight
  languages the library claims (and a few more).

The seller's own business in the first person ("our agency", "visit my blog",
"vendo") counts as a kind; a reader's praise of the post ("Great article!"),
the way comment spam opens, as a sales word; a call to reach the seller
("call", "contact") once, and only in a short run. One sentence of PROSE_WORDS
or more that ends with a full stop reads as prose: it needs more.

A sentence with a contact and one kind and one more commercial word, or with
three commercial words, is spam; so are the sentences around it that carry
the offer (a short lead-in "Need cash fast?", a trailing "Use code X"). Spam
glued to the end of a real paragraph is cut where its sentences start: the
paragraph's own sentences stay. An article sentence about a casino or a loan
has no contact and stays; one with a web address and no offer stays too. An
offer of a kind no list knows (a locksmith, a psychic) is spam with a contact,
two commercial signals besides a call, and words the article does not use
elsewhere (spam.reach): a helpline in a report shares the report's topic.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Dict, List, Mapping, NamedTuple, Optional, Tuple

from ..text import lexicon
from ..analysis.findings import Finding
from ..analysis.topic import content_words, content_words_of
from .base import Context, Params, Rule, params_of
from ..text.words import EMAIL_RE, SCRIPTS, URL_RE, sentence_spans, words

if TYPE_CHECKING:
    from ..analysis.document import Features


CATEGORY = "spam"

#: With a contact, a spam run needs this many commercial signals (kinds, sales
#: words, prices), one of them a kind of thing spam sells ...
MIN_COMMERCIAL = 2
#: ... or this many without a kind (cheap + 70 % + free delivery).
MIN_SALES = 3
#: A sentence without a contact of its own joins the run as its lead-in when
#: it has a commercial word and at most this many words ("Need cash fast?").
LEAD_WORDS = 12
#: ... going back at most this many sentences.
LEAD_SENTENCES = 2
#: After the contact, a sentence with no commercial word joins the run when it
#: has at most this many words ("Use code SAVE15.").
TAIL_WORDS = 8
#: A spam run has at most this many words: a longer one is the article's prose.
SPAM_MAX_WORDS = 60
#: A run that is one sentence of at least this many words, ending with a full
#: stop, reads as prose (an official site, a helpline named in a report): with a
#: contact it needs MIN_SALES commercial signals, a kind of thing spam sells or not.
PROSE_WORDS = 20
#: Without a way to reach the seller, an offer is spam when it reads as an
#: advert, not as prose (it does not end with a full stop), is short (at most
#: this many words) ...
OFFER_MAX_WORDS = 25
#: ... dense with commerce (this many signals, one of them a kind of thing spam sells) ...
OFFER_MIN_COMMERCIAL = 3
#: ... and off the article's topic: at most this share of its content words
#: occur in another block of the document (an article about casinos names
#: them, and its bonuses, again and again).
OFFER_MAX_SHARED = 0.2

#: Keyword stuffing ("cheap flights | cheap flights to london | last minute
#: cheap flights"): a line of at least this many segments (between "|", ",",
#: "/", "·", " - ") in which one word recurs in this many and in half of them
#: at least, with a commercial signal ...
STUFFING_SEGMENTS = 3
#: ... of at most this many words, not ending as a sentence does.
STUFFING_MAX_WORDS = 40

RULES = (
    Rule("spam.links", CATEGORY, "a block that is mostly URLs"),
    Rule("spam.stuffing", CATEGORY, "keyword stuffing: a line of segments that repeat one word, with a sales "
         "word, a kind of thing spam sells, a price or a contact", params=("STUFFING_SEGMENTS", "STUFFING_MAX_WORDS")),
    Rule("spam.block", CATEGORY, "a block of spam sentences: commercial intent with a link or a contact",
         params=("MIN_COMMERCIAL", "MIN_SALES", "LEAD_WORDS", "LEAD_SENTENCES", "TAIL_WORDS", "SPAM_MAX_WORDS",
                 "PROSE_WORDS")),
    Rule("spam.tail", CATEGORY, "spam sentences glued to the end of a paragraph",
         params=("MIN_COMMERCIAL", "MIN_SALES", "LEAD_WORDS", "LEAD_SENTENCES", "TAIL_WORDS", "SPAM_MAX_WORDS",
                 "PROSE_WORDS")),
    Rule("spam.reach", CATEGORY, "an offer with a way to reach the seller, of no kind the vocabulary knows (a "
         "locksmith, a psychic, a hair clinic), off the article's topic: a block, or sentences glued to the end of "
         "a paragraph", params=("MIN_COMMERCIAL", "OFFER_MAX_SHARED", "SPAM_MAX_WORDS", "PROSE_WORDS", "LEAD_WORDS",
                                "LEAD_SENTENCES", "TAIL_WORDS")),
    Rule("spam.offer", CATEGORY, "a short offer dense with commerce and off the article's topic, with no way to "
         "reach the seller: a block, or sentences glued to the end of a paragraph",
         params=("OFFER_MAX_WORDS", "OFFER_MIN_COMMERCIAL", "OFFER_MAX_SHARED", "LEAD_WORDS", "LEAD_SENTENCES",
                 "TAIL_WORDS")),
)

# Ways to reach a seller besides a link: a phone number (nine digits or more),
# an e-mail address, a messenger handle or link, a web address without scheme.
# (Used to ask whether a line holds one, not where: written to start with a
# digit, and with the dot, which the regex engine finds fast; as tests go the
# same as "(?:\d[\s().+/-]{0,3}){9}" and "[a-z0-9]\.[a-zр]{2,7}\b", which
# tests/test_fast_paths.py checks.)
_NINE_DIGITS_RE = re.compile(r"\d(?:[\s().+/-]{0,3}\d){8}")
_DOMAIN_HINT_RE = re.compile(r"\.(?<=[a-z0-9]\.)[a-zр]{2,7}\b")
_MESSENGERS = frozenset({"whatsapp", "telegram", "viber", "wechat", "signal", "skype", "line", "instagram", "insta",
                         "tiktok", "snapchat", "kik", "dm"})
_TLDS = ("com|net|org|info|biz|shop|store|online|site|top|xyz|io|co|bet|casino|win|vip|club|live|pro|me|tv|cc|"
         "loan|money|best|fun|link|click|app|ltd|today|rocks|"
         "ru|de|fr|es|it|pt|pl|br|mx|ar|cl|uk|eu|us|in|ua|by|kz|nl|be|ch|at|se|cz|tr|ro|hu|gr|рф|"
         # (reserved for documentation and tests, RFC 2606: the made-up
         # addresses of test data and of examples stand for real ones)
         "example")
_CONTACT_RE = re.compile(r"\+?\d(?:[\s()./-]{0,3}\d){8,}"
                         r"|" + EMAIL_RE.pattern +
                         r"|(?:wa\.me|t\.me)/\S{1,64}"
                         # a web address without its scheme: shop-example.com, zaim.ru/online
                         r"|\b[a-z0-9а-я][a-z0-9а-я-]{1,62}(?:\.[a-z0-9-]{2,62})?\.(?:" + _TLDS
                         + r")\b(?:/\S{0,200})?"
                         r"|(?i:whatsapp|telegram|viber|wechat|skype|instagram|insta|tiktok|snapchat|kik|dm)\s*:?\s*"
                         r"(?:@[\w.]{3,32}|\+?\d[\d\s()-]{6,20}\d)")
# A price or a percentage: "4,99 €", "$9", "R$ 3.000", "500 zł", "70 %".
_PRICE_RE = re.compile(r"(?:[€$£₽]|R\$)\s?\d"
                       r"|\d(?:[\d.,\s]{0,12}\d)?\s?(?:[€$£₽%]|zł|руб|usd|eur|euro|tl\b|dollar|dólar|reais|złotych|рубл)",
                       re.IGNORECASE)
_TOKEN_RE = re.compile(r"\S+")
_ADDRESS_SEP_RE = re.compile(r"(?<=[^\W\d_])(?=\d)|[-_./]")
_SCRIPT_RES = dict(SCRIPTS)


@lru_cache(maxsize=None)
def _stem_pattern(entries: Tuple[str, ...]) -> "re.Pattern[str]":
    """One regex for a vocabulary of stems and phrases: ``*`` at a word's end
    matches any ending, a space any run of spaces; whole words only; case
    ignored. The longest entries first, grouped by their first character
    (lexicon.by_first_character: the same matches, found faster)."""
    alts = []  # (the entry's first character, the regex of the rest of it)
    for e in sorted(set(entries), key=len, reverse=True):
        regex, first = lexicon.stem_regex(e)
        alts.append((first, regex[len(re.escape(first)):]))
    grouped = lexicon.by_first_character(alts)
    if grouped is None:
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) + rest for c, rest in alts) + r")(?!\w)",
                          re.IGNORECASE)
    return re.compile(r"(?<!\w)" + grouped + r"(?!\w)")


@lru_cache(maxsize=None)
def _run_together(entries: Tuple[str, ...]) -> Tuple[str, ...]:
    """The stems a web address may hold run together with other words
    (singlesdate, cheaploans24): the one-word entries of five letters or more."""
    return tuple(sorted({e.rstrip("*") for e in entries if " " not in e and len(e.rstrip("*")) >= 5
                         and e.rstrip("*").isalpha()}))


class _Keys(NamedTuple):
    """Each kind's longest word, as a word (``casino``) or a stem (``kredit*``)."""

    exact: frozenset                              # the words
    stems: Tuple[Tuple[int, frozenset], ...]      # ((stem length, the stems), ...)
    head: int                                     # every key's first ``head`` letters ...
    heads: frozenset                              # ... are one of these


@lru_cache(maxsize=None)
def _kind_keys(entries: Tuple[str, ...]) -> _Keys:
    """The keys of the kinds: a block holds a kind only if it holds one of them."""
    exact: set = set()
    stems: Dict[int, set] = {}
    for e in entries:
        key = max(e.split(), key=lambda w: len(w.rstrip("*")))
        if key.endswith("*"):
            stems.setdefault(len(key) - 1, set()).add(key[:-1])
        else:
            exact.add(key)
    head = min([3] + [len(k) for k in exact] + list(stems))
    heads = frozenset(k[:head] for k in exact) | frozenset(k[:head] for v in stems.values() for k in v)
    return _Keys(frozenset(exact), tuple((n, frozenset(v)) for n, v in sorted(stems.items())), head, heads)


@lru_cache(maxsize=None)
def _key_pattern(keys: _Keys) -> "re.Pattern[str]":
    """A regex for words one to a line, each after a newline: it finds those
    that are, or begin with, a kind's key (a word whole, a stem at a word's
    start), the keys grouped by their first character."""
    groups: Dict[str, List[str]] = {}
    for key in sorted(keys.exact):
        groups.setdefault(key[0], []).append(re.escape(key[1:]) + r"(?![^\n])")  # (and the word ends)
    for _, stems in keys.stems:
        for stem in sorted(stems):
            groups.setdefault(stem[0], []).append(re.escape(stem[1:]))
    keys_re = "|".join(re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in sorted(groups.items()))
    return re.compile(r"\n((?:" + keys_re + r").*)")


def _kind_words(vocabulary: set, keys: _Keys) -> frozenset:
    """The words of ``vocabulary`` that are, or begin with, a kind's key. (One
    regex over all of them, one to a line: the regex engine runs from newline
    to newline, where a loop in Python over a page's words was a fifth of offers.)"""
    return frozenset(_key_pattern(keys).findall("\n" + "\n".join(vocabulary)))


def _kinds(extra: Optional[Mapping[str, Tuple[str, ...]]]) -> Tuple[str, ...]:
    """What spam sells: the kinds of things (spam_lexicon.txt), and the
    seller's own business spoken of in the first person (spam_promotion.txt)."""
    return lexicon.phrase_list("spam_lexicon", extra) + lexicon.phrase_list("spam_promotion", extra)


class _Vocab(NamedTuple):
    """The vocabularies the spam rules read, as regexes."""

    kinds: "re.Pattern[str]"      # kinds of things spam sells, and the seller's own business
    sales: "re.Pattern[str]"      # sales words, calls to reach the seller included
    calls: "re.Pattern[str]"      # calls to reach the seller
    own: "re.Pattern[str]"        # the seller's own business, in the first person
    in_addresses: Tuple[str, ...]  # kinds that a web address may hold run together (_run_together)


@lru_cache(maxsize=8)
def _vocab(extra_key: Tuple[Tuple[str, Tuple[str, ...]], ...]) -> _Vocab:
    extra = dict(extra_key)
    calls = lexicon.phrase_list("spam_calls", extra)
    return _Vocab(_stem_pattern(_kinds(extra)), _stem_pattern(lexicon.phrase_list("spam_sales", extra) + calls),
                  _stem_pattern(calls), _stem_pattern(lexicon.phrase_list("spam_promotion", extra)),
                  # (a web address named after what it sells: the kinds of things, not the
                  # first person's words, which run together with others: "vendo" in "vendor")
                  _run_together(lexicon.phrase_list("spam_lexicon", extra)))


def _vocab_of(extra: Optional[Mapping[str, Tuple[str, ...]]]) -> _Vocab:
    """The spam vocabularies with a configuration's extra phrases."""
    return _vocab(tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items())))


class _Sentence(NamedTuple):
    start: int
    end: int
    n_words: int
    contacts: int        # links, web addresses, phone numbers, e-mail addresses, handles
    urls: int
    kinds: frozenset     # kinds of things spam sells, by their stems as written
    sales: frozenset     # sales words, calls included
    calls: frozenset     # calls to reach the seller ("call", "contact", "telefono")
    own: bool            # the seller speaks of their own business ("our agency", "my blog")
    prices: int
    foreign: int         # words in another script than the article's
    plain: int           # words that are none of the above
    full_stop: bool      # it ends with a full stop, as a sentence of prose does (an advert shouts or stops short)


def _sentence(text: str, s: int, e: int, contacts: List[Tuple[int, int]], contact_ends: List[int], v: _Vocab,
              script: str) -> _Sentence:
    sent = text[s:e]
    lo = bisect_left(contact_ends, s + 1)
    mine = []
    for a, z in contacts[lo:]:
        if a >= e:
            break
        mine.append((a, z))
    kinds = frozenset(m.group().casefold() for m in v.kinds.finditer(sent))
    # A web address named after what it sells (datinghub24.com, kredit-blitz.de): its kind counts.
    for a, z in mine:
        addr = text[a:z].casefold()
        if "@" not in addr and not addr[:1].isdigit() and addr[:1] != "+":
            kinds |= frozenset(m.group() for m in v.kinds.finditer(_ADDRESS_SEP_RE.sub(" ", addr)))
            kinds |= frozenset(k for k in v.in_addresses if k in addr)
    sales = frozenset(m.group().casefold() for m in v.sales.finditer(sent))
    calls = frozenset(t for t in sales if v.calls.fullmatch(t)) if sales else frozenset()
    sells_own = bool(kinds) and any(v.own.fullmatch(k) for k in kinds)
    prices = len(_PRICE_RE.findall(sent))
    own = _SCRIPT_RES.get(script)
    other = [p for name, p in SCRIPTS if name != script]
    n = urls = foreign = plain = 0
    ci = 0  # the contacts and the tokens are both in text order: one pass over each
    for m in _TOKEN_RE.finditer(sent):
        n += 1
        a, z, tok = s + m.start(), s + m.end(), m.group()
        while ci < len(mine) and mine[ci][1] <= a:
            ci += 1
        if URL_RE.match(tok) or tok.startswith(("http", "www.")):
            urls += 1
        elif ci < len(mine) and mine[ci][0] < z:
            continue
        elif own is not None and not tok.isascii():
            n_own = len(own.findall(tok))
            if sum(len(p.findall(tok)) for p in other) > n_own:
                foreign += 1
            else:
                plain += 1
        elif own is not None and script != "latin" and tok.upper() != tok.lower():
            foreign += 1
        else:
            plain += 1
    return _Sentence(s, e, n, len(mine) + urls, urls, kinds, sales, calls, sells_own, prices, foreign, plain,
                     sent.rstrip().endswith("."))


def _commerce(ss: List[_Sentence], p: Params) -> Tuple[int, int, int]:
    """(kinds of things spam sells, commercial signals, of which calls) of
    the run ``ss``. A call to reach the seller counts once, and only in a run
    shorter than PROSE_WORDS: an advert says "call now"; a report names a
    helpline and asks readers to call it."""
    kinds = frozenset().union(*(x.kinds for x in ss))
    sales = frozenset().union(*(x.sales for x in ss)) - kinds
    calls = frozenset().union(*(x.calls for x in ss))
    call = 1 if calls and sum(x.n_words for x in ss) < p.PROSE_WORDS else 0
    return len(kinds), len(kinds) + len(sales - calls) + call + sum(x.prices for x in ss), call


#: shared(run) -> the share of the run's content words that occur in another block of the document
Shared = Callable[[List["_Sentence"]], float]


def _verdict(ss: List[_Sentence], p: Params, shared: Optional[Shared] = None) -> Optional[str]:
    """Why the run of sentences ``ss`` is spam, or None. An offer with no
    contact is judged only when ``shared`` is given."""
    n = sum(x.n_words for x in ss)
    if not ss or n > p.SPAM_MAX_WORDS:
        return None
    contacts = sum(x.contacts for x in ss)
    urls = sum(x.urls for x in ss)
    kinds, commercial, call = _commerce(ss, p)
    foreign = sum(x.foreign for x in ss)
    if urls >= 2 and sum(x.plain for x in ss) <= 3:
        return f"link dump: {urls} URLs"
    prose = len(ss) == 1 and n >= p.PROSE_WORDS and ss[0].full_stop
    if contacts and ((kinds and commercial >= p.MIN_COMMERCIAL and not prose) or commercial >= p.MIN_SALES):
        what = "a link" if urls else "a way to reach the seller (web address, phone, e-mail or handle)"
        return f"commercial intent ({commercial} signals, {kinds} kind(s) of thing spam sells) with {what}"
    if urls and foreign >= 3:
        return f"{urls} URL(s) with {foreign} words in another script"
    if not contacts and commercial >= 2 and foreign >= 3 and commercial + foreign >= 0.6 * n:
        return f"commercial vocabulary in another script ({commercial} + {foreign} of {n} words)"
    # (with no kind, the offer's own words must say it: a call to reach the
    # seller does not count, a helpline's number comes with one)
    if (shared is not None and contacts and not urls and commercial - call >= p.MIN_COMMERCIAL
            and not prose):
        elsewhere = shared(ss)
        if elsewhere <= p.OFFER_MAX_SHARED:
            return (f"{_REACH} ({commercial} commercial signals; {elsewhere:.0%} of its words elsewhere in the "
                    f"text)")
    if (shared is not None and not contacts and kinds and commercial >= p.OFFER_MIN_COMMERCIAL
            and n <= p.OFFER_MAX_WORDS and (not ss[-1].full_stop or any(x.own for x in ss))):
        elsewhere = shared(ss)
        if elsewhere <= p.OFFER_MAX_SHARED:
            return (f"{_OFFER} ({commercial} signals, {kinds} kind(s) of thing spam sells; "
                    f"{elsewhere:.0%} of its words elsewhere in the text)")
    return None


_OFFER = "an offer with no way to reach the seller, off the article's topic"
_REACH = "an offer with a way to reach the seller, off the article's topic"


def _offer_sentence(x: _Sentence) -> bool:
    """A sentence that is an offer in itself, whatever its length: a kind of
    thing spam sells with a sales word or a price ("Online casino: 100 %
    bonus up to 500 EUR + 50 free spins.")."""
    return bool(x.kinds) and bool(x.sales or x.prices)


def _spam_run(ss: List[_Sentence], p: Params, shared: Optional[Shared] = None) -> Tuple[int, str]:
    """(index of the first spam sentence, reason): the trailing run of
    sentences that is spam, or (len(ss), ""). A run with no contact, anchored
    on a kind of thing spam sells, only with ``shared`` (see :func:`_verdict`)."""
    last = len(ss)
    # Only the sentences of the last SPAM_MAX_WORDS words can start a run (a
    # longer one is prose): a bounded number, so the work is linear in the block.
    first, words = last, 0
    while first > 0 and words + ss[first - 1].n_words <= p.SPAM_MAX_WORDS:
        first -= 1
        words += ss[first].n_words
    for a in range(first, last):
        x = ss[a]
        if not (x.contacts or x.foreign >= 3):
            # an offer without a contact: a run that has none at all
            if shared is None or not x.kinds or any(y.contacts for y in ss[a + 1:]):
                continue
        # From the anchor on, every sentence carries the offer or is short.
        if not all(y.contacts or y.kinds or y.sales or y.prices or y.n_words <= p.TAIL_WORDS or y.foreign >= 3
                   for y in ss[a + 1:]):
            continue
        # The lead-in: short sentences before it, or offers, up to LEAD_SENTENCES,
        # the first of them with a commercial word ("Need a loan? Approved in 24 hours.").
        k = a
        lead = a
        while lead > 0 and a - lead < p.LEAD_SENTENCES and (ss[lead - 1].n_words <= p.LEAD_WORDS
                                                             or _offer_sentence(ss[lead - 1])):
            lead -= 1
            if ss[lead].kinds or ss[lead].sales or ss[lead].prices:
                k = lead
        why = _verdict(ss[k:], p, shared)
        if why is None and k < a:
            why = _verdict(ss[a:], p, shared)
            k = a if why else k
        if why:
            return k, why
    return last, ""


def _contacts(text: str, f: Features) -> List[Tuple[int, int]]:
    """The spans of the ways to reach a seller in a line (the regex runs only
    where a cheap test finds a hint of one)."""
    if ("@" in text or "." in text and _DOMAIN_HINT_RE.search(text) is not None
            or _NINE_DIGITS_RE.search(text) is not None or not _MESSENGERS.isdisjoint(f.words)):
        return [m.span() for m in _CONTACT_RE.finditer(text)]
    return []


# What separates the segments of a stuffed line.
_SEGMENT_SEP_RE = re.compile(r"\s*[|,/\u00b7\u2022;]\s*|\s+[-\u2013\u2014]\s+")


def _stuffed(text: str, f: Features, has_contact: bool, v: _Vocab, p: Params) -> Optional[str]:
    """Why ``text`` is keyword stuffing, or None: STUFFING_SEGMENTS segments
    or more, one content word in that many and in half of them at least, and
    a commercial signal (a sales word, a kind, a price, a contact)."""
    if f.n_words > p.STUFFING_MAX_WORDS or f.ends_sentence:
        return None
    segments = [x for x in _SEGMENT_SEP_RE.split(text) if x.strip()]
    if len(segments) < p.STUFFING_SEGMENTS:
        return None
    per_word = Counter(w for x in segments for w in set(content_words(words(x))) if len(w) >= 4 and w.isalpha())
    if not per_word:
        return None
    word, n = per_word.most_common(1)[0]
    if n < p.STUFFING_SEGMENTS or 2 * n < len(segments):
        return None
    if not (has_contact or _PRICE_RE.search(text) or v.sales.search(text) or v.kinds.search(text)):
        return None
    return f"keyword stuffing: {n} of {len(segments)} segments repeat \u201c{word}\u201d, with a commercial signal"


def spam(ctx: Context) -> List[Finding]:
    """Rules spam.links, spam.stuffing, spam.block and spam.tail, line by
    line: what they find in a line depends on the line alone (pipeline.LINE_LOCAL)."""
    doc = ctx.doc
    extra = doc.config.extra_phrases
    v = _vocab_of(extra)
    p = params_of(doc.config, "spam")
    out: List[Finding] = []
    script = doc.script
    for b, f in ctx.lines():
        text = b.text
        contacts = _contacts(text, f)
        # (a stuffed line has separators between its segments: two at least)
        if (f.n_words <= p.STUFFING_MAX_WORDS and not f.ends_sentence
                and sum(map(text.count, "|,/\u00b7\u2022;\u2013-")) >= p.STUFFING_SEGMENTS - 1):
            why = _stuffed(text, f, bool(contacts or f.n_urls), v, p)
            if why:
                out.append(doc.block_finding(b.index, CATEGORY, why, "spam.stuffing", 1.0))
                continue
        if not f.n_urls and not contacts and sum(f.scripts.values()) - f.scripts.get(script, 0) < 3:
            continue  # cheap exit: no URL or contact, (almost) no letters in another script
        if f.n_urls >= 2 and f.url_chars >= 0.5 * len(text):
            out.append(doc.block_finding(b.index, CATEGORY, f"bare link dump ({f.n_urls} URLs)", "spam.links", 1.0))
            continue
        ends = [z for _, z in contacts]  # (sorted: the matches do not overlap)
        ss = [_sentence(text, s, e, contacts, ends, v, script)
              for s, e in sentence_spans(text)]
        k, why = _spam_run(ss, p)
        if k == len(ss):
            continue
        if k == 0:
            out.append(doc.block_finding(b.index, CATEGORY, why, "spam.block", 1.0))
        else:
            out.append(Finding(b.start + ss[k].start, b.end, CATEGORY, f"{why}, glued to the end of a paragraph",
                               "spam.tail", 0.95, None))
    return out


def _elsewhere(text: str, ss: List[_Sentence], own: frozenset, blocks_with: Counter) -> float:
    """The share of the topic words of the run ``ss`` of ``text`` (its content
    words but the words of selling) that occur in a block other than its own
    (``own``: its block's content words; ``blocks_with``: per content word, the
    blocks holding it)."""
    # (the words of selling, "cheap", "fast", "buy", say nothing of the offer's
    # topic: an article may use them too)
    selling = {w for x in ss for term in x.sales for w in term.split()}
    run = set(content_words(words(text[ss[0].start:ss[-1].end]))) - selling
    if not run:
        return 1.0
    return sum(1 for w in run if blocks_with[w] - (w in own) > 0) / len(run)


def offers(ctx: Context) -> List[Finding]:
    """Rules spam.offer and spam.reach: an offer in a line with no link,
    off the article's topic; with no way to reach the seller but a kind of
    thing spam sells (spam.offer), or with one and of any kind (spam.reach).
    Whether it is off the article's topic depends on the other lines: these
    rules are not line-local."""
    doc = ctx.doc
    extra = doc.config.extra_phrases
    kinds = _kinds(extra)
    # The words of the text that name a kind of thing spam sells: a block with
    # none of them holds no offer.
    offered = _kind_words(set().union(*(f.words for f in doc.feats)), _kind_keys(kinds))
    v = _vocab_of(extra)
    p = params_of(doc.config, "spam")
    blocks_with: Optional[Counter] = None  # per content word, the blocks holding it (counted at first need)

    def shared_by(i: int, text: str) -> Shared:
        def shared(ss: List[_Sentence]) -> float:
            nonlocal blocks_with
            if blocks_with is None:
                blocks_with = Counter(chain.from_iterable(content_words_of(doc, k) for k in range(len(doc.blocks))))
            return _elsewhere(text, ss, content_words_of(doc, i), blocks_with)
        return shared

    out: List[Finding] = []
    for b, f in zip(doc.blocks, doc.feats):
        text = b.text
        if f.n_urls:
            continue  # (links: spam.block and spam.tail)
        # An offer with a contact (rule spam.reach) needs no kind; one without
        # (spam.offer) is at most OFFER_MAX_WORDS tokens at the end of its
        # block: its kind is among the block's last words.
        contacts = _contacts(text, f)
        if not contacts and offered.isdisjoint(f.words[-2 * p.OFFER_MAX_WORDS:]):
            continue
        spans = sentence_spans(text)
        # Only the sentences of the last SPAM_MAX_WORDS words can make a run,
        # with up to LEAD_SENTENCES before them as its lead-in (see _spam_run):
        # the others are not looked at.
        first, n = len(spans), 0
        while first > 0 and n + len(text[spans[first - 1][0]:spans[first - 1][1]].split()) <= p.SPAM_MAX_WORDS:
            first -= 1
            n += len(text[spans[first][0]:spans[first][1]].split())
        skip = max(0, first - p.LEAD_SENTENCES)
        if not spans or not contacts and v.kinds.search(text, spans[skip][0]) is None:
            continue  # (the run's first sentence names a kind)
        ends = [z for _, z in contacts]
        ss = [_sentence(text, s, e, contacts, ends, v, doc.script)
              for s, e in spans[skip:]]
        k, why = _spam_run(ss, p, shared_by(b.index, text))
        if k == len(ss) or not why.startswith((_OFFER, _REACH)):
            continue  # (nothing, or what spam.block and spam.tail find)
        rule = "spam.offer" if why.startswith(_OFFER) else "spam.reach"
        if k + skip == 0:
            out.append(doc.block_finding(b.index, CATEGORY, why, rule, 1.0))
        else:
            out.append(Finding(b.start + ss[k].start, b.end, CATEGORY, f"{why}, glued to the end of a paragraph",
                               rule, 0.95, None))
    return out
