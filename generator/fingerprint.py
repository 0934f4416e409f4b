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

import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from .settings import Settings

FORMAT = 1  # raise when what is kept, or how it is hashed, changes
_GENERATOR = Path(__file__).resolve().parent
# A folder beyond these is not what a briefing looks like (a mistyped --archive, a stray
# download): its build is never reused, rather than spend seconds hashing it.
MAX_FILES = 2_000
MAX_FILE_BYTES = 16 * 1024 * 1024


class _TooLarge(Exception):
    pass


@dataclass(frozen=True)
class Generated:
    """What the site build needs from a generation: the site's settings from the
    briefing, and the sentence that says what was verified."""

    values: dict
    verification: str


def fingerprint(settings: Settings) -> str | None:
    """The hash of every input of a generation with these settings; None for inputs too
    large to hash quickly, whose builds always generate."""
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
    try:
        for name, folder in (("generator", _GENERATOR), ("content", settings.content_dir), ("archive", settings.archive_dir)):
            if folder is not None:
                _hash_folder(digest, name, Path(folder))
    except (_TooLarge, OSError):  # an unreadable file is the loader's to report, with its place
        return None
    return digest.hexdigest()


def _installed_packages() -> list[str]:
    """The installed distributions and their versions, from the names of their metadata
    folders: an upgrade of Jinja2 or pydantic could change the pages."""
    found = []
    for entry in sys.path:
        if entry.endswith("-packages") and os.path.isdir(entry):
            found.extend(name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def _hash_folder(digest, name: str, folder: Path) -> None:
    """Every entry's path, kind and modification time, and each regular file's bytes, in a
    fixed order; a missing folder hashes as missing. Links are not followed and nothing
    else is opened: a named pipe or a device is the loader's to refuse, not to read here."""
    digest.update(f"\0folder {name}\0".encode())
    if not folder.is_dir():
        digest.update(b"missing")
        return
    for count, path in enumerate(sorted(_files(folder)), start=1):
        status = path.lstat()
        if count > MAX_FILES or status.st_size > MAX_FILE_BYTES:
            raise _TooLarge
        digest.update(f"\0{path.relative_to(folder).as_posix()}\0{stat.S_IFMT(status.st_mode)}\0{status.st_mtime_ns}\0".encode())
        digest.update(_file_hash(path, status))


def _file_hash(path: Path, status: os.stat_result) -> bytes:
    """A regular file's bytes hashed, a link's target; nothing else is opened."""
    if stat.S_ISREG(status.st_mode):
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").digest()
    if stat.S_ISLNK(status.st_mode):
        return os.readlink(path).encode("utf-8", "surrogateescape")
    return b""


def _files(folder: Path):
    for root, directories, files in os.walk(folder):
        directories[:] = [name for name in directories if name != "__pycache__"]
        for file in files:
            if not file.endswith(".pyc"):
                yield Path(root, file)


def _record_file(settings: Settings) -> Path:
    docs = Path(settings.docs_dir).absolute()
    return docs.with_name(f".{docs.name}.generated.json")


def _pages(docs_dir: Path) -> dict[str, str]:
    docs_dir = Path(docs_dir)
    pages = {}
    for path in _files(docs_dir):
        status = path.lstat()
        pages[path.relative_to(docs_dir).as_posix()] = f"{stat.S_IFMT(status.st_mode)}:{_file_hash(path, status).hex()}"
    return pages


def unchanged(settings: Settings, before: str | None) -> Generated | None:
    """What the last generation kept, if its fingerprint is `before` and its pages are
    all still there, as written; else None."""
    if before is None:
        return None
    try:
        kept = json.loads(_record_file(settings).read_text(encoding="utf-8"))
        if kept["format"] != FORMAT or kept["fingerprint"] != before or kept["pages"] != _pages(settings.docs_dir):
            return None
        return Generated(values=kept["values"], verification=kept["verification"])
    except (OSError, ValueError, KeyError, TypeError):  # none yet, or unreadable: generate
        return None


def remember(settings: Settings, before: str | None, generated: Generated) -> None:
    """Keep this generation for the next build, under the fingerprint its inputs had
    before it read them: any change since, even the verification record the generation
    brought up to date, makes the next build generate again."""
    record = _record_file(settings)
    if before is None:
        record.unlink(missing_ok=True)
        return
    kept = {"format": FORMAT, "fingerprint": before, "values": generated.values,
            "verification": generated.verification, "pages": _pages(settings.docs_dir)}
    temporary = record.with_name(record.name + ".tmp")
    temporary.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    temporary.replace(record)  # whole or not at all: a build stopped here leaves the old record or none

