"""Write WARC files for the benchmarks: one gzip member per record (as
Common Crawl does), a request record before each response, a warcinfo record
first. Nothing of the benchmark data is stored: the files are built from
``--data`` each time, into a temporary folder."""
from __future__ import annotations

import gzip
import uuid
from typing import BinaryIO, Iterable, Optional, Sequence, Tuple


def record(rtype: str, url: str, block: bytes, date: str = "2026-11-30T12:00:00Z",
           content_type: str = "application/http; msgtype=response", n: int = 0) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=(hash((rtype, url, n)) & (2**128 - 1)) or 1)}>\r\n"
            f"WARC-Date: {date}\r\n" + (f"WARC-Target-URI: {url}\r\n" if url else "")
            + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode("utf-8")
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6, mtime=0)


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            .encode("latin-1") + body)


def write_warc(fh: BinaryIO, pages: Iterable[Tuple[str, bytes, Optional[str]]], with_requests: bool = True) -> int:
    """``pages``: (url, html bytes, HTTP content type or None for UTF-8 HTML). Returns the records written."""
    fh.write(record("warcinfo", "", b"software: newsclean benchmarks\r\n", content_type="application/warc-fields"))
    n = 1
    for i, (url, html, ctype) in enumerate(pages):
        if with_requests:
            fh.write(record("request", url, f"GET / HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
                            content_type="application/http; msgtype=request", n=i))
            n += 1
        fh.write(record("response", url, http_response(html, ctype or "text/html; charset=utf-8"), n=i))
        n += 1
    return n


def pages_of(items: Sequence[Tuple[str, bytes, str, str]], times: int = 1):
    for k in range(times):
        for pid, html, url, _ in items:
            yield (url or f"https://example.org/{pid}") + (f"?copy={k}" if k else ""), html, None
