"""Where every template renders, the generator's and a briefing's own: Jinja's immutable
sandbox, read through the same guard as the content files, within time and memory bounds.

A briefing's `templates/` folder is written by its contributors, not by the site's
maintainers, so a template is presentation and nothing more: it sees the values and
filters listed in `TEMPLATE_NAMES` and `FILTERS` (documented in the docs' template
reference), reaches no Python internals, files or environment, cannot turn text from
the content into live markup, and cannot hang or exhaust the build. Anything else is a
`TemplateRefused` error, which `render/pages.py` reports at the template's file and line.
"""

from __future__ import annotations

import contextlib
import functools
import os
import resource
import signal
import stat
import sys
import threading
import time
import types
from pathlib import Path, PurePath

import jinja2
import jinja2.debug
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup
from pydantic import BaseModel

from generator.core.files import UnreadableFile, read_text, unsafe_name

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
MAX_TEMPLATE_BYTES = 1_000_000  # as for a content file: a template is a page's layout, a few kilobytes
RENDER_SECONDS = 5.0  # one page: the generator's own templates take milliseconds
RENDER_MEMORY = 1 << 30  # bytes a page's rendering may add to the process
MAX_REPEAT = 1_000_000  # items or characters a `*` may make
MAX_POWER = 1_000  # the largest exponent `**` takes, and the bits of its base

# Jinja's own filters a template may use: none that returns markup from text (`safe`,
# `urlize`, `xmlattr`, `tojson`, `escape`, which escapes for HTML but not for Markdown), or
# makes output of a size a number chooses (`center`, `indent`, `format`, `wordwrap`).
JINJA_FILTERS = (
    "abs",
    "attr",
    "batch",
    "capitalize",
    "count",
    "default",
    "d",
    "dictsort",
    "filesizeformat",
    "first",
    "float",
    "groupby",
    "int",
    "items",
    "join",
    "last",
    "length",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "round",
    "select",
    "selectattr",
    "slice",
    "sort",
    "string",
    "striptags",
    "sum",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "urlencode",
    "wordcount",
)
JINJA_GLOBALS = ("range", "dict", "namespace", "cycler", "joiner")  # not `lipsum`, whose length a number chooses


class TemplateRefused(jinja2.TemplateError):
    """A template that does what no template may (read a file, run too long), or that
    cannot be read; `path` is the template's file where it is known."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None, column: int = 1):
        super().__init__(message)
        self.path, self.lineno, self.column = path, line, column


class BriefingLoader(jinja2.BaseLoader):
    """A briefing's own templates first, read as content files are (`files.read_text`):
    regular files inside the folder, no links out, no pipes or devices, at most
    `MAX_TEMPLATE_BYTES`; then the generator's."""

    def __init__(self, briefing_templates: Path | None, kind_templates: tuple[Path, ...] = ()):
        self.folder = briefing_templates if briefing_templates and briefing_templates.is_dir() else None
        self.kind_folders = kind_templates  # the kinds' own, the generator's and those installed packages bring: code the site's maintainers installed
        self.sources: dict[Path, str] = {}  # the briefing's own templates read, by file: where a problem on a page is traced back

    def get_source(self, environment, template):
        reason = unsafe_name(template)
        if reason:
            raise TemplateRefused(f"cannot include {reason}")
        if self.folder is not None:
            path = self.folder / template
            if _hard_linked(path):
                raise TemplateRefused(f"the template '{template}' is a hard link, which may share a file outside the folder; copy the file instead", path)
            try:
                self.sources[path] = read_text(self.folder, template, MAX_TEMPLATE_BYTES, "file_what_template")
                return self.sources[path], str(path), lambda: True
            except FileNotFoundError:
                pass
            except UnreadableFile as error:
                raise TemplateRefused(f"the template {error}", path, getattr(error, "line", None), getattr(error, "column", 1)) from None
        for folder in (*self.kind_folders, PACKAGE_TEMPLATES):
            path = folder / template
            if path.is_file():
                return path.read_text(encoding="utf-8"), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)

    def own(self, name: str) -> Path | None:
        """The briefing's own file for a template name, if it has one."""
        return self.folder / name if self.folder is not None and (self.folder / name).is_file() else None


def _hard_linked(path: Path) -> bool:
    try:
        status = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_nlink > 1


_REFUSED_VALUES = (PurePath, types.ModuleType, type, types.CodeType, types.FrameType)


class SafeEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox, narrowed further: no file paths, modules or classes as values,
    no methods of markup (they would mark text from the content as safe), and operators
    that cannot make numbers or texts too large to compute."""

    intercepted_binops = frozenset({"**", "*", "%", "+"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.used: set[str] = set()  # the names of the templates loaded since it was last emptied: which a page was made with
        self.deadline: float | None = None  # when the briefing's rendering, all pages together, must be done (`time.monotonic`)

    def _load_template(self, name, globals):
        self.used.add(name)
        return super()._load_template(name, globals)

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if isinstance(obj, BaseModel) and not _own_name(type(obj), attr):
            return False  # pydantic's own methods read files and unpickle (`parse_file`, `parse_raw`)
        return super().is_safe_attribute(obj, attr, value) and not isinstance(value, _REFUSED_VALUES)

    def is_safe_callable(self, obj) -> bool:
        if isinstance(obj, type) and obj not in self.globals.values() or isinstance(getattr(obj, "__self__", None), (Markup, PurePath)):
            return False
        return super().is_safe_callable(obj)

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if not (_number(left) and _number(right)) or abs(right) > MAX_POWER or (isinstance(left, int) and left.bit_length() > MAX_POWER):
                raise SecurityError(f"a power of at most {MAX_POWER} of numbers of at most {MAX_POWER} bits")
            return left**right
        if operator == "*":
            times, repeated = (right, left) if _number(right) else (left, right)
            if not _number(repeated) and _number(times) and len(repeated) * max(times, 0) > MAX_REPEAT:
                raise SecurityError(f"'*' would repeat {len(repeated)} items {times} times; at most {MAX_REPEAT} in all")
            return left * right
        if operator == "%":
            if not (_number(left) and _number(right)):
                raise SecurityError("'%' takes numbers only; write text with the template's own words and filters")
            return left % right
        # "+": markup plus text would be markup, and the text would escape Markdown's escaping
        if isinstance(left, Markup) or isinstance(right, Markup):
            return str(left) + str(right)
        return left + right


@functools.cache
def _own_name(model: type[BaseModel], attr: str) -> bool:
    """A model's field, or a property or method of the generator's own model classes."""
    if attr in model.model_fields:
        return True
    return any(attr in vars(klass) for klass in model.__mro__ if klass.__module__.startswith(_OWN_MODULES))


_OWN_MODULES = (__package__ + ".",)


def _text_only(function):
    """A Jinja filter given text where it was given markup: what it returns is then text,
    escaped like any other (`truncate(end=…)` would otherwise join text onto markup)."""

    @functools.wraps(function)
    def filtered(*values, **options):
        return function(*(_unmarked(value) for value in values), **{name: _unmarked(value) for name, value in options.items()})

    return filtered


def _unmarked(value):
    return str(value) if isinstance(value, Markup) else value


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def environment(briefing_templates: Path | None, finalize, filters: dict, bytecode_cache=None, kind_templates: tuple[Path, ...] = ()) -> SafeEnvironment:
    """The sandboxed environment with the generator's `filters` and the Jinja filters a
    template may use, every `{{ }}` passed through `finalize`."""
    env = SafeEnvironment(
        loader=BriefingLoader(briefing_templates, kind_templates),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: `finalize` does the escaping
        bytecode_cache=bytecode_cache,
    )
    env.filters = {**{name: _jinja_filter(env.filters[name]) for name in JINJA_FILTERS}, **filters}
    env.globals = {name: env.globals[name] for name in JINJA_GLOBALS}
    return env


def _jinja_filter(function):
    """Jinja passes some filters its context first (`pass_context`, `pass_eval_context`,
    `pass_environment`): that mark is kept on the wrapper."""
    wrapped = _text_only(function)
    for mark in ("jinja_pass_arg",):
        if hasattr(function, mark):
            setattr(wrapped, mark, getattr(function, mark))
    return wrapped


class _OutOfTime(BaseException):
    """Not an `Exception`: Jinja, folding a template's constant expressions as it compiles
    them, takes any `Exception` for an expression it cannot fold and goes on, which would
    swallow the time running out."""


@contextlib.contextmanager
def bounded(seconds: float = RENDER_SECONDS, memory: int = RENDER_MEMORY):
    """Raise `TemplateRefused` if what runs inside takes longer than `seconds`, or needs
    more than `memory` bytes beyond what the process has. The time bound needs the main
    thread (a signal), as the command line and the preview run."""
    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    limited = sys.platform.startswith("linux")
    if timed:

        def out_of_time(signum, frame):
            raise _OutOfTime

        previous_handler = signal.signal(signal.SIGALRM, out_of_time)
        outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)  # a timer already running (a caller's) resumes after
        started = time.monotonic()
    if limited:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        ceiling = _address_space() + memory
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        if soft == resource.RLIM_INFINITY or ceiling < soft:
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
        else:
            limited = False
    try:
        yield
    except _OutOfTime:  # with where it ran out, at the template's lines, so the problem is named at the template that ran
        where = jinja2.debug.rewrite_traceback_stack().__traceback__
        raise TemplateRefused(f"rendering took longer than {seconds:g} s; a template lays out a page, it does not compute").with_traceback(where) from None
    except MemoryError:
        raise TemplateRefused(f"rendering needed more than {memory >> 20} MB; a template lays out a page, it does not compute") from None
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
            if outer:
                signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-6), interval)
        if limited:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """The process's virtual memory now, in bytes (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def reason(error: Exception) -> str:
    """Why a template could not be rendered, in a phrase."""
    if isinstance(error, RecursionError):
        return "it includes or calls itself without end"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"there is no template '{error.name}'"
    message = (getattr(error, "message", None) or str(error)).rstrip(".")
    return message if isinstance(error, jinja2.TemplateError) else f"{type(error).__name__}: {message}"
