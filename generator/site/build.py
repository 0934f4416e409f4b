"""Build the static site from the generated Markdown with MkDocs, without ever
leaving a half-built or missing `site/`: the build goes to a fresh folder beside
it and is swapped in, in one atomic step, only once it has succeeded.

Two engines read the same `mkdocs.yml`: MkDocs with Material for MkDocs (the
default) and Zensical, its successor from the same team. Both read it through a
configuration the build writes beside it, which inherits it (`INHERIT`) and adds
what comes from the briefing: the site's name, description and address. Nothing
reaches the engine through the environment."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.core.encode import yaml_json

ENGINES = ("mkdocs", "zensical")
MKDOCS_HOOKS = Path(__file__).with_name("mkdocs_hooks.py")


class SiteBuildError(Exception):
    """The engine refused to build, or the site could not be written; the message says why."""


def build_site(config_file: Path, site_dir: Path, *, values: dict[str, str] | None = None, engine: str = "mkdocs") -> None:
    """`mkdocs build --strict` (or `zensical build --strict`) into a temporary folder,
    then swap it in for `site_dir`. `values` are configuration settings from the
    briefing (`site_name`, …). The old site stays whole if anything fails."""
    if engine not in ENGINES:
        raise SiteBuildError(f"unknown engine '{engine}'; use one of: {', '.join(ENGINES)}")
    site_dir = Path(os.path.abspath(site_dir))
    config_file = Path(os.path.abspath(config_file))
    refuse_to_replace(site_dir)
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned_builds(site_dir)
        remove_abandoned_configs(config_file)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-{os.getpid()}-", dir=site_dir.parent))
    except OSError as error:
        raise SiteBuildError(_cannot_write(error, site_dir)) from None
    try:
        with generated_config(config_file, values or {}, engine, staging) as config:
            if engine == "zensical":
                _build_with_zensical(config)
            else:
                _build_with_mkdocs(config, staging)
        staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        swap_in(staging, site_dir)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildError(_cannot_write(error, site_dir)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def refuse_to_replace(site_dir: Path) -> None:
    """The build replaces `site_dir` whole: refuse when it holds anything but a built site
    (a mistyped `--site` could name the content folder, a file, or a link elsewhere)."""
    if os.path.islink(site_dir):
        raise SiteBuildError(f"{site_dir} is a symbolic link; name the site's real folder, so the link's target is not left stale")
    if not os.path.lexists(site_dir):
        return
    if not site_dir.is_dir():
        raise SiteBuildError(f"{site_dir} is a file, not a site folder; remove it or choose another place for the site")
    if any(site_dir.iterdir()) and not (site_dir / "index.html").is_file():
        raise SiteBuildError(
            f"{site_dir} holds files but no built site (no index.html), and building would replace them all; choose a new or empty folder for the site"
        )


def _cannot_write(error: OSError, site_dir: Path) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"could not write the site beside {site_dir}: {error.strerror or error}{where}"


def write_config(path: Path, config_file: Path, values: dict[str, str]) -> None:
    """A configuration at `path`, beside `config_file`, that inherits it and sets `values`.
    Written as quoted strings: a title like `1984` or `Yes` stays text, and no character
    can end the string early."""
    lines = [f"INHERIT: {yaml_json(config_file.name)}"] + [f"{key}: {yaml_json(value)}" for key, value in values.items()]
    temporary = path.with_name(f"{path.name}.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)  # a watching server never reads half a file


def for_engine(values: dict, engine: str = "mkdocs") -> dict:
    """The briefing's settings and what the engine needs besides: MkDocs runs our hooks."""
    return {**values, "hooks": [str(MKDOCS_HOOKS)]} if engine == "mkdocs" else dict(values)


