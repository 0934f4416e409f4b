"""Where a build reads and writes: every option, one typed line with its default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    content_dir: Path = Path("content")  # the briefing's YAML files
    docs_dir: Path = Path("build/docs")  # generated Markdown; mkdocs.yml's `docs_dir`
    config_file: Path = Path("mkdocs.yml")  # the MkDocs configuration
    site_dir: Path = Path("site")  # the built static site
    archive_dir: Path | None = None  # the articles' texts, to check quotes and figures against
    engine: str = "mkdocs"  # what builds the site from mkdocs.yml: "mkdocs" or "zensical"
