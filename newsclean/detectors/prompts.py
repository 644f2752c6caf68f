"""What the prompt rules share (paywall prompts, cookie notices, newsletter
boxes): a short block made mostly of a vocabulary's phrases, or one that opens
with one. A long article sentence that merely mentions "subscribers" or
"cookies" is no prompt.

The thresholds here are the defaults of the rules' parameters of the same
names in the modules that import them (``paywall.PROMPT_COVERAGE``,
``boilerplate.PROMPT_COVERAGE``): :func:`is_prompt` reads them from the
calling rule's parameters (:func:`newsclean.detectors.base.params_of`)."""
from __future__ import annotations

from typing import Callable, Optional, Tuple

from ..text import lexicon
from .base import Params

PROMPT_MAX_WORDS = 40
# Several prompt phrases in a block count only in a short block: a longer one is
# a sentence about registering or subscribing (a scam warning, a media story).
MIXED_MAX_WORDS = 20
#: A block that opens with a cookie notice counts up to this many words.
COOKIE_MAX_WORDS = 90
#: The names of cookies alone, no notice: "cookies", "pliki cookies", "файлы cookie".
COOKIE_TERMS = frozenset({"cookie", "cookies", "pliki cookies", "файлы cookie"})
OPENING_MAX_WORDS = 25  # "Sign up for our newsletter: ..." -- a block that opens with a prompt
#: Share of a block's letters in prompt phrases that makes it a prompt.
PROMPT_COVERAGE = 0.35


def coverage(pattern, text: str) -> Tuple[float, int]:
    """(share of ``text``'s letters inside matches, number of distinct matches)."""
    matches = [m.group() for m in pattern.finditer(text)]
    if not matches:
        return 0.0, 0
    letters = sum(map(str.isalnum, text))
    if not letters:
        return 0.0, 0
    covered = sum(sum(map(str.isalnum, m)) for m in matches)
    return covered / letters, len({m.casefold() for m in matches})


def reported(text: str) -> bool:
    """Whether ``text`` attributes words to a speaker or a source ("..., the
    authority said", data/attribution.txt): an article reports; a prompt
    addresses the reader."""
    return lexicon.matcher("attribution").search(text) is not None


def is_prompt(pattern, text: str, n_words: int, p: Params,
              runs_on: Optional[Callable[[str], bool]] = None) -> Tuple[bool, str]:
    """(is prompt, reason). ``p``: the calling rule's parameters (COOKIE_MAX_WORDS,
    OPENING_MAX_WORDS, PROMPT_MAX_WORDS, PROMPT_COVERAGE, MIXED_MAX_WORDS,
    BUTTON_WORDS). A short opening phrase that runs on into a sentence
    ("Entrar no Maracanã lotado ...", "Newsletter redakcji ma dziś ...", "I
    agree with the minister, ...") opens the sentence, not a prompt, unless
    ``runs_on`` says the rest is a call of the prompt's kind ("Register for
    free to read the rest of this story": :func:`_set_apart`)."""
    if n_words > p.COOKIE_MAX_WORDS:
        return False, ""
    ok, why = _is_prompt(pattern, text, n_words, p, runs_on)
    if ok and reported(text):
        return False, ""
    return ok, why


#: An opening prompt phrase of at most this many words that runs on into a
#: sentence ("I agree with the minister, ...", "Consent is at the heart of the
#: law", "Подписка на районную газету подорожала") opens the sentence (see
#: :func:`is_prompt` for the calls that run on).
BUTTON_WORDS = 2


def _set_apart(phrase: str, rest: str, button_words: int) -> bool:
    """Whether the opening ``phrase`` is a prompt of its own: a phrase of more
    than ``button_words`` words ("Sign up for our newsletter"), or one that the
    line ends with or that a mark sets apart from the rest ("Accept all |
    Manage preferences")."""
    if len(phrase.split()) > button_words:
        return True
    rest = rest.lstrip()
    return not rest or not (rest[0].isalnum() or rest[0] in ",;")


def _is_prompt(pattern, text: str, n_words: int, p: Params,
               runs_on: Optional[Callable[[str], bool]] = None) -> Tuple[bool, str]:
    opening = pattern.match(text)
    if opening and "cookie" in opening.group().casefold() and opening.group().casefold() not in COOKIE_TERMS:
        # a consent banner opens with the cookie notice itself ("We use
        # cookies"), however long it is; a paragraph that opens with the word
        # "Cookies" may be about them
        return True, f"cookie banner (\u201c{opening.group()}\u201d)"
    if opening and n_words <= p.OPENING_MAX_WORDS and (
            _set_apart(opening.group(), text[opening.end():], p.BUTTON_WORDS) or runs_on is not None and runs_on(text)):
        return True, f"opens with a prompt (\u201c{opening.group()}\u201d)"
    if n_words > p.PROMPT_MAX_WORDS:
        return False, ""
    cov, distinct = coverage(pattern, text)
    if not distinct:
        return False, ""
    if cov >= p.PROMPT_COVERAGE or (n_words <= 3 and cov >= 0.3):
        return True, f"prompt phrases cover {cov:.0%} of the block"
    if distinct >= 2 and cov >= 0.2 and n_words <= p.MIXED_MAX_WORDS:
        return True, f"{distinct} distinct prompt phrases ({cov:.0%} of the block)"
    return False, ""


