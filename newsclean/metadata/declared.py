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
from datetime import date, datetime, timedelta, timezone
from typing import Dict, List, Optional

from .authors import clean_authors
from .lines import parse_date

_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TITLE_SPLIT_RE = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
_AUTHOR_SPLIT_RE = re.compile(r",|;|\band\b")

_META_TITLE = ("og:title", "twitter:title")
_META_DATE = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
              "publish-date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "article.published",
              "published_time", "og:article:published_time")
_META_AUTHOR = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_META_SITE = ("og:site_name", "application-name")
_META_MODIFIED = ("article:modified_time", "og:article:modified_time", "article:modified", "og:updated_time",
                  "datemodified", "dcterms.modified", "article.updated", "last-modified")
_META_DESCRIPTION = ("og:description", "description", "twitter:description", "dc.description", "dcterms.description")
_META_IMAGE = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image",
               "thumbnailurl")
_META_SECTION = ("article:section", "og:article:section", "articlesection", "section", "parsely-section",
                 "article.section")
_META_TAGS = ("article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags")
_META_LICENCE = ("license", "dcterms.license", "dc.rights.license")
_META_URL = ("og:url", "twitter:url")
_ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "TechArticle",
                  "ScholarlyArticle", "Report", "SocialMediaPosting", "WebPage")
# A time with its zone: "2019-11-19T13:03:00.000Z", "2019-11-20 13:42:06+08:00", "... -0800"
_DATETIME_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*"
                          r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})(?![\d:])")
# A date in the URL's path: /2019/11/18/, /2019-11-18/
_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def _metas(tree) -> Dict[str, List[str]]:
    """Every <meta> value per key (property, name or microdata itemprop), in page order."""
    out: Dict[str, List[str]] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val:
            out.setdefault(key, []).append(val)
    return out


def _links(tree) -> Dict[str, str]:
    """The first href per <link rel> value (canonical, license)."""
    out: Dict[str, str] = {}
    for m in tree.iter("link"):
        href = (m.get("href") or "").strip()
        for rel in (m.get("rel") or "").lower().split():
            if href and rel not in out:
                out[rel] = href
    return out


def _datetime(value: str) -> Optional[datetime]:
    """The time in ``value`` when it gives its zone, else None."""
    m = _DATETIME_RE.search(value or "")
    if not m or not _iso(m.group(0)):
        return None
    y, mo, d, hh, mi, ss, zone = m.groups()
    if zone in ("Z", "UTC", "GMT"):
        tz = timezone.utc
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0), tzinfo=tz)
    except ValueError:
        return None


def _day(value: str) -> Optional[str]:
    """The day in ``value``: ISO first, else a written date ("November 19, 2019, 07:47 PM EST")."""
    iso = _iso(value)
    if iso:
        return iso
    found = parse_date(value or "")
    return found[0] if found else None


