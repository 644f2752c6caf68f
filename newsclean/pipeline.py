"""The pipeline: both front doors and every step, in order.

``clean_text(text)``: normalise, then :func:`run`.
``clean_html(html)``: decode, read the page's declared metadata, extract the
main content as text (trafilatura), normalise, then :func:`run`.

:func:`run` is the whole cleaning, step by step. Each step is a function
that takes values and returns values; the detectors' rules return findings,
which :class:`~newsclean.analysis.findings.Ledger` collects; the rules read
it, never write it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Tuple, Union

from . import categories
from .analysis.body import find_body
from .analysis.document import Document, analyse, with_kept_features
from .analysis.findings import Finding, Ledger
from .config import Config, make_config
from .decide import assemble, sandwiched
from .detectors import boilerplate, duplicate, foreign_language, icon, paywall, spam, teaser, weak_evidence
from .detectors.base import Context, DocumentRule
from .analysis.structure import text_roles
from .html.extract import main_content
from .html.structure import Unit, align
from .metadata import declared
from .metadata.lines import Meta, around_body, declared_title_lines, from_lines
from .results import Article
from .settle import settle
from .text.normalize import decode_bytes, normalize

__all__ = ["clean_text", "clean_html", "run", "one_pass"]


def clean_text(text: str, config: Optional[Config] = None, **overrides: Any) -> Article:
    """Clean scraped page text and return an :class:`Article`.

    ``text`` may be the article with junk around it or the whole page's text
    (menus, footers, cookie banners and all). Offsets in ``Article.removed``
    refer to the normalised input (see :func:`newsclean.text.normalize.normalize`).
    Keyword overrides are :class:`Config` fields, e.g. ``clean_text(t, teaser=False)``.
    """
    cfg = make_config(config, **overrides)
    if not isinstance(text, str):
        raise TypeError(f"clean_text() needs str, got {type(text).__name__}; use clean_html() or decode bytes first")
    _check_size(text, cfg)
    return run(normalize(text), cfg)


def clean_html(html: Union[str, bytes, bytearray], url: Optional[str] = None, config: Optional[Config] = None,
               **overrides: Any) -> Article:
    """Clean an HTML page: main content via trafilatura, then the text pipeline.

    Title, date, authors, site name and language come from the page's own
    declarations (Open Graph, JSON-LD, <time>, <html lang>); the title line is
    kept out of the body.
    """
    cfg = make_config(config, **overrides)
    if isinstance(html, (bytes, bytearray)):
        raw = bytes(html)
        try:
            html = decode_bytes(raw)
        except UnicodeDecodeError:
            html = raw.decode("utf-8", errors="replace")
    if not isinstance(html, str):
        raise TypeError(f"clean_html() needs str or bytes, got {type(html).__name__}")
    _check_size(html, cfg)
    known: Dict[str, Any] = {"url": url}
    text, mode = "", "html"
    found: Optional[List[Unit]] = []
    if html.strip():
        try:
            known.update(declared.extract_from_page(html, url))
        except Exception:  # metadata is a bonus: never fail the article for it
            pass
        text, mode, found = main_content(html, url, cfg.structure and cfg.links, cfg.structure and cfg.images)
    # The page's declared language is only a hint: the text decides (analyse).
    return run(normalize(text), cfg, known=known, mode=mode, units=found)


def looks_like_html(text: str) -> bool:
    """Whether a page's text is HTML (the command line's and the integrations' ``auto`` input mode)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return head.count("<") >= 10 and any(t in head for t in ("<div", "<p>", "<p ", "<body", "<head", "<meta"))


