"""The project as the benchmarks build it, in a folder of their own, as the tests do."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_settings(workdir: Path) -> tuple[Path, Path, Path]:
    """A configuration in `workdir` that inherits the project's, with the project's theme
    overrides: its file, and the docs and site folders beside it."""
    config = workdir / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\ntheme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n", encoding="utf-8")
    return config, workdir / "docs", workdir / "site"
