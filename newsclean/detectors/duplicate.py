"""``duplicate``: the same paragraph twice (e.g. a lead repeated under its dateline).

Paragraphs are compared on their words only, ignoring a leading dateline. Of a
group of copies the fullest stays (the one carrying the dateline), the others
go. Short blocks (below ``Config.duplicate_min_words``) are never duplicates, so
a legitimately repeated short sentence stays.
"""
from __future__ import annotations

from typing import Dict, List

from ..metadata import split_dateline
from ..model import Finding
from ..textutil import norm_key

CATEGORY = "duplicate"
ORDER = 40


def pass1(doc) -> List[Finding]:
    groups: Dict[str, List[int]] = {}
    for b, f in zip(doc.blocks, doc.feats):
        if f.n_words < doc.config.duplicate_min_words:
            continue
        _, body_start = split_dateline(b.text)
        key = norm_key(b.text[body_start:])
        groups.setdefault(key, []).append(b.index)
    out: List[Finding] = []
    for key, idx in groups.items():
        if len(idx) < 2:
            continue
        keep = max(idx, key=lambda i: (len(doc.blocks[i].text), -i))
        for i in idx:
            if i != keep:
                out.append(doc.block_finding(i, CATEGORY, f"same text as block {keep}", "duplicate.block", 1.0))
    return out
