"""Fast paths against the plain code they replace (branch speed18).

Each test holds the plain version of a function as it was before it was made
faster, and checks that the fast one gives exactly the same result: on a table
of real lines (the seeds, the test cases, the property tests' paragraphs) and
on generated text (hypothesis). They are the proof that a speed-up changes no
output; benchmarks/output_hash.py is the check on the benchmark's pages.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import List, Optional, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.config import DEFAULT_CONFIG
from newsclean.detectors import foreign_language as fl
from newsclean.detectors import paywall as pw
from newsclean.detectors.base import params_of
from newsclean.text import lexicon

#: The default parameters of the detectors whose helpers are tested here.
FL = params_of(DEFAULT_CONFIG, "foreign_language")
PW = params_of(DEFAULT_CONFIG, "paywall")
#: The fewest characters that hold DOUBT_MIN_WORDS words of two letters, one character apart.
DOUBT_MIN_CHARS = 3 * fl.DOUBT_MIN_WORDS - 1

ROOT = Path(__file__).resolve().parent.parent


def _table_lines() -> List[str]:
    """Every line of the seeds and of the test cases' strings, and the property tests' paragraphs."""
    out: List[str] = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out.extend(ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip())

    def strings(x):
        if isinstance(x, str):
            yield x
        elif isinstance(x, dict):
            for v in x.values():
                yield from strings(v)
        elif isinstance(x, list):
            for v in x:
                yield from strings(v)

    for p in sorted((ROOT / "tests" / "cases").glob("*.json")):
        for s in strings(json.loads(p.read_text(encoding="utf-8"))):
            out.extend(ln for ln in s.splitlines() if ln.strip())
    from test_properties import JUNK, OFF_TOPIC, PARAS  # (the property tests' own texts)

    out.extend(PARAS + OFF_TOPIC + JUNK)
    return list(dict.fromkeys(out))


LINES = _table_lines()
LANGS = tuple(lexicon.stopwords())

# Words for generated lines: function words of every list, content words in
# both cases, letters other alphabets write, apostrophes, digits, punctuation.
_STOPS = sorted(w for ws in lexicon.stopwords().values() for w in ws)
_WORDS = st.one_of(
    st.sampled_from(_STOPS),
    st.sampled_from(_STOPS).map(str.capitalize),
    st.sampled_from(["council", "Council", "Rząd", "zapowiedział", "Straße", "wasn’t", "dell'articolo", "l’été",
                     "ΑΘΗΝΑ", "Москва", "ŉ", "ﬁnance", "İstanbul", "ǅemal", "co-op", "x2", "_id", "2019",
                     "Éditions", "ça", "über", "naïve", "Ærø", "ß"]),
    st.text(alphabet="abcdeéñøąłšžABCÉ’'-_1", min_size=1, max_size=8),
)
_SEPS = st.sampled_from([" ", " ", " ", ", ", ". ", "! ", "? ", ": ", " “", "” ", " (", ") ", " – ", "… ", "\u00a0"])


@st.composite
def lines(draw):
    ws = draw(st.lists(_WORDS, min_size=0, max_size=24))
    out = ""
    for w in ws:
        out += w + draw(_SEPS)
    return out.strip()


any_line = st.one_of(lines(), st.sampled_from(LINES), st.text(max_size=80))


# ----------------------------------------------------------- foreign_language
def doubt_tokens_plain(text: str) -> List[str]:
    """fl._doubt_tokens before speed18: the regex path for every text."""
    return [m.group().casefold().replace("’", "'") for m in fl._LETTERS_RE.finditer(text) if len(m.group()) > 1]


def in_doubt_plain(text: str, article_lang: str) -> Optional[str]:
    """fl._in_doubt before speed18 (its capitalisation tests before its function-word tests)."""
    n_tokens = len(text.split())
    ws, openers = [], []
    for m in fl._LETTERS_RE.finditer(text):
        if len(m.group()) > 1:
            ws.append(m.group())
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \"'“‘«(")
            openers.append(not before or before[-1] in ".!?:…")
    n = len(ws)
    if n < fl.DOUBT_MIN_WORDS or n < fl.DOUBT_WORD_SHARE * n_tokens:
        return None
    stops = fl._function_words()
    folded = [w.casefold().replace("’", "'") for w in ws]
    content_lower = [c[:1].islower() for w, c, o in zip(folded, ws, openers) if w not in stops and not o]
    sentence_like = not content_lower or sum(content_lower) >= fl.DOUBT_LOWER_SHARE * len(content_lower)
    inner = [c[:1].islower() for c, o in zip(ws, openers) if not o]
    nouns_sentence_like = not inner or sum(inner) >= fl.DOUBT_LOWER_SHARE_NOUNS * len(inner)
    if not (sentence_like or nouns_sentence_like):
        return None
    ws = folded
    table = lexicon.stopwords()
    hits = lexicon.stopword_hits(ws)
    best_lang = max((lang for lang in table if lang != article_lang), key=lambda lang: hits.get(lang, 0))
    best = hits.get(best_lang, 0) / n
    own_stops, other_stops = table[article_lang], table[best_lang]
    own = sum(1 for w in ws if w in own_stops and w not in other_stops) / n
    if own > fl.DOUBT_OWN_MAX:
        return None
    pointed = best > 0 and (best >= fl.DOUBT_OTHER_MIN and best >= fl.DOUBT_DOMINANCE * own and hits[best_lang] >= 2
                            and hits[best_lang] > hits.get(article_lang, 0))
    bare = own == 0 and n >= fl.DOUBT_BARE_WORDS and fl._alien_letters(ws, article_lang, FL)
    if not (pointed or bare):
        return None
    found = fl.detect_line(" ".join(ws))
    if found is not None and found not in table and best >= fl.OTHER_MIN and hits[best_lang] >= 3:
        found = best_lang
    if found is None or found == article_lang or found not in table:
        return None
    if not (nouns_sentence_like if found in fl.NOUNS_CAPITALISED else sentence_like):
        return None
    if best > 0 and hits.get(found, 0) <= hits.get(article_lang, 0):
        return None
    return found


def test_doubt_tokens_on_the_table():
    from newsclean.text.words import words

    for line in LINES:
        assert fl._doubt_tokens(line, words(line)) == doubt_tokens_plain(line), line


@settings(max_examples=400)
@given(any_line)
def test_doubt_tokens_are_the_plain_tokens(text):
    from newsclean.text.words import words

    assert fl._doubt_tokens(text, words(text)) == doubt_tokens_plain(text)


def test_in_doubt_on_the_table():
    for line in LINES:
        for lang in ("en", "de", "fr", "it", "pl", "ru"):
            if lang in LANGS:
                assert fl._in_doubt(line, lang, FL) == in_doubt_plain(line, lang), (line, lang)


@settings(max_examples=300)
@given(lines(), st.sampled_from(LANGS))
def test_in_doubt_is_the_plain_in_doubt(text, lang):
    assert fl._in_doubt(text, lang, FL) == in_doubt_plain(text, lang)


# -------------------------------------------------------------------- paywall
def kind_pattern_plain() -> Tuple["re.Pattern[str]", Tuple[Tuple[str, str], ...]]:
    """paywall._kind_terms before speed18: one alternation under re.IGNORECASE, a named group per kind."""
    parsed, cjk = pw.kind_terms_parsed()  # (reading the file is not what is compared)
    by_kind = {k: [regex for regex, _ in v] for k, v in parsed.items()}
    groups = "|".join(f"(?P<{k}>" + "|".join(sorted(v, key=len, reverse=True)) + ")" for k, v in by_kind.items() if v)
    return re.compile(r"(?<!\w)(?:" + groups + r")(?!\w)", re.IGNORECASE), tuple(cjk)


def kinds_notice_plain(text: str, n_words: int) -> str:
    """paywall's notice with the plain kinds regex (kind_pattern_plain)."""
    pattern, cjk = kind_pattern_plain()
    spans, found = [], set()
    for m in pattern.finditer(text):
        found.add(m.lastgroup)
        spans.append(m.span())
    if not text.isascii():
        found.update(k for k, t in cjk if t in text)
    found.discard("fill")
    found.discard(None)
    if pw._DIGIT_RE.search(text):
        found.add("number")
    stops = pw._function_words()
    content = [w.span() for w in pw._WORD_RE.finditer(text) if not w.group().isdigit()
               and w.group().casefold() not in stops]
    if not content or any("\u3040" <= c <= "\u9fff" for c in text):
        coverage = 1.0
    else:
        coverage = sum(1 for a, z in content if any(s <= a and z <= e for s, e in spans)) / len(content)
    return pw._kinds_notice(frozenset(found), coverage, n_words, PW)


