"""Site boilerplate learned from the crawl (``newsclean batch
--learn-site-boilerplate``).

A first pass cleans every page as usual and counts, per host, on how many
pages each line of the page's text occurs, kept or removed (the lines of the
cleaned text and of every removed span: :func:`article_keys`;
:class:`SiteLines`); the lines
that recur on many pages of a host are its learned boilerplate
(:meth:`SiteLines.learned`), which the second pass removes through
``Config.site_lines`` (rule ``boilerplate.site_learned``, category
``boilerplate``, reason "recurs on N of M pages of this site").

A line is learned for a host when it occurs on at least ``MIN_PAGES`` (5) of
its pages and on at least ``MIN_SHARE`` (30 %) of them. Only lines still in a
page's cleaned text are removed by the second pass (the others are removed
already), but counting them all is what tells chrome, on (nearly) every page
of a template, from a sentence that some articles share. Guards against harm:
a line with a quotation mark is never counted (a quote that several articles
share), and the rule keeps a whole sentence of prose unless it is on at least
``PROSE_SHARE`` (80 %) of the site's pages (see
:func:`newsclean.detectors.boilerplate.learned_line`).

Memory is bounded per host: lines are counted by 8-byte keys
(:func:`newsclean.text.words.site_line_key`) in at most ``CAPACITY`` (2,048)
counters per host, with the Misra-Gries "frequent items" summary: when the
counters overflow, every count is lowered by the ``CAPACITY``-th largest and
the counts at zero are dropped. A count is then an underestimate by at most
(lines counted) / ``CAPACITY``, so pruning can only make a line look rarer:
it never makes a line learned that is not. Counting is in input order, so the
result does not depend on the number of worker processes.
"""
from __future__ import annotations

import heapq
from typing import Dict, Iterable, Tuple

from ..detectors.boilerplate import QUOTE_MARKS
from ..results import Article
from ..text.words import site_line_key

MIN_PAGES = 5
MIN_SHARE = 0.3
CAPACITY = 2048


def page_keys(texts: Iterable[str]) -> Tuple[str, ...]:
    """The keys of the distinct lines of ``texts`` (quotations left out), sorted."""
    return tuple(sorted({site_line_key(line) for text in texts for line in text.splitlines()
                         if line.strip() and not any(q in line for q in QUOTE_MARKS)}))


def article_keys(art: Article) -> Tuple[str, ...]:
    """The keys of a cleaned page's lines: its text's and its removed spans'
    (the page's text as the pipeline saw it, but for its metadata lines)."""
    return page_keys([art.text] + [r.text for r in art.removed])


class SiteLines:
    """Per host: pages seen, and on how many of them each line occurs."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self.pages: Dict[str, int] = {}
        self.counts: Dict[str, Dict[str, int]] = {}

    def add(self, host: str, keys: Iterable[str]) -> None:
        """One page of ``host`` and the keys of its lines (:func:`page_keys`)."""
        if not host:
            return
        self.pages[host] = self.pages.get(host, 0) + 1
        c = self.counts.setdefault(host, {})
        for k in keys:
            c[k] = c.get(k, 0) + 1
        if len(c) > 2 * self.capacity:
            floor = heapq.nlargest(self.capacity, c.values())[-1]
            self.counts[host] = {k: v - floor for k, v in c.items() if v > floor}

    def learned(self, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE
                ) -> Dict[str, Tuple[Tuple[str, int, int], ...]]:
        """{host: ((key, pages with the line, pages of the host), ...)} for
        ``Config.site_lines``, keys sorted."""
        out = {}
        for host, c in self.counts.items():
            total = self.pages[host]
            need = max(min_pages, min_share * total)
            lines = tuple(sorted((k, n, total) for k, n in c.items() if n >= need))
            if lines:
                out[host] = lines
        return out
