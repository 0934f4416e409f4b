"""HTML or Markdown typed into YAML is shown as the text it is: never executed,
never a broken table, never a heading or a link the editor did not write."""

from __future__ import annotations

import html
import re

from conftest import build_briefing, edit


def test_html_and_markdown_syntax_in_yaml_are_shown_as_text(tiny_copy, tmp_path):
    edit(tiny_copy / "tariffs.yml", 'covers: "Vehicles crossing the bridge"', "covers: 'Cars | vans <script>alert(1)</script> # not a heading {: .x }'")
    edit(tiny_copy / "players.yml", 'name: "Jo Mayor"', "name: '<img src=x onerror=alert(1)> Jo'")
    edit(tiny_copy / "players.yml", 'role: "Mayor of Millbrook"', 'role: "Mayor of *Millbrook*"')
    built = build_briefing(tiny_copy, tmp_path)

    tariffs = built.html("tariffs")
    assert "<script>alert(1)</script>" not in tariffs
    rows = re.findall(r'<tr role="row">(.*?)</tr>', tariffs, re.S)
    assert len(re.findall(r"<t[dh] ", rows[1])) == 6, "a | in a cell must not split the row"
    cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<t[dh] [^>]*>(.*?)</t[dh]>", rows[1], re.S)]
    assert cells[4] == "Cars | vans <script>alert(1)</script> # not a heading {: .x }"

    players = built.html("players")
    assert "<img src=x" not in players
    heading = re.search(r'<h3 id="player-mayor">(.*?)<a class="headerlink"', players).group(1)
    assert html.unescape(heading) == "<img src=x onerror=alert(1)> Jo"
    assert "Mayor of <em>Millbrook</em>" in players, "inline Markdown in a text field still works"


def test_a_link_must_be_a_web_address(tiny_copy):
    import pytest

    from generator.check.briefing import load_content
    from generator.core.errors import ContentError

    line = edit(tiny_copy / "issues.yml", 'summary: "The rebuild costs $4 billion."', 'summary: "See [the plan](plan.md)."')
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    assert any(f"issues.yml:{line}:" in str(problem) and "not a web address" in str(problem) for problem in caught.value.problems)


def test_code_in_an_editors_markdown_page_is_shown_as_typed(tiny_copy, tmp_path):
    code = "<script>alert(1)</script> | a | b | {: .x } *not emphasis*"
    edit(
        tiny_copy / "briefing.yml",
        '  - {kind: sources, title: "Sources", file: sources.yml}',
        '  - {kind: sources, title: "Sources", file: sources.yml}\n  - {kind: page, title: "Background", file: background.md}',
    )
    (tiny_copy / "background.md").write_text(f"How to read the tolls:\n\n    {code}\n\n```\n{code}\n```\n", encoding="utf-8")
    page = build_briefing(tiny_copy, tmp_path).html("background")

    assert "<script>alert(1)</script>" not in page
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", block)).strip() for block in re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.S)]
    assert blocks == [code, code], "an indented and a fenced code block, each exactly as typed"
