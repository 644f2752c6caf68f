"""Metadata from text: title, date, dateline, bylines, site name.

Lines that carry metadata leave the body: the Article reports them in
``metadata_spans`` (they are not junk, so not in ``removed``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ..results import MetaSpan
from ..text import lexicon
from .authors import clean_authors
from ..text.words import EMAIL_RE, URL_RE, norm_key, words

if TYPE_CHECKING:
    from ..analysis.body import Body
    from ..analysis.document import Block, Document

#: A title leaves the text when a byline, a date line or junk stands within
#: this many blocks of it (or the input is a whole page's text).
TITLE_EVIDENCE_NEAR = 2
#: The title is looked for this many blocks above the body (or its byline) at most.
TITLE_SEARCH = 10
#: Bylines and date lines are looked for in the first this many blocks ...
BYLINE_HORIZON = 60
#: ... and from this many blocks before the first paragraph of prose to this many after it.
NEAR_LEAD_BEFORE = 10
NEAR_LEAD_AFTER = 3

# "2 Nov, 2009": day month, year with a comma between month and year
_DAY_MONTH_COMMA_YEAR_RE = re.compile(r"(\d{1,2})\s+([^\W\d]+)\.?,\s+(\d{4})")
# What follows a byline's names after a spaced bar or dash ("Ana Souza — São Paulo")
_BYLINE_TAIL_RE = re.compile(r"\s[|–—]\s|\s-\s")
# A sentence's end inside a line, then the next one ("... mine alone. All opinions ...")
# (after a word of four letters at least: "Mr. Smith", "U.S. Senate" are one phrase)
_INNER_SENTENCE_RE = re.compile(r"(?:[^\W\d_]{4}\.|\w[!?])\s+[\"“‘'«(]?[A-ZÀ-ÖØ-ÞА-ЯЁ]")
# A name's tail from a bar or bullet on
_NAME_TAIL_RE = re.compile(r"\s*[|•·].*$")

# ------------------------------------------------------------------ datelines
# "MOSCOW, November 2 (RIA Novosti) -", "PARIS (Reuters) -", "BERLIN, 4. März (dpa) –",
# "WASHINGTON —", "LONDON, Nov 2 -".
_UP = r"A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_PLACE = rf"[{_UP}][{_UP}'.\-]+(?:[ /][{_UP}][{_UP}'.\-]+){{0,3}}"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<region>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?))?"
    rf"(?:,\s*(?P<date>[\w.]+\s[\w.]+(?:\s\d{{4}})?))?"
    rf"\s*(?:\((?P<agency>[^()\n]{{2,40}})\))?"
    rf"\s*[-–—]{{1,2}}\s+(?=\S)"
)


# TASS/RIA style: "ЕКАТЕРИНБУРГ, 14 сентября. /ТАСС/. Фермерские ..."
_SLASH_DATELINE_RE = re.compile(rf"^(?P<place>{_PLACE}),\s*(?P<date>[\w.]+\s[\w.]+)\.?\s*/(?P<agency>[^/\n]{{2,30}})/\.?\s+(?=\S)")


def split_dateline(text: str) -> Tuple[Optional[str], int]:
    """(dateline without its dash, offset where the paragraph proper starts)."""
    m = _SLASH_DATELINE_RE.match(text)
    if m:
        return text[: m.end()].rstrip(" ./").strip() + "/", m.end()
    m = _DATELINE_RE.match(text)
    if not m:
        return None, 0
    place = m.group("place")
    if len(place) < 3 or not (m.group("agency") or m.group("date") or len(place) >= 4):
        return None, 0
    # An all-caps place, not an acronym sentence start ("NATO - the alliance"...):
    # require an agency or a date, or a place of 4+ letters followed by a long sentence.
    if not (m.group("agency") or m.group("date")) and len(text) - m.end() < 80:
        return None, 0
    dl = text[: m.end()].rstrip(" -–—").strip()
    return dl, m.end()


# ---------------------------------------------------------------------- dates
def _month_re() -> str:
    names = sorted(lexicon.months(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + r")\.?"


_DATE_RES: Optional[list] = None


def _date_res():
    global _DATE_RES
    if _DATE_RES is None:
        mon = _month_re()
        _DATE_RES = [
            ("iso", re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")),
            ("dmy_name", re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+(?:de\s+)?({mon}),?\s+(?:de\s+)?(\d{{4}})(?!\d)",
                                    re.IGNORECASE)),
            ("mdy_name", re.compile(rf"(?<!\w)({mon})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)),
            ("dmy_dot", re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")),
            ("mdy_slash", re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")),
        ]
    return _DATE_RES


# Every date form above, and date_line's "2 Nov, 2009", has a four-digit year: a
# line without four digits in a row has no date (one scan instead of five).
_YEAR_RE = re.compile(r"\d{4}")
_TIME_RE = re.compile(r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|uhr|gmt|utc|bst|cet|cest|est|edt|pst|msk)?\b",
                      re.IGNORECASE)
_DATE_FILLER = frozenset(
    "published updated posted last modified on at am le el il em w в on by date uhr gmt utc bst cet cest est edt pst msk "
    "veröffentlicht aktualisiert stand publié mis à jour publicado actualizado pubblicato aggiornato atualizado "
    "opublikowano zaktualizowano опубликовано обновлено de del di do da den der am pm monday tuesday wednesday "
    "thursday friday saturday sunday mon tue wed thu fri sat sun montag dienstag mittwoch donnerstag freitag "
    "samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes "
    "sábado domingo г года segunda terça quarta quinta sexta feira às a las alle à".split())


def parse_date(text: str) -> Optional[Tuple[str, int, int]]:
    """First date in ``text`` as (ISO date, start, end), or None."""
    if not _YEAR_RE.search(text):
        return None
    months = lexicon.months()
    best = None
    for kind, rx in _date_res():
        m = rx.search(text)
        if not m or (best and m.start() >= best[1]):
            continue
        try:
            if kind == "iso":
                y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif kind == "dmy_name":
                d, mo, y = int(m.group(1)), months[m.group(2).casefold().rstrip(".")], int(m.group(3))
            elif kind == "mdy_name":
                mo, d, y = months[m.group(1).casefold().rstrip(".")], int(m.group(2)), int(m.group(3))
            elif kind == "dmy_dot":
                d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            else:
                mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if mo > 12 and d <= 12:
                    mo, d = d, mo
        except (KeyError, ValueError):
            continue
        if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
            continue
        best = (f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end())
    return best


def date_line(text: str, n_words: int) -> Optional[str]:
    """ISO date if the whole line is a date line ("2 Nov, 2009 10:22", "Published: 12 April 2012")."""
    if n_words > 14 or not _YEAR_RE.search(text):
        return None
    found = parse_date(text)
    if not found:
        # "2 Nov, 2009": day month, year with a comma between month and year
        m = _DAY_MONTH_COMMA_YEAR_RE.search(text)
        if m and m.group(2).casefold() in lexicon.months():
            found = (f"{int(m.group(3)):04d}-{lexicon.months()[m.group(2).casefold()]:02d}-{int(m.group(1)):02d}",
                     m.start(), m.end())
    if not found:
        return None
    iso, s, e = found
    rest = _TIME_RE.sub(" ", text[:s] + " " + text[e:])
    leftover = [w for w in words(rest) if w not in _DATE_FILLER and not w.isdigit()]
    return iso if len(leftover) <= 2 else None


# -------------------------------------------------------------------- bylines
_BYLINE_RE = re.compile(
    r"^(?:by|von|par|por|di|door|av|autor(?:ka)?:?|автор:?|текст:?|written by|text:|words:)\s+(?P<names>.+)$",
    re.IGNORECASE)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b)\s*")
_NAME_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁa-z][\w.'’-]*){0,3}$")


def byline(text: str, n_words: int) -> Optional[List[str]]:
    if n_words > 12 or text.endswith("."):
        return None
    m = _BYLINE_RE.match(text.strip())
    if not m:
        return None
    names = []
    raw = _BYLINE_TAIL_RE.split(m.group("names").strip(" |-–—"))[0]  # "Ana Souza — São Paulo"
    for part in _NAME_SPLIT_RE.split(raw):
        part = _NAME_TAIL_RE.sub("", part).strip()
        if not part or part.casefold() in {"reuters", "ap", "afp", "staff", "dpa"}:
            continue
        if _NAME_RE.match(part) and len(part.split()) >= 2:
            names.append(part)
    return names or None


# ---------------------------------------------------------------- site names
# "- Sputnik International" alone on the first line: up to 4 capitalised words.
_SITE_LINE_RE = re.compile(r"^[-|–—]\s+[A-Z][\w&'’]*(?:\s+[A-Z0-9][\w.&'’]*){0,3}$")
_SUFFIX_RE = re.compile(r"\s[-|–—]\s([A-Z][\w.&'’ ]{2,40})$")


def site_name(blocks: Sequence[Block]) -> Optional[str]:
    """A site name from the page chrome: a top line "- Name", or a " - Name"
    suffix shared by two or more lines near the top."""
    counts: Dict[str, int] = {}
    for b in blocks[:40]:
        t = b.text
        if b.index == 0 and _SITE_LINE_RE.match(t):
            return t[1:].strip()
        # (_SUFFIX_RE needs one of its dashes or a bar: the regex only for such lines)
        m = ("-" in t or "|" in t or "–" in t or "—" in t) and _SUFFIX_RE.search(t)
        if m:
            counts[m.group(1).strip()] = counts.get(m.group(1).strip(), 0) + 1
    # (when most suffixed lines end otherwise, the suffix is a column of a
    # list, "3rd round: 22 April – Velopark", not the site's name)
    total = sum(counts.values())
    good = [k for k, v in counts.items() if v >= 2 and 2 * v >= total]
    return max(good, key=lambda k: (counts[k], k)) if good else None


# ---------------------------------------------------------------------- title
def headline_like(text: str, n_words: int) -> bool:
    if not (3 <= n_words <= 30) or len(text) > 250:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    if text.startswith(("-", "•", "*", "©", "(")):
        return False
    if _INNER_SENTENCE_RE.search(text) or URL_RE.search(text) or EMAIL_RE.search(text):
        return False  # a headline is one phrase: two sentences are a lead, an address is a notice
    tokens = text.split()
    if 2 * sum(t.isdigit() for t in tokens) >= len(tokens):
        return False  # a row of figures ("Palm Bay 18 22 13 17 — 70") is a table's
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and letters[0].isupper() or bool(letters) and not letters[0].isalpha()


@dataclass(frozen=True)
class Meta:
    """The metadata found so far, and the blocks that carry it (``blocks``:
    block index -> field; those blocks leave the body, listed in ``spans``)."""

    title: Optional[str] = None
    title_block: Optional[int] = None
    date: Optional[str] = None
    dateline: Optional[str] = None
    source: Optional[str] = None
    authors: Tuple[str, ...] = ()
    blocks: Mapping[int, str] = field(default_factory=dict)
    spans: Tuple[MetaSpan, ...] = ()


def _metadata_lines(doc: Document) -> List[int]:
    """Where bylines and date lines are looked for: the first BYLINE_HORIZON
    blocks, and the blocks around the first paragraph of prose (in a whole
    page's text the headline and its date can stand far down, after the
    menus; the same lines are then found whether or not the menus are still
    there, so cleaning the output again finds nothing new)."""
    n = len(doc.blocks)
    where = list(range(min(n, BYLINE_HORIZON)))
    first = next((i for i, f in enumerate(doc.feats)
                  if f.n_words >= doc.config.prose_min_words and f.ends_sentence), None)
    if first is not None and first + NEAR_LEAD_AFTER > BYLINE_HORIZON:
        where += range(max(BYLINE_HORIZON, first - NEAR_LEAD_BEFORE), min(n, first + NEAR_LEAD_AFTER))
    return where


def from_lines(doc: Document, known: Mapping[str, Any]) -> Meta:
    """Before the detectors: the site name, date lines and bylines; ``known``
    is what the caller already has (from HTML): title, date, authors, source."""
    title = known.get("title") or None
    date: Optional[str] = None
    authors: List[str] = []
    blocks: Dict[int, str] = {}
    spans: List[MetaSpan] = []
    if doc.config.metadata:
        source = known.get("source") or site_name(doc.blocks)
        where = _metadata_lines(doc)
    else:  # (the lines stay in the body; the page's own declarations still count)
        source, where = site_name(doc.blocks), []
    for i in where:
        b, f = doc.blocks[i], doc.feats[i]
        names = byline(b.text, f.n_words)  # before dates: "By Tom Hale | August 9, 2022"
        if names:
            blocks[b.index] = "byline"
            spans.append(MetaSpan("byline", b.text, b.start, b.end))
            for name in names:
                if name not in authors:
                    authors.append(name)
            found = parse_date(b.text)
            if found and not date:
                date = found[0]
            continue
        iso = date_line(b.text, f.n_words)
        if iso:
            blocks[b.index] = "date"
            spans.append(MetaSpan("date", b.text, b.start, b.end))
            if not date:
                date = iso
    if known.get("date"):
        date = known["date"]
    for a in known.get("authors") or []:
        if a not in authors:
            authors.append(a)
    authors = clean_authors(authors, source)
    return Meta(title=title, date=date, source=source, authors=tuple(authors), blocks=blocks, spans=tuple(spans))


def around_body(doc: Document, meta: Meta, label: Sequence[Optional[str]], body: Body,
                evidence: Optional[Sequence[bool]] = None) -> Meta:
    """Once the body is known: the title (the nearest headline before the
    body) and the dateline opening its lead. ``evidence[k]``: block k's label
    came from what it says, not from its shape alone (default: every label)."""
    if not doc.config.metadata or not body.found:
        return meta
    first, last = body.first, body.last
    blocks, spans = dict(meta.blocks), list(meta.spans)
    title, title_block, dateline = meta.title, meta.title_block, meta.dateline

    def take_title(i: int) -> None:
        nonlocal title, title_block
        b = doc.blocks[i]
        title, title_block = b.text, i
        blocks[i] = "title"
        spans.append(MetaSpan("title", b.text, b.start, b.end))

    def set_apart(i: int) -> bool:
        """Evidence that a headline-shaped line is a title standing apart from
        the article: a whole page's text, or a byline, a date line or a
        block of junk next to it."""
        if doc.whole_page:
            return True
        near = range(max(0, i - TITLE_EVIDENCE_NEAR), min(len(label), i + TITLE_EVIDENCE_NEAR + 1))
        return any(k in blocks or (label[k] not in (None, "duplicate") and (evidence is None or evidence[k]))
                   for k in near if k != i)

    if title is None:
        # A headline that opens the body run because it ends in "?" or "!", with
        # its byline or date line right under it.
        top = next((i for i in range(first, min(last + 1, first + 3)) if label[i] is None
                    and i not in blocks), None)
        if (top is not None and headline_like(doc.blocks[top].text, doc.feats[top].n_words)
                and doc.feats[top].n_words <= 25
                and any(k in blocks for k in range(top + 1, min(len(doc.blocks), top + 3)))):
            take_title(top)
    if title is None:
        i = _headline_above(doc, label, blocks, first)
        # A headline stands above its byline (a date line may stand above
        # either): a headline-shaped line between the byline and the body is
        # a subheading of the article (the body found began further down,
        # after a list or a box).
        credit = max((k for k, fld in meta.blocks.items() if fld == "byline" and k < first), default=None)
        if i is not None and credit is not None and i > credit:
            i = _headline_above(doc, label, blocks, credit)
        if i is not None:
            if set_apart(i):
                take_title(i)
            else:
                # No evidence that it is not the article's own first line
                # (a lead, a subheading, a disclosure): reported as the
                # title, and kept in the text.
                title = doc.blocks[i].text
    for i in range(first, min(last + 1, first + 4)):
        if label[i] is not None:
            continue
        dl, _ = split_dateline(doc.blocks[i].text)
        if dl:
            # The dateline opens the lead sentence: it is copied to the metadata
            # and stays in the text, so the lead paragraph reads as published.
            dateline = dl
            break
    return replace(meta, title=title, title_block=title_block, dateline=dateline, blocks=blocks, spans=tuple(spans),
                   authors=_authors_above(doc, meta, last))


def _headline_above(doc: Document, label: Sequence[Optional[str]], blocks: Mapping[int, str],
                    below: int) -> Optional[int]:
    """The nearest headline-shaped line above block ``below`` (at most
    TITLE_SEARCH blocks up), past labelled and metadata blocks and past long
    blocks (a standfirst between headline and body); None if there is none."""
    for i in range(below - 1, max(-1, below - TITLE_SEARCH), -1):
        if label[i] is not None or i in blocks:
            continue
        if headline_like(doc.blocks[i].text, doc.feats[i].n_words):
            return i
    return None


def _authors_above(doc: Document, meta: Meta, last: int) -> Tuple[str, ...]:
    """The authors without those of bylines below the body's end: a byline
    there heads a teaser for another story (the line still leaves the body)."""
    below = set()
    for i, f in meta.blocks.items():
        if f == "byline" and i > last:
            below.update(byline(doc.blocks[i].text, doc.feats[i].n_words) or [])
    if not below:
        return meta.authors
    above = set()
    for i, f in meta.blocks.items():
        if f == "byline" and i <= last:
            above.update(byline(doc.blocks[i].text, doc.feats[i].n_words) or [])
    return tuple(a for a in meta.authors if a not in below or a in above)


def declared_title_lines(doc: Document, meta: Meta, label: Sequence[Optional[str]], body: Body,
                         declared: str) -> Meta:
    """Lines near the top that repeat the page's declared title leave the body as the title."""
    key = norm_key(declared)
    if not key:
        return meta
    blocks, spans = dict(meta.blocks), list(meta.spans)
    for i in range(0, min(len(doc.blocks), body.first + 3)):
        if i not in blocks and label[i] is None and norm_key(doc.blocks[i].text) == key:
            blocks[i] = "title"
            b = doc.blocks[i]
            spans.append(MetaSpan("title", b.text, b.start, b.end))
    return replace(meta, blocks=blocks, spans=tuple(spans))
