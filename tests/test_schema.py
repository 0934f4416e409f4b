"""Editors get completion and inline errors from JSON Schemas made from the models:
the schemas in the repository are current, name every content file, and accept the real content."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import REAL_CONTENT, ROOT, TINY_CONTENT
from generator.check.briefing import load_content
from generator.load.reader import load_file
from generator.new.schema import modeline, schema_texts

FILES = [
    (page.declaration.file or page.kind.default_file, page.kind.name)
    for page in load_content(REAL_CONTENT).pages
    if page.kind.entry and (page.declaration.file or page.kind.default_file)
]


def test_the_committed_schemas_are_current():
    for name, text in schema_texts().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"schemas/{name} is missing: run `make schema`"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is out of date: run `make schema`"


@pytest.mark.parametrize("file, kind", [("briefing.yml", "briefing"), *FILES])
def test_every_content_file_names_its_kinds_schema_and_follows_it(file, kind):
    path = REAL_CONTENT / file
    assert path.read_text(encoding="utf-8").splitlines()[0] == modeline(kind)
    loaded, problems = load_file(path)
    assert not problems
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(loaded.data, schema)


def test_there_is_a_schema_for_every_kind_that_reads_entries():
    from generator.kinds.registry import KINDS

    assert {name for name in schema_texts()} == {"briefing.schema.json", *(f"{name}.schema.json" for name, kind in KINDS.items() if kind.entry)}
    assert load_content(TINY_CONTENT)


def test_the_schema_flags_what_an_editor_would_mistype():
    schema = json.loads(schema_texts()["quotes.schema.json"])
    quote = {"id": "q", "speaker": "trump", "text": "x", "kind": "direct", "context": "c", "when": {"date": "2025-06-05"}, "venue": "call", "sources": ["a"]}
    jsonschema.validate([quote], schema)
    for mistake in ({"kind": "qoute"}, {"speeker": "trump"}, {"when": {"date": "5 June"}}, {"sources": []}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([{**quote, **mistake}], schema)


def test_the_schema_knows_a_statement_worded_several_ways_and_its_words_given_one_way():
    schema = json.loads(schema_texts()["quotes.schema.json"])
    quote = {
        "id": "q",
        "speaker": "trump",
        "kind": "direct",
        "context": "c",
        "when": {"date": "2025-06-05"},
        "differences": ["d"],
        "wordings": [{"text": "x", "sources": ["a"]}, {"fragments": ["y", "z"], "sources": ["b"]}],
    }
    jsonschema.validate([quote], schema)
    jsonschema.validate([{**{key: value for key, value in quote.items() if key != "wordings"}, "fragments": ["y", "z"], "sources": ["b"]}], schema)
    for mistake in (
        {"text": "x"},
        {"sources": ["a"]},
        {"wordings": [{"text": "x", "sources": ["a"]}]},
        {"wordings": [{"text": "x", "fragments": ["y", "z"], "sources": ["a"]}, {"text": "y", "sources": ["b"]}]},
        {"wordings": None, "text": "x"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([{**quote, **mistake}], schema)
