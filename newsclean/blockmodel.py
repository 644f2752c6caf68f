"""Learned block scorer for text mode (whole-page text, no DOM).

A logistic regression over language-independent block features (length,
sentence shape, function-word rate, position, the rule-based core, topical
cohesion, the neighbours' shape) estimates how likely a block is article text.
Its probability reweights the rule-based core scores before the maximum
subarray picks the article body. Weights: ``newsclean/data/blockmodel.json``,
trained by ``benchmarks/train_blockmodel.py`` on pages the user can download
(see docs/benchmarks.md for the cross-validated effect). No word identities are
used, so it does not learn any site's or page's text.
"""
from __future__ import annotations

import json
import math
from operator import mul
from functools import lru_cache
from importlib import resources
from typing import List, Optional

FEATURES = (
    "bias", "log_words", "ends_sentence", "stop_ratio", "is_prose", "flagged", "bullet", "position",
    "in_core", "core_edge", "cohesion", "prev_words", "next_words", "prev_sentence", "next_sentence",
    "prev_flagged", "next_flagged", "has_url", "caps_ratio", "digit_ratio", "mean_word_len", "prose_near",
    "headline_shape",
)


@lru_cache(maxsize=1)
def weights() -> Optional[dict]:
    try:
        data = json.loads(resources.files("newsclean").joinpath("data", "blockmodel.json").read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    if data.get("features") != list(FEATURES):
        return None
    return data


def features(doc, scores: List[float], only_unflagged: bool = False) -> List[Optional[List[float]]]:
    """One feature vector per block (same order as FEATURES); with
    ``only_unflagged``, None for blocks a detector already flagged (the model
    never judges those)."""
    from .core import _cohesion, _max_run, is_prose

    n = len(doc.blocks)
    a, z = _max_run(scores)
    feats = doc.feats
    prose = [is_prose(f, doc.config) for f in feats]
    candidates = [i for i in range(max(a, 0), z + 1) if prose[i] and doc.label[i] is None] if z >= a else []
    coh = _cohesion(doc, candidates) if len(candidates) >= 3 else {}
    prefix = [0]
    for p in prose:
        prefix.append(prefix[-1] + p)
    out = []
    for i, (b, f) in enumerate(zip(doc.blocks, feats)):
        if only_unflagged and doc.label[i] is not None:
            out.append(None)
            continue
        text = b.text
        ws = text.split()
        nws = len(ws)
        caps = sum(map(str.isupper, [w[0] for w in ws])) / nws if nws else 0.0
        digits = sum(map(str.isdigit, text)) / len(text) if text else 0.0
        prev_f = feats[i - 1] if i > 0 else None
        next_f = feats[i + 1] if i + 1 < n else None
        inside = a <= i <= z
        edge = min(abs(i - a), abs(i - z)) / 10.0 if z >= a else 1.0
        near = (prefix[min(n, i + 4)] - prefix[max(0, i - 3)] - prose[i]) / 6.0
        out.append([
            1.0,
            math.log1p(f.n_words),
            float(f.ends_sentence),
            f.stop_ratio,
            float(prose[i]),
            float(doc.label[i] is not None),
            float(f.bullet),
            i / n,
            float(inside),
            min(edge, 1.0) * (1 if inside else -1),
            coh.get(i, 0.0),
            math.log1p(prev_f.n_words) if prev_f else 0.0,
            math.log1p(next_f.n_words) if next_f else 0.0,
            float(prev_f.ends_sentence) if prev_f else 0.0,
            float(next_f.ends_sentence) if next_f else 0.0,
            float(i > 0 and doc.label[i - 1] is not None),
            float(i + 1 < n and doc.label[i + 1] is not None),
            float(f.n_urls > 0),
            caps,
            digits,
            ((len(text) - nws + 1) / nws) / 10.0 if nws else 0.0,
            near,
            float(5 <= f.n_words <= 25 and not f.ends_sentence),
        ])
    return out


def probabilities(doc, scores: List[float], w: dict) -> List[float]:
    coef = w["coef"]
    exp = math.exp
    return [1.0 / (1.0 + exp(-max(-30.0, min(30.0, sum(map(mul, coef, v)))))) if v is not None else 0.0
            for v in features(doc, scores, only_unflagged=True)]


WHOLE_PAGE_BLOCKS = 30
WHOLE_PAGE_SHORT_SHARE = 0.5


def whole_page(doc) -> bool:
    """The model was trained on whole-page text (menus, footers and all): it is
    applied only to input of that shape -- many blocks, most of them short
    lines -- never to an article with a little junk around it, where the rules
    alone are right and a model's mistake would cost article text."""
    n = len(doc.blocks)
    if n < WHOLE_PAGE_BLOCKS:
        return False
    short = sum(1 for f in doc.feats if f.n_words < doc.config.prose_min_words)
    return short / n >= WHOLE_PAGE_SHORT_SHARE


def rescore(doc, scores: List[float]) -> List[float]:
    """Reweight the rule-based core scores of unflagged blocks by the model's
    probability that the block is article text. Flagged blocks keep their
    (negative) scores: the model never overrules a detector."""
    w = weights()
    if w is None or not whole_page(doc):
        return scores
    probs = probabilities(doc, scores, w)
    doc.block_prob = probs
    cut = w.get("threshold", 0.5)
    out = list(scores)
    for i, (s, p) in enumerate(zip(scores, probs)):
        if doc.label[i] is not None:
            continue
        weight = max(1.0, float(min(doc.feats[i].n_words, 150)))
        out[i] = weight * (p - cut) * 2.0 if s > 0 or p < cut else max(s, weight * (p - cut) * 2.0)
    return out


def unlikely_blocks(doc) -> List[int]:
    """Unflagged blocks the model finds very unlike article text (probability
    under the model's ``drop_below``), for the boilerplate detector's pass 2."""
    w = weights()
    probs = getattr(doc, "block_prob", None)
    if w is None or probs is None:
        return []
    low = w.get("drop_below", 0.0)
    return [i for i, p in enumerate(probs) if p < low and doc.label[i] is None and i not in doc.meta_blocks]