def _url_day(url: Optional[str]) -> Optional[str]:
    m = _URL_DATE_RE.search(url or "")
    return _iso(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}") if m else None


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _strings(value) -> List[str]:
    """Strings of a JSON-LD value: a string, a list, or objects' url/name."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _strings(value.get("url") or value.get("contentUrl") or value.get("name") or value.get("@id"))
    if isinstance(value, list):
        out: List[str] = []
        for v in value:
            out.extend(_strings(v))
        return out
    return []


def _split_tags(values: List[str]) -> List[str]:
    out: List[str] = []
    for v in values:
        for t in v.split(","):
            t = " ".join(t.split())
            if t and len(t) <= 60 and t.casefold() not in {o.casefold() for o in out}:
                out.append(t)
    return out[:30]


def clean_site_name(name: Optional[str]) -> Optional[str]:
    """A site name without URL, handle or tagline ("LinkNaija | Nigeria's popular news platform")."""
    name = " ".join((name or "").split())
    if not name or name.startswith(("http://", "https://")):
        return None
    name = _TITLE_SPLIT_RE.split(name)[0].strip()
    return name or None


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


def extract(tree, url: Optional[str] = None) -> Dict[str, object]:
    """Metadata from an lxml HTML tree (missing ones omitted): title, date,
    published (the time, ISO 8601 with its zone, when the page gives one),
    modified (the same form, else the day), authors, source (site name), language,
    canonical_url, description, image, section, tags, licence. ``url``: the
    page's address (a date in its path gives the site's own day)."""
    metas = _metas(tree)
    meta = {k: v[0] for k, v in metas.items()}
    links = _links(tree)
    ld = _jsonld(tree)
    art = next((x for x in ld if _is_article(x)), None)
    out: Dict[str, object] = {}

    title = next((meta[k] for k in _META_TITLE if meta.get(k)), None)
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

    # Publication: every declared value, in order of trust; the first that gives a day decides.
    published = [v for k in _META_DATE for v in metas.get(k, [])]
    published += [str(x["datePublished"]) for x in ([art] if art else []) + ld if x.get("datePublished")]
    t = tree.find(".//time[@datetime]")
    if t is not None and t.get("datetime"):
        published.append(t.get("datetime"))
    day = next((d for d in map(_day, published) if d), None)
    stamp = next((d for d in map(_datetime, published) if d), None)
    if stamp is not None and day == stamp.date().isoformat() and stamp.utcoffset() == timedelta(0):
        # A UTC stamp: the same instant written in the site's own zone gives its day.
        local = next((d for d in map(_datetime, published)
                      if d and d.utcoffset() != timedelta(0) and abs((d - stamp).total_seconds()) <= 120), None)
        if local is not None:
            day, stamp = local.date().isoformat(), local
    url_day = _url_day(url or meta.get("og:url") or links.get("canonical"))
    if url_day and (not day or _days_apart(url_day, day) == 1):
        day = url_day   # the site's own day, where a timestamp in UTC (or none) says another
    if day:
        out["date"] = day
    if stamp is not None:
        out["published"] = stamp.isoformat()

    modified = [v for k in _META_MODIFIED for v in metas.get(k, [])]
    modified += [str(x["dateModified"]) for x in ([art] if art else []) + ld if x.get("dateModified")]
    mod_stamp = next((d for d in map(_datetime, modified) if d), None)
    mod_day = next((d for d in map(_day, modified) if d), None)
    if mod_stamp is not None:
        out["modified"] = mod_stamp.isoformat()
    elif mod_day:
        out["modified"] = mod_day

    site = clean_site_name(next((meta[k] for k in _META_SITE if meta.get(k)), None))
    if not site:
        pub = (art or {}).get("publisher")
        site = clean_site_name(next(iter(_names(pub)), None)) if isinstance(pub, (dict, list)) else None
    if not site and meta.get("twitter:site"):
        site = meta["twitter:site"].lstrip("@") or None
    if site:
        out["source"] = site

    authors: List[str] = []
    for x in ([art] if art else []) + ld:
        if _is_article(x, or_page=True) and x.get("author"):
            authors = clean_authors((a for a in _names(x["author"]) if isinstance(a, str)), site)
            if authors:
                break
    if not authors:   # (the first author meta that names a person)
        for raw in (meta[k] for k in _META_AUTHOR if meta.get(k)):
            if not raw.startswith("http"):
                authors = clean_authors((a.strip() for a in _AUTHOR_SPLIT_RE.split(raw) if a.strip()), site)
                if authors:
                    break
    if authors:
        out["authors"] = authors[:10]

    lang = (tree.get("lang") or meta.get("og:locale") or "").strip()
    if lang:
        out["language"] = lang.replace("_", "-").split("-")[0].lower()[:3]

    canonical = links.get("canonical") or next((meta[k] for k in _META_URL if meta.get(k)), None)
    if canonical and canonical.startswith(("http://", "https://")):
        out["canonical_url"] = canonical
    description = next((meta[k] for k in _META_DESCRIPTION if meta.get(k)), None)
    if not description and art and isinstance(art.get("description"), str):
        description = art["description"]
    if description:
        out["description"] = " ".join(description.split())[:1000]
    image = next((meta[k] for k in _META_IMAGE if meta.get(k, "").startswith(("http://", "https://", "//"))), None)
    if not image and art:
        image = next((i for i in _strings(art.get("image")) if i.startswith(("http://", "https://", "//"))), None)
    if image:
        out["image"] = "https:" + image if image.startswith("//") else image
    section = [v for k in _META_SECTION for v in metas.get(k, [])]
    if art:
        section += _strings(art.get("articleSection"))
    sections = _split_tags(section)
    if sections:
        out["section"] = sections[0]
        out["categories"] = sections
    tags = next((metas[k] for k in _META_TAGS if metas.get(k)), [])
    if not tags and art:
        tags = _strings(art.get("keywords"))
    tags = _split_tags(tags)
    if tags:
        out["tags"] = tags
    licence = links.get("license") or next((meta[k] for k in _META_LICENCE if meta.get(k)), None)
    if not licence and art:
        licence = next(iter(_strings(art.get("license"))), None)
    if licence:
        out["licence"] = licence
    return out


def _is_article(x: dict, or_page: bool = False) -> bool:
    """Whether a JSON-LD object is an article (``or_page``: or a WebPage)."""
    types = x.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(t in _ARTICLE_TYPES and (or_page or t != "WebPage") for t in types if isinstance(t, str))


# ---------------------------------------------------------------- from the raw page
# Reading the declarations straight from the markup spares a second parse of the
# page (trafilatura parses it anyway, and copies any tree it is given).
_META_TAG_RE = re.compile(r"<meta\b[^>]{0,2000}>", re.IGNORECASE)
_LINK_TAG_RE = re.compile(r"<link\b[^>]{0,2000}>", re.IGNORECASE)
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
        if tag in ("meta", "link"):
            for m in (_META_TAG_RE if tag == "meta" else _LINK_TAG_RE).finditer(self.page):
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


def extract_from_page(page: str, url: Optional[str] = None) -> Dict[str, object]:
    """:func:`extract` on the raw markup (no parse)."""
    return extract(_Raw(page), url)
