"""What kind of input this is: the text of a whole page (menus, footers, boxes
of other stories around the article) or an article with at most a little
junk around it (an extracted body, a scraped article).

A line's shape or position is weak evidence. The rules that judge by it alone
(the block scorer, runs of headline-shaped lines, short lines around the
body) apply only where the input as a whole calls for them: many blocks,
most of them short, and menus: lines of one or two words. The test uses no
vocabulary, so it holds in every language. On an article-shaped input the
same lines are usually the article's own (a list of tour dates, a results
table, a photo essay's short paragraphs).

A page's text opens with the site's navigation: at least TOP_MENU_LINES of
its first TOP_BLOCKS blocks are menu lines. Empty lines and bulleted items
are no menu lines (an article's list is bulleted when written out as text;
a page's menus come from its HTML as bare lines).

On the 181 benchmark pages (docs/benchmarks.md, 2026-12-01), whole-page
texts (html-text) / ground-truth bodies / trafilatura's extractions passing
the test, by TOP_MENU_LINES: 0: 172/3/2, 3: 171/2/1, 4: 171/1/1, 5: 170/0/0,
6: 168/0/0, 8: 161/0/0. 5 is the smallest value that takes no article-shaped
input for a whole page.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .document import Features

#: A whole page has at least this many blocks ...
WHOLE_PAGE_BLOCKS = 30
#: ... at least this share of them shorter than Config.prose_min_words ...
WHOLE_PAGE_SHORT_SHARE = 0.5
#: ... and at least this many menu lines (one or two words, no sentence end).
MENU_LINES = 10
#: ... of which at least this many among its first TOP_BLOCKS blocks: a page's
#: text opens with the site's navigation, an article with its title and lead.
TOP_MENU_LINES = 5
TOP_BLOCKS = 20


def whole_page(feats: Sequence[Features], prose_min_words: int) -> bool:
    """Whether a text whose blocks have the features ``feats`` is the text of a
    whole page (:attr:`newsclean.analysis.document.Document.whole_page`)."""
    n = len(feats)
    if n < WHOLE_PAGE_BLOCKS:
        return False
    short = sum(1 for f in feats if f.n_words < prose_min_words)
    if short / n < WHOLE_PAGE_SHORT_SHARE:
        return False
    menu = [_menu_line(f) for f in feats]
    return sum(menu) >= MENU_LINES and sum(menu[:TOP_BLOCKS]) >= TOP_MENU_LINES


def _menu_line(f: Features) -> bool:
    """One or two words and no sentence end. A line of no word at all (a
    zero-width space, a rule) is not a menu item, nor is a bulleted one: a
    list written out as text is the article's (a page's menus come from its
    HTML as bare lines)."""
    return 1 <= f.n_words <= 2 and not f.ends_sentence and not f.bullet
