"""The real site, built with MkDocs: every page is there, search finds the story,
no page asks a third-party host for anything, and a failed build loses nothing."""

from __future__ import annotations

import json
import re

import pytest

from generator.errors import ContentError
from generator.pipeline import build
from generator.render import PAGES

from conftest import edit, settings_for

PAGE_DIRS = [page.filename.removesuffix(".md").replace("index", "") for page in PAGES]


@pytest.mark.parametrize("page", PAGE_DIRS)
def test_every_page_is_built(real_site, page):
    html = real_site.html(page)
    assert "<h1" in html
    assert 'class="page-sources"' in html or page == "sources", "the page footer credits its sources"


def test_the_search_index_finds_the_envoys(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    documents = index["docs"]
    assert any("Bessent" in doc["text"] and "Treasury" in doc["text"] for doc in documents)
    for fact in ["145%", "rare earth", "Geneva", "$295 billion", "Melania", "Xinhua"]:
        assert any(fact.lower() in (doc["title"] + doc["text"]).lower() for doc in documents), fact


def test_citation_markers_link_to_entries_on_the_sources_page(real_site):
    sources_html = real_site.html("sources")
    targets = set(re.findall(r'href="\.\./sources/#(source-[a-z0-9-]+)"', real_site.html("tariffs")))
    assert targets
    for anchor in targets:
        assert f'id="{anchor}"' in sources_html


def test_no_page_loads_anything_from_another_host(real_site):
    for html_file in real_site.site.rglob("*.html"):
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
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".site-")]


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
    from generator.site import SiteBuildError

    settings = settings_for(tiny_copy, tmp_path)
    build(settings)
    before = (settings.site_dir / "index.html").read_bytes()
    with settings.config_file.open("a", encoding="utf-8") as config:
        config.write("nav:\n  - Overview: index.md\n  - Gone: no-such-page.md\n")
    with pytest.raises(SiteBuildError, match="no-such-page.md"):
        build(settings)
    assert (settings.site_dir / "index.html").read_bytes() == before