def _paywall_lines() -> List[str]:
    terms = [ln.partition(":")[2].strip().replace("*", "") for ln in lexicon.phrases("paywall_kinds")]
    return [t for t in terms if t]


_PAYWALL_WORDS = st.one_of(st.sampled_from(_paywall_lines()), st.sampled_from(_STOPS), _WORDS,
                           st.sampled_from(["3", "10", "€", "購読", "会員限定"]))


@st.composite
def notices(draw):
    return " ".join(draw(st.lists(_PAYWALL_WORDS, min_size=1, max_size=12)))


def _notice_fast(text: str, n_words: int) -> str:
    return pw._kinds_notice(*pw._kinds_of(text), n_words, PW)


def test_paywall_notice_on_the_table():
    from newsclean.text.words import words

    found = 0
    for line in LINES + _paywall_lines():
        n = len(words(line))
        assert _notice_fast(line, n) == kinds_notice_plain(line, n), line
        found += bool(kinds_notice_plain(line, n))
    assert found  # (the table holds notices)


@settings(max_examples=400)
@given(st.one_of(notices(), any_line), st.integers(min_value=0, max_value=20))
def test_paywall_notice_is_the_plain_notice(text, n_words):
    assert _notice_fast(text, n_words) == kinds_notice_plain(text, n_words)


def _word_test_applies(text: str) -> bool:
    from newsclean.text.words import plain_ascii

    return text.isascii() or plain_ascii(text) is not None


_TYPOGRAPHIC = st.sampled_from([" ", " ", "\u00a0", "’", "“", "”", " – ", "…", "«", "»", "•", "·", ", ", ". ", "-"])


@st.composite
def typographic_notices(draw):
    ws = draw(st.lists(st.one_of(st.sampled_from(_paywall_lines()), _WORDS,
                                 st.sampled_from(_paywall_lines()).map(str.upper)), min_size=1, max_size=12))
    return "".join(w + draw(_TYPOGRAPHIC) for w in ws).strip()


