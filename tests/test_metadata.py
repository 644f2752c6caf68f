"""Declared metadata (Open Graph, JSON-LD, microdata <meta itemprop>, <link rel>)
and author cleaning, on small pages written for the purpose."""
from __future__ import annotations

import json
import subprocess
import sys

import lxml.html
import pytest

import newsclean
from newsclean.metadata import declared
from newsclean.metadata.authors import clean_authors, clean_name

BODY = "".join(f"<p>The council met on Monday to discuss the budget for the coming year, paragraph {i}, "
               f"and the members agreed on most of the points that were raised by the residents.</p>"
               for i in range(6))

OPEN_GRAPH = f"""<html lang="en"><head>
<title>Council agrees budget | The Example Times</title>
<link rel="canonical" href="https://example.com/news/2021/03/04/council-budget">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<meta property="og:title" content="Council agrees budget">
<meta property="og:site_name" content="The Example Times | News you can use">
<meta property="og:description" content="The council agreed its budget after a long night.">
<meta property="og:image" content="https://example.com/img/council.jpg">
<meta property="article:section" content="Local">
<meta property="article:tag" content="Budget">
<meta property="article:tag" content="Council">
<meta property="article:published_time" content="2021-03-04T22:30:00-05:00">
<meta property="article:modified_time" content="2021-03-05T08:00:00-05:00">
<meta name="author" content="By JANE DOE, Staff Writer">
</head><body><h1>Council agrees budget</h1><article>{BODY}</article></body></html>"""

JSON_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebPage", "@id": "https://example.org/a#page", "name": "A page"},
        {"@type": ["NewsArticle"], "headline": "Bridge reopens after repairs",
         "datePublished": "2020-06-01T09:15:00Z", "dateModified": "2020-06-02T10:00:00+02:00",
         "description": "The bridge is open again.",
         "image": [{"@type": "ImageObject", "url": "https://example.org/bridge.jpg"}],
         "articleSection": ["Transport", "City"], "keywords": "bridge, repairs, traffic",
         "license": "https://creativecommons.org/licenses/by-sa/4.0/",
         "author": [{"@type": "Person", "name": "Ana Souza"}, {"@type": "Organization", "name": "Reuters"}],
         "publisher": {"@type": "NewsMediaOrganization", "name": "Example Daily"}},
    ],
}
JSON_LD_PAGE = (f'<html><head><script type="application/ld+json">{json.dumps(JSON_LD)}</script>'
                f'<meta property="og:site_name" content="https://example.org"></head>'
                f'<body><h1>Bridge reopens after repairs</h1>{BODY}</body></html>')

MICRODATA = f"""<html><head><title>Harbour plan</title></head><body itemscope itemtype="https://schema.org/Article">
<meta itemprop="datePublished" content="2019-02-11T07:00:00+01:00">
<meta itemprop="dateModified" content="2019-02-12">
<meta itemprop="description" content="A plan for the harbour.">
<meta itemprop="image" content="https://example.net/harbour.png">
<meta itemprop="articleSection" content="Economy">
<h1 itemprop="headline">Harbour plan</h1>{BODY}</body></html>"""


def both(page: str, url=None):
    """extract() on a parsed tree and on the raw markup: they must agree."""
    raw = declared.extract_from_page(page, url)
    assert declared.extract(lxml.html.fromstring(page), url) == raw
    return raw


