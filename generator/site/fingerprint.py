"""Skip generating a briefing whose every input is as it was at the last build.

A build's pages depend on the content folder, the articles it was checked against,
the build's options, the generator itself and the installed packages, and on
nothing else. Their hash, the fingerprint, is kept beside the generated pages with
what the site build needs from the content and a hash of each page written. The
next build with the same fingerprint, over the same pages, goes straight to the
site build: no YAML is parsed, no model imported, nothing rendered.

Each file counts with its bytes and its modification time: an edit saved while the
pages are generated, even one undone before the build ends, makes the next build
generate again, and so does a file merely touched."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.core.files import UnreadableFile, open_regular
from generator.core.settings import Settings

FORMAT = 2  # raise when what is kept, or how it is hashed, changes
_GENERATOR = Path(__file__).resolve().parent.parent
# A folder beyond these is not what a briefing looks like (a mistyped --archive, a stray
# download): its build is never reused, rather than spend seconds hashing it.
MAX_FILES = 2_000
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024


class _NotReusable(Exception):
    """Inputs whose every change cannot be seen quickly and surely: the build generates."""


@dataclass(frozen=True)
class Generated:
    """What the site build needs from a generation: the site's settings from the
    briefing, and the sentence that says what was verified."""

    values: dict
    verification: str


def fingerprint(settings: Settings) -> str | None:
    """The hash of every input of a generation with these settings; None where that cannot
    be told quickly and surely (a folder too large, a link, an unreadable file), and such a
    build always generates: the loader reports what is wrong with the files, with its place."""
    try:
        return _fingerprint(settings)
    except (_NotReusable, OSError, RuntimeError):  # RuntimeError: a loop of links, on Python 3.11
        return None


def _fingerprint(settings: Settings) -> str:
    digest = hashlib.sha256(f"briefing-fingerprint {FORMAT}\n".encode())
    options = {
        "content": str(Path(settings.content_dir).resolve()),
        "docs": str(Path(settings.docs_dir).resolve()),
        "config": str(Path(settings.config_file).resolve()),
        "archive": str(Path(settings.archive_dir).resolve()) if settings.archive_dir else None,
        "site_url": settings.site_url,
        "require_verified": settings.require_verified,
        "write_record": settings.write_record,
        "python": sys.version,
        "packages": _installed_packages(),
    }
    digest.update(json.dumps(options, sort_keys=True).encode())
    hashed = _hash_folder(digest, "generator", _GENERATOR, MAX_TOTAL_BYTES, bytecode=False)
    for name, folder in _kind_packages():  # a package's kind, however it is installed (an editable one's edits too)
        hashed += _hash_folder(digest, f"kind {name}", folder, MAX_TOTAL_BYTES - hashed, bytecode=False)
    content = Path(settings.content_dir)
    hashed += _hash_folder(digest, "content", content, MAX_TOTAL_BYTES - hashed)
    archive = Path(settings.archive_dir) if settings.archive_dir else None
    if archive is not None and not archive.resolve().is_relative_to(content.resolve()):  # the briefing's own archive/ is hashed with it
        hashed += _hash_folder(digest, "archive", archive, MAX_TOTAL_BYTES - hashed)
    return digest.hexdigest()


KIND_ENTRY_POINTS = "briefing.kinds"  # `kinds.registry.ENTRY_POINTS`, without loading every kind to learn it


def _kind_packages() -> list[tuple[str, Path]]:
    """The folder of each package that declares a kind, found without importing it."""
    found = []
    for entry in importlib.metadata.entry_points(group=KIND_ENTRY_POINTS):
        spec = importlib.util.find_spec(entry.module.split(".")[0])
        if spec is not None and spec.origin:
            found.append((entry.name, Path(spec.origin).parent))
    return sorted(found)


def _installed_packages() -> list[str]:
    """The installed distributions, their versions and when each was installed, from their
    metadata folders: an upgrade or a reinstall of Jinja2 or pydantic could change the pages.
    Every folder Python imports from is looked in, a `PYTHONPATH` or `pip --target` one too."""
    found = []
    for entry in sys.path:
        if entry and os.path.isdir(entry):
            found.extend(
                f"{item.name} {item.stat().st_mtime_ns}" for item in os.scandir(entry) if item.name.endswith((".dist-info", ".egg-info", ".pth", ".egg-link"))
            )
    return sorted(found)


def _hash_folder(digest, name: str, folder: Path, budget: int, *, bytecode: bool = True) -> int:
    """Every file's path, modification time and bytes, in a fixed order; a missing folder
    hashes as missing. A link (which a reader could follow out of the folder, to a file
    whose edits would go unseen), or anything but a regular file, makes the build generate:
    nothing but regular files is opened here. `budget`: the bytes it may hash; returns
    those it did. `bytecode=False`: Python's caches left out."""
    digest.update(f"\0folder {name}\0".encode())
    if not folder.is_dir():
        digest.update(b"missing")
        return 0
    hashed = 0
    for relative, path, status in _listing(folder, bytecode):
        hashed += status.st_size
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_FILE_BYTES or hashed > budget:
            raise _NotReusable(path)
        digest.update(b"\0" + relative.encode("utf-8", "surrogateescape") + f"\0{status.st_mtime_ns}\0".encode())
        digest.update(_file_hash(path))
    return hashed


