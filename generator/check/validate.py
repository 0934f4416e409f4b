"""Turn loaded YAML data into typed models, translating every pydantic error
into a located `Problem` an editor can act on."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ValidationError

from generator.content.briefing import Entries
from generator.content.models import MAX_MAGNITUDE, VALID_ID, FieldProblem
from generator.content.walk import model_classes
from generator.core.characters import shown
from generator.core.editor import say, suggestion
from generator.core.errors import Problem, closest
from generator.load.migrate import RETIRED_FIELDS
from generator.load.reader import LoadedFile, Path_

_TYPE_NAMES = {
    "string_type": "type_text",
    "float_type": "type_number",
    "int_type": "type_whole_number",
    "bool_type": "type_true_or_false",
    "list_type": "type_list",
    "dict_type": "type_mapping",
    "model_type": "type_mapping",
}
"""Each type a field may expect, as its message in the editors' catalogue names it."""


def validate_file(model: type[BaseModel], loaded: LoadedFile, *, is_list: bool = True) -> tuple[object, list[Problem]]:
    """The file's entries as models (a list, or one model), and the problems found."""
    if is_list:
        if not isinstance(loaded.data, list):
            return [], [loaded.problem((), f"expected a list of entries, each starting with `- `; got {_kind(loaded.data)}")]
        entries, positions, problems = [], [], []
        for index, item in enumerate(loaded.data):
            entry, item_problems = _validate(model, item, loaded, (index,))
            problems += item_problems
            if entry is not None:
                entries.append(entry)
                positions.append(index)
        return Entries(entries, positions), problems
    if not isinstance(loaded.data, dict):
        return None, [loaded.problem((), f"expected a mapping of `field: value` lines; got {_kind(loaded.data)}")]
    return _validate(model, loaded.data, loaded, ())


def _validate(model: type[BaseModel], data: object, loaded: LoadedFile, at: Path_) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        found, seen = [], set()
        for detail in error.errors():
            path = (*at, *_data_path(data, detail["loc"]))
            if path in seen:  # a union reports once per alternative; one message is enough
                continue
            seen.add(path)
            found.append((detail, path))
        unknown = [path for detail, path in found if detail["type"] == "extra_forbidden"]
        return None, [
            _translate(detail, path, loaded, model) for detail, path in found if not (detail["type"] == "missing" and _misspelt(path, unknown, model))
        ]


def _misspelt(missing: Path_, unknown: list[Path_], model: type[BaseModel]) -> bool:
    """A required field missing because it is misspelt beside it (`sorces:`): the unknown
    field's message names it (did you mean 'sources'?), so it is not said twice."""
    names = _field_names(model)
    return any(
        path[:-1] == missing[:-1]
        and str(path[-1]) not in names  # else its message is "not a field here"
        and closest(str(path[-1]), names) == missing[-1]
        for path in unknown
    )


def _data_path(data: object, loc: tuple) -> Path_:
    """Keep only the parts of a pydantic location that name real data (drop union tags)."""
    path, node = [], data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and "[" not in part and "-" not in part:
            path.append(part)  # a missing or unknown field: name it, then stop
            break
    return tuple(path)


