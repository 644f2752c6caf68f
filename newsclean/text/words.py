"""Small, linear-time text helpers shared by the detectors."""
from __future__ import annotations

import hashlib
import re
from typing import Dict, List, Optional, Tuple



def _marks_class() -> str:
    """The combining marks (data/combining_marks.txt) as a regex character class body."""
    from importlib.resources import files  # (only here: the one data file this module reads)

    text = files("newsclean").joinpath("data/combining_marks.txt").read_text(encoding="utf-8")
    parts = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            a, b = (int(x, 16) for x in line.split("-"))
            parts.append(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else ""))
    return "".join(parts)


#: A word: word characters and combining marks, with one word character at
#: least. Python's ``\w`` alone cuts a word at every vowel sign ("हिन्दी", a
#: voweled Arabic word); marks alone are none (the variation selector of an
#: emoji, "✉️"). In ASCII it is the same as ``\w+``.
WORD_RE = re.compile(r"[" + _marks_class() + r"]*\w[\w" + _marks_class() + r"]*")
EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]{1,2000}", re.IGNORECASE)
# An image file's name or address: "IMG_4471.JPG", "ico_print.png", "https://cdn.example.com/a/flood-1200x675.jpg".
IMAGE_FILE_RE = re.compile(r"^(?:\S*/)?[\w@%+.-]+\.(?:jpe?g|png|gif|svg|ico|webp|avif|tiff?|heic|bmp)(?:\?\S*)?$",
                           re.IGNORECASE)
# Sentence ends: . ! ? … followed by space; never splits inside URLs or numbers.
SENT_SPLIT_RE = re.compile(r"(?<=[.!?…।॥۔؟።፧։။៕｡．])[\"'”’»)\]]*\s+")
#: A short label and a colon before the rest of a line ("See also: <headline>",
#: "Key points: <sentence>"): group 1 the label (one to six words), group 2 the rest.
LABELLED_RE = re.compile(r"^[\W_]*(\w[\w'’]*(?:\s+\w[\w'’]*){0,5})\s*(?::\s+|：\s*)(\S.*)$")
#: How an excerpt cut at a length ends.
ELLIPSES = ("…", "...", "[…]", "[...]")
def introduces(text: str) -> bool:
    """A line that ends in a colon introduces what follows it: a list, a quotation ("The dates:")."""
    return text.rstrip().endswith((":", "\uff1a"))


BULLET_RE = re.compile(r"^(?:[-–—•·▪►*‣◦]|\d{1,2}[.)])\s+")
# Sentence ends: Latin and CJK marks, and the full stops of Devanagari and
# Bengali (danda), Urdu, Arabic (question mark), Ethiopic, Armenian, Burmese, Khmer.
TERMINAL = frozenset(".!?…\"'”’»)]:;。！？」』।॥۔؟።፧։။៕｡．")

SCRIPTS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    ("latin", re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")),
    ("cyrillic", re.compile(r"[\u0400-\u04FF\u0500-\u052F]")),
    ("greek", re.compile(r"[\u0370-\u03FF]")),
    ("cjk", re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]")),
    ("arabic", re.compile(r"[\u0600-\u06FF\u0750-\u077F]")),
    ("hebrew", re.compile(r"[\u0590-\u05FF]")),
    ("devanagari", re.compile(r"[\u0900-\u097F]")),
    ("thai", re.compile(r"[\u0E00-\u0E7F]")),
)

# Any character outside Latin, punctuation and symbols commonly mixed with it.
_NON_LATIN_RE = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF\u2000-\u2BFF\u3000-\u303F\uFE00-\uFFFF]")

LANG_SCRIPT = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic", "mk": "cyrillic",
               "be": "cyrillic", "el": "greek", "zh-cn": "cjk", "zh-tw": "cjk", "zh": "cjk", "ja": "cjk",
               "ko": "cjk", "ar": "arabic", "fa": "arabic", "ur": "arabic", "he": "hebrew", "hi": "devanagari",
               "mr": "devanagari", "ne": "devanagari", "th": "thai"}


# The non-ASCII characters most often found in English and other Latin-script
# text, typographic quotes, dashes and the ellipsis: none is a word character,
# and casefolding leaves each as it is (tests/test_properties.py checks both).
# As separators they can be spaces instead.
_PUNCTUATION = "\u2019\u201c\u201d\u2013\u2014\u2026\u2018\u00ab\u00bb\u2022\u00b7\u00a0"  # ’“”–—…‘«»•· NBSP


def plain_ascii(text: str) -> Optional[str]:
    """``text`` with that punctuation as spaces, if the result is ASCII; else None."""
    for ch in _PUNCTUATION:
        if ch in text:
            text = text.replace(ch, " ")
    return text if text.isascii() else None


# ASCII bytes that are not letters (deleted to count the letters).
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def script_counts(text: str) -> Dict[str, int]:
    """Letters per script in ``text`` (only scripts that occur)."""
    if text.isascii():
        # ASCII: every letter is Latin; the count only needs to be of the right size.
        return {"latin": len(text)} if not text.isdigit() else {}
    plain = plain_ascii(text)
    if plain is not None:  # Latin letters and punctuation: count the letters
        n = len(plain.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return {"latin": n} if n else {}
    if not _NON_LATIN_RE.search(text):
        n = sum(map(str.isalpha, text))
        return {"latin": n} if n else {}
    out = {}
    for name, pat in SCRIPTS:
        n = len(pat.findall(text))
        if n:
            out[name] = n
    return out


def dominant_script(counts: Dict[str, int]) -> Tuple[str, float]:
    if len(counts) == 1:
        for k in counts:
            return k, 1.0
    total = sum(counts.values())
    if not total:
        return "none", 0.0
    name = max(counts, key=lambda k: (counts[k], k))
    return name, counts[name] / total


# For ASCII text: each byte mapped to itself lower-cased if \w matches it
# (letters, digits, underscore), else to a space.
_ASCII_WORD_BYTES = bytes(
    (c | 0x20 if chr(c).isupper() else c) if chr(c).isalnum() or c == 0x5F else 0x20 for c in range(128)
) + b" " * 128


def words(text: str) -> List[str]:
    """Words (:data:`WORD_RE`: ``\\w`` and combining marks) of the casefolded
    ``text``. ASCII text (most lines, and most others once their typographic
    punctuation is read as spaces) goes
    through a byte table and ``split()`` instead of the regex: the same words
    (tests/test_properties.py checks it), for about a third of the time."""
    if not text.isascii():
        plain = plain_ascii(text)
        if plain is None:
            return WORD_RE.findall(text.casefold())
        text = plain
    return text.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()


def sentence_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of sentences in ``text`` (offsets relative to ``text``)."""
    spans = []
    pos = 0
    for m in SENT_SPLIT_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if b > a]


def norm_key(text: str) -> str:
    """Comparison key: lower case word characters only."""
    return " ".join(words(text))


_DIGITS_RE = re.compile(r"\d+")


def site_line_key(line: str) -> str:
    """A line's key for site boilerplate learned from a crawl: 16 hex digits
    of BLAKE2b of the line casefolded, its whitespace collapsed and every
    number replaced by 0 (a teaser's date or a comment count changes from
    page to page). The same in every process."""
    norm = _DIGITS_RE.sub("0", " ".join(line.casefold().split()))
    return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
