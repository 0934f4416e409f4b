"""`make bench`: how fast the generator is, what it adds to the site build, and
how heavy each page is. One run prints every figure; nothing here is a test.

1. The generator, stage by stage (load, validate, render, write), on the real
   briefing and on synthetic briefings of 100, 1,000 and 10,000 timeline events
   (`bench/synthetic.py`): total and per-event time, and the growth factor
   from one size to the next (10x the events should cost at most 11x the time).
2. The full build of the real briefing (`python -m generator build`, as
   `make site` runs it): first from a clean folder, then again with nothing
   changed (the pages reused, `generator/site/fingerprint.py`), against the MkDocs
   build alone of the same, already generated Markdown, measured alternately in
   the same run.
3. Every page's weight: its HTML and every stylesheet, script, image and font it
   loads, raw and gzip-compressed, and the search index.
4. Hostile input: the check (`python -m generator check`, with the archive) of the
   tiny test briefing with one file replaced by a worst case just under the
   loader's 1 MB limit, and by the same case at 100 KB (`bench/hostile.py`):
   exit status, time and peak memory of a fresh process for each.
5. The live preview: `python -m generator serve` on a copy of the real briefing,
   one page open in headless Chromium, one field of the copy's YAML edited at a
   time; the time from each save to the open page showing it (`bench/preview.py`).

Times are the best of several runs (the median for the builds), on this
machine: compare figures from the same machine only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import posixpath
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/bench.py` from anywhere
    sys.path.insert(0, str(ROOT))

from bench import hostile, preview  # noqa: E402
from bench.figures import time_figure_check  # noqa: E402
from bench.project import project_settings  # noqa: E402
from bench.synthetic import Sizes, write_briefing  # noqa: E402
from generator.check import briefing as check  # noqa: E402
from generator.core import inline  # noqa: E402
from generator.core.settings import Settings  # noqa: E402
from generator.load import reader as load  # noqa: E402
from generator.pipeline import collecting_no_garbage, site_values  # noqa: E402
from generator.render.pages import render_pages  # noqa: E402
from generator.site.build import for_engine, write_config  # noqa: E402
from generator.site.fingerprint import record_file  # noqa: E402
from generator.site.write import write_pages  # noqa: E402

SIZES = (100, 1_000, 10_000)
GZIP_LEVEL = 6  # what web servers commonly use
TARGETS = {
    "overhead": 0.10,  # the generator adds at most 10 % to the MkDocs build
    "seconds_10k": 2.0,  # 10,000 events generate in under two seconds
    "growth": 11.0,  # 10x the events, at most 11x the time
    "home_kb": 100.0,  # the home page and all it loads, gzip-compressed
    "hostile_seconds": 10.0,  # a 1 MB worst-case file is checked in under 10 s
    "hostile_mb": 1000.0,  # and under 1 GB of memory
    "preview_seconds": 0.5,  # an edit shows on the open preview page within half a second (median)
}


# --- 1. the generator, stage by stage -------------------------------------------


@dataclass
class StageTimes:
    load: float
    validate: float
    render: float
    write: float

    @property
    def total(self) -> float:
        return self.load + self.validate + self.render + self.write


@contextmanager
def _file_size_limit_for(folder: Path):
    """Synthetic briefings are far bigger than any real one: raise the loader's guard
    against huge files just enough for the files in `folder`."""
    saved = load.MAX_FILE_BYTES, load.MAX_VALUES
    largest = max(path.stat().st_size for path in folder.glob("*.yml"))
    load.MAX_FILE_BYTES = max(saved[0], largest)
    load.MAX_VALUES = max(saved[1], largest)  # a value takes at least a byte
    try:
        yield
    finally:
        load.MAX_FILE_BYTES, load.MAX_VALUES = saved


def time_generator(content_dir: Path, archive_dir: Path | None = None) -> StageTimes:
    """One clean generation of `content_dir`: the time of each stage.

    Loading is the time spent parsing the YAML files (`load_file`); validating is
    the rest of `load_content`: models, cross-references and, with an archive,
    the quotes and figures checked against the articles.
    """
    parsing = 0.0
    original = check.load_file

    def timed_load_file(path):
        nonlocal parsing
        start = time.perf_counter()
        try:
            return original(path)
        finally:
            parsing += time.perf_counter() - start

    check.load_file = timed_load_file
    for cached in (inline.escape_text, inline.render_inline, inline.plain_text):
        cached.cache_clear()  # each run starts as a fresh `make site` does, without the texts of the run before
    with collecting_no_garbage():  # as `generate` runs it
        try:
            start = time.perf_counter()
            content = check.load_content(content_dir, archive_dir) if archive_dir else check.load_content(content_dir)
            loaded = time.perf_counter()
        finally:
            check.load_file = original
        pages = render_pages(content)
        rendered = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="bench-docs-") as docs:
            write_pages(pages, Path(docs))
            written = time.perf_counter()
    return StageTimes(load=parsing, validate=loaded - start - parsing, render=rendered - loaded, write=written - rendered)


def best_of(runs: int, content_dir: Path, archive_dir: Path | None = None) -> StageTimes:
    results = [time_generator(content_dir, archive_dir) for _ in range(runs)]
    return min(results, key=lambda times: times.total)


def _runs_for(events: int) -> int:
    return 5 if events <= 100 else 3 if events <= 1_000 else 1


def _real_sizes(content_dir: Path) -> tuple[int, int]:
    content = check.load_content(content_dir)
    people, positions, differences = content.entries("people"), content.entries("positions"), content.entries("differences")
    facts = (
        len(content.entries("timeline"))
        + len(content.entries("quotes"))
        + len(people)
        + sum(len(person.actions) for person in people)
        + len(positions)
        + sum(len(issue.positions) for issue in positions)
        + len(differences)
        + sum(len(difference.accounts) for difference in differences)
        + len(content.entries("measures"))
    )
    return len(content.entries("timeline")), facts


def bench_generator(sizes: tuple[int, ...], archive_dir: Path | None) -> dict:
    print("\n## 1. The generator: load, validate, render, write (best of several runs)\n")
    rows = []
    events, facts = _real_sizes(ROOT / "content")
    real = best_of(5, ROOT / "content", archive_dir)
    rows.append(("real briefing" + (" (+archive)" if archive_dir else ""), events, facts, real))
    synthetic: dict[int, StageTimes] = {}
    with tempfile.TemporaryDirectory(prefix="bench-content-") as folder:
        for size in sizes:
            target = Path(folder) / str(size)
            made: Sizes = write_briefing(target, size)
            with _file_size_limit_for(target):
                synthetic[size] = best_of(_runs_for(size), target)
            rows.append((f"synthetic {size:,}", size, made.facts, synthetic[size]))
            shutil.rmtree(target)

    header = f"{'briefing':24} {'events':>7} {'facts':>7} {'load':>8} {'validate':>9} {'render':>8} {'write':>7} {'total':>8} {'per event':>10} {'growth':>7}"
    print(header)
    print("-" * len(header))
    previous = None
    for name, count, facts, times in rows:
        growth = ""
        if name.startswith("synthetic") and previous:
            growth = f"{times.total / previous[1]:.1f}x" if count == previous[0] * 10 else ""
        if name.startswith("synthetic"):
            previous = (count, times.total)
        print(
            f"{name:24} {count:>7,} {facts:>7,} {_s(times.load):>8} {_s(times.validate):>9} {_s(times.render):>8} "
            f"{_s(times.write):>7} {_s(times.total):>8} {_ms(times.total / max(count, 1)):>10} {growth:>7}"
        )
    print(
        "\ngrowth: time against the size 10x smaller (target: at most "
        f"{TARGETS['growth']:.0f}x); facts: events, quotes, players and their actions, issues and positions, ..."
    )
    print(
        "synthetic briefings have the real briefing's proportions per event: "
        "2.1 quotes, 0.79 players (5 actions each), 0.36 sources; "
        "the loader's 1 MB-per-file guard is lifted for them."
    )
    return {"real": real, "synthetic": synthetic}


def _s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs" if seconds < 1e-3 else f"{seconds * 1000:.2f} ms"


# --- 2. the full build against MkDocs alone ---------------------------------------


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system, of the command and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr or result.stdout}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_build(workdir: Path, archive_dir: Path | None, runs: int) -> dict:
    print(f"\n## 2. The real briefing: full build against the MkDocs build alone (median of {runs}, alternating)\n")
    config, docs, site = project_settings(workdir)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    generate = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--content",
        str(ROOT / "content"),
        "--docs",
        str(docs),
        "--config",
        str(config),
        "--site",
        str(site),
        *(["--archive", str(archive_dir)] if archive_dir else []),
    ]
    # MkDocs and Zensical alone read the configuration the generator would write for them,
    # MkDocs with the same hooks, which keep the theme's compiled templates between builds:
    # the comparison is what the generator adds, not what the cache saves.
    values = site_values(check.load_content(ROOT / "content"), Settings(config_file=config, docs_dir=docs, site_url=None))
    alone_config, zensical_config = config.with_name("alone.yml"), workdir / "zensical.yml"
    write_config(alone_config, config, for_engine(values))
    write_config(zensical_config, config, {**values, "site_dir": "site-zensical"})
    built_env = env
    cold, warm, alone, zensical, imports = [], [], [], [], []
    record = record_file(docs)  # what the last generation kept
    for _ in range(runs):
        shutil.rmtree(docs, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        record.unlink(missing_ok=True)
        cold.append(_run(generate, env))  # first build: every page generated and written, then MkDocs
        warm.append(_run(generate, env))  # again, nothing changed: the pages are reused, then MkDocs
        imports.append(_run([sys.executable, "-c", "import generator.pipeline, generator.check.briefing, generator.render.pages"], env))
        alone.append(
            _run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(alone_config), "--site-dir", str(workdir / "site-mkdocs-alone")],
                built_env,
            )
        )
        zensical.append(_run([sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(zensical_config)], built_env))
    (cold_s, cold_cpu), (warm_s, warm_cpu), (alone_s, alone_cpu), (zensical_s, zensical_cpu), (imports_s, imports_cpu) = (
        (statistics.median(wall for wall, _ in times), statistics.median(cpu for _, cpu in times)) for times in (cold, warm, alone, zensical, imports)
    )
    overhead, cpu_overhead = warm_s / alone_s - 1, warm_cpu / alone_cpu - 1
    cold_overhead, cold_cpu_overhead = cold_s / alone_s - 1, cold_cpu / alone_cpu - 1
    print(f"{'':50} {'wall':>9} {'CPU':>9} {'CPU / alone':>12}")
    print(f"{'first build (python -m generator build)':50} {_s(cold_s):>9} {_s(cold_cpu):>9} {cold_cpu / alone_cpu:>12.2f}")
    print(f"{'  of it: Python start, all generator imports':50} {_s(imports_s):>9} {_s(imports_cpu):>9}")
    print(f"{'the same build again, nothing changed':50} {_s(warm_s):>9} {_s(warm_cpu):>9} {warm_cpu / alone_cpu:>12.2f}")
    print(f"{'MkDocs alone, same Markdown, hooks (mkdocs build)':50} {_s(alone_s):>9} {_s(alone_cpu):>9} {1:>12.2f}")
    print(f"{'for comparison: Zensical alone, same Markdown':50} {_s(zensical_s):>9} {_s(zensical_cpu):>9}")
    within = "within" if cpu_overhead <= TARGETS["overhead"] else "NOT within"
    print(
        f"\nThe generator's part of a build whose content did not change: {_s(warm_cpu - alone_cpu)} CPU time (user + system) "
        f"against {_s(alone_cpu)} for MkDocs alone, {cpu_overhead:+.0%}: {within} the target of +{TARGETS['overhead']:.0%} "
        f"({overhead:+.0%} wall-clock)."
    )
    print(
        f"A first build, or one after any edit, generates every page: {_s(cold_cpu - alone_cpu)} CPU time, {cold_cpu_overhead:+.0%} "
        f"({cold_overhead:+.0%} wall-clock): the generator's imports (pydantic and its models, markdown-it, Babel, pygal), then its work."
    )
    print("CPU time (of the child processes) is the steadier figure on a busy machine, and the one judged. Every command")
    print("starts a Python process; an unchanged build hashes its inputs (generator/site/fingerprint.py), reuses the pages")
    print("and runs MkDocs in the same process.")
    return {
        "cold": cold_s,
        "warm": warm_s,
        "alone": alone_s,
        "overhead": overhead,
        "cpu_overhead": cpu_overhead,
        "cold_overhead": cold_overhead,
        "cold_cpu_overhead": cold_cpu_overhead,
        "site": site,
    }


# --- 3. page weight ----------------------------------------------------------------


class _Loads(HTMLParser):
    """What a browser fetches for a page: stylesheets, scripts, images, the icon, the search worker."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (kind, url)
        self._config = False
        self._config_text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attributes.get("href"):
            self.found.append(("css", attributes["href"]))
        elif tag == "link" and "icon" in rel and attributes.get("href"):
            self.found.append(("image", attributes["href"]))
        elif tag == "script" and attributes.get("src"):
            self.found.append(("js", attributes["src"]))
        elif tag == "script" and attributes.get("id") == "__config":
            self._config = True
        elif tag in ("img", "input") and attributes.get("src"):
            self.found.append(("image", attributes["src"]))

    def handle_data(self, data):
        if self._config:
            self._config_text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._config:
            self._config = False
            try:
                worker = json.loads(self._config_text).get("search")
            except ValueError:
                worker = None
            if worker:  # Material starts its search worker on every page
                self.found.append(("js", worker))


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_FONTS = (".woff2", ".woff", ".ttf", ".otf", ".eot")


