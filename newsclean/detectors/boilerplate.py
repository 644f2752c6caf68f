"""``boilerplate``: site chrome -- navigation, section names, share/subscribe
buttons, photo credits and captions, comment widgets, copyright footers.

Pass 1 judges a block on its own: a whole line from ``data/boilerplate_lines.txt``,
a short line containing a phrase of ``data/boilerplate_phrases.txt``, a photo
credit (``data/credits.txt``), a caption ending in the site's name, a line with
no words. Pass 2 uses position: short non-sentence lines before the headline
or after the article body are navigation and footer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Dict, List, Optional, Pattern, Tuple, Union

from ..analysis.blockscorer import unlikely_blocks
from ..analysis.body import Body
from ..analysis.document import Block, Document, Features
from ..analysis.findings import Finding
from ..analysis.scores import is_prose
from ..analysis.topic import overlap
from ..metadata.lines import parse_date
from ..text import lexicon
from ..text.words import EMAIL_RE, IMAGE_FILE_RE, norm_key, sentence_spans, site_line_key, words
from .base import Context, Params, Rule, params_of
from .prompts import (BUTTON_WORDS, COOKIE_MAX_WORDS, COOKIE_TERMS, MIXED_MAX_WORDS, OPENING_MAX_WORDS,  # noqa: F401
                      PROMPT_COVERAGE, PROMPT_MAX_WORDS, coverage, is_prompt, reported)  # (the thresholds: defaults of rule parameters)


CATEGORY = "boilerplate"

#: A site-chrome phrase counts in a block of at most this many words ...
PHRASE_MAX_WORDS = 15
#: ... a reprint or copyright notice in one of at most this many.
NOTICE_MAX_WORDS = 80
#: Whole chrome lines ("Share", "Comments (12)") have at most this many words.
LINE_MAX_WORDS = 8
#: A credit with an agency and a name ("Foto AFP / Jean Dupont") has at most this many words.
CREDIT_NAMED_WORDS = 10
#: An update notice has at most this many words.
STAMP_MAX_WORDS = 16
#: A share label ("Share this article") has at most this many words.
SHARE_LABEL_WORDS = 5
#: A credit "Name/Agency" names the photographer in at most this many words.
CREDIT_NAME_WORDS = 4
#: Captions, credits, site-name tails, social and contact lines: at most this many words.
SHORT_BLOCK_WORDS = 40
#: A staff credit (boilerplate.staff) has at most this many words; each of
#: its clauses, or a contributor note's place, at most STAFF_CLAUSE_WORDS (its
#: names twice that). 0, the default: staff credits stay. Editors keep them
#: under the story ("Additional reporting by ...": an independent near-miss
#: set marks them so, and two of the five benchmark pages that have one keep
#: it); for an index without them, set it (60 takes the longest seen).
STAFF_MAX_WORDS = 0
STAFF_CLAUSE_WORDS = 14
#: A headline repeated in the text: at most this many words.
TITLE_MAX_WORDS = 30
#: A short line naming a newsletter, with no sentence end, is the box's title ...
NEWSLETTER_TITLE_WORDS = 12
#: ... and a block right under a newsletter box with a newsletter phrase belongs to it.
NEWSLETTER_FOLLOW_WORDS = 20
#: A newsletter phrase that opens a sentence opens a sign-up call when the
#: block has this many distinct newsletter phrases ("Newsletter: sign up for
#: free"; not "Newsletter redakcji ma dziś 150 tys. zapisanych osób").
NEWSLETTER_CALL_PHRASES = 2
#: A block with this many distinct consent phrases is a consent notice ...
CONSENT_PHRASES = 2
#: ... and when it is longer than MIXED_MAX_WORDS, they cover this share of its letters
#: (on the development pages' lines of 21-90 words with the word "cookies" and a consent
#: phrase, the notices' coverage is 0.106-0.218; the blind articles' paragraphs about
#: cookie consent, 0.039 and 0.047: benchmarks/blind_articles.py, dev split)
CONSENT_LONG_COVERAGE = 0.08
#: Words that name a consent banner as a thing: a block of more than
#: BANNER_TALK_WORDS words that uses one is about banners ("A banner saying you
#: accept the use of cookies is not consent"), not one; a notice speaks of
#: itself only as "this banner" ("Chiudendo questo banner acconsenti ...").
BANNER_WORDS = frozenset({"banner", "banners", "cookiebanner", "bandeau", "bandeaux", "bannière", "bannières",
                          "baner", "banery", "banera", "баннер", "баннеры", "баннера", "popup", "popups", "pop"})
_THIS = frozenset({"this", "questo", "quest", "ce", "cet", "cette", "dieses", "diesen", "diese", "este", "esta",
                   "ten", "tego", "этот", "этого", "deze", "dit"})
BANNER_TALK_WORDS = 8


#: The voice of a notice: the site speaking ("we", "our", "this site") or the
#: reader addressed ("you", "vous", "Sie"), in the claimed languages, Dutch and
#: Turkish. A consent block of more than BANNER_TALK_WORDS words without it
#: speaks of consent ("Continuing to browse a site can no longer count as
#: consent to cookies"), it asks for none.
_VOICE = frozenset({
    "we", "our", "ours", "us", "you", "your",
    "wir", "unser", "unsere", "unseren", "unserer", "unseres", "uns", "sie", "ihr", "ihre", "ihren", "ihrer", "du",
    "dein", "deine",
    "nous", "notre", "nos", "vous", "votre", "vos", "tu", "ton", "ta", "tes",
    "utilizamos", "usamos", "nuestro", "nuestra", "nuestros", "nuestras", "usted", "tus", "su", "sus", "aceptas",
    "acepta",
    "utilizziamo", "usiamo", "nostro", "nostra", "nostri", "nostre", "tuo", "tua", "tuoi", "accetti", "acconsenti",
    "nosso", "nossa", "nossos", "nossas", "você", "seu", "sua", "concorda",
    "używamy", "nasz", "nasza", "nasze", "naszej", "naszych", "naszym", "twój", "twoje", "twoich", "wyrażasz",
    "akceptujesz", "zgadzasz",
    "мы", "наш", "наша", "наши", "нашем", "наших", "нашего", "вы", "ваш", "ваши", "вашего", "ваших",
    "wij", "onze", "ons", "je", "jouw", "jij", "uw",
    "sitemizde", "sitemiz", "sitemizi"})
_THIS_SITE = frozenset({("this", "site"), ("this", "website"), ("ce", "site"), ("cet", "espace"), ("questo", "sito"),
                        ("este", "site"), ("este", "sitio"), ("esta", "web"), ("este", "sítio"), ("ta", "strona"),
                        ("tej", "stronie"), ("этот", "сайт"), ("этом", "сайте"), ("deze", "website"), ("deze", "site"),
                        ("diese", "website"), ("diese", "seite"), ("dieser", "website"), ("dieser", "seite")})


def _notice_voice(ws: List[str]) -> bool:
    """Whether the words ``ws`` speak as a site or to its reader."""
    return not _VOICE.isdisjoint(ws) or any(pair in _THIS_SITE for pair in zip(ws, ws[1:]))


def _about_banners(ws: List[str]) -> bool:
    """Whether the words ``ws`` name a banner other than "this banner"."""
    return any(w in BANNER_WORDS and (k == 0 or ws[k - 1] not in _THIS) for k, w in enumerate(ws))
#: (no length limit)
ANY_LENGTH = 1 << 30
#: A comment section: the replies after its last header, at most this many.
COMMENT_TAIL = 3
# "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "Follow him on Twitter @x"
_SOCIAL_RE = re.compile(r"\b(?:follow|folgen sie|suivez|síguenos|seguici|siga|obserwuj)\b[^.!?]{0,80}?"
                        r"\b(?:on|auf|sur|en|su|no|na)\s+(?:twitter|facebook|instagram|youtube|tiktok|linkedin|x\b)",
                        re.IGNORECASE)
# The verb with the site as its object: "follow us", "folgen Sie uns", "suivez-nous", "siga-nos", "obserwuj nas".
_FOLLOW_US_RE = re.compile(r"(?:follow\s+us|folgen\s+sie\s+uns|suivez[\s-]+nous|síguenos|seguici|siga[\s-]+nos"
                           r"|obserwuj\s+nas)\b", re.IGNORECASE)
# "Listen: http://...", "Download: https://..."
_SOCIAL_FIRST = frozenset({"follow", "folgen", "suivez", "síguenos", "seguici", "siga", "obserwuj"})
_LINK_LABEL_RE = re.compile(r"^[\w'’ ]{1,30}:\s*(?:https?://|www\.)\S+$")
_CONTACT_RE = re.compile(r"\b(?:reached at|contact|e-?mail|write to|tips?)\b", re.IGNORECASE)
_SHORTCODE_RE = re.compile(r"^\[\w+(?:\s[^\]]*)?\].{0,300}\[/\w+\]$")
_STAMP_RE = re.compile(r"^(?:updated|published|posted|last updated|modified)\s*(?:at|on|:)?\s*"
                       r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\.?$", re.IGNORECASE)
_AGENCY_SPLIT_RE = re.compile(r"[/|,;]")
_TIME_RE = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_TAG_LINE_RE = re.compile(r"^\W*(\w[\w\s-]{0,30}?)\s*[:：]\s*\S")
_COUNTER_RE = re.compile(r"[\d\W_]+")
_CREDIT_SEP_RE = re.compile(r"^\s*[:/|]")


def _line_key(text: str, ws=None) -> str:
    """The line's letters, lower case: "Comments (12)" -> "comments"; "Share »" -> "share".

    ``ws`` are the block's words (``Features.words``, ``\\w+`` runs of the
    casefolded text). When they are all letters, the key is just those words
    joined (the usual case, and much cheaper than the regex)."""
    if ws and "".join(ws).isalpha():
        return " ".join(ws)
    return " ".join(_COUNTER_RE.sub(" ", text.casefold()).split())


@lru_cache(maxsize=8)
def _chrome_lines(lines: frozenset) -> frozenset:
    """The lines of data/boilerplate_lines.txt as a block's line is keyed
    (:func:`_line_key`): "Share this:", "Suivez-nous", "Fehler gefunden?"
    match a line as written, whatever their punctuation."""
    return frozenset(_line_key(x) for x in lines)


_SHARE_WORDS = frozenset(
    "share shares compartilhe compartilhar compartir comparte partager partagez teilen condividi udostępnij "
    "поделиться whatsapp facebook twitter x email e mail telegram linkedin pinterest reddit print drucken "
    "imprimir imprimer stampa copy link tweet messenger vk ok flipboard skopiuj kopiuj copiar copier kopieren "
    "copia".split())
#: Verbs that open a share label, in the languages we claim.
_SHARE_VERBS = frozenset(
    "share compartilhe compartilhar partilhe partilhar compartir comparte compártelo partager partagez partage "
    "teilen teile condividi condividere udostępnij podziel поделиться поделитесь".split())
#: Networks and channels a share button names.
_NETWORKS = frozenset("whatsapp facebook twitter x email e mail telegram linkedin pinterest reddit messenger vk ok "
                      "flipboard threads bluesky mastodon xing viber".split())
#: An advertising slot's marker: an ad word with a word that says the text goes on
#: ("Story continues below advertisement", "Continua dopo la pubblicità").
_AD_WORDS = frozenset("ad ads pub anuncio anuncios".split())
#: ... and the stems of inflected ad words ("reklamą", "рекламы", "Anzeigen").
_AD_STEMS = ("advert", "sponsor", "anzeige", "werbung", "publicit", "publicid", "pubblicit", "reklam", "реклам")
_GOES_ON = frozenset(
    "continues continue continued below after reading story article weiter unten lesen geht suite continue "
    "continúa continua después dopo depois abaixo sigue segue dalsza dalej poniżej pod ниже продолжение далее "
    "после".split())
#: A comment widget's words: the comment word's stems, and the words of its buttons and labels.
_COMMENT_WORD_STEMS = ("comment", "kommentar", "commentaire", "comentario", "commento", "commenti", "comentário",
                       "komentarz", "комментар")
_COMMENT_STEMS = _COMMENT_WORD_STEMS + ("discussion", "diskussion", "discusión", "discussione", "dyskusj", "обсужд")
_COMMENT_UI = frozenset(
    "show hide load loading view all top rated newest oldest sort join add post leave write read reply replies "
    "anzeigen laden alle neueste schreiben afficher voir tous toutes ajouter écrire ver todos mostrar cargar "
    "escribir mostra tutti carica scrivi mostrar ver todos carregar escrever pokaż wszystkie dodaj napisz "
    "показать все загрузить написать".split())
#: A reading-time line's words: reading words and minute words.
_READING = frozenset("read reading lesezeit lesedauer lesen lecture lectura leer lettura leitura czytania czas "
                     "чтения чтение".split())
_MINUTES = frozenset("min mins minute minutes minuten minuto minutos minuti minut minuty minutę минута минуты "
                     "минут мин".split())
#: An update notice's verb ("This article was last updated on ...").
_UPDATE_WORDS = frozenset(
    "updated update aktualisiert aktualisierung actualizado actualización actualizada aggiornato aggiornamento "
    "atualizado atualização atualizada zaktualizowano zaktualizowany aktualizowany aktualizacja обновлено обновление "
    "mis".split())
#: A tag line's label, before a colon ("Mots-clés : A, B, C").
_TAG_LABELS = frozenset(
    "tags tagged keywords topics schlagwörter schlagworte stichwörter themen mots clés étiquettes etiquetas "
    "temas etichette argomenti tag tagi tematy słowa kluczowe теги темы ключевые слова".split())
_CREDIT_RES: dict = {}
_CREDIT_FIRST = frozenset({"copyright", "c"})


def _credit_re(prefixes: frozenset):
    rx = _CREDIT_RES.get(prefixes)
    if rx is None:
        alts = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
        rx = re.compile(rf"^(?:{alts})(?:\s*[:/|]|(?<=\.)\s+\S|\s+by\s|\s+courtesy\b)", re.IGNORECASE)
        _CREDIT_RES[prefixes] = rx
    return rx


# "Copyright" opening a notice: a sign, a year, "by" or a colon after it
# ("Copyright © 2024 Reuters", "Copyright 2019 The Associated Press"), not a
# sentence about copyright ("Copyright law changed in 2019 ...").
_COPYRIGHT_LINE_RE = re.compile(r"copyright\s*(?:©|\(c\)|\d{4}|by\b|:)", re.IGNORECASE)
# ... or a name after it, on a line that is no sentence ("Copyright Reuters", "Copyright The Guardian").
_COPYRIGHT_NAME_RE = re.compile(r"[Cc]opyright\s+[A-Z]")


def _credit(text: str, n_words: int, prefixes: frozenset, p: Params) -> str:
    t = text.strip()
    if n_words <= 30 and (t.startswith(("©", "(c)", "(C)")) or _COPYRIGHT_LINE_RE.match(t)
                          or n_words <= p.CREDIT_NAMED_WORDS and _COPYRIGHT_NAME_RE.match(t) and t[-1] not in ".!?"):
        return "copyright or photo credit"
    if n_words > 14:
        return ""
    t = t.strip("()[]").strip() or t  # "(Photo by Jane Doe/Getty Images)"
    low = t.casefold()
    m = _credit_re(prefixes).match(low)
    if m:
        return f"credit line (\u201c{t[:m.end()].rstrip(' :/|')}\u201d)"
    # A photographer's name, a slash, an agency: "Justin Sullivan/Getty Images", "Jane Doe / AP"
    name, slash, agency = t.rpartition("/")
    if (slash and agency.strip().casefold() in prefixes and 1 <= len(name.split()) <= p.CREDIT_NAME_WORDS
            and all(w[:1].isupper() for w in name.split())):
        return "credit line (a name, an agency)"
    # A line made only of agency / photo-library names: "REUTERS", "AFP/Getty Images", "(Getty Images)"
    parts = [p.strip() for p in _AGENCY_SPLIT_RE.split(low.strip("()[] ")) if p.strip()]
    if parts and all(p in prefixes for p in parts) and n_words <= 6:
        return "agency or photo-library name"
    # A credit word, an agency name, then the photographer: "Foto AFP / Jean Dupont"
    first = low.split(None, 2)
    if (len(first) >= 3 and first[0] in prefixes and "/" in low and n_words <= p.CREDIT_NAMED_WORDS
            and any(p in prefixes for p in _AGENCY_SPLIT_RE.split(first[1] + " " + first[2])[0].split())):
        return f"credit line (\u201c{t.split()[0]}\u201d, an agency, a name)"
    return ""


# A staff credit ("Reporting by Jane Doe in London; Editing by John Roe",
# "Mitarbeit: Anna Berg", "Associated Press writers Jane Doe and John Roe
# contributed to this report.", "Le Monde avec AFP", a desk's initials
# "mzi/ mhr/"): clauses of a newsroom role (data/staff_roles.txt) and names,
# or names and a contribution (data/staff_contributed.txt). The names are the
# evidence that no sentence goes: every word of them is capitalised, a joining
# word, a staff noun or an agency's name.
_NAME_JOINERS = frozenset(
    "and und et y e i и & with mit avec con com z с in im à a en em w we в во из from aus de da do dos das di del "
    "della von van der den la le les du des al at of the l' d' additional also auch aussi también anche também "
    "również także также sowie ainsi que".split())
#: Joining words that make names and an agency a source note ("Le Monde avec AFP", "(Com agências)").
_WITH = frozenset("with mit avec con com z с".split())
#: Stems of the staff's nouns, inflected forms included ("korespondentką", "корреспондента").
_STAFF_STEMS = ("writer", "reporter", "correspondent", "staff", "photographer", "editor", "researcher", "journalist",
                "journaliste", "rédaction", "redaktion", "redacción", "redazione", "redação", "redakcj", "редакци",
                "corresponsal", "periodista", "corrispondent", "giornalist", "jornalist", "correspondente",
                "korespondent", "dziennikar", "корреспондент", "журналист")
_NAME_STRIP = ",;:()[]{}.\u201c\u201d\"'"
#: A desk's initials: two or more short lower-case tags between slashes ("mzi/ mhr/", "bur-mc/jvb/bds").
_DESK_TAGS_RE = re.compile(r"^(?:[a-z]{2,5}\s*[/-]\s*){2,}(?:[a-z]{2,5})?$")
_DESK_TAG_RE = re.compile(r"^[a-z]{2,5}$")
#: The same, opening a line before its source note ("ssu/mit Material von dpa").
_DESK_TAG_PREFIX_RE = re.compile(r"^(?:[a-z]{2,5}/\s*)+(?=\S)")
#: At most this many words after the contribution ("... contributed reporting from New York").
STAFF_PLACE_WORDS = 4


def _names(text: str, agencies: frozenset, most: int) -> Tuple[bool, bool]:
    """Whether ``text`` is a list of names (and places): at least one name
    (a capitalised word or an agency), and no word that is neither a name, a
    joining word nor a staff noun; no more than ``most`` words. And whether
    it names an agency."""
    toks = text.split()
    if not toks or len(toks) > most:
        return False, False
    named = agency = False
    for tok in toks:
        for part in tok.strip(_NAME_STRIP).split("/"):
            t = part.strip(_NAME_STRIP)
            if not t or t in "-–—&":
                continue
            low = t.casefold()
            if low in agencies:
                named = agency = True
            elif low in _NAME_JOINERS or low.startswith(_STAFF_STEMS):
                continue
            elif not t[0].isupper() or any(c.isdigit() for c in t):
                return False, False
            else:
                named = True
    return named, agency


def _phrases_re(phrases: Tuple[str, ...]) -> str:
    """An alternation of ``phrases`` (longest first); a phrase ending in ":"
    needs the colon, another may have one."""
    def one(p: str) -> str:
        if p.endswith(":"):
            return r"\s+".join(map(re.escape, p[:-1].split())) + r"\s*:"
        return r"\s+".join(map(re.escape, p.split())) + r"(?=[\s:])\s*:?"
    return "|".join(one(p) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=8)
def _staff_res(roles: Tuple[str, ...], general: Tuple[str, ...],
               contributed: Tuple[str, ...]) -> Tuple[Pattern[str], Pattern[str], Pattern[str], Pattern[str]]:
    """(a newsroom role opening a clause, a general role opening one, a comma
    before either, a contribution phrase)."""
    either = _phrases_re(roles + general)
    contrib = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(contributed, key=len, reverse=True))
    return (re.compile(rf"(?:{_phrases_re(roles)})\s*", re.IGNORECASE),
            re.compile(rf"(?:{_phrases_re(general)})\s*", re.IGNORECASE),
            re.compile(rf",\s*(?=(?:{either}))", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{contrib})(?!\w)\s*:?", re.IGNORECASE))


def _contributor_note(t: str, contrib_re: Pattern[str], agencies: frozenset, most: int, place: int) -> bool:
    """Names, then a contribution, then at most a place ("Jane Doe contributed
    reporting from Kyiv"); or a contribution, then names."""
    m = contrib_re.search(t)
    if m is None:
        return False
    before, after = t[:m.start()].strip(), t[m.end():].strip()
    if not before:
        return _names(after, agencies, most * 2)[0]
    return _names(before, agencies, most * 2)[0] and (
        not after or len(after.split()) <= place and _names(after, agencies, most)[0])


def desk_tags(text: str, agencies: frozenset) -> bool:
    """A desk's initials alone on a line: two or more short lower-case tags
    between slashes ("mzi/ mhr/", "bur-mc/jvb/bds"), or tags and an agency
    ("ssu/dpa", "(dpa/mb)")."""
    t = text.strip().strip("()[]")
    if t.count("/") >= 2 and _DESK_TAGS_RE.match(t) is not None:
        return True
    parts = [x.strip() for x in t.split("/")]
    named = sum(1 for x in parts if x.casefold() in agencies)
    tags = sum(1 for x in parts if x.casefold() not in agencies and _DESK_TAG_RE.match(x))
    return len(parts) >= 2 and tags >= 1 and named >= 1 and tags + named == len(parts)


def staff_credit_line(text: str, roles: Tuple[str, ...], general: Tuple[str, ...], contributed: Tuple[str, ...],
                      agencies: frozenset, clause_words: int, place_words: int) -> str:
    """Why ``text`` is a staff credit, or "" (see data/staff_roles.txt)."""
    role_re, general_re, comma_re, contrib_re = _staff_res(roles, general, contributed)
    t = text.strip().lstrip("*—–- ")
    if t[:1] in "([" and t[-1:] in ")]":
        t = t[1:-1]
    t = _DESK_TAG_PREFIX_RE.sub("", t.strip()).rstrip(".")
    # Several notes, each a sentence: "Jane Doe contributed reporting. John Roe contributed research."
    notes = [t[a:z] for a, z in sentence_spans(t) if t[a:z].strip()]
    if notes and all(_contributor_note(s.rstrip("."), contrib_re, agencies, clause_words, place_words)
                     for s in notes):
        return "a contributor note"
    # Names with an agency: "Le Monde avec AFP et Reuters", "(Com agências)"
    named, agency = _names(t, agencies, clause_words)
    if named and agency and not _WITH.isdisjoint(words(t)):
        return "a source note (names with an agency)"
    clauses = [c.strip() for part in t.split(";") for c in comma_re.split(part)]
    newsroom = False
    for clause in clauses:
        r = role_re.match(clause)
        newsroom = newsroom or r is not None
        r = r or general_re.match(clause)
        if r is None or not _names(clause[r.end():], agencies, clause_words)[0]:
            return ""
    if not newsroom:
        return ""
    return f"a staff credit ({len(clauses)} role{'s' if len(clauses) > 1 else ''})"


_GLUED_RES: dict = {}


def _credit_tail(ws, text: str, credits: frozenset) -> bool:
    """Cheap test before the regex: does the block end in a credit word?"""
    if not ws:
        return False
    return (ws[-1] in credits or " ".join(ws[-2:]) in credits or "©" in text[-80:]
            or not _CREDIT_WORDS.isdisjoint(ws[-6:]))


_CREDIT_WORDS = frozenset({"photo", "photos", "foto", "fotos", "image", "images", "picture", "credit", "credits"})


def _glued_credit(text: str, prefixes: frozenset) -> bool:
    """A caption whose credit is glued to its last sentence: "... in New York.Reuters",
    "... on Tuesday. (Photo: AFP)", "... at the summit. Getty Images"."""
    rx = _GLUED_RES.get(prefixes)
    if rx is None:
        agencies = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True) if len(p) >= 2)
        photo_copyright = r"(?:[,;]\s*(?:photos?|fotos?|images?|picture)\s*|[.!?”\"]\s*)©\s*[^©]{1,60}"
        photo_credit = r"\(?(?:photo|foto|image|picture|credit|fot\.)s?\s*[:/]?\s*[^()]{1,60}\)?"
        agency = rf"(?:{agencies})(?:\s*/\s*[\w ]{{1,30}})?"
        rx = re.compile(rf"(?:{photo_copyright}|[.!?”\"]\s*(?:{photo_credit}|{agency})|\s[-–—|]\s*{photo_credit})\s*$",
                        re.IGNORECASE)
        _GLUED_RES[prefixes] = rx
    m = rx.search(text, max(0, len(text) - 120))  # the credit is at the end: look there only
    return m is not None and m.start() > 0 and any(c.isupper() for c in text[m.start():])


