"""The built site in a real browser (Debian's Chromium, driven by Playwright), served
on 127.0.0.1: search finds the right pages, every page loads cleanly and asks no other
host for anything, axe-core finds no WCAG 2.1 A/AA violation in light or dark, nothing
scrolls sideways on a 375 px phone, and every page is photographed for a person to see.

Chromium comes from apt (`make test` installs it where it is missing). Without it the
tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import re
import time
from urllib.parse import urlsplit

import pytest

from browser import (
    CHROMIUM, MATERIAL_SCHEME, README_SHOTS, ROOT, SCHEMES, chromium_available, launch, new_context, page_paths, serve,
    settle, slug,
)
from conftest import SCREENSHOTS

PATHS = page_paths()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# What a reader searching for these words should be offered among the first three results:
# the page, and where given, the section of that page the result links to.
SEARCHES = {
    "Bessent": ("/players/", "player-bessent"),        # his entry among the key players
    "145": ("/tariffs/", None),                        # the tariff table: 145% before the truce
    "rare earth": ("/issues/", "issue-rare-earths"),   # the sticking point of that name
    "Geneva": ("/differences/", "difference-tariff-cuts-origin"),  # what the articles say of the Geneva agreement
}


# --- the browser, the server, the tabs ----------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    if not chromium_available():
        reason = (f"{CHROMIUM} is missing, so the site cannot be tested in a browser; "
                  "install Debian's chromium (`apt-get install chromium`; `make test` does it)")
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}. CI=true: the browser tests must run.", pytrace=False)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def site_url(real_site):
    with serve(real_site.site) as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def is_local(url: str) -> bool:
    return url.startswith(("data:", "blob:")) or urlsplit(url).hostname in ("127.0.0.1", "localhost")


class Tab:
    """One page in its own context (a colour scheme on a device), reused from test to test.
    Records, since the last `open`, console errors, uncaught exceptions, failed responses
    and every request to a host other than the local server (which is not let out)."""

    def __init__(self, browser, base: str, scheme: str, device: str):
        self.base = base
        self.problems: list[str] = []
        self.foreign: list[str] = []
        self.context = new_context(browser, scheme, device)
        self.context.on("request", self._on_request)  # the page's and its workers' (search index)
        self.context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        self.page.on("response", self._on_response)

    def _on_request(self, request):
        if not is_local(request.url):
            self.foreign.append(f"{request.resource_type} {request.url}")

    def _on_console(self, message):
        if message.type == "error":
            location = message.location or {}
            self.problems.append(f"console error: {message.text} ({location.get('url', '?')}:{location.get('lineNumber', '?')})")

    def _on_response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def trouble(self) -> list[str]:
        return self.problems + [f"request to another host: {request}" for request in self.foreign]

    def open(self, path: str, wait_until: str = "load"):
        self.problems.clear()
        self.foreign.clear()
        response = self.page.goto(self.base + path, wait_until=wait_until)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        settle(self.page)
        return self.page


@pytest.fixture(scope="session")
def tabs(browser, site_url):
    """tabs(scheme, device): the shared tab for that combination, made on first use."""
    made: dict[tuple[str, str], Tab] = {}

    def tab(scheme: str = "light", device: str = "desktop") -> Tab:
        if (scheme, device) not in made:
            made[scheme, device] = Tab(browser, site_url, scheme, device)
        return made[scheme, device]

    yield tab
    for made_tab in made.values():
        made_tab.context.close()


@pytest.fixture(scope="session")
def screenshots(request, tmp_path_factory, chromium):
    """This run's own folder of screenshots (runs side by side do not mix); its path is
    printed at the end. pytest keeps the last three runs' folders."""
    folder = tmp_path_factory.mktemp("screenshots", numbered=False)
    request.config.stash[SCREENSHOTS] = folder
    print(f"\nscreenshots: {folder}")
    return folder


def photograph(page, folder, path: str, device: str, scheme: str) -> None:
    page.screenshot(path=str(folder / f"{slug(path)}-{device}-{scheme}.png"), full_page=True,
                    animations="disabled", caret="hide")


# --- every page loads cleanly --------------------------------------------------------

@pytest.mark.parametrize("path", PATHS)
def test_page_loads_without_errors_or_requests_to_other_hosts(tabs, path):
    tab = tabs("light", "desktop")
    page = tab.open(path, wait_until="networkidle")
    assert page.locator("h1").first.is_visible(), f"{path} shows no heading"
    trouble = tab.trouble()
    assert not trouble, f"{path}:\n" + "\n".join(trouble)


# --- search --------------------------------------------------------------------------

def search(tab: Tab, query: str) -> list[tuple[str, list[str]]]:
    """Type `query` in the search box as a reader would; the results, one per page in
    the order shown: (page path, the section anchors it links to)."""
    page = tab.open("/")
    page.keyboard.press("/")  # Material's keyboard shortcut for the search box
    box = page.locator("input.md-search__input")
    assert box.evaluate("element => element === document.activeElement"), "'/' did not focus the search box"
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
    box.press_sequentially(query, delay=20)

    read = """() => [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]
                   .map(item => [...item.querySelectorAll('a.md-search-result__link')].map(a => a.href))"""
    # Each keystroke asks the search worker again: wait until the list stops changing.
    results, deadline = None, time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.25)
        current = page.evaluate(read)
        if current and current == results:
            break
        results = current
    assert results, f"searching {query!r} lists nothing"
    trouble = tab.trouble()
    assert not trouble, f"searching {query!r}:\n" + "\n".join(trouble)
    return [(urlsplit(links[0]).path, [urlsplit(link).fragment for link in links if urlsplit(link).fragment])
            for links in results]


