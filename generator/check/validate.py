"""Turn loaded YAML data into typed models, translating every pydantic error
into a located `Problem` an editor can act on."""

from __future__ import annotations

import ast
import re
from functools import cache

from pydantic import BaseModel, ValidationError

from generator.content.briefing import Entries
from generator.content.models import MAX_MAGNITUDE, VALID_ID, FieldProblem
from generator.content.walk import model_classes
from generator.core.characters import shown
from generator.core.editor import closest, say, say_count, say_number, suggestion
from generator.core.errors import Problem
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
            return [], [loaded.problem((), say("check_expected_entries", got=_kind(loaded.data)))]
        entries, positions, problems = [], [], []
        for index, item in enumerate(loaded.data):
            entry, item_problems = _validate(model, item, loaded, (index,))
            problems += item_problems
            if entry is not None:
                entries.append(entry)
                positions.append(index)
        return Entries(entries, positions), problems
    if not isinstance(loaded.data, dict):
        return None, [loaded.problem((), say("check_expected_fields", got=_kind(loaded.data)))]
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
            say("check_field_not_here", name=shown(path[-1]))
            if str(path[-1]) in _field_names(model)
            else say("check_field_retired", name=path[-1], advice=RETIRED_FIELDS[path[-1]])
            if path[-1] in RETIRED_FIELDS
            else say("field_unknown", name=shown(path[-1]), suggestion=suggestion(str(path[-1]), _field_names(model)))
        )
        return loaded.problem(path, message, at_key=True)
    if kind in _TYPE_NAMES:
        message = say("expected", wanted=say(_TYPE_NAMES[kind]), got=_kind(value))
        # `name: no` or `outlet: 1999` is text to the editor; say why YAML read it otherwise.
        if kind == "string_type" and isinstance(value, bool):
            message += say("check_hint_quote_true_or_false")
        elif kind == "string_type" and isinstance(value, (int, float)):
            message += say("check_hint_quote_number")
        elif kind == "float_type" and isinstance(value, str):
            message += _number_hint(value)
    elif kind == "string_pattern_mismatch":
        form = _FORMS.get(path[-1] if path else "", _FORMS["id"])
        if form == _FORMS["id"] and VALID_ID.fullmatch(value.lower()):  # `Xi` for `xi`
            form = say("check_form_id_lower_case", id=shown(value.lower()))
        else:
            form = say(form, marker="{value}")  # the marker a unit's pattern holds, as the editor writes it
        message = say("check_form_mismatch", value=shown(value), form=form)
    elif kind == "string_too_short":
        message = say("must_not_be_empty")
    elif kind == "string_too_long":
        message = say("check_too_long", characters=say_count("check_n_character", detail["ctx"]["max_length"]))
    elif kind == "finite_number":
        message = say("check_not_finite", value=shown(value))
    elif kind in ("less_than_equal", "greater_than_equal"):
        message = say("check_out_of_range", value=f"{value:g}", most=say_number(MAX_MAGNITUDE))
    elif kind == "too_short":
        message = say("check_too_few_entries", entries=say_count("check_n_entry", detail["ctx"]["min_length"]))
    elif kind == "literal_error":
        message = say("check_not_allowed", value=shown(value), choices=_choices(detail["ctx"]["expected"]))
    elif kind == "value_error":
        error = detail["ctx"]["error"]
        if isinstance(error, FieldProblem):
            return _at_field(loaded, path, error)
        message = str(error)
    else:  # a mistake no entry of the catalogue says yet: pydantic's own words, framed by a translation
        message = say("check_not_valid", why=shown(detail["msg"]))
    return loaded.problem(path, message)


def _choices(expected: str) -> str:
    """The values a field allows, from pydantic's `'a', 'b' or 'c'`, in the editor's words."""
    *others, last = [_choice(each) for each in re.split(r", | or ", expected)]
    return ", ".join(others) + say("check_or") + last if others else last


def _choice(written: str) -> str:
    """One allowed value as pydantic writes it (`'direct'`), quoted as the editor's language quotes."""
    try:
        value = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    return say("check_choice", value=value) if isinstance(value, str) else written


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
        return say("check_hint_decimal_point", value=text.replace(",", "."))
    figure = _FIGURE_AS_SHOWN.fullmatch(text)
    if figure and figure.group(1) == text:  # a number alone, quoted or with commas
        return say("check_hint_no_quotes") if "," not in text else say("check_hint_no_commas", value=text.replace(",", ""))
    example = say("check_hint_like_value", value=figure.group(1).replace(",", "")) if figure else ""
    return say("check_hint_number_and_unit", example=example)


_FORMS = {
    "id": "check_form_id",
    "shown": "check_form_shown",
    "before_noun": "check_form_before_noun",
    "language": "check_form_language",
    "file": "check_form_file",
    "word": "check_form_word",
    "url": "check_form_url",
    "kind": "check_form_kind",
}
"""What a value that does not have its field's form should look like, by field name: the
key of the editors' catalogue that says it."""


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