def _word_count_plain(ws: List[str]) -> int:
    """paywall's word test done line by line: each word's first letters looked up and the regex of parts' words."""
    pattern, pre, _ = pw._part_starts()
    return sum(1 for w in ws if (w[:4] in pre or w[:3] in pre or w[:2] in pre) and pattern.match(w))


def check_word_test(text: str) -> None:
    """paywall's bound on a line's parts before _kinds_of (``_part_bound``, on
    its words or its last ones, and ``_text_part_bound``) is no smaller than
    the parts (and a lock) _kinds_of finds in it: a line it turns away for
    ``least`` 2 (1 when it holds a price, a part of its own) makes no notice,
    for ``least`` 1 has no part; a text whose last words it turns away for 2
    ends with no notice (notice_from)."""
    from newsclean.text.words import words

    kinds, coverage = pw._kinds_of(text)
    ws = words(text)
    like_parts = pw._like_parts(ws + ["subscribe", "abonnement"])  # (the page's words: more than the line's)
    bound = pw._part_bound(text, ws, like_parts)
    held = min(2, len(kinds - {"number", "price", "lock"}) + (pw._LOCK_CHAR_RE.search(text) is not None))
    assert held <= bound and held <= pw._text_part_bound(text), text
    if _word_test_applies(text):
        assert bound == min(2, _word_count_plain(ws)), text
    if bound < (1 if "price" in kinds else 2):
        for n in range(pw.KINDS_MAX_WORDS + 1):
            assert pw._kinds_notice(kinds, 1.0, n, PW) == "" and pw._kinds_notice(kinds, coverage, n, PW) == "", text
    if pw._part_bound(text, ws[-PW.TAIL_SENTENCES * PW.KINDS_MAX_WORDS:], like_parts) < 2:
        assert pw.notice_from(text, PW) == (-1, ""), text


# Notices in capitals and other scripts, with letters that fold in two (ß,
# İ), that re.IGNORECASE matches with a Latin letter (ſ, the Kelvin sign),
# combining marks, symbols, a lock, a price: the lines _part_bound searches.
_ODD = st.sampled_from(["ß", "ẞ", "İ", "ı", "ſ", "\u212a", "\u0301", "\u0308", "©", "›", "€", "£ 4", "🔒", "🔓 ",
                        "\u200b", "ﬁ", "ς", "Σ", "会員限定", "購読", "—", "\u00a0"])


@st.composite
def odd_notices(draw):
    def spelled(w: str) -> str:
        how = draw(st.integers(0, 5))
        if how == 1:
            return w.upper()
        if how == 2:
            return w.title()
        if how == 3:
            k = draw(st.integers(0, len(w)))
            return w[:k] + draw(_ODD) + w[k:]
        if how == 4:
            return w.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı")
        return w

    ws = draw(st.lists(st.one_of(st.sampled_from(_paywall_lines()).map(spelled), _WORDS, _ODD), min_size=1,
                       max_size=14))
    return "".join(w + draw(st.one_of(_TYPOGRAPHIC, _SEPS)) for w in ws).strip()


def test_paywall_word_test_on_the_table():
    for line in LINES + _paywall_lines() + [w.upper() for w in _paywall_lines()]:
        check_word_test(line)


@settings(max_examples=500)
@given(st.one_of(typographic_notices(), notices(), odd_notices(), any_line))
def test_paywall_word_test_turns_no_notice_away(text):
    check_word_test(text)


@settings(max_examples=200)
@given(st.lists(st.one_of(st.sampled_from(LINES), typographic_notices(), odd_notices()), min_size=1, max_size=5))
def test_paywall_word_test_turns_no_glued_notice_away(lines):
    check_word_test(" ".join(line if line.rstrip().endswith((".", "!", "?")) else line + "." for line in lines))


def _paywall_both_ways(text: str) -> int:
    """paywall with each line's bound on its parts (_part_bound, and
    _text_part_bound in notice_from) and without: every bound 2, every line
    judged as before the bound. The number of findings."""
    import pytest

    from newsclean.detectors.base import Context

    ctx = Context.of_text(text)
    fast = pw.paywall(ctx)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pw, "_part_bound", lambda text, ws, like_parts: 2)
        m.setattr(pw, "_text_part_bound", lambda text: 2)
        plain = pw.paywall(ctx)
    assert fast == plain
    return len(fast)


#: A notice glued after a paragraph whose parts are all more than twenty
#: words from the end (its calls have a price and no part): the last words
#: _part_bound looks at are all a glued notice's (TAIL_SENTENCES sentences).
_GLUED_FAR = ("The city council approved the new budget on Tuesday after a long debate about school funding. "
              "You have reached your limit of free articles for this month, and that is all. "
              "Just $4 a month for all of it. Just $4 a month for all of it.")


def test_paywall_bounds_on_the_table():
    found = 0
    for text in _corpus() + ["\n".join(LINES[k:k + 40] + _paywall_lines()[k // 10:k // 10 + 6])
                             for k in range(0, len(LINES), 40)]:
        found += bool(_paywall_both_ways(text))
    assert found > 10  # (pages with paywall findings)
    assert _paywall_both_ways(_GLUED_FAR) == 1


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.sampled_from(_paywall_lines()), typographic_notices(),
                          odd_notices(), notices()), min_size=1, max_size=30), st.lists(st.booleans(), max_size=30))
