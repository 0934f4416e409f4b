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

from generator.core.characters import shown


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
    with open_regular(real, name) as file:
        return file.read(limit + 1)


def open_regular(path: Path, name: str | None = None):
    """`path` opened for reading in binary, if it is a regular file: opened without
    waiting (a named pipe would wait for a writer for ever), then checked, so a file
    swapped for something else in between is refused too. Raises `UnreadableFile`,
    naming the file as `name`."""
    name = name or str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise UnreadableFile(f"'{name}' is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile(f"'{name}' cannot be read (permission denied); make it readable") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(f"'{name}' is {_kind(mode)}, not a file; replace it with a text file")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


class UnreadableText(UnreadableFile):
    """A file that is there but cannot be read as text: why, and where the trouble starts."""

    def __init__(self, reason: str, line: int = 1, column: int = 1):
        super().__init__(reason)
        self.line, self.column = line, column


def read_text(folder: Path, name: str, limit: int, what: str) -> str:
    """The UTF-8 text of `folder/name`, read as `read_inside` reads (`what` names the kind
    of file in messages: "a content file"). Raises `FileNotFoundError` or `UnreadableText`."""
    try:
        raw = read_inside(folder, name, limit)
    except UnreadableFile as error:
        raise UnreadableText(f"cannot be read: {error}") from None
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise UnreadableText(f"cannot be read: {error.strerror or error}") from None
    if len(raw) > limit:
        size = (folder / name).stat().st_size / 1_000_000
        raise UnreadableText(f"file is {size:.1f} MB, too big for {what} (at most {limit // 1_000_000} MB); was another file pasted or saved here by mistake?")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise UnreadableText(f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8", before.count(b"\n") + 1, column) from None
