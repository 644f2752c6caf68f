"""``paywall``: registration, subscription, login, newsletter and cookie prompts.

Two rules:

- ``paywall.wall``: a short block announcing that the article continues only for
  subscribers or registered readers ("Create a FREE account to continue
  reading"), after the article has started. It and everything after it is
  removed, except later long article-like paragraphs; the Article is flagged
  ``paywalled``.
- ``paywall.prompt``: a short block made mostly of prompt phrases ("Already have
  an account? SIGN IN", cookie banners, newsletter sign-ups). A long article
  sentence that merely mentions "subscribers" or "sign in" stays.
"""
from __future__ import annotations

from typing import List

from ..text import lexicon
from ..analysis.findings import Finding
from .base import Context, Rule


CATEGORY = "paywall"

WALL_MAX_WORDS = 40
PROMPT_MAX_WORDS = 40
FOLLOW_MAX_WORDS = 20  # a block right after a prompt, with a prompt phrase of its own
# Several prompt phrases in a block count only in a short block: a longer one is
# a sentence about registering or subscribing (a scam warning, a media story).
MIXED_MAX_WORDS = 20
COOKIE_MAX_WORDS = 90
OPENING_MAX_WORDS = 25  # "Sign up for our newsletter: ..." -- a block that opens with a prompt
#: A wall counts only after this many prose blocks (the article has begun).
WALL_AFTER_PROSE = 2
#: Share of a block's letters in prompt phrases that makes it a prompt.
PROMPT_COVERAGE = 0.35

RULES = (
    Rule("paywall.wall", CATEGORY, "a wall announcing the article continues for subscribers",
         params=("WALL_MAX_WORDS", "WALL_AFTER_PROSE")),
    Rule("paywall.region", CATEGORY, "what follows a wall, but for long article paragraphs", positional=True,
         params=("prose_min_words",)),
    Rule("paywall.prompt", CATEGORY, "a short block of registration, login, subscription or cookie prompts",
         params=("PROMPT_MAX_WORDS", "COOKIE_MAX_WORDS", "OPENING_MAX_WORDS", "MIXED_MAX_WORDS",
                 "FOLLOW_MAX_WORDS", "PROMPT_COVERAGE")),
)


def coverage(pattern, text: str) -> tuple:
    """(share of ``text``'s letters inside matches, number of distinct matches)."""
    matches = [m.group() for m in pattern.finditer(text)]
    if not matches:
        return 0.0, 0
    letters = sum(map(str.isalnum, text))
    if not letters:
        return 0.0, 0
    covered = sum(sum(map(str.isalnum, m)) for m in matches)
    return covered / letters, len({m.casefold() for m in matches})


def is_prompt(pattern, text: str, n_words: int) -> tuple:
    """(is prompt, reason)."""
    if n_words > COOKIE_MAX_WORDS:
        return False, ""
    opening = pattern.match(text)
    if opening and "cookie" in opening.group().casefold():
        # a consent banner opens with the cookie notice itself, however long it is
        return True, f"cookie banner (\u201c{opening.group()}\u201d)"
    if opening and n_words <= OPENING_MAX_WORDS:
        return True, f"opens with a prompt (\u201c{opening.group()}\u201d)"
    if n_words > PROMPT_MAX_WORDS:
        return False, ""
    cov, distinct = coverage(pattern, text)
    if not distinct:
        return False, ""
    if cov >= PROMPT_COVERAGE or (n_words <= 3 and cov >= 0.3):
        return True, f"prompt phrases cover {cov:.0%} of the block"
    if distinct >= 2 and cov >= 0.2 and n_words <= MIXED_MAX_WORDS:
        return True, f"{distinct} distinct prompt phrases ({cov:.0%} of the block)"
    return False, ""


def paywall(ctx: Context) -> List[Finding]:
    """Rules paywall.wall, paywall.region and paywall.prompt, in one pass down the page."""
    doc = ctx.doc
    cfg = doc.config
    wall = lexicon.matcher("paywall_wall", cfg.extra_phrases)
    prompt = lexicon.matcher("paywall_prompts", cfg.extra_phrases)
    wall_first = lexicon.first_words("paywall_wall", cfg.extra_phrases)
    prompt_first = lexicon.first_words("paywall_prompts", cfg.extra_phrases)
    out: List[Finding] = []
    prose_before = 0
    wall_at = None
    region_why = ""  # the reason of the blocks after the wall, once it is found
    prev_prompt = -2
    prose_min = cfg.prose_min_words
    for b, f in zip(doc.blocks, doc.feats):
        ws, n = f.words, f.n_words
        if wall_at is not None:
            # Inside the wall region: everything but long, prompt-free article prose.
            long_prose = (n >= 2 * prose_min and f.ends_sentence
                          and (prompt_first.isdisjoint(ws) or not prompt.search(b.text)))
            if not long_prose:
                out.append(doc.block_finding(b.index, CATEGORY, region_why, "paywall.region", 0.95))
            continue
        maybe_wall = not wall_first.isdisjoint(ws)
        if maybe_wall and n <= WALL_MAX_WORDS and prose_before >= WALL_AFTER_PROSE:
            m = wall.search(b.text)
            if m:
                wall_at = b.index
                region_why = f"after the paywall that starts at block {wall_at}"
                out.append(doc.block_finding(b.index, CATEGORY,
                                             f"wall: \u201c{m.group()}\u201d after the article began",
                                             "paywall.wall", 1.0))
                continue
        ok = False
        if not prompt_first.isdisjoint(ws):
            ok, why = is_prompt(prompt, b.text, n)
            if not ok and prev_prompt == b.index - 1 and n <= FOLLOW_MAX_WORDS and prompt.search(b.text):
                ok, why = True, "continues the prompt above it"
        if not ok and maybe_wall and n <= WALL_MAX_WORDS:
            ok, why = is_prompt(wall, b.text, n)
        if ok:
            out.append(doc.block_finding(b.index, CATEGORY, why, "paywall.prompt",
                                         0.9 if why.startswith("cookie banner") else 0.8))
            prev_prompt = b.index
        elif n >= prose_min:
            prose_before += 1
    return out