@dataclass
class Weight:
    raw: dict[str, int] = field(default_factory=dict)  # kind -> bytes
    compressed: dict[str, int] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)

    def add(self, kind: str, name: str, data: bytes) -> None:
        if name in self.files:
            return
        self.files.add(name)
        self.raw[kind] = self.raw.get(kind, 0) + len(data)
        self.compressed[kind] = self.compressed.get(kind, 0) + len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def _resolve(site: Path, base: str, url: str, site_path: str) -> str | None:
    """The file in `site` that `url`, found in file `base` (relative to the site), names; None if external."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") or url.startswith("//"):
        return None
    if parts.scheme == "data" or not parts.path:
        return ""
    path = parts.path
    if path.startswith("/"):  # absolute on the server: strip the site's own path prefix
        path = path[len(site_path) :] if site_path and path.startswith(site_path) else path.lstrip("/")
    else:
        path = posixpath.join(posixpath.dirname(base), path)
    path = posixpath.normpath(path)
    if path.endswith("/") or (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path


def page_weight(site: Path, page: str, site_path: str = "/") -> Weight:
    """The page's HTML and everything it loads, found in `site`."""
    weight = Weight()
    html = (site / page).read_bytes()
    weight.add("html", page, html)
    parser = _Loads()
    parser.feed(html.decode("utf-8"))
    for kind, url in parser.found:
        name = _resolve(site, page, url, site_path)
        if name is None:
            weight.external.add(url)
        elif name and (site / name).is_file():
            data = (site / name).read_bytes()
            weight.add(kind, name, data)
            if kind == "css":
                for reference in _CSS_URL.findall(data.decode("utf-8", "replace")):
                    inner = _resolve(site, name, reference, site_path)
                    if inner is None:
                        weight.external.add(reference)
                    elif inner and (site / inner).is_file():
                        weight.add("font" if inner.lower().endswith(_FONTS) else "image", inner, (site / inner).read_bytes())
    return weight


