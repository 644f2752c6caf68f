"""``foreign_language``: fragments in another language than the article.

The Unicode script of a block's letters against the article's script; for
same-script text (a German line in an English article, an Italian sentence in
a Portuguese one), the stop-word profile first (few of the article language's
function words, plenty of another's) and langdetect as the deciding evidence
for lines and sentences the stop words leave in doubt: short ones, ones with
no function word of any list. The article's own language is decided once per
document.
A foreign word or name inside a real sentence ("Spasibo [thank you]",
"Xi Jinping (習近平)") stays: only blocks, or whole unquoted sentences, that are
predominantly foreign are removed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Sequence

from ..analysis.language import detect_line
from ..text import lexicon
from ..analysis.findings import Finding
from .base import Context, Params, Rule, params_of
from ..text.words import plain_ascii, script_counts, sentence_spans


CATEGORY = "foreign_language"

#: Same script, other language: at least this share of another language's
#: function words, and at most OWN_MAX of the article's.
OTHER_MIN = 0.25
OWN_MAX = 0.06
#: A sentence inside a block goes when this share of its letters is in another script.
SENTENCE_SHARE = 0.9
#: Lines and sentences the stop words leave in doubt (langdetect decides):
#: at least this many words ...
DOUBT_MIN_WORDS = 5
#: ... at most this share of the article language's function words ...
DOUBT_OWN_MAX = 0.12
#: ... and another language's function words (two at least, more than the
#: article language's) at least this share and this many times the article's
#: own, or no function word of any list in at least DOUBT_BARE_WORDS words ...
DOUBT_OTHER_MIN = 0.1
DOUBT_DOMINANCE = 2.0
DOUBT_BARE_WORDS = 6
#: ... and then at least this many letters its article's language does not write.
DOUBT_ALIEN_LETTERS = 2
#: A block of at most this many words is judged whole first, then sentence by sentence.
DOUBT_BLOCK_WORDS = 40
#: ... with words of letters for at least this share of its tokens (not a line of dates and scores) ...
DOUBT_WORD_SHARE = 0.6
#: ... and at least this share of its content words (no function word of any
#: list) in lower case: a line of names and titles is no sentence of any language ...
DOUBT_LOWER_SHARE = 0.6
#: ... or, in a language that capitalises its nouns, this share of all its words.
DOUBT_LOWER_SHARE_NOUNS = 0.4
NOUNS_CAPITALISED = frozenset({"de", "lb"})

RULES = (
    Rule("foreign.script", CATEGORY, "a block mostly in another script", params=("foreign_script_ratio",
                                                                                "MIN_PLAIN_WORDS", "QUOTE_MAX_BLOCKS")),
    Rule("foreign.sentence", CATEGORY, "an unquoted sentence in another script, or in another language of "
         "the same script (function words, then langdetect)",
         params=("SENTENCE_SHARE", "DOUBT_MIN_WORDS", "DOUBT_OWN_MAX", "DOUBT_OTHER_MIN", "DOUBT_DOMINANCE",
                 "DOUBT_BARE_WORDS", "DOUBT_ALIEN_LETTERS", "DOUBT_WORD_SHARE", "DOUBT_LOWER_SHARE", "DOUBT_LOWER_SHARE_NOUNS",
                 "DOUBT_BLOCK_WORDS", "QUOTE_MAX_BLOCKS")),
    Rule("foreign.language", CATEGORY, "a block in another language of the same script: function words, "
         "then langdetect for lines they leave in doubt",
         params=("OTHER_MIN", "OWN_MAX", "DOUBT_MIN_WORDS", "DOUBT_OWN_MAX", "DOUBT_OTHER_MIN", "DOUBT_DOMINANCE",
                 "DOUBT_BARE_WORDS", "DOUBT_ALIEN_LETTERS", "DOUBT_WORD_SHARE", "DOUBT_LOWER_SHARE", "DOUBT_LOWER_SHARE_NOUNS",
                 "DOUBT_BLOCK_WORDS", "QUOTE_MAX_BLOCKS")),
)

#: A block in another script is language only with at least this many plain
#: words (letters only): a handle (@name), a command (player.setav), a key
#: combination (Ctrl+Alt) or a code line is not a foreign sentence.
MIN_PLAIN_WORDS = 3


def _plain_words(text: str) -> int:
    return sum(1 for w in text.split() if w.isalpha())


# Words of letters, with their apostrophes ("wasn’t", "dell'articolo").
_LETTERS_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NOT_LETTER_RUN_RE = re.compile(r"[\d_']")
_QUOTES = "\"'“”„«»‘’「『(["
# A sentence that ends a quotation (its last one: "... we just visit.»") is quoted too.
_CLOSING_QUOTES = tuple("\"”»’」』")


def _other_language(ws, article_lang: str, p: Params):
    """Best other language by stop-word rate, if clearly ahead of the article's."""
    table = lexicon.stopwords()
    if article_lang not in table or len(ws) < 8:
        return None
    hits = lexicon.stopword_hits(ws)
    own_rate = hits.get(article_lang, 0) / len(ws)
    best, best_rate = None, 0.0
    for lang in table:  # first of equals wins, in the table's order
        if lang == article_lang:
            continue
        r = hits.get(lang, 0) / len(ws)
        if r > best_rate:
            best, best_rate = lang, r
    if best_rate >= p.OTHER_MIN and own_rate <= p.OWN_MAX:
        return best
    return None


