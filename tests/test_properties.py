"""Whatever text an editor types, the site shows that text.

Hypothesis makes up texts full of Markdown, HTML and table syntax and of any script.
Put into a text field, each is published as typed (runs of whitespace read as one
space and the ends are trimmed, as `generator/core/inline.py` documents; in fields that take
inline Markdown, the editor's `*emphasis*`, `` `code` `` and links work as CommonMark
says). No element appears that the editor did not write, no table loses a column, and
the build never fails on text.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.core.characters import FORBIDDEN
from generator.core.inline import escape_text, render_inline
from pages import (
    SITE_PAGES,
    TEXT_FIELDS,
    build_with_fields,
    collapsed,
    commonmark_html,
    expected_text,
    inline_tags,
    link_targets,
    page_article,
    parse_html,
    shown,
    table_shape,
    unexplained_elements,
)

SYNTAX = "|*_[]()<>#{}!`&\"'\\-+=~^:;.,/ 0123456789\t\n"
"""Characters that mean something to Markdown, its extensions, HTML or a table."""

TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(SYNTAX),
        # Any other character YAML can carry: not a surrogate, nor a control character
        # (YAML refuses those; tab and line break come from SYNTAX).
        st.characters(exclude_categories=("Cs", "Cc")),
    ),
    min_size=1,
    max_size=40,
).filter(lambda text: collapsed(text) != "" and not FORBIDDEN.search(text))  # the check refuses an empty text, and these characters

WEB_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


# --- the inline renderer alone, read back by Python-Markdown as MkDocs reads it ----------------

PYTHON_MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])  # as in mkdocs.yml


def read_back(markdown_text: str):
    PYTHON_MARKDOWN.reset()
    return parse_html(PYTHON_MARKDOWN.convert(markdown_text))


PLACES = {
    # Where the templates put a text, with `{}` for it; each returns the element that shows it.
    "table cell": ("| Covers | Sources |\n| --- | --- |\n| {} | [1](sources.md) |\n", lambda html: html.find("tbody").find_all("td")[0]),
    "list item": ("- {} <sup>1</sup>\n- second\n", lambda html: html.find("li")),
    "heading": ("## {} { #anchor }\n", lambda html: html.find("h2", id="anchor")),
    "paragraph": ("Before.\n\n{} <sup>1</sup>\n\nAfter.\n", lambda html: html.find_all("p")[1]),
}


def shows(place: str, fragment: str):
    """The element that shows `fragment` placed there, checking the place kept its shape."""
    template, locate = PLACES[place]
    html = read_back(template.replace("{}", fragment))
    if place == "table cell":
        assert [len(row.find_all("td")) for row in html.find("tbody").find_all("tr")] == [2], "the table row was split"
    if place == "list item":
        assert len(html.find_all("li")) == 2, "the list changed shape"
    if place == "paragraph":
        assert [p.text() for p in html.find_all("p")][::2] == ["Before.", "After."], "the paragraph changed shape"
    return locate(html)


def without_markers(element) -> str:
    return element.text(skip=lambda inner: inner.tag == "sup" or "headerlink" in inner.classes).strip()


@pytest.mark.parametrize("place", PLACES)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
@example(text=" -")  # a space before a list marker: a list inside the list item
@example(text=" 1.")
def test_plain_text_reads_back_as_typed(place, text):
    element = shows(place, escape_text(text))
    assert without_markers(element) == collapsed(text)
    assert element.tag_counts(skip=lambda inner: inner.tag == "sup") == {}, "an element the editor did not write"


@pytest.mark.parametrize("place", PLACES)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_inline_markdown_reads_back_as_commonmark_shows_it(place, text):
    element = shows(place, render_inline(text))
    assert without_markers(element) == shown(text, markdown=True)
    assert element.tag_counts(skip=lambda inner: inner.tag == "sup") == inline_tags(text, markdown=True), "an element the editor did not write"
    links = [a.attrs.get("href") for a in element.find_all("a")]
    assert links == [a.attrs.get("href") for a in parse_html(commonmark_html(text)).find_all("a")], "a link goes elsewhere"


# --- the whole site, built with MkDocs -----------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text_in_every_field_is_published_as_typed(plain_site, text):
    assume(all(WEB_LINK.match(target) for target in link_targets(text)))  # the check refuses other links
    values = {text_field.name: text for text_field in TEXT_FIELDS}
    page_article.cache_clear()  # pages are read once per site folder, and a temporary folder's name may come again
    with tempfile.TemporaryDirectory() as workdir:
        site = build_with_fields(Path(workdir), values)
        for text_field in TEXT_FIELDS:
            assert text_field.text_on(site) == expected_text(text_field, values), text_field.name
            assert text_field.tags_on(site) == inline_tags(text, markdown=text_field.markdown), f"{text_field.name}: an element the editor did not write"
        for page in SITE_PAGES:
            assert unexplained_elements(site, plain_site, page, text) == {}, f"{page or 'overview'}: elements injected or lost"
        columns, cells = table_shape(site)
        assert cells == [columns], "the tariff row has lost or gained cells"


@pytest.mark.parametrize("title", ["1984", "Yes", "2025-06-05", "null"])
def test_a_title_that_yaml_would_read_as_a_number_or_a_truth_value_is_the_site_name_as_typed(title, tiny_copy, tmp_path):
    # The site's configuration is written with the title quoted, so no title is read as anything but text.
    from conftest import build_briefing

    (tiny_copy / "briefing.yml").write_text(
        (tiny_copy / "briefing.yml").read_text(encoding="utf-8").replace('title: "Millbrook votes on its river bridge"', f'title: "{title}"'), encoding="utf-8"
    )
    built = build_briefing(tiny_copy, tmp_path)
    header = parse_html(built.html("players")).find(cls="md-header__topic")
    assert header.text().strip() == title
