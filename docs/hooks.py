"""MkDocs hooks of the project's documentation: the reference pages that describe the
code are generated from it at every build, so they cannot drift from it.

- `reference/kinds.md`: every section kind's entry fields (`generator.kinds.registry.KINDS`)
  and the fields of `briefing.yml` (`generator.content.models.Briefing`);
- `reference/command-line.md`: the generator's `--help`;
- `reference/catalogue-keys.md`: every key of every message catalogue, with its text;
- `reference/templates.md`: the generator's templates and what renders each;
- the README's screenshots, from `assets/screenshots/`, so the pages can show them
  without a copy in `docs/`.
"""

from __future__ import annotations

import argparse
import html
import inspect
import io
import json
import re
import sys
import tokenize
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The generator of this checkout, not one installed elsewhere.
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File  # noqa: E402

from generator.__main__ import _parser  # noqa: E402
from generator.content.models import VALID_ID, Briefing, RefTo, Verbatim  # noqa: E402
from generator.i18n import messages  # noqa: E402
from generator.kinds.registry import KINDS  # noqa: E402
from generator.render.pages import template_file, template_names  # noqa: E402

HELP_WIDTH = 88  # argparse wraps to the terminal; a fixed width gives the same page on every machine


def on_files(files, config):
    pages = {
        "reference/kinds.md": kinds_page(),
        "reference/command-line.md": command_line_page(),
        "reference/catalogue-keys.md": catalogue_page(),
        "reference/templates.md": templates_page(),
    }
    for uri, content in pages.items():
        files.append(File.generated(config, uri, content=content))
    for picture in sorted((ROOT / "assets" / "screenshots").glob("*.png")):
        files.append(File.generated(config, f"assets/screenshots/{picture.name}", abs_src_path=str(picture)))
    return files


# --- section kinds and briefing.yml ---------------------------------------------------


def kinds_page() -> str:
    types: dict[str, dict] = {}  # every model a field refers to, by name, for the last part of the page
    lines = [
        "# Section kinds and their fields",
        "",
        "Generated from the code at every build: `generator.kinds.registry.KINDS` and",
        "`generator.content.models.Briefing`. What each kind shows and how is in",
        "[The content files](content-files.md).",
        "",
        "Each table lists an entry's fields: its type, whether it must be given, its default,",
        "and what it is, from the model's description or the comment beside the field.",
        "*Names an entry of …* means the value must be the `id` of an entry elsewhere (or a",
        "name from a vocabulary of `briefing.yml`); *word for word* means the text must stand",
        "in every article the entry cites.",
        "",
        "## `briefing.yml` { #briefing }",
        "",
        _model_block(Briefing, types),
    ]
    for name in sorted(KINDS):
        kind = KINDS[name]
        lines += ["", f"## `{name}` {{ #kind-{name} }}", ""]
        module = next((m for m in list(sys.modules.values()) if getattr(m, "KIND", None) is kind), None)
        if module is not None and module.__doc__:
            lines += [" ".join(inspect.getdoc(module).split()), ""]
        facts = [f"Template: `{kind.template}`"]
        if kind.embed is not None:
            facts.append(f"embed page template: `{kind.embed.template}`")
        facts.append(
            {
                "entries": "its file holds a YAML list of entries",
                "markdown": "its file holds Markdown the editor writes",
                "none": "it reads no file of its own",
            }[kind.reads]
        )
        if kind.default_file:
            facts.append(f"file when the declaration names none: `{kind.default_file}`")
        lines.append("; ".join(facts) + ".")
        lines.append("")
        if kind.options:
            lines.append("Options (`options:` of its declaration): " + ", ".join(f"`{option}`" for option in kind.options) + ".")
        else:
            lines.append("Options: none.")
        lines.append("")
        if kind.entry is None:
            lines.append("It has no entries: no entry model.")
        else:
            lines.append(f"One entry: `{kind.entry.__name__}`.")
            lines.append("")
            lines.append(_model_block(kind.entry, types))
    lines += ["", "## Value types { #types }", "", "The models the fields above refer to.", ""]
    done: set[str] = set()
    while len(done) < len(types):  # a model may refer to others in turn
        for name in sorted(set(types) - done):
            done.add(name)
            model = types[name]
            lines += [f"### `{name}` {{ #type-{name.lower()} }}", "", _model_block(model, types), ""]
    return "\n".join(lines) + "\n"


