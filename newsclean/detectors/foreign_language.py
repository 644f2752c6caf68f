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

from typing import TYPE_CHECKING, List

from .. import lexicon
from ..model import Finding
from ..textutil import script_counts, sentence_spans

if TYPE_CHECKING:
    from ..document import Document

CATEGORY = "foreign_language"
ORDER = 30

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
    if best_rate >= 0.25 and own_rate <= 0.06:
        return best
    return None


def pass2(doc: Document) -> List[Finding]:
    """In HTML mode, a foreign-script block that trafilatura kept inside the
    article body, between the article's own paragraphs, is a quotation (a verse,
    a cited passage): pass 1 proposed it, pass 2 withdraws the proposal."""
    if doc.mode != "html":
        return []
    a, z = doc.core
    if z - a < 2:
        return []
    unflagged = [k for k in range(a, z + 1) if doc.label[k] is None]
    if not unflagged:
        return []
    first, last = unflagged[0], unflagged[-1]
    # between the first and the last of the article's own (unflagged) blocks
    doc.withdraw([i for i in range(first + 1, last) if doc.label[i] == CATEGORY], CATEGORY)
    return []


def pass1(doc: Document) -> List[Finding]:
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
        if share >= ratio and f.n_urls == 0:
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
                if (tot - sc.get(doc.script, 0)) / tot >= 0.9:
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
        if doc.language and f.n_words >= 8 and f.stop_ratio < 0.06:
            cand = _other_language(f.words, doc.language)
            if cand:
                out.append(doc.block_finding(b.index, CATEGORY,
                                             f"block reads as {cand} (function words), article is in {doc.language}",
                                             "foreign.language", 0.8))
    return out
