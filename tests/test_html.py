"""The HTML front door: trafilatura first, then what it leaves behind or misses."""
from newsclean import clean_html
from newsclean.html import extract as front
from newsclean.html.pagetext import page_text

PARAS = [
    "The regional parliament voted on Thursday to merge the two northern districts into a single county, "
    "ending a debate that has divided the valley's towns for more than a decade of planning.",
    "Supporters of the merger said a single county would save money on schools, roads and hospitals, and "
    "would give the valley a stronger voice when the national budget is negotiated next spring.",
    "Opponents in the smaller district argued that its villages would lose their own council and that "
    "decisions about their schools and roads would be taken far away in the larger town.",
    "The merger of the two districts is due to take effect in January, when the new county council will "
    "meet for the first time and elect a chair from among its forty-one members.",
    "Officials said the budget of the new county would be set in the autumn, after both district councils "
    "have closed their accounts and handed over their staff, schools and road maintenance contracts.",
    "Residents of the valley will be able to comment on the name of the new county until the end of the "
    "month, and the parliament will choose among the three most popular proposals in December.",
]


def _page(first, second, between="<aside><h3>More stories</h3><a href='/x'>Storm hits coast</a></aside>"):
    p = lambda xs: "".join(f"<p>{x}</p>" for x in xs)  # noqa: E731
    return (f"<html><head><title>Districts merge</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<main><article><h1>Districts merge</h1><div class='chunk'>{p(first)}</div>{between}"
            f"<div class='chunk'>{p(second)}</div></article></main><footer>© Valley News</footer></body></html>")


def test_page_text_blocks_scripts_and_entities():
    html = ("<html><head><title>T</title><style>p{}</style></head><body><header>Top</header><!-- x -->"
            "<script>var s='<p>no</p>';</script><p>Caf&eacute; <b>op</b>ens</p><div>Next</div><script>open")
    assert page_text(html).split("\n") == ["Top", "Café opens", "Next"]


def test_article_split_over_containers_is_read_to_its_end():
    """trafilatura took the first container only (as it does on some sites):
    the continuation after an aside is found."""
    page = _page(PARAS[:3], PARAS[3:])
    extracted = "\n".join(PARAS[:3])
    assert front._continuation(page, extracted) == PARAS[3:]


def test_continuation_needs_the_same_topic_and_several_paragraphs():
    other = [
        "A storm brought heavy rain and strong winds to the coast overnight, and fishermen kept their boats "
        "in the harbour while the ferry to the islands was cancelled for the whole of the morning.",
        "Forecasters expect the weather to improve by the weekend, although another front is likely to reach "
        "the islands early next week with more rain, gusts and high tides along the shore.",
        "The ferry company said that tickets for cancelled crossings would be refunded in full, and that "
        "extra sailings would be added on Saturday to carry the passengers who had to wait.",
    ]
    extracted = "\n".join(PARAS[:3])
    assert front._continuation(_page(PARAS[:3], other), extracted) == []
    assert front._continuation(_page(PARAS[:4], PARAS[4:]), "\n".join(PARAS[:4])) == []  # two: too few


def test_clean_html_keeps_every_paragraph_of_a_split_article():
    art = clean_html(_page(PARAS[:2], PARAS[2:]))
    for p in PARAS:
        assert p in art.text
    assert "Storm hits coast" not in art.text


def test_page_trafilatura_cannot_parse_falls_back_to_page_text():
    html = "<html><body>" + "<div>" * 400 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 400 + "</body></html>"
    art = clean_html(html)
    assert all(p in art.text for p in PARAS) or art.low_confidence
    assert PARAS[0] in art.text


RU = [
    "Областной парламент в четверг проголосовал за объединение двух северных районов в один округ, завершив спор, "
    "который более десяти лет разделял города долины и их жителей.",
    "Сторонники объединения заявили, что единый округ сэкономит деньги на школах, дорогах и больницах и даст долине "
    "более сильный голос, когда весной будет обсуждаться государственный бюджет.",
    "Противники в меньшем районе утверждали, что его деревни потеряют собственный совет, а решения об их школах и "
    "дорогах будут приниматься далеко, в большом городе.",
    "Объединение двух районов вступит в силу в январе, когда новый совет округа впервые соберется и выберет "
    "председателя из числа своих сорока одного депутата.",
    "Чиновники сообщили, что бюджет нового округа будет утвержден осенью, после того как оба районных совета закроют "
    "свои счета и передадут школы, сотрудников и договоры на содержание дорог.",
    "Жители долины смогут предложить название нового округа до конца месяца, а в декабре парламент выберет одно из "
    "трех самых популярных предложений округа и районов долины.",
]


def test_continuation_in_a_language_without_latin_letters():
    page = _page(RU[:3], RU[3:])
    assert front._continuation(page, "\n".join(RU[:3])) == RU[3:]


def test_continuation_found_when_the_last_paragraph_is_also_in_the_head():
    """The page's description repeats the paragraph the search starts from: the
    search starts in the body."""
    page = _page(PARAS[:3], PARAS[3:]).replace(
        "<head>", f"<head><meta name='description' content='{PARAS[2]}'>", 1)
    assert front._continuation(page, "\n".join(PARAS[:3])) == PARAS[3:]


def _record_calls(monkeypatch, texts):
    """Replace trafilatura by a recorder returning ``texts[(precision, fast)]``."""
    calls = []

    def fake(page, url, precision, fast=False):
        calls.append((precision, fast))
        return texts[(precision, fast)], None

    monkeypatch.setattr(front, "_trafilatura", fake)
    return calls


def test_fast_mode_text_of_article_length_is_kept_without_fallbacks(monkeypatch):
    long_text = "\n".join(PARAS * 2)
    assert len(long_text) >= front.FAST_MIN_CHARS
    calls = _record_calls(monkeypatch, {(True, True): long_text})
    assert front._extract("<html></html>", None) == (long_text, None, (True, True))
    assert calls == [(True, True)]


def test_short_fast_mode_text_is_extracted_again_with_the_fallbacks(monkeypatch):
    fast_text = PARAS[0]
    full_text = "\n".join(PARAS)
    assert len(fast_text) < front.FAST_MIN_CHARS
    calls = _record_calls(monkeypatch, {(True, True): fast_text, (True, False): full_text})
    assert front._extract("<html></html>", None) == (full_text, None, (True, False))
    assert calls == [(True, True), (True, False)]


def test_nearly_empty_precision_text_falls_back_to_the_default_mode(monkeypatch):
    calls = _record_calls(monkeypatch, {(True, True): "", (True, False): "Menu",
                                        (False, False): "\n".join(PARAS)})
    assert front._extract("<html></html>", None) == ("\n".join(PARAS), None, (False, False))
    assert calls == [(True, True), (True, False), (False, False)]


def test_clean_html_on_a_long_article_reads_trafilatura_once(monkeypatch):
    import trafilatura

    seen = []
    real = trafilatura.bare_extraction

    def spy(*args, **kwargs):
        seen.append(kwargs.get("fast"))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    art = clean_html(_page(PARAS * 2, PARAS))
    assert seen == [True]
    assert PARAS[5] in art.text
