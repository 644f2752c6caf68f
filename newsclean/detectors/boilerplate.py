"""``boilerplate``: site chrome -- navigation, section names, share/subscribe
buttons, photo credits and captions, comment widgets, copyright footers.

Pass 1 judges a block on its own: a whole line from ``data/boilerplate_lines.txt``,
a short line containing a phrase of ``data/boilerplate_phrases.txt``, a photo
credit (``data/credits.txt``), a caption ending in the site's name, a line with
no words. Pass 2 uses position: short non-sentence lines before the headline
or after the article body are navigation and footer.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List

from .. import lexicon
from ..core import is_prose
from ..model import Finding
from ..textutil import norm_key

if TYPE_CHECKING:
    from ..document import Document

CATEGORY = "boilerplate"
ORDER = 35

PHRASE_MAX_WORDS = 15
NOTICE_MAX_WORDS = 80
# "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "Follow him on Twitter @x"
_SOCIAL_RE = re.compile(r"\b(?:follow|folgen sie|suivez|síguenos|seguici|siga|obserwuj)\b[^.!?]{0,80}?"
                        r"\b(?:on|auf|sur|en|su|no|na)\s+(?:twitter|facebook|instagram|youtube|tiktok|linkedin|x\b)",
                        re.IGNORECASE)
# "Listen: http://...", "Download: https://..."
_SOCIAL_FIRST = frozenset({"follow", "folgen", "suivez", "síguenos", "seguici", "siga", "obserwuj"})
_LINK_LABEL_RE = re.compile(r"^[\w'’ ]{1,30}:\s*(?:https?://|www\.)\S+$")
_CONTACT_RE = re.compile(r"\b(?:reached at|contact|e-?mail|write to|tips?)\b", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
_SHORTCODE_RE = re.compile(r"^\[\w+(?:\s[^\]]*)?\].{0,300}\[/\w+\]$")
_STAMP_RE = re.compile(r"^(?:updated|published|posted|last updated|modified)\s*(?:at|on|:)?\s*"
                       r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\.?$", re.IGNORECASE)
_AGENCY_SPLIT_RE = re.compile(r"[/|,;]")
_COUNTER_RE = re.compile(r"[\d\W_]+")
_CREDIT_SEP_RE = re.compile(r"^\s*[:/|]")


def _line_key(text: str, ws=None) -> str:
    """The line's letters, lower case: "Comments (12)" -> "comments"; "Share »" -> "share".

    ``ws`` are the block's words (``Features.words``, ``\\w+`` runs of the
    casefolded text). When they are all letters, the key is just those words
    joined (the usual case, and much cheaper than the regex)."""
    if ws and "".join(ws).isalpha():
        return " ".join(ws)
    return " ".join(_COUNTER_RE.sub(" ", text.casefold()).split())


_SHARE_WORDS = frozenset(
    "share shares compartilhe compartilhar compartir comparte partager partagez teilen condividi udostępnij "
    "поделиться whatsapp facebook twitter x email e mail telegram linkedin pinterest reddit print drucken "
    "imprimir imprimer stampa copy link tweet messenger vk ok flipboard skopiuj kopiuj copiar copier kopieren "
    "copia".split())
_CREDIT_RES: dict = {}
_CREDIT_FIRST = frozenset({"copyright", "c"})


def _credit_re(prefixes: frozenset):
    rx = _CREDIT_RES.get(prefixes)
    if rx is None:
        alts = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        rx = re.compile(rf"^(?:{alts})(?:\s*[:/|]|(?<=\.)\s+\S|\s+by\s|\s+courtesy\b)", re.IGNORECASE)
        _CREDIT_RES[prefixes] = rx
    return rx


def _credit(text: str, n_words: int, prefixes: frozenset) -> str:
    t = text.strip()
    if t.startswith(("©", "(c)", "(C)", "Copyright", "copyright")) and n_words <= 30:
        return "copyright or photo credit"
    if n_words > 14:
        return ""
    low = t.casefold()
    m = _credit_re(prefixes).match(low)
    if m:
        return f"credit line (\u201c{t[:m.end()].rstrip(' :/|')}\u201d)"
    # A line made only of agency / photo-library names: "REUTERS", "AFP/Getty Images"
    parts = [p.strip() for p in _AGENCY_SPLIT_RE.split(low) if p.strip()]
    if parts and all(p in prefixes for p in parts) and n_words <= 6:
        return "agency or photo-library name"
    return ""


_GLUED_RES: dict = {}


def _credit_tail(ws, text: str, credits: frozenset) -> bool:
    """Cheap test before the regex: does the block end in a credit word?"""
    if not ws:
        return False
    return (ws[-1] in credits or " ".join(ws[-2:]) in credits or "©" in text[-80:]
            or not _CREDIT_WORDS.isdisjoint(ws[-6:]))


_CREDIT_WORDS = frozenset({"photo", "photos", "foto", "fotos", "image", "images", "picture", "credit", "credits"})


def _glued_credit(text: str, prefixes: frozenset) -> bool:
    """A caption whose credit is glued to its last sentence: "... in New York.Reuters",
    "... on Tuesday. (Photo: AFP)", "... at the summit. Getty Images"."""
    rx = _GLUED_RES.get(prefixes)
    if rx is None:
        agencies = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True) if len(p) >= 2)
        photo_copyright = r"(?:[,;]\s*(?:photos?|fotos?|images?|picture)\s*|[.!?”\"]\s*)©\s*[^©]{1,60}"
        photo_credit = r"\(?(?:photo|foto|image|picture|credit|fot\.)s?\s*[:/]?\s*[^()]{1,60}\)?"
        agency = rf"(?:{agencies})(?:\s*/\s*[\w ]{{1,30}})?"
        rx = re.compile(rf"(?:{photo_copyright}|[.!?”\"]\s*(?:{photo_credit}|{agency})|\s[-–—|]\s*{photo_credit})\s*$",
                        re.IGNORECASE)
        _GLUED_RES[prefixes] = rx
    m = rx.search(text, max(0, len(text) - 120))  # the credit is at the end: look there only
    return m is not None and m.start() > 0 and any(c.isupper() for c in text[m.start():])


def _phrase(pattern, keys: frozenset, f, text: str, max_words: int, what: str, rule: str):
    """(reason, rule) when a block of at most ``max_words`` words contains a phrase."""
    if f.n_words > max_words or keys.isdisjoint(f.words):
        return None
    m = pattern.search(text)
    return (f"{what} \u201c{m.group()}\u201d", f"boilerplate.{rule}") if m else None


def pass1(doc: Document) -> List[Finding]:
    cfg = doc.config
    lines = lexicon.phrase_set("boilerplate_lines", cfg.extra_phrases)
    drop = {" ".join(l.casefold().split()) for l in cfg.drop_lines}
    phrases = lexicon.matcher("boilerplate_phrases", cfg.extra_phrases)
    credits = lexicon.phrase_set("credits", cfg.extra_phrases)
    phrase_first = lexicon.first_words("boilerplate_phrases", cfg.extra_phrases)
    notices = lexicon.matcher("boilerplate_notices", cfg.extra_phrases)
    notice_first = lexicon.first_words("boilerplate_notices", cfg.extra_phrases)
    # What depends on the document only, once (not per block):
    src = doc.source
    src_key = norm_key(src) if src else ""
    src_tail = re.compile(r"[-|–—]\s*" + re.escape(src) + r"\s*$") if src else None
    # A src_tail match ends the line (but for trailing space) with the name: the
    # regex only for such lines.
    src_end = src.rstrip() if src else ""
    title_key = norm_key(doc.title) if doc.title else ""
    text_mode = doc.mode == "text"
    meta_blocks = doc.meta_blocks
    finding = doc.block_finding
    out: List[Finding] = []
    # Most blocks of a whole page are one- or two-word menu lines that no rule
    # takes: each rule's cheapest test comes first. (norm_key(text) is
    # " ".join(f.words): the features already hold the casefolded words.)
    for b, f in zip(doc.blocks, doc.feats):
        i = b.index
        if i in meta_blocks or f.table:
            continue  # table rows are content
        text = b.text
        n = f.n_words
        ws = f.words
        if n == 0:
            out.append(finding(i, CATEGORY, "no words", "boilerplate.empty", 0.9))
            continue
        if drop and " ".join(text.casefold().split()) in drop:
            out.append(finding(i, CATEGORY, "listed in drop_lines (configuration)", "boilerplate.drop_lines", 1.0))
            continue
        if text.count(" | ") >= 2 and not f.ends_sentence and all(
                len(part.split()) <= 4 for part in text.split(" | ")):
            out.append(finding(i, CATEGORY, "a row of links", "boilerplate.links", 0.85))
            continue
        if 2 <= n <= 8 and _SHARE_WORDS.issuperset(ws):
            out.append(finding(i, CATEGORY, "share bar", "boilerplate.share", 0.9))
            continue
        joined = " ".join(ws)  # norm_key(text), for the line, title and site tests
        # (a line of CJK punctuation, "・・・", counts characters as words but has none)
        if n <= 8 or not ws:
            key = _line_key(text, ws)
            if key in lines:
                out.append(finding(i, CATEGORY, f"site chrome line \u201c{key}\u201d", "boilerplate.line", 0.9))
                continue
            if not key:
                out.append(finding(i, CATEGORY, "numbers and symbols only", "boilerplate.empty", 0.9))
                continue
        if f.n_urls == 1 and f.url_chars >= len(text) - 2 and text_mode:
            out.append(finding(i, CATEGORY, "a bare URL", "boilerplate.url", 0.85))
            continue
        if title_key and n <= 30 and joined == title_key and i >= doc.core[0]:
            out.append(finding(i, CATEGORY, "repeats the headline", "boilerplate.title", 0.8))
            continue
        if n <= 40 and _credit_tail(ws, text, credits) and _glued_credit(text, credits):
            out.append(finding(i, CATEGORY, "caption ending in a photo credit", "boilerplate.caption", 0.85))
            continue
        if ws[0] in credits or text[0] in "©(" or ws[0] in _CREDIT_FIRST:
            why = _credit(text, n, credits)
            if why:
                out.append(finding(i, CATEGORY, why, "boilerplate.credit", 0.9))
                continue
        if src_tail is not None and n <= 40 and (joined == src_key or text.rstrip().endswith(src_end)
                                                 and src_tail.search(text) is not None):
            out.append(finding(i, CATEGORY, f"caption or link ending in the site name \u201c{src}\u201d",
                               "boilerplate.site", 0.9))
            continue
        hit = (_phrase(notices, notice_first, f, text, NOTICE_MAX_WORDS, "reprint or copyright notice", "notice")
               or _phrase(phrases, phrase_first, f, text, PHRASE_MAX_WORDS, "site chrome phrase", "phrase"))
        if hit:
            out.append(finding(i, CATEGORY, hit[0], hit[1], 0.85))
            continue
        if n <= 40 and not _SOCIAL_FIRST.isdisjoint(ws) and _SOCIAL_RE.search(text):
            out.append(finding(i, CATEGORY, "follow-us line", "boilerplate.social", 0.85))
            continue
        if f.n_urls == 1 and _LINK_LABEL_RE.match(text):
            out.append(finding(i, CATEGORY, "labelled link", "boilerplate.link", 0.85))
            continue
        if n <= 40 and "@" in text and _CONTACT_RE.search(text) and _EMAIL_RE.search(text):
            out.append(finding(i, CATEGORY, "author contact line", "boilerplate.contact", 0.8))
            continue
        if text[0] == "[" and _SHORTCODE_RE.match(text):
            out.append(finding(i, CATEGORY, "CMS shortcode", "boilerplate.shortcode", 0.9))
            continue
        if n <= 8 and _STAMP_RE.match(text):
            out.append(finding(i, CATEGORY, "time stamp", "boilerplate.stamp", 0.8))
            continue
        if (i > 0 and out and out[-1].block == i - 1 and doc.label[i - 1] is None
                and out[-1].rule == "boilerplate.line" and "," in text and not f.ends_sentence
                and _line_key(doc.blocks[i - 1].text, doc.feats[i - 1].words) in ("tags", "tagged")):
            out.append(finding(i, CATEGORY, "tag list", "boilerplate.tags", 0.85))
    return out


# Comment headers: "jbaxt says:", "Olivia (GiveWell) on October 4, 2018 at 10:58 am said:"
_COMMENT_RE = re.compile(r"^.{1,60}?\b(?:says|said|wrote|schreibt|écrit|dice|disse|pisze|пишет)\s*:?$"
                         r"|^.{1,60}?\bon\s.{4,40}\bat\s\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says)?:?$",
                         re.IGNORECASE)
# Cheap tests before _COMMENT_RE: its first form needs the verb at the end of
# the line, but for a colon after it (then within the last 8 characters before
# it); its second form a time ("10:58").
_COMMENT_END_RE = re.compile(r"(?:says|said|wrote|schreibt|écrit|dice|disse|pisze|пишет)\s*$", re.IGNORECASE)
_CLOCK_RE = re.compile(r"\d:\d\d")
COMMENT_TAIL = 3
# The last letters of those verbs, and every character that matches one of
# them ignoring case (tests/test_detectors.py checks this over all of Unicode):
# a header without a colon ends, before trailing space, in one of them.
_COMMENT_LAST = frozenset("sdetSDETтТſ\u1c84\u1c85")


def _comment_header(text: str) -> bool:
    """Whether ``_COMMENT_RE`` matches ``text`` (tests/test_properties.py checks
    the two agree), mostly without running it."""
    tail = text.rstrip()
    if tail[-1:] == ":":
        tail = tail[:-1].rstrip()
    if tail[-1:] not in _COMMENT_LAST or _COMMENT_END_RE.search(tail, max(0, len(tail) - 8)) is None:
        # (the longest verb has 8 letters) Not the first form; the second needs a time.
        if ":" not in text or _CLOCK_RE.search(text) is None:
            return False
    return _COMMENT_RE.match(text) is not None


def _comments(doc: Document) -> List[Finding]:
    """A comment section: two or more comment headers ("name says:"). From the
    first header to the replies after the last one, it is user content, not the
    article."""
    # (A header another rule already took still marks the section.)
    meta_blocks = doc.meta_blocks
    heads = [i for i, (b, f) in enumerate(zip(doc.blocks, doc.feats))
             if f.n_words <= 14 and i not in meta_blocks and _comment_header(b.text)]
    if len(heads) < 2 or heads[0] <= doc.core[0]:
        return []
    end = heads[-1]
    for k in range(heads[-1] + 1, min(len(doc.blocks), heads[-1] + 1 + COMMENT_TAIL)):
        if doc.label[k] is None and doc.feats[k].ends_sentence:
            end = k
        else:
            break
    label = doc.label
    why = f"comment section ({len(heads)} comment headers)"
    return [doc.block_finding(i, CATEGORY, why, "boilerplate.comments", 0.8)
            for i in range(heads[0], end + 1) if label[i] is None and i not in meta_blocks]


def pass2(doc: Document) -> List[Finding]:
    a, z = doc.core
    out: List[Finding] = []
    if z < a:
        return out
    out.extend(_comments(doc))
    if doc.mode == "text" and doc.config.block_model:
        from ..blockmodel import unlikely_blocks

        probs = doc.block_prob or []
        for i in unlikely_blocks(doc):
            out.append(doc.block_finding(i, CATEGORY, f"unlike article text (block model: p = {probs[i]:.2f})",
                                         "boilerplate.model", 0.5))
    if doc.mode == "html":
        # trafilatura's extraction already judged position; only stray one- or
        # two-word lines after the body ("international", a site name) go.
        for i in range(z + 1, len(doc.blocks)):
            if doc.label[i] is None and i not in doc.meta_blocks and _footer_line(doc, i):
                out.append(doc.block_finding(i, CATEGORY, "stray word after the article body",
                                             "boilerplate.footer", 0.6))
        return out
    title = doc.title_block
    label, meta_blocks, feats, finding = doc.label, doc.meta_blocks, doc.feats, doc.block_finding
    min_words = doc.config.prose_min_words
    for i in range(0, a):
        if label[i] is not None or i in meta_blocks:
            continue
        f = feats[i]
        if title is not None and i < title:
            out.append(finding(i, CATEGORY, "before the headline: page header", "boilerplate.header", 0.7))
        elif f.n_words < min_words and not f.ends_sentence:
            out.append(finding(i, CATEGORY, "short line before the article body", "boilerplate.nav", 0.7))
    for i in range(z + 1, len(doc.blocks)):
        if label[i] is None and i not in meta_blocks and _footer_line(doc, i):
            out.append(finding(i, CATEGORY, "short line after the article body", "boilerplate.footer", 0.6))
    return out


def _footer_line(doc: Document, i: int) -> bool:
    """A line that goes when it stands after the article body: in text mode a
    short line (not a list item or table row); in HTML mode, where trafilatura
    already chose the content, only a stray one- or two-word line."""
    f = doc.feats[i]
    if doc.mode == "html":
        return f.n_words <= 2 and not f.ends_sentence
    return f.n_words < doc.config.prose_min_words and not f.bullet and not f.table


def after_trimmed_body(doc: Document) -> List[Finding]:
    """The body is found before pass 2; when pass 2 removes its last paragraphs
    (a trailing teaser), the footer lines left between the new end of the body
    and them are "after the body" too, as a second run would find them."""
    a, z = doc.core
    if z < a:
        return []
    label = doc.label
    k = z
    while k >= a and (label[k] is not None or k in doc.meta_blocks or not is_prose(doc.feats[k], doc.config)):
        k -= 1
    if k < a or k == z or all(label[i] is None for i in range(k + 1, z + 1)):
        return []
    return [doc.block_finding(i, CATEGORY, "short line after the article body (after a removed teaser)",
                              "boilerplate.footer", 0.6)
            for i in range(k + 1, z + 1)
            if label[i] is None and i not in doc.meta_blocks and _footer_line(doc, i)]
