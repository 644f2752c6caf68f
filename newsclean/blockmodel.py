"""Learned block scorer for text mode (placeholder: no model shipped yet).

``rescore(doc, scores)`` may return adjusted core scores for the blocks of a
text-mode document; returning ``scores`` unchanged keeps the rule-based core.
"""
from __future__ import annotations

from typing import List


def rescore(doc, scores: List[float]) -> List[float]:
    return scores
