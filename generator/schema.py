"""JSON Schemas of the content files, made from the models, so that an editor's
YAML extension (yaml-language-server) completes field names and flags mistakes
while typing. Each content file names its schema in its first line."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from .content import CONTENT_FILES, ContentFile


def schema_for(spec: ContentFile) -> dict:
    shape = list[spec.model] if spec.is_list else spec.model
    schema = TypeAdapter(shape).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": spec.filename, **schema}


def schema_texts() -> dict[str, str]:
    """File name to JSON text, for every content file."""
    return {f"{spec.stem}.schema.json": json.dumps(schema_for(spec), indent=2, sort_keys=True) + "\n" for spec in CONTENT_FILES}


def write_schemas(folder: Path) -> list[str]:
    """Write the schemas; returns the names of those that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def modeline(spec: ContentFile, schema_folder: str = "../schemas") -> str:
    """The first line of a content file, naming its schema for the editor."""
    return f"# yaml-language-server: $schema={schema_folder}/{spec.stem}.schema.json"
