"""Two more made-up briefings, each built once per test session by both engines, read
as a reader reads them: `storm` (English, no sides, no measures, its own units and
venues, a free page) and `french` (written in French, its own sections in its own
order). The generator must know nothing of any one story, nor of English.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT
from generator.content.briefing import EMBED_PREFIX
from generator.i18n import messages as messages_module
from generator.i18n.messages import Messages
from pages import Element, parse_html

BRIEFINGS_DIR = Path(__file__).resolve().parent / "briefings"
BRIEFINGS = ("storm", "french")  # "squall", the storm in numbers, has tests of its own (test_storm_numbers.py)
ENGINES = ("mkdocs", "zensical")
CATALOGUES = Path(__file__).resolve().parent.parent / "generator" / "i18n" / "messages"
ENGLISH = messages_module.shipped("en")  # the generator's and its kinds', as it reads them: a key twice is an error
FRENCH = messages_module.shipped("fr")
ENGLISH_MONTHS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
BASE = "http://site.test/"  # built pages' addresses are resolved against this


def declared(name: str) -> dict:
    return yaml.safe_load((BRIEFINGS_DIR / name / "briefing.yml").read_text(encoding="utf-8"))


def declared_pages(name: str) -> list[tuple[str, str, str]]:
    """(kind, title, address) of each section, in the declared order; the first is the home page."""
    sections = declared(name)["sections"]
    return [
        (section["kind"], section["title"], BASE if index == 0 else f"{BASE}{section.get('slug') or Path(section.get('file') or section['kind']).stem}/")
        for index, section in enumerate(sections)
    ]


def address_of(name: str, kind: str) -> str:
    return next(address for page_kind, _, address in declared_pages(name) if page_kind == kind)


class Site:
    """A built site, read page by page as a reader's browser would."""

    def __init__(self, root: Path):
        self.root = root

    def file(self, address: str) -> Path:
        path = urlsplit(address).path.removeprefix("/")
        return self.root / path / "index.html" if path == "" or path.endswith("/") else self.root / path

    def html(self, address: str) -> str:
        return self.file(address).read_text(encoding="utf-8")

    def page(self, address: str) -> Element:
        return parse_html(self.html(address))

    def article(self, address: str) -> Element:
        return self.page(address).find("article")

    def addresses(self) -> list[str]:
        """Every page of the site, by address (the theme's assets left out)."""
        pages = []
        for path in sorted(self.root.rglob("*.html")):
            relative = path.relative_to(self.root)
            if relative.parts[0] == "assets":
                continue
            pages.append(
                BASE
                + (
                    relative.parent.as_posix() + "/"
                    if relative.name == "index.html" and relative.parent.parts
                    else ""
                    if relative.name == "index.html"
                    else relative.as_posix()
                )
            )
        return pages


@pytest.fixture(scope="session")
def sites(built):
    """Each briefing built by each engine, once per session, on first use; its archive checked too."""

    def site(name: str, engine: str) -> Site:
        return Site(built(BRIEFINGS_DIR / name, engine).site)

    return site


def nav(page: Element, address: str) -> list[tuple[str, str]]:
    """The site navigation on a page: (title, address) of each page it lists, in order."""
    primary = next(element for element in page.find_all("nav") if "md-nav--primary" in element.classes)
    items = []
    for link in primary.find_all("a", cls="md-nav__link"):
        href = link.attrs.get("href", "")
        if "#" in href:  # the table of contents of the current page, not a page
            continue
        item = (spaced(link.text()), urljoin(address, href))
        if item not in items:
            items.append(item)
    return items


def links(element: Element, address: str) -> list[str]:
    """Every link target in `element`, as an absolute address."""
    return [urljoin(address, link.attrs["href"]) for link in element.find_all("a") if link.attrs.get("href")]


def internal(target: str) -> bool:
    return target.startswith(BASE)


def spaced(text: str) -> str:
    """Runs of white space, no-break spaces included, as one space (see the no-break test below)."""
    return " ".join(text.split())


def read(element: Element) -> str:
    """An element's text as a reader reads it, the headings' permalink sign left out."""
    return spaced(element.text(skip=lambda child: "headerlink" in child.classes))


def headings(article: Element, levels: str = "23456") -> list[Element]:
    """The headings the page's own content makes, not the theme's list of the page's sources."""

    def in_aside(element: Element) -> bool:
        while element is not None:
            if element.tag == "aside":
                return True
            element = element.parent
        return False

    return [element for element in article.elements() if re.fullmatch(f"h[{levels}]", element.tag) and not in_aside(element)]


