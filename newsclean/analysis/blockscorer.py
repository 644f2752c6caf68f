"""Learned block scorer for text mode (whole-page text, no DOM).

A logistic regression over language-independent block features estimates how
likely a block is article text: its own shape (length, sentence end, function-
word rate, capitals, digits, commas, word length, a trailing colon or ellipsis,
a time of day, a "(12)" counter, repetition elsewhere on the page), where it
stands (position in the page, inside or outside the rule-based core, distance
to its edges, share of the page's prose before it), its topic (cohesion with
the core's other paragraphs, overlap with the core's first paragraphs and with
the page's first lines) and its neighbours (length, sentence end and pass-1
flags of the two blocks either side, prose and flagged blocks around it). No
word identities are used: nothing of any site's or page's text is learned.

The probability reweights the rule-based core scores before the maximum
subarray picks the article body (:func:`rescore`), and blocks it finds very
unlike article text are removed in pass 2 (:func:`unlikely_blocks`, rule
``boilerplate.model``). Blocks a pass-1 detector flagged, and one- or two-word
lines without a sentence end (menus), are left to the rules.

Weights: ``newsclean/data/blockmodel.json``, written by
``benchmarks/train_blockmodel.py`` (which also cross-validates it by page).
Pure Python at inference time.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain
from typing import TYPE_CHECKING, List, Mapping, Optional, Sequence, Tuple

from .scores import is_prose, max_run
from .topic import cohesion, content_words_of, head_of

if TYPE_CHECKING:
    from .document import Document, Features

FEATURES = (
    "bias", "log_words", "ends_sentence", "stop_ratio", "is_prose", "bullet", "has_url", "caps_ratio",
    "digit_ratio", "comma_rate", "mean_word_len", "ends_colon", "ends_ellipsis", "has_time", "count_suffix",
    "headline_shape", "repeated", "rel_length", "position", "in_core", "core_distance", "core_edge",
    "core_relpos", "prose_before", "cohesion", "core_overlap", "title_overlap", "prev_words", "next_words",
    "prev2_words", "next2_words", "prev_sentence", "next_sentence", "prev_flagged", "next_flagged",
    "prev2_flagged", "next2_flagged", "prose_near", "flagged_near", "rule_score",
)

#: Lines shorter than this many words, without a sentence end, are not judged
#: by the model (menus, buttons, section names): the rules keep them.
MIN_WORDS = 3
#: Topical features only for blocks of at least this many words.
TOPIC_MIN_WORDS = 4
#: How many of the page's first blocks stand for its title.
TITLE_BLOCKS = 3

_DIGIT_RE = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"


def _capitalised(ws: List[str]) -> int:
    """How many of the (non-empty) words ``ws`` start with a capital letter."""
    k = 0
    for w in ws:
        if w[0].isupper():
            k += 1
    return k


def _count_digits(s: str) -> int:
    """How many characters of ``s`` are decimal digits (what ``\\d`` matches);
    ASCII text by deleting the digits' bytes, no regex (tests/test_blockmodel.py
    checks both paths against the regex)."""
    if s.isascii():
        b = s.encode("ascii")
        return len(b) - len(b.translate(None, _ASCII_DIGITS))
    return len(_DIGIT_RE.findall(s))
_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
_COUNT_RE = re.compile(r"\(\d+\)$")


@lru_cache(maxsize=1)
def weights() -> Optional[dict]:
    """The packaged model, or None when it is missing or was trained for other features."""
    try:
        data = json.loads(resources.files("newsclean").joinpath("data", "blockmodel.json").read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    if data.get("features") != list(FEATURES) or len(data.get("coef", ())) != len(FEATURES):
        return None
    return data


def judged(f: Features) -> bool:
    """Whether the model judges a block with features ``f`` (if no detector flagged it)."""
    return f.n_words >= MIN_WORDS or f.ends_sentence


def features(doc: Document, scores: List[float], label: Sequence[Optional[str]]) -> List[Optional[List[float]]]:
    """One feature vector per block, in the order of FEATURES; None for the blocks
    the model does not judge (``label``: proposed by a pass-1 rule; or a short
    line). ``scores`` are the rule-based scores (:func:`newsclean.analysis.scores.score`)."""
    blocks, feats, cfg = doc.blocks, doc.feats, doc.config
    n = len(blocks)
    if not n:
        return []
    first, last = max_run(scores)
    n_words = [f.n_words for f in feats]
    # Neighbour lookups: index -1/-2 and n/n+1 read the padding at the end.
    log_words = list(map(math.log1p, n_words)) + [0.0, 0.0]
    sentence = [1.0 if f.ends_sentence else 0.0 for f in feats] + [0.0, 0.0]
    flagged = [0.0 if lab is None else 1.0 for lab in label] + [1.0, 1.0]
    prose = [is_prose(f, cfg) for f in feats]
    free = [p and lab is None for p, lab in zip(prose, label)]
    cands = [i for i in range(first, last + 1) if free[i]] if last >= first else []
    coh = cohesion(doc, cands) if len(cands) >= 3 else {}
    # Prefix sums: prose_sum[i] counts the prose blocks among 0..i-1; the same
    # for flagged blocks and for the words of unflagged prose.
    prose_sum = list(accumulate(prose, initial=0))
    flagged_sum = list(accumulate(flagged[:n], initial=0.0))
    words_sum = list(accumulate([x if p else 0 for x, p in zip(n_words, free)], initial=0))
    total = words_sum[-1] or 1
    core_len = last - first + 1
    # Topical reference: content words of the core's first paragraphs.
    head = head_of(cands)
    headset = set(head)
    ref = Counter(chain.from_iterable(content_words_of(doc, i) for i in head))
    top: set = set()
    for i in range(min(TITLE_BLOCKS, n)):
        top |= content_words_of(doc, i)
    ref1 = frozenset(ref)                               # words of the core's head
    ref2 = frozenset(w for w, c in ref.items() if c > 1)  # ... in two of its blocks or more
    seen = Counter(b.text for b in blocks)  # how many times each line occurs
    lmax = math.log1p(max(n_words)) or 1.0
    out: List[Optional[List[float]]] = []
    for i, f in enumerate(feats):
        if label[i] is not None or not judged(f):
            out.append(None)
            continue
        nwi = f.n_words
        text = blocks[i].text
        ws = text.split(None, 20)[:20]
        k = len(ws)
        head_chars = text[:400]
        nd = _count_digits(head_chars)
        if last < first:
            dist, edge, rel, inside = n, 0, -1.0, 0.0
        elif i < first:
            dist, edge, rel, inside = first - i, 0, -0.5, 0.0
        elif i > last:
            dist, edge, rel, inside = i - last, 0, 1.5, 0.0
        else:
            dist, edge, rel, inside = 0, min(i - first, last - i), (i - first) / core_len, 1.0
        ovl = tov = 0.0
        if nwi >= TOPIC_MIN_WORDS:
            cw = content_words_of(doc, i)
            if cw:
                ovl = len(cw & (ref2 if i in headset else ref1)) / len(cw)
                if i >= TITLE_BLOCKS:
                    tov = len(cw & top) / len(cw)
        lo = i - 3 if i > 3 else 0
        hi = i + 4 if i + 4 < n else n
        s = scores[i]
        named = {
            "bias": 1.0,
            "log_words": log_words[i],
            "ends_sentence": sentence[i],
            "stop_ratio": f.stop_ratio,
            "is_prose": 1.0 if prose[i] else 0.0,
            "bullet": 1.0 if f.bullet else 0.0,
            "has_url": 1.0 if f.n_urls > 0 else 0.0,
            "caps_ratio": _capitalised(ws) / k,
            "digit_ratio": nd / len(head_chars),
            "comma_rate": text.count(",") / (nwi or 1),
            "mean_word_len": len(text) / (k if k < 20 else text.count(" ") + 1) / 10.0,
            "ends_colon": 1.0 if text[-1] == ":" else 0.0,
            "ends_ellipsis": 1.0 if text.endswith(("…", "...")) else 0.0,
            # (the cheap tests first: a time needs a digit and a colon, a counter ends in ")")
            "has_time": 1.0 if nd and ":" in text and _TIME_RE.search(text) is not None else 0.0,
            "count_suffix": 1.0 if text[-1] == ")" and _COUNT_RE.search(text) is not None else 0.0,
            "headline_shape": 1.0 if 5 <= nwi <= 25 and not f.ends_sentence else 0.0,
            "repeated": 1.0 if seen[text] > 1 else 0.0,
            "rel_length": log_words[i] / lmax,
            "position": i / n,
            "in_core": inside,
            "core_distance": (dist if dist < 20 else 20) / 20.0,
            "core_edge": (edge if edge < 20 else 20) / 20.0,
            "core_relpos": rel,
            "prose_before": words_sum[i] / total,
            "cohesion": coh.get(i, 0.0),
            "core_overlap": ovl,
            "title_overlap": tov,
            "prev_words": log_words[i - 1],
            "next_words": log_words[i + 1],
            "prev2_words": log_words[i - 2],
            "next2_words": log_words[i + 2],
            "prev_sentence": sentence[i - 1],
            "next_sentence": sentence[i + 1],
            "prev_flagged": flagged[i - 1],
            "next_flagged": flagged[i + 1],
            "prev2_flagged": flagged[i - 2],
            "next2_flagged": flagged[i + 2],
            "prose_near": (prose_sum[hi] - prose_sum[lo] - prose[i]) / 6.0,
            "flagged_near": (flagged_sum[hi] - flagged_sum[lo]) / 7.0,
            "rule_score": -1.0 if s < -30.0 else (1.0 if s > 30.0 else s / 30.0),
        }
        # The dict's keys are FEATURES in order (tests/test_blockmodel.py checks it):
        # its values are the vector.
        out.append(list(named.values()))
    return out


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-(-30.0 if x < -30.0 else (30.0 if x > 30.0 else x))))


def _dot(coef: List[float], v: List[float]) -> float:
    """``coef · v``, added up left to right. A loop, not ``sum()``: the same
    result on every Python version (``sum()`` of floats is compensated from
    3.12 on)."""
    acc = 0.0
    for c, x in zip(coef, v):
        acc += c * x
    return acc


def probabilities(doc: Document, scores: List[float], label: Sequence[Optional[str]],
                  w: dict) -> List[Optional[float]]:
    """The model's probability that each block is article text (None: not judged)."""
    coef = w["coef"]
    return [None if v is None else _sigmoid(_dot(coef, v)) for v in features(doc, scores, label)]