@contextlib.contextmanager
def generated_config(config_file: Path, values: dict[str, str], engine: str = "mkdocs", staging: Path | None = None):
    """A temporary configuration beside `config_file` (relative paths in it, like
    `docs_dir`, are read from its folder, and Zensical builds only inside that folder)."""
    settings = for_engine(values, engine)
    if engine == "zensical" and staging is not None:
        try:  # Zensical has no `--site-dir`: the staging folder is named here, relative to the configuration
            settings["site_dir"] = staging.relative_to(config_file.parent).as_posix()
        except ValueError:
            raise SiteBuildError(f"Zensical builds only inside the folder of its configuration ({config_file.parent}); choose a site folder there") from None
    handle, temporary = tempfile.mkstemp(prefix=f".{config_file.stem}-generated-{os.getpid()}-", suffix=".yml", dir=config_file.parent)
    os.close(handle)
    path = Path(temporary)
    try:
        write_config(path, config_file, settings)
        yield path
    finally:
        path.unlink(missing_ok=True)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors, to report them if the build is refused."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def _build_with_mkdocs(config_file: Path, staging: Path) -> None:
    """`mkdocs build --strict`, in this process: the generator's own start-up is already paid."""
    # MkDocs only when it builds: `check`, and Zensical's builds, start without it (about 0.3 s).
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collected = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collected)
    propagate, logger.propagate = logger.propagate, False  # reported once, below, not also on the console
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except OSError:
        raise
    except (MkDocsException, SystemExit) as error:  # SystemExit: a config error aborts like the CLI
        raise SiteBuildError("\n".join([*collected.messages, str(error)]).strip() or "MkDocs refused to build") from None
    finally:
        logger.removeHandler(collected)
        logger.propagate = propagate


def _build_with_zensical(config_file: Path) -> None:
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(config_file)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=config_file.parent)
    if result.returncode != 0:
        raise SiteBuildError(_report(result.stderr or result.stdout) or f"zensical exited with status {result.returncode}")


def _report(output: str) -> str:
    """The engine's report as plain text: Zensical colours it and ends it with a Python traceback."""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    before, traceback, after = output.partition("Traceback (most recent call last):")
    return (before + after.strip().splitlines()[-1] if traceback and after.strip() else output).strip()


# --- the swap ------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`). False where the
    system or the file system cannot; then the caller falls back to two renames."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put the new site in place of the old. With an atomic exchange a reader (or a kill)
    sees the complete old site or the complete new one, never no site."""
    if not os.path.lexists(site_dir):
        staging.rename(site_dir)
        return
    if _exchange(staging, site_dir):  # staging now holds the old site
        _remove(staging)
        return
    retired = site_dir.with_name(f".{site_dir.name}-retired-{os.getpid()}-{staging.name.rsplit('-', 1)[-1]}")
    site_dir.rename(retired)
    staging.rename(site_dir)
    _remove(retired)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


_LEFT_BEHIND = re.compile(r"^\.(?P<site>.+)-(?:building|retired)-(?:(?P<pid>\d+)-)?[^-]+$")


def remove_abandoned_configs(config_file: Path) -> None:
    """Remove configurations that killed builds left beside `config_file`."""
    prefix = f".{config_file.stem}-generated-"
    for path in config_file.parent.iterdir():
        pid = path.name[len(prefix) :].split("-", 1)[0] if path.name.startswith(prefix) else ""
        if pid.isdigit() and path.suffix == ".yml" and not _alive(pid):
            path.unlink(missing_ok=True)


def remove_abandoned_builds(site_dir: Path) -> list[Path]:
    """Remove what builds that were killed left beside `site_dir` (their staging or retired
    folders), unless the process that made one is still running."""
    removed = []
    for path in site_dir.parent.iterdir():
        match = _LEFT_BEHIND.match(path.name) if path.name.startswith(f".{site_dir.name}-") else None
        if not match or match["site"] != site_dir.name or _alive(match["pid"]):
            continue
        _remove(path)
        removed.append(path)
    return removed


def _alive(pid: str | None) -> bool:
    if not pid:
        return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid: leave it
    return True
