"""Input normalisation: bytes to text, mojibake repair, line endings, control characters.

All offsets reported by newsclean refer to the string this module returns.
"""
from __future__ import annotations

import re

import unicodedata

import ftfy
from ftfy.badness import is_bad

# C0/C1 controls except tab and newline, plus lone surrogates and the BOM. C1
# controls are dropped only after ftfy: UTF-8 read as Latin-1 shows them, and
# ftfy needs them to undo the damage.
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff"
_CONTROL_RE = re.compile("[" + _CONTROL_CHARS + "]")
_C0_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ud800-\udfff]")
_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85]")

# The signature of UTF-8 read as cp1252/latin-1 ("Ã©", "â€™", "Ð¾") or as cp1251
# ("РџСЂ"): a lead-byte character followed by a continuation-byte character.
# Only text showing it is handed to ftfy's (costlier) badness check and repair.
_MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00c3\u00c5\u00ce-\u00d1\u00d8-\u00d9\u00e2\u00e3\u00ef\u00f0]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0420\u0421\u0432][\u0402-\u040f\u0452-\u045f\u0490\u0491\u00a0-\u00bf"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2116\u2122]"
    "|\ufffd|[\u0080-\u009f]"
)

# Any character the hint above can start with: a cheap first test.
_HINT_LEAD_CHARS = ("\u00c2-\u00c3\u00c5\u00ce-\u00d1\u00d8-\u00d9\u00e2\u00e3\u00ef\u00f0"
                    "\u0420\u0421\u0432\ufffd\u0080-\u009f")
_HINT_LEAD_RE = re.compile("[" + _HINT_LEAD_CHARS + "]")

# A control character or a hint's lead: text without any (most text) needs
# neither ftfy nor control stripping, found in one pass instead of three.
_CONTROL_OR_LEAD_RE = re.compile("[" + _CONTROL_CHARS + _HINT_LEAD_CHARS + "]")


def _hinted(text: str) -> bool:
    return _HINT_LEAD_RE.search(text) is not None and _MOJIBAKE_HINT_RE.search(text) is not None


_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,      # text input may legitimately contain "&amp;" prose
    uncurl_quotes=False,      # keep the typography of the source
    fix_line_breaks=False,    # done below, cheaper
    normalization="NFC",
    max_decode_length=1_000_000,
)


def normalize(text: str) -> str:
    """Return the normalised text that every offset refers to.

    Steps: unify line breaks; repair mojibake and fix encoding glitches with ftfy
    (NFC-normalised); drop control characters, lone surrogates and BOMs;
    turn no-break and other exotic spaces into plain spaces.
    """
    if not text:
        return ""
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES_RE.sub("\n", text)
    if not text.isascii() and _CONTROL_OR_LEAD_RE.search(text) is None:
        # No control character to drop, no mojibake hint: NFC and plain spaces are
        # all the steps below would do (NFC brings in no control character).
        return _plain_spaces(unicodedata.normalize("NFC", text))
    text = _C0_RE.sub("", text)
    if not text.isascii():
        # ftfy's line-by-line repair is the costliest step of the pipeline; its own
        # mojibake detector (one regex pass) tells whether there is anything to repair.
        if _hinted(text) and (is_bad(text) or "\ufffd" in text):
            text = ftfy.fix_text(text, _FTFY_CONFIG)
        else:
            text = unicodedata.normalize("NFC", text)
        stripped = _CONTROL_RE.sub("", _plain_spaces(text))
        if len(stripped) != len(text) and _hinted(stripped) and is_bad(stripped):
            # A stray C1 control inside mojibake ("caf\x9dÃ©") hid it from
            # ftfy; without it the repair applies (and normalize stays idempotent).
            stripped = _CONTROL_RE.sub("", _plain_spaces(ftfy.fix_text(stripped, _FTFY_CONFIG)))
        text = stripped
    return text


def _plain_spaces(text: str) -> str:
    """No-break, narrow no-break and thin spaces as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a
    byte-order mark (text mostly in Latin letters: every other byte is NUL),
    else ''."""
    head = data[:4096]
    if len(head) < 8 or len(data) % 2:
        return ""
    odd, even = head[1::2].count(0), head[0::2].count(0)
    half = len(head) // 2
    if odd >= 0.6 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return ""


def decode_bytes(data: bytes) -> str:
    """Decode bytes of unknown encoding (UTF-8 with/without BOM, UTF-16 with BOM,
    cp1251, latin-1 ...). Raises ``UnicodeDecodeError`` when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "binary data (NUL bytes)")
    # Imported here: most inputs are valid UTF-8 and never need charset detection.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no text encoding fits these bytes")
    return data.decode(best.encoding, errors="replace")
