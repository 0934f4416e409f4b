"""The one walk over a briefing's models: every field value, with its path in the
file, what its marks say it is, and the sources of the fact it belongs to.

The checks read a briefing through this walk alone: references (`RefTo` marks),
links in texts, quotes (`Verbatim`) and figures checked against the articles,
and who cites what.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, NamedTuple, get_args, get_origin

from pydantic import BaseModel

from generator.content.models import OneOfItsSources, Quantity, RefTo, Verbatim
from generator.load.reader import Path_


@dataclass(frozen=True)
class Marks:
    ref: RefTo | None = None
    verbatim: bool = False
    one_of_its_sources: bool = False


class Visit(NamedTuple):
    """One value met on the walk: a text, a number, a reference, or a quantity as a whole.
    (A named tuple: a large briefing has a million of them, made several times faster than
    a frozen dataclass's.)"""

    path: Path_
    value: object
    marks: Marks
    owner: BaseModel  # the model whose field it is
    sources: tuple[str, ...] | None  # the sources of the fact it is part of: its own model's, or the nearest enclosing
    within: tuple[BaseModel, ...] = ()  # the models that hold `owner`, outermost first (a quote around its wordings)


def visits(model: BaseModel, at: Path_ = (), sources: tuple[str, ...] | None = None, within: tuple[BaseModel, ...] = ()) -> list[Visit]:
    """Every value in `model`, depth first, in field order."""
    found: list[Visit] = []
    _visit(model, at, sources, within, found)
    return found


def _visit(model: BaseModel, at: Path_, sources: tuple[str, ...] | None, within: tuple[BaseModel, ...], found: list[Visit]) -> None:
    """Appends the visits of `model` to `found`: a list filled by plain calls, rather than
    generators nested as deep as the models, which pass every visit up through each level."""
    sources = sources_of(model, sources)
    inside = (*within, model)
    for name, marks in field_marks(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        for index, item in enumerate(value) if isinstance(value, list) else ((None, value),):
            path = (*at, name) if index is None else (*at, name, index)
            if type(item) in _PLAIN:  # most values: no need to ask whether they are models, a slower question
                found.append(Visit(path, item, marks, model, sources, within))
            elif isinstance(item, BaseModel):
                if isinstance(item, Quantity):
                    found.append(Visit(path, item, marks, model, sources, within))
                _visit(item, path, sources, inside, found)
            elif item is not None:
                found.append(Visit(path, item, marks, model, sources, within))


_PLAIN = frozenset({str, int, float, bool})


def sources_of(model: BaseModel, enclosing: tuple[str, ...] | None = None) -> tuple[str, ...] | None:
    """The sources of the fact `model` states: its own `sources`; where it leaves them out
    because each of its parts cites its own (a quote's wordings), all of theirs, in order;
    else those of the fact it is part of."""
    names = field_names(type(model))
    if "sources" not in names:
        return enclosing
    own = model.sources
    if isinstance(own, list):
        return tuple(own)
    parts = [part for name in names for part in _items(getattr(model, name)) if isinstance(part, BaseModel)]
    gathered = dict.fromkeys(source for part in parts for source in (getattr(part, "sources", None) or ()))
    return tuple(gathered) or enclosing


@functools.cache
def field_names(model_class: type[BaseModel]) -> tuple[str, ...]:
    """A model class's field names, in order: looked up once (pydantic's `model_fields` is slow to ask)."""
    return tuple(model_class.model_fields)


def _items(value: object) -> list:
    return value if isinstance(value, list) else [value]


@functools.cache
def field_marks(model_class: type[BaseModel]) -> tuple[tuple[str, Marks], ...]:
    """Each field's name and marks, worked out once per model class."""
    return tuple((name, _marks([*info.metadata, info.annotation])) for name, info in model_class.model_fields.items())


def _marks(candidates: list) -> Marks:
    """The marks of a field, wherever its type holds them: `PersonRef`, `list[SourceRef]`, `EventRef | None`."""
    ref, verbatim, one_of, pending = None, False, False, list(candidates)
    while pending:
        current = pending.pop()
        if isinstance(current, RefTo):
            ref = current
        elif isinstance(current, Verbatim):
            verbatim = True
        elif isinstance(current, OneOfItsSources):
            one_of = True
        if get_origin(current) is Annotated:
            pending += list(current.__metadata__)
        pending += list(get_args(current))
    return Marks(ref, verbatim, one_of)


def model_classes(model_class: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The model and every model its fields can hold, once each."""
    seen, pending = set(), [model_class]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        for info in current.model_fields.values():
            types, stack = [], [info.annotation]
            while stack:
                item = stack.pop()
                types.append(item)
                stack += list(get_args(item))
            pending += [item for item in types if isinstance(item, type) and issubclass(item, BaseModel)]