# --- both briefings, both engines ------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", (*BRIEFINGS, "squall"))
def test_every_declared_section_is_a_page_listed_in_the_declared_order(sites, name, engine):
    site = sites(name, engine)
    pages = declared_pages(name)
    expected = [(title, address) for _, title, address in pages]
    for _, title, address in pages:
        assert site.file(address).is_file(), f"{title}: no page at {address}"
        assert nav(site.page(address), address) == expected, f"the navigation on {address}"
    embeds = {address for address in site.addresses() if address.startswith(BASE + EMBED_PREFIX)}  # a section's figure alone
    assert sorted(set(site.addresses()) - {BASE + "404.html"} - embeds) == sorted(address for *_, address in pages), (
        "a page no section declares, or a declared section without a page"
    )
    assert {address.replace(EMBED_PREFIX, "", 1) for address in embeds} <= {address for *_, address in pages}, "an embed page of no section"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", (*BRIEFINGS, "squall"))
def test_every_link_between_pages_leads_to_a_page_and_an_anchor_on_it(sites, name, engine):
    site = sites(name, engine)
    for address in site.addresses():
        for target in links(site.page(address), address):
            if not internal(target) or urlsplit(target).path.startswith("/assets/") or target.endswith((".xml", ".svg")):
                continue
            page, _, anchor = target.partition("#")
            assert site.file(page).is_file(), f"{address} links to {target}, which is not a page of the site"
            if anchor:
                assert site.page(page).find_all(id=anchor), f"{address} links to {target}, which has no #{anchor}"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", BRIEFINGS)
def test_the_free_page_links_to_the_timeline(sites, name, engine):
    site = sites(name, engine)
    free_page, timeline = address_of(name, "page"), address_of(name, "timeline")
    targets = [target for target in links(site.article(free_page), free_page) if target.partition("#")[0] == timeline]
    assert targets, f"the free page has no link to the timeline ({timeline})"
    assert [target for target in targets if "#" not in target], "a link to the timeline page itself"
    for target in targets:
        _, _, anchor = target.partition("#")
        assert site.file(timeline).is_file()
        if anchor:
            assert site.article(timeline).find_all(id=anchor), f"the timeline has no #{anchor}"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", BRIEFINGS)
def test_the_free_page_headings_are_headings(sites, name, engine):
    text = (BRIEFINGS_DIR / name / next(section["file"] for section in declared(name)["sections"] if section["kind"] == "page")).read_text(encoding="utf-8")
    wanted = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    article = sites(name, engine).article(address_of(name, "page"))
    assert [read(heading) for heading in headings(article)] == wanted
    assert "##" not in article.text()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", BRIEFINGS)