def _phrase(pattern, keys: frozenset, f: Features, text: str, max_words: int, what: str) -> Optional[str]:
    """The reason, when a block of at most ``max_words`` words contains a phrase of ``pattern``."""
    if f.n_words > max_words or keys.isdisjoint(f.words):
        return None
    m = pattern.search(text)
    if m is None:
        return None
    # A one-word phrase is a label ("Tags", "Categoria", "Рубрика"): chrome when
    # it opens the line or is most of it, not inside a sentence that uses the word.
    if " " not in m.group().strip() and m.start() > 2 and len(m.group()) < 0.5 * len(text.strip()):
        return None
    return f"{what} \u201c{m.group()}\u201d"


@dataclass
class Page:
    """What the block rules need of the page as a whole, worked out once:
    the vocabularies (with the configuration's extra phrases), the site name
    and the declared title, and the rules' verdicts so far in this pass."""

    lines: frozenset
    drop: frozenset
    learned: Dict[str, Tuple[int, int]]  # Config.site_lines: key -> (pages with the line, pages of the host)
    phrases: Pattern[str]
    phrase_first: frozenset
    notices: Pattern[str]
    notice_first: frozenset
    consent: Pattern[str]
    consent_first: frozenset
    newsletter: Pattern[str]
    newsletter_first: frozenset
    credits: frozenset
    staff_roles: Tuple[str, ...]
    staff_general: Tuple[str, ...]
    staff_contributed: Tuple[str, ...]
    staff_first: frozenset
    src: Optional[str]
    src_key: str
    src_end: str
    src_tail: Optional[Pattern[str]]
    title_key: str
    #: the rules' parameters (Config.params over the module's constants)
    p: Params
    #: the words that open follow-us lines (boilerplate.social's key words)
    social_first: frozenset = _SOCIAL_FIRST
    #: block index -> name of the rule that took it, in this pass
    verdicts: Dict[int, str] = field(default_factory=dict)
    #: block index -> its line key (two rules read it)
    keys: Dict[int, str] = field(default_factory=dict)

    def line_key(self, b: Block, f: Features) -> str:
        """:func:`_line_key` of block ``b``, worked out once."""
        key = self.keys.get(b.index)
        if key is None:
            key = self.keys[b.index] = _line_key(b.text, f.words)
        return key

    @classmethod
    def of(cls, ctx: Context) -> "Page":
        cfg = ctx.config
        src = ctx.meta.source
        extra = cfg.extra_phrases
        roles, general = lexicon.phrase_list("staff_roles", extra), lexicon.phrase_list("staff_roles_general", extra)
        return cls(
            lines=_chrome_lines(lexicon.phrase_set("boilerplate_lines", cfg.extra_phrases)),
            drop=frozenset(" ".join(line.casefold().split()) for line in cfg.drop_lines),
            learned={key: (n, total) for key, n, total in cfg.site_lines},
            phrases=lexicon.matcher("boilerplate_phrases", cfg.extra_phrases),
            phrase_first=lexicon.first_words("boilerplate_phrases", cfg.extra_phrases),
            notices=lexicon.matcher("boilerplate_notices", cfg.extra_phrases),
            notice_first=lexicon.first_words("boilerplate_notices", cfg.extra_phrases),
            consent=lexicon.matcher("boilerplate_consent", cfg.extra_phrases),
            consent_first=lexicon.first_words("boilerplate_consent", cfg.extra_phrases),
            newsletter=lexicon.matcher("boilerplate_newsletter", cfg.extra_phrases),
            newsletter_first=lexicon.first_words("boilerplate_newsletter", cfg.extra_phrases),
            credits=lexicon.phrase_set("credits", cfg.extra_phrases),
            staff_roles=roles,
            staff_general=general,
            staff_contributed=lexicon.phrase_list("staff_contributed", extra),
            # (every staff credit but a desk's initials holds a key word of its role or its
            # contribution, or a joining word "with" of a source note)
            staff_first=(lexicon.first_words("staff_roles", extra) | lexicon.first_words("staff_roles_general", extra)
                         | lexicon.first_words("staff_contributed", extra) | _WITH),
            src=src,
            src_key=norm_key(src) if src else "",
            # A src_tail match ends the line (but for trailing space) with the name.
            src_end=src.rstrip() if src else "",
            src_tail=re.compile(r"[-|–—]\s*" + re.escape(src) + r"\s*$") if src else None,
            title_key=norm_key(ctx.meta.title) if ctx.meta.title else "",
            p=params_of(cfg, CATEGORY),
        )