def _model_block(model, types: dict) -> str:
    schema = model.model_json_schema()
    for field in model.model_fields.values():
        for nested in _models_in(field.annotation):
            types.setdefault(nested.__name__, nested)
    comments = _field_comments(model)
    doc = inspect.cleandoc(model.__dict__.get("__doc__") or "")  # its own, not pydantic's BaseModel's
    required = set(schema.get("required", ()))
    rows = []
    for name, field in model.model_fields.items():
        prop = schema["properties"].get(field.alias or name, {})
        description = _constants(field.description or prop.get("description") or comments.get(name, ""), model)
        if description and not description.endswith((".", "!", "?")):
            description += "."
        about = html.escape(" ".join(part for part in (description, _marks(field)) if part))
        default = "" if name in required else html.escape(json.dumps(field.get_default(call_default_factory=True), ensure_ascii=False, default=str))
        rows.append(
            f"<tr><td><code>{html.escape(name)}</code></td><td>{_type(prop, schema)}</td>"
            f"<td>{'yes' if name in required else 'no'}</td>"
            f"<td>{f'<code>{default}</code>' if default else ''}</td><td>{_inline(about)}</td></tr>"
        )
    one_of = schema.get("oneOf")
    note = ""
    if one_of:
        choices = ", ".join(f"<code>{html.escape(choice['required'][0])}</code>" for choice in one_of)
        note = f"<p>Exactly one of {choices} is given.</p>\n"
    return (
        (f"<p>{_inline(html.escape(doc))}</p>\n" if doc else "")
        + note
        + (
            "<table>\n<thead><tr><th>field</th><th>type</th><th>required</th><th>default</th><th>what it is</th></tr></thead>\n<tbody>\n"
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n"
        )
    )


def _constants(text: str, model) -> str:
    """A limit a comment names by its constant (`at most WHY_IT_MATTERS_WORDS words`), as its value."""
    module = sys.modules[model.__module__]

    def value(match):
        found = getattr(module, match.group(0), None)
        return f"{found:,}" if isinstance(found, int) and not isinstance(found, bool) else match.group(0)

    return re.sub(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", value, text)


def _inline(escaped: str) -> str:
    """`code` in a description, as the docstrings write it, shown as code."""
    parts = escaped.replace("\n", " ").split("`")
    return "".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts))