@pytest.mark.parametrize("query", SEARCHES)
def test_search_offers_the_right_page_among_the_first_three(tabs, query):
    expected_page, expected_anchor = SEARCHES[query]
    results = search(tabs("light", "desktop"), query)
    shown = "\n".join(f"  {number}. {path} {' '.join('#' + a for a in anchors)}"
                      for number, (path, anchors) in enumerate(results[:5], 1))
    top = results[:3]
    assert expected_page in [path for path, _ in top], (
        f"searching {query!r}: {expected_page} is not among the first three results:\n{shown}")
    if expected_anchor:
        anchors = next(anchors for path, anchors in top if path == expected_page)
        assert any(anchor.startswith(expected_anchor) for anchor in anchors), (
            f"searching {query!r}: the {expected_page} result does not link to #{expected_anchor}…:\n{shown}")


# --- accessibility -------------------------------------------------------------------

def axe_violations(page, **options) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"], **options}
    found = []
    for violation in Axe().run(page, options=options).response["violations"]:
        nodes = violation["nodes"]
        targets = "; ".join(" ".join(node["target"]) for node in nodes[:6]) + (f"; … {len(nodes) - 6} more" if len(nodes) > 6 else "")
        detail = " ".join(nodes[0].get("failureSummary", "").split("\n")[1:2]).strip()
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                     f"    at {targets}\n    {detail}")
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PATHS)
def test_page_passes_axe_wcag_21_aa(tabs, screenshots, path, scheme):
    tab = tabs(scheme, "desktop")
    page = tab.open(path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == MATERIAL_SCHEME[scheme], "palette not applied"
    photograph(page, screenshots, path, "desktop", scheme)
    violations = axe_violations(page)
    assert not violations, f"{path} ({scheme}): axe finds\n" + "\n".join(violations)
    trouble = tab.trouble()
    assert not trouble, f"{path} ({scheme}):\n" + "\n".join(trouble)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_dialog_passes_axe(tabs, scheme):
    tab = tabs(scheme, "desktop")
    search(tab, "rare earth")
    page = tab.page
    assert page.locator(".md-search-result__item").first.is_visible()
    assert page.get_by_role("dialog", name="Search").count() == 1, "the search dialog has no accessible name"
    violations = axe_violations(page)
    violations += axe_violations(page, runOnly={"type": "rule", "values": ["aria-dialog-name"]})
    assert not violations, f"search dialog ({scheme}): axe finds\n" + "\n".join(violations)


# --- phones --------------------------------------------------------------------------

# The page's width and layout width, and the elements that stick out past the right edge
# without a scrolling or clipping box to hold them (what makes the page scroll sideways).
OVERFLOW_JS = """() => {
    const root = document.documentElement, width = root.clientWidth;
    const heldIn = element => {  // is it inside a box that clips or scrolls its overflow?
        let position = getComputedStyle(element).position;
        for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
            if (position === 'fixed') return true;
            const style = getComputedStyle(box);
            if (position === 'absolute' && style.position === 'static' && style.transform === 'none') continue;
            if (style.overflowX !== 'visible') return true;
            position = style.position;
        }
        return position === 'fixed';
    };
    const describe = element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
        + [...element.classList].map(name => '.' + name).join('');
    const widest = [...document.body.querySelectorAll('*')]
        .map(element => [element, element.getBoundingClientRect().right])
        .filter(([element, right]) => right > width + 0.5 && !heldIn(element))
        .sort((a, b) => b[1] - a[1]).slice(0, 6)
        .map(([element, right]) => `${describe(element)} in ${describe(element.parentElement)}: right edge at ${Math.round(right)} px`);
    return [width, root.scrollWidth, widest];
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PATHS)
def test_nothing_scrolls_sideways_on_a_phone(tabs, screenshots, path, scheme):
    page = tabs(scheme, "phone").open(path)
    photograph(page, screenshots, path, "phone", scheme)
    width, scroll_width, widest = page.evaluate(OVERFLOW_JS)
    assert width == 375
    assert scroll_width <= width, (
        f"{path} ({scheme}) is {scroll_width} px wide on a {width} px phone; sticking out:\n  " + "\n  ".join(widest))


# --- the README's pictures -----------------------------------------------------------

def test_the_readme_shows_the_screenshots_that_make_screenshots_writes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"assets/screenshots/[\w.-]+\.png", readme)
    assert sorted(set(shown)) == sorted(f"assets/screenshots/{filename}" for filename, *_ in README_SHOTS)
    for name in shown:
        picture = ROOT / name
        assert picture.is_file(), f"{name} is missing: run `make screenshots`"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{name} is not a PNG"
        assert picture.stat().st_size < 150_000, f"{name} weighs {picture.stat().st_size // 1024} KB"
