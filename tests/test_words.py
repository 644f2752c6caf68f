"""Words in scripts with combining marks, and the data file of marks."""
import sys
import unicodedata
from pathlib import Path

import pytest

from newsclean.text.words import WORD_RE, words

MARKS = Path(__file__).resolve().parents[1] / "newsclean" / "data" / "combining_marks.txt"


def _ranges():
    lines = MARKS.read_text(encoding="utf-8").splitlines()
    version = lines[0].rsplit("Unicode ", 1)[1].rstrip(":")
    return version, [tuple(int(x, 16) for x in ln.split("-")) for ln in lines if ln and not ln.startswith("#")]


def test_words_keep_their_vowel_signs():
    assert words("हिन्दी भाषा में समाचार") == ["हिन्दी", "भाषा", "में", "समाचार"]
    assert words("ভাষা আন্দোলন") == ["ভাষা", "আন্দোলন"]
    assert words("ภาษาไทย วันนี้") == ["ภาษาไทย", "วันนี้"]
    assert len(words("أَحْبِبْ حَبِيبَكَ هَوْنًا مَا")) == 4


def test_latin_words_are_unchanged():
    text = "Naïve café owners said: “We’re open—again.” Zürich, 2019."
    assert words(text) == [w.casefold() for w in __import__("re").findall(r"\w+", text)]


def test_every_listed_code_point_is_a_mark():
    _, ranges = _ranges()
    for a, b in ranges:
        for cp in range(a, b + 1):
            assert unicodedata.category(chr(cp)).startswith("M"), hex(cp)


def test_the_list_has_every_mark_of_its_unicode_version():
    version, ranges = _ranges()
    if unicodedata.unidata_version != version:
        pytest.skip(f"file written for Unicode {version}, this Python has {unicodedata.unidata_version}")
    listed = {cp for a, b in ranges for cp in range(a, b + 1)}
    every = {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)).startswith("M")}
    assert listed == every


def test_a_word_is_marks_and_word_characters_only():
    assert WORD_RE.findall("a\u0301b c") == ["a\u0301b", "c"]
