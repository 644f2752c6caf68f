"""The article's language, decided once per document: stop-word rates first,
then the script, then the page's declared language, and langdetect only when
all of these leave doubt."""
from __future__ import annotations

import re
from array import array
from typing import Any, List, Optional

from ..text import lexicon
from ..text.words import words

_LANGDETECT: Any = None  # our own langdetect DetectorFactory, loaded at first use


def _langdetect_factory():
    """A langdetect factory of our own (the library's global one, and its
    seed, are left to the caller's program), its profiles loaded once.

    langdetect keeps one list of per-language probabilities for each of its
    ~88,000 n-grams. Python's cyclic garbage collector walked every one of
    them, element by element, on each full collection: in a long run that
    was about 5% of clean_text's time, long after langdetect was last
    called. The profiles are only read after loading, so each is stored as
    an ``array('d')`` of the same doubles, which the collector visits as one
    object. Loaded before a batch forks its workers (:func:`newsclean.cli.batch.main`),
    they stay shared by them page for page: reading an array writes only its
    header's reference count, never the pages of its numbers (reading a
    list writes the count of each float it returns). Same numbers, same results."""
    global _LANGDETECT
    if _LANGDETECT is None:
        # Imported here, not at the top: most documents are decided without
        # langdetect, and its import would slow every `import newsclean`.
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException

        factory = DetectorFactory()
        try:
            factory.load_profile(PROFILES_DIRECTORY)
        except LangDetectException as e:
            # langdetect's loader turns every exception into a "profile format
            # error", Ctrl-C included: give the interrupt back to the caller.
            if isinstance(e.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise
        factory.word_lang_prob_map = {k: array("d", v) for k, v in factory.word_lang_prob_map.items()}
        factory.seed = 0  # deterministic: langdetect samples n-grams at random
        _LANGDETECT = factory
    return _LANGDETECT


def _langdetect(sample: str, trials: Optional[int] = None) -> Optional[str]:
    """langdetect's language for ``sample`` (``zh`` for Chinese), seeded;
    ``trials``: its random n-gram samplings (None: langdetect's seven)."""
    from langdetect.lang_detect_exception import LangDetectException  # (see _langdetect_factory)

    try:
        detector = _langdetect_factory().create()
        if trials is not None:
            detector.n_trial = trials
        detector.append(sample)
        res = detector.get_probabilities()
    except LangDetectException:
        return None
    if not res:
        return None
    code = res[0].lang
    return "zh" if code.startswith("zh") else code


_HANGUL_RE = re.compile(r"[\uAC00-\uD7AF]")
_KANA_RE = re.compile(r"[\u3040-\u30FF]")
_HAN_RE = re.compile(r"[\u4E00-\u9FFF]")


def guess_language(lines: List[str], sample_chars: int = 2000, hint: Optional[str] = None) -> Optional[str]:
    """The article's language (ISO 639-1), decided once per document from its
    ``lines`` (its blocks' texts, in document order).

    Cheap first: stop-word rates over the longest blocks, then the script
    (Hangul is Korean, kana Japanese), then the page's declared language
    (``hint``, from ``<html lang>``). Only when all of these leave doubt is
    langdetect called, once, seeded, on a bounded sample.
    """
    if not lines:
        return None
    # Longest first; lines of equal length in document order (the sort is stable).
    longest = sorted(lines, key=len, reverse=True)
    parts, size = [], 0
    for t in longest:
        parts.append(t)
        size += len(t)
        if size >= sample_chars:
            break
    sample = "\n".join(parts)[: sample_chars * 2]
    ws = words(sample)
    if not ws:
        return None
    hits = dict.fromkeys(lexicon.stopwords(), 0)
    hits.update(lexicon.stopword_hits(ws))
    scores = sorted(((c / len(ws), lang) for lang, c in hits.items()), reverse=True)
    best, lang = scores[0]
    second = scores[1][0] if len(scores) > 1 else 0.0
    if len(ws) >= 15 and best >= 0.2 and best >= 1.6 * second:
        return lang
    if len(ws) >= 60 and best >= 0.12 and best >= 2.0 * second:
        return lang
    head = sample[:2000]
    n_hangul, n_kana = len(_HANGUL_RE.findall(head)), len(_KANA_RE.findall(head))
    if n_hangul >= 20 and n_hangul > n_kana:
        return "ko"
    if n_kana >= 20:
        return "ja"
    if hint and (hint not in lexicon.stopwords() or lang == hint or best < 0.03):
        # the declared language, unless our stop lists cover it and disagree
        # (text with next to no function words, a list or a table, cannot disagree)
        if not (hint == "zh" and not _HAN_RE.search(head)):
            return hint
    if len(ws) < 3:
        return None
    return _langdetect(sample[:800])


#: detect_line: langdetect's trials (random n-gram samplings) for one line; its default is 7.
LINE_TRIALS = 3


def detect_line(text: str) -> Optional[str]:
    """langdetect's language for one line or sentence (ISO 639-1; ``zh`` for
    Chinese), seeded: the evidence the foreign_language detector asks for on
    the lines its stop-word profiles leave in doubt. None when it cannot tell.
    LINE_TRIALS samplings, not langdetect's seven: a line has few n-grams to sample."""
    if not text.strip():
        return None
    return _langdetect(text[:800], LINE_TRIALS)
