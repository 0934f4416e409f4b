"""Reading a file that a briefing names, only ever inside its own folder.

Content files and archived articles are named by editors (`archive_file:`) or
sit in a folder anyone can drop things into. A name may not climb out of the
folder (`..`, an absolute path, a symbolic link that leads elsewhere), and what
is read must be a regular file: a folder, a named pipe (which would wait for a
writer for ever) or a device (`/dev/zero` never ends) is refused before it is
read, and no more than `limit` bytes are ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePath

from .characters import shown


class UnreadableFile(Exception):
    """Why a file cannot be read, as a sentence an editor can act on."""


def unsafe_name(name: str) -> str | None:
    """Why a file name given in content is refused, or None: it must stay inside its folder."""
    path, shown_name = PurePath(name), shown(name)
    if path.is_absolute() or name.startswith(("/", "\\", "~")) or (len(name) > 1 and name[1] == ":"):
        return f"'{shown_name}' is an absolute path; name a file inside the folder, like `article.txt`"
    if ".." in path.parts or ".." in name.replace("\\", "/").split("/"):
        return f"'{shown_name}' climbs out of the folder with `..`; name a file inside it"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_inside(folder: Path, name: str, limit: int) -> bytes:
    """The bytes of `folder/name`, at most `limit` + 1 of them (so the caller can tell
    that a file is too big). Raises `FileNotFoundError` or `UnreadableFile`."""
    reason = unsafe_name(name)
    if reason:
        raise UnreadableFile(reason)
    root = folder.resolve()
    real = (folder / name).resolve()
    if not real.is_relative_to(root):
        raise UnreadableFile(f"'{name}' is a link to a file outside {folder}; copy the file into the folder instead")
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise UnreadableFile(f"'{name}' is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile(f"'{name}' cannot be read (permission denied); make it readable") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(f"'{name}' is {_kind(mode)}, not a file; replace it with a text file")
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(limit + 1)
    finally:
        os.close(descriptor)
