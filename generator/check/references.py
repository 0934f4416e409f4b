"""Checks that span files: ids are unique, every reference (a `RefTo` field) names
an entry or a vocabulary word that exists, every listed source is cited, and every
link in a text is one a reader can follow. What it learns, who cites which source,
is kept for the pages."""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.content.briefing import entries_with_paths
from generator.content.models import SOURCES
from generator.content.walk import visits
from generator.core.editor import say, say_count, suggestion
from generator.core.errors import Problem, renamed_to
from generator.core.inline import link_problems
from generator.kinds.registry import KINDS
from generator.load.reader import LoadedFile, Path_

_VOCABULARY_NOUNS = {SOURCES: "kind_noun_source", "sides": "check_noun_side", "units": "check_noun_unit", "venues": "check_noun_venue"}
"""The keys of the editors' catalogue that name one word of each vocabulary of briefing.yml
(and one source, where no section lists them)."""
MAX_HINTS = 50
"""A hint compares an id with every known one: given for the first few only, so
thousands of unknown ids are still reported in seconds."""


def check_references(
    entries: dict[str, object],
    files: dict[str, LoadedFile],
    known: dict[str, set[str]],
    where: dict[str, str],
    *,
    complete: bool = True,
    declared: dict[str, Path_] | None = None,
    unread: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[Problem], Counter]:
    """`entries` maps a file's key to its validated models (a list, or one model);
    `known` maps each collection (`sources`, a kind, `sides`, `units`, `venues`) to its
    ids, and `where` says where an editor adds one. `declared` maps the collections that a
    list of briefing.yml declares to that list's path (`("sides",)`); references to a
    collection in `unread` (its file could not be read, as said already) are not judged.
    Returns the problems and how many facts cite each source. "Never cited" is only
    judged when every file is `complete`."""
    problems: list[Problem] = []
    declared = declared or {}
    undeclared: dict[tuple[str, str], list[tuple[LoadedFile, Path_]]] = {}  # in a briefing.yml list, by value
    for key, value in entries.items():
        if isinstance(value, list):
            problems += _duplicate_ids(value, files[key])
    for path in declared.values():  # the lists of briefing.yml that declare ids (`sides`)
        listed = getattr(entries.get("briefing"), path[0], None) if len(path) == 1 else None
        if isinstance(listed, list):
            problems += _duplicate_ids(listed, files["briefing"], path)
    citing: list[str] = []  # each fact's sources, once per fact: counted at the end, in one go
    named: defaultdict[str, set[str]] = defaultdict(set)  # the ids some field names, by collection
    unknown: list[tuple[LoadedFile, Path_, str, str]] = []  # said once every use is known (`_unknown`)
    missing_reported: set[str] = set() if SOURCES in known else {SOURCES}  # no sources section: said already
    for key, value in entries.items():
        loaded = files[key]
        for at, model in entries_with_paths(value):
            counted: set[str] = set()
            for visit in visits(model, at):
                ref = visit.marks.ref
                if ref and isinstance(visit.value, str):
                    named[ref.collection].add(visit.value)
                    if ref.collection == SOURCES and id(visit.owner) not in counted:
                        citing += set(getattr(visit.owner, SOURCES, []))
                        counted.add(id(visit.owner))
                    if ref.collection in unread or (ref.collection not in known and ref.collection in missing_reported):
                        continue  # said once: the briefing has no such section, or its file cannot be read
                    if ref.collection in declared and visit.value not in known.get(ref.collection, ()):
                        undeclared.setdefault((ref.collection, visit.value), []).append((loaded, visit.path))
                    elif visit.value not in known.get(ref.collection, ()):
                        if ref.collection not in known:
                            missing_reported.add(ref.collection)
                        unknown.append((loaded, visit.path, ref.collection, visit.value))
                elif isinstance(visit.value, str):
                    for message in link_problems(visit.value):  # mostly none: a loop costs nothing then
                        problems.append(loaded.problem(visit.path, message))
    cited = Counter(citing)
    unknown += [(*uses[0], collection, value) for (collection, value), uses in undeclared.items() if len(uses) == 1]  # a slip where it is typed
    for hinted, (loaded, path, collection, value) in enumerate(unknown, 1):
        ids = known.get(collection, set()) if hinted <= MAX_HINTS else set()  # hints for the first few only
        problems.append(loaded.problem(path, _unknown(collection, value, ids, ids - named[collection], where)))
    several = [(key, uses) for key, uses in undeclared.items() if len(uses) > 1]
    for hinted, ((collection, value), uses) in enumerate(several, len(unknown) + 1):
        # named in several places: what is missing is most likely the list's entry, said once, where it goes
        hint = suggestion(value, known.get(collection, set())) if hinted <= MAX_HINTS else ""
        problems.append(
            files["briefing"].problem(
                declared[collection],
                _undeclared(_noun(collection), value, collection, uses) + (hint or say("check_undeclared_advice")),
                at_key=True,
            )
        )
    if complete and SOURCES in entries:
        for index, source in enumerate(entries[SOURCES]):
            if cited[source.id] == 0:
                problems.append(files[SOURCES].problem((index, "id"), say("check_source_not_cited", id=source.id)))
    return problems, cited


