"""Every string a briefing declares reaches the reader as text, with both engines.

The test walks the content's models: each text field that takes any text (not a name, a
date, an address or a reference) is set to a probe of its own, `"'<b data-p=N></script>`,
and the briefing is built. No output file may hold a probe as markup: no element or
attribute of a probe in any HTML, SVG or XML file (the JSON-LD, inside its script
element, included), none in the search index's HTML, and the generated configuration
reads back as the values it was given. A field added to a model is probed without being
listed here.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated

import pytest
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from conftest import TINY_CONTENT, engine_settings
from generator.check.briefing import load_content
from generator.content.walk import visits
from generator.pipeline import build, site_values
from generator.site.build import write_config

PROBE = "\"'<b data-p={}></script>"
PROBED = re.compile(r"data-p=(\d+)")


def probe(number: int) -> str:
    return PROBE.format(number)


def takes_any_text(owner: type[BaseModel], name: str, listed: bool, value: str) -> str | None:
    """What a probe becomes in this field, or None where the field takes a name, a date, an
    address or a word from a list: a unit's pattern keeps its `{value}`."""
    info = owner.model_fields[name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    adapter = TypeAdapter(annotation)
    for candidate in (value, value + " {value}"):
        try:
            adapter.validate_python([candidate] if listed else candidate, strict=True)
            return candidate
        except ValidationError:
            continue
    return None


def probed_copy(workdir: Path) -> tuple[Path, dict[int, str]]:
    """The tiny briefing with a probe in every text field, and where each probe went."""
    content = workdir / "content"
    shutil.copytree(TINY_CONTENT, content)
    briefing = load_content(content)
    data = {page.loaded.path.name: yaml.safe_load(page.loaded.path.read_text(encoding="utf-8")) for page in briefing.pages if page.loaded}
    data["briefing.yml"] = yaml.safe_load((content / "briefing.yml").read_text(encoding="utf-8"))
    models = [("briefing.yml", (), briefing.briefing)] + [
        (page.loaded.path.name, (index,), entry) for page in briefing.pages if page.loaded for index, entry in enumerate(page.entries)
    ]
    placed: dict[int, str] = {}
    renamed: dict[tuple[str, str], str] = {}  # a word of a vocabulary (a venue): its uses follow it
    references = []

    def place(file: str, path: tuple, text: str, *, use: bool = False) -> None:
        node = data[file]
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = text
        if not use:  # a reference to a probed word is no probe of its own
            placed[int(PROBED.search(text)[1])] = f"{file}:{'.'.join(map(str, path))}"

    for file, at, model in models:
        for visit in visits(model, at):
            path, value = visit.path, visit.value
            if visit.marks.ref:
                references.append((file, visit))
                continue
            name, listed = (path[-2], True) if isinstance(path[-1], int) else (path[-1], False)
            if isinstance(value, dict):  # `options:` and `units:`: a text, or a model, per key
                for key, item in value.items():
                    if isinstance(item, BaseModel):
                        for inner in visits(item, (*path, key)):
                            inner_name = inner.path[-1]
                            text = isinstance(inner.value, str) and takes_any_text(type(item), inner_name, False, probe(len(placed)))
                            if text:
                                place(file, inner.path, text)
                    elif isinstance(item, str) and not any(key in page.kind.name_options for page in briefing.pages):
                        place(file, (*path, key), probe(len(placed)))
                continue
            text = isinstance(value, str) and takes_any_text(type(visit.owner), name, listed, probe(len(placed)))
            if text:
                if visit.owner is briefing.briefing and name == "venues":
                    renamed["venues", value] = text
                place(file, path, text)
    for file, visit in references:
        new = renamed.get((visit.marks.ref.collection, visit.value))
        if new:
            place(file, visit.path, new, use=True)
    for file, value in data.items():
        (content / file).write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content, placed


class _Markup(HTMLParser):
    """The probes a browser would parse as an element or an attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "data-p":
                self.found.add(value or "")


def probes_as_markup(html: str) -> set[str]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found


def probes_in_site(site: Path) -> dict[str, set[str]]:
    """Per output file, the probes it holds as markup."""
    found = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".htm"):
            found[name] = probes_as_markup(path.read_text(encoding="utf-8"))
        elif path.suffix in (".svg", ".xml"):
            root = ElementTree.parse(path).getroot()  # an injected tag would break it, or stand as an element
            found[name] = {element.get("data-p") or "" for element in root.iter() if "data-p" in element.attrib}
            # Text an Atom feed declares HTML is HTML to a feed reader.
            found[name] |= {probe for element in root.iter() if element.get("type") == "html" for probe in probes_as_markup(element.text or "")}
        elif name.endswith("search_index.json"):  # the theme shows its texts as HTML
            index = json.loads(path.read_text(encoding="utf-8"))
            found[name] = {probe for document in index["docs"] for text in (document["title"], document["text"]) for probe in probes_as_markup(text)}
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))  # data: its strings are text, and it must stay JSON
    return {name: probes for name, probes in found.items() if probes}


@pytest.fixture(scope="module")
def probed(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("probed")
    content, placed = probed_copy(workdir)
    return content, placed


def test_the_probes_reach_every_kind_of_declared_text(probed):
    _, placed = probed
    where = set(placed.values())
    for field in (
        "briefing.yml:title",
        "briefing.yml:sections.1.title",
        "briefing.yml:sides.0.name",
        "briefing.yml:venues.0",
        "briefing.yml:units.percent.shown",
        "sources.yml:0.headline",
        "players.yml:0.role",
    ):
        assert field in where, f"{field} was not probed: the walk misses a kind of field"
    assert len(placed) > 50


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_declared_text_becomes_markup_in_any_output_file(probed, engine, tmp_path):
    content, placed = probed
    shutil.copytree(content, tmp_path / "content")
    settings = engine_settings(tmp_path / "content", tmp_path, engine)
    build(settings)
    assert probes_in_site(settings.site_dir) == {}, "probes read as markup (file: probe numbers; see `placed` for their fields)"
    published = (settings.site_dir / "index.html").read_text(encoding="utf-8")
    assert "&lt;b data-p=" in published or "&#60;b data-p=" in published, "the probes are shown, as text"


def test_the_generated_configuration_reads_back_as_the_values_it_was_given(probed, tmp_path):
    content, _ = probed
    settings = engine_settings(content, tmp_path, "mkdocs")
    values = site_values(load_content(content), settings)
    config = tmp_path / "generated.yml"
    write_config(config, settings.config_file, values)
    read = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert {key: read[key] for key in values} == values
    printed = [
        values["site_name"],
        values["site_description"],
        *(title for item in values["nav"] for title in item),
        *values["extra"]["briefing"]["messages"].values(),
    ]
    assert [text for text in printed if probes_as_markup(text)] == [], "the theme prints these as they are"
