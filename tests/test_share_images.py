"""Pages people share: each has a picture for link previews (`og:image`, a large Twitter
card), drawn at build time from the headline and the lead figure, with no outside service.
On the made-up tiny briefing, built by MkDocs and by Zensical."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from html import unescape
from urllib.parse import urljoin

import pytest
from PIL import Image

from conftest import TINY_CONTENT, edit, engine_settings
from generator.check.briefing import load_content
from generator.core.inline import plain_text
from generator.pipeline import build
from pages import SITE_PAGES


def meta(html: str, attribute: str, name: str) -> str | None:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return found and unescape(found.group(1))


def picture_of(site, page: str) -> tuple[str | None, Image.Image | None]:
    """The page's og:image address, and the picture it leads to in the built site."""
    html = (site / page / "index.html" if page else site / "index.html").read_text(encoding="utf-8")
    address = meta(html, "property", "og:image")
    if address is None:
        return None, None
    path = urljoin(f"/{page}/" if page else "/", address).lstrip("/")
    return address, Image.open(io.BytesIO((site / path).read_bytes()))


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_page_has_a_large_share_picture_of_its_own(built, engine):
    site = built(TINY_CONTENT, engine).site
    pictures = {}
    for page in SITE_PAGES:
        html = (site / page / "index.html" if page else site / "index.html").read_text(encoding="utf-8")
        address, picture = picture_of(site, page)
        assert picture is not None, f"{page or 'home'}: no og:image"
        assert picture.format == "PNG" and picture.size == (1200, 630), (page, picture.format, picture.size)
        assert meta(html, "name", "twitter:card") == "summary_large_image"
        assert meta(html, "property", "og:image:width") == "1200" and meta(html, "property", "og:image:height") == "630"
        assert meta(html, "property", "og:image:alt") == plain_text(load_content(TINY_CONTENT).briefing.title)
        pictures[page] = picture.convert("RGB").tobytes()
    assert len(set(pictures.values())) == len(pictures), "each page's picture names that page"


def test_the_picture_shows_the_lead_figure(tiny_copy, tmp_path):
    """Without key figures the picture leads with a section's card; give the briefing one and
    every picture changes with it."""
    first = build_at(tiny_copy, tmp_path / "before")
    figure = 'key_figures:\n  - value: {value: 90, unit: days}\n    label: "how long the lower toll lasts"\n    sources: [gazette]\nsections:'
    edit(tiny_copy / "briefing.yml", "\nsections:", "\n" + figure)
    second = build_at(tiny_copy, tmp_path / "after")
    # A section that offers the front page a figure of its own (the tolls) leads its picture with it.
    own = {page.slug for page in load_content(TINY_CONTENT).pages if page.kind.cards is not None}
    for page in SITE_PAGES:
        changed = picture_of(first, page)[1].tobytes() != picture_of(second, page)[1].tobytes()
        assert changed == (page not in own), page
    assert own, "the tiny briefing has a section with a figure of its own"


def test_a_published_site_gives_the_picture_s_whole_address(tiny_copy, tmp_path):
    site = build_at(tiny_copy, tmp_path, site_url="https://news.example.org/briefing/")
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert meta(html, "property", "og:image") == "https://news.example.org/briefing/assets/share/timeline.png"
    assert meta(html, "name", "twitter:image") == meta(html, "property", "og:image")


def test_a_headline_the_type_cannot_draw_gets_the_small_card_not_empty_boxes(tiny_copy, tmp_path):
    briefing = (tiny_copy / "briefing.yml").read_text(encoding="utf-8")
    title = re.search(r'^title: "([^"]+)"', briefing, re.M).group(1)
    edit(tiny_copy / "briefing.yml", f'title: "{title}"', 'title: "米尔布鲁克的桥将重建"')
    site = build_at(tiny_copy, tmp_path)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert meta(html, "property", "og:image") is None and meta(html, "name", "twitter:card") == "summary"
    assert not (site / "assets" / "share").exists()


def build_at(content, workdir, site_url: str | None = None):
    workdir.mkdir(parents=True, exist_ok=True)
    settings = engine_settings(content, workdir, "mkdocs")
    build(replace(settings, archive_dir=content / "archive", site_url=site_url))
    return settings.site_dir