def test_paywall_bounds_turn_nothing_away(lines_, glue):
    parts: List[str] = []
    for line, g in zip(lines_, glue + [False] * len(lines_)):
        if g and parts:
            parts[-1] += " " + line  # (a notice glued after a paragraph)
        else:
            parts.append(line)
    _paywall_both_ways("\n".join(parts))


# ------------------------------------------------ regexes by first character
def stem_pattern_plain(entries) -> "re.Pattern[str]":
    """spam._stem_pattern before speed18: one alternation under re.IGNORECASE, the longest entries first."""
    alts = []
    for e in sorted(set(entries), key=len, reverse=True):
        alts.append(r"\s+".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in e.split()))
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _vocabulary_text(entries) -> st.SearchStrategy:
    """Lines of the vocabulary's entries (as written, in capitals, with endings), other words and punctuation."""
    plain = sorted(e.replace("*", "") for e in entries)
    word = st.one_of(st.sampled_from(plain), st.sampled_from(plain).map(str.upper),
                     st.sampled_from(plain).map(str.title), st.sampled_from(plain).map(lambda e: e + "s"),
                     st.sampled_from(plain).map(lambda e: e.replace(" ", "\u00a0 ")), _WORDS,
                     st.sampled_from(["ſ", "K", "İ", "ẞ", "ς", "µ"]))
    return st.lists(st.tuples(word, _TYPOGRAPHIC), max_size=12).map(lambda ws: "".join(a + b for a, b in ws))


def _spam_vocabularies():
    from newsclean.detectors import spam

    return [lexicon.phrase_list(n, None) for n in ("spam_lexicon", "spam_sales")]


def _same_stem_matches(text: str) -> None:
    from newsclean.detectors import spam

    for entries in _spam_vocabularies():
        new, ref = spam._stem_pattern(entries), stem_pattern_plain(entries)
        assert [(m.span(), m.group()) for m in new.finditer(text)] == \
            [(m.span(), m.group()) for m in ref.finditer(text)], text


def _same_kinds(text: str) -> None:
    new, _, kind_of = pw._kind_terms()
    ref, _ = kind_pattern_plain()
    assert [(m.span(), kind_of[m.lastgroup]) for m in new.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in ref.finditer(text)], text


def test_the_grouped_regexes_are_grouped():
    from newsclean.detectors import spam

    assert not spam._stem_pattern(_spam_vocabularies()[0]).flags & re.IGNORECASE
    assert not pw._kind_terms()[0].flags & re.IGNORECASE
    assert lexicon.by_first_character([("s", "ome"), ("ſ", "x")]) is None  # (one character matches both)
    assert lexicon.by_first_character([("", "x")]) is None


def test_grouped_regexes_on_the_table():
    for line in LINES + [" ".join(e) for e in _spam_vocabularies()] + _paywall_lines():
        _same_stem_matches(line)
        _same_kinds(line)


@settings(max_examples=300)
@given(st.data())
def test_spam_stems_match_as_the_plain_alternation(data):
    entries = data.draw(st.sampled_from(_spam_vocabularies()))
    _same_stem_matches(data.draw(st.one_of(_vocabulary_text(entries), any_line)))


@settings(max_examples=300)
@given(st.one_of(_vocabulary_text([ln.partition(":")[2].strip() for ln in lexicon.phrases("paywall_kinds")]),
                 any_line))
def test_paywall_kinds_match_as_the_plain_alternation(text):
    _same_kinds(text)


@settings(max_examples=200)
@given(st.lists(st.text(alphabet="abcsSſkKK\u212aéÉ- '", min_size=1, max_size=5), min_size=1, max_size=10),
       st.text(alphabet="abcsSſkKK\u212aéÉ- '.", max_size=40))
def test_by_first_character_matches_as_the_plain_alternation(words, text):
    alts = [(w[0], re.escape(w[1:]) + r"\w*") for w in words]
    grouped = lexicon.by_first_character(alts)
    ref = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) + r for c, r in alts) + r")(?!\w)", re.IGNORECASE)
    if grouped is None:
        return
    new = re.compile(r"(?<!\w)" + grouped + r"(?!\w)")
    assert [(m.span(), m.group()) for m in new.finditer(text)] == [(m.span(), m.group()) for m in ref.finditer(text)]


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=DOUBT_MIN_CHARS - 1),
                 st.text(alphabet="ab’' .1_\u0301", max_size=DOUBT_MIN_CHARS - 1)), st.sampled_from(LANGS))
def test_a_line_too_short_for_doubt_is_never_in_doubt(text, lang):
    """foreign_blocks skips a line of under DOUBT_MIN_CHARS characters (and under
    2 * DOUBT_MIN_WORDS words: no sentences): _in_doubt would find no DOUBT_MIN_WORDS words in it."""
    assert len([w for w in fl._LETTERS_RE.findall(text) if len(w) > 1]) < fl.DOUBT_MIN_WORDS
    assert fl._in_doubt(text, lang, FL) is None


# ------------------------------------------------------------------ settling
def _analysed_twice(first: str, second: str) -> None:
    from newsclean.analysis.document import analyse
    from newsclean.config import Config

    cfg = Config()
    earlier = analyse(first, cfg)
    plain, reused = analyse(second, cfg), analyse(second, cfg, earlier=earlier)
    assert reused.feats == plain.feats and reused.stops == plain.stops and reused.language == plain.language


