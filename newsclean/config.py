"""The one frozen configuration object.

Every category can be switched off, and every threshold a user would tune
lives here (docs/api.md lists them, with the rule that reads each)::

    from newsclean import Config, clean_text
    cfg = Config(teaser=False)                 # keep trailing teasers
    art = clean_text(text, config=cfg)
    art = clean_text(text, spam=False)         # keyword overrides work too
    cfg = Config(params={"spam.OFFER_MAX_WORDS": 30})  # a rule's own threshold

Each rule's thresholds are named constants of its detector module (their
defaults); ``params`` overrides them by their qualified name,
``"<module>.<CONSTANT>"``. The names a rule reads are in its record
(:class:`newsclean.detectors.base.Rule`), which registers them here
(:func:`register_params`); a rule reads them through
:func:`newsclean.detectors.base.params_of`.
"""
from __future__ import annotations

import dataclasses
import math
import numbers
from dataclasses import dataclass, field
from typing import Dict, Mapping, Tuple, Union

from .categories import CATEGORIES


@dataclass(frozen=True)
class Config:
    """Settings for one cleaning run. Immutable; derive variants with :meth:`replace`.

    Switches (all ``True`` by default): one per removal category, plus
    ``metadata`` (move title/date/dateline/byline lines into the metadata).
    """

    icon: bool = True
    paywall: bool = True
    spam: bool = True
    foreign_language: bool = True
    teaser: bool = True
    boilerplate: bool = True
    duplicate: bool = True
    metadata: bool = True
    #: Text mode: let the learned block scorer (``newsclean/blockmodel.py``)
    #: adjust the rule-based article-core scores.
    block_model: bool = True

    #: Safety floor: if the kept text would be smaller than this share of the
    #: document's prose, the best article candidate is kept and the result is
    #: flagged ``low_confidence``.
    min_keep_ratio: float = 0.3
    #: Blocks of at least this many words count as prose for core detection.
    prose_min_words: int = 12
    #: Duplicate detection ignores blocks shorter than this many words, so a
    #: legitimately repeated short sentence ("We will fight.") stays.
    duplicate_min_words: int = 10
    #: A block is foreign when at least this share of its letters is in
    #: another script than the article's.
    foreign_script_ratio: float = 0.6
    #: Teaser score at or above which a trailing block is removed.
    teaser_threshold: float = 1.5
    #: Topical overlap with the article core under which a block counts as off-topic.
    teaser_low_overlap: float = 0.12
    #: Categories switched off by name (for categories registered without a
    #: switch of their own; see :mod:`newsclean.categories`).
    disabled: Tuple[str, ...] = ()
    #: Inputs longer than this many characters are refused (ValueError).
    max_chars: int = 20_000_000
    #: Site boilerplate learned from a crawl (``newsclean batch
    #: --learn-site-boilerplate``, :mod:`newsclean.corpus.siteboiler`): for the
    #: page's host, (line key, pages of the host with the line, pages of the
    #: host) for each line that recurs on many of its pages. A block whose
    #: :func:`newsclean.text.words.site_line_key` is listed is removed
    #: (``boilerplate.site_learned``), unless it is a quotation or a whole
    #: sentence of prose.
    site_lines: Tuple[Tuple[str, int, int], ...] = ()
    #: Extra phrases per vocabulary name (e.g. ``{"paywall_lines": ("Werde Mitglied",)}``),
    #: added to the packaged data files.
    extra_phrases: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    #: Lines to drop as boilerplate, regardless of detectors (exact text, case-insensitive).
    drop_lines: Tuple[str, ...] = ()
    #: Also report the kept text's structure (``Article.blocks``: headings,
    #: list items, table rows, quotations). Off by default: the text is the same
    #: either way, ``Article.blocks`` is None and ``to_dict()`` has no "blocks".
    structure: bool = False
    #: With ``structure``, from HTML: each block's links (anchor text, target)
    #: and images (source, alt text). Each costs a second trafilatura run.
    links: bool = False
    images: bool = False
    #: Rule parameters by qualified name (``{"spam.OFFER_MAX_WORDS": 30}``):
    #: the module constants the rules' records list (docs/api.md, "Rules and
    #: their parameters"), which are the defaults. An unknown name, or a value
    #: that is not a number (a whole one for a whole-number parameter), is refused.
    params: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.params:
            check_params(self.params)

    def enabled(self, category: str) -> bool:
        """Whether ``category``'s removals are made: its switch (the field of its
        name; a registered category without one is on) and not in ``disabled``."""
        return bool(getattr(self, category, True)) and category not in self.disabled

    def replace(self, **changes) -> "Config":
        return dataclasses.replace(self, **changes)

    def __hash__(self) -> int:  # the mappings are dicts: extra_phrases hashed by its keys, params by its items
        return hash(tuple(tuple(sorted(v)) if isinstance(v, Mapping) else v
                          for v in (getattr(self, f.name) for f in dataclasses.fields(self)))
                    + tuple(sorted(self.params.items())))


#: Every rule parameter ``Config.params`` may set: qualified name -> default
#: (the module constant). Filled by :mod:`newsclean.detectors` from the rules'
#: records when it is imported (``import newsclean`` does).
PARAMS: Dict[str, Union[int, float]] = {}


def register_params(defaults: Mapping[str, Union[int, float]]) -> None:
    """Make the parameters ``defaults`` (qualified name -> default) settable through ``Config.params``."""
    PARAMS.update(defaults)


def check_params(params: Mapping[str, float]) -> None:
    """Refuse (TypeError, ValueError) a name ``PARAMS`` does not hold or a value of the wrong type."""
    if not isinstance(params, Mapping):
        raise TypeError(f"Config.params must be a mapping of parameter names to numbers, not {type(params).__name__}")
    for key, value in params.items():
        if key not in PARAMS:
            raise TypeError(f"unknown newsclean parameter {key!r} (docs/api.md lists them, as \"<module>.<CONSTANT>\")")
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"newsclean parameter {key!r} takes a number, not {type(value).__name__} {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"newsclean parameter {key!r} takes a finite number, not {value!r}")
        if isinstance(PARAMS[key], int) and not float(value).is_integer():
            raise ValueError(f"newsclean parameter {key!r} takes a whole number, not {value!r}")


DEFAULT_CONFIG = Config()


def make_config(config: Config | None = None, **overrides) -> Config:
    base = config if config is not None else DEFAULT_CONFIG
    unknown = set(overrides) - {f.name for f in dataclasses.fields(Config)}
    if unknown:
        raise TypeError(f"unknown newsclean option(s): {', '.join(sorted(unknown))}")
    return base.replace(**overrides) if overrides else base
