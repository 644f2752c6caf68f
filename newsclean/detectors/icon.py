"""``icon``: icon-font and sprite labels run together (``icon bookmark-bicon cameraicon ...``)."""
from __future__ import annotations

import re
from typing import List

from ..text import lexicon
from ..analysis.findings import Finding
from .base import Context, Rule


CATEGORY = "icon"

_TOKEN_RE = re.compile(r"\S+")
_LIGATURE_RE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")
_DASH_SPLIT_RE = re.compile(r"[-_]")
#: A run of icon labels inside a line goes when it has at least this many tokens.
MIN_RUN = 4
#: A whole line goes when at least this share of its tokens are icon labels (two unmistakable).
LINE_SHARE = 0.75

RULES = (
    Rule("icon.line", CATEGORY, "a line made of icon labels", params=("LINE_SHARE",)),
    Rule("icon.run", CATEGORY, "a run of icon labels inside a line", params=("MIN_RUN",)),
)


def _is_icon(token: str, vocab: frozenset) -> int:
    """2 = unmistakable icon label, 1 = icon vocabulary word, 0 = other."""
    t = token.strip(",;|·•").casefold()
    if not t:
        return 0
    if "icon" in t or _LIGATURE_RE.match(t) and t in vocab:
        return 2
    if _LIGATURE_RE.match(t):
        # Material-icon ligature names: "more_vert", "mail_outline", "content_copy"
        return 2 if any(p in vocab for p in t.split("_")) else 0
    if t in vocab:
        return 1
    parts = _DASH_SPLIT_RE.split(t)
    if len(parts) > 1 and all(p in vocab for p in parts if p):
        return 1
    return 0


def icon_labels(ctx: Context) -> List[Finding]:
    """Rules icon.line and icon.run: one tokenisation of each block serves both."""
    doc = ctx.doc
    vocab = lexicon.phrase_set("icons", doc.config.extra_phrases)
    out: List[Finding] = []
    for b, f in zip(doc.blocks, doc.feats):
        # Every rule needs two unmistakable labels: "icon" inside a token, or a
        # ligature name (with a "_"). Each holds its own "icon" or "_", so a block
        # with fewer than two of them in all cannot match.
        if f.n_words < 3:
            continue
        underscores = b.text.count("_")
        if underscores < 2 and underscores + b.text.casefold().count("icon") < 2:
            continue
        toks = [(m.start(), m.end(), _is_icon(m.group(), vocab)) for m in _TOKEN_RE.finditer(b.text)]
        if not toks:
            continue
        strong = sum(1 for t in toks if t[2] == 2)
        iconish = sum(1 for t in toks if t[2])
        if strong >= 2 and iconish / len(toks) >= LINE_SHARE:
            out.append(Finding(b.start, b.end, CATEGORY,
                               f"{iconish} of {len(toks)} tokens are icon labels", "icon.line", 1.0, b.index))
            continue
        # A run of icon labels glued to real text: remove the run only.
        i = 0
        while i < len(toks):
            if not toks[i][2]:
                i += 1
                continue
            j = i
            while j < len(toks) and toks[j][2]:
                j += 1
            run = toks[i:j]
            if len(run) >= MIN_RUN and sum(1 for t in run if t[2] == 2) >= max(2, len(run) // 2):
                out.append(Finding(b.start + run[0][0], b.start + run[-1][1], CATEGORY,
                                   f"run of {len(run)} icon labels", "icon.run", 0.9, None))
            i = j
    return out
