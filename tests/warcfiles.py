"""Small WARC files built by the tests themselves: one gzip member per record
(as Common Crawl writes them), mixed record types, pages whose charset is
declared only in the HTTP header, broken tails."""
from __future__ import annotations

import gzip
import html as htmlmod
from pathlib import Path
from typing import List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

RUSSIAN = ("Городской совет в понедельник утвердил новый бюджет на следующий год после долгого обсуждения. "
           "Депутаты заявили, что расходы на общественный транспорт вырастут почти на треть. "
           "Мэр города отметил, что ремонт школ и дорог останется главным приоритетом администрации. "
           "Жители района смогут высказать свои предложения на открытых слушаниях в декабре. ")


def record(rtype: str, url: str, block: bytes, n: int, content_type: Optional[str] = None) -> bytes:
    ctype = content_type or {"response": "application/http; msgtype=response",
                             "request": "application/http; msgtype=request",
                             "revisit": "application/http; msgtype=response"}.get(rtype, "application/warc-fields")
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
            f"WARC-Date: 2026-11-{1 + n % 28:02d}T10:00:00Z\r\n" + (f"WARC-Target-URI: {url}\r\n" if url else "")
            + f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n", mtime=0)


def response(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode("latin-1") + body


def page(title: str, paragraphs: List[str], junk: Tuple[str, ...] = ()) -> str:
    ps = "".join(f"<p>{htmlmod.escape(p)}</p>" for p in paragraphs)
    nav = "".join(f"<li><a href='/x'>{htmlmod.escape(j)}</a></li>" for j in junk)
    return (f"<html><head><title>{htmlmod.escape(title)}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>{htmlmod.escape(title)}</h1>{ps}</article><footer>Contact us</footer></body></html>")


def seed_paragraphs(i: int) -> List[str]:
    text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
    return [p for p in (x.strip() for x in text.splitlines()) if len(p.split()) >= 12]


def mixed_warc(n0: int = 0) -> Tuple[bytes, List[str]]:
    """A WARC of every kind of record; (its bytes, the URLs of its HTML responses in order)."""
    recs, urls = [], []
    recs.append(record("warcinfo", "", b"software: newsclean tests\r\n", n0))
    k = n0 + 1
    for i in range(3):
        url = f"https://news{i}.example.com/story-{n0}-{i}"
        recs.append(record("request", url, f"GET / HTTP/1.1\r\nHost: news{i}.example.com\r\n\r\n".encode(), k))
        k += 1
        body = page(f"Story {i}", seed_paragraphs(i)).encode("utf-8")
        recs.append(record("response", url, response(body, "text/html; charset=utf-8"), k))
        urls.append(url)
        k += 1
    # cp1251, declared only in the HTTP header (no meta charset in the page)
    url = f"https://ru.example.com/budget-{n0}"
    body = page("Бюджет", [RUSSIAN, RUSSIAN.replace("бюджет", "план")]).encode("cp1251")
    recs.append(record("response", url, response(body, "text/html; charset=windows-1251"), k))
    urls.append(url)
    k += 1
    recs.append(record("response", "https://news0.example.com/logo.png", response(b"\x89PNG\r\n", "image/png"), k))
    k += 1
    recs.append(record("revisit", "https://news0.example.com/story-0", b"HTTP/1.1 304 Not Modified\r\n\r\n", k))
    k += 1
    recs.append(record("metadata", "https://news0.example.com/story-0", b"fetchTimeMs: 12\r\n", k,
                       "application/warc-fields"))
    k += 1
    recs.append(record("response", "https://news1.example.com/moved",
                       response(b"", "text/html", "301 Moved Permanently"), k))
    return b"".join(recs), urls
