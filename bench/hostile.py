"""Worst-case content files for `make bench` (section 4 of `bench/bench.py`).

Each case writes the tiny test briefing (`tests/briefings/tiny/`, with its `archive/`)
into a folder and replaces ONE of its files with a hostile one of at most `size` bytes;
`check` then runs `python -m generator check` on that folder in a fresh process and
reports its exit status, wall time, peak memory and the first line it printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "briefings" / "tiny"
TIMEOUT = 60  # seconds

# Runs the check in this process, then prints on stdout (the check prints only to stderr)
# the check's own time, without Python's start and the imports, and the process's peak
# memory in KiB. On Linux, ru_maxrss would count the parent's memory, shared until the
# exec of this process: VmHWM is this process's alone.
_WRAPPER = """\
import resource, runpy, sys, time
import generator.pipeline
sys.argv[0] = "generator"
start = time.perf_counter()
try:
    runpy.run_module("generator", run_name="__main__", alter_sys=True)
finally:
    seconds = time.perf_counter() - start
    try:
        peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    except (OSError, StopIteration):  # not Linux: ru_maxrss is in bytes on macOS
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
    print(seconds, peak, flush=True)
"""


def _tiny(name: str) -> str:
    return (TINY / name).read_text(encoding="utf-8")


def _fill(head: str, entry, size: int, tail: str = "") -> str:
    """`head`, then `entry(0)`, `entry(1)`, … as many as fit in `size` bytes with `tail`."""
    parts, used, index = [head], len(head.encode()) + len(tail.encode()), 0
    while used + len(piece := entry(index).encode()) <= size:
        parts.append(piece.decode())
        used += len(piece)
        index += 1
    return "".join(parts) + tail


def _letters(number: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'ba': a unique run of letters for each number."""
    text = ""
    while True:
        number, digit = divmod(number, 26)
        text = chr(97 + digit) + text
        if not number:
            return text


def digits(size: int) -> tuple[str, str]:
    """A timeline event whose `detail` is one run of digits and ` percent`: the figure search."""
    title = 'title: "Work starts"'
    text = _tiny("timeline.yml").replace(title, f'{title}\n  detail: "DIGITS percent"')
    return "timeline.yml", text.replace("DIGITS", "1" * (size - len(text.encode()) + len("DIGITS")))


def nested(size: int) -> tuple[str, str]:
    """`[[[[…]]]]` as deep as the size allows: refused at the loader's depth limit."""
    depth = (size - 1) // 2
    return "issues.yml", "[" * depth + "]" * depth + "\n"


def laughs(size: int) -> tuple[str, str]:
    """Valid updates up to the size, then nine anchors each a list of ten aliases of the one
    before (a "billion laughs"): refused once aliases repeat too many values."""
    bomb = '- when: "2024-03-02"\n  text: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=False):
        bomb += f"- {name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
    return "updates.yml", _fill(_tiny("updates.yml"), lambda i: f'- when: "2024-03-02"\n  text: "Update {i}."\n', size, bomb)


def players(size: int) -> tuple[str, str]:
    """As many minimal players as fit, each with its own misspelling of a side: one
    "unknown side … did you mean" problem, and its hint, per player."""
    return "players.yml", _fill(
        _tiny("players.yml"),
        lambda i: (
            f"- id: p{i}\n  name: N\n  role: R\n  side: counci{_letters(i)}\n  kind: person\n"
            "  actions: [{text: T, sources: [gazette]}]\n  sources: [gazette]\n"
        ),
        size,
    )


def quote(size: int) -> tuple[str, str]:
    """One direct quote of about the whole size: normalised, then looked up word for word."""
    text = _tiny("quotes.yml")
    short = '"This bridge will carry us for another century."'
    sentence = "This bridge will carry us for another century. "
    room = size - len(text.encode()) + len(short)
    return "quotes.yml", text.replace(short, '"' + (sentence * (room // len(sentence)))[: room - 3] + '"')


def long_lines(size: int) -> tuple[str, str]:
    """A list of plain (unquoted) text values, one 10,000-character line each: the scanner,
    then one "expected a mapping" problem per entry."""
    words = "the council voted to rebuild the old mill bridge after a long debate "
    line = "- " + (words * (10_000 // len(words) + 1))[:9_996].strip() + "\n"
    return "updates.yml", _fill("", lambda i: line, size)


CASES = {
    "digits then ' percent'": digits,
    "nested [[[…]]]": nested,
    "billion laughs": laughs,
    "players, bad sides": players,
    "one huge quote": quote,
    "long plain lines": long_lines,
}


@dataclass
class Result:
    size: int  # bytes of the hostile file (0: the tiny briefing as it is)
    status: str  # the exit status, or "timeout"
    seconds: float  # wall time of the whole process
    check_seconds: float | None  # of the check alone: without Python's start and the imports
    peak_mb: float | None  # the check's process, at its peak (1 MB = 1,000,000 bytes)
    first_line: str
    lines: int = 0  # lines printed: one per problem, and the count


def check(folder: Path, replace: tuple[str, str] | None = None) -> Result:
    """Copy the tiny briefing into `folder`, write `replace` (name, text) over one of its
    files, and check it against its archive in a fresh process started in the folder's parent."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(TINY, folder)
    size = 0
    if replace:
        name, text = replace
        size = (folder / name).write_bytes(text.encode())
    command = [sys.executable, "-c", _WRAPPER, "check", "--content", folder.name, "--archive", f"{folder.name}/archive"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=folder.parent, env=environment, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return Result(size, "timeout", time.perf_counter() - start, None, None, f"killed after {TIMEOUT} s")
    seconds = time.perf_counter() - start
    try:
        check_seconds, peak = done.stdout.splitlines()[-1].split()
        figures = float(check_seconds), int(peak) * 1024 / 1e6
    except (IndexError, ValueError):  # the wrapper died before printing
        figures = None, None
    lines = done.stderr.replace(f"{folder.name}/", "").splitlines()  # as an editor in the folder reads it
    return Result(size, str(done.returncode), seconds, *figures, lines[0] if lines else "", len(lines))