def run(text: str, cfg: Config, known: Optional[Mapping[str, Any]] = None, mode: str = "text",
        units: Optional[List[Unit]] = None) -> Article:
    """Clean already-normalised ``text``. ``known``: metadata the caller already
    has (from HTML: title, date, authors, source, language, url); ``mode``:
    "html" when ``text`` is trafilatura's extraction (rules of position are
    then left to it); ``units``: the block elements of trafilatura's tree
    (structure from HTML; None: detect it in the text). Text is then settled:
    passes over the output until one removes nothing (:mod:`newsclean.settle`)."""
    article, lines, done = _one_pass(text, cfg, known, mode, units)
    if mode != "text":
        return article
    last = [done]  # what the last pass leaves to the next one over its output

    def again(out: str) -> Tuple[Article, List[Tuple[int, int]]]:
        if normalize(out) != out:  # (offsets would not match: leave it as it is)
            return replace(article, text=out), []
        art, out_lines, last[0] = _one_pass(out, cfg, earlier=last[0])
        return art, out_lines

    return settle(article, text, lines, again)


def one_pass(text: str, cfg: Config, known: Optional[Mapping[str, Any]] = None, mode: str = "text",
             units: Optional[List[Unit]] = None) -> Tuple[Article, List[Tuple[int, int]]]:
    """One pass of the cleaning over ``text`` (see :func:`run`); the Article,
    and the (start, end) of every block of ``text``."""
    article, lines, _ = _one_pass(text, cfg, known, mode, units)
    return article, lines


@dataclass(frozen=True)
class Pass:
    """What a pass over a text leaves to a pass over its output (settling):
    the Document its analysis made (the features of its lines), and for each
    line-local detector (LINE_LOCAL) the lines it found nothing in."""

    doc: Document
    clean: Mapping[DocumentRule, FrozenSet[str]]


def _one_pass(text: str, cfg: Config, known: Optional[Mapping[str, Any]] = None, mode: str = "text",
              units: Optional[List[Unit]] = None,
              earlier: Optional[Pass] = None) -> Tuple[Article, List[Tuple[int, int]], Pass]:
    """:func:`one_pass`, and what it leaves to the next pass (``earlier``:
    what the pass before left to this one)."""
    known = known or {}
    doc = analyse(text, cfg, language=known.get("language"), mode=mode,   # blocks, features, language
                  earlier=earlier.doc if earlier is not None else None)
    meta = from_lines(doc, known)                                         # site name, bylines, date lines
    marks, done = _pass_one(doc, meta, earlier)                           # each block judged on its own
    doc = with_kept_features(doc, marks)                                  # without spam cut from paragraph ends
    body = find_body(doc, marks, meta.blocks)                             # the article body, and its topic
    meta = around_body(doc, meta, marks.label, body, marks.evidence)      # title, dateline
    if known.get("title"):
        meta = declared_title_lines(doc, meta, marks.label, body, known["title"])
    ctx = Context(doc, meta, marks, body)

    def add(findings: List[Finding]) -> None:
        marks.add(findings, cfg.enabled, meta.blocks)

    def on(category: str) -> bool:
        return cfg.enabled(category)

    # Pass 2: judged in context (position, neighbours, topic), in this order.
    if on("teaser"):
        add(teaser.teaser(ctx))
    if on("foreign_language"):
        marks.withdraw(foreign_language.quotations(ctx), "foreign_language")
    if on("boilerplate"):
        add(boilerplate.by_position(ctx))
        add(boilerplate.after_trimmed_body(ctx))
    add(sandwiched(ctx))
    roles = None
    if cfg.structure:                                                     # headings, lists, tables: roles per block
        roles = align(units, [b.text for b in doc.blocks]) if units is not None else text_roles(doc)
    article = assemble(doc, meta, marks, known.get("url"), roles)
    return (replace(article, **{k: _copy(known[k]) for k in DECLARED if known.get(k)}),
            [(b.start, b.end) for b in doc.blocks], done)


#: Fields of the Article that only the page's declarations give (metadata/declared.py).
DECLARED = ("published", "modified", "canonical_url", "description", "image", "section", "categories", "tags",
            "licence")


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


#: Pass 1, in this order: a later detector sees what earlier ones proposed.
PASS_ONE = (("icon", icon.icon_labels), ("icon", icon.toolbar_columns), ("spam", spam.spam), ("spam", spam.offers),
            ("paywall", paywall.paywall), ("foreign_language", foreign_language.foreign_blocks), ("boilerplate", boilerplate.chrome),
            ("duplicate", duplicate.duplicate_blocks), ("duplicate", duplicate.repeated_parts))


