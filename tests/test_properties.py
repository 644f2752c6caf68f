"""Property tests (hypothesis) for newsclean's reliability guarantees.

On any input, ``clean_text`` and ``clean_html``:

- never raise (``clean_text`` on any ``str``; ``clean_html`` on any ``str`` or ``bytes``);
- never invent text: every word (``\\w+``) of the output occurs in the normalised input;
- report offsets that point at exactly the text they name, in
  ``newsclean.normalize.normalize(input)``, for removals and metadata spans;
- never report overlapping spans, and account for every character: the input
  outside the removed and metadata spans is exactly the output (modulo whitespace);
- are deterministic, in one process and across processes with different
  ``PYTHONHASHSEED``;
- are idempotent on their own output (what exactly is checked, and why, is in
  the docstring of ``test_idempotent_on_clean_output``).

And the vocabularies' phrase regexes (``newsclean.lexicon``), built without
``re.IGNORECASE`` for speed, match exactly as under IGNORECASE.

Profiles: ``ci`` (the default: derandomized, so every run tries the same
examples; the file runs in well under a minute) and ``explore`` (random, many
more examples) for bug hunting::

    HYPOTHESIS_PROFILE=explore python -m pytest tests/test_properties.py
"""
from __future__ import annotations

import html as htmllib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.text import lexicon
from newsclean.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                     HealthCheck.filter_too_much], print_blob=True)
settings.register_profile("ci", max_examples=300, derandomize=True, **_COMMON)
settings.register_profile("explore", max_examples=2000, derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def few(n: int):
    """A per-test example budget that scales with the loaded profile."""
    return settings(max_examples=max(10, settings.default.max_examples * n // 120))


# ----------------------------------------------------------------- strategies
ARTICLES = {  # one story per language: a page holds one article, in one language
    "en": [
        "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.",
        "Council members said the plan would raise spending on public transport by ten percent over the next two years.",
        "Opponents argued that the increase was not matched by new revenue and that local taxes would have to rise.",
        "The mayor said the budget was balanced and that the city would meet all of its obligations next year.",
        "Teachers welcomed the extra money for schools but said it would not cover the cost of repairing old buildings.",
        "“We don’t always agree, but we share the same challenges,” the mayor told reporters after the council vote.",
    ],
    "de": [
        "Die Stadt hat den Haushalt nach einer langen Debatte über die Sanierung der Straßen und Schulen beschlossen.",
        "Die Ratsmitglieder sagten, der Plan werde die Ausgaben für den Nahverkehr in zwei Jahren um zehn Prozent erhöhen.",
        "Die Opposition kritisierte, dass den höheren Ausgaben keine neuen Einnahmen gegenüberstünden.",
        "Der Bürgermeister sagte, der Haushalt sei ausgeglichen und die Stadt werde ihre Verpflichtungen erfüllen.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi un nouveau budget après un long débat sur les routes et les écoles.",
        "Les élus ont déclaré que le plan augmenterait de dix pour cent les dépenses de transport public en deux ans.",
        "L'opposition a fait valoir que cette hausse n'était pas compensée par de nouvelles recettes fiscales.",
        "Le maire a déclaré que le budget était équilibré et que la ville tiendrait tous ses engagements.",
    ],
    "ru": [
        "Городской совет во вторник утвердил новый бюджет после долгих дебатов о ремонте дорог и школ.",
        "Депутаты заявили, что план увеличит расходы на общественный транспорт на десять процентов за два года.",
        "Оппозиция указала, что рост расходов не подкреплен новыми доходами и налоги придется повысить.",
        "Мэр заявил, что бюджет сбалансирован и город выполнит все свои обязательства в следующем году.",
    ],
    "zh": ["市议会周二在长时间辩论后批准了新的预算，用于修路和学校。", "议员们表示，该计划将在两年内把公共交通支出提高百分之十。",
           "反对者认为，支出增加没有新的收入来源，地方税将不得不提高。", "市长表示，预算是平衡的，明年城市将履行所有义务。"],
    "ar": ["وافق مجلس المدينة على ميزانية جديدة يوم الثلاثاء بعد نقاش طويل حول إصلاح الطرق والمدارس.",
           "وقال أعضاء المجلس إن الخطة سترفع الإنفاق على النقل العام بنسبة عشرة في المئة خلال عامين.",
           "وقال المعارضون إن الزيادة لا تقابلها إيرادات جديدة وإن الضرائب المحلية سترتفع.",
           "وقال رئيس البلدية إن الميزانية متوازنة وإن المدينة ستفي بجميع التزاماتها العام المقبل."],
}
PARAS = [p for ps in ARTICLES.values() for p in ps]
OFF_TOPIC = [
    "FRAUD ALLEGED: The leader of an opposition alliance made allegations of electoral irregularities and called for a",
    "Albania's parliament voted to approve the new coalition government on Friday, ending months of political",
    "ELECTION: Uruguay's former guerrilla fighter Jose Mujica won the presidential run-off on Sunday, officials said.",
]
JUNK = [
    "Home", "News", "World", "Sport", "Business", "Menu", "Search", "Subscribe", "Share", "Tweet", "Print",
    "Newsfeed", "Comments (3)", "PHOTO: REUTERS", "© RIA Novosti . Eduard Pesov / Go to the mediabank",
    "We use cookies to improve your experience. Accept all cookies", "Accept", "Cookie settings",
    "Create a FREE account to continue reading", "Already have an account? SIGN IN",
    "Subscribe to continue reading", "Sign up for our newsletter",
    "срочный займ на карту https://zaim.example/loan https://zaim.example/x",
    "купить диплом недорого http://diplom.example/?ref=1",
    "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron-downicon",
    "more_vert mail_outline content_copy share", "Заголовок открываемого материала",
    "Read more:", "Related stories", "- Another story headline here", "• A second unrelated headline",
    "To participate in the discussion", "jbaxt says:", "Tags", "budget, council, roads",
    "12 April 2012", "Published: 2 Nov, 2009 10:22", "By Jane Doe and John Smith",
    "Budget passes after long debate", "- Sputnik International", "[VIDEO]", "Plane passengers quarantined [NEWS]",
    "©", "|", "0", "...", "http://example.com/a/b?c=d",
]
DATELINES = ["MOSCOW, November 2 (RIA Novosti) - ", "PARIS (Reuters) - ", "BERLIN, 4. März (dpa) – ",
             "ЕКАТЕРИНБУРГ, 14 сентября. /ТАСС/. ", ""]
GLUE = [" срочный займ на карту https://zaim.example/loan", " icon bookmark-bicon cameraicon checkicon shareicon",
        " PHOTO: REUTERS", " Read more about the Albania vote in parliament and the coalition news.", ""]
SEPARATORS = ["\n", "\n\n", "\r\n", "\n \n", "\u2028", "\n\t"]


@st.composite
def pages(draw, languages=tuple(ARTICLES), noise=True, noise_chars=None):
    """A whole-page text: one article's paragraphs (in one language, in order,
    some left out) with junk lines around and inside them, duplicated
    paragraphs, datelines, glued junk, teasers at the end."""
    story = ARTICLES[draw(st.sampled_from(languages))]
    keep = draw(st.lists(st.booleans(), min_size=len(story), max_size=len(story)))
    body = [p for p, k in zip(story, keep) if k]
    parts = []
    if draw(st.booleans()):
        parts += draw(st.lists(st.sampled_from(JUNK), max_size=6))          # header / navigation
    for i, p in enumerate(body):
        if i == 0:
            p = draw(st.sampled_from(DATELINES)) + p
        if draw(st.integers(0, 2)) == 0:
            p = p + draw(st.sampled_from(GLUE))                             # junk glued to a paragraph
        parts.append(p)
        k = draw(st.integers(0, 3))
        if k == 0:
            parts.append(draw(st.sampled_from(JUNK)))                       # junk between paragraphs
        elif k == 1:
            parts.append(p)                                                 # duplicated paragraph
    if draw(st.booleans()):
        parts += draw(st.lists(st.sampled_from(OFF_TOPIC + JUNK), max_size=6))  # teasers, footer
    if noise and draw(st.integers(0, 3)) == 0:
        noise_text = st.text(noise_chars, max_size=60) if noise_chars is not None else st.text(max_size=60)
        parts.insert(draw(st.integers(0, len(parts))), draw(noise_text))
    sep = draw(st.sampled_from(SEPARATORS))
    pad = draw(st.sampled_from(["", " ", "\u00a0", "\t", "\ufeff"]))
    return sep.join(pad + x for x in parts)


SHORT_LINES = ["Sport", "budget, council, roads", "Home", "Tags", "Budget passes after long debate", "News",
               "- Sputnik International"]


@st.composite
def dense_pages(draw):
    """Pages dense in what makes context matter: junk glued to paragraphs,
    repeated paragraphs, short lines between them, kicker teasers after them.
    (Removing one of these changes the context of the others, which is where
    a second pass can disagree with the first.)"""
    story = ARTICLES[draw(st.sampled_from(["en", "en", "de", "fr", "ru"]))]
    body = draw(st.lists(st.sampled_from(story), min_size=1, max_size=6))
    parts = draw(st.lists(st.sampled_from(SHORT_LINES), max_size=2))
    for p in body:
        if draw(st.booleans()):
            p += draw(st.sampled_from(GLUE[:2]))
        parts.append(p)
        if draw(st.integers(0, 3)) == 0:
            parts.append(draw(st.sampled_from(SHORT_LINES)))
    parts += draw(st.lists(st.sampled_from(OFF_TOPIC + SHORT_LINES), max_size=3))
    return "\n".join(parts)


# Text made of the pieces that trip parsers: line breaks of every kind,
# controls, surrogates, mojibake, URLs, brackets, scripts, dates, bullets.
TOKENS = ["\n", "\r", "\r\n", " ", "\t", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "\u00a0", "\u200b",
          "\ud800", "\udfff", ".", ",", ":", "-", "—", "|", "(", ")", "[", "]", "«", "»", "“", "”", "©",
          "http://", "https://a.b/", "www.", "@", "Ã©", "â€™", "Ð¾", "РџСЂ", "\ufffd", "\x80", "\x9d", "é", "e\u0301",
          "icon", "more_vert", "Subscribe", "Read more", "By ", "MOSCOW", " (Reuters) - ", "2012", "12", "April",
          "Совет", "бюджет", "займ", "市议会", "预算", "ميزانية", "שלום", "नगर", "।", "ไทย", "Ω", "ǅ", "ﬁ",
          "The council approved the budget", " said on Tuesday", "a", "A", "1."]
token_soup = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
anything = st.one_of(st.text(max_size=400), any_text, token_soup, pages())


# ----------------------------------------------------------------- invariants
def check_invariants(norm: str, art) -> None:
    """Offsets, overlap, accounting and no-invented-words, against ``norm``,
    the normalised text the pipeline ran on."""
    assert isinstance(art.text, str)
    for r in art.removed:
        assert r.category in newsclean.CATEGORIES, r
        assert r.text, r
        assert 0 <= r.start < r.end <= len(norm), r
        assert norm[r.start:r.end] == r.text, r
    for m in art.metadata_spans:
        assert 0 <= m.start < m.end <= len(norm), m
        assert norm[m.start:m.end] == m.text, m
    spans = sorted([(r.start, r.end, "removed") for r in art.removed]
                   + [(m.start, m.end, "metadata") for m in art.metadata_spans])
    for (a1, b1, k1), (a2, b2, k2) in zip(spans, spans[1:]):
        assert b1 <= a2, f"{k1} span [{a1}, {b1}) overlaps {k2} span [{a2}, {b2})"
    # Accounting: the input outside the spans is the output, word for word.
    # Kept regions are joined with a space (a span boundary is a word boundary:
    # removing a span never glues two kept words into one).
    kept, pos = [], 0
    for a, b, _ in spans:
        kept.append(norm[pos:a])
        pos = b
    kept.append(norm[pos:])
    assert " ".join(" ".join(kept).split()) == " ".join(art.text.split())
    # No invented words.
    invented = set(WORD.findall(art.text)) - set(WORD.findall(norm))
    assert not invented, f"words not in the input: {sorted(invented)[:10]}"


def clean_checked(raw: str, **overrides):
    art = newsclean.clean_text(raw, **overrides)
    check_invariants(normalize(raw), art)
    json.dumps(art.to_dict())
    return art


# ----------------------------------------------------------------- clean_text
@given(anything)
@example("")
@example("\ud800")
@example("a\r\nb\rc\x85d\u2028e")
@example("Ã©Ã©Ã© cafÃ©\n" * 3)
def test_clean_text_never_raises_and_accounts_for_everything(raw):
    clean_checked(raw)


@given(st.one_of(pages(), dense_pages()))
def test_pages_invariants(raw):
    clean_checked(raw)


@few(60)
@given(pages(), st.sampled_from(newsclean.CATEGORIES + ("metadata", "block_model")))
def test_invariants_hold_with_any_detector_switched_off(raw, switch):
    clean_checked(raw, **{switch: False})


@few(40)
@given(pages(), st.data())
def test_switching_a_category_off_stops_its_removals(raw, data):
    """Recoverable: every removal names its category, and switching that
    category off keeps the detector from removing anything."""
    art = newsclean.clean_text(raw)
    cats = sorted({r.category for r in art.removed})
    if not cats:
        return
    cat = data.draw(st.sampled_from(cats))
    off = clean_checked(raw, **{cat: False})
    assert not [r for r in off.removed if r.category == cat]


@few(80)
@given(anything)
@example("caf\x9dÃ©")
def test_normalize_is_idempotent(raw):
    """Offsets refer to ``normalize(input)``; cleaning the output normalises
    again, so normalisation itself must be a fixed point."""
    once = normalize(raw)
    assert normalize(once) == once


# ----------------------------------------------------------------- clean_html
@few(80)
@given(st.binary(max_size=800))
@example(b"")
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf<p>\xff</p>")
@example("<p>Городской совет</p>".encode("cp1251"))
def test_clean_html_never_raises_on_bytes(data):
    art = newsclean.clean_html(data)
    assert isinstance(art.text, str)
    json.dumps(art.to_dict())


@few(80)
@given(st.one_of(st.text(max_size=300), any_text, token_soup))
@example("<html><body><p>\ud800</p></body></html>")
@example("<p>a\x00b</p>")
@example("<?xml version='1.0' encoding='latin-1'?><p>x</p>")
def test_clean_html_never_raises_on_str(page):
    art = newsclean.clean_html(page)
    assert isinstance(art.text, str)
    json.dumps(art.to_dict())


# Block elements only (inline ones run together in a browser too), each in
# its proper container: sibling <li>, <figcaption>, <dd> outside their list or
# figure are glued together by the extraction, a known bug tested on its own in
# test_hostile.py, kept out of here so that it does not hide everything else.
TAGS = [("<p>", "</p>"), ("<div>", "</div>"), ("<h1>", "</h1>"), ("<ul><li>", "</li></ul>"),
        ("<figure><figcaption>", "</figcaption></figure>"), ("<nav>", "</nav>"), ("<blockquote>", "</blockquote>")]
# Noise inside markup: assigned, printable characters (the HTML parser drops
# unassigned and private-use code points, which would join the words around them).
HTML_NOISE = st.characters(exclude_categories=("Cs", "Cn", "Co", "Cc", "Cf"), exclude_characters="<>&")


@st.composite
def html_pages(draw):
    lines = draw(pages(noise_chars=HTML_NOISE)).splitlines()
    body = "".join(o + htmllib.escape(line) + c for line, (o, c) in zip(lines, draw(
        st.lists(st.sampled_from(TAGS), min_size=len(lines), max_size=len(lines)))))
    title = htmllib.escape(draw(st.sampled_from(["", "Budget passes after long debate", "Home"])))
    return (f"<html><head><title>{title}</title></head><body><article>{body}</article>"
            f"<footer>Subscribe</footer></body></html>")


def _extracted(page: str) -> str:
    """The normalised text the HTML front door hands to the pipeline (used to check offsets)."""
    from newsclean.html.extract import main_text

    return normalize(main_text(page, None)[0])


@few(80)
@given(html_pages())
def test_clean_html_invariants(page):
    art = newsclean.clean_html(page)
    json.dumps(art.to_dict())
    # Words come from the page's text (as given or as ftfy repaired it).
    src = htmllib.unescape(page)
    assert set(WORD.findall(art.text)) <= set(WORD.findall(src)) | set(WORD.findall(normalize(src)))
    norm = _extracted(page)
    if norm is not None:
        check_invariants(norm, art)


# ----------------------------------------------------------------- idempotence
def _mixed_scripts(text: str) -> bool:
    """Lines in more than one script (a Cyrillic dateline, a Chinese sentence,
    an English teaser on one page)."""
    from newsclean.text.words import dominant_script, script_counts

    seen = {dominant_script(script_counts(ln))[0] for ln in text.split("\n") if ln.strip()}
    return len(seen - {"none"}) > 1


# Known open bug (strict xfail; Hypothesis is pinned in the test extra so that
# the derandomized examples, and so this verdict, do not change under CI):
# rules that look at where a line stands can judge a line differently once
# the junk around it is gone. Examples found: a "- Site Name" line that reaches
# the top of the page on the second run and is read as the site's name. (The
# other example once found, a line in another script once the majority script
# changes, test_idempotent_on_mixed_script_page, holds since foreign.script
# needs three plain words.) Nothing of the article is lost: the second run
# removes one more junk line.
@pytest.mark.xfail(strict=True, reason="a '- Site Name' line that reaches the top of the page on the second run "
                                       "is read as the site's name (issue 16: still open)")
@few(100)
@given(st.one_of(pages(), dense_pages()))
def test_idempotent_on_clean_output(raw):
    """What is checked, precisely.

    Let ``a = clean_text(x)`` and ``b = clean_text(a.text)``.

    1. ``b.removed == []``: the cleaner never finds junk in its own output.
    2. ``b.text`` is ``a.text`` with ``b.metadata_spans`` taken out (word for
       word). Strict ``b.text == a.text`` does not hold with metadata on, by
       design: the first pass takes the title, date and byline lines out of the
       body, and in the shorter output a first paragraph can stand where a
       headline stands (a short line without a full stop right before the
       body), or a date line can move into the first 60 blocks, where date
       lines are looked for. Moving such a line to the metadata is not a
       removal and loses nothing (it is in ``metadata_spans``).
    3. With metadata extraction off on the second pass, ``b.text == a.text``
       exactly: that is the idempotence of the cleaning proper.

    One known exception (``test_idempotent_on_mixed_script_page``, strict
    xfail): on an output whose lines are in several scripts, the second run
    may take one more line for foreign_language (the article's script is the
    majority's, and removing junk can change the majority). Only that is
    tolerated, and only on such outputs.
    """
    a = newsclean.clean_text(raw)
    b = clean_checked(a.text)
    mixed = _mixed_scripts(a.text)
    tolerated = lambda r: mixed and r.category == "foreign_language"  # noqa: E731
    assert [r for r in b.removed if not tolerated(r)] == [], [(r.rule, r.text) for r in b.removed]
    if b.removed:
        return  # the tolerated case: the rest compares a text with one line less
    norm = normalize(a.text)
    rest, pos = [], 0
    for m in sorted(b.metadata_spans, key=lambda m: m.start):
        rest.append(norm[pos:m.start])
        pos = m.end
    rest.append(norm[pos:])
    assert " ".join(" ".join(rest).split()) == " ".join(b.text.split())
    c = newsclean.clean_text(a.text, metadata=False)
    assert c.text == a.text
    assert c.removed == []


def test_idempotent_on_mixed_script_page():
    """Found by the property above: a Cyrillic dateline, a Chinese sentence,
    spam and an English kicker teaser. The first run removes the spam and the
    teaser; in what is left the majority script changes, and the second run
    takes "/ТАСС/." for foreign_language."""
    raw = ("\nЕКАТЕРИНБУРГ, 14 сентября. /ТАСС/. 市长表示，预算是平衡的，明年城市将履行所有义务。 "
           "срочный займ на карту https://zaim.example/loan\nHome\nFRAUD ALLEGED: The leader of an opposition "
           "alliance made allegations of electoral irregularities and called for a")
    a = newsclean.clean_text(raw)
    assert newsclean.clean_text(a.text).removed == []


# ----------------------------------------------------------------- determinism
@few(60)
@given(anything)
def test_deterministic_in_process(raw):
    assert newsclean.clean_text(raw).to_dict() == newsclean.clean_text(raw).to_dict()


# Fixed inputs for the cross-process check: the seeds, plus inputs that reach the
# code paths where hash order or unseeded randomness could leak in (langdetect
# on a short mixed-language text, duplicate groups, ties between categories,
# site-name votes, HTML metadata).
FIXED_TEXTS = [
    "\n".join(PARAS + PARAS[:3] + JUNK + OFF_TOPIC),
    "Ciao a tutti amici\nHola amigos como estan\nHallo Freunde wie geht es\nOla amigos tudo bem",
    "Story one - Daily Planet\nStory two - Daily Planet\n" + "\n".join(PARAS[:4]) + "\nPHOTO: Daily Planet",
    "\n".join(p + GLUE[0] for p in PARAS[:5]),
]
FIXED_HTML = ("<html lang='en'><head><title>Budget passes - Daily Planet</title>"
              "<meta property='og:site_name' content='Daily Planet'></head><body><nav>Home | News</nav><article>"
              + "".join(f"<p>{htmllib.escape(p)}</p>" for p in PARAS) + "</article></body></html>")
_CHILD = r"""
import json, sys, pathlib, newsclean
seeds = sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))
texts = [p.read_text(encoding='utf-8') for p in seeds] + json.loads(sys.argv[2])
out = [newsclean.clean_text(t).to_dict() for t in texts] + [newsclean.clean_html(sys.argv[3]).to_dict()]
print(json.dumps(out, sort_keys=True, ensure_ascii=True))
"""


def test_deterministic_across_processes_and_hash_seeds():
    outs = {}
    for seed in ("0", "1", "12345", "random"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        r = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT / "seeds"), json.dumps(FIXED_TEXTS), FIXED_HTML],
                           capture_output=True, env=env, timeout=300)
        assert r.returncode == 0, r.stderr.decode()[-2000:]
        outs[seed] = r.stdout
    assert len(json.loads(outs["0"])) == len(list((ROOT / "seeds").glob("*.txt"))) + len(FIXED_TEXTS) + 1
    assert len(set(outs.values())) == 1, "output differs between PYTHONHASHSEED values"


# ----------------------------------------------------------------- regressions
# Minimal inputs found by the properties above; kept as plain tests so that
# they run whatever the example database holds.

EN = ARTICLES["en"]
SPAM = " срочный займ на карту https://zaim.example/loan"
KICKER = "ELECTION: Uruguay's former guerrilla fighter Jose Mujica won the presidential run-off on Sunday, officials said."


def test_duplicate_is_found_when_junk_is_glued_to_one_copy():
    """A copy with a dateline before it and spam glued to its end is still a
    copy: paragraphs are compared without what pass 1 already cut from them."""
    raw = f"MOSCOW, November 2 (RIA Novosti) - {EN[0]}{SPAM}\n{EN[0]}"
    art = clean_checked(raw)
    assert art.text.count(EN[0]) == 1, art.text


def test_duplicated_paragraph_does_not_push_the_rest_out_of_the_body():
    """A duplicate copy scores as junk in the core search, splitting the body:
    the paragraphs after it count as "after the article body" and the trailing
    teaser rule removes article text (reason: "off-topic ..., after the article body")."""
    art = clean_checked("\n".join([EN[0], EN[1], EN[1], EN[2]]))
    assert EN[2] in art.text, [(r.rule, r.reason) for r in art.removed]


@pytest.mark.parametrize("raw", [
    # the core is found before pass 2: a short line next to a trailing teaser
    # is inside the body the first time, after it the second time
    "\n".join(EN[:3]) + "\nbudget, council, roads\n" + KICKER,
    # a duplicate copy splits the core: the kicker teaser is protected the first time
    "\n".join([EN[1], EN[1], EN[2], KICKER]),
    # features (sentence end) are computed with the glued spam: no body is found the first time
    "Sport\nbudget, council, roads\n" + EN[3] + SPAM + "\nNews",
], ids=["footer-after-teaser", "duplicate-splits-core", "glued-spam-hides-body"])
def test_second_pass_removes_nothing(raw):
    a = clean_checked(raw)
    b = clean_checked(a.text)
    assert b.removed == [], [(r.rule, r.reason, r.text[:50]) for r in b.removed]


def test_normalize_fixed_point_with_c1_control_before_mojibake():
    """ftfy runs before the C1 controls are dropped: a control next to
    mojibake stops the repair, and the repair happens on the next call."""
    once = normalize("caf\x9dÃ©")
    assert normalize(once) == once, (once, normalize(once))


# ----------------------------------------------------------------- helpers
def _punctuated_ascii():
    from newsclean.text.words import _PUNCTUATION

    return st.text(alphabet=st.sampled_from([chr(c) for c in range(128)] + list(_PUNCTUATION)))


@given(st.one_of(anything, st.text(alphabet=st.characters(max_codepoint=127)),
                 st.deferred(_punctuated_ascii)))
@example("".join(map(chr, range(128))))
@example("Don't STOP_now: 3.5 × ünïcode ǅ ß ﬁ")
@example("\u201cIt\u2019s over\u201d \u2013 she said\u2026 \u00abFin\u00bb\u00a0\u2022 a\u00b7b")
@example("\u2019caf\u00e9\u2019 \u201cSTRASSE\u201d stra\u00dfe")
def test_words_is_the_casefolded_regex_words(text):
    """textutil.words takes a byte-table path for ASCII text, and for text that
    is ASCII once its typographic punctuation is read as spaces: it must give
    exactly the words of ``\\w+`` over the casefolded text, on any input."""
    from newsclean.text.words import WORD_RE, words

    assert words(text) == WORD_RE.findall(text.casefold())


@given(st.one_of(anything, st.deferred(_punctuated_ascii)))
@example("\u201cCaf\u00e9\u201d \u2013 na\u00efve\u2026")
@example("\u2019\u2019 12 \u2014 34")
def test_script_counts_punctuation_path(text):
    """script_counts counts the letters of text made of ASCII and typographic
    punctuation from its bytes: the same counts as the general path."""
    from newsclean.text.words import _NON_LATIN_RE, SCRIPTS, script_counts

    if text.isascii():
        expected = {"latin": len(text)} if not text.isdigit() else {}
    elif not _NON_LATIN_RE.search(text):
        n = sum(map(str.isalpha, text))
        expected = {"latin": n} if n else {}
    else:
        expected = {name: len(p.findall(text)) for name, p in SCRIPTS if p.search(text)}
    assert script_counts(text) == expected


def test_words_punctuation_is_separators_only():
    """Each character words() reads as a space is no word character, and
    casefolding leaves it unchanged (else the shortcut would split or lose words)."""
    from newsclean.text.words import _PUNCTUATION, WORD_RE

    for ch in _PUNCTUATION:
        assert WORD_RE.search(ch) is None, repr(ch)
        assert ch.casefold() == ch, repr(ch)


def _comment_lines():
    """Lines built from the pieces comment headers are made of: names, the
    verbs (in any case, with the long s and the Cyrillic variants), "on",
    "at", times, colons and spaces of several kinds."""
    pieces = ["Maria", "jbaxt", " ", "  ", "\t", "\u00a0", ":", " :", "says", "SAYS", "ſays", "said", "wrote",
              "schreibt", "écrit", "dice", "disse", "pisze", "пишет", "ПИШЕТ", "пишеᲄ", "on", " on ", " at ",
              "October 4, 2018", "10:58", "9:05", "1:2", "am", "p.m.", "(GiveWell)", "x", "1", ".", "says:"]
    return st.lists(st.sampled_from(pieces), min_size=1, max_size=12).map("".join)


@given(st.one_of(st.deferred(_comment_lines), anything))
@example("Olivia (GiveWell) on October 4, 2018 at 10:58 am said:")
@example("jbaxt says:")
@example("Jan SCHREIBT :")
@example("Anna wrote\u00a0:")
@example("a said::")
@example("Kim on Monday at 9:05")
def test_comment_header_prefilter_agrees_with_the_regex(text):
    """boilerplate._comment_header skips its regex when a cheap test shows it
    cannot match: the answer must always be the regex's own."""
    from newsclean.detectors import boilerplate as bp

    assert bp._comment_header(text) == (bp._COMMENT_RE.match(text) is not None)


# ----------------------------------------------------------------- phrase regexes
# lexicon builds its phrase regexes without re.IGNORECASE: the first character
# of each phrase is spelled out in its case variants (for speed). They must
# match exactly as the plain IGNORECASE construction did, kept here as the
# reference.


def ignorecase_reference(words) -> "re.Pattern[str]":
    """The construction lexicon used before: the whole trie under IGNORECASE."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def escape(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch in "-'’":
            return r"[-'’‐–]"
        return re.escape(ch)

    def build(node: dict) -> str:
        end = "" in node
        alts = [escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return re.compile(r"(?<!\w)" + build(trie) + r"(?!\w)", re.IGNORECASE)


def outcomes(p: "re.Pattern[str]", text: str, pos: int):
    """Everything the callers look at: search, match and finditer, from the
    start and from ``pos``, as spans, matched text and groups."""
    def one(m):
        return None if m is None else (m.span(), m.group(), m.groups())
    return (one(p.search(text)), one(p.search(text, pos)), one(p.match(text)), one(p.match(text, pos)),
            [one(m) for m in p.finditer(text)], [one(m) for m in p.finditer(text, pos)])


# Characters with case subtleties: the extra case-insensitive equivalences of
# re._casefix (ſ, Kelvin sign, dotted and dotless i, Greek sigma, theta, iota
# and micro, old Cyrillic forms), ß and capital ẞ, a ligature, titlecase
# digraphs, combining marks (U+0345 is cased and not a word character).
TRICKY = "sSſkK\u212aiIİıσςΣθϑΘιΙ\u0345µμßẞﬃﬀǄǅǆвВᲀтТᲄᲅ\u0301\u0308"
SPACING = " \t\n-'’‐–_.,"
CORE = "aAbB19" + TRICKY + SPACING
ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ALPHABET = CORE + ASCII
adversarial_char = st.one_of(st.sampled_from(CORE), st.sampled_from(ASCII))
adversarial_text = st.lists(adversarial_char, max_size=12).map("".join)


def variants_in_alphabet(ch: str) -> str:
    """The characters of ALPHABET matching ``ch`` case-insensitively (to write
    phrases in other cases; lexicon's own variants are not used for this)."""
    return "".join(re.findall(re.escape(ch), ALPHABET, re.IGNORECASE)) or ch


@st.composite
def texts_with(draw, phrases):
    """Text made of the phrases, each character in a random case variant, and
    of adversarial characters around and between them."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        if phrases and draw(st.booleans()):
            phrase = draw(st.sampled_from(phrases))
            parts.append("".join(draw(st.sampled_from(variants_in_alphabet(ch) + ch.upper())) for ch in phrase))
        else:
            parts.append(draw(adversarial_text))
        parts.append(draw(st.sampled_from(["", " ", "\n", "-", ".", "x"])))
    return "".join(parts)


@few(120)
@given(st.data(), st.lists(st.lists(adversarial_char, min_size=1, max_size=5).map("".join), min_size=1, max_size=8))
@example(None, ["s", "sa", "ſb", "k", "i", "ı", "σ", "θa", "ß", "ﬃ", "\u0345", "в", "т"])
def test_phrase_regex_matches_as_ignorecase_on_any_phrases(data, phrases):
    """Phrases of any case (not only casefolded ones) over the adversarial
    alphabet: the built regex gives what the IGNORECASE reference gives."""
    words = tuple(sorted(set(phrases)))
    new, ref = lexicon._compiled((), words), ignorecase_reference(words)
    if data is None:  # the explicit example: every alphabet character as a phrase start, every pos
        texts = [sep.join(c + x for c in ALPHABET) for sep in ("", " ") for x in ("", "a", "b")]
    else:
        texts = [data.draw(texts_with(phrases))]
    for text in texts:
        positions = range(len(text) + 2) if data is None else [data.draw(st.integers(0, len(text) + 1))]
        for pos in positions:
            assert outcomes(new, text, pos) == outcomes(ref, text, pos), (words, text, pos)


@few(120)
@given(st.data(), st.sampled_from(lexicon.VOCABULARIES),
       st.lists(st.lists(adversarial_char, min_size=1, max_size=5).map("".join), max_size=3))
def test_vocabulary_regexes_match_as_ignorecase(data, name, extra):
    """Every real vocabulary, through lexicon.matcher (with and without extra
    phrases, which matcher casefolds), on text made of its own phrases in
    other cases: the same matches as the IGNORECASE reference."""
    phrases = list(lexicon.phrases(name))
    extra_phrases = {name: tuple(extra)} if extra else None
    new = lexicon.matcher(name, extra_phrases)
    ref = ignorecase_reference(sorted(set(phrases) | {p.casefold() for p in extra}))
    text = data.draw(texts_with(phrases + [p.casefold() for p in extra]))
    pos = data.draw(st.integers(0, len(text) + 1))
    assert outcomes(new, text, pos) == outcomes(ref, text, pos), (name, extra, text, pos)


ALL_PLANES = (sys.maxunicode + 1) >> 16


def test_planes_hold_every_code_point():
    assert "".join(lexicon._planes(ALL_PLANES)) == "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(lexicon._planes(2)) == "".join(map(chr, range(0x20000)))


def test_case_is_confined_to_the_scanned_planes():
    """lexicon scans planes 0 and 1 only for case variants: no code point above
    them has a simple case mapping the regex engine uses, none below maps
    above, and the engine's extra equivalences stay below."""
    import _sre
    from re import _casefix

    top = lexicon._CASED_PLANES << 16
    assert all(_sre.unicode_tolower(cp) == cp for cp in range(top, sys.maxunicode + 1))
    assert all(_sre.unicode_tolower(cp) < top for cp in range(top))
    assert all(k < top and all(v < top for v in vs) for k, vs in _casefix._EXTRA_CASES.items())
    # A phrase starting with a character of a higher plane still matches it.
    high = "\U00020000\U0002a6d6"
    p = lexicon._compiled((), (high,))
    assert p.search("x " + high + " y").group() == high


def test_case_variants_are_exactly_what_ignorecase_matches():
    """For the first character of every vocabulary's phrases and every
    character of the adversarial alphabet, the variants lexicon found are
    exactly the code points the character matches under IGNORECASE, checked
    against all of them."""
    lexicon._learn_case_variants(ALPHABET)
    chars = set(ALPHABET) | {p[0] for n in lexicon.VOCABULARIES for p in lexicon.phrases(n)}
    chars -= lexicon._CLASSES.keys()
    every = "".join(lexicon._planes(ALL_PLANES))
    for ch in sorted(chars):
        assert lexicon._CASE_VARIANTS[ch] == "".join(re.findall(re.escape(ch), every, re.IGNORECASE)), ch
    assert lexicon._CASE_VARIANTS["s"] == "Ssſ" and lexicon._CASE_VARIANTS["k"] == "Kk\u212a"
    assert lexicon._CASE_VARIANTS["1"] == "1"


def test_incomplete_case_variants_would_be_caught(monkeypatch):
    """The comparison above is strong enough to see incomplete variants: with
    the variants str.lower and str.upper give (missing ſ, the Kelvin sign,
    İ, ı, ς, ϑ, ᲀ, ...), phrases starting with those letters match less than
    the IGNORECASE reference on the alphabet's characters."""
    def mismatches() -> list:
        out = []
        for first in TRICKY:
            words = (first + "a",)
            new = re.compile(r"(?<!\w)" + lexicon._trie_pattern(words) + r"(?!\w)")
            ref = ignorecase_reference(words)
            for c in ALPHABET:
                if outcomes(new, c + "a", 0) != outcomes(ref, c + "a", 0):
                    out.append((first, c))
        return out

    lexicon._learn_case_variants(TRICKY)
    assert mismatches() == []
    naive = {ch: "".join(sorted({ch, ch.lower(), ch.upper()} - {"SS"})) for ch in TRICKY}
    monkeypatch.setattr(lexicon, "_CASE_VARIANTS", naive)
    found = mismatches()
    assert ("s", "ſ") in found and ("k", "\u212a") in found and ("в", "ᲀ") in found, found
