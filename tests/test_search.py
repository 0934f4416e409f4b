"""The site's search takes readers' questions. The words a question holds that say nothing
of what is asked (the catalogue's `search_stop_words`) reach every page in the briefing's
language, as JSON no word can break out of, with both engines; the theme's search
(overrides/assets/search.js) leaves them out, and the French briefing's search answers
questions typed in French in Chromium. The real briefing's questions are in
tests/test_browser.py."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import material
import pytest

from browser import new_context, serve, settle
from conftest import TINY_CONTENT, settings_for
from generator.i18n.messages import Messages, available
from generator.pipeline import build
from generator.site.search import endings, stop_phrases, stop_words, synonyms

FRENCH = Path(__file__).parent / "briefings" / "french"
ISLAND = re.compile(r'<script id="__briefing_search" type="application/json">(.*?)</script>', re.DOTALL)
MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def search_settings(html: str) -> dict:
    """What the page hands the search script: the JSON in its one `__briefing_search` element."""
    found = ISLAND.findall(html)
    assert len(found) == 1, f"{len(found)} search settings on the page"
    return json.loads(found[0])


def pages(site: Path) -> list[Path]:
    return [path for path in sorted(site.rglob("*.html")) if path.relative_to(site).parts[0] != "assets"]


@pytest.fixture(scope="module")
def french_site(built):
    return built(FRENCH)


def test_every_page_carries_the_stop_words_and_synonyms_of_the_briefings_language(tiny_site, french_site):
    english, french = stop_words(Messages("en")), stop_words(Messages("fr"))
    assert {"how", "who", "what", "the"} <= set(english) and {"comment", "qui", "quoi", "le"} <= set(french)
    assert any({"started", "initiated"} <= set(group) for group in synonyms(Messages("en")))
    assert any({"commencé", "initié"} <= set(group) for group in synonyms(Messages("fr")))
    assert "how big" in stop_phrases(Messages("en")) and "combien de" in stop_phrases(Messages("fr"))
    assert {"s", "ing"} <= set(endings(Messages("en"))) and {"s", "ée"} <= set(endings(Messages("fr")))
    for site, language in ((tiny_site.site, "en"), (french_site.site, "fr")):
        messages = Messages(language)
        words = {"stop_words": stop_words(messages), "stop_phrases": stop_phrases(messages), "endings": endings(messages), "synonyms": synonyms(messages)}
        for page in pages(site):
            assert search_settings(page.read_text(encoding="utf-8")) == words, page


def test_a_briefings_own_synonyms_join_the_languages_and_a_shared_word_makes_one_group():
    """A story's words (briefing.yml's `search_synonyms`) are searched as one, as the
    catalogue's are; a group that shares a word with another is one group with it, so no
    word of a question has two meanings."""
    groups = synonyms(Messages("en"), [["levy", "duty"], ["cut", "trim"]])
    assert ["levy", "duty"] in groups
    cut = next(group for group in groups if "cut" in group)
    assert {"trim", "lowered", "slashed"} <= set(cut)
    assert sum("cut" in group for group in groups) == 1 and sum("trim" in group for group in groups) == 1
    assert synonyms(Messages("de"), [["levy", "duty"]]) == [], "no catalogue of its own: the search is left as it is"


def test_a_language_without_a_catalogue_of_its_own_leaves_the_search_as_it_is():
    """Its pages speak English words (the catalogue it falls back to), but English stop
    words are not those its search index leaves out."""
    assert stop_words(Messages("de")) == [] and stop_words(Messages("fr_CA")) == stop_words(Messages("fr"))
    assert synonyms(Messages("de")) == [] and synonyms(Messages("fr_CA")) == synonyms(Messages("fr"))


def lunr_stop_words(language: str) -> set[str]:
    """The words the theme's search index leaves out in `language` (Lunr's stop word filter)."""
    if language == "en":
        script = next((MATERIAL_SCRIPTS / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
        listed = re.search(r"generateStopWordFilter\(\[([^\]]*)\]\)", script).group(1)
        return set(re.findall(r'"([^"]+)"', listed))
    script = (MATERIAL_SCRIPTS / "lunr" / "min" / f"lunr.{language}.min.js").read_text(encoding="utf-8")
    return set(re.search(r'generateStopWordFilter\("([^"]*)"', script).group(1).split())


@pytest.mark.parametrize("language", available())
def test_each_catalogue_leaves_out_at_least_the_words_the_search_index_leaves_out(language):
    """search.js asks for the sections that hold all of a question's words; a word the index
    leaves out would be in no section, and the search would find nothing."""
    missing = lunr_stop_words(language) - set(stop_words(Messages(language)))
    assert not missing, f"{language}.yml: search_stop_words lacks {', '.join(sorted(missing))}"


HOSTILE = ["</script><script>alert(1)</script>", "<!--", "<script>", "&amp;", "a'b", '"', "\u2028"]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_stop_word_can_end_the_script_element_or_inject_markup(monkeypatch, tmp_path, engine):
    monkeypatch.setattr("generator.site.search.stop_words", lambda messages: HOSTILE)
    monkeypatch.setattr("generator.site.search.stop_phrases", lambda messages: HOSTILE)
    settings = settings_for(TINY_CONTENT, tmp_path)
    # The story's synonyms are content: a contributor's words, hostile ones too.
    briefing = settings.content_dir / "briefing.yml"
    story = [[word, f"plain{number}"] for number, word in enumerate(HOSTILE[:-1])]  # (a line separator alone is no word)
    briefing.write_text(briefing.read_text(encoding="utf-8") + "search_synonyms: " + json.dumps(story) + "\n", encoding="utf-8")
    # Zensical reads `docs_dir` relative to its configuration only (README, "Engines").
    settings.config_file.write_text(
        settings.config_file.read_text(encoding="utf-8").replace(f"docs_dir: {settings.docs_dir}\n", "docs_dir: docs\n"), encoding="utf-8"
    )
    build(replace(settings, engine=engine))
    html = (settings.site_dir / "index.html").read_text(encoding="utf-8")
    assert search_settings(html) == {
        "stop_words": HOSTILE,
        "stop_phrases": HOSTILE,
        "endings": endings(Messages("en")),
        "synonyms": synonyms(Messages("en"), story),
    }
    assert "alert(1)" not in html.replace(ISLAND.search(html).group(1), ""), "the words stay inside their element"
    assert "<script>alert" not in html and "<!--" not in ISLAND.search(html).group(1)


# --- the French briefing, in Chromium ------------------------------------------------------

# Questions a French reader types, and the places whose text answers them (the theme's
# search alone opens none of them first).
FRENCH_QUESTIONS = {
    "qui est la maire ?": ["/acteurs/#player-claire-fontaine"],
    "combien de voix pour le projet ?": ["/chronologie/#event-vote", "/", "/#ce-quil-faut-retenir"],
    "quand le tramway sera-t-il en service ?": ["/chronologie/#event-mise-en-service", "/#et-maintenant"],
    "quel tracé a été choisi ?": ["/chronologie/#event-concertation", "/enjeux/#issue-trace", "/#ce-quil-faut-retenir"],
}


@pytest.fixture(scope="module")
def french_tab(french_site, browser):
    home = (french_site.site / "index.html").read_text(encoding="utf-8")
    initializing = re.search(r'<div class="md-search-result__meta">\s*(.*?)\s*</div>', home, re.DOTALL).group(1)
    with serve(french_site.site) as base:
        context = new_context(browser)
        page = context.new_page()
        errors = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield base, page, errors, initializing
        context.close()


@pytest.mark.parametrize("question", FRENCH_QUESTIONS)
def test_a_question_in_french_opens_its_answer(french_tab, question):
    base, page, errors, initializing = french_tab
    errors.clear()
    page.goto(base + "/")
    settle(page)
    page.keyboard.press("/")
    page.wait_for_function(
        "initializing => document.querySelector('.md-search-result__meta').textContent.trim() !== initializing", arg=initializing
    )  # the search worker is ready
    box = page.locator("input.md-search__input")
    # Material searches on each key released: the text goes in at once, its last key typed, so one search runs.
    box.fill(question[:-1])
    box.press(question[-1])
    listed, deadline = None, time.monotonic() + 10
    while time.monotonic() < deadline:  # the worker answers a moment later: wait until the list settles
        time.sleep(0.1)
        current = page.evaluate("[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)")
        if current and current == listed:
            break
        listed = current
    assert listed, f"searching {question!r} lists nothing"
    with page.expect_navigation():
        box.press("Enter")  # the top result
    landed = urlsplit(page.url)
    place = landed.path + (f"#{landed.fragment}" if landed.fragment else "")
    assert place in FRENCH_QUESTIONS[question], f"{question!r} opens {place}, which does not answer it"
    assert not errors, "\n".join(errors)
