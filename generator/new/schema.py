"""JSON Schemas of the content files, made from the models, so that an editor's
YAML extension (yaml-language-server) completes field names and flags mistakes
while typing: one for `briefing.yml` and one per section kind that reads entries.
Each content file names its schema in its first line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from generator.content.models import Briefing
from generator.kinds.registry import KINDS


def schema_for(name: str, model: type[BaseModel], is_list: bool = True) -> dict:
    schema = TypeAdapter(list[model] if is_list else model).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": name, **schema}


def schema_texts() -> dict[str, str]:
    """File name to JSON text: `briefing.schema.json`, and `<kind>.schema.json` per kind."""
    schemas = {"briefing": schema_for("briefing.yml", Briefing, is_list=False)}
    schemas.update({name: schema_for(f"a {name} section's file", kind.entry) for name, kind in sorted(KINDS.items()) if kind.entry})
    return {f"{name}.schema.json": json.dumps(schema, indent=2, sort_keys=True) + "\n" for name, schema in schemas.items()}


def write_schemas(folder: Path) -> list[str]:
    """Write the schemas, and remove those of kinds that are gone; returns the names changed."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = schema_texts()
    changed = []
    for name, text in texts.items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    for stale in folder.glob("*.schema.json"):
        if stale.name not in texts:
            stale.unlink()
            changed.append(stale.name)
    return changed


def modeline(kind: str, schema_folder: str = "../schemas") -> str:
    """The first line of a content file, naming its schema for the editor."""
    return f"# yaml-language-server: $schema={schema_folder}/{kind}.schema.json"
