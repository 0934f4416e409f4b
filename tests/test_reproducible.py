"""Two clean builds of the same sources, with SOURCE_DATE_EPOCH set, give
byte-identical sites: every page, the sitemap (and its gzip header), the search
index and the theme's assets.

The two builds differ in everything that must not matter: the folder they run
in (so no absolute path may leak into the output), Python's hash seed (so no
set or dictionary order may), the time zone and the locale. Each runs the
command line in a fresh process, as `make site` does.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REAL_CONTENT, ROOT, engine_settings
from generator.core.settings import Settings

EPOCH = 1749081600  # 2025-06-05 00:00:00 UTC
SITE_URL = "https://example.org/briefing/"
MACHINES = [  # what differs between the two builds
    {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"},
    {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C"},
]


def _build(settings: Settings, machine: dict[str, str]) -> None:
    command = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--engine",
        settings.engine,
        "--content",
        str(settings.content_dir),
        "--docs",
        str(settings.docs_dir),
        "--config",
        str(settings.config_file),
        "--site",
        str(settings.site_dir),
    ]
    env = {**os.environ, **machine, "SOURCE_DATE_EPOCH": str(EPOCH), "SITE_URL": SITE_URL, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, cwd=settings.config_file.parent, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def two_builds(request, tmp_path_factory):
    """The real briefing built twice, in folders of different names and depths."""
    engine = request.param
    first = tmp_path_factory.mktemp(f"first-{engine}")
    second = tmp_path_factory.mktemp(f"second-{engine}") / "a" / "deeper" / "checkout"
    second.mkdir(parents=True)
    builds = []
    for workdir, machine in zip((first, second), MACHINES, strict=False):
        settings = engine_settings(REAL_CONTENT, workdir, engine)
        _build(settings, machine)
        builds.append(settings)
    return engine, builds


def test_generated_markdown_is_identical(two_builds):
    _, (first, second) = two_builds
    assert _tree(first.docs_dir) == _tree(second.docs_dir)


def test_sites_are_byte_identical(two_builds):
    _, (first, second) = two_builds
    one, other = _tree(first.site_dir), _tree(second.site_dir)
    assert sorted(one) == sorted(other), "the two builds made different files"
    differing = [name for name in one if one[name] != other[name]]
    assert not differing, f"files that differ between two builds of the same sources: {differing}"
    assert any(name.endswith("index.html") for name in one) and len(one) > 20


def test_no_build_folder_leaks_into_the_site(two_builds):
    _, builds = two_builds
    for settings in builds:
        workdir = str(settings.config_file.parent)
        leaks = [name for name, data in _tree(settings.site_dir).items() if workdir.encode() in data or str(ROOT).encode() in data]
        assert not leaks, f"absolute paths in {leaks}"


def test_dates_come_from_source_date_epoch(two_builds):
    engine, (settings, _) = two_builds
    day = dt.datetime.fromtimestamp(EPOCH, dt.UTC).date().isoformat()
    sitemap = (settings.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert SITE_URL in sitemap
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    # Zensical writes no dates into its sitemap (yet): should it start, they must be the epoch's too.
    assert dates == {day} if engine == "mkdocs" else dates <= {day}, f"the sitemap's dates: {sorted(dates)}"
    compressed = settings.site_dir / "sitemap.xml.gz"
    if engine == "mkdocs":  # Zensical writes no compressed sitemap
        raw = compressed.read_bytes()
        assert int.from_bytes(raw[4:8], "little") == EPOCH  # the gzip header's modification time
        assert gzip.decompress(raw).decode("utf-8") == sitemap