def _listing(folder: Path, bytecode: bool = True) -> list[tuple[str, Path, os.stat_result]]:
    """Every entry but the folders, sorted, with its path relative to `folder` and its own
    status (a link's, not its target's): at most `MAX_FILES` of them, counted as they are
    found, so a mistyped folder like `/` is given up at once."""
    found = []
    for root, directories, files in os.walk(folder):
        if not bytecode:
            directories[:] = [name for name in directories if name != "__pycache__"]
            files = [file for file in files if not file.endswith(".pyc")]
        found.extend(Path(root, name) for name in files)
        found.extend(Path(root, name) for name in directories if os.path.islink(os.path.join(root, name)))  # os.walk does not enter them
        if len(found) > MAX_FILES:
            raise _NotReusable(folder)
    return [(path.relative_to(folder).as_posix(), path, path.lstat()) for path in sorted(found)]


def _file_hash(path: Path) -> bytes:
    try:
        with open_regular(path) as file:
            return hashlib.file_digest(file, "sha256").digest()
    except UnreadableFile:  # swapped for a pipe or a device since it was listed
        raise _NotReusable(path) from None


def record_file(docs_dir: Path) -> Path:
    """Where a generation is kept: beside the pages' folder (`build/.docs.generated.json`)."""
    docs = Path(docs_dir).absolute()
    return docs.with_name(f".{docs.name}.generated.json")


def _pages(docs_dir: Path) -> dict[str, str]:
    """Every file of the generated pages, hashed: a page changed, removed or added by
    hand makes the next build generate (which removes what it did not write)."""
    return {
        relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace"): _file_hash(path).hex()
        if stat.S_ISREG(status.st_mode)
        else f"not a file: {status.st_mode}"
        for relative, path, status in _listing(Path(docs_dir))
    }


def unchanged(settings: Settings, before: str | None) -> Generated | None:
    """What the last generation kept, if its fingerprint is `before` and its pages are
    all still there, as written; else None."""
    if before is None:
        return None
    try:
        kept = json.loads(record_file(settings.docs_dir).read_text(encoding="utf-8"))
        if kept["format"] != FORMAT or kept["fingerprint"] != before or kept["pages"] != _pages(settings.docs_dir):
            return None
        return Generated(values=kept["values"], verification=kept["verification"])
    except (OSError, ValueError, KeyError, TypeError, _NotReusable):  # none yet, or unreadable: generate
        return None


def remember(settings: Settings, before: str | None, generated: Generated) -> None:
    """Keep this generation for the next build, under the fingerprint its inputs had
    before it read them: any change since, even the verification record the generation
    brought up to date, makes the next build generate again."""
    record = record_file(settings.docs_dir)
    if before is None:
        with contextlib.suppress(OSError):
            record.unlink(missing_ok=True)
        return
    temporary = record.with_name(record.name + ".tmp")
    try:
        kept = {"format": FORMAT, "fingerprint": before, "values": generated.values, "verification": generated.verification, "pages": _pages(settings.docs_dir)}
        temporary.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        temporary.replace(record)  # whole or not at all: a build stopped here leaves the old record or none
    except (OSError, _NotReusable):  # kept nowhere (a read-only folder): the next build generates
        temporary.unlink(missing_ok=True)