def search_index(site: Path) -> Path | None:
    for candidate in ("search/search_index.json", "search.json"):
        if (site / candidate).is_file():
            return site / candidate
    return None


def bench_weight(site: Path) -> dict:
    print(f"\n## 3. Page weight: HTML and all it loads, in KB (1 KB = 1,000 bytes), gzip level {GZIP_LEVEL}\n")
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "assets")
    pages.sort(key=lambda name: (name != "index.html", name))
    kinds = ("html", "css", "js", "image", "font")
    header = f"{'page':28}" + "".join(f"{kind + ' gz':>10}" for kind in kinds) + f"{'total raw':>11}{'total gz':>10}"
    print(header)
    print("-" * len(header))
    weights = {}
    for page in pages:
        weight = page_weight(site, page)
        weights[page] = weight
        print(
            f"{page:28}"
            + "".join(f"{weight.compressed.get(kind, 0) / 1000:>10.1f}" for kind in kinds)
            + f"{sum(weight.raw.values()) / 1000:>11.1f}{sum(weight.compressed.values()) / 1000:>10.1f}"
        )
    index = search_index(site)
    index_raw = index.read_bytes() if index else b""
    index_gz = len(gzip.compress(index_raw, GZIP_LEVEL, mtime=0))
    print(
        f"\nsearch index ({index.relative_to(site).as_posix() if index else 'none'}): "
        f"{len(index_raw) / 1000:.1f} KB raw, {index_gz / 1000:.1f} KB gzip; Material fetches it on every page load"
    )
    home = weights.get("index.html")
    theme = sum(size for name, size in _compressed_by_file(site, home).items() if name.startswith(("assets/stylesheets/", "assets/javascripts/")))
    print(f"the theme's own CSS and JS (incl. search worker) on the home page: {theme / 1000:.1f} KB gzip")
    external = set().union(*(weight.external for weight in weights.values()))
    print(f"requests to other hosts: {', '.join(sorted(external)) if external else 'none'}")
    home_total = sum(home.compressed.values()) if home else 0
    return {"home_gz": home_total, "home_with_index_gz": home_total + index_gz, "index_gz": index_gz}