# The letters beyond a-z that each language's alphabet has (Cyrillic: the
# Russian alphabet). A line with no function word of any list is looked at
# only when it has a letter its article's language does not write ("Rząd
# zapowiedział" in an English article).
_OWN_LETTERS = {
    "en": "", "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "es": "áéíñóúü", "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú", "pl": "ąćęłńóśźż", "nl": "áéèëïóöü",
}
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
#: Cyrillic letters (U+0400-U+04FF) that Russian does not write.
_NOT_RUSSIAN_RE = re.compile("[" + "".join(chr(c) for c in range(0x400, 0x500) if chr(c) not in _RUSSIAN) + "]")


def _alien_letters(ws: List[str], article_lang: str, p: Params) -> bool:
    """Whether the words ``ws`` (casefolded) hold DOUBT_ALIEN_LETTERS letters
    or more that the article language does not write."""
    text = "".join(ws)
    if article_lang == "ru":
        n = len(_NOT_RUSSIAN_RE.findall(text))
    elif article_lang in _OWN_LETTERS:
        if text.isascii():
            return False
        # (what is left once ASCII and the language's own letters are deleted)
        n = len(text.translate(_own_letters_table(article_lang)))
    else:
        return False
    return n >= p.DOUBT_ALIEN_LETTERS


@lru_cache(maxsize=None)
def _own_letters_table(article_lang: str) -> Dict[int, None]:
    """A str.translate table deleting ASCII and the letters of ``article_lang``."""
    return dict.fromkeys([*range(128), *map(ord, _OWN_LETTERS[article_lang])])


@lru_cache(maxsize=None)
def _function_words() -> frozenset:
    return frozenset().union(*lexicon.stopwords().values())


# ASCII bytes: a letter to itself in lower case, the apostrophe to itself, anything else to a space.
_ASCII_LETTER_BYTES = bytes((c | 0x20) if chr(c).isalpha() else (c if c == 0x27 else 0x20)
                            for c in range(128)) + b" " * 128


def _doubt_tokens(text: str, ws: Sequence[str]) -> List[str]:
    """The words _in_doubt looks at: runs of letters (with inner apostrophes)
    of two letters or more, casefolded, typographic apostrophes made plain.
    ``ws``: the block's words (``\\w`` runs, casefolded): the same runs, when
    the text is ASCII (but for typographic punctuation, text.words.plain_ascii)
    with no digit, underscore or apostrophe."""
    # (’ and ' are alike to _LETTERS_RE, and neither is a letter: the same runs with ’ made plain first)
    if "’" in text:
        text = text.replace("’", "'")
    plain = text if text.isascii() else plain_ascii(text)
    if plain is None:
        return [w.casefold() for w in _LETTERS_RE.findall(text) if len(w) > 1]
    if _NOT_LETTER_RUN_RE.search(plain) is None:
        return [w for w in ws if len(w) > 1]
    # ASCII with digits, underscores or apostrophes: runs of letters and
    # apostrophes by a byte table; the regex only inside those with an apostrophe.
    out: List[str] = []
    for run in plain.encode("ascii").translate(_ASCII_LETTER_BYTES).decode("ascii").split():
        if "'" in run:
            out.extend(w for w in _LETTERS_RE.findall(run) if len(w) > 1)
        elif len(run) > 1:
            out.append(run)
    return out


@lru_cache(maxsize=None)
def _foreign_only(article_lang: str) -> frozenset:
    """Function words of the other languages that are none of the article language's."""
    return _function_words() - lexicon.stopwords().get(article_lang, frozenset())


