"""Structure (``Config(structure=True)``): headings, lists, tables and
quotations of the kept text, and the Markdown and HTML that show them.

The fixtures in tests/structure/ are small pages written for these tests;
the golden Markdown files next to this module were read against them.
Regenerate only after reading the new output: pytest tests/test_structure.py --force-regen
"""
from pathlib import Path

import pytest
from lxml import html as lxml_html

import newsclean
from newsclean.cli.formats import html_page, markdown

HERE = Path(__file__).resolve().parent / "structure"


def read(name):
    return (HERE / name).read_text(encoding="utf-8")


def kinds(art):
    return [(b.kind, b.level, b.text) for b in art.blocks]


@pytest.mark.parametrize("name", ["budget.html", "storm.html", "port.txt"])
def test_structure_leaves_the_text_and_the_removals_as_they_are(name):
    clean = newsclean.clean_html if name.endswith(".html") else newsclean.clean_text
    plain, art = clean(read(name)), clean(read(name), structure=True)
    assert art.text == plain.text
    assert art.removed == plain.removed
    assert "\n\n".join(b.text for b in art.blocks) == art.text
    assert plain.blocks is None and "blocks" not in plain.to_dict()
    assert art.to_dict()["blocks"] == [b.to_dict() for b in art.blocks]


@pytest.mark.parametrize("name", ["budget.html", "storm.html", "port.txt"])
def test_markdown_golden(name, file_regression):
    clean = newsclean.clean_html if name.endswith(".html") else newsclean.clean_text
    file_regression.check(markdown(clean(read(name), structure=True)), basename="md_" + name.replace(".", "_"),
                          extension=".md")


def test_headings_a_nested_list_a_table_and_a_quotation_from_html():
    art = newsclean.clean_html(read("budget.html"), structure=True)
    got = kinds(art)
    assert ("heading", 2, "What changes") in got
    # the nested list: two items one level down, between their parent and the next item
    items = [(lv, t) for k, lv, t in got if k == "item"]
    assert items == [(1, "- Parking fees rise by ten percent in the centre."), (1, "- Bus tickets stay the same price."),
                     (2, "- Children under six ride free."), (2, "- Students get a discount card."),
                     (1, "- Libraries open on Sundays.")]
    assert len({b.group for b in art.blocks if b.kind == "item"}) == 1
    # the table: three rows and the rule under its head row, one group
    table = [b for b in art.blocks if b.kind in ("row", "rule")]
    assert [b.kind for b in table] == ["row", "rule", "row", "row"]
    assert len({b.group for b in table}) == 1
    assert table[0].text == "| Item | 2025 | 2026 |"
    assert [b.kind for b in art.blocks if "mayor said" in b.text] == ["quote"]
    # a <br> inside a paragraph: two paragraphs of the text, both paragraphs
    assert [k for k, _, t in got if t == "A second line here."] == ["paragraph"]
    sections = art.sections()
    assert sections[0][0] is None and sections[1][0].text == "What changes"
    assert sum(len(blocks) for _, blocks in sections) + 1 == len(art.blocks)


def test_a_removed_list_is_gone_and_a_kept_one_keeps_its_items():
    art = newsclean.clean_html(read("storm.html"), structure=True)
    texts = [b.text for b in art.blocks]
    assert not any("Floods hit" in t or "Read more" in t for t in texts)   # the teaser list and its header
    assert [t for k, _, t in kinds(art) if k == "item"] == ["- Eastern quay: two bollards lost.",
                                                              "- Western quay: no damage."]
    assert ("heading", 2, "Damage to the quay") in kinds(art)


def test_text_input_lists_and_headings_set_apart():
    art = newsclean.clean_text(read("port.txt"), structure=True)
    got = kinds(art)
    assert ("heading", 2, "Damage to the quay") in got
    assert [t for k, _, t in got if k == "item"] == ["• new bollards on the eastern quay", "• a survey of the breakwater"]
    # a line ending in a colon introduces the list: a paragraph, not a heading
    assert ("paragraph", 0, "What the port needs:") in got
    # the headline, kept in the text (nothing sets it apart from the article:
    # no byline, no date line), and the subheading
    assert [t for k, _, t in got if k == "heading"] == [art.title, "Damage to the quay"]


