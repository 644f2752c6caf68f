"""The learned block scorer: ships with the package, is deterministic, is only
applied to whole-page text, can be switched off, and keeps an article's paragraphs."""
import newsclean
from newsclean.analysis import blockscorer as blockmodel
from newsclean.config import Config
from newsclean.analysis.scores import score
from newsclean.analysis.document import analyse

ARTICLE = [
    "The harbour authority approved on Monday a plan to dredge the main channel so that larger cargo ships can dock.",
    "The work will start in October and take about eighteen months, the authority said in a statement.",
    "Fishermen's groups said they feared the dredging would disturb breeding grounds in the estuary.",
    "The authority said an environmental study had found no lasting harm and that work would pause in spring.",
    "Shipping companies welcomed the decision, saying it would cut waiting times for vessels at the port.",
    "The project is expected to cost about forty million euros, shared between the state and the port.",
]
NAV = ["Home", "News", "Local", "Sport", "Business", "Weather", "Opinion", "Video", "Podcasts", "Search",
       "Sign in", "Subscribe", "Menu", "Latest", "Most read"]
FOOTER = ["About us", "Contact", "Advertise", "Careers", "Privacy policy", "Cookie settings", "Terms of use",
          "Follow us", "Facebook", "Twitter", "Instagram", "© 2024 Harbour Times", "All rights reserved"]
COMMENTS = ["3 comments", "sailor42 says:", "About time they did this.", "mary_k says:", "What about the birds?"]


def page():
    return "\n".join(NAV + ["Harbour channel to be dredged for bigger ships"] + ARTICLE + COMMENTS + FOOTER)


def test_model_ships_and_loads():
    w = blockmodel.weights()
    assert w is not None and len(w["coef"]) == len(blockmodel.FEATURES)
    assert 0 < w["threshold"] < 1


def test_whole_page_gate():
    from newsclean.detectors.base import Context

    def shaped(text):
        return Context.of_text(text).doc.whole_page

    assert shaped(page())
    assert not shaped("\n\n".join(ARTICLE))
    # many short lines but no chrome: a list that is the article's own
    assert not shaped("\n".join(ARTICLE[:1] + [f"{d} May: Berlin, Tempodrom" for d in range(1, 32)]))


def test_rescore_deterministic_and_same_length():
    doc = analyse(page(), Config())
    label = [None] * len(doc.blocks)
    scores = [score(f, None, False, doc.config) for f in doc.feats]
    a, probs_a = blockmodel.rescore(doc, scores, label, True)
    b, probs_b = blockmodel.rescore(doc, scores, label, True)
    assert a == b and probs_a == probs_b and len(a) == len(scores) == len(probs_a)


def test_whole_page_keeps_the_article():
    art = newsclean.clean_text(page())
    for p in ARTICLE:
        assert p in art.text
    for junk in ("Most read", "Privacy policy", "sailor42 says:", "All rights reserved"):
        assert junk not in art.text


def test_switch_off():
    art = newsclean.clean_text(page(), block_model=False)
    assert all(r.rule != "boilerplate.model" for r in art.removed)
    for p in ARTICLE:
        assert p in art.text


def test_feature_vector_is_in_the_order_of_FEATURES():
    """features() builds each vector from a dict keyed by feature name: its
    keys must be FEATURES, in order (the model's weights are by position)."""
    import inspect
    import re

    src = inspect.getsource(blockmodel.features)
    keys = re.findall(r'^\s+"(\w+)": ', src[src.index("named = {"):], flags=re.M)
    assert tuple(keys) == blockmodel.FEATURES


def test_count_digits_equals_the_regex():
    import re

    for s in ["", "abc", "12:30 on 4 May 2024", "x" * 50 + "9", "٣ digits ٤ and 5", "１２ fullwidth", "½ ²"]:
        assert blockmodel._count_digits(s) == len(re.findall(r"\d", s)), s
