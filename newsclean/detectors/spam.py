"""``spam``: injected SEO/loan spam and bare link dumps.

Found by features, not by a list of known spam sentences: URLs, letters in
another script than the article's, commercial vocabulary (``data/spam_lexicon.txt``)
and position (a spam tail glued to the end of a real paragraph is cut at the
sentence or token where it starts; the paragraph's own sentences stay).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import List, Optional, Sequence, Tuple, cast

from ..text import lexicon
from ..analysis.findings import Finding
from .base import Context, Rule
from ..text.words import EMAIL_RE, SCRIPTS, URL_RE, sentence_spans


CATEGORY = "spam"

RULES = (
    Rule("spam.links", CATEGORY, "a block that is mostly URLs"),
    Rule("spam.block", CATEGORY, "a block of spam sentences (URLs, commercial or foreign-script words)"),
    Rule("spam.tail", CATEGORY, "spam sentences glued to the end of a paragraph"),
)

_TOKEN_RE = re.compile(r"\S+")
# Ways to reach a seller besides a link: a phone number (nine digits or more),
# an e-mail address, a messenger handle or link.
_NINE_DIGITS_RE = re.compile(r"(?:\d[\s().+/-]{0,3}){9}")
_DOMAIN_HINT_RE = re.compile(r"[a-z0-9]\.[a-z]{2,6}\b")
_MESSENGERS = frozenset({"whatsapp", "telegram", "viber", "wechat", "signal", "skype", "line"})
_CONTACT_RE = re.compile(r"\+?\d(?:[\s()./-]{0,3}\d){8,}"
                         r"|" + EMAIL_RE.pattern +
                         r"|(?:wa\.me|t\.me)/\S{1,64}"
                         # a web address without its scheme: shop-example.com, zaim.ru/online
                         r"|\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|net|org|info|biz|shop|store|online|site|top|xyz|io|co|"
                         r"ru|de|fr|es|it|pt|pl|br|mx|ar|uk|eu|us|in|ua|by|kz)\b(?:/\S{0,200})?"
                         r"|(?i:whatsapp|telegram|viber|wechat|skype)\s*:?\s*(?:@\w{3,32}|\+?\d[\d\s-]{6,20}\d)")
_SCRIPT_RES = dict(SCRIPTS)
#: A block with less than this share of the article language's function words is not its prose.
FOREIGN_STOP_RATIO = 0.06


def _token_kinds(text: str, script: str, lex_spans: List[Tuple[int, int]],
                 contact_spans: Sequence[Tuple[int, int]] = ()):
    """For each whitespace token: (start, end, kind) with kind in
    url/contact/lex/foreign/word (a contact: a phone number, an e-mail address
    or a messenger handle, a way to reach the seller)."""
    other = [p for name, p in SCRIPTS if name != script]
    own = _SCRIPT_RES.get(script)
    # An ASCII token's only script letters are Latin ones, A-Z and a-z (no other
    # pattern matches ASCII): they are the article's own letters when its script
    # is Latin, other letters when it has another script with a pattern.
    ascii_foreign = own is not None and script != "latin"
    out = []
    li = 0
    for m in _TOKEN_RE.finditer(text):
        s, e, tok = m.start(), m.end(), m.group()
        while li < len(lex_spans) and lex_spans[li][1] <= s:
            li += 1
        if URL_RE.match(tok) or tok.startswith(("http", "www.")):
            kind = "url"
        elif any(a < e and s < z for a, z in contact_spans):
            kind = "contact"
        elif li < len(lex_spans) and lex_spans[li][0] < e:
            kind = "lex"
        elif tok.isascii():
            # (an ASCII token has a letter iff its upper and lower case differ)
            kind = "foreign" if ascii_foreign and tok.upper() != tok.lower() else "word"
        else:
            n_own = len(own.findall(tok)) if own else 0
            n_other = sum(len(p.findall(tok)) for p in other) if own else 0
            kind = "foreign" if n_other > n_own else "word"
        out.append((s, e, kind))
    return out


def _spam_sentence(kinds) -> Optional[str]:
    n_url = sum(1 for k in kinds if k[2] == "url")
    n_contact = sum(1 for k in kinds if k[2] == "contact")
    n_lex = sum(1 for k in kinds if k[2] == "lex")
    n_for = sum(1 for k in kinds if k[2] == "foreign")
    n_word = len(kinds) - n_url - n_contact - n_lex - n_for
    if n_url >= 2 and n_word + n_contact <= 3:
        return f"link dump: {n_url} URLs"
    if n_url >= 1 and (n_lex >= 2 or n_for >= 3):
        return f"{n_url} URL(s) with {n_lex} commercial and {n_for} foreign-script words"
    if n_contact >= 1 and n_lex >= 2:
        return f"a phone number, an address or a messenger handle with {n_lex} commercial words"
    if n_url == 0 and n_lex >= 2 and n_for >= 3 and (n_lex + n_for) >= 0.6 * len(kinds):
        return f"commercial vocabulary in another script ({n_lex} + {n_for} of {len(kinds)} words)"
    return None


def spam(ctx: Context) -> List[Finding]:
    """Rules spam.links, spam.block and spam.tail, block by block."""
    doc = ctx.doc
    lex = lexicon.matcher("spam_lexicon", doc.config.extra_phrases)
    lex_first = lexicon.first_words("spam_lexicon", doc.config.extra_phrases)
    out: List[Finding] = []
    script = doc.script
    for b, f in zip(doc.blocks, doc.feats):
        text = b.text
        contacts: List[Tuple[int, int]] = []
        # (a contact makes spam only with commercial words: looked for only then)
        if not lex_first.isdisjoint(f.words) and (
                "@" in text or "." in text and _DOMAIN_HINT_RE.search(text) is not None
                or _NINE_DIGITS_RE.search(text) is not None or not _MESSENGERS.isdisjoint(f.words)):
            contacts = [m.span() for m in _CONTACT_RE.finditer(text)]
        if not f.n_urls and not contacts and sum(f.scripts.values()) - f.scripts.get(script, 0) < 3:
            continue  # cheap exit: no URL or contact, (almost) no letters in another script
        if f.n_urls >= 2 and f.url_chars >= 0.5 * len(b.text):
            out.append(doc.block_finding(b.index, CATEGORY, f"bare link dump ({f.n_urls} URLs)", "spam.links", 1.0))
            continue
        lex_spans = [m.span() for m in lex.finditer(b.text)]
        if not f.n_urls and not contacts and len(lex_spans) < 2:
            continue
        sents = sentence_spans(b.text)
        starts = [start for start, _ in lex_spans]  # sorted: finditer goes left to right
        verdicts = []
        for s, e in sents:
            mine = lex_spans[bisect_left(starts, s):bisect_left(starts, e)]
            kinds = _token_kinds(b.text[s:e], doc.script, [(start - s, end - s) for start, end in mine if end <= e],
                                 [(a - s, z - s) for a, z in contacts if a < e and s < z])
            verdicts.append((s, e, kinds, _spam_sentence(kinds)))
        # The trailing run of spam sentences.
        k = len(verdicts)
        while k > 0 and verdicts[k - 1][3]:
            k -= 1
        if k == len(verdicts):
            continue
        s0, _, kinds, verdict = verdicts[k]
        why = cast(str, verdict)  # verdicts[k:] are all spam (the loop above)
        # Where inside the first spam sentence does the spam start? A short lead-in
        # ("Get cheap payday loans") goes with it; after a longer one, cut at the
        # first URL, commercial or foreign-script token.
        # (A block that is all spam sentences and holds none of the article
        # language's function words has no article lead-in: it goes whole.)
        cut = s0
        first = next((i for i, t in enumerate(kinds) if t[2] != "word"), 0)
        if first > 3 and not (k == 0 and doc.stops and f.n_words >= 6 and f.stop_ratio < FOREIGN_STOP_RATIO):
            cut = s0 + kinds[first][0]
        if cut == 0:
            out.append(doc.block_finding(b.index, CATEGORY, why, "spam.block", 1.0))
        else:
            out.append(Finding(b.start + cut, b.end, CATEGORY, f"{why}, glued to the end of a paragraph",
                               "spam.tail", 0.95, None))
    return out