def _noun(collection: str) -> str:
    """How a problem names one entry of a collection: "unknown person 'nobody'"."""
    kind = KINDS.get(collection)
    if kind is not None and kind.noun:
        return str(kind.noun)  # said in the editor's language as it is taken in
    return say(_VOCABULARY_NOUNS[collection]) if collection in _VOCABULARY_NOUNS else collection


MAX_PLACES = 3
"""Places named in a message about a value used in many: enough to find them."""


def _unknown(collection: str, value: str, ids: set[str], unnamed: set[str], where: dict[str, str]) -> str:
    """`unknown person 'myaor'; did you mean 'mayor'?`, or where such entries are kept.
    `ids`: the collection's, for a hint (none past the first few hundred unknown ids);
    `unnamed`: those of them no field names, where a renamed id is."""
    unknown = say("unknown_reference", noun=_noun(collection), value=value)
    advice = where[collection] if collection in where else say("check_where_add_or_correct")
    hint = suggestion(value, ids)
    if hint and collection == "units":  # a new unit is as likely as a misspelt one
        return say("check_unknown_if_not", unknown=unknown, hint=hint, advice=advice)
    if hint:
        return unknown + hint
    renamed = renamed_to(value, unnamed)  # a guess from a word alone: the advice stays
    return (
        say("check_unknown_renamed", unknown=unknown, renamed=renamed, advice=advice)
        if renamed
        else say("check_unknown_advice", unknown=unknown, advice=advice)
    )


def _undeclared(noun: str, value: str, collection: str, uses: list[tuple[LoadedFile, Path_]]) -> str:
    """`side 'us' is named by 30 fields (players.yml:6:9, …) but is not among the `sides` of briefing.yml`."""
    places = []
    for loaded, path in uses[:MAX_PLACES]:
        line, column = loaded.positions.of_value(path)
        places.append(f"{loaded.path.name}:{line}:{column}")
    more = say_count("check_n_more", len(uses) - MAX_PLACES) if len(uses) > MAX_PLACES else ""
    return say(
        "check_undeclared", noun=noun, value=value, fields=say_count("check_n_field", len(uses)), places=", ".join(places), more=more, collection=collection
    )


def _duplicate_ids(entries: list, loaded: LoadedFile, within: Path_ = ()) -> list[Problem]:
    """Every entry whose id an entry before it has; `within` is the list's path in its file."""
    counts = Counter(entry.id for entry in entries if hasattr(entry, "id"))
    first_line: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        entry_id = getattr(entry, "id", None)
        if entry_id is None or counts[entry_id] < 2:
            continue
        line = loaded.positions.of_value((*within, index, "id"))[0]
        if entry_id not in first_line:
            first_line[entry_id] = line
            continue
        problems.append(loaded.problem((*within, index, "id"), say("check_duplicate_id", id=entry_id, line=first_line[entry_id])))
    return problems
