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
from generator.core.editor import base_language, declared_language, say, say_number


class UnreadableFile(Exception):
    """Why a file cannot be read, as a sentence an editor can act on."""


def unsafe_name(name: str) -> str | None:
    """Why a file name given in content is refused, or None: it must stay inside its folder."""
    path, shown_name = PurePath(name), shown(name)
    if path.is_absolute() or name.startswith(("/", "\\", "~")) or (len(name) > 1 and name[1] == ":"):
        return say("file_absolute_path", name=shown_name)
    if ".." in path.parts or ".." in name.replace("\\", "/").split("/"):
        return say("file_climbs_out", name=shown_name)
    return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return say("file_kind_folder")
    if stat.S_ISFIFO(mode):
        return say("file_kind_pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("file_kind_device")
    if stat.S_ISSOCK(mode):
        return say("file_kind_socket")
    return say("file_kind_other")


def read_inside(folder: Path, name: str, limit: int) -> bytes:
    """The bytes of `folder/name`, at most `limit` + 1 of them (so the caller can tell
    that a file is too big). Raises `FileNotFoundError` or `UnreadableFile`."""
    reason = unsafe_name(name)
    if reason:
        raise UnreadableFile(reason)
    root = folder.resolve()
    real = (folder / name).resolve()
    if not real.is_relative_to(root):
        raise UnreadableFile(say("file_link_outside", name=name, folder=folder))
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
        raise UnreadableFile(say("file_is_a_folder", name=name)) from None
    except PermissionError:
        raise UnreadableFile(say("file_permission_denied", name=name)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(say("file_not_a_file", name=name, kind=_kind(mode)))
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


class UnreadableText(UnreadableFile):
    """A file that is there but cannot be read as text: why, and where the trouble starts."""

    def __init__(self, reason: str, line: int = 1, column: int = 1):
        super().__init__(reason)
        self.line, self.column = line, column


BRIEFING_FILE = "briefing.yml"  # the file that declares a briefing: its language, its sections

MAX_FILE_BYTES = 1_000_000
"""A whole briefing is tens of kilobytes. A file past this is something pasted or
saved by mistake, and a check of it would take minutes and gigabytes."""


def read_text(folder: Path, name: str, limit: int, what: str) -> str:
    """The UTF-8 text of `folder/name`, read as `read_inside` reads (`what` names the kind
    of file in messages, as the key of the editors' catalogue that says it:
    `file_what_content`). Raises `FileNotFoundError` or `UnreadableText`."""
    try:
        raw = read_inside(folder, name, limit)
    except UnreadableFile as error:
        raise UnreadableText(say("file_cannot_be_read", reason=error)) from None
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise UnreadableText(say("file_cannot_be_read", reason=error.strerror or error)) from None  # the system's own words
    if len(raw) > limit:
        size = (folder / name).stat().st_size / 1_000_000
        raise UnreadableText(
            say(
                "file_too_big",
                size=say_number(size, decimals=1),
                what=say(what),
                limit=limit // 1_000_000,
            )
        )
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise UnreadableText(say("file_not_utf8", byte=f"{raw[error.start]:02x}"), before.count(b"\n") + 1, column) from None


def editor_language_of(content_dir: Path, asked: str | None = None) -> str | None:
    """The language editors are spoken to in about the briefing in `content_dir`: the one
    `asked` for, else the one its briefing.yml declares, else the editor's own locale's
    (`LANG`), so that a briefing.yml too broken to say its language is still reported in
    the editor's words (None: none of these, English then). Read from the file's text alone,
    before anything is parsed, so that a command that rebuilds nothing imports no more than this."""
    if asked:
        return asked
    try:
        declared = declared_language(read_text(content_dir, BRIEFING_FILE, MAX_FILE_BYTES, "file_what_content"))
    except (OSError, UnreadableText):  # said when the file is read
        declared = None
    return declared or _locale_language()


def _locale_language() -> str | None:
    """`fr` for `LANG=fr_FR.UTF-8`; nothing for the C or POSIX locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            language = base_language(value.split(".")[0].split("@")[0])
            return language if language.isalpha() and language not in ("c", "posix") else None
    return None
