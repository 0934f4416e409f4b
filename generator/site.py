"""Build the static site from the generated Markdown with MkDocs, without ever
leaving a half-built `site/`: the build goes to a fresh folder beside it and
replaces the old site only once it has succeeded.

Two engines read the same `mkdocs.yml`: MkDocs with Material for MkDocs (the
default) and Zensical, its successor from the same team."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


ENGINES = ("mkdocs", "zensical")


class SiteBuildError(Exception):
    """The engine refused to build; its own report is the message."""


def build_site(config_file: Path, site_dir: Path, *, env: dict[str, str] | None = None, engine: str = "mkdocs") -> None:
    """`mkdocs build --strict` (or `zensical build --strict`) into a temporary folder,
    then swap it in for `site_dir`."""
    if engine not in ENGINES:
        raise SiteBuildError(f"unknown engine '{engine}'; use one of: {', '.join(ENGINES)}")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    try:
        if engine == "zensical":
            _build_with_zensical(Path(config_file).resolve(), staging, env or {})
        else:
            _build_with_mkdocs(Path(config_file), staging, env or {})
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap_in(staging, site_dir)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors, to report them if the build is refused."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _build_with_mkdocs(config_file: Path, staging: Path, env: dict[str, str]) -> None:
    """`mkdocs build --strict`, in this process: the generator's own start-up is already paid."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collected = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collected)
    propagate, logger.propagate = logger.propagate, False  # reported once, below, not also on the console
    try:
        with _environment({"NO_MKDOCS_2_WARNING": "1", **env}):
            config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except (MkDocsException, OSError, SystemExit) as error:  # SystemExit: a config error aborts like the CLI
        raise SiteBuildError("\n".join([*collected.messages, str(error)]).strip() or "MkDocs refused to build") from None
    finally:
        logger.removeHandler(collected)
        logger.propagate = propagate


def _build_with_zensical(config_file: Path, staging: Path, env: dict[str, str]) -> None:
    wrapper = _zensical_config(config_file, staging)
    try:
        command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(wrapper)]
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env})
    finally:
        wrapper.unlink(missing_ok=True)
    if result.returncode != 0:
        raise SiteBuildError(_report(result.stderr or result.stdout) or f"zensical exited with status {result.returncode}")


def _report(output: str) -> str:
    """The engine's report as plain text: Zensical colours it and ends it with a Python traceback."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    before, traceback, after = output.partition("Traceback (most recent call last):")
    return (before + after.strip().splitlines()[-1] if traceback and after.strip() else output).strip()


def _zensical_config(config_file: Path, staging: Path) -> Path:
    """Zensical has no `--site-dir`: a configuration beside the real one inherits it
    and names the staging folder, which Zensical wants inside the config's folder."""
    try:
        relative = staging.relative_to(config_file.parent)
    except ValueError:
        raise SiteBuildError(f"Zensical builds only inside the folder of its configuration ({config_file.parent}); "
                             "choose a site folder there") from None
    handle, name = tempfile.mkstemp(prefix=f".{config_file.stem}-zensical-", suffix=".yml", dir=config_file.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:  # JSON strings are YAML strings
        file.write(f"INHERIT: {json.dumps(config_file.name)}\nsite_dir: {json.dumps(relative.as_posix())}\n")
    return Path(name)


def _swap_in(staging: Path, site_dir: Path) -> None:
    retired = None
    if site_dir.exists():
        retired = site_dir.with_name(f".{site_dir.name}-retired-{os.getpid()}")
        site_dir.rename(retired)
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    staging.rename(site_dir)
    if retired:
        shutil.rmtree(retired, ignore_errors=True)