def _type(prop: dict, schema: dict) -> str:
    """A field's JSON Schema, in words: `text`, `list of Statement`, `one of a, b`."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#type-{name.lower()}">{html.escape(name)}</a>'
    if "anyOf" in prop:
        options = [option for option in prop["anyOf"] if option.get("type") != "null"]
        text = " or ".join(_type(option, schema) for option in options)
        return text + (" or null" if len(options) < len(prop["anyOf"]) else "")
    if "enum" in prop:
        return "one of " + ", ".join(f"<code>{html.escape(json.dumps(value))}</code>" for value in prop["enum"])
    if "const" in prop:
        return f"<code>{html.escape(json.dumps(prop['const']))}</code>"
    kind = prop.get("type")
    limits = []
    if prop.get("pattern") == VALID_ID.pattern:
        # The ids' rule, once in words rather than as its pattern on every line.
        return f"id (lower-case letters, digits and single hyphens; {_range(prop.get('minLength'), prop.get('maxLength'), 'characters')})"
    if prop.get("minLength") == 1 and "maxLength" not in prop:
        limits.append("not empty")
    elif "minLength" in prop or "maxLength" in prop:
        limits.append(_range(prop.get("minLength"), prop.get("maxLength"), "characters"))
    if "minimum" in prop or "maximum" in prop:
        limits.append(_range(prop.get("minimum"), prop.get("maximum"), ""))
    if "pattern" in prop:
        limits.append(f"matching <code>{html.escape(prop['pattern'])}</code>")
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}
    if kind == "array":
        items = [_range(prop.get("minItems"), prop.get("maxItems"), "items")] if "minItems" in prop or "maxItems" in prop else []
        return f"list ({items[0]}) of " + _type(prop.get("items", {}), schema) if items else "list of " + _type(prop.get("items", {}), schema)
    elif kind == "object":
        values = prop.get("additionalProperties")
        text = "mapping of names to " + (_type(values, schema) if isinstance(values, dict) else "values")
    else:
        text = names.get(kind, html.escape(str(kind or "any value")))
    return text + (f" ({', '.join(limits)})" if limits else "")


def _range(low, high, unit: str) -> str:
    if unit and low == 1 and high is None:
        return f"at least one {unit[:-1]}"  # "at least 1 items" reads badly
    unit = f" {unit}" if unit else ""
    if low is not None and high is not None:
        return f"{_number(low)} to {_number(high)}{unit}"
    return f"at least {_number(low)}{unit}" if low is not None else f"at most {_number(high)}{unit}"


def _number(value) -> str:
    return f"{int(value):,}" if float(value).is_integer() else str(value)


def _annotations(annotation):
    """Every type inside an annotation (`list[X] | None` gives list, X and None), with the
    metadata of each `Annotated` on the way."""
    stack = [annotation]
    while stack:
        current = stack.pop()
        metadata = getattr(current, "__metadata__", ())
        yield current, metadata
        origin = getattr(current, "__origin__", None)
        if metadata and origin is not None:
            stack.append(origin)
        stack.extend(typing.get_args(current) if not metadata else ())


def _models_in(annotation) -> list:
    from pydantic import BaseModel

    return [current for current, _ in _annotations(annotation) if isinstance(current, type) and issubclass(current, BaseModel)]


def _marks(field) -> str:
    metadata = list(field.metadata)
    for _, more in _annotations(field.annotation):
        metadata.extend(more)
    marks = []
    for mark in metadata:
        if isinstance(mark, RefTo) and f"Names an entry of `{mark.collection}`." not in marks:
            marks.append(f"Names an entry of `{mark.collection}`.")
        if isinstance(mark, Verbatim) and "Word for word." not in marks:
            marks.append("Word for word.")
    return " ".join(marks)


def _field_comments(model) -> dict[str, str]:
    """The comment beside each field in the class's source (`name: Text  # what it is`),
    for the fields that have no description of their own."""
    comments = {}
    for cls in reversed(model.__mro__):
        if cls.__module__.startswith("pydantic") or cls is object:
            continue
        try:
            source = inspect.getsource(cls)
        except (OSError, TypeError):
            continue
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        for index, token in enumerate(tokens):
            if token.type != tokenize.COMMENT:
                continue
            line = [t for t in tokens[:index] if t.start[0] == token.start[0] and t.type not in (tokenize.INDENT, tokenize.DEDENT)]
            if len(line) >= 2 and line[0].type == tokenize.NAME and line[1].string == ":" and line[0].start[1] == 4:
                comments[line[0].string] = token.string.lstrip("#").strip()
    return comments


# --- the command line ----------------------------------------------------------------


def command_line_page() -> str:
    parser = _parser()
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=HELP_WIDTH)
    text = parser.format_help()
    fence = "`" * max(3, _longest_run(text, "`") + 1)
    return "\n".join(
        [
            "# The generator's command line",
            "",
            "Generated from the code at every build: the text of `python -m generator --help`",
            "(`generator.__main__`). Installed as a package, the same command is `briefing`.",
            "The Makefile's targets call it; they are in [Commands](commands.md).",
            "",
            f"{fence}text",
            text.rstrip("\n"),
            fence,
            "",
        ]
    )


def _longest_run(text: str, character: str) -> int:
    longest = current = 0
    for c in text:
        current = current + 1 if c == character else 0
        longest = max(longest, current)
    return longest


# --- the message catalogues ----------------------------------------------------------


def catalogue_page() -> str:
    lines = [
        "# Catalogue keys",
        "",
        "Generated from the code at every build: every key of every catalogue, the generator's",
        "(`generator/i18n/messages/`) and each kind's (`generator/kinds/<kind>/messages/`), merged",
        "per language, with its text as the catalogue has it. `{name}` is a value",
        "the generator fills in. How the catalogues are used is in",
        "[Message catalogues](messages.md).",
    ]
    for path in sorted((ROOT / "generator" / "i18n" / "messages").glob("*.yml")):
        texts = messages.shipped(path.stem)
        lines += [
            "",
            f"## `{path.name}` {{ #catalogue-{path.stem} }}",
            "",
            f"{len(texts)} keys.",
            "",
            "<table>",
            "<thead><tr><th>key</th><th>text</th></tr></thead>",
            "<tbody>",
        ]
        for key, text in texts.items():
            lines.append(f"<tr><td><code>{html.escape(key)}</code></td><td>{html.escape(text)}</td></tr>")
        lines += ["</tbody>", "</table>"]
    return "\n".join(lines) + "\n"


# --- the templates -------------------------------------------------------------------


def templates_page() -> str:
    users: dict[str, list[str]] = {}
    for name, kind in sorted(KINDS.items()):
        users.setdefault(kind.template, []).append(f"the page of {'an' if name[0] in 'aeiou' else 'a'} `{name}` section")
        if kind.embed is not None:
            users.setdefault(kind.embed.template, []).append(f"the embed page of {'an' if name[0] in 'aeiou' else 'a'} `{name}` section")
    lines = [
        "# Templates",
        "",
        "Generated from the code at every build: every template in `generator/render/templates/`,",
        "and what renders it (`template` and `embed` of each kind in `generator.kinds`).",
        "A briefing's `templates/` folder may replace any of them by name:",
        "[Override a template](../how-to/override-a-template.md) says how, and what a",
        "template sees.",
        "",
        "| file | renders |",
        "| --- | --- |",
    ]
    for name in template_names():
        what = "; ".join(users.get(name, [])) or "a part the others include"
        lines.append(f"| `{template_file(name).relative_to(ROOT).as_posix()}` | {what} |")
    return "\n".join(lines) + "\n"