#: Pass-1 detectors that are line-local: what one finds in a line depends only
#: on the line (its text and features) and on the document's language, script,
#: mode and configuration, never on the other lines or on earlier findings.
#: They judge each distinct line once: a line that repeats gets the findings
#: of its first block, at its own offsets. In a pass over the output (settling)
#: they judge only the lines the pass before did not find clean (the output's
#: lines are mostly the input's).
LINE_LOCAL: Tuple[DocumentRule, ...] = (icon.icon_labels, spam.spam, foreign_language.foreign_blocks)


def pass_one(doc: Document, meta: Meta) -> Ledger:
    """Every block judged on its own features and vocabularies, by the
    detectors of PASS_ONE, then by those of categories registered by plugins."""
    return _pass_one(doc, meta, None)[0]


def _pass_one(doc: Document, meta: Meta, earlier: Optional[Pass]) -> Tuple[Ledger, Pass]:
    """:func:`pass_one`, and what it leaves to a pass over its output;
    ``earlier``: what the pass before left to this one."""
    cfg = doc.config
    marks = Ledger.empty(doc, weak_evidence())  # (now: plugins may have registered categories)
    # The same lines mean the same findings only in the same document context.
    same = earlier is not None and (earlier.doc.language, earlier.doc.script, earlier.doc.mode, earlier.doc.stops,
                                    earlier.doc.config) == (doc.language, doc.script, doc.mode, doc.stops, cfg)
    clean: Dict[DocumentRule, FrozenSet[str]] = {}
    firsts, repeats = _repeated_lines(doc)
    for category, detector in PASS_ONE:
        if cfg.enabled(category):
            local = detector in LINE_LOCAL
            judge = None
            if local:
                judge = firsts if repeats else None
                if same and earlier is not None and detector in earlier.clean:
                    known_clean = earlier.clean[detector]
                    judge = frozenset(i for i in firsts if doc.blocks[i].text not in known_clean)
            found = detector(Context(doc, meta, marks, judge=judge))
            if local:
                found = _with_repeats(doc, found, repeats)
                hit = {doc.block_of(x.start) if x.block is None else x.block for x in found}
                clean[detector] = frozenset(b.text for b in doc.blocks if b.index not in hit)
            marks.add(found, cfg.enabled, meta.blocks)
    for extra in categories.with_detectors():
        if cfg.enabled(extra.name) and extra.detector is not None:
            marks.add(extra.detector(Context(doc, meta, marks)), cfg.enabled, meta.blocks)
    return marks, Pass(doc, clean)


def _repeated_lines(doc: Document) -> Tuple[FrozenSet[int], Dict[int, List[int]]]:
    """The first block of each distinct line, and for each of those that
    repeats (menu items, share bars, "Advertisement"), the later blocks of its line."""
    first_of: Dict[str, int] = {}
    repeats: Dict[int, List[int]] = {}
    for b in doc.blocks:
        k = first_of.setdefault(b.text, b.index)
        if k != b.index:
            repeats.setdefault(k, []).append(b.index)
    return frozenset(first_of.values()), repeats


def _with_repeats(doc: Document, found: List[Finding], repeats: Mapping[int, List[int]]) -> List[Finding]:
    """A line-local detector's ``found`` in the first blocks of their lines,
    each followed by the same finding in the later blocks of its line, at
    their offsets. (Only the order of the findings within a block counts:
    the Ledger and decide.py read them block by block.)"""
    if not repeats or not found:
        return found
    blocks = doc.blocks
    out: List[Finding] = []
    for f in found:
        out.append(f)
        i = doc.block_of(f.start) if f.block is None else f.block
        for j in repeats.get(i, ()):
            d = blocks[j].start - blocks[i].start
            out.append(Finding(f.start + d, f.end + d, f.category, f.reason, f.rule, f.confidence,
                               None if f.block is None else j))
    return out


def _check_size(text: str, cfg: Config) -> None:
    if len(text) > cfg.max_chars:
        raise ValueError(f"input is {len(text):,} characters, over the limit of {cfg.max_chars:,} (Config.max_chars)")