def test_features_of_an_earlier_pass_on_the_table():
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for s in seeds:
        import newsclean

        _analysed_twice(s, newsclean.clean_text(s).text)
        _analysed_twice(s, s)
    _analysed_twice(seeds[0], seeds[1])


@settings(max_examples=100)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=30), st.data())
def test_features_of_an_earlier_pass_are_the_features(lines_, data):
    kept = data.draw(st.lists(st.sampled_from(lines_), max_size=30))
    _analysed_twice("\n".join(lines_), "\n\n".join(kept))


# ----------------------------------------------------------- spam prefilters
_NINE_DIGITS_PLAIN = re.compile(r"(?:\d[\s().+/-]{0,3}){9}")
_DOMAIN_HINT_PLAIN = re.compile(r"[a-z0-9]\.[a-zр]{2,7}\b")


@settings(max_examples=500)
@given(st.one_of(st.text(alphabet="0123456789 ().+/-\u0663a\n", max_size=60),
                 st.text(alphabet="abz09.рЯ _-/A\u00e9", max_size=40), any_line))
def test_spam_contact_tests_are_the_plain_tests(text):
    from newsclean.detectors import spam

    assert (spam._NINE_DIGITS_RE.search(text) is None) == (_NINE_DIGITS_PLAIN.search(text) is None)
    assert (spam._DOMAIN_HINT_RE.search(text) is None) == (_DOMAIN_HINT_PLAIN.search(text) is None)


def test_spam_contact_tests_on_the_table():
    from newsclean.detectors import spam

    hits = 0
    for line in LINES + ["+49 (0) 30 123-456-78", "call 555 123 4567 now", "shop-example.com", "zaim.ru/x", "a.b"]:
        assert (spam._NINE_DIGITS_RE.search(line) is None) == (_NINE_DIGITS_PLAIN.search(line) is None), line
        assert (spam._DOMAIN_HINT_RE.search(line) is None) == (_DOMAIN_HINT_PLAIN.search(line) is None), line
        hits += spam._DOMAIN_HINT_RE.search(line) is not None
    assert hits


def _cleaned_both_ways(text: str) -> None:
    """clean_text with the line-local detectors judging only the lines the pass
    before did not find clean, and judging every line (LINE_LOCAL empty)."""
    import pytest

    import newsclean
    from newsclean import pipeline

    fast = newsclean.clean_text(text).to_dict()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pipeline, "LINE_LOCAL", ())
        plain = newsclean.clean_text(text).to_dict()
    assert fast == plain


def _corpus() -> List[str]:
    """The seeds and the test cases' pages."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_settling_judges_only_new_lines_on_the_table():
    corpus = _corpus()
    assert len(corpus) > 50
    for text in corpus + ["\n".join(LINES)]:
        _cleaned_both_ways(text)


@settings(max_examples=60)
@given(st.data())
def test_settling_judges_only_new_lines(data):
    from test_properties import dense_pages, pages

    _cleaned_both_ways(data.draw(st.one_of(pages(), dense_pages())))


def test_line_local_detectors_judge_only_their_lines():
    """A line-local detector asked about some lines finds in them what it finds there asked about all."""
    from newsclean import pipeline
    from newsclean.detectors.base import Context

    for text in _corpus():
        ctx = Context.of_text(text)
        doc = ctx.doc
        for detector in pipeline.LINE_LOCAL:
            every = detector(ctx)
            for k in (2, 3):
                judge = frozenset(range(0, len(doc.blocks), k))
                some = detector(Context(doc, ctx.meta, ctx.marks, judge=judge))
                assert some == [x for x in every if (doc.block_of(x.start) if x.block is None else x.block) in judge]


_NEW_JUNK = ["Menu Search Close Share Print", "fa fa-print fa-share",
             "Die Bäckerei hat auch in diesem Jahr wieder den Preis für das beste Brot gewonnen, sagte der Bäcker.",
             "срочный займ на карту https://zaim.example/loan https://zaim.example/x",
             "The council met again on Friday. Cheap loans approved in 24 hours, call +1 555 123 4567 or write to "
             "loans@example.com now!", "Городской совет во вторник утвердил новый бюджет после долгих дебатов о ремонте."]


@settings(max_examples=80)
@given(st.data())
def test_a_later_pass_judges_new_lines_as_the_first(data):
    """_pass_one after an earlier pass (its clean lines not judged again) gives
    the findings of a pass that judges every line, on a text made of the earlier
    text's lines (clean ones, flagged ones) and new ones."""
    from newsclean import pipeline
    from newsclean.analysis.document import analyse
    from newsclean.config import Config
    from newsclean.metadata.lines import from_lines
    from test_properties import JUNK, PARAS

    cfg = Config()
    first = data.draw(st.lists(st.sampled_from(PARAS[:6] + JUNK + _NEW_JUNK[:2]), min_size=3, max_size=20))
    doc1 = analyse("\n".join(first), cfg)
    _, earlier = pipeline._pass_one(doc1, from_lines(doc1, {}), None)
    second = data.draw(st.lists(st.sampled_from(first + _NEW_JUNK + PARAS[:6]), min_size=1, max_size=20))
    doc2 = analyse("\n\n".join(second), cfg, earlier=earlier.doc)
    meta2 = from_lines(doc2, {})
    fast, _ = pipeline._pass_one(doc2, meta2, earlier)
    plain, _ = pipeline._pass_one(doc2, meta2, None)
    assert fast.findings == plain.findings and fast.label == plain.label


