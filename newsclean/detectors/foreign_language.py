"""``foreign_language``: fragments in another language than the article.

Cheap evidence only: the Unicode script of a block's letters against the
article's script; for same-script blocks (a German line in an English article),
the stop-word profile (none of the article language's function words, a quarter
of another's). The article's own language is decided once per document.
A foreign word or name inside a real sentence ("Spasibo [thank you]",
"Xi Jinping (習近平)") stays: only blocks, or whole unquoted sentences, that are
predominantly foreign are removed.
"""
from __future__ import annotations

from typing import List

from ..text import lexicon
from ..analysis.findings import Finding
from .base import Context, Rule
from ..text.words import script_counts, sentence_spans


CATEGORY = "foreign_language"

#: Same script, other language: at least this share of another language's
#: function words, and at most OWN_MAX of the article's.
OTHER_MIN = 0.25
OWN_MAX = 0.06
#: A sentence inside a block goes when this share of its letters is in another script.
SENTENCE_SHARE = 0.9

RULES = (
    Rule("foreign.script", CATEGORY, "a block mostly in another script", params=("foreign_script_ratio",
                                                                                "MIN_PLAIN_WORDS")),
    Rule("foreign.sentence", CATEGORY, "an unquoted sentence in another script", params=("SENTENCE_SHARE",)),
    Rule("foreign.language", CATEGORY, "a block in another language of the same script",
         params=("OTHER_MIN", "OWN_MAX")),
)

#: A block in another script is language only with at least this many plain
#: words (letters only): a handle (@name), a command (player.setav), a key
#: combination (Ctrl+Alt) or a code line is not a foreign sentence.
MIN_PLAIN_WORDS = 3


def _plain_words(text: str) -> int:
    return sum(1 for w in text.split() if w.isalpha())


_QUOTES = "\"'“”„«»‘’「『(["


def _other_language(ws, article_lang: str):
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
    if best_rate >= OTHER_MIN and own_rate <= OWN_MAX:
        return best
    return None


def quotations(ctx: Context) -> List[int]:
    """HTML mode: the blocks proposed as foreign that trafilatura kept inside
    the article body, between the article's own paragraphs. They are
    quotations (a verse, a cited passage): the pipeline withdraws the proposals."""
    doc, label, body = ctx.doc, ctx.marks.label, ctx.body
    if doc.mode != "html" or body.last - body.first < 2:
        return []
    own = [k for k in range(body.first, body.last + 1) if label[k] is None]
    if not own:
        return []
    return [i for i in range(own[0] + 1, own[-1]) if label[i] == CATEGORY]


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
    for b, f in zip(doc.blocks, doc.feats):
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
        if share >= ratio and f.n_urls == 0 and (f.script in ("cjk", "thai") or _plain_words(b.text) >= MIN_PLAIN_WORDS):
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
                if (tot - sc.get(doc.script, 0)) / tot >= SENTENCE_SHARE:
                    before = b.text[max(0, s - 40):s].rstrip()[-1:] if s else ""  # bounded: linear time
                    if sent[0] in _QUOTES or (before and before in _QUOTES):
                        continue
                    out.append(Finding(b.start + s, b.start + e, CATEGORY,
                                       "sentence in another script than the article", "foreign.sentence",
                                       0.8, None))
            continue
        # Same script, other language: the block has (almost) none of the
        # article language's function words and plenty of another's. Stop-word
        # profiles are decisive at this length; langdetect would cost ~20 ms a block.
        if doc.language and f.n_words >= 8 and f.stop_ratio < OWN_MAX:
            cand = _other_language(f.words, doc.language)
            if cand:
                out.append(doc.block_finding(b.index, CATEGORY,
                                             f"block reads as {cand} (function words), article is in {doc.language}",
                                             "foreign.language", 0.8))
    return out
