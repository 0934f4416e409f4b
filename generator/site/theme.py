"""The site's configuration and theme overrides where there is no checkout: an
installed `briefing` command run from any folder uses the copies packaged with it
(`mkdocs.yml` and `overrides/`, as the package `briefing_site`), copied into the
build folder so that the configuration the build writes beside them stays there."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path


def packaged_config(build_dir: Path) -> Path | None:
    """`build_dir/theme/mkdocs.yml`, copied from the package, or None where it is not installed."""
    spec = importlib.util.find_spec("briefing_site")
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(next(iter(spec.submodule_search_locations)))
    target = build_dir / "theme"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(source / "overrides", target / "overrides", dirs_exist_ok=True)
    return target / "mkdocs.yml"