# ------------------------------------------------------------- repeated lines
def _by_block(marks) -> tuple:
    """What a Ledger says of each block: its label and evidence, its spans, and
    its findings in order (decide.py and the Ledger read findings block by block)."""
    doc = marks.doc
    per_block: dict = {}
    for f in marks.findings:
        per_block.setdefault(doc.block_of(f.start) if f.block is None else f.block, []).append(f)
    return marks.label, marks.evidence, marks.spans, per_block


def _judged_once_and_every_time(text: str) -> None:
    """Pass one with the line-local detectors judging each distinct line once
    (a repeated line gets its first block's findings), and judging every line
    (LINE_LOCAL empty)."""
    import pytest

    from newsclean import pipeline
    from newsclean.analysis.document import analyse
    from newsclean.config import Config
    from newsclean.metadata.lines import from_lines
    from newsclean.text.normalize import normalize

    doc = analyse(normalize(text), Config())
    meta = from_lines(doc, {})
    once, _ = pipeline._pass_one(doc, meta, None)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(pipeline, "LINE_LOCAL", ())
        every, _ = pipeline._pass_one(doc, meta, None)
    assert _by_block(once) == _by_block(every)


def _with_repeated_lines(lines_: List[str]) -> str:
    return "\n".join(lines_ + _NEW_JUNK + lines_[::2] + _NEW_JUNK[::-1] + lines_[1::3])


def test_repeated_lines_on_the_table():
    corpus = _corpus()
    found = 0
    for text in corpus + [_with_repeated_lines(LINES[k:k + 12]) for k in range(0, len(LINES), 12)]:
        _judged_once_and_every_time(text)
        found += len(text.splitlines()) > len(set(text.splitlines()))
    assert found > 50  # (pages with repeated lines)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(LINES[:400] + _NEW_JUNK), min_size=1, max_size=15), st.data())
def test_repeated_lines_are_judged_as_every_line(lines_, data):
    from test_properties import JUNK

    picked = data.draw(st.lists(st.sampled_from(lines_ + JUNK), min_size=1, max_size=40))
    text = "\n".join(picked)
    _judged_once_and_every_time(text)
    _cleaned_both_ways(text)


# ---------------------------------------------------------------- spam.offers
def _offers_plain(text: str):
    """spam.offers as first written: every line without a URL that holds a
    contact or a kind's word, all its sentences, the plain kind-word scan."""
    from collections import Counter
    from itertools import chain

    from newsclean.analysis.topic import content_words_of
    from newsclean.detectors import spam as sp
    from newsclean.detectors.base import Context
    from newsclean.text.words import sentence_spans

    ctx = Context.of_text(text)
    doc = ctx.doc
    kinds = sp._kinds(None)
    exact, stems, _, _ = sp._kind_keys(kinds)
    vocab = set().union(*(f.words for f in doc.feats))
    offered = frozenset(w for w in vocab if w in exact or any(w[:n] in ss for n, ss in stems))
    v = sp._vocab_of(None)
    counts = Counter(chain.from_iterable(content_words_of(doc, k) for k in range(len(doc.blocks))))
    out = []
    for b, f in zip(doc.blocks, doc.feats):
        contacts = [m.span() for m in sp._CONTACT_RE.finditer(b.text)]
        if f.n_urls or not contacts and offered.isdisjoint(f.words):
            continue

        def shared(ss, i=b.index, t=b.text):
            return sp._elsewhere(t, ss, content_words_of(doc, i), counts)

        ends = [z for _, z in contacts]
        ss = [sp._sentence(b.text, s, e, contacts, ends, v, doc.script)
              for s, e in sentence_spans(b.text)]
        k, why = sp._spam_run(ss, params_of(DEFAULT_CONFIG, "spam"), shared)
        if k < len(ss) and why.startswith((sp._OFFER, sp._REACH)):
            out.append((b.start + (0 if k == 0 else ss[k].start), b.end, why))
    return sorted(out)


def _offers_fast(text: str):
    from newsclean.detectors import spam as sp
    from newsclean.detectors.base import Context

    ctx = Context.of_text(text)
    return sorted((x.start, x.end, x.reason.removesuffix(", glued to the end of a paragraph"))
                  for x in sp.offers(ctx))


_OFFER_LINES = [
    "Cheap replica handbags with free shipping worldwide, order today!",
    "Mould in your flat? Our team dries walls fast at a fixed price, survey included. Tel. 0711 000 2233",
    "Call 0800 123 4567 today. Casino bonus with free spins and no deposit",
    "Sofortkredit ohne Schufa – günstig und schnell online beantragen",
    "Casino en ligne : bonus de 300 € et tours gratuits dès l'inscription !",
    "Tanie chwilówki bez BIK – szybka pożyczka online w 15 minut!",
    "Casino bonus with free spins and no deposit",
    "Online casinos are spending more than ever on bonuses to win new players, the regulator said on Tuesday.",
]