def _in_doubt(text: str, article_lang: str, p: Params) -> Optional[str]:
    """For a same-script line or sentence ``text`` the stop-word profile leaves
    in doubt: the other language langdetect finds it in, when the function
    words point away from the article's language; None otherwise."""
    n_tokens = len(text.split())
    # its words of letters, as written
    ws = [w for w in _LETTERS_RE.findall(text) if len(w) > 1]
    n = len(ws)
    if n < p.DOUBT_MIN_WORDS or n < p.DOUBT_WORD_SHARE * n_tokens:
        return None
    folded = [w.casefold().replace("’", "'") for w in ws]
    table = lexicon.stopwords()
    hits = lexicon.stopword_hits(folded)
    best_lang = max((lang for lang in table if lang != article_lang), key=lambda lang: hits.get(lang, 0))
    best = hits.get(best_lang, 0) / n
    # The article language's own function words, those the other language does not share ("in", "is").
    own_stops, other_stops = table[article_lang], table[best_lang]
    own = sum(1 for w in folded if w in own_stops and w not in other_stops) / n
    if own > p.DOUBT_OWN_MAX:
        return None
    pointed = best > 0 and (best >= p.DOUBT_OTHER_MIN and best >= p.DOUBT_DOMINANCE * own and hits[best_lang] >= 2
                            and hits[best_lang] > hits.get(article_lang, 0))
    # With too few function words of any list to point anywhere (a sentence
    # of nouns and verbs), the letters the article's language does not write
    # ("ł", "ğ") are the evidence, when none of its own function words is there.
    bare = own == 0 and n >= p.DOUBT_BARE_WORDS and _alien_letters(folded, article_lang, p)
    if not (pointed or bare):
        return None
    # A sentence, not a row of names and titles ("Blade Runner The Final Cut",
    # "Botic van de Zanschulp"): most of its content words in lower case; of
    # all its words in a language that capitalises its nouns (decided below,
    # once langdetect has named the language; both tested here, before it runs).
    # A word that opens a sentence is not counted as capitalised.
    openers = []
    for m in _LETTERS_RE.finditer(text):
        if len(m.group()) > 1:
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \"'“‘«(")
            openers.append(not before or before[-1] in ".!?:…")
    stops = _function_words()
    content_lower = [c[:1].islower() for w, c, o in zip(folded, ws, openers) if w not in stops and not o]
    sentence_like = not content_lower or sum(content_lower) >= p.DOUBT_LOWER_SHARE * len(content_lower)
    inner = [c[:1].islower() for c, o in zip(ws, openers) if not o]
    nouns_sentence_like = not inner or sum(inner) >= p.DOUBT_LOWER_SHARE_NOUNS * len(inner)
    if not (sentence_like or nouns_sentence_like):
        return None
    # langdetect, the dearest test of all, only when one of the languages it
    # could name would pass the tests its answer goes through below.
    if not any((nouns_sentence_like if lang in NOUNS_CAPITALISED else sentence_like)
               and not (best > 0 and hits.get(lang, 0) <= hits.get(article_lang, 0))
               for lang in table if lang != article_lang):
        return None
    ws = folded
    found = detect_line(" ".join(ws))
    if found is not None and found not in table and best >= p.OTHER_MIN and hits[best_lang] >= 3:
        found = best_lang  # (langdetect says "not the article's", the function words say which: nl for af)
    if found is None or found == article_lang or found not in table:
        return None
    if not (nouns_sentence_like if found in NOUNS_CAPITALISED else sentence_like):
        return None
    if best > 0 and hits.get(found, 0) <= hits.get(article_lang, 0):
        return None  # langdetect and the function words disagree
    return found


#: A passage in another language that the article's own line introduces with
#: a colon ("The Prophet said:") is a quotation when the article goes on after
#: it; at most this many blocks of it.
QUOTE_MAX_BLOCKS = 3


def quotations(ctx: Context) -> List[int]:
    """Blocks proposed as foreign, whole or in part, that are quotations (a
    verse, a cited passage): the pipeline withdraws the proposals.

    HTML mode: every one that trafilatura kept inside the article body, between
    the article's own paragraphs. Text mode: a run of at most QUOTE_MAX_BLOCKS
    between the article's own paragraphs, the first of which introduces it
    with a colon."""
    doc, marks, body = ctx.doc, ctx.marks, ctx.body
    label = marks.label
    quote_max = params_of(doc.config, CATEGORY).QUOTE_MAX_BLOCKS
    if body.last - body.first < 2:
        return []
    own = [k for k in range(body.first, body.last + 1) if label[k] is None]
    if not own:
        return []
    if doc.mode == "html":
        return [i for i in range(own[0] + 1, own[-1]) if label[i] == CATEGORY]

    def foreign(k: int) -> bool:
        return label[k] == CATEGORY or label[k] is None and any(f.category == CATEGORY for f in marks.spans.get(k, ()))

    out: List[int] = []
    for i in own[:-1]:
        if not marks.kept_text(i).rstrip().endswith(":"):
            continue
        run: List[int] = []
        k = i + 1
        while k <= own[-1] and len(run) < quote_max and foreign(k):
            run.append(k)
            k += 1
        if run and k <= own[-1] and label[k] is None:  # the article goes on after it
            out.extend(run)
    return out


