"""Read the HTML responses of WARC files (``.warc`` or ``.warc.gz``, one gzip
member per record or the whole file gzipped), with FastWARC (optional extra:
``pip install 'newsclean[warc]'``).

FastWARC was chosen by measurement over warcio: 2.6 times the records per
second reading alone, the same records (docs/benchmarks.md, "WARC input").

:func:`read_warc` yields, in file order, one item per record:

- :class:`Page`: a response whose HTTP status is 2xx and whose content type is
  HTML (or not given), with its URL, fetch date, record id and the charset the
  HTTP header declares;
- :class:`Skipped`: any other record, with the reason (``request``,
  ``revisit``, ``warcinfo``, ``metadata``, ``not HTML``, ``HTTP status``...);
- :class:`Broken`: a truncated or corrupt record, with its offset. It is the
  file's last item: nothing after it can be trusted, every record before it
  was yielded.
"""
from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass
from typing import Any, Dict, Iterator, Optional, Tuple, Union

#: Content types cleaned as HTML (a response that declares none is tried too).
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:\-]+)", re.I)


@dataclass(frozen=True)
class Page:
    file: str
    offset: int
    id: Optional[str]
    url: Optional[str]
    date: Optional[str]
    charset: Optional[str]  # from the HTTP Content-Type header, when it names one Python knows
    body: bytes


@dataclass(frozen=True)
class Skipped:
    file: str
    offset: int
    reason: str


@dataclass(frozen=True)
class Broken:
    file: str
    offset: int
    error: str


Item = Union[Page, Skipped, Broken]


def is_warc(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz", ".arc.gz"))


def charset_of(content_type: Optional[str]) -> Optional[str]:
    """The charset a Content-Type header names, as Python's codec name (None
    when it names none or one Python does not know)."""
    m = _CHARSET_RE.search(content_type or "")
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def _http(block: bytes) -> Tuple[int, dict, bytes]:
    """(status, headers with lower-case names, payload) of an HTTP response block."""
    head, sep, payload = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, payload = block.partition(b"\n\n")
        if not sep:
            raise ValueError("no end of HTTP headers")
    lines = head.decode("latin-1").splitlines()
    parts = lines[0].split(None, 2) if lines else []
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ValueError("not an HTTP response")
    headers: Dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers.setdefault(name.strip().lower(), value.strip())
    return int(parts[1]), headers, payload


def record_fields(page: Page, url_field: str = "url") -> Dict[str, Any]:
    """The output record's fields for a page, before the result is added
    (``newsclean batch`` and ``newsclean dask`` write the same): its id, URL
    (under ``url_field``), fetch date, HTTP charset, file and offset."""
    return {"id": page.id, url_field: page.url, "fetch_date": page.date, "http_charset": page.charset,
            "warc_file": page.file, "warc_offset": page.offset}


def decode_page(page: Page) -> Union[str, bytes]:
    """The page's HTML: decoded with the HTTP header's charset when it names
    one (it takes precedence over the page's own declaration, as in a
    browser), else the bytes, for :func:`newsclean.clean_html` to detect."""
    if page.charset:
        return page.body.decode(page.charset, errors="replace")
    return page.body


def read_warc(path: str) -> Iterator[Item]:
    """The records of one WARC file, in order (see the module's docstring)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # (optional extra: newsclean[warc])

    offset = 0
    last_ok = False  # a record was read whole: the error is in one after it
    try:
        with open(path, "rb") as fh:
            for rec in ArchiveIterator(fh, record_types=WarcRecordType.any_type, parse_http=False,
                                       verify_digests=False):
                offset = rec.stream_pos
                headers = rec.headers
                rtype = headers.get("WARC-Type")
                declared = headers.get("Content-Length")
                if not rtype or declared is None or not declared.strip().isdigit():
                    yield Broken(path, offset, "truncated or corrupt record (no WARC header)")
                    return
                block = rec.reader.read()
                if len(block) != int(declared):
                    yield Broken(path, offset, f"truncated record ({len(block)} of {int(declared)} bytes)")
                    return
                last_ok = True
                if rtype != "response":
                    yield Skipped(path, offset, rtype)
                    continue
                if not (headers.get("Content-Type") or "").startswith("application/http"):
                    yield Skipped(path, offset, "not HTTP")
                    continue
                try:
                    status, http, payload = _http(block)
                except ValueError:
                    yield Skipped(path, offset, "not HTTP")
                    continue
                if not 200 <= status < 300:
                    yield Skipped(path, offset, "HTTP status not 2xx")
                    continue
                ctype = http.get("content-type", "")
                if ctype and not ctype.split(";")[0].strip().lower() in HTML_TYPES:
                    yield Skipped(path, offset, "not HTML")
                    continue
                if "content-encoding" in http and http["content-encoding"].lower() not in ("identity", ""):
                    yield Skipped(path, offset, "compressed payload")
                    continue
                yield Page(path, offset, headers.get("WARC-Record-ID"), headers.get("WARC-Target-URI"),
                           headers.get("WARC-Date"), charset_of(ctype), payload)
    except FileNotFoundError:
        yield Broken(path, 0, "no such file")
    except OSError as e:  # FastWARC: a gzip member or a record that cannot be read
        where = _member_end(path, offset) if last_ok else 0
        yield Broken(path, where, f"corrupt record ({e})")


def _member_end(path: str, start: int) -> int:
    """Where the gzip member that starts at ``start`` ends: the next
    record's offset in a file of one member per record (``start`` if the
    file is not gzipped there, or the member cannot be read)."""
    dec = zlib.decompressobj(wbits=31)
    pos = start
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            while not dec.eof:
                chunk = fh.read(65536)
                if not chunk:
                    return start
                dec.decompress(chunk)
                pos += len(chunk)
    except (OSError, zlib.error):
        return start
    return pos - len(dec.unused_data)
