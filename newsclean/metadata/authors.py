"""Author names, cleaned: persons only, without "By", roles or affiliations.

Declared authors (meta tags, JSON-LD) and bylines carry more than names:
"By TOM KRISHER, AP Auto Writer", "Meg James Staff Writer", "Troy L. Smith,
Cleveland.com", "Reuters", "News Nation Bureau", "admin". Fewer and right
beats more and wrong: what is not plainly a person's name is dropped.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

# "By", "Von", "Text:" ... before the names
_LEAD_RE = re.compile(r"^(?:(?:(?:written|analysis|opinion|commentary|review|story|interview)\s+)?by|von|par|por|di|door|av|autor(?:ka)?|автор|текст|text|words|posted\s+by)"
                      r"\s*[:\-–—]?\s+", re.IGNORECASE)
# What follows a name after a comma, bar, bullet, " - " or ". " is a role or an affiliation.
_TAIL_RE = re.compile(r"\s*(?:[,|•·/(]|\s@\w|\s[-–—]\s|\.\s(?=[A-Z][a-z]+\s+[A-Z])).*$")
#: Role words: a name ends before the first of them ("Meg James Staff Writer").
ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters correspondent correspondents contributor contributing columnist "
    "editor editors senior chief associate deputy managing political business tech sports auto special "
    "bureau desk team newsroom news online digital editorial redaktion rédaction redacción"
    .split())
#: Role words that name a group: a byline that ends in one names no person ("Jerusalem Post Staff").
COLLECTIVE_WORDS = frozenset("staff bureau desk team newsroom editorial editors redaktion".split())
#: Not persons: news agencies, desks and generic accounts.
NOT_PERSONS = frozenset(
    "reuters ap afp dpa ansa efe bloomberg upi pti ians xinhua tass ria novosti associated press "
    "agence france-presse france-presse press association pa media staff admin administrator editorial "
    "editor redaktion guest anonymous unknown webmaster newsroom".split()) | frozenset(
    {"associated press", "agence france-presse", "press association", "pa media", "ria novosti", "the associated press",
     "cnn wire", "news desk", "web desk", "the editors"})
_HANDLE_RE = re.compile(r"[@/\\:=<>{}\[\]\d]|https?|www\.|\.com\b|\.org\b|\.net\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*")


def _title_case(name: str) -> str:
    """'TOM KRISHER' -> 'Tom Krisher' (a name in capitals only)."""
    if name.upper() != name or not any(c.isalpha() for c in name):
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


def clean_name(raw: str, site: Optional[str] = None) -> Optional[str]:
    """The person's name in ``raw``, or None when ``raw`` names no person."""
    s = " ".join((raw or "").split()).strip(" ,;|-–—·•")
    if not s or len(s) > 80:
        return None
    s = _LEAD_RE.sub("", s)
    s = _TAIL_RE.sub("", s).strip(" .,;|-–—")
    kept: List[str] = []
    parts = s.split()
    for w in parts:
        if kept and w.casefold().strip(".,") in ROLE_WORDS:
            if parts[-1].casefold().strip(".,") in COLLECTIVE_WORDS:
                return None
            break
        kept.append(w)
    s = " ".join(kept)
    if not s or _HANDLE_RE.search(s):
        return None
    key = s.casefold()
    words = s.split()
    if key in NOT_PERSONS or key.startswith("the ") or any(w.casefold() in ROLE_WORDS for w in words):
        return None
    if site and (key == site.casefold() or key in site.casefold() or site.casefold() in key):
        return None
    if len(words) > 5 or not all(_WORD_RE.fullmatch(w) for w in words):
        return None
    if len(words) == 1 and (s.islower() or (s.isupper() and len(s) > 1)):
        return None   # "admin", "jdadmin", "KWCHCIK": an account, not a name
    return _title_case(s)


def clean_authors(names: Iterable[str], site: Optional[str] = None) -> List[str]:
    """Persons' names from ``names`` in order, each once. In a list of full
    names, a lone word is an affiliation ("Victor Tangermann, Futurism")."""
    out: List[str] = []
    for raw in names:
        name = clean_name(raw, site)
        if name and name.casefold() not in {o.casefold() for o in out}:
            out.append(name)
    if any(len(n.split()) > 1 for n in out):
        out = [n for n in out if len(n.split()) > 1]
    return out
