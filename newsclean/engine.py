"""The steps of the pipeline, after normalisation (see :mod:`newsclean.pipeline`):
blocks -> metadata (date, byline, site) -> pass 1 detectors -> article core ->
metadata (title, dateline) -> pass 2 detectors -> context revision -> one
decision step -> safety floor -> Article.

Kept apart from :func:`newsclean.clean_text` so that the compiled
build (setup.py) can compile it: the public entry points stay Python, to check
their arguments with their own messages.
"""
from __future__ import annotations

from operator import attrgetter
from typing import Dict, List, Optional, Tuple

from . import metadata
from .config import Config
from .core import find_core, is_prose
from .detectors import modules
from .document import Document
from .model import Article, Finding, MetaSpan, Removal

# Tie-break between categories proposing the same block (earlier wins).
_PRIORITY = {c: i for i, c in enumerate(("spam", "icon", "paywall", "duplicate", "foreign_language", "teaser", "boilerplate"))}
_REGION_CATEGORIES = ("paywall", "boilerplate", "teaser", "icon")
_SANDWICH_MAX_WORDS = 5
# Safety floor: below this much article-like text (words of prose, or, where no
# block reads as prose, characters of blocks of _FLOOR_BLOCK_CHARS or more) a
# document is too short to judge.
_FLOOR_MIN_WORDS = 40
_FLOOR_MIN_CHARS = 200
_FLOOR_BLOCK_CHARS = 30
# Rules that judge a block by its position or neighbours; the safety floor may undo them.
_POSITIONAL_RULES = frozenset({
    "paywall.region", "teaser.trailing", "teaser.headlines", "teaser.links", "teaser.list",
    "boilerplate.header", "boilerplate.nav", "boilerplate.footer", "boilerplate.comments",
    "paywall.context", "teaser.context", "boilerplate.context", "icon.context", "boilerplate.model",
})


def run(norm: str, cfg: Config, known: Optional[Dict] = None,
        mode: str = "text") -> Article:
    """Run the pipeline on already-normalised text. ``known`` carries metadata the
    caller already has (from HTML): title, date, authors, source, language, url."""
    known = known or {}
    doc = Document.build(norm, cfg, language=known.get("language"), mode=mode)
    if known.get("title"):
        doc.title = known["title"]
    doc.source = known.get("source")
    metadata.pre(doc)
    if known.get("date"):
        doc.date = known["date"]
    for a in known.get("authors") or []:
        if a not in doc.authors:
            doc.authors.append(a)

    mods = modules()
    for mod in mods:
        if hasattr(mod, "pass1") and cfg.enabled(mod.CATEGORY):
            _absorb(doc, mod.pass1(doc))
    doc.refresh_features()
    find_core(doc)
    metadata.post(doc)
    if known.get("title"):
        _drop_title_lines(doc, known["title"])
    for mod in sorted(mods, key=lambda m: getattr(m, "ORDER2", getattr(m, "ORDER", 50))):
        if hasattr(mod, "pass2") and cfg.enabled(mod.CATEGORY):
            _absorb(doc, mod.pass2(doc))
    if cfg.enabled("boilerplate"):
        from .detectors.boilerplate import after_trimmed_body

        _absorb(doc, after_trimmed_body(doc))
    _absorb(doc, _sandwiched(doc))
    return _assemble(doc, known)


def _absorb(doc: Document, findings: List[Finding]) -> None:
    """Record findings; whole-block findings label their block (first label wins
    unless a later one has higher priority at equal or higher confidence)."""
    if not findings:
        return
    enabled = {c: doc.config.enabled(c) for c in {f.category for f in findings}}
    label, meta_blocks, spans, record = doc.label, doc.meta_blocks, doc.spans, doc.findings.append
    for f in findings:
        if not enabled[f.category]:
            continue
        record(f)
        bi = f.block
        if bi is not None:
            if bi not in meta_blocks and label[bi] is None:
                label[bi] = f.category
        else:
            bi = doc.block_of(f.start)
            if bi >= 0:
                spans.setdefault(bi, []).append(f)


def _sandwiched(doc: Document) -> List[Finding]:
    """Second look from the neighbours: a short unlabelled line between two
    blocks of the same junk region ("eros" inside a registration form) joins it."""
    out = []
    n = len(doc.blocks)
    label, meta_blocks, feats = doc.label, doc.meta_blocks, doc.feats
    for i in range(1, n - 1):
        if label[i] is not None or i in meta_blocks:
            continue
        f = feats[i]
        if f.n_words > _SANDWICH_MAX_WORDS or (f.ends_sentence and f.n_words >= 3):
            continue
        prev, nxt = label[i - 1], label[i + 1]
        if prev is not None and prev == nxt and prev in _REGION_CATEGORIES:
            out.append(doc.block_finding(i, prev, f"short line inside a {prev} region", f"{prev}.context", 0.6))
    return out