def _compressed_by_file(site: Path, weight: Weight | None) -> dict[str, int]:
    if weight is None:
        return {}
    return {name: len(gzip.compress((site / name).read_bytes(), GZIP_LEVEL, mtime=0)) for name in weight.files}


# --- 4. hostile input --------------------------------------------------------------


def bench_hostile() -> dict:
    """Each worst case at 100 KB and just under the loader's limit, checked in a fresh
    process: parsing, validation and checks should stay linear in the file's size."""
    sizes = (load.MAX_FILE_BYTES // 10, load.MAX_FILE_BYTES)
    print("\n## 4. Hostile input: `generator check` of the tiny briefing with one file replaced (a fresh process each)\n")
    header = f"{'case':24} {'file bytes':>10} {'exit':>5} {'process':>8} {'check':>8} {'growth':>7} {'peak MB':>8} {'lines':>6}  first line printed"
    print(header)
    print("-" * len(header))
    results: dict[str, list[hostile.Result]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as workdir:
        folder = Path(workdir) / "briefing"
        rows = [("tiny, as it is", [hostile.check(folder)])]
        for name, case in hostile.CASES.items():
            results[name] = [hostile.check(folder, case(size)) for size in sizes]
            rows.append((name, results[name]))
    for name, runs in rows:
        for index, run in enumerate(runs):
            growth = f"{run.check_seconds / runs[0].check_seconds:.1f}x" if index and run.check_seconds and runs[0].check_seconds else ""
            check_time = _s(run.check_seconds) if run.check_seconds is not None else "?"
            peak = f"{run.peak_mb:.0f}" if run.peak_mb is not None else "?"
            line = run.first_line if len(run.first_line) <= 72 else run.first_line[:71] + "…"
            print(
                f"{'' if index else name:24} {f'{run.size:,}' if run.size else '-':>10} {run.status:>5} {_s(run.seconds):>8} {check_time:>8} {growth:>7} {peak:>8} {run.lines:>6,}  {line}"
            )
    print("\nexit 1: refused, every problem located; 0: valid. process: wall time of the whole check, from Python's start;")
    print("check: of the check alone, without the start and the imports; growth: the check's time at 10x the bytes;")
    print("peak MB: the process's peak memory (resident); lines: how many it printed (a problem a line, then a count).")
    print(f"A check still running after {hostile.TIMEOUT} s is killed.")
    return results


# --- 5. the live preview ------------------------------------------------------------


def bench_preview(edits: int) -> dict:
    print(f"\n## 5. The live preview: from saving a one-field edit to the open page showing it ({edits} edits)\n")
    if not preview.chromium_available():
        print("skipped: Chromium is missing (`make chromium`)")
        return {}
    timed = preview.time_edits(edits)
    median, burst = preview.report(timed)
    figures = timed[0]
    print(
        f"\nEach edit changes {preview.EDITED_FILE} in a copy of the real briefing; the page {preview.PAGE} is open in "
        "headless Chromium and polled until it shows the new text, after the preview's own reload."
    )
    return {"median": median, "figures": figures, "burst": burst}


# --- 6. the figure check ---------------------------------------------------------


FIGURE_SIZES = ((100, 2), (100, 8), (1_000, 2), (1_000, 8))


def bench_figures() -> dict:
    print("\n## 6. The figure check: N figures in facts, each against M articles (half English, half French)\n")
    print("| figures | articles | check |\n| ---: | ---: | ---: |")
    timed = {}
    for figures, articles in FIGURE_SIZES:
        timed[(figures, articles)] = min(time_figure_check(figures, articles) for _ in range(3))
        print(f"| {figures:,} | {articles} | {_ms(timed[(figures, articles)])} |")
    return timed


# --- summary -----------------------------------------------------------------------


def summary(generator: dict, build: dict, weight: dict, hostile_results: dict, preview_results: dict, figure_results: dict) -> None:
    print("\n## Targets\n")
    lines = []
    for overhead, wall, when in (
        (build["cpu_overhead"], build["overhead"], "a build with nothing changed"),
        (build["cold_cpu_overhead"], build["cold_overhead"], "a first build, or one after an edit"),
    ):
        lines.append(
            (
                overhead <= TARGETS["overhead"],  # CPU time: steady on a busy machine
                f"generator adds at most {TARGETS['overhead']:.0%} to the MkDocs build, {when}: {overhead:+.0%} CPU time ({wall:+.0%} wall-clock)",
            )
        )
    synthetic = generator["synthetic"]
    if 10_000 in synthetic:
        seconds = synthetic[10_000].total
        lines.append(
            (
                seconds < TARGETS["seconds_10k"],
                f"10,000 events in under {TARGETS['seconds_10k']:.0f} s: {_s(seconds)} (this machine: {os.cpu_count()} cores; the generator uses one)",
            )
        )
    sizes = sorted(synthetic)
    for small, large in zip(sizes, sizes[1:], strict=False):
        if large == small * 10:
            factor = synthetic[large].total / synthetic[small].total
            lines.append((factor <= TARGETS["growth"], f"{small:,} -> {large:,} events: {factor:.1f}x the time (at most {TARGETS['growth']:.0f}x)"))
    lines.append(
        (
            weight["home_gz"] / 1000 < TARGETS["home_kb"],
            f"home page and all it loads under {TARGETS['home_kb']:.0f} KB gzip: {weight['home_gz'] / 1000:.1f} KB "
            f"({weight['home_with_index_gz'] / 1000:.1f} KB with the search index)",
        )
    )
    if hostile_results:
        largest = [runs[-1] for runs in hostile_results.values()]
        slowest, heaviest = max(run.seconds for run in largest), max(run.peak_mb or float("inf") for run in largest)
        lines.append(
            (
                slowest < TARGETS["hostile_seconds"] and heaviest < TARGETS["hostile_mb"],
                f"every 1 MB worst case checked in under {TARGETS['hostile_seconds']:.0f} s and {TARGETS['hostile_mb']:.0f} MB: "
                f"slowest {_s(slowest)}, largest {heaviest:.0f} MB",
            )
        )
        growth = max((runs[-1].check_seconds or float("inf")) / (runs[0].check_seconds or 1e-9) for runs in hostile_results.values())
        lines.append(
            (growth <= TARGETS["growth"], f"100 KB -> 1 MB worst cases: the check's time grows at most {growth:.1f}x (at most {TARGETS['growth']:.0f}x)")
        )
    if preview_results:
        lines.append(
            (
                preview_results["median"] <= TARGETS["preview_seconds"],
                f"an edit shows on the open preview page within {TARGETS['preview_seconds']} s (median): {preview_results['median']:.2f} s",
            )
        )
        lines.append(
            (
                preview_results["burst"] <= TARGETS["preview_seconds"],
                f"after {preview.BURST_SAVES} saves within one second, the page shows the last within {TARGETS['preview_seconds']} s: "
                f"{preview_results['burst']:.2f} s",
            )
        )
    if figure_results:
        growth = figure_results[(1_000, 8)] / figure_results[(100, 8)]
        lines.append((growth <= TARGETS["growth"], f"100 -> 1,000 figures against 8 articles: {growth:.1f}x the time (at most {TARGETS['growth']:.0f}x)"))
    for passed, text in lines:
        print(f"  [{'met ' if passed else 'MISS'}] {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, help="check quotes and figures against this folder of articles, as `make site` does")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="synthetic briefing sizes, in events (default: %(default)s)")
    parser.add_argument("--build-runs", type=int, default=5, help="runs of each build; the median counts (default: %(default)s)")
    parser.add_argument("--preview-edits", type=int, default=8, help="edits timed in the live preview (default: %(default)s)")
    parser.add_argument(
        "--only",
        choices=["generator", "build", "hostile", "preview", "figures"],
        help="run one section: generator (1), build (2 and 3, the page weight needs the build), hostile (4), preview (5) or figures (6); "
        "default: every section and the targets",
    )
    arguments = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # show each table as it is measured
    sizes = tuple(int(size) for size in arguments.sizes.split(",") if size.strip())

    print(
        f"# Benchmark: Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"YAML loader {'libyaml (C)' if getattr(load, '_BaseLoader', None) is getattr(__import__('yaml'), 'CSafeLoader', None) else 'pure Python'}"
    )
    only = arguments.only
    if only in (None, "generator"):
        generator = bench_generator(sizes, arguments.archive)
    if only in (None, "build"):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as workdir:
            build = bench_build(Path(workdir), arguments.archive, arguments.build_runs)
            weight = bench_weight(build["site"])
    if only in (None, "hostile"):
        hostile_results = bench_hostile()
    if only in (None, "preview"):
        preview_results = bench_preview(arguments.preview_edits)
    if only in (None, "figures"):
        figure_results = bench_figures()
    if only is None:
        summary(generator, build, weight, hostile_results, preview_results, figure_results)
    print("\nRun again with `make bench`; figures vary by machine and load.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
