"""The command line as an operator meets it: one subcommand per task, each with the options
it takes; the briefing's options may come before the command (as the Makefile writes
them) or after it."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.__main__ import COMMANDS, _parser


def test_the_help_lists_every_command_with_what_it_does():
    text = _parser().format_help()
    for name, (summary, _) in COMMANDS.items():
        assert name in text and summary.split()[0] in text, name


@pytest.mark.parametrize(
    "arguments",
    [
        ["--content", "story", "--no-archive", "check"],
        ["check", "--content", "story", "--no-archive"],
        ["--content", "elsewhere", "check", "--content", "story", "--no-archive"],
    ],
)
def test_the_briefing_s_options_read_the_same_before_or_after_the_command(arguments):
    parsed = _parser().parse_args(arguments)
    assert (parsed.command, parsed.content, parsed.no_archive, parsed.archive) == ("check", Path("story"), True, None)


def test_a_command_refuses_an_option_it_does_not_take():
    error = io.StringIO()
    with contextlib.redirect_stderr(error), pytest.raises(SystemExit) as exit:
        _parser().parse_args(["check", "--engine", "zensical"])
    assert exit.value.code == 2
    assert "unrecognized arguments: --engine zensical" in error.getvalue()


def test_each_command_takes_its_own_options():
    assert _parser().parse_args(["serve", "--address", "127.0.0.1:8123"]).address == "127.0.0.1:8123"
    assert _parser().parse_args(["build", "--site", "out", "--engine", "zensical"]).site == Path("out")
    assert _parser().parse_args(["schema", "--schemas", "s"]).schemas == Path("s")