def test_a_teaser_header_is_not_a_heading():
    # removed as a teaser, it is no block at all
    art = newsclean.clean_text(read("port.txt"), structure=True)
    assert any(r.text == "More from News" and r.category == "teaser" for r in art.removed)
    assert "More from News" not in [b.text for b in art.blocks]
    # kept (teaser and boilerplate detectors off), it stands apart like a
    # heading but is followed by headlines, not running text: a paragraph
    kept = newsclean.clean_text(read("port.txt"), structure=True, teaser=False, boilerplate=False)
    assert ("paragraph", 0, "More from News") in kinds(kept)
    assert [b.kind for b in kept.blocks if b.text.startswith("Floods")] == ["paragraph"]


def test_clean_html_page_shows_the_structure():
    page = html_page(newsclean.clean_html(read("budget.html"), structure=True))
    tree = lxml_html.fromstring(page)
    assert [h.text_content() for h in tree.iter("h2")] == ["What changes"]
    outer = tree.xpath("//article/ul")
    assert len(outer) == 1
    assert [li.text for li in outer[0].xpath("./li")] == ["Parking fees rise by ten percent in the centre.",
                                                          "Bus tickets stay the same price.", "Libraries open on Sundays."]
    assert [li.text for li in outer[0].xpath("./li/ul/li")] == ["Children under six ride free.",
                                                                "Students get a discount card."]
    assert [c.text for c in tree.xpath("//table/tr[1]/th")] == ["Item", "2025", "2026"]
    assert [c.text for c in tree.xpath("//table/tr[3]/td")] == ["Schools", "30 m", "31 m"]
    assert "mayor said" in tree.xpath("//blockquote")[0].text_content()
    assert not tree.xpath("//script") and not tree.xpath("//*[@src]")


def test_markdown_of_a_table_whose_head_rule_was_removed_still_has_one():
    from newsclean.results import Article, TextBlock

    art = Article(text="| a | b |\n\n| 1 | 2 |", blocks=[TextBlock("row", "| a | b |", 0, 0), TextBlock("row", "| 1 | 2 |", 0, 0)])
    assert markdown(art) == "| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_a_kept_sub_item_whose_parent_was_removed_moves_up():
    from newsclean.results import Article, TextBlock

    art = Article(text="- x\n\n- y", blocks=[TextBlock("item", "- x", 2, 0), TextBlock("item", "- y", 3, 0)])
    assert markdown(art) == "- x\n    - y\n"


def test_links_and_images_on_request():
    page = read("budget_media.html")
    plain = newsclean.clean_html(page, structure=True)
    art = newsclean.clean_html(page, structure=True, links=True, images=True)
    assert art.text == plain.text and kinds(art) == kinds(plain)
    assert all(not b.links and not b.images for b in plain.blocks)
    [linked] = [b for b in art.blocks if b.links]
    assert linked.links == (("the road plan", "https://example.com/x"),)
    [pictured] = [b for b in art.blocks if b.images]
    assert pictured.images == (("https://example.com/chart.png", "Budget chart"),)
    assert pictured.text.startswith("Three things change")   # the image stood before this paragraph
    md = markdown(art)
    assert "[the road plan](https://example.com/x)" in md
    assert "![Budget chart](https://example.com/chart.png)\n\nThree things change" in md
    tree = lxml_html.fromstring(html_page(art))
    assert [(a.text, a.get("href")) for a in tree.iter("a")] == [("the road plan", "https://example.com/x")]
    assert [(i.get("src"), i.get("alt")) for i in tree.iter("img")] == [("https://example.com/chart.png", "Budget chart")]


def test_a_link_whose_anchor_was_cut_from_the_paragraph_is_dropped():
    from newsclean.analysis.structure import Role
    from newsclean.decide import _text_block

    role = Role("paragraph", links=(("kept words", "https://a.example"), ("cut words", "https://b.example")))
    assert _text_block(role, "Only kept words here.").links == (("kept words", "https://a.example"),)
