"""The real briefing's own facts, as a reader meets them on its built site: the story
at a glance, the tariff chart in light and dark, a timeline with permalinks, every
fact's sources, the coverage matrix, where the sources differ, the updates feed, and
what search finds. Correcting a fact may mean changing a test here, never a test of
the generator (those use made-up briefings)."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ElementTree

from conftest import ARCHIVE, REAL_CONTENT
from generator.check.briefing import load_content

ATOM = "{http://www.w3.org/2005/Atom}"


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_the_overview_shows_the_figures_at_a_glance(real_site):
    cards = text_of(" ".join(re.findall(r'<div class="figure-card">(.*?)</div>', real_site.html(""), re.S)))
    for figure in ["$295 billion", "nearly $600 billion", "145% → 30%", "125% → 10%", "August 12, 2025"]:
        assert figure in cards
    assert "worked out by the editor" in cards, "the window’s closing date is the editor’s reckoning"
    assert "Updated June 5, 2025" in text_of(real_site.html(""))
    assert "the day the 90-day window closes" in cards and "before the truce and now" in cards


def test_the_tariff_chart_comes_in_light_and_dark_with_a_text_alternative(real_site):
    page = real_site.html("tariffs")
    images = re.findall(
        r'<img alt="([^"]+)" class="chart-\w+" height="\d+" '
        r'src="\.\./(assets/charts/tariffs-(light|dark)-(narrow|wide)\.svg)#only-\3"',
        page,
    )
    assert {(scheme, size) for *_, scheme, size in images} == {(scheme, size) for scheme in ("light", "dark") for size in ("narrow", "wide")}
    for alt, path, *_ in images:
        assert "145%" in alt and "30%" in alt and "125%" in alt and "10%" in alt
        assert "until August 12, 2025, as scheduled" in alt, "the window's close is still to come on June 5"
        svg = (real_site.site / path).read_text(encoding="utf-8")
        assert "<title" in svg and "<desc" in svg and 'role="img"' in svg
        assert "<script" not in svg and "http://pygal" not in svg
    assert '<table class="stacking"' in page, "the table stays beside the chart"


def test_every_event_has_a_permalink_and_editor_dates_say_so(real_site):
    content = load_content(REAL_CONTENT)
    page = real_site.html("timeline")
    for event in content.entries("timeline"):
        assert f'id="event-{event.id}"' in page and f'href="#event-{event.id}"' in page
    editor_dated = [event for event in content.entries("timeline") if event.when.editor_supplied]
    assert editor_dated
    for event in editor_dated:
        block = page[page.index(f'id="event-{event.id}"') :]
        block = block[: block.find('<div class="timeline-event')]
        if event.when.derived:
            assert "Editor’s date, worked out" in text_of(block) and event.when.derived in text_of(block)
        else:
            assert "Editor’s date; the articles" in text_of(block) and event.when.as_reported in text_of(block)


def test_the_coverage_matrix_shows_what_only_one_source_reports(real_site):
    content = load_content(REAL_CONTENT)
    page = real_site.html("sources")
    matrix = page[page.index('class="coverage coverage--matrix"') : page.index('class="coverage-list coverage-list--phone"')]
    rows = re.findall(r"<tr>(.*?)</tr>", matrix, re.S)[1:]
    # Every main fact an article reports: a date the editor worked out is reported by none.
    facts = sum(1 for kind in ("measures", "timeline", "positions") for entry in content.entries(kind) if entry.sources) + len(content.briefing.takeaways)
    assert len(rows) == facts
    single = [row for row in rows if row.count("●") == 1]
    assert single and all("one source" in row for row in single)
    assert all(len(re.findall(r"<td", row)) == 2 + len(content.sources) for row in rows)


def test_where_the_sources_differ_lists_every_disagreement(real_site):
    content = load_content(REAL_CONTENT)
    page = real_site.html("differences")
    for difference in content.entries("differences"):
        assert f'id="difference-{difference.id}"' in page
    assert "former President" in text_of(page)


def test_the_updates_feed_is_atom_newest_first(real_site):
    feed = ElementTree.fromstring((real_site.site / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(load_content(REAL_CONTENT).entries("overview"))
    dates = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert 'type="application/atom+xml"' in real_site.html("")


def test_pages_carry_titles_descriptions_and_share_cards(real_site):
    for page in ["", "players", "tariffs", "sources"]:
        head = real_site.html(page).split("</head>")[0]
        assert re.search(r'<meta name="description" content="[^"]{40,}"', head), page
        assert '<meta property="og:title"' in head and '<meta name="twitter:card"' in head


def test_the_home_page_describes_itself_as_a_news_article_citing_its_sources(real_site):
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', real_site.html(""), re.S)
    article = json.loads(script.group(1))
    assert article["@type"] == "NewsArticle"
    assert len(article["citation"]) == len(load_content(REAL_CONTENT).sources)
    assert article["dateModified"] == "2025-06-05"


def test_a_missing_page_offers_the_briefing_s_pages(real_site):
    page = (real_site.site / "404.html").read_text(encoding="utf-8")
    assert "This page is not part of the briefing" in page
    assert "Key players" in page and "Timeline" in page


def test_the_real_briefing_matches_the_source_articles():
    import pytest

    if not ARCHIVE.is_dir():
        pytest.skip(f"the articles are not beside this checkout ({ARCHIVE})")
    load_content(REAL_CONTENT, ARCHIVE)


def test_every_page_the_briefing_declares_is_built_in_its_order(real_site):
    content = load_content(REAL_CONTENT)
    assert [page.slug for page in content.pages] == ["index", "players", "tariffs", "timeline", "quotes", "issues", "differences", "sources"]
    for page in content.pages:
        assert "<h1" in real_site.html("" if page.slug == "index" else page.slug)


def test_the_search_index_finds_the_envoys(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    documents = index["docs"]
    assert any("Bessent" in doc["text"] and "Treasury" in doc["text"] for doc in documents)
    for fact in ["145%", "rare earth", "Geneva", "$295 billion", "Melania", "Xinhua"]:
        assert any(fact.lower() in (doc["title"] + doc["text"]).lower() for doc in documents), fact


def test_the_tariff_table_has_both_measures(real_site):
    content = load_content(REAL_CONTENT)
    rows = re.findall(r'<tr role="row">(.*?)</tr>', real_site.html("tariffs"), re.S)[1:]
    assert len(rows) == len(content.entries("measures")) == 2
    cells = [text_of(row) for row in rows]
    assert "US tariffs on Chinese goods" in cells[0] and "145%" in cells[0] and "30%" in cells[0]
    assert "Chinese tariffs on US goods" in cells[1] and "125%" in cells[1] and "10%" in cells[1]
    assert 'id="tariff-us-tariff-on-chinese-goods"' in real_site.html("tariffs"), "the anchors of earlier links still work"


def _with_articles():
    import pytest

    if not ARCHIVE.is_dir():
        pytest.skip(f"the articles are not beside this checkout ({ARCHIVE})")
    return load_content(REAL_CONTENT, ARCHIVE)


def test_the_committed_verification_record_is_current_and_verifies_the_content():
    verification = load_content(REAL_CONTENT, require_verified=True).verification
    assert re.fullmatch(
        r"\d+ figures \(.+\), \d+ quotes and \d+ wordings of the articles verified by the verification record \(verification\.yml\)(; not figures: .+)?",
        verification,
    )
    assert _with_articles().record == (REAL_CONTENT / "verification.yml").read_text(encoding="utf-8"), (
        "content/verification.yml is out of date: run `make check` where the articles are"
    )


def test_everything_the_articles_report_is_used_or_left_out_on_purpose():
    from generator.check.coverage import coverage, report

    content = _with_articles()
    found = coverage(content, ARCHIVE)
    assert found.complete, report(found, len(content.sources))
    assert found.inventory is not None and found.inventory.share >= 0.95, report(found, len(content.sources))


BRITISH = re.compile(
    r"\b(licences?|favour\w*|colour\w*|centre[sd]?|defence|programme[sd]?|analys(?:e|ed|ing)\b|"
    r"organis\w+|recognis\w+|emphasis(?:e|ed)|criticis\w+|realis\w+|apologis\w+|labour\w*|honour\w*|"
    r"travell\w+|cancell(?:ed|ing)|judgement|whilst|amongst)",
    re.IGNORECASE,
)
"""British spellings (and words) a US text would not have."""


def test_the_briefing_is_written_in_us_english_throughout():
    import yaml

    words = []
    for path in sorted(REAL_CONTENT.glob("*.yml")):
        if path.name in ("verification.yml", "left-out.yml"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "quotes.yml":  # a direct quote keeps the article's own spelling, in each of its wordings
            data = [
                {key: value for key, value in quote.items() if not (key in ("text", "fragments", "wordings") and quote.get("kind") == "direct")}
                for quote in data
            ]
        text = " ".join(str(value) for value in _strings(data))
        words += [f"{path.name}: {match}" for match in BRITISH.findall(text)]
    assert not words, f"British spellings: {words}"


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


# --- quotes, one entry per thing said -------------------------------------------------------


def quote_entries(real_site) -> list:
    from pages import parse_html

    return parse_html(real_site.html("quotes")).find("article").find_all("blockquote", cls="quote")


def test_each_of_trumps_posts_and_xis_demands_is_one_entry_with_every_articles_wording(real_site):
    entries = quote_entries(real_site)
    for words in ["very tough", "totally violated", "negative measures", "the right direction", "a very positive conclusion"]:
        having = [entry.attrs["id"] for entry in entries if words in entry.text().lower()]
        assert len(having) == 1, f"“{words}” is in {having}"
    tough = next(entry for entry in entries if "very tough" in entry.text().lower())
    wordings = [tough.find("p"), *tough.find("details", cls="quote-wordings").find_all("li")]
    reported_by = [
        {link.attrs["href"].split("#source-")[1] for link in wording.find_all("a") if "#source-" in link.attrs.get("href", "")} for wording in wordings
    ]
    assert all(len(sources) == 1 for sources in reported_by), "each wording credits the article that prints it"
    assert set().union(*reported_by) == {"newslooks", "agency-inputs", "positive-outreach", "big-power-move"}
    assert "VERY TOUGH … EXTREMELY HARD TO MAKE A DEAL WITH" in tough.text(), "source 2's fragments, together in one wording"


def test_a_statement_the_articles_disagree_on_links_to_the_difference(real_site):
    content = load_content(REAL_CONTENT)
    differences = real_site.html("differences")
    entries = {entry.attrs["id"]: entry for entry in quote_entries(real_site)}
    linked = [quote for quote in content.entries("quotes") if quote.differences]
    assert {"trump-very-tough", "trump-totally-violated"} <= {quote.id for quote in linked}
    for quote in linked:
        links = entries[f"quote-{quote.id}"].find("p", cls="quote-differences").find_all("a")
        assert [link.attrs["href"] for link in links] == [f"../differences/#difference-{name}" for name in quote.differences]
        assert all(f'id="difference-{name}"' in differences for name in quote.differences)


def test_the_quotes_editor_dates_are_one_short_note_per_entry(real_site):
    content = load_content(REAL_CONTENT)
    editor_dated = {f"quote-{quote.id}" for quote in content.entries("quotes") if quote.when.editor_supplied}
    for entry in quote_entries(real_site):
        notes = [note.text() for note in entry.find_all("small", cls="editor-date")]
        assert len(notes) == (entry.attrs["id"] in editor_dated), entry.attrs["id"]
        assert all(len(note.split()) <= 8 for note in notes), notes