def test_offers_on_the_table():
    lines = _table_lines()
    for k in range(0, len(lines), 7):
        text = "\n\n".join(lines[k:k + 7] + [_OFFER_LINES[k % len(_OFFER_LINES)]])
        assert _offers_fast(text) == _offers_plain(text), text[:200]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_OFFER_LINES + _table_lines()[:200]), min_size=1, max_size=8),
       st.lists(st.booleans(), min_size=8, max_size=8))
def test_offers_are_the_plain_offers(picked, glue):
    # lines, some glued to the line before them (an offer glued to a paragraph's end)
    parts: List[str] = []
    for line, g in zip(picked, glue):
        if g and parts:
            parts[-1] += " " + line
        else:
            parts.append(line)
    text = "\n\n".join(parts)
    assert _offers_fast(text) == _offers_plain(text)


# ---------------------------------------------------------------- 2026-12-02: marked copies, notices glued at the end

from newsclean.detectors import duplicate as dup  # noqa: E402

DUP = params_of(DEFAULT_CONFIG, "duplicate")
_MARKS = st.sampled_from(["", "\u201c", "\u2022 ", "- ", "Key points: ", "In brief: "])
_TAILS = st.sampled_from(["", "\u201d", " \u2026 Read more", " | Latest news", " Photo: Reuters", "... Leggi tutto",
                          " \u2014 \u2014 more", " (AFP)", ". And then it went on for a while longer."])


@settings(max_examples=400)
@given(_MARKS, st.sampled_from(LINES + _paywall_lines()), _TAILS)
def test_the_cheap_test_before_a_marked_copy_turns_no_copy_away(mark, line, tail):
    text = mark + line + tail
    if not dup._may_be_marked(text, DUP):
        assert dup._marked_copy(text, DUP) is None, text


def _notice_from_plain(text: str, p) -> Tuple[int, str]:
    """paywall.notice_from without its first looks (the run of short sentences, the kinds of the tail)."""
    from newsclean.text.words import sentence_spans

    spans = sentence_spans(text)
    for k in range(max(0, len(spans) - p.TAIL_SENTENCES), len(spans)):
        a, z = spans[k]
        notice = pw._sentence_notice(text[a:z], p)[0]
        if notice and all(any(pw._sentence_notice(text[s:e], p)) for s, e in spans[k + 1:]):
            return a, notice
    return -1, ""


@settings(max_examples=400)
@given(st.lists(st.sampled_from(LINES + _paywall_lines()), min_size=1, max_size=4))
def test_notice_from_equals_its_plain_version(lines):
    text = " ".join(line if line.rstrip().endswith((".", "!", "?")) else line + "." for line in lines)
    assert pw.notice_from(text, PW) == _notice_from_plain(text, PW), text


@settings(max_examples=300)
@given(st.one_of(typographic_notices(), notices(), any_line))
def test_the_kinds_a_text_holds_without_coverage_are_those_with_it(text):
    assert pw._kinds_in(text) == pw._kinds_of(text)[0] - {"number", "price", "lock"}, text


# ------------------------------------------------------------ paywall.offer
def _offer_boxes_plain(ctx, p, found, bounds):
    """paywall.offer_boxes before speedpw: every short line's role sought, a price or not on the page."""
    doc = ctx.doc
    roles: List[str] = []
    for b, f, bound in zip(doc.blocks, doc.feats, bounds):
        if not 0 < f.n_words <= p.NEXT_TO_MAX_WORDS:
            roles.append("long")
            continue
        price = pw._has_price(b.text)
        kinds = pw._kinds_in(b.text) if not price and bound else frozenset()
        roles.append("price" if price else "call" if kinds & {"go", "act", "login"}
                     else "part" if kinds or b.index in found else "")
    return pw.offers_of(ctx, p, found, roles)


#: Lines of offer boxes (plans, prices, calls) and of an article's price list.
_OFFER_BOX_LINES = ["Choose your plan", "Digital — $4/month", "All Access — $9.99/month", "Subscribe", "Elige tu plan",
                    "Mensual 9,99 €/mes", "Anual 79 €/año", "Suscríbete", "Полный доступ ко всем материалам",
                    "Первый месяц — 1 ₽", "Оформить подписку", "Jetzt weiterlesen", "0,99 € im ersten Monat",
                    "Already a subscriber? Log in", "Tickets: $25", "Parking: £4 a day", "Doors open at 7pm"]


def _offers_both_ways(text: str) -> int:
    """paywall.offer_boxes and its plain version on ``text``, with the findings
    paywall made before it and each line's bound; the number of findings."""
    from newsclean.detectors.base import Context
    from newsclean.text.words import words

    ctx = Context.of_text(text)
    doc = ctx.doc
    like_parts = pw._like_parts(set().union(*(f.words for f in doc.feats)))
    bounds = [pw._part_bound(b.text, words(b.text), like_parts) for b in doc.blocks]
    found = {x.block for x in pw.paywall(ctx) if x.block is not None and x.rule != "paywall.offer"}
    fast = pw.offer_boxes(ctx, PW, found, bounds)
    assert fast == _offer_boxes_plain(ctx, PW, found, bounds)
    return len(fast)


def test_offer_boxes_on_the_table():
    boxes = 0
    for text in _corpus() + ["\n".join(LINES[k:k + 30] + _OFFER_BOX_LINES[k % 11:k % 11 + 5])
                             for k in range(0, len(LINES), 30)]:
        boxes += bool(_offers_both_ways(text))
    assert boxes > 5  # (pages with an offer box)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.sampled_from(_OFFER_BOX_LINES), st.sampled_from(_paywall_lines()),
                          odd_notices()), min_size=1, max_size=25))
