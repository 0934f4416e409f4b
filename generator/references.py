"""Checks that span files: ids are unique, every reference points at an entry
that exists, every listed source is cited, and every link in a text is one a
reader can follow."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Annotated, get_args, get_origin

from pydantic import BaseModel

from .content import entries_with_paths
from .errors import Problem, did_you_mean
from .inline import link_problems
from .load import LoadedFile, Path_
from .models import VALID_ID, RefTo

MAX_HINTS = 50
_NOUNS = {"sources": "source", "players": "player", "sides": "side", "timeline": "timeline event"}


def check_references(entries: dict[str, object], files: dict[str, LoadedFile], *, complete: bool = True) -> list[Problem]:
    """`entries` maps a file stem to its validated models (a list, or one model).

    A reference into a file that did not validate is not checked; "never cited"
    is only judged when every file is `complete`.
    """
    problems: list[Problem] = []
    # Ids are taken from the raw data, so an entry with a mistake elsewhere still counts as
    # known; an id that is itself invalid does not, so no hint ever suggests it.
    known: dict[str, set[str]] = {
        stem: {item["id"] for item in loaded.data
               if isinstance(item, dict) and isinstance(item.get("id"), str) and VALID_ID.match(item["id"])}
        for stem, loaded in files.items() if isinstance(loaded.data, list)
    }
    for stem, value in entries.items():
        if isinstance(value, list):
            problems += _duplicate_ids(value, files[stem])
    if "briefing" in entries:
        known["sides"] = {side.id for side in entries["briefing"].sides}

    cited: set[str] = set()
    hinted = 0
    for stem, value in entries.items():
        loaded = files[stem]
        for at, model in entries_with_paths(value):
            for path, collection, ref in references_in(model, at):
                if collection == "sources":
                    cited.add(ref)
                if collection in known and ref not in known[collection]:
                    noun = _NOUNS.get(collection, collection)
                    # A hint compares the id with every known one: given for the first few only,
                    # so thousands of unknown ids are still reported in seconds.
                    hinted += 1
                    hint = (did_you_mean(ref, known[collection]) if hinted <= MAX_HINTS else "") or f"; add it to {collection}.yml or correct the id"
                    problems.append(loaded.problem(path, f"unknown {noun} '{ref}'{hint}"))
            for path, text in _texts(model, at):
                problems += [loaded.problem(path, message) for message in link_problems(text)]

    if complete:
        for index, source in enumerate(entries["sources"]):
            if source.id not in cited:
                problems.append(files["sources"].problem((index, "id"), f"source '{source.id}' is listed but no fact cites it; cite it or remove it"))
    return problems


def _duplicate_ids(entries: list, loaded: LoadedFile) -> list[Problem]:
    counts = Counter(entry.id for entry in entries if hasattr(entry, "id"))
    first_line: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        entry_id = getattr(entry, "id", None)
        if entry_id is None or counts[entry_id] < 2:
            continue
        line = loaded.positions.of_value((index, "id"))[0]
        if entry_id not in first_line:
            first_line[entry_id] = line
            continue
        problems.append(loaded.problem((index, "id"), f"id '{entry_id}' is already used on line {first_line[entry_id]}; ids must be unique"))
    return problems


def references_in(model: BaseModel, at: Path_ = ()):
    """Every (path, collection, id) that the model refers to, found by its `RefTo` marks."""
    for name, mark in _field_marks(type(model)):
        value = getattr(model, name)
        if mark and isinstance(value, str):
            yield (*at, name), mark.collection, value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if mark and isinstance(item, str):
                    yield (*at, name, index), mark.collection, item
                elif isinstance(item, BaseModel):
                    yield from references_in(item, (*at, name, index))
        elif isinstance(value, BaseModel):
            yield from references_in(value, (*at, name))


@functools.cache
def _field_marks(model_class: type[BaseModel]) -> tuple[tuple[str, RefTo | None], ...]:
    """Each field's name and `RefTo` mark, worked out once per model class."""
    return tuple((name, _ref_mark([*info.metadata, info.annotation])) for name, info in model_class.model_fields.items())


def _ref_mark(candidates: list) -> RefTo | None:
    """The `RefTo` mark of a field, wherever its type holds it: `PlayerRef`, `list[SourceRef]`, `EventRef | None`."""
    pending = list(candidates)
    while pending:
        current = pending.pop()
        if isinstance(current, RefTo):
            return current
        if get_origin(current) is Annotated:
            pending += list(current.__metadata__)
        pending += list(get_args(current))
    return None


def _texts(model: BaseModel, at: Path_):
    """Every text field of the model, with its path."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, str):
            yield (*at, name), value
        elif isinstance(value, BaseModel):
            yield from _texts(value, (*at, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, (*at, name, index))
