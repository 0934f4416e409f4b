"""The whole briefing as one JSON file (`briefing.json` at the site's root), for readers
and newsrooms to take away: the briefing's title, language, date and vocabularies, each
section's entries as validated (texts as the editors wrote them, inline Markdown
included), and the sources with their numbers, the names the site gives them and how
many facts cite each.

Keys are the content's own field names. Dates are ISO 8601 (`2024-03`), numbers raw,
and addresses those of the published site where it has one (else from the site's
root). The same content always gives the same bytes. `<`, `>` and `&` are written as
escapes (`\\u003c`), so an editor's `<script>` stays inert even where the file is pasted
into a page's `<script>` element.
"""

from __future__ import annotations

import json
from functools import cache

from markupsafe import Markup
from pydantic import BaseModel

from generator.content.briefing import Content, Page
from generator.content.models import SOURCES, PartialDate
from generator.kinds import Context, Table


def briefing_json(content: Content, context: Context, tables: dict[str, list[Table]], embeds: dict[str, str]) -> str:
    """`tables` and `embeds`: each page's data tables and its embed page, by page slug."""
    return as_json(briefing_data(content, context, tables, embeds))


def briefing_data(content: Content, context: Context, tables: dict[str, list[Table]], embeds: dict[str, str]) -> dict:
    links = context.links
    briefing = {key: value for key, value in as_data(content.briefing).items() if key != "sections"}
    data = {key: briefing.pop(key) for key in ("title", "language", "as_of")}
    if links.published:
        data["address"] = links.address(content.home.filename)
    data.update(briefing)
    data["sections"] = [section(page, context, tables.get(page.slug, []), embeds.get(page.slug)) for page in content.pages]
    data["sources"] = [source_data(number, source, context) for number, source in enumerate(content.sources, start=1)]
    return data


def section(page: Page, context: Context, tables: list[Table], embed: str | None) -> dict:
    links = context.links
    data = {"kind": page.kind.name, "title": page.title, "address": links.address(page.filename)}
    if page.declaration.intro is not None:
        data["intro"] = page.declaration.intro
    if page.declaration.options:
        data["options"] = dict(page.declaration.options)
    if tables:
        data["data"] = [links.address(links.data(page, table.name)) for table in tables]
    if embed:
        data["embed"] = links.address(embed)
    data["entries"] = page.entries if isinstance(page.entries, str) else [as_data(entry) for entry in page.entries]
    return data


def source_data(number: int, source, context: Context) -> dict:
    """A source as the content records it, with its number, its `label` (how the site names
    it: outlet and headline, else the editor's label, else what it is), how many facts
    cite it and its entry on the Sources page. Where the article's text is kept
    (`archive_file`) stays out; the Sources section's entries keep the editor's own
    `label` as written."""
    recorded = as_data(source)
    sources_page = context.links.entry(SOURCES, source)
    return {
        "number": number,
        **recorded,
        "label": context.citations.label(source.id),
        "cited_by": context.content.citation_counts[source.id],
        **({"address": context.links.address(sources_page)} if sources_page else {}),
    }


UNPUBLISHED = {"archive_file"}
"""Fields that are the newsroom's own business: where it keeps an article's text."""


def as_data(value: object) -> object:
    """A validated value as JSON data: models as objects of their set fields, dates as ISO text."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, PartialDate):
        return str(value)
    # Most values are text: taken as they are here, without a call each.
    if isinstance(value, BaseModel):
        required = _required(type(value))
        return {
            name: field if type(field) in _AS_IS else as_data(field)
            for name in _published(type(value))
            if (field := getattr(value, name)) is not None or name in required  # a required field's null: the article does not say
        }
    if isinstance(value, dict):
        return {str(key): item if type(item) in _AS_IS else as_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [item if type(item) in _AS_IS else as_data(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Markup):
        return str(value)
    return value


_AS_IS = frozenset({str, int, bool, type(None)})
"""What JSON takes as it is: most values of a large briefing, so they skip the checks above."""


@cache
def _published(model: type[BaseModel]) -> tuple[str, ...]:
    """A model's fields that the JSON shows, in their order: worked out once per model."""
    return tuple(name for name in model.model_fields if name not in UNPUBLISHED)


@cache
def _required(model: type[BaseModel]) -> frozenset[str]:
    """A model's fields every entry writes, even as `null`: the JSON keeps them, so that its
    readers find the same names in every entry."""
    return frozenset(name for name, info in model.model_fields.items() if info.is_required())


_INERT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def as_json(data: object) -> str:
    """Stable JSON: compact (indenting would run Python's pure-Python encoder, several
    times slower on a large briefing), in the order the content gives, UTF-8 as it is
    but for the characters that could end a `<script>` element or a JavaScript string."""
    # `data` is a tree `as_data` made: no value in it can contain itself, nothing to check for.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    for character, escape in _INERT.items():  # a replace each: far faster than `translate` on megabytes
        text = text.replace(character, escape)
    return text + "\n"
