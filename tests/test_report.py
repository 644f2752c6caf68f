"""The explain report (``newsclean --explain --format html``) and the batch
report (``newsclean report``): parsed as HTML and checked against the
Article they show. No browser needed: the highlighted spans are read from the
DOM lxml builds, the self-containment and keyboard reachability from the
attributes."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html

import newsclean
from newsclean import categories
from newsclean.cli.report import Source, article_from_dict, explain_html, source_of
from newsclean.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_86ec88a044c8f3bf.txt"
STORM = ROOT / "tests" / "structure" / "storm.html"


def run(*args):
    return subprocess.run([sys.executable, "-m", "newsclean", *map(str, args)], capture_output=True, timeout=120)


def marks(tree):
    return [(int(m.get("data-start")), int(m.get("data-end")), m.get("data-category"), m.get("data-rule"),
             m.text_content()) for m in tree.xpath("//mark[@class='rm']")]


def removed(art):
    return [(r.start, r.end, r.category, r.rule, r.text) for r in art.removed]


def assert_self_contained(page, tree):
    # assets: nothing loaded from anywhere (an <a href> is a link to follow, not an asset)
    assert not tree.xpath("//script | //link | //iframe | //img | //object | //embed | //video | //audio")
    for el in tree.xpath("//*[@src or @srcset or @data or @poster] | //*[not(self::a)][@href]"):
        assert False, (el.tag, dict(el.attrib))
    style = "".join(tree.xpath("//style/text()"))
    assert "@import" not in style and "url(" not in style
    assert "@media print" in style


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_every_removed_span_of_a_seed_is_highlighted_exactly_once(seed):
    raw = seed.read_text(encoding="utf-8")
    art = newsclean.clean_text(raw)
    page = explain_html(art, source_of(raw, False, art), seed.name)
    tree = lxml_html.fromstring(page)
    assert marks(tree) == removed(art)
    # the annotated text is the normalised input, character for character
    assert tree.xpath("//div[@class='text']")[0].text_content() == normalize(raw)
    assert [(int(s.get("data-start")), s.get("data-field")) for s in tree.xpath("//span[@class='ms']")] == \
        [(m.start, m.field) for m in art.metadata_spans]
    assert_self_contained(page, tree)


def test_the_report_is_reachable_by_keyboard_and_explains_on_focus():
    raw = SEED.read_text(encoding="utf-8")
    art = newsclean.clean_text(raw)
    tree = lxml_html.fromstring(explain_html(art, source_of(raw, False, art)))
    spans = tree.xpath("//mark[@class='rm'] | //span[@class='ms']")
    assert spans and all(s.get("tabindex") == "0" for s in spans)
    for m, r in zip(tree.xpath("//mark[@class='rm']"), art.removed):
        assert m.get("title") == m.get("data-why") == f"{r.category} · {r.rule}: {r.reason}"
        assert r.reason in m.get("aria-label") and r.category in m.get("aria-label")
    style = "".join(tree.xpath("//style/text()"))
    assert "mark.rm:focus::after" in style and "mark.rm:hover::after" in style
    # the switch: a real checkbox with a label, before the layout it acts on
    box = tree.xpath("//input[@type='checkbox'][@id='clean-only']")[0]
    assert tree.xpath("//label[@for='clean-only']")[0].text_content() == "Show the clean article alone"
    assert box.getparent() is tree.xpath("//div[@class='layout']")[0].getparent()
    assert "#clean-only:checked ~ .layout #clean { display: block; }" in style
    assert tree.xpath("//section[@id='clean']//div[@class='clean']")[0].text_content().strip().endswith(
        art.text.split("\n\n")[-1].strip())


def test_legend_counts_and_metadata_panel():
    raw = SEED.read_text(encoding="utf-8")
    art = newsclean.clean_text(raw)
    tree = lxml_html.fromstring(explain_html(art, source_of(raw, False, art)))
    counts = {li.get("data-category"): int(li.xpath(".//span[@class='count']")[0].text)
              for li in tree.xpath("//ul[@class='legend']/li")}
    assert set(counts) == set(categories.names()) | {"metadata"}
    assert {k: v for k, v in counts.items() if v and k != "metadata"} == art.removed_by_category()
    assert counts["metadata"] == len(art.metadata_spans)
    meta = dict(zip((dt.text for dt in tree.xpath("//dl[@class='meta']/dt")),
                    (dd.text for dd in tree.xpath("//dl[@class='meta']/dd"))))
    assert meta["title"] == art.title and meta["date"] == art.date and meta["language"] == art.language


def test_html_input_shows_the_extracted_text_and_what_extraction_left_out():
    raw = STORM.read_text(encoding="utf-8")
    art = newsclean.clean_html(raw)
    src = source_of(raw, True, art)
    tree = lxml_html.fromstring(explain_html(art, src, STORM.name))
    assert marks(tree) == removed(art)
    assert "trafilatura" in tree.xpath("//section[@id='annotated']/p[@class='note']")[0].text_content()
    left = [li.text_content() for li in tree.xpath("//section[@id='left-out']//li")]
    assert left == ["Read more", "Floods hit northern farms again", "Ferry company cuts winter timetable",
                    "New lighthouse opens on the cape"]
    assert not any(line in art.text for line in left)


def test_offsets_that_do_not_match_the_input_give_a_list_not_wrong_highlights():
    raw = SEED.read_text(encoding="utf-8")
    art = newsclean.clean_text(raw)
    src = source_of("something else entirely " * 50, False, art)
    assert src.text is None and "do not match" in src.note
    tree = lxml_html.fromstring(explain_html(art, src))
    assert [m.text_content() for m in tree.xpath("//ol[@class='removals']/li/mark")] == [r.text for r in art.removed]
    assert isinstance(explain_html(art, Source(None, note="n/a")), str)


def test_category_colours_are_distinct_and_the_colour_blind_safe_palette():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    colours = [categories.get(n).html_colour for n in categories.CATEGORIES]
    assert len(set(colours)) == len(colours) and set(colours) <= okabe_ito


def test_cli_explain_html(tmp_path):
    p = run("--explain", "--format", "html", SEED)
    assert p.returncode == 0 and p.stderr == b""
    tree = lxml_html.fromstring(p.stdout)
    art = newsclean.clean_text(SEED.read_text(encoding="utf-8"))
    assert marks(tree) == removed(art)
    p = run("--explain", "--format", "html", "-o", tmp_path, SEED, STORM)
    assert p.returncode == 0
    assert sorted(f.name for f in tmp_path.iterdir()) == ["002_86ec88a044c8f3bf.explain.html", "storm.explain.html"]
    p = run("--explain", "--format", "html", SEED, STORM)   # two pages on one stdout: refused
    assert p.returncode == 2 and len(p.stderr.splitlines()) == 1 and b"-o DIR" in p.stderr


def test_report_command_writes_an_index_and_one_page_per_record(tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join([
        json.dumps({"id": 1, "text": SEED.read_text(encoding="utf-8")}),
        json.dumps({"id": 2, "html": STORM.read_text(encoding="utf-8"), "url": "https://example.com/storm"}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "clean.jsonl"
    p = run("batch", crawl, "-o", out, "--jobs", "1")
    assert p.returncode == 0, p.stderr
    with out.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    p = run("report", out, "-o", tmp_path / "report")
    assert p.returncode == 1
    errors = [ln for ln in p.stderr.decode().splitlines() if "error" in ln]
    assert len(errors) == 1 and ":3:" in errors[0] and "Traceback" not in p.stderr.decode()
    index = lxml_html.parse(str(tmp_path / "report" / "index.html")).getroot()
    rows = index.xpath("//table[@class='index']/tbody/tr")
    assert len(rows) == 2
    results = [json.loads(ln)["newsclean"] for ln in out.read_text(encoding="utf-8").splitlines()[:2]]
    for row, res in zip(rows, results):
        href = row.xpath(".//a")[0].get("href")
        assert not href.startswith(("http:", "https:", "/"))
        doc = lxml_html.parse(str(tmp_path / "report" / href)).getroot()
        art = article_from_dict(res)
        assert marks(doc) == removed(art)
        cells = {td.get("data-category"): td.text or "" for td in row.xpath("td[@data-category]")}
        assert {k: int(v) for k, v in cells.items() if v} == art.removed_by_category()
    assert_self_contained("", index)


def test_report_command_on_a_missing_file_is_one_line_and_exit_2(tmp_path):
    p = run("report", tmp_path / "nope.jsonl", "-o", tmp_path / "r")
    assert p.returncode == 2 and len(p.stderr.splitlines()) == 1 and b"Traceback" not in p.stderr


def test_the_report_stays_self_contained_when_the_article_has_images():
    raw = (ROOT / "tests" / "structure" / "budget_media.html").read_text(encoding="utf-8")
    art = newsclean.clean_html(raw, structure=True, links=True, images=True)
    assert any(b.images for b in art.blocks)
    page = explain_html(art, source_of(raw, True, art))
    tree = lxml_html.fromstring(page)
    assert_self_contained(page, tree)
    assert "chart" not in "".join(tree.xpath("//section[@id='clean']//@src"))


def test_report_command_into_a_file_instead_of_a_folder_is_one_line(tmp_path):
    results = tmp_path / "clean.jsonl"
    results.write_text(json.dumps({"text": "x", "newsclean": newsclean.clean_text("x").to_dict()}) + "\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    p = run("report", results, "-o", blocker)
    assert p.returncode == 1 and len(p.stderr.splitlines()) == 1 and b"cannot write" in p.stderr
