"""The same briefing built by both engines that read `mkdocs.yml`: MkDocs with
Material for MkDocs, and Zensical. Every page must exist in both and carry the
same facts: title, description, headings and their anchors, text, links and
images, and the search index must index the same sections with the same words.
The theme's own files (scripts, stylesheets) and the search index's file
format differ by design; README.md, "Engines", lists what differs.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REAL_CONTENT, TINY_CONTENT
from generator.site.build import SiteBuildError, build_site

BRIEFINGS = {"real": REAL_CONTENT, "tiny": TINY_CONTENT}


@pytest.fixture(scope="module", params=sorted(BRIEFINGS))
def both(request, built) -> dict[str, Path]:
    """One briefing built by each engine; the site folder of each."""
    return {engine: built(BRIEFINGS[request.param], engine).site for engine in ("mkdocs", "zensical")}


class _Facts(HTMLParser):
    """What a reader gets from a page, whichever engine wrote the HTML around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.description = "", None
        self.headings, self.links, self.images, self.words = [], [], [], []
        self._in_title = False
        self._depth = 0  # inside the page's <article>
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        if tag == "article" and "md-content__inner" in (attributes.get("class") or ""):
            self._depth = 1
            return
        if not self._depth:
            return
        if tag == "article":
            self._depth += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, attributes.get("id"), ""]
        elif tag == "a" and attributes.get("href"):
            self.links.append(_same_url(attributes["href"]))
        elif tag == "img":
            self.images.append((_same_url(attributes.get("src") or ""), attributes.get("alt")))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if not self._depth:
            return
        if tag == "article":
            self._depth -= 1
        elif self._heading and tag == self._heading[0]:
            self.headings.append((self._heading[0], self._heading[1], " ".join(self._heading[2].split())))
            self._heading = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._depth:
            self.words += data.split()
            if self._heading:
                self._heading[2] += data


def _same_url(url: str) -> str:
    """`./players/` and `players/` are the same link: Zensical writes the `./`."""
    return re.sub(r"^(\./)+", "", url)


def _facts(page: Path) -> dict:
    parser = _Facts()
    parser.feed(page.read_text(encoding="utf-8"))
    return {
        "title": parser.title.strip(),
        "description": parser.description,
        "headings": parser.headings,
        "words": parser.words,
        "links": parser.links,
        "images": parser.images,
    }


def _pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html") if not path.relative_to(site).parts[0] == "assets"}


def test_every_page_exists_in_both(both):
    mkdocs, zensical = _pages(both["mkdocs"]), _pages(both["zensical"])
    assert mkdocs == zensical
    assert "index.html" in mkdocs and "sources/index.html" in mkdocs and "404.html" in mkdocs


def test_every_page_carries_the_same_facts(both):
    for page in sorted(_pages(both["mkdocs"]) - {"404.html"}):
        mkdocs, zensical = _facts(both["mkdocs"] / page), _facts(both["zensical"] / page)
        assert mkdocs["words"], f"{page}: no text found; has the theme's <article> changed?"
        for fact in mkdocs:
            assert mkdocs[fact] == zensical[fact], f"{page}: the {fact} differ between MkDocs and Zensical"


def test_the_not_found_page_exists_in_both(both):
    for engine, site in both.items():
        facts = _facts(site / "404.html")
        assert facts["headings"] and facts["headings"][0][0] == "h1", engine


def test_content_files_beside_the_pages_are_identical(both):
    """Charts, stylesheets of the overrides, the feed: copied as they are by both engines."""
    theme = ("assets/javascripts/", "assets/stylesheets/", "search", "sitemap.xml")
    files = {path.relative_to(both["mkdocs"]).as_posix() for path in both["mkdocs"].rglob("*") if path.is_file() and not path.name.endswith(".html")}
    ours = sorted(name for name in files if not name.startswith(theme))
    assert ours, "expected the briefing's own files (stylesheets, charts)"
    for name in ours:
        assert (both["mkdocs"] / name).read_bytes() == (both["zensical"] / name).read_bytes(), name


def test_search_indexes_the_same_sections(both):
    mkdocs = json.loads((both["mkdocs"] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    zensical = json.loads((both["zensical"] / "search.json").read_text(encoding="utf-8"))["items"]

    def sections(entries):  # the words of each section, in order; spacing around markup differs
        return sorted((entry["location"], entry["title"], re.findall(r"\w+", re.sub(r"<[^>]+>", " ", entry["text"]))) for entry in entries)

    assert sections(mkdocs) == sections(zensical)


def test_zensical_refuses_a_broken_link_in_strict_mode(tmp_path):
    """`--strict` is honoured by both engines: a dead link stops the build and the old site stays."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[gone](missing.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: docs\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    for engine in ("mkdocs", "zensical"):
        with pytest.raises(SiteBuildError, match="missing.md"):
            build_site(tmp_path / "mkdocs.yml", site, engine=engine)
        assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert not list(tmp_path.glob(".mkdocs-generated-*.yml")), "the temporary configuration is removed"
    assert not list(tmp_path.glob(".site-building-*")), "the staging folder is removed"


def test_engine_is_chosen_on_the_command_line(tmp_path):
    from generator.__main__ import _parser

    assert _parser().parse_args(["build"]).engine == "mkdocs"
    assert _parser().parse_args(["build", "--engine", "zensical"]).engine == "zensical"
    with pytest.raises(SystemExit):
        _parser().parse_args(["build", "--engine", "hugo"])
    with pytest.raises(SiteBuildError, match="unknown engine"):
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site", engine="hugo")


SEARCHED = {"real": "rare earth", "tiny": "toll"}  # words each briefing's pages hold


def test_zensical_search_finds_the_pages(both, browser, request):
    """Zensical's own search dialog starts and answers (the theme's override keeps to
    Material's form under MkDocs only)."""
    from browser import serve

    query = SEARCHED[request.node.callspec.params["both"]]
    with serve(both["zensical"]) as base:
        page = browser.new_page()
        try:
            page.goto(base + "/")
            page.locator(".md-search__button").click()
            page.keyboard.type(query, delay=20)
            # The dialog's count of results ("8 results"): its search index loaded and answered.
            page.get_by_text(re.compile(r"^[1-9][0-9]* results?$")).wait_for(timeout=180_000)
        finally:
            page.close()
