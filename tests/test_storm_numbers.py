"""The storm briefing's numbers as a reader meets them: its `figures` table (single values,
a range, an approximation, each with its markers), its `guidance` page (advice grouped by
who gives it), the ranges on the home page's cards, and the CSV a reader takes away, built
by both engines. Every value here is checked against the articles when the site is built."""

from __future__ import annotations

import csv
import io

import pytest
from test_briefings import BRIEFINGS_DIR, ENGINES, Site, address_of, read, spaced

from generator.content.models import Quantity, UnitFormat
from generator.i18n.messages import Messages
from generator.present.values import Presenter


@pytest.fixture(scope="session")
def squall(built):
    def site(engine: str) -> Site:
        return Site(built(BRIEFINGS_DIR / "squall", engine).site)

    return site


def without_markers(element) -> str:
    """An element's text as read, its source markers (and their popovers) left out."""
    return spaced(element.text(skip=lambda child: bool({"cite", "headerlink"} & child.classes)))


def marked(element) -> bool:
    return bool(element.find_all(cls="cite-marker"))


@pytest.mark.parametrize("engine", ENGINES)
def test_the_figures_table_reads_each_value_as_the_articles_give_it(squall, engine):
    site = squall(engine)
    article = site.article(address_of("squall", "figures"))
    table = article.find("table")
    assert [read(cell) for cell in table.find("thead").find_all("th")] == ["What", "Figure", "When", "Sources"]
    body = table.find("tbody").find_all("tr")
    assert {cell.parent.tag for row in body for cell in row.find_all("td")} == {"tr"}, "a cell outside its row (a paragraph around it)"
    assert [len(row.find_all("td")) for row in body] == [3] * len(body)
    rows = [(row.attrs.get("id"), *(without_markers(cell) for cell in [row.find("th"), *row.find_all("td")][:3]), marked(row)) for row in body]
    assert rows == [
        ("figure-strongest-gust", "Strongest gust at landfall", "up to 118 mph", "November 4, 2025*", True),
        ("figure-rainfall", "Rain in 24 hours at the harbour gauge", "312 mm", "–", True),
        ("figure-more-rain", "More rain expected by Thursday", "50–80 mm", "–", True),
        ("figure-evacuated", "Residents evacuated", "about 12,000", "–", True),
        ("figure-waves", "Highest waves at the harbour wall", "6.1 m", "–", True),
    ]
    assert "* November 4, 2025: date supplied by the editor; the articles say “on Tuesday”." in read(article)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_guidance_page_says_whose_advice_each_item_is(squall, engine):
    article = squall(engine).article(address_of("squall", "guidance"))
    groups = [
        (read(lead), [(item.attrs.get("id"), without_markers(item), marked(item)) for item in lead.next_sibling("ul").find_all("li")])
        for lead in article.find_all(cls="advice-from")
    ]
    assert groups == [
        (
            "Advice from the regional council:",
            [("advice-boil-water", "Boil tap water until further notice.", True), ("advice-seafront", "Keep away from the seafront.", True)],
        ),
        ("Advice the articles report without naming who gives it:", [("advice-schools", "Schools will stay closed for five days.", True)]),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_range_and_an_approximation_on_the_home_page_cards(squall, engine):
    home = read(squall(engine).article(address_of("squall", "overview")))
    for card in ("up to 118 mph the strongest gust as Iris made landfall", "about 12,000 residents evacuated", "50–80 mm more rain expected by Thursday"):
        assert card in home


def test_the_figures_data_keeps_a_range_as_its_two_ends(squall):
    text = (squall("mkdocs").root / "data" / "figures-table.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    quantity = [(row["id"], row["value_value"], row["value_min"], row["value_max"], row["value_approximate"], row["value_unit"]) for row in rows]
    assert quantity == [
        ("strongest-gust", "", "", "118", "false", "mph"),
        ("rainfall", "312", "", "", "false", "millimetres"),
        ("more-rain", "", "50", "80", "false", "millimetres"),
        ("evacuated", "12000", "", "", "true", "residents"),
        ("waves", "6.1", "", "", "false", "metres"),
    ]


@pytest.mark.parametrize(
    "language, quantity, shown",
    [
        ("en", {"min": 50, "max": 80}, "50–80 mm"),
        ("fr", {"min": 50, "max": 80}, "50 à 80 mm"),
        ("en", {"value": 600, "approximate": "under"}, "nearly 600 mm"),
        ("fr", {"value": 600, "approximate": "under"}, "près de 600 mm"),
        ("en", {"value": 3, "approximate": "over"}, "more than 3 mm"),
        ("fr", {"min": 3}, "au moins 3 mm"),
        ("fr", {"max": 1500.5}, "jusqu’à 1\u202f500,5 mm"),
        ("en", {"min": 1.5, "max": 2, "approximate": True}, "about 1.5–2 mm"),
    ],
)
def test_a_quantity_reads_in_the_sites_language(language, quantity, shown):
    present = Presenter(language, {"mm": UnitFormat(shown="{value} mm")}, Messages(language))
    assert present.quantity(Quantity(unit="mm", **quantity)) == shown


@pytest.mark.parametrize("engine", ENGINES)
def test_events_of_one_day_stand_in_the_order_of_their_times_with_their_zone(squall, engine):
    site = squall(engine)
    article = site.article(address_of("squall", "timeline"))
    events = [
        (read(heading.find(cls="timeline-date")), read(heading).removeprefix(read(heading.find(cls="timeline-date"))).strip())
        for heading in article.find_all("h3")
    ]
    # Written power cut first, landfall at 02:40 second: the day without a time leads, then by time.
    assert events == [
        ("November 4, 2025", "Iris makes landfall near Port Avel"),
        ("November 4, 2025, 2:40 AM GMT", "Iris comes ashore, the coastguard says"),
        ("November 4, 2025, 4:10 AM GMT", "Power is cut to the harbour district"),
    ]
    rows = list(csv.DictReader(io.StringIO((site.root / "data" / "timeline-events.csv").read_text(encoding="utf-8"))))
    assert [(row["id"], row["date"]) for row in rows] == [
        ("landfall", "2025-11-04"),
        ("ashore", "2025-11-04T02:40+00:00"),
        ("power-cut", "2025-11-04T04:10+00:00"),
    ]


@pytest.mark.parametrize(
    "language, zone, shown",
    [
        ("en", "Europe/London", "November 4, 2025, 2:40 AM GMT"),
        ("fr", "Europe/Paris", "4 novembre 2025 à 02:40 UTC+1"),
        ("en", "Asia/Kolkata", "November 4, 2025, 2:40 AM UTC+5:30"),
        ("en", "America/New_York", "November 4, 2025, 2:40 AM EST"),
    ],
)
def test_a_time_reads_in_the_sites_language_with_its_zone(language, zone, shown):
    from generator.content.models import When

    present = Presenter(language, {}, Messages(language))
    assert " ".join(present.span(When(date="2025-11-04", time="02:40", zone=zone)).split()) == shown


def test_events_in_two_zones_are_ordered_by_the_moment():
    from generator.content.models import When, in_date_order

    class Event:
        def __init__(self, name, when):
            self.name, self.when = name, when

    # 08:00 in Paris (07:00 UTC) comes before 07:30 in London (07:30 UTC).
    events = [
        Event("london", When(date="2025-11-04", time="07:30", zone="Europe/London")),
        Event("paris", When(date="2025-11-04", time="08:00", zone="Europe/Paris")),
    ]
    assert [event.name for event in in_date_order(events)] == ["paris", "london"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quote_printed_in_french_is_shown_as_a_translation_with_the_original_a_click_away(squall, engine):
    article = squall(engine).article(address_of("squall", "quotes"))
    quote = article.find(id="quote-no-one-outside")
    words = quote.find("p")
    assert without_markers(words) == "“No one will sleep outside tonight” (translated from French by the desk)"
    original = quote.find("details")
    assert read(original.find("summary")) == "As printed, in French"
    printed = original.find("p")
    assert printed.attrs.get("lang") == "fr" and read(printed) == "“Personne ne dormira dehors ce soir”"
    # A quote the articles print in English is quoted as printed, with nothing said of translation.
    english = article.find(id="quote-rebuild")
    assert not english.find_all("details") and not english.find_all(cls="quote-translated")
    assert read(english.find("p")) == "“We will rebuild every home.”"