def test_open_graph_fields():
    d = both(OPEN_GRAPH)
    assert d["title"] == "Council agrees budget"
    assert d["source"] == "The Example Times"                 # the tagline dropped
    assert d["canonical_url"] == "https://example.com/news/2021/03/04/council-budget"
    assert d["description"] == "The council agreed its budget after a long night."
    assert d["image"] == "https://example.com/img/council.jpg"
    assert d["section"] == "Local" and d["categories"] == ["Local"]
    assert d["tags"] == ["Budget", "Council"]                  # every article:tag, not only the first
    assert d["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert d["authors"] == ["Jane Doe"]                        # no "By", no role, not in capitals


def test_datetime_keeps_its_zone_and_the_day_is_the_sites_own():
    d = both(OPEN_GRAPH)
    assert d["published"] == "2021-03-04T22:30:00-05:00"
    assert d["date"] == "2021-03-04"                           # not the UTC day (03-05)
    assert d["modified"] == "2021-03-05T08:00:00-05:00"


def test_utc_stamp_gives_way_to_the_same_instant_in_local_time():
    page = ('<meta property="article:published_time" content="2019-11-20T04:59:46Z">'
            '<meta name="sailthru.date" content="2019-11-19 20:59:46 -0800">')
    d = both(page)
    assert d["date"] == "2019-11-19" and d["published"] == "2019-11-19T20:59:46-08:00"


def test_url_day_one_day_before_a_utc_stamp_is_the_sites_day():
    page = '<meta property="article:published_time" content="2019-11-19T07:03:25+00:00">'
    d = both(page, "https://example.com/2019/11/18/story/")
    assert d["date"] == "2019-11-18"
    assert d["published"] == "2019-11-19T07:03:25+00:00"       # the instant itself is unchanged
    # a URL date far from the declared one is another story's date: the declaration wins
    assert both(page, "https://example.com/2018/01/02/story/")["date"] == "2019-11-19"


def test_no_zone_no_published_time():
    d = both('<meta property="article:published_time" content="2021-03-04T22:30:00">')
    assert d["date"] == "2021-03-04" and "published" not in d


def test_written_date_in_a_declaration():
    d = both('<meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">')
    assert d["date"] == "2019-11-19" and "published" not in d


def test_json_ld_graph_fields():
    d = both(JSON_LD_PAGE)
    assert d["title"] == "Bridge reopens after repairs"
    assert d["published"] == "2020-06-01T09:15:00+00:00" and d["date"] == "2020-06-01"
    assert d["modified"] == "2020-06-02T10:00:00+02:00"
    assert d["description"] == "The bridge is open again."
    assert d["image"] == "https://example.org/bridge.jpg"
    assert d["categories"] == ["Transport", "City"] and d["section"] == "Transport"
    assert d["tags"] == ["bridge", "repairs", "traffic"]
    assert d["licence"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert d["authors"] == ["Ana Souza"]                       # the agency is no person
    assert d["source"] == "Example Daily"                      # og:site_name was a URL: the publisher's name


def test_microdata_meta_itemprop():
    d = both(MICRODATA)
    assert d["published"] == "2019-02-11T07:00:00+01:00" and d["date"] == "2019-02-11"
    assert d["modified"] == "2019-02-12"
    assert d["description"] == "A plan for the harbour."
    assert d["image"] == "https://example.net/harbour.png"
    assert d["section"] == "Economy"


def test_author_declared_in_a_later_meta_when_the_first_names_no_person():
    page = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Staff"}}</script>'
            '<meta itemprop="author" content="Kevin Rebong">')
    assert both(page)["authors"] == ["Kevin Rebong"]


@pytest.mark.parametrize("raw, name", [
    ("By Jamelle Bouie", "Jamelle Bouie"),
    ("By TOM KRISHER, AP Auto Writer", "Tom Krisher"),
    ("Meg James Staff Writer", "Meg James"),
    ("Troy L. Smith, Cleveland.com", "Troy L. Smith"),
    ("Amy Kuperinsky | NJ Advance Media for NJ.com", "Amy Kuperinsky"),
    ("Finian Cunningham. Sputnik International", "Finian Cunningham"),
    ("Sarah E. Needleman", "Sarah E. Needleman"),
    ("Analysis by Chris Cillizza", "Chris Cillizza"),
    ("Текст: Венера Ерофеева", "Венера Ерофеева"),
    ("Tim Childers - Live Science Contributor", "Tim Childers"),
    ("Catherine Shu @catherineshu / 2 days", "Catherine Shu"),
    ("Regan", "Regan"),
])
def test_clean_name_keeps_the_person(raw, name):
    assert clean_name(raw) == name


@pytest.mark.parametrize("raw", ["Reuters", "REUTERS", "Associated Press", "AP", "admin", "jdadmin", "KWCHCIK",
                                 "Editorial", "News Nation Bureau", "Jerusalem Post Staff", "IGN Staff",
                                 "The Water Coolest", "CBS News", "https://www.facebook.com/someone",
                                 "Practical Horseman Editorial Staff", "Correspondent"])
def test_clean_name_drops_what_is_no_person(raw):
    assert clean_name(raw) is None


def test_clean_authors_drops_the_site_a_lone_affiliation_and_repeats():
    assert clean_authors(["LinkNaija"], site="LinkNaija") == []
    assert clean_authors(["Beachbody"], site="The Beachbody Blog") == []
    assert clean_authors(["Victor Tangermann", "Futurism"]) == ["Victor Tangermann"]
    assert clean_authors(["Ana Souza", "ANA SOUZA", "By Ana Souza"]) == ["Ana Souza"]


def test_text_byline_cleaned_in_clean_text():
    text = ("Council agrees budget\n\nBy JANE DOE and JOHN ROE\n\n" +
            "\n\n".join("The council met on Monday to discuss the budget for the coming year, and the members "
                        f"agreed on most of the points that were raised by the residents ({i})." for i in range(5)))
    art = newsclean.clean_text(text)
    assert art.authors == ["Jane Doe", "John Roe"]


def test_teaser_byline_below_the_body_gives_no_author():
    paras = "\n\n".join("The council met on Monday to discuss the budget for the coming year, and the members "
                        f"agreed on most of the points that were raised by the residents ({i})." for i in range(6))
    text = (f"Council agrees budget\n\nBy Jane Doe\n\n{paras}\n\nRelated stories\n\n"
            "Mayor opens new library in the old town hall\n\nBy Peter Teaser\n\nMore news")
    art = newsclean.clean_text(text)
    assert art.authors == ["Jane Doe"]


def test_article_and_json_carry_the_new_fields(tmp_path):
    art = newsclean.clean_html(OPEN_GRAPH, url="https://example.com/news/2021/03/04/council-budget")
    assert art.published == "2021-03-04T22:30:00-05:00" and art.date == "2021-03-04"
    assert art.modified == "2021-03-05T08:00:00-05:00"
    assert art.canonical_url == "https://example.com/news/2021/03/04/council-budget"
    assert art.description and art.image and art.section == "Local" and art.tags == ["Budget", "Council"]
    assert art.licence and art.source == "The Example Times" and art.authors == ["Jane Doe"]
    d = art.to_dict()
    for key in ("published", "modified", "canonical_url", "description", "image", "section", "categories", "tags",
                "licence"):
        assert d[key] == getattr(art, key)
    page = tmp_path / "page.html"
    page.write_text(OPEN_GRAPH, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "newsclean", "--format", "json", str(page)],
                         capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    assert got["published"] == "2021-03-04T22:30:00-05:00" and got["tags"] == ["Budget", "Council"]
    assert got["licence"] == "https://creativecommons.org/licenses/by/4.0/"


def test_text_input_has_no_declared_fields():
    art = newsclean.clean_text("The council met on Monday to discuss the budget for the coming year.")
    assert (art.published, art.canonical_url, art.tags, art.licence) == (None, None, [], None)