def test_offer_boxes_are_the_plain_offer_boxes(lines_):
    _offers_both_ways("\n".join(lines_))

# ============================================================================
# Branch speedsp: spam and foreign_language made cheaper (each fast path
# against the plain code it stands in front of).
# ============================================================================

from newsclean.text.words import words  # noqa: E402

_ODD_WORDS = st.sampled_from(["we'll", "We’ll", "we''ll", "'we'll'", "DO", "Die", "do2", "2do", "do_", "de\u0301",
                              "d\u0345", "\u0345do", "ße", "ﬁn", "İş", "Straße", "²", "x²", "٣", "do٣", "ǅemal",
                              "на", "НА", "ﬀ", "K", "ſt", "l’été", "dell'articolo", "rock'n'roll", "'tis", "dogs'"])
_GLUE = st.sampled_from(["", "", "'", "’", "-", "_", "1", "\u0301", "\u0345"])


@st.composite
def _odd_lines(draw):
    """Lines of function words of every list, odd words, and words glued to them."""
    out = ""
    for _ in range(draw(st.integers(0, 16))):
        w = draw(st.one_of(_WORDS, _ODD_WORDS))
        out += w + draw(_GLUE) + draw(st.one_of(st.just(""), _ODD_WORDS, _WORDS)) + draw(_SEPS)
    return out.strip()


_ANSWERS = (None, "af", "zh") + LANGS  # (what langdetect may say: nothing, a language of no list, one of a list)


def _in_doubt_both_ways(text: str, lang: str, answer: Optional[str]) -> Tuple[int, int]:
    """_in_doubt and its plain version with langdetect saying ``answer``: the
    same verdict; how often each asked langdetect."""
    import pytest

    asked = []
    with pytest.MonkeyPatch.context() as m:
        m.setattr(fl, "detect_line", lambda t: asked.append(t) or answer)
        fast = fl._in_doubt(text, lang, FL)
        n_fast = len(asked)
        assert fast == in_doubt_plain(text, lang), (text, lang, answer)
    return n_fast, len(asked) - n_fast


def test_in_doubt_with_every_answer_of_langdetect_on_the_table():
    asked_fast = asked_plain = 0
    for line in LINES:
        for lang in ("en", "de", "fr", "it", "pl", "ru"):
            for answer in _ANSWERS:
                a, b = _in_doubt_both_ways(line, lang, answer)
                asked_fast += a
                asked_plain += b
    assert 0 < asked_fast < asked_plain  # (it asks langdetect, and less often)


@settings(max_examples=400)
@given(st.one_of(lines(), _odd_lines(), st.sampled_from(LINES)), st.sampled_from(LANGS), st.sampled_from(_ANSWERS))
def test_in_doubt_with_any_answer_of_langdetect_is_the_plain_in_doubt(text, lang, answer):
    _in_doubt_both_ways(text, lang, answer)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_STOPS), min_size=1, max_size=12), st.lists(_WORDS, max_size=12),
       st.sampled_from(LANGS), st.sampled_from(_ANSWERS), st.randoms())
def test_in_doubt_of_function_words_is_the_plain_in_doubt(stops, others, lang, answer, rnd):
    """Lines dense with function words of every list: the counts langdetect's
    answer is tested against before it is asked."""
    ws = stops + others
    rnd.shuffle(ws)
    _in_doubt_both_ways(" ".join(ws), lang, answer)


def _kind_words_plain(vocabulary, keys) -> frozenset:
    """spam._kind_words as it was: each word looked up in Python."""
    exact, stems, head, heads = keys
    return frozenset(w for w in vocabulary if w[:head] in heads
                     and (w in exact or any(w[:n] in ss for n, ss in stems)))


def _spam_keys():
    from newsclean.detectors import spam as sp

    return sp._kind_keys(lexicon.phrase_list("spam_lexicon", None))


def _key_words() -> List[str]:
    """The keys, their stems' words, and words a letter short of them or a letter on."""
    exact, stems, _, _ = _spam_keys()
    keys = sorted(exact) + sorted(s for _, ss in stems for s in ss)
    return keys + [k + "s" for k in keys] + [k[:-1] for k in keys] + ["x" + k for k in keys] + [k + "-" for k in keys]


@settings(max_examples=300)
@given(st.sets(st.one_of(st.sampled_from(_key_words()), st.text(min_size=1, max_size=12).filter(lambda w: "\n" not in w),
                         st.sampled_from(_STOPS)), max_size=60))
def test_kind_words_are_the_plain_kind_words(vocabulary):
    from newsclean.detectors import spam as sp

    keys = _spam_keys()
    assert sp._kind_words(vocabulary, keys) == _kind_words_plain(vocabulary, keys)


def test_kind_words_on_the_table():
    from newsclean.detectors import spam as sp

    keys = _spam_keys()
    vocabulary = set(_key_words()) | {w for line in LINES for w in words(line)}
    found = sp._kind_words(vocabulary, keys)
    assert found == _kind_words_plain(vocabulary, keys)
    assert len(found) > len(keys.exact)  # (words of every key)
    for ws in (set(), {"casino"}, {"casino", "casinos", "kasino"}):
        assert sp._kind_words(ws, keys) == _kind_words_plain(ws, keys)