def _translate(detail: dict, path: Path_, loaded: LoadedFile, model: type[BaseModel]) -> Problem:
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        message = say("field_missing", name=path[-1])
        return loaded.problem(path[:-1], message, field_path=path)
    if kind == "extra_forbidden":
        message = (
            f"`{shown(path[-1])}` is not a field here; see the README for the fields of this file"
            if str(path[-1]) in _field_names(model)
            else f"`{path[-1]}` is a field of an older content format; {RETIRED_FIELDS[path[-1]]}"
            if path[-1] in RETIRED_FIELDS
            else say("field_unknown", name=shown(path[-1]), suggestion=suggestion(str(path[-1]), _field_names(model)))
        )
        return loaded.problem(path, message, at_key=True)
    if kind in _TYPE_NAMES:
        message = say("expected", wanted=say(_TYPE_NAMES[kind]), got=_kind(value))
        # `name: no` or `outlet: 1999` is text to the editor; say why YAML read it otherwise.
        if kind == "string_type" and isinstance(value, bool):
            message += "; unquoted, YAML reads yes, no, on, off, true and false as true or false: put the text in quotes"
        elif kind == "string_type" and isinstance(value, (int, float)):
            message += "; put it in quotes to make it text"
        elif kind == "float_type" and isinstance(value, str):
            message += _number_hint(value)
    elif kind == "string_pattern_mismatch":
        form = _FORMS.get(path[-1] if path else "", _FORMS["id"])
        if form == _FORMS["id"] and VALID_ID.fullmatch(value.lower()):  # `Xi` for `xi`
            form = f"is not a valid id; ids are in lower case: write `{shown(value.lower())}`"
        message = f"'{shown(value)}' {form}"
    elif kind == "string_too_short":
        message = say("must_not_be_empty")
    elif kind == "string_too_long":
        message = f"is longer than {detail['ctx']['max_length']} characters; shorten it"
    elif kind == "finite_number":
        message = f"{shown(value)} is not a number a reader can be shown; write the figure, like `7`"
    elif kind in ("less_than_equal", "greater_than_equal"):
        message = f"{value:g} is out of range; a figure lies between -{MAX_MAGNITUDE:,.0f} and {MAX_MAGNITUDE:,.0f}"
    elif kind == "too_short":
        message = f"needs at least {detail['ctx']['min_length']} entr{'y' if detail['ctx']['min_length'] == 1 else 'ies'}"
    elif kind == "literal_error":
        message = f"'{shown(value)}' is not allowed here; use {detail['ctx']['expected']}"
    elif kind == "value_error":
        error = detail["ctx"]["error"]
        if isinstance(error, FieldProblem):
            return _at_field(loaded, path, error)
        message = str(error)
    else:
        message = shown(detail["msg"])
    return loaded.problem(path, message)


def _at_field(loaded: LoadedFile, path: Path_, problem: FieldProblem) -> Problem:
    """A model's own check, located at the field it names: at the field's key where it is
    written (one to delete), else at the entry (one to add)."""
    node = loaded.data
    for part in path:
        known = (isinstance(node, dict) and part in node) or (isinstance(node, list) and isinstance(part, int) and part < len(node))
        node = node[part] if known else None
    at = (*path, problem.field)
    if isinstance(node, dict) and problem.field in node:
        return loaded.problem(at, str(problem), at_key=True)
    return loaded.problem(path, str(problem), field_path=at)


# A figure as a reader sees it: a currency sign, one number (thousands in groups of three),
# then a unit in words or a per cent sign. Anything else gets no number in the hint: a
# decimal comma, a range or an exponent would be misread.
_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_FIGURE_AS_SHOWN = re.compile(rf"[$€£¥]?\s*({_NUMBER})\s*(?:%|[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)*)?")


def _number_hint(text: str) -> str:
    """What to write for a figure typed as text: `5%` is `value: 5` beside `unit: percent`."""
    text = text.strip().replace("\u2212", "-")  # the minus sign of copied news text
    if re.fullmatch(r"-?\d+,(?:\d{1,2}|\d{4,})", text):  # not thousands: a decimal comma, as French or German write it
        return f"; content files write a decimal with a point, like `value: {text.replace(',', '.')}`"
    figure = _FIGURE_AS_SHOWN.fullmatch(text)
    if figure and figure.group(1) == text:  # a number alone, quoted or with commas
        return "; write it without quotes" if "," not in text else f"; write it without the commas, like `value: {text.replace(',', '')}`"
    number = f", like `value: {figure.group(1).replace(',', '')}`," if figure else ""
    return f"; write the number alone in digits{number} and what it counts beside it, as `unit:` (one of the briefing's `units`)"


_FORMS = {
    "id": "is not a valid id; use lower-case letters, digits and hyphens, like `jo-mayor`",
    "shown": "has no `{value}`: write where the number goes, like `{value} km` or `${value} billion`",
    "before_noun": "has no `{value}`: write where the number goes, like `{value}-day`",
    "language": "is not a language code; write one like `en` or `fr`",
    "file": "is not a file name of the content folder; write one like `timeline.yml` (or `background.md` for a page)",
    "word": "is not one lower-case word; write the word articles put after the number, like `billion` or `day`",
    "url": "is not a web address; write the full address, starting with https://",
    "kind": "is not a kind of section; write one of the kinds, like `timeline`",
}
"""What a value that does not have its field's form should look like, by field name."""


@cache  # asked again for each misspelt or missing field of a file
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name of the model and the models inside it, for typo hints."""
    return frozenset(name for model_class in model_classes(model) for name in model_class.model_fields)


def _kind(value: object) -> str:
    if value is None:
        return say("got_nothing")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return say("got_number", value=value)
    if isinstance(value, str):
        return say("got_text", value=shown(value))
    if isinstance(value, list):
        return say("got_list")
    if isinstance(value, dict):
        return say("got_mapping")
    return type(value).__name__
