"""Input normalisation: bytes to text, mojibake repair, line endings, control characters.

All offsets reported by newsclean refer to the string this module returns.
"""
from __future__ import annotations

import re

import ftfy

# C0/C1 controls except tab and newline, plus lone surrogates and the BOM.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85]")

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
    text = _NEWLINES_RE.sub("\n", text)
    text = _CONTROL_RE.sub("", text)
    if not text.isascii():
        text = ftfy.fix_text(text, _FTFY_CONFIG)
        text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
        text = _CONTROL_RE.sub("", text)
    return text


def decode_bytes(data: bytes) -> str:
    """Decode bytes of unknown encoding (UTF-8 with/without BOM, UTF-16 with BOM,
    cp1251, latin-1 ...). Raises ``UnicodeDecodeError`` when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "binary data (NUL bytes)")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no text encoding fits these bytes")
    return data.decode(best.encoding, errors="replace")
