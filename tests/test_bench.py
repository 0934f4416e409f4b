"""The benchmark's parts, at toy sizes, so `make bench` cannot rot unnoticed.
These tests check that the benchmark works, not how fast anything is."""

from __future__ import annotations

from bench.bench import page_weight, search_index, time_generator
from bench.synthetic import Sizes, write_briefing
from generator.check.briefing import load_content
from generator.render.pages import render_pages


def test_synthetic_briefings_are_valid(tmp_path):
    for events in (1, 3, 40):
        folder = tmp_path / str(events)
        sizes = write_briefing(folder, events)
        content = load_content(folder)  # raises ContentError listing every problem otherwise
        assert len(content.entries("timeline")) == events == sizes.events
        assert len(content.entries("quotes")) == sizes.quotes and len(content.entries("people")) == sizes.players
        assert len(content.sources) == sizes.sources
        assert all(page.strip() for page in render_pages(content).values())


def test_synthetic_briefings_grow_in_proportion_and_are_repeatable(tmp_path):
    small, large = Sizes.for_events(100), Sizes.for_events(1_000)
    for field in ("quotes", "players", "actions", "sources"):
        assert 9 <= getattr(large, field) / getattr(small, field) <= 11, field
    write_briefing(tmp_path / "a", 20)
    write_briefing(tmp_path / "b", 20)
    assert {path.name: path.read_bytes() for path in (tmp_path / "a").iterdir()} == {path.name: path.read_bytes() for path in (tmp_path / "b").iterdir()}


def test_generator_stages_are_timed(tmp_path):
    write_briefing(tmp_path, 10)
    times = time_generator(tmp_path)
    assert all(seconds >= 0 for seconds in (times.load, times.validate, times.render, times.write))
    assert times.load > 0 and times.total > times.load


def test_page_weight_counts_what_a_page_loads(tiny_site):
    home = page_weight(tiny_site.site, "index.html")
    assert {"html", "css", "js"} <= set(home.raw)
    assert any(name.startswith("assets/stylesheets/") for name in home.files)
    assert any("workers/search" in name for name in home.files), "Material's search worker is loaded on every page"
    assert all(home.compressed[kind] < home.raw[kind] for kind in ("html", "css", "js"))
    assert not home.external, "the site makes no request to another host"
    assert search_index(tiny_site.site) is not None


def test_the_figure_check_benchmark_checks_every_figure_against_every_article():
    from bench.figures import time_figure_check

    assert time_figure_check(20, 3) > 0  # it asserts itself that every figure was found in every article