def test_the_feed_speaks_the_briefings_language(sites, name, engine):
    feed = ElementTree.parse(sites(name, engine).root / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == declared(name)["language"]
    assert feed.findall("{http://www.w3.org/2005/Atom}entry"), "the updates are in the feed"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", BRIEFINGS)
def test_every_page_declares_the_briefings_language(sites, name, engine):
    site = sites(name, engine)
    for address in site.addresses():
        assert site.page(address).find("html").attrs.get("lang") == declared(name)["language"], address


# --- the storm: no sides, no measures ----------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_the_storm_has_no_measures_page_and_no_link_to_one(sites, engine):
    site = sites("storm", engine)
    assert not [path for path in site.root.iterdir() if path.name in ("measures", "tariffs", "tarifs")]
    for address in site.addresses():
        page = site.page(address)
        for target in links(page, address):
            assert not re.search(r"measure|tariff", urlsplit(target).path), f"{address} links to {target}"
        assert not page.find_all(cls="measure-table") and not page.find_all(cls="chart"), address
    cards = site.article(BASE).find_all(cls="figure-value")
    assert [read(card) for card in cards] == ["up to 95 mph", "about 4,200", "38%", "112 mm"], (
        "the key figures, in the briefing's own units, and no before → now card"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_the_storm_people_are_not_grouped_by_side(sites, engine):
    address = address_of("storm", "people")
    article = sites("storm", engine).article(address)
    people = yaml.safe_load((BRIEFINGS_DIR / "storm" / "people.yml").read_text(encoding="utf-8"))
    found = headings(article)
    assert [heading.attrs.get("id") for heading in found] == [f"player-{person['id']}" for person in people]
    assert [read(heading) for heading in found] == [person["name"] for person in people]
    assert {heading.tag for heading in found} == {"h2"}, "each person is a section of the page, not of a side"
    assert not [heading for heading in found if heading.attrs.get("id", "").startswith("side-")]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_storm_speaks_its_own_units_and_venues(sites, engine):
    site = sites("storm", engine)
    quotes = read(site.article(address_of("storm", "quotes")))
    for venue in ("evacuation order", "radio interview", "press conference"):
        assert f", {venue}, " in quotes
    assert "not stated" not in quotes, "a venue `not stated` is left out"
    timeline = read(site.article(address_of("storm", "timeline")))
    assert "October 14, 2025" in timeline and "Tuesday night" in timeline and "1987" in timeline


# --- the French briefing -------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_the_french_site_writes_dates_in_french(sites, engine):
    site = sites("french", engine)
    home = read(site.article(BASE))
    assert "Mis à jour le 6 juin 2025" in home
    assert "5 juin 2025" in home, "the updates, dated in French"
    timeline = read(site.article(address_of("french", "timeline")))
    for date in ("5 juin 2025", "mars 2024", "janvier 2026", "2028"):
        assert date in timeline
    feed = (site.root / "feed.xml").read_text(encoding="utf-8")
    assert "<title>6 juin 2025" in feed
    for address in site.addresses():
        assert not ENGLISH_MONTHS.search(site.article(address).text()), f"an English month on {address}"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_french_site_speaks_french(sites, engine):
    site = sites("french", engine)
    home = site.article(BASE)
    shown = [read(heading) for heading in headings(home, "2")]
    assert shown == [spaced(FRENCH[key]) for key in ("key_takeaways", "what_happens_next", "in_this_briefing", "updates")]
    for address in site.addresses():
        page = site.page(address)
        html = site.html(address)
        for key in ("key_takeaways", "sources_for_this_page", "what_happens_next", "in_this_briefing"):
            assert ENGLISH[key] not in html, f"{address}: the English “{ENGLISH[key]}”"
        for aside in page.find_all("aside", cls="page-sources"):
            assert read(aside.find("h2")) == spaced(FRENCH["sources_for_this_page"]), address
    assert site.page(BASE).find_all("aside", cls="page-sources"), "the home page lists its sources"
    search = site.page(BASE).find(cls="md-search")
    assert search.attrs.get("aria-label") == "Recherche", "the theme's own words, in French"
    if engine == "mkdocs":
        assert search.find("input", cls="md-search__input").attrs.get("placeholder") == "Rechercher"
    else:  # Zensical's own search button (overrides/partials/search.html)
        assert read(search.find("button", cls="md-search__button")) == "Recherche"


@pytest.mark.parametrize("engine", ENGINES)
def test_no_english_interface_words_on_the_french_site(sites, engine):
    """Every piece of en.yml's text that its French translation does not share is
    nowhere on the French site: the generator spoke no English."""
    site = sites("french", engine)
    # schema.org's names (`"about":`) are the machine's, as CSV and JSON keep theirs: their values are not.
    machine_names = re.compile(r'"@?[A-Za-z]+":')
    pages = {address: machine_names.sub("", site.html(address)) for address in site.addresses()}
    for key, english in ENGLISH.items():
        for piece in re.split(r"\{\w+\}", english or ""):
            piece = piece.strip(" .:“”")
            if len(piece) < 4 or piece in FRENCH[key]:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)")
            for address, html in pages.items():
                assert not pattern.search(html), f"{address}: “{piece}” ({key}) is English"


@pytest.mark.parametrize("engine", ENGINES)
def test_the_french_sections_keep_their_own_words(sites, engine):
    site = sites("french", engine)
    positions = site.article(address_of("french", "positions"))
    sides = [read(strong) for strong in positions.find_all("strong")]
    assert [side for side in sides if side.startswith("Majorité municipale")] and [side for side in sides if side.startswith("Usagers")]
    people = site.article(address_of("french", "people"))
    groups = [read(heading) for heading in headings(people, "2")]
    assert groups == ["Majorité municipale", "Opposition municipale", "Usagers", spaced(FRENCH["people_without_side"])]
    fares = read(site.article(address_of("french", "measures")))
    assert "Jusqu’au 30 juin" in fares and "Dès le 1er juillet" in fares and "45 € → 38 €" in fares
    assert spaced(FRENCH["each_measure"]) in fares


@pytest.mark.parametrize("engine", ENGINES)
def test_the_french_quotes_stand_in_french_quotation_marks(sites, engine):
    article = sites("french", engine).article(address_of("french", "quotes"))
    for quote in article.find_all("blockquote", cls="quote--direct"):
        words = read(quote.find("p"))
        assert words.startswith("«") and "»" in words, words


@pytest.mark.parametrize("engine", ENGINES)
def test_french_no_break_spaces_are_kept(sites, engine):
    site = sites("french", engine)
    home = site.article(BASE)
    assert FRENCH["what_happens_next"] in [heading.text(skip=lambda child: "headerlink" in child.classes).strip() for heading in headings(home, "2")]
    assert "45\u202f€" in site.article(address_of("french", "measures")).text()


# --- the catalogues --------------------------------------------------------------------------


def test_a_catalogue_with_a_key_written_twice_is_refused(tmp_path, monkeypatch):
    (tmp_path / "en.yml").write_text('corrections: "Corrections"\ncolon: ": "\ncorrections: "Corrections: {corrections}"\n', encoding="utf-8")
    monkeypatch.setattr(messages_module, "CATALOGUES", tmp_path)
    with pytest.raises(messages_module.CatalogueError, match="key 'corrections' appears twice in this mapping \\(first on line 1\\)"):
        messages_module._read("en")


def test_the_french_catalogue_has_the_english_keys_and_placeholders():
    def placeholders(text):
        return sorted(re.findall(r"\{(\w+)\}", text or ""))

    for folder in messages_module.catalogue_folders():  # each catalogue folder, the generator's and each kind's
        assert list(messages_module._read("fr", folder)) == list(messages_module._read("en", folder)), f"{folder}: the same keys, in the same order"
    for key, english in ENGLISH.items():
        assert placeholders(FRENCH[key]) == placeholders(english), key
        assert bool(FRENCH[key]) == bool(english), f"{key}: empty in one catalogue only"
        assert "“" not in (FRENCH[key] or "") and "”" not in (FRENCH[key] or ""), f"{key}: French quotes are « »"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", BRIEFINGS)
def test_every_page_footer_names_the_publisher_and_how_to_report_a_mistake(sites, name, engine):
    site = sites(name, engine)
    briefing = declared(name)
    words = Messages(briefing.get("language", "en")).all()
    for address in [address for address in site.addresses() if "/embed." not in address]:  # embeds carry no footer
        footer = site.page(address).find(cls="briefing-footer")
        text = spaced(footer.text())
        assert text == spaced(
            f"{words['published_by']} {briefing['publisher']} {words['corrections']}{words['colon']}{briefing['corrections']} {words['follow_updates']}"
        ), address
        assert any(link.attrs.get("href", "").endswith("feed.xml") for link in footer.find_all("a")), "the updates feed"


SOURCE_FILES = [path for folder in ("generator", "overrides") for path in sorted((ROOT / folder).rglob("*")) if path.suffix in (".py", ".j2", ".html", ".js")]
USED_KEY = re.compile(r"""(?:\b(?:t|messages|self\.messages|context\.messages|words)\[["'](?P<a>\w+)["']\]|\.format\(["'](?P<b>\w+)["'])""")
THEME_KEY = re.compile(r"\bwords\.(\w+)")  # the theme's overrides: `{{ words.sources_for_this_page }}`


def dynamic_keys() -> set[str]:
    """Keys made from a name: each kind's intro and summary, each date precision's
    `from_…`, and the scheme toggles named in mkdocs.yml."""
    from generator.kinds.registry import KINDS

    palette = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["palette"]
    return (
        {f"{kind}_intro" for kind in KINDS}
        | {f"summary_{kind}" for kind in KINDS}
        | {f"from_{precision}" for precision in ("day", "month", "year")}
        | {scheme["toggle"]["name"] for scheme in palette}
    )


def test_every_key_the_code_uses_is_in_every_catalogue_and_every_key_is_used():
    texts = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE_FILES)
    theme = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE_FILES if path.suffix == ".html")
    used = {next(group for group in match.groups() if group) for match in USED_KEY.finditer(texts)} | set(THEME_KEY.findall(theme)) | dynamic_keys()
    for name, catalogue in (("en", ENGLISH), ("fr", FRENCH)):
        assert sorted(used - set(catalogue)) == [], f"{name}.yml lacks keys the code uses"
    named = {key for key in ENGLISH if re.search(r"""["'.]""" + re.escape(key) + r"\b", texts)} | dynamic_keys()
    assert sorted(set(ENGLISH) - named) == [], "keys no code uses: delete them from every catalogue"