# The block rules: each says of block ``i`` whether it is chrome, and why.
# They run in the order of BLOCK_RULES, cheapest test first (most blocks of a
# whole page are one- or two-word menu lines); the first that answers takes
# the block.

def no_words(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    return "no words" if f.n_words == 0 else None


def configured_line(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    if page.drop and " ".join(b.text.casefold().split()) in page.drop:
        return "listed in drop_lines (configuration)"
    return None


#: Separators of a row of links or a breadcrumb trail ("Home | World", "Startseite > Berlin").
_ROW_SEPARATORS = (" | ", " > ", " › ", " » ", " / ", " • ", " · ")
#: A row has at least this many separators, between items of at most ROW_ITEM_WORDS words.
_ROW_SEPARATOR_CHARS = frozenset(sep.strip() for sep in _ROW_SEPARATORS)
ROW_MIN_SEPARATORS = 2
ROW_ITEM_WORDS = 4


#: Quotation marks: a line holding one is never learned site boilerplate (a
#: quote that recurs across a site's articles is not chrome).
QUOTE_MARKS = "\"“”„«»‘’‚‹›「」『』"


#: A whole sentence of prose (``prose_min_words`` words or more, ending a
#: sentence) learned as site boilerplate is removed only when it recurs on at
#: least this share of the site's pages: chrome is on (nearly) every page of
#: a template; a standard sentence that some of the site's articles share is
#: not chrome.
PROSE_SHARE = 0.8


def learned_line(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A line that recurs on many pages of the site, learned from the crawl
    (``Config.site_lines``). Kept: a line with a quotation, and a whole
    sentence of prose on less than ``PROSE_SHARE`` of the site's pages."""
    if not page.learned:
        return None
    hit = page.learned.get(site_line_key(b.text))
    if hit is None or any(q in b.text for q in QUOTE_MARKS):
        return None
    if f.n_words >= ctx.config.prose_min_words and f.ends_sentence and hit[0] < page.p.PROSE_SHARE * hit[1]:
        return None
    return f"recurs on {hit[0]} of {hit[1]} pages of this site (learned from the crawl)"


def link_row(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """"Home | World | Sport", "Startseite > Berlin > Bezirke": three or more
    short items between the same separator, no sentence."""
    text = b.text
    if f.ends_sentence or _ROW_SEPARATOR_CHARS.isdisjoint(text):
        return None
    for sep in _ROW_SEPARATORS:
        if text.count(sep) >= page.p.ROW_MIN_SEPARATORS and all(
                0 < len(part.split()) <= page.p.ROW_ITEM_WORDS for part in text.split(sep)):
            return "a row of links" if sep == " | " else "a breadcrumb or a row of links"
    return None


def share_bar(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A share bar: a line of share words and network names ("Share Facebook X
    Email"); a share label ("Partilhe este artigo", "Teilen Sie diesen
    Artikel"): a share verb opening a line of at most SHARE_LABEL_WORDS words;
    or a network name alone on its line next to another or to such a label
    (a bar written one button a line)."""
    if not f.words:  # (a line of CJK punctuation counts characters as words but has none)
        return None
    if 2 <= f.n_words <= 8 and _SHARE_WORDS.issuperset(f.words):
        return "share bar"
    if (f.words[0] in _SHARE_VERBS and f.n_words <= page.p.SHARE_LABEL_WORDS and not f.ends_sentence
            and any(w[:1].islower() for w in b.text.split()[1:])):
        # ("Share this story"; a row of capitalised buttons, "Share Print Email", is a row of UI words: icon)
        return "share label"
    if 1 <= f.n_words <= 2 and _NETWORKS.issuperset(f.words):
        feats = ctx.doc.feats
        for k in (b.index - 1, b.index + 1):
            if 0 <= k < len(feats) and feats[k].words and (
                    (feats[k].n_words <= 2 and _NETWORKS.issuperset(feats[k].words))
                    or (feats[k].words[0] in _SHARE_VERBS and feats[k].n_words <= page.p.SHARE_LABEL_WORDS)):
                return "share button"
    return None


def chrome_line(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A whole line of ``data/boilerplate_lines.txt``, counters and symbols aside."""
    if f.n_words <= page.p.LINE_MAX_WORDS or not f.words:
        key = page.line_key(b, f)
        if key in page.lines:
            return f"site chrome line \u201c{key}\u201d"
    return None


def symbols_only(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    # (a line of CJK punctuation, "・・・", counts characters as words but has none)
    if (f.n_words <= page.p.LINE_MAX_WORDS or not f.words) and not page.line_key(b, f):
        if not ctx.doc.whole_page and any(map(str.isdigit, b.text)):
            return None  # in an article, a line of figures is a table's row or a score
        return "numbers and symbols only"
    return None


def consent_notice(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A cookie or privacy consent notice, or its buttons: a short block made
    mostly of consent phrases (data/boilerplate_consent.txt), or one with two
    of them ("... pliki cookies ... Kliknij „Akceptuję” ...")."""
    if page.consent_first.isdisjoint(f.words):
        return None  # (no phrase of the vocabulary can match: the regexes are not run)
    if f.n_words > page.p.BANNER_TALK_WORDS and (not BANNER_WORDS.isdisjoint(f.words) and _about_banners(f.words)
                                                 or not _notice_voice(f.words)):
        return None
    ok, why = is_prompt(page.consent, b.text, f.n_words, page.p)  # (a consent button's word never runs on into a call)
    if ok:
        return f"cookie or consent notice: {why}"
    if f.n_words <= page.p.COOKIE_MAX_WORDS:
        found = {m.group().casefold() for m in page.consent.finditer(b.text)}
        # the word "cookies" and a consent phrase besides (an article about
        # cookies names them, a notice asks to accept them); in a block longer
        # than a notice's few lines the phrases must make up a share of it: a
        # paragraph about consent law names the buttons and the cookies too
        if found & COOKIE_TERMS and len(found - COOKIE_TERMS) >= page.p.CONSENT_PHRASES - 1 and (
                f.n_words <= page.p.MIXED_MAX_WORDS or coverage(page.consent, b.text)[0] >= page.p.CONSENT_LONG_COVERAGE) \
                and not reported(b.text):
            return f"cookie or consent notice ({len(found)} consent phrases)"
    return None


def newsletter_box(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A newsletter sign-up box (data/boilerplate_newsletter.txt)."""
    if page.newsletter_first.isdisjoint(f.words):
        return None  # (no phrase of the vocabulary can match: the regexes are not run)
    ok, why = is_prompt(page.newsletter, b.text, f.n_words, page.p,
                        runs_on=lambda t: coverage(page.newsletter, t)[1] >= page.p.NEWSLETTER_CALL_PHRASES)
    if ok:
        return f"newsletter box: {why}"
    if f.n_words > page.p.NEWSLETTER_FOLLOW_WORDS:
        return None
    m = page.newsletter.search(b.text)
    if m is None:
        return None
    if f.n_words <= page.p.NEWSLETTER_TITLE_WORDS and not f.ends_sentence:
        return f"newsletter box title (\u201c{m.group()}\u201d)"
    if page.verdicts.get(b.index - 1) == "boilerplate.newsletter":
        return f"continues the newsletter box above it (\u201c{m.group()}\u201d)"
    return None


def bare_url(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    # (a whole page's text: in an article, a bare URL is usually the article's own link)
    if f.n_urls == 1 and f.url_chars >= len(b.text) - 2 and ctx.doc.mode == "text" and ctx.doc.whole_page:
        return "a bare URL"
    return None


def headline_again(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """The page's declared title (HTML) as a line of the extracted text."""
    if page.title_key and f.n_words <= page.p.TITLE_MAX_WORDS and " ".join(f.words) == page.title_key:
        return "repeats the headline"
    return None


def caption(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A caption whose photo credit is glued to its end."""
    text = b.text
    if (f.n_words <= page.p.SHORT_BLOCK_WORDS and _credit_tail(f.words, text, page.credits)
            and _glued_credit(text, page.credits)):
        return "caption ending in a photo credit"
    return None


def credit(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    text = b.text
    if f.words[0] in page.credits or text[0] in "©(" or f.words[0] in _CREDIT_FIRST or "/" in text:
        return _credit(text, f.n_words, page.credits, page.p) or None
    return None


def staff_credit(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A staff credit or a contributor note (:func:`staff_credit_line`)."""
    return staff_credit_line(b.text, page.staff_roles, page.staff_general, page.staff_contributed, page.credits,
                             page.p.STAFF_CLAUSE_WORDS, page.p.STAFF_PLACE_WORDS) or None


def desk_initials(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    return "a desk's initials" if "/" in b.text and desk_tags(b.text, page.credits) else None


def site_name_tail(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A caption or link that ends in the site's name ("... - Sputnik International")."""
    text = b.text
    if page.src_tail is not None and f.n_words <= page.p.SHORT_BLOCK_WORDS and (
            " ".join(f.words) == page.src_key
            or text.rstrip().endswith(page.src_end) and page.src_tail.search(text) is not None):
        return f"caption or link ending in the site name \u201c{page.src}\u201d"
    return None


def notice(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    return _phrase(page.notices, page.notice_first, f, b.text, page.p.NOTICE_MAX_WORDS,
                   "reprint or copyright notice")


def chrome_phrase(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    why = _phrase(page.phrases, page.phrase_first, f, b.text, page.p.PHRASE_MAX_WORDS, "site chrome phrase")
    # (a line that reports someone's words is a story's: "Users say comments are moderated too strictly")
    return None if why is None or reported(b.text) else why


def follow_us(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A follow-us line: the reader told to follow the site on a network
    ("Follow us on Twitter", "Suivez-nous sur Facebook", "Follow @name on X"):
    the verb opens the line or takes "us", never a sentence that reports who
    follows whom ("Millions follow the president on X")."""
    if f.n_words <= page.p.SHORT_BLOCK_WORDS and not _SOCIAL_FIRST.isdisjoint(f.words):
        m = _SOCIAL_RE.search(b.text)
        if m is not None and (not b.text[:m.start()].strip(" \t-–—•·|>»:") or _FOLLOW_US_RE.match(b.text, m.start())):
            return "follow-us line"
    return None


def labelled_link(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """"Listen: http://...", "Download: https://..."."""
    if f.n_urls == 1 and _LINK_LABEL_RE.match(b.text):
        return "labelled link"
    return None


def contact(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    text = b.text
    if (f.n_words <= page.p.SHORT_BLOCK_WORDS and "@" in text and _CONTACT_RE.search(text)
            and EMAIL_RE.search(text)):
        return "author contact line"
    return None


def shortcode(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    text = b.text
    return "CMS shortcode" if text[0] == "[" and _SHORTCODE_RE.match(text) else None


def time_stamp(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A time stamp ("Updated 10:42 GMT"), or an update notice: a line of at
    most STAMP_MAX_WORDS words with an update word and a date or a time
    ("Dieser Artikel wurde zuletzt am 12.03.2024 aktualisiert")."""
    if f.n_words <= page.p.LINE_MAX_WORDS and _STAMP_RE.match(b.text):
        return "time stamp"
    if f.n_words <= page.p.STAMP_MAX_WORDS and not _UPDATE_WORDS.isdisjoint(f.words) and (
            _TIME_RE.search(b.text) or parse_date(b.text)) and not _update_entry(b.text, page.p.UPDATE_ENTRY_WORDS):
        return "update notice"
    return None


#: An update's label followed by a sentence of at least this many words (not
#: dates or times) is a live blog's entry or an editor's update, not a notice.
UPDATE_ENTRY_WORDS = 5


def _update_entry(text: str, entry_words: int) -> bool:
    """Whether ``text`` is a label and a sentence of news after its colon
    ("Aktualizacja, godz. 14.35: Policja potwierdziła, że ...", "Update 10:42:
    the bridge has reopened."), not a stamp ("Updated: 3 May 2024, 10:15")."""
    label, colon, rest = text.partition(": ")
    if not colon or not rest.rstrip().endswith((".", "!", "?", "\u2026")):
        return False
    months = lexicon.months()
    news = [w for w in words(rest) if w.isalpha() and w not in months]
    return len(news) >= entry_words


def comment_widget(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A line of a comment widget: a comment word ("comments", "Kommentare",
    "комментарии", "discussion") with a word of its buttons (show, load, view,
    all, top, join, add, read ...) or a count, and no sentence: "Show new
    comments (0)", "Loading comments...", "Join the discussion"."""
    ws = f.words
    if not any(w.startswith(_COMMENT_STEMS) for w in ws):
        return None
    if b.text.rstrip().endswith((".", "!", "?")) and not b.text.rstrip().endswith("..."):
        return None
    if _COMMENT_UI.isdisjoint(ws) and not any(w.isdigit() for w in ws):
        return None
    return "comment widget"


def reading_time(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A reading-time line: a reading word, a number and a minute word
    ("Tempo de leitura: 2 minutos", "Lesezeit 3 Min.", "5 min read")."""
    ws = f.words
    if any(w.isdigit() for w in ws) and not _MINUTES.isdisjoint(ws) and not _READING.isdisjoint(ws):
        return "reading time"
    return None


# A gallery's or a multi-page article's counter on a line of its own: a noun
# of pictures or pages, a number, "of" and a number ("Photo 4 of 15", "Bild 2
# von 9", "Página 2 de 3", "Фото 3 из 14", "Slide 2/10"), in the eight languages.
_GALLERY_COUNTER_RE = re.compile(
    r"^\W*(?:image|photo|picture|pic|slide|page|bild|foto|seite|folie|diapo|diapositive|imagen|fotografía|"
    r"diapositiva|página|immagine|pagina|imagem|zdjęcie|obraz|slajd|strona|фото|фотография|изображение|слайд|"
    r"страница)\s+(\d{1,3})\s*(?:(?:of|von|sur|de|di|da|z|ze|из)\s+|/\s*)(\d{1,3})\W*$",
    re.IGNORECASE)
# An image's size: "1920 × 1080", "(2048 x 1365)", "4000×3000 px".
_IMAGE_SIZE_RE = re.compile(r"(?<![\w./-])\(?\d{2,5}\s*[x×]\s*\d{2,5}(?:\s*px)?\)?(?![\w./-])", re.IGNORECASE)


def counter(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A gallery's or a page's counter, a line of its own ("Photo 4 of 15", "Página 2 de 3")."""
    m = _GALLERY_COUNTER_RE.match(b.text)
    if m is not None and 0 < int(m.group(1)) <= int(m.group(2)):
        return "a gallery's or a page's counter"
    return None


def image_reference(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A line of an image's file name or address, with its size or not
    ("IMG_4471.JPG", "DSC_0192.jpg (2048 x 1365)", "og:image https://.../une.png").
    An article cites pages, not image files; a size alone stays (a
    specification's line)."""
    if "." not in b.text:
        return None
    parts = [x for x in _IMAGE_PART_SEP_RE.split(_IMAGE_SIZE_RE.sub(" ", b.text)) if x.strip("-–—/")]
    if 0 < len(parts) <= 4 and any(IMAGE_FILE_RE.match(x) for x in parts) and all(
            IMAGE_FILE_RE.match(x) or x.casefold() in _IMAGE_LABELS for x in parts):
        return "an image's file name or address"
    return None


# What separates an image's reference from its size and its label.
_IMAGE_PART_SEP_RE = re.compile(r"[\s,|·]+")
#: Words beside an image's reference: its kind of meta tag, its size's unit.
_IMAGE_LABELS = frozenset({"og:image", "og:image:", "og:image:url", "twitter:image", "image:", "bild:", "foto:", "photo:"})


def ad_marker(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """An advertising slot's marker: at most LINE_MAX_WORDS words, an ad word
    and a word saying the text goes on ("Story continues below advertisement")."""
    if (not _GOES_ON.isdisjoint(f.words) and not b.text.rstrip().endswith((".", "?", "!"))
            and (not _AD_WORDS.isdisjoint(f.words) or any(w.startswith(_AD_STEMS) for w in f.words))):
        return "advertising slot marker"
    return None


def tag_list(ctx: Context, page: Page, b: Block, f: Features) -> Optional[str]:
    """A comma-separated line right under a "Tags" line that this pass took,
    or after a tag label and a colon on the same line ("Mots-clés : A, B, C")."""
    doc, i = ctx.doc, b.index
    m = _TAG_LINE_RE.match(b.text)
    if m and _TAG_LABELS.issuperset(norm_key(m.group(1)).split()) and b.text.count(",") >= 1 and not f.ends_sentence:
        return "tag list"
    if (i > 0 and page.verdicts.get(i - 1) == "boilerplate.line" and ctx.marks.label[i - 1] is None
            and "," in b.text and not f.ends_sentence
            and _line_key(doc.blocks[i - 1].text, doc.feats[i - 1].words) in ("tags", "tagged")):
        return "tag list"
    return None


BlockRule = Callable[[Context, Page, Block, Features], Optional[str]]

#: (rule name, test, confidence, the most words a block it takes can have
#: (a number, or the name of the rule parameter that says it),
#: what it needs, its key words), in the order they are tried. A rule needs
#: "url" (a block with a URL) or a part of the page (a Page field: the
#: configured lines, the declared title, the site name, the learned lines);
#: without it, the rule cannot answer and is not asked. Key words: a Page
#: field, the words of which a block it takes holds one (a key word of each
#: phrase of its vocabulary: lexicon.first_words); a block with none of them is not asked either.
#: (Every test checks its own conditions too: the runner uses these to skip
#: the tests that cannot take a block; tests/test_detectors.py checks that it
#: takes the blocks that asking every rule would.)
BLOCK_RULES: Tuple[Tuple[str, BlockRule, float, Union[int, str], Optional[str], Optional[str]], ...] = (
    ("boilerplate.empty", no_words, 0.9, 0, None, None),
    ("boilerplate.drop_lines", configured_line, 1.0, ANY_LENGTH, "drop", None),
    ("boilerplate.links", link_row, 0.85, ANY_LENGTH, None, None),
    ("boilerplate.share", share_bar, 0.9, "LINE_MAX_WORDS", None, None),
    # (a line of CJK punctuation has words and no word: the runner counts it as no words)
    ("boilerplate.line", chrome_line, 0.9, "LINE_MAX_WORDS", None, None),
    ("boilerplate.empty", symbols_only, 0.9, "LINE_MAX_WORDS", None, None),
    ("boilerplate.consent", consent_notice, 0.9, "COOKIE_MAX_WORDS", None, "consent_first"),
    ("boilerplate.newsletter", newsletter_box, 0.9, "COOKIE_MAX_WORDS", None, "newsletter_first"),
    ("boilerplate.url", bare_url, 0.85, ANY_LENGTH, "url", None),
    ("boilerplate.title", headline_again, 0.8, "TITLE_MAX_WORDS", "title_key", None),
    ("boilerplate.caption", caption, 0.85, "SHORT_BLOCK_WORDS", None, None),
    ("boilerplate.credit", credit, 0.9, ANY_LENGTH, None, None),
    ("boilerplate.staff", staff_credit, 0.9, "STAFF_MAX_WORDS", None, "staff_first"),
    ("boilerplate.desk", desk_initials, 0.9, "LINE_MAX_WORDS", None, None),
    ("boilerplate.site", site_name_tail, 0.9, "SHORT_BLOCK_WORDS", "src_tail", None),
    ("boilerplate.notice", notice, 0.85, "NOTICE_MAX_WORDS", None, "notice_first"),
    ("boilerplate.phrase", chrome_phrase, 0.85, "PHRASE_MAX_WORDS", None, "phrase_first"),
    ("boilerplate.social", follow_us, 0.85, "SHORT_BLOCK_WORDS", None, "social_first"),
    ("boilerplate.link", labelled_link, 0.85, ANY_LENGTH, "url", None),
    ("boilerplate.contact", contact, 0.8, "SHORT_BLOCK_WORDS", None, None),
    ("boilerplate.shortcode", shortcode, 0.9, ANY_LENGTH, None, None),
    ("boilerplate.stamp", time_stamp, 0.8, "STAMP_MAX_WORDS", None, None),
    ("boilerplate.ad", ad_marker, 0.85, "LINE_MAX_WORDS", None, None),
    ("boilerplate.comment_widget", comment_widget, 0.85, "LINE_MAX_WORDS", None, None),
    ("boilerplate.reading_time", reading_time, 0.85, "LINE_MAX_WORDS", None, None),
    ("boilerplate.counter", counter, 0.85, "LINE_MAX_WORDS", None, None),
    ("boilerplate.image", image_reference, 0.85, ANY_LENGTH, None, None),
    ("boilerplate.tags", tag_list, 0.85, ANY_LENGTH, None, None),
    # last: a learned line that a rule above knows keeps that rule's name
    ("boilerplate.site_learned", learned_line, 0.9, ANY_LENGTH, "learned", None),
)


@lru_cache(maxsize=64)
def _block_rules(p: Params) -> Tuple[Tuple[str, BlockRule, float, int, Optional[str], Optional[str]], ...]:
    """BLOCK_RULES with the most words each rule's block can have under the parameters ``p``."""
    return tuple((name, test, confidence, getattr(p, most) if isinstance(most, str) else most, needs, key)
                 for name, test, confidence, most, needs, key in BLOCK_RULES)


def chrome(ctx: Context) -> List[Finding]:
    """Pass 1: every block judged on its own by BLOCK_RULES (table rows and
    metadata lines are left alone)."""
    doc = ctx.doc
    page = Page.of(ctx)
    out: List[Finding] = []
    active = [r for r in _block_rules(page.p) if r[4] in (None, "url") or getattr(page, r[4])]
    # every rule's key words: a block with none of them is not asked by those rules
    # (a rule that takes no block with words, a switched-off one, holds no key word)
    keyed = frozenset().union(*(getattr(page, r[5]) for r in active if r[5] is not None and r[3] > 0))
    # (block length, has a URL, has a key word) -> the rules that can take such a block
    rules_for: Dict[Tuple[int, bool, bool], list] = {}
    for b, f in zip(doc.blocks, doc.feats):
        i = b.index
        if i in ctx.meta.blocks or f.table:
            continue
        kind = (f.n_words if f.words else 0, f.n_urls > 0, not keyed.isdisjoint(f.words))
        rules = rules_for.get(kind)
        if rules is None:
            rules = rules_for[kind] = [r for r in active if kind[0] <= r[3] and (r[4] != "url" or kind[1])
                                       and (r[5] is None or kind[2])]
        for name, test, confidence, _, _, _ in rules:
            why = test(ctx, page, b, f)
            if why:
                out.append(doc.block_finding(i, CATEGORY, why, name, confidence))
                page.verdicts[i] = name
                break
        else:
            if not page.newsletter_first.isdisjoint(f.words) and f.ends_sentence:
                at = glued_newsletter_call(b.text, page)
                if at is not None:
                    out.append(Finding(b.start + at, b.end, CATEGORY, "a newsletter's call after the paragraph's "
                                       "last sentence", "boilerplate.newsletter", 0.85, None))
    return out


def glued_newsletter_call(text: str, page: Page) -> Optional[int]:
    """Where a newsletter's call glued after a paragraph's last sentence
    starts ("... on Tuesday. Sign up for our free daily newsletter."): the
    last sentence is a call by its form (_NEWSLETTER_CALL_RE), short, and
    reports no one's words; None if there is none. (The phrases of a box
    are no evidence here: a sentence that tells of a newsletter, "... muss
    sich mit seiner E-Mail-Adresse registrieren und einen Newsletter
    abonnieren.", holds them too.)"""
    spans = sentence_spans(text)
    if len(spans) < 2:
        return None
    start, end = spans[-1]
    last = text[start:end]
    if (len(words(last)) <= page.p.NEWSLETTER_TITLE_WORDS and _NEWSLETTER_CALL_RE.match(last) is not None
            and not reported(last)):
        return start
    return None


# A newsletter's call by its form, in the eight languages: a sentence that
# opens with the verb of signing up, said to the reader, and names a
# newsletter ("Iscriviti alla nostra newsletter.", "Подпишитесь на нашу
# рассылку.", "Abonnieren Sie unseren kostenlosen Newsletter.").
_NEWSLETTER_CALL_RE = re.compile(
    r"^\W*(?:sign\s+up|subscribe|receive|abonnieren\s+sie|melden\s+sie\s+sich|bestellen\s+sie"
    r"|abonnez-vous|inscrivez-vous|recevez|suscr[ií]b[ea]t?e|suscr[ií]base|reg[ií]strate|recibe|iscriviti|ricevi"
    r"|abbonati|assine|inscreva-se|receba|zapisz\s+si[ęe]|subskrybuj|zam[óo]w|подпишитесь|подписывайтесь|получайте)"
    r"\b[^.!?]{0,80}?(?:newsletter\w*|boletí?[nm]\w*|informativo|рассылк\w*|дайджест\w*)", re.IGNORECASE)


# Comment headers: "jbaxt says:", "Olivia (GiveWell) on October 4, 2018 at 10:58 am said:"
_COMMENT_RE = re.compile(r"^.{1,60}?\b(?:says|said|wrote|schreibt|écrit|dice|disse|pisze|пишет)\s*:?$"
                         r"|^.{1,60}?\bon\s.{4,40}\bat\s\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says)?:?$",
                         re.IGNORECASE)
# Cheap tests before _COMMENT_RE: its first form needs the verb at the end of
# the line, but for a colon after it (then within the last 8 characters before
# it); its second form a time ("10:58").
_COMMENT_END_RE = re.compile(r"(?:says|said|wrote|schreibt|écrit|dice|disse|pisze|пишет)\s*$", re.IGNORECASE)
_CLOCK_RE = re.compile(r"\d:\d\d")
# The last letters of those verbs, and every character that matches one of
# them ignoring case (tests/test_detectors.py checks this over all of Unicode):
# a header without a colon ends, before trailing space, in one of them.
_COMMENT_LAST = frozenset("sdetSDETтТſ\u1c84\u1c85")


def _comment_header(text: str) -> bool:
    """Whether ``_COMMENT_RE`` matches ``text`` (tests/test_properties.py checks
    the two agree), mostly without running it."""
    tail = text.rstrip()
    if tail[-1:] == ":":
        tail = tail[:-1].rstrip()
    if tail[-1:] not in _COMMENT_LAST or _COMMENT_END_RE.search(tail, max(0, len(tail) - 8)) is None:
        # (the longest verb has 8 letters) Not the first form; the second needs a time.
        if ":" not in text or _CLOCK_RE.search(text) is None:
            return False
    return _COMMENT_RE.match(text) is not None


#: A comment's buttons, on a line of their own after it ("Reply", "Responder ·
#: Denunciar", "Antworten Melden", "Link permanente"), with its counters ("14 likes · Reply").
_COMMENT_BUTTONS = frozenset(
    "reply report flag permalink antworten melden répondre signaler responder denunciar rispondi segnala "
    "odpowiedz zgłoś ответить пожаловаться".split()) | {"link permanente", "enlace permanente", "lien permanent"}
_COMMENT_COUNTERS = frozenset(
    "like likes replies antwort antworten gefällt aime réponses réponse gusta respuestas piace risposte curtir "
    "curtidas respostas lubię odpowiedzi нравится ответы ответов me mi j".split())
#: When a comment was posted, as a line of its own ("3 hours ago", "vor 2 Stunden", "il y a 3 jours").
_POSTED_AGO_RE = re.compile(
    r"^(?:\d+|an?|one|ein|eine|einem|einer|un|une|uno|una|um|uma)\s+\w+\s+(?:ago|fa|temu|назад)$"
    r"|^(?:vor|il\s+y\s+a|hace|há)\s+(?:\d+|einem|einer|un|une|uno|una|um|uma)\s+\w+$", re.IGNORECASE)
#: A reply to another reader, opening a comment: "@Lucas_tech Melhorou sim".
_MENTION_RE = re.compile(r"^@\w")
#: A comment section's heading has at most this many words ("12 Comments", "Reader comments").
COMMENT_HEADING_WORDS = 4


def _comment_heading(b: Block, f: Features, most: int) -> int:
    """2: a comment section's heading with its count ("12 Comments",
    "Комментарии (3)"); 1: one without ("Reader comments", "Kommentare");
    0: neither."""
    ws = f.words
    if (not ws or len(ws) > most or b.text.rstrip().endswith((".", "!", "?"))
            or not any(w.startswith(_COMMENT_WORD_STEMS) for w in ws)):
        return 0
    return 2 if any(w.isdigit() for w in ws) else 1


def _comment_buttons(f: Features) -> bool:
    """A line of a comment's buttons and counters ("Reply", "14 likes · Report")."""
    ws = f.words
    if not 0 < len(ws) <= 6:
        return False
    return (" ".join(ws) in _COMMENT_BUTTONS  # ("Link permanente": a button of two words)
            or not _COMMENT_BUTTONS.isdisjoint(ws)
            and all(w in _COMMENT_BUTTONS or w in _COMMENT_COUNTERS or w.isdigit() for w in ws))


def _comment_mark(b: Block, f: Features) -> bool:
    """A line only a comment section has: a comment's buttons, when it was
    posted ("3 hours ago"), a reply to a reader ("@name ..."), or a comment
    widget's button ("Load more comments"). (Alone, a time is a live blog's,
    a name after "@" a quoted post's: they only confirm a heading.)"""
    ws = f.words
    if not ws:
        return False
    t = b.text.strip()
    return (_comment_buttons(f) or len(ws) <= 5 and _POSTED_AGO_RE.match(t) is not None
            or _MENTION_RE.match(t) is not None
            or any(w.startswith(_COMMENT_STEMS) for w in ws) and not _COMMENT_UI.isdisjoint(ws)
            and not t.endswith((".", "!", "?")))


def comments(ctx: Context) -> List[Finding]:
    """Rule boilerplate.comments: a comment section after the body's start.
    Its evidence, one of: two or more comment headers ("name says:"), from
    the first to the replies after the last; a comment section's heading
    with a count ("12 Comments"), or without one but with a line only a
    comment section has after it (:func:`_comment_mark`), from the heading to
    the end of the text; two or more lines of a comment's buttons ("Reply"),
    from the first to the end.
    Never a section that holds half of the text's words or more: that is
    the article."""
    doc, label, meta_blocks = ctx.doc, ctx.marks.label, ctx.meta.blocks
    blocks, feats = doc.blocks, doc.feats
    # (A header another rule already took still marks the section.)
    heads = [i for i, (b, f) in enumerate(zip(blocks, feats))
             if f.n_words <= 14 and i not in meta_blocks and _comment_header(b.text)]
    p = params_of(doc.config, CATEGORY)
    start, end, why = -1, -1, ""
    if len(heads) >= 2 and heads[0] > ctx.body.first:
        start = end = heads[-1]
        tail = p.COMMENT_TAIL
        for k in range(heads[-1] + 1, min(len(blocks), heads[-1] + 1 + tail)):
            if label[k] is None and feats[k].ends_sentence:
                end = k
            else:
                break
        start, why = heads[0], f"comment section ({len(heads)} comment headers)"
    else:
        after = [i for i in range(ctx.body.first + 1, len(blocks)) if i not in meta_blocks]
        for i in after:
            kind = _comment_heading(blocks[i], feats[i], p.COMMENT_HEADING_WORDS)
            if kind == 2 or kind == 1 and any(_comment_mark(blocks[k], feats[k]) for k in after if k > i):
                start, why = i, f"comment section (its heading \u201c{blocks[i].text.strip()}\u201d)"
                break
        buttons = [i for i in after if _comment_buttons(feats[i])] if start < 0 else []
        if len(buttons) >= 2:
            start, why = buttons[0], f"comment section ({len(buttons)} lines of a comment's buttons)"
        end = len(blocks) - 1
        if start >= 0:
            inside = sum(f.n_words for f in feats[start:])
            if 2 * inside >= sum(f.n_words for f in feats):
                return []
    if start < 0:
        return []
    return [doc.block_finding(i, CATEGORY, why, "boilerplate.comments", 0.8)
            for i in range(start, end + 1) if label[i] is None and i not in meta_blocks]


def unlike_article(ctx: Context) -> List[Finding]:
    """Rule boilerplate.model: blocks outside the body's run that the learned
    block scorer finds very unlike article text (it runs on whole-page text only)."""
    probs, body = ctx.body.block_prob, ctx.body
    # Inside the body's run the model's score, a judgement of a block's shape,
    # is no evidence against the article's own short lines (an interview's
    # questions, a list): there it takes nothing; nor after it, where the
    # article's prose goes on below (see _prose_below).
    return [ctx.doc.block_finding(i, CATEGORY, f"unlike article text (block model: p = {probs[i]:.2f})",
                                  "boilerplate.model", 0.5)
            for i in unlikely_blocks(probs, ctx.marks.label, ctx.meta.blocks)
            if not body.first <= i <= body.last and not (i > body.last and _prose_below(ctx, i))]


def header_and_nav(ctx: Context) -> List[Finding]:
    """Rules boilerplate.header and boilerplate.nav (text mode): lines before
    the headline, and short non-sentence lines before the body."""
    doc, label, meta_blocks = ctx.doc, ctx.marks.label, ctx.meta.blocks
    if doc.mode != "text":
        return []
    title = ctx.meta.title_block
    min_words = ctx.config.prose_min_words
    lead_overlap = params_of(doc.config, CATEGORY).LEAD_OVERLAP
    out: List[Finding] = []
    if not ctx.body.whole_page and _body_outweighed(doc, ctx.body):
        return out
    for i in range(0, ctx.body.first):
        if label[i] is not None or i in meta_blocks:
            continue
        if not _evidence(ctx, i):
            continue
        f = doc.feats[i]
        # (in an article-shaped text a paragraph of prose on the body's topic
        # above the headline found is the article's lead, the headline found a
        # line under it; a section's blurb, "The latest news from Russia", is off it)
        if title is not None and i < title and (ctx.body.whole_page or not is_prose(f, ctx.config)
                                                or overlap(doc, ctx.marks, ctx.body, i) < lead_overlap):
            out.append(doc.block_finding(i, CATEGORY, "before the headline: page header", "boilerplate.header", 0.7))
        elif f.n_words < min_words and not f.ends_sentence:
            out.append(doc.block_finding(i, CATEGORY, "short line before the article body", "boilerplate.nav", 0.7))
    return out


#: In an article-shaped text, a paragraph of prose above the headline found
#: stays when at least this share of its content words are in the body's first paragraphs.
LEAD_OVERLAP = 0.25


def _body_outweighed(doc: Document, body: Body) -> bool:
    """Whether more words stand before the body than in it: in an
    article-shaped text the body was not found (a list of short lines, a
    schedule, is the article, and a notice under it was taken for the body),
    so what precedes it is no page header."""
    before = sum(f.n_words for f in doc.feats[:body.first])
    return before > sum(f.n_words for f in doc.feats[body.first:body.last + 1])


def footer(ctx: Context) -> List[Finding]:
    """Rule boilerplate.footer: short lines after the body (in HTML, where
    trafilatura chose the content, only stray one- or two-word lines)."""
    doc = ctx.doc
    why = "short line after the article body" if doc.mode == "text" else "stray word after the article body"
    return [doc.block_finding(i, CATEGORY, why, "boilerplate.footer", 0.6)
            for i in range(ctx.body.last + 1, len(doc.blocks))
            if ctx.free(i) and _footer_line(doc.mode, doc.feats[i], ctx.config.prose_min_words)
            and _evidence(ctx, i) and not _list_goes_on(ctx, i) and not _prose_below(ctx, i)]


#: Text mode: a short line after the body stays when a paragraph of prose
#: that no rule took follows it within this many blocks ...
PROSE_BELOW_REACH = 12


def _prose_below(ctx: Context, i: int) -> bool:
    """Text mode: the article goes on below block ``i``: a paragraph of prose
    that no rule took follows it within PROSE_BELOW_REACH blocks, and no
    related-content box (teaser) or metadata stands between. The body found
    can end early (a list, an advertisement's marker); a review's "Pros:" and
    its items, or a subheading, between two of the article's paragraphs are
    no footer. A related-stories box ends the article."""
    doc = ctx.doc
    if doc.mode != "text":
        return False
    label, feats, cfg = ctx.marks.label, doc.feats, ctx.config
    for k in range(i + 1, min(len(doc.blocks), i + 1 + params_of(cfg, CATEGORY).PROSE_BELOW_REACH)):
        if label[k] == "teaser" or k in ctx.meta.blocks:
            return False
        if label[k] is None and is_prose(feats[k], cfg) and feats[k].ends_sentence:
            return True
    return False


#: In an article-shaped text, a short line under at least this many short
#: lines that stay is the end of their list (tour dates, results), not a footer.
LIST_MIN_LINES = 3


def _list_goes_on(ctx: Context, i: int) -> bool:
    """Block ``i`` ends a list of the article's (:meth:`Context.list_goes_on`,
    LIST_MIN_LINES lines), or introduces one: a line ending in a colon right
    after the body's last paragraph ("The dates announced:")."""
    return ctx.list_goes_on(i, params_of(ctx.doc.config, CATEGORY).LIST_MIN_LINES) or ctx.opens_list_after_body(i)


def _evidence(ctx: Context, i: int) -> bool:
    """Text mode: a short line around the body goes for its position alone
    only in a whole page's text; in an article-shaped text, only next to a
    block taken for what it says, and never when it is part of a sentence
    that a hard line break cut (see :func:`_continued`) or when it speaks of
    the article's own subject (see :func:`_on_topic`)."""
    if ctx.doc.mode != "text" or ctx.body.whole_page:
        return True
    return ctx.junk_near(i) and not _continued(ctx, i) and not _on_topic(ctx, i)


#: In an article-shaped text, a short line next to junk stays when at least
#: this share of its content words occur in the body's first paragraphs.
ON_TOPIC_SHARE = 0.34


def _on_topic(ctx: Context, i: int) -> bool:
    """Block ``i`` has content words and most of them are the article's
    terms: a fact box's names and places under the story ("Flos Showroom"),
    a results table's team, a sports page's heading. Junk beside it is
    evidence about the junk, not about this line; a menu's or a footer's
    words are the site's, not the story's. (Not in Chinese, Japanese or
    Thai, whose words cannot be told apart here.)"""
    doc = ctx.doc
    return overlap(doc, ctx.marks, ctx.body, i, unknown=0.0) >= params_of(doc.config, CATEGORY).ON_TOPIC_SHARE


def _continued(ctx: Context, i: int) -> bool:
    """Block ``i`` and a neighbour are one sentence cut by a hard line break
    (text wrapped at a width): one does not end a sentence and the next
    opens in lower case."""
    blocks, feats = ctx.doc.blocks, ctx.doc.feats

    def joins(a: int) -> bool:  # block a + 1 continues block a
        if a < 0 or a + 1 >= len(blocks) or feats[a].ends_sentence:
            return False
        t = blocks[a + 1].text.lstrip(" \"'“‘(")
        return bool(t) and t[0].islower()
    return joins(i - 1) or joins(i)


def by_position(ctx: Context) -> List[Finding]:
    """Pass 2, once the body is known: comments, the block scorer's verdicts,
    header and navigation, footer, all judged on the same context."""
    if not ctx.body.found:
        return []
    return comments(ctx) + unlike_article(ctx) + header_and_nav(ctx) + footer(ctx)


def _footer_line(mode: str, f: Features, prose_min_words: int) -> bool:
    """A line that goes when it stands after the article body: in text mode a
    short line (not a list item or table row); in HTML mode, where trafilatura
    already chose the content, only a stray one- or two-word line."""
    if mode == "html":
        return f.n_words <= 2 and not f.ends_sentence
    return f.n_words < prose_min_words and not f.bullet and not f.table


def after_trimmed_body(ctx: Context) -> List[Finding]:
    """Rule boilerplate.footer, again: when pass 2 removed the body's last
    paragraphs (a trailing teaser), the short lines left between the new end
    of the body and them are "after the body" too, as a second run would find them."""
    doc, label, body = ctx.doc, ctx.marks.label, ctx.body
    if not body.found:
        return []
    k = body.last
    while k >= body.first and (label[k] is not None or k in ctx.meta.blocks or not is_prose(doc.feats[k], ctx.config)):
        k -= 1
    if k < body.first or k == body.last or all(label[i] is None for i in range(k + 1, body.last + 1)):
        return []
    return [doc.block_finding(i, CATEGORY, "short line after the article body (after a removed teaser)",
                              "boilerplate.footer", 0.6)
            for i in range(k + 1, body.last + 1)
            if ctx.free(i) and _footer_line(doc.mode, doc.feats[i], ctx.config.prose_min_words) and _evidence(ctx, i)
            and not _list_goes_on(ctx, i)]


RULES = (
    Rule("boilerplate.empty", CATEGORY, "a line with no words, or numbers and symbols only",
         params=("LINE_MAX_WORDS",), evidence=False),
    Rule("boilerplate.drop_lines", CATEGORY, "a line listed in the configuration", params=("drop_lines",)),
    Rule("boilerplate.site_learned", CATEGORY, "a line that recurs on many pages of the site, learned from the crawl",
         params=("site_lines", "prose_min_words", "PROSE_SHARE")),
    Rule("boilerplate.links", CATEGORY, "a row of links or a breadcrumb trail (Home | World, Startseite > Berlin)",
         params=("ROW_MIN_SEPARATORS", "ROW_ITEM_WORDS")),
    Rule("boilerplate.share", CATEGORY, "a share bar (Share Facebook X Email), its label, or its buttons one a line",
         params=("SHARE_LABEL_WORDS", "LINE_MAX_WORDS")),
    Rule("boilerplate.line", CATEGORY, "a whole line of site chrome (data/boilerplate_lines.txt)",
         params=("LINE_MAX_WORDS",)),
    Rule("boilerplate.consent", CATEGORY, "a cookie or privacy consent notice, or its buttons; not a block that "
         "names a banner other than itself (it is about banners)",
         params=("COOKIE_MAX_WORDS", "CONSENT_PHRASES", "PROMPT_COVERAGE", "MIXED_MAX_WORDS",
                 "CONSENT_LONG_COVERAGE", "OPENING_MAX_WORDS", "PROMPT_MAX_WORDS", "BANNER_TALK_WORDS",
                 "BUTTON_WORDS")),
    Rule("boilerplate.newsletter", CATEGORY, "a newsletter sign-up box, or a newsletter's call glued after a "
         "paragraph's last sentence (Sign up for our free daily newsletter.)",
         params=("COOKIE_MAX_WORDS", "PROMPT_COVERAGE", "NEWSLETTER_TITLE_WORDS", "NEWSLETTER_FOLLOW_WORDS",
                 "MIXED_MAX_WORDS", "OPENING_MAX_WORDS", "PROMPT_MAX_WORDS", "NEWSLETTER_CALL_PHRASES",
                 "BUTTON_WORDS")),
    Rule("boilerplate.url", CATEGORY, "a bare URL (text mode)"),
    Rule("boilerplate.title", CATEGORY, "the declared headline repeated in the text", params=("TITLE_MAX_WORDS",)),
    Rule("boilerplate.caption", CATEGORY, "a caption ending in a photo credit", params=("SHORT_BLOCK_WORDS",)),
    Rule("boilerplate.credit", CATEGORY, "a copyright, photo credit or agency line (data/credits.txt)",
         params=("CREDIT_NAMED_WORDS", "CREDIT_NAME_WORDS")),
    Rule("boilerplate.staff", CATEGORY, "a staff credit (Reporting by ...; Editing by ..., Mitarbeit: ...) or a "
         "contributor note (... contributed to this report): a newsroom role and names "
         "(data/staff_roles.txt, data/staff_contributed.txt); off unless STAFF_MAX_WORDS is set",
         params=("STAFF_MAX_WORDS", "STAFF_CLAUSE_WORDS", "STAFF_PLACE_WORDS"), evidence=False),
    Rule("boilerplate.desk", CATEGORY, "a desk's initials alone on a line (mzi/ mhr/, ssu/dpa)",
         params=("LINE_MAX_WORDS",), evidence=False),
    Rule("boilerplate.site", CATEGORY, "a caption or link ending in the site's name", params=("SHORT_BLOCK_WORDS",)),
    Rule("boilerplate.notice", CATEGORY, "a reprint or copyright notice (data/boilerplate_notices.txt)",
         params=("NOTICE_MAX_WORDS",)),
    Rule("boilerplate.phrase", CATEGORY, "a short line with a chrome phrase (data/boilerplate_phrases.txt)",
         params=("PHRASE_MAX_WORDS",)),
    Rule("boilerplate.social", CATEGORY, "a follow-us line", params=("SHORT_BLOCK_WORDS",)),
    Rule("boilerplate.link", CATEGORY, "a labelled link (Listen: https://...)"),
    Rule("boilerplate.contact", CATEGORY, "an author contact line with an e-mail address",
         params=("SHORT_BLOCK_WORDS",)),
    Rule("boilerplate.shortcode", CATEGORY, "a CMS shortcode ([caption]...[/caption])"),
    Rule("boilerplate.stamp", CATEGORY, "a time stamp line (Updated 10:42 GMT), or an update notice with a date; "
         "not an update's label before a sentence of news (a live blog's entry)",
         params=("LINE_MAX_WORDS", "STAMP_MAX_WORDS", "UPDATE_ENTRY_WORDS")),
    Rule("boilerplate.ad", CATEGORY, "an advertising slot's marker (Story continues below advertisement)",
         params=("LINE_MAX_WORDS",)),
    Rule("boilerplate.comment_widget", CATEGORY, "a line of a comment widget (Show new comments (0), Loading "
         "comments...)", params=("LINE_MAX_WORDS",)),
    Rule("boilerplate.reading_time", CATEGORY, "a reading-time line (5 min read, Lesezeit 3 Min.)",
         params=("LINE_MAX_WORDS",)),
    Rule("boilerplate.counter", CATEGORY, "a gallery's or a page's counter on a line of its own (Photo 4 of 15, "
         "Página 2 de 3, Фото 3 из 14)", params=("LINE_MAX_WORDS",)),
    Rule("boilerplate.image", CATEGORY, "a line of an image's file name or address, with its size (IMG_4471.JPG "
         "1920 × 1080, og:image https://.../photo.png)", params=("LINE_MAX_WORDS",)),
    Rule("boilerplate.tags", CATEGORY, "a tag list under a Tags line, or after a tag label and a colon"),
    Rule("boilerplate.comments", CATEGORY, "a comment section after the body: comment headers (name says:), a "
         "comment section's heading with a count or followed by a comment's buttons, times or replies, or two or "
         "more of those; never half of the text", positional=True, params=("COMMENT_TAIL", "COMMENT_HEADING_WORDS")),
    Rule("boilerplate.model", CATEGORY, "a block outside the body the learned block scorer finds unlike article text; "
         "not one after the body with the article's prose going on below it",
         positional=True, params=("block_model", "PROSE_BELOW_REACH"), evidence=False),
    Rule("boilerplate.header", CATEGORY, "a line before the headline (text mode); in an article-shaped text not a "
         "paragraph of prose on the body's topic", positional=True, params=("LEAD_OVERLAP", "ON_TOPIC_SHARE"),
         evidence=False),
    Rule("boilerplate.nav", CATEGORY, "a short line before the body (text mode)", positional=True,
         params=("prose_min_words", "ON_TOPIC_SHARE"), evidence=False),
    Rule("boilerplate.footer", CATEGORY, "a short line after the body; not one with the article's prose going on "
         "below it; in an article-shaped text not one that ends a list of short lines that stay", positional=True,
         params=("prose_min_words", "LIST_MIN_LINES", "ON_TOPIC_SHARE", "PROSE_BELOW_REACH"),
         evidence=False),
    Rule("boilerplate.context", CATEGORY, "a short line between two boilerplate blocks", positional=True,
         evidence=False),
)
