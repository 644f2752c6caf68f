"""Cheap metadata from an HTML tree: the page's own declarations (Open Graph,
article:*, schema.org JSON-LD, <time>, <html lang>) read with a few XPath
queries. trafilatura's full metadata extraction costs about a third of its
extraction time; these declarations give the same fields on news pages for a
fraction of that. Nothing here guesses from body text: that is the text
pipeline's job (date lines, bylines, headline)."""
from __future__ import annotations

import html as _html
import json
import re
from typing import Dict, List, Optional

_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TITLE_SPLIT_RE = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
_AUTHOR_SPLIT_RE = re.compile(r",|;|\band\b")

_META_TITLE = ("og:title", "twitter:title")
_META_DATE = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
              "publish-date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "article.published",
              "published_time", "og:article:published_time")
_META_AUTHOR = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_META_SITE = ("og:site_name", "application-name", "twitter:site")


def _metas(tree) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _iso(value: str) -> Optional[str]:
    m = _ISO_RE.search(value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _jsonld(tree) -> List[dict]:
    out = []
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 200:
            x = stack.pop()
            seen += 1
            if isinstance(x, list):
                stack.extend(x)
            elif isinstance(x, dict):
                out.append(x)
                if "@graph" in x:
                    stack.append(x["@graph"])
    return out


def _names(value) -> List[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        out = []
        for v in value:
            out.extend(_names(v))
        return out
    return []


def extract(tree) -> Dict[str, object]:
    """title, date, authors, source, language from an lxml HTML tree (missing ones omitted)."""
    metas = _metas(tree)
    ld = _jsonld(tree)
    out: Dict[str, object] = {}

    title = next((metas[k] for k in _META_TITLE if metas.get(k)), None)
    if not title:
        title = next((x.get("headline") for x in ld if isinstance(x.get("headline"), str)), None)
    if not title:
        h1 = tree.find(".//h1")
        if h1 is not None:
            title = " ".join(h1.text_content().split())
    if not title:
        t = tree.find(".//title")
        if t is not None and t.text:
            parts = _TITLE_SPLIT_RE.split(" ".join(t.text.split()))
            title = max(parts, key=len) if parts else None
    if title:
        out["title"] = " ".join(title.split())

    date = next((_iso(metas[k]) for k in _META_DATE if metas.get(k) and _iso(metas[k])), None)
    if not date:
        date = next((_iso(str(x.get("datePublished"))) for x in ld if x.get("datePublished")), None)
    if not date:
        t = tree.find(".//time[@datetime]")
        if t is not None:
            date = _iso(t.get("datetime"))
    if date:
        out["date"] = date

    authors: List[str] = []
    for x in ld:
        if x.get("@type") in ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle") and x.get("author"):
            authors = _names(x["author"])
            break
    if not authors:
        raw = next((metas[k] for k in _META_AUTHOR if metas.get(k)), "")
        if raw and not raw.startswith("http"):
            authors = [a.strip() for a in _AUTHOR_SPLIT_RE.split(raw) if a.strip()]
    authors = [a for a in dict.fromkeys(" ".join(a.split()) for a in authors if isinstance(a, str))
               if a and not a.startswith("http") and len(a) < 80]
    if authors:
        out["authors"] = authors[:10]

    site = next((metas[k] for k in _META_SITE if metas.get(k)), None)
    if site:
        out["source"] = site.lstrip("@")

    lang = (tree.get("lang") or metas.get("og:locale") or "").strip()
    if lang:
        out["language"] = lang.replace("_", "-").split("-")[0].lower()[:3]
    return out


# ---------------------------------------------------------------- from the raw page
# Reading the declarations straight from the markup spares a second parse of the
# page (trafilatura parses it anyway, and copies any tree it is given).
_META_TAG_RE = re.compile(r"<meta\b[^>]{0,2000}>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_LD_RE = re.compile(r"""<script[^>]{0,200}application/ld\+json[^>]{0,200}>(.{0,200000}?)</script>""",
                    re.IGNORECASE | re.DOTALL)
_TITLE_RE = re.compile(r"<title[^>]{0,200}>(.{0,1000}?)</title>", re.IGNORECASE | re.DOTALL)
_H1_RE = re.compile(r"<h1[^>]{0,500}>(.{0,2000}?)</h1>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]{0,1000}>")
_HTML_LANG_RE = re.compile(r"<html\b[^>]{0,1000}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_TIME_RE = re.compile(r"<time\b[^>]{0,500}?\bdatetime\s*=\s*[\"']([^\"']{8,40})", re.IGNORECASE)
HEAD_LIMIT = 400_000


def _unescape(s: str) -> str:
    if "&" not in s and "<" not in s:
        return " ".join(s.split())
    return " ".join(_html.unescape(_TAG_RE.sub(" ", s)).split())


class _Raw:
    """Just enough of an lxml tree's interface for :func:`extract`, built from regexes."""

    def __init__(self, page: str):
        self.page = page[:HEAD_LIMIT]

    def iter(self, tag):
        if tag == "meta":
            for m in _META_TAG_RE.finditer(self.page):
                attrs = {}
                for a in _ATTR_RE.finditer(m.group()):
                    attrs[a.group(1).lower()] = _unescape(next(g for g in a.groups()[1:] if g is not None))
                yield attrs
        elif tag == "script":
            for m in _LD_RE.finditer(self.page):
                yield _Script(m.group(1))

    def find(self, path):
        if path == ".//h1":
            m = _H1_RE.search(self.page)
            return _Text(_unescape(m.group(1))) if m else None
        if path == ".//title":
            m = _TITLE_RE.search(self.page)
            return _Text(_unescape(m.group(1))) if m else None
        if path == ".//time[@datetime]":
            m = _TIME_RE.search(self.page)
            return {"datetime": m.group(1)} if m else None
        return None

    def get(self, name):
        if name == "lang":
            m = _HTML_LANG_RE.search(self.page[:5000])
            return m.group(1) if m else None
        return None


class _Script:
    def __init__(self, text):
        self.text = text

    def get(self, name):
        return "application/ld+json" if name == "type" else None


class _Text:
    def __init__(self, text):
        self.text = text

    def text_content(self):
        return self.text


def extract_from_page(page: str) -> Dict[str, object]:
    """:func:`extract` on the raw markup (no parse)."""
    return extract(_Raw(page))