#: Score of a judged block: SCALE * words * (p - threshold), words capped.
SCALE = 2.0
WORDS_CAP = 150

Probabilities = List[Optional[float]]


def rescore(doc: Document, scores: List[float], label: Sequence[Optional[str]],
                 page: bool) -> Tuple[List[float], Probabilities]:
    """Replace the rule-based score of every judged block by one from the
    model's probability: ``2 * words * (p - threshold)``, so a paragraph the
    model doubts pulls the maximum subarray away from it (a comment thread, a
    box of other stories) and one it trusts can join the run. A block the rules
    scored negatively (a short line) is raised only, never lowered. Blocks the
    model does not judge keep their scores: the model never overrules a
    detector. Returns the new scores and the probabilities (empty when the
    model was not applied; None for blocks not judged)."""
    w = weights()
    # The model was trained on whole-page text (menus, footers and all): it is
    # applied only to input of that shape (``page``: analysis.shape.whole_page),
    # never to an article with a little junk around it, where the rules alone
    # are right and a model's mistake would cost article text.
    if w is None or not doc.config.block_model or not page:
        return scores, []
    probs = probabilities(doc, scores, label, w)
    cut = w.get("threshold", 0.5)
    out = list(scores)
    feats = doc.feats
    for i, p in enumerate(probs):
        if p is None:
            continue
        s = scores[i]
        nw = feats[i].n_words
        v = SCALE * (1.0 if nw < 1 else float(nw if nw < WORDS_CAP else WORDS_CAP)) * (p - cut)
        out[i] = v if s > 0 or p < cut or v > s else s
    return out, probs


def unlikely_blocks(probs: Probabilities, label: Sequence[Optional[str]], meta_blocks: Mapping[int, str]) -> List[int]:
    """Unflagged blocks the model finds very unlike article text (probability
    under the model's ``drop_below``)."""
    w = weights()
    if w is None or not probs:
        return []
    low = w.get("drop_below", 0.0)
    return [i for i, p in enumerate(probs)
            if p is not None and p < low and label[i] is None and i not in meta_blocks]