def _drop_title_lines(doc: Document, title: str) -> None:
    from .textutil import norm_key

    key = norm_key(title)
    if not key:
        return
    for i in range(0, min(len(doc.blocks), doc.core[0] + 3)):
        if i not in doc.meta_blocks and doc.label[i] is None and norm_key(doc.blocks[i].text) == key:
            doc.meta_blocks[i] = "title"
            b = doc.blocks[i]
            doc.meta.append(MetaSpan("title", b.text, b.start, b.end))


def _choose(fs: List[Finding]) -> List[Finding]:
    """Per block, either one whole-block removal or a set of non-overlapping
    span removals."""
    if len(fs) == 1:
        return fs
    whole = [f for f in fs if f.block is not None]
    if whole:
        return [min(whole, key=lambda f: (-f.confidence, _PRIORITY.get(f.category, 99), f.rule))]
    chosen: List[Finding] = []
    for f in sorted(fs, key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and f.start < chosen[-1].end:
            continue
        chosen.append(f)
    return chosen


def _decide(doc: Document) -> Tuple[Dict[int, List[Finding]], Dict[int, List[Finding]]]:
    """One decision step: per block, the chosen removals (see :func:`_choose`);
    also returns every finding per block."""
    per_block: Dict[int, List[Finding]] = {}
    block_of, meta_blocks = doc.block_of, doc.meta_blocks
    for f in doc.findings:
        bi = f.block
        if bi is None:
            bi = block_of(f.start)
        if bi < 0:
            continue
        fs = per_block.get(bi)
        if fs is None:
            per_block[bi] = [f]
        else:
            fs.append(f)
    decided = {bi: _choose(fs) for bi, fs in per_block.items() if bi not in meta_blocks}
    return decided, per_block


def _assemble(doc: Document, known: Dict) -> Article:
    cfg = doc.config
    decided, per_block = _decide(doc)
    low_conf = False

    # Safety floor: never silently drop (nearly) the whole article. Measured in
    # words of prose; where no block reads as prose (a script whose full stop
    # we do not know, or no full stops at all), in characters of longer blocks.
    feats, blocks, meta_blocks = doc.feats, doc.blocks, doc.meta_blocks
    cands = [i for i, f in enumerate(feats) if is_prose(f, cfg) and i not in meta_blocks]
    size, minimum = (lambda i: feats[i].n_words), _FLOOR_MIN_WORDS
    if not cands:
        cands = [i for i, b in enumerate(blocks) if b.end - b.start >= _FLOOR_BLOCK_CHARS and i not in meta_blocks]
        size, minimum = (lambda i: blocks[i].end - blocks[i].start), _FLOOR_MIN_CHARS
    total = sum(map(size, cands))
    kept = sum(size(i) for i in cands if not _whole_removed(decided, i))
    engaged = total >= minimum and kept < cfg.min_keep_ratio * total
    if engaged:
        low_conf = True
        # Keep the best candidate: the paragraphs that were removed for where
        # they stand (after a wall, around the body, between junk), not for
        # what they say. What was removed from them for what it says (spam
        # glued to a paragraph's end) stays removed.
        cand_set = set(cands)
        for i, ft in enumerate(feats):
            fs = decided.get(i)
            if (fs and fs[0].block is not None and fs[0].rule in _POSITIONAL_RULES
                    and (i in cand_set or (ft.ends_sentence and ft.n_words >= 6))):
                rest = [g for g in per_block[i] if g.rule not in _POSITIONAL_RULES]
                if rest:
                    decided[i] = _choose(rest)
                else:
                    del decided[i]

    removed: List[Removal] = []
    paras: List[str] = []
    get_decided = decided.get
    for b in blocks:
        i = b.index
        if i in meta_blocks:
            continue
        fs = get_decided(i)
        if not fs:
            paras.append(b.text)
            continue
        f = fs[0]
        if f.block is not None:
            removed.append(Removal(f.category, b.text, b.start, b.end, f.reason, f.rule))
            continue
        text_start = b.start
        pieces = []
        pos = text_start
        for f in fs:
            s, e = max(f.start, text_start), min(f.end, b.end)
            if e <= s:
                continue
            pieces.append(doc.text[pos:s])
            removed.append(Removal(f.category, doc.text[s:e], s, e, f.reason, f.rule))
            pos = e
        pieces.append(doc.text[pos:b.end])
        para = " ".join(" ".join(pieces).split())
        if para:
            paras.append(para)

    removed.sort(key=attrgetter("start"))
    meta = sorted(doc.meta, key=lambda m: m.start)
    if not cfg.metadata:
        meta = []
    return Article(
        text="\n\n".join(paras),
        title=doc.title,
        date=doc.date,
        language=doc.language,
        dateline=doc.dateline,
        source=doc.source,
        authors=list(doc.authors),
        paywalled=doc.paywalled and any(r.rule == "paywall.wall" for r in removed),
        low_confidence=low_conf,
        removed=removed,
        metadata_spans=meta,
        url=known.get("url"),
    )


def _whole_removed(decided, i) -> bool:
    fs = decided.get(i)
    return bool(fs) and fs[0].block is not None
