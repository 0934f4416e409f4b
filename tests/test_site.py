"""The real site, built with MkDocs: every page is there, search finds the story,
no page asks a third-party host for anything, and a failed build loses nothing."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace

import pytest

from conftest import TINY_CONTENT, edit, settings_for
from generator.core.errors import ContentError
from generator.pipeline import build
from pages import SITE_PAGES


@pytest.mark.parametrize("page", SITE_PAGES)
def test_every_page_is_built(tiny_site, page):
    html = tiny_site.html(page)
    assert "<h1" in html
    assert 'class="page-sources"' in html or page == "sources", "the page footer credits its sources"


def test_the_nav_lists_the_declared_sections_in_their_order(tiny_site):
    from conftest import TINY_CONTENT
    from generator.check.briefing import load_content

    titles = [page.title for page in load_content(TINY_CONTENT).pages]
    nav = re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', tiny_site.html("players"), re.S)
    assert [title for title in nav if title in titles][: len(titles)] == titles


def test_the_search_index_finds_the_facts(tiny_site):
    index = json.loads((tiny_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for fact in ["Jo Mayor", "Bridge toll", "7–2", "over a century ago"]:
        assert any(fact.lower() in (doc["title"] + doc["text"]).lower() for doc in index["docs"]), fact


def test_citation_markers_link_to_entries_on_the_sources_page(tiny_site):
    sources_html = tiny_site.html("sources")
    targets = set(re.findall(r'href="\.\./sources/#(source-[a-z0-9-]+)"', tiny_site.html("tariffs")))
    assert targets
    for anchor in targets:
        assert f'id="{anchor}"' in sources_html


def test_no_page_loads_anything_from_another_host(tiny_site):
    for html_file in tiny_site.site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html):
            assert not re.match(r"^(https?:)?//", url), f"{html_file.name} loads {url}"


def test_the_tiny_briefing_builds_with_the_same_generator(tiny_site):
    assert "Millbrook votes on its river bridge" in tiny_site.html("")
    assert "Jo Mayor" in tiny_site.html("players")


def test_a_failed_build_leaves_the_previous_site_as_it_was(tiny_copy, tmp_path):
    settings = settings_for(tiny_copy, tmp_path)
    build(settings)
    before = {path: path.read_bytes() for path in settings.site_dir.rglob("*") if path.is_file()}
    edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: nobody")
    with pytest.raises(ContentError):
        build(settings)
    after = {path: path.read_bytes() for path in settings.site_dir.rglob("*") if path.is_file()}
    assert after == before


def test_removing_a_fact_removes_it_from_the_site(tiny_copy, tmp_path):
    settings = settings_for(tiny_copy, tmp_path)
    build(settings)
    assert "Friends of the River" in (settings.site_dir / "players" / "index.html").read_text(encoding="utf-8")
    players = (tiny_copy / "players.yml").read_text(encoding="utf-8")
    (tiny_copy / "players.yml").write_text(players[: players.index("- id: friends-of-the-river")], encoding="utf-8")
    quotes = (tiny_copy / "quotes.yml").read_text(encoding="utf-8")
    (tiny_copy / "quotes.yml").write_text(quotes[: quotes.index("- id: friends-oppose")], encoding="utf-8")
    build(settings)
    assert "Friends of the River" not in (settings.site_dir / "players" / "index.html").read_text(encoding="utf-8")


def test_a_warning_from_mkdocs_fails_the_build_and_keeps_the_previous_site(tiny_copy, tmp_path):
    from generator.site.build import SiteBuildError, build_site

    settings = settings_for(tiny_copy, tmp_path)
    build(settings)
    before = (settings.site_dir / "index.html").read_bytes()
    # A page that links to a page the site does not have (the check refuses any that the
    # content or its templates would make, so the pages are written here by hand).
    with (settings.docs_dir / "players.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [the plan](no-such-page.md).\n")
    with pytest.raises(SiteBuildError, match="no-such-page.md"):
        build_site(settings.config_file, settings.site_dir, values={"site_name": "Millbrook"})
    assert (settings.site_dir / "index.html").read_bytes() == before
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith(".site-")], "the failed build's staging folder is left"


def test_a_sources_page_with_an_address_of_its_own_is_where_every_page_s_source_list_leads(tiny_copy, tmp_path):
    edit(
        tiny_copy / "briefing.yml",
        '{kind: sources, title: "Sources", file: sources.yml}',
        '{kind: sources, title: "Sources", file: sources.yml, slug: articles}',
    )
    settings = settings_for(tiny_copy, tmp_path)
    build(settings)
    html = (settings.site_dir / "players" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<aside class="page-sources".*?</aside>', html, re.S)[0]
    assert re.findall(r'href="([^"]+)"', listed) == ["../articles/#source-gazette", "../articles/#source-radio"]
    assert (settings.site_dir / "articles" / "index.html").is_file()


def test_a_briefing_of_one_article_names_it_once_on_each_page_and_marks_no_fact(tmp_path):
    """With one source there is nothing to tell apart: no marker after every fact, no table
    of who reports what, and under each page "Source" and the article."""
    content = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, content)
    for path in content.glob("*.yml"):
        text = path.read_text(encoding="utf-8").replace("[gazette, radio]", "[gazette]").replace("[radio]", "[gazette]")
        path.write_text(text, encoding="utf-8")
    sources = content / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").split("- id: radio")[0], encoding="utf-8")
    settings = replace(settings_for(content, tmp_path), archive_dir=None)
    build(settings)
    pages = sorted(settings.site_dir.glob("**/index.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "embed." in str(page.parent.name):
            continue
        assert 'class="cite-marker"' not in html, page
        if page.parent.name != "sources":  # the Sources page lists it itself
            assert re.search(
                r'<h2 id="page-sources-title">Source</h2>\s*<ol>\s*<li value="1">\s*<a [^>]*>Millbrook Gazette, “Council backs bridge”</a>', html
            ), page
    assert 'id="coverage"' not in (settings.site_dir / "sources" / "index.html").read_text(encoding="utf-8")