def foreign_blocks(ctx: Context) -> List[Finding]:
    """Rules foreign.script, foreign.sentence and foreign.language, block by block."""
    doc = ctx.doc
    cfg = doc.config
    out: List[Finding] = []
    if doc.script == "none":
        return out
    script = doc.script
    cjk = script == "cjk"
    html_not_latin = doc.mode == "html" and script != "latin"
    ratio = cfg.foreign_script_ratio
    p = params_of(cfg, CATEGORY)
    # The fewest characters that hold DOUBT_MIN_WORDS words of two letters, one character apart.
    doubt_min_chars = 3 * p.DOUBT_MIN_WORDS - 1
    for b, f in ctx.lines():
        letters = sum(f.scripts.values())
        if letters < 3:
            continue
        own = f.scripts.get(script, 0)
        if cjk and own >= 2:
            continue  # Latin product names and terms are normal inside CJK sentences
        if html_not_latin and f.script == "latin":
            continue  # code, names, e-mail addresses in a non-Latin article trafilatura kept
        foreign = letters - own
        share = foreign / letters
        if share >= ratio and f.n_urls == 0 and (f.script in ("cjk", "thai") or _plain_words(b.text) >= p.MIN_PLAIN_WORDS):
            out.append(doc.block_finding(b.index, CATEGORY,
                                         f"{share:.0%} of letters are {f.script}, article is {doc.script}",
                                         "foreign.script", 0.9))
            continue
        if foreign >= 6 and f.n_words >= 6:
            # A whole unquoted sentence in another script inside the block.
            for s, e in sentence_spans(b.text):
                sent = b.text[s:e]
                sc = script_counts(sent)
                tot = sum(sc.values())
                if tot < 6 or len(sent.split()) < 3:
                    continue
                if (tot - sc.get(doc.script, 0)) / tot >= p.SENTENCE_SHARE:
                    before = b.text[max(0, s - 40):s].rstrip()[-1:] if s else ""  # bounded: linear time
                    if (sent[0] in _QUOTES or (before and before in _QUOTES)
                            or sent.rstrip().endswith(_CLOSING_QUOTES)):
                        continue
                    out.append(Finding(b.start + s, b.start + e, CATEGORY,
                                       "sentence in another script than the article", "foreign.sentence",
                                       0.8, None))
            continue
        # Same script, other language: the block has (almost) none of the
        # article language's function words and plenty of another's. Stop-word
        # profiles are decisive at this length; langdetect only decides what they leave in doubt.
        if not doc.language or doc.language not in lexicon.stopwords() or b.text[0] in _QUOTES:
            continue
        if f.n_words >= 8 and f.stop_ratio < p.OWN_MAX:
            cand = _other_language(f.words, doc.language, p)
            if cand:
                out.append(doc.block_finding(b.index, CATEGORY,
                                             f"block reads as {cand} (function words), article is in {doc.language}",
                                             "foreign.language", 0.8))
                continue
        # (cheap first: _in_doubt needs, in a line or sentence, a function word
        # of another language that is none of the article language's, or
        # letters the article's language does not write; the block's words,
        # tokenised as _in_doubt does, hold those of each of its sentences)
        if f.n_words < 2 * p.DOUBT_MIN_WORDS and len(b.text) < doubt_min_chars:
            continue  # (no sentences to split, and too short for DOUBT_MIN_WORDS words of two letters)
        tokens = _doubt_tokens(b.text, f.words)
        if _foreign_only(doc.language).isdisjoint(tokens) and not _alien_letters(tokens, doc.language, p):
            continue
        hits = lexicon.stopword_hits(f.words)
        if max((v for k, v in hits.items() if k != doc.language), default=0) < 2 \
                and not _alien_letters(f.words, doc.language, p):
            continue
        sents = sentence_spans(b.text) if f.n_words >= 2 * p.DOUBT_MIN_WORDS else [(0, len(b.text))]
        if f.n_urls == 0 and f.n_words <= p.DOUBT_BLOCK_WORDS and (
                cand := _in_doubt(b.text, doc.language, p)):
            out.append(doc.block_finding(b.index, CATEGORY,
                                         f"line reads as {cand} (function words and langdetect), "
                                         f"article is in {doc.language}", "foreign.language", 0.75))
            continue
        if len(sents) == 1:
            continue
        for s, e in sents:
            sent = b.text[s:e]
            before = b.text[max(0, s - 40):s].rstrip()[-1:] if s else ""  # bounded: linear time
            if (sent[0] in _QUOTES or (before and before in _QUOTES) or sent.rstrip().endswith(_CLOSING_QUOTES)
                    or "http" in sent or "www." in sent):
                continue
            cand = _in_doubt(sent, doc.language, p)
            if cand:
                out.append(Finding(b.start + s, b.start + e, CATEGORY,
                                   f"sentence reads as {cand} (function words and langdetect), "
                                   f"article is in {doc.language}", "foreign.sentence", 0.75, None))
    return out
