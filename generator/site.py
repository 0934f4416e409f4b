"""Build the static site from the generated Markdown with MkDocs, without ever
leaving a half-built `site/`: the build goes to a fresh folder beside it and
replaces the old site only once it has succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class SiteBuildError(Exception):
    """MkDocs refused to build; its own report is the message."""


def build_site(config_file: Path, site_dir: Path, *, env: dict[str, str] | None = None) -> None:
    """`mkdocs build --strict` into a temporary folder, then swap it in for `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(config_file), "--site-dir", str(staging)]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildError((result.stderr or result.stdout).strip() or f"mkdocs exited with status {result.returncode}")
    _swap_in(staging, site_dir)


def _swap_in(staging: Path, site_dir: Path) -> None:
    retired = None
    if site_dir.exists():
        retired = site_dir.with_name(f".{site_dir.name}-retired-{os.getpid()}")
        site_dir.rename(retired)
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    staging.rename(site_dir)
    if retired:
        shutil.rmtree(retired, ignore_errors=True)
