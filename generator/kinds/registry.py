"""The registry of section kinds: the generator's own and every kind an installed package
declares under the entry-point group `briefing.kinds`, loaded by the same call
(`EntryPoint.load`). A module of its own, apart from `Kind`: a kind imports `Kind` from
`generator.kinds` while the registry loads it, so the registry must not be that module."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from generator.core.editor import say
from generator.i18n.messages import CatalogueError, add_catalogues, catalogue
from generator.kinds import Kind

ENTRY_POINTS = "briefing.kinds"
"""The entry-point group through which a package adds kinds: `results = "briefing_results:KIND"`."""

BUILT_IN = tuple(
    EntryPoint(name, f"generator.kinds.{name}:KIND", ENTRY_POINTS)
    for name in ("overview", "people", "measures", "timeline", "quotes", "positions", "differences", "figures", "guidance", "sources", "page")
)
"""The generator's own kinds, declared as any package declares its kinds and loaded by the
same call (`EntryPoint.load`), without the checkout having to be installed."""


@dataclass(frozen=True)
class Unloadable:
    """A kind a package declares that could not be loaded: why, for the briefing that
    declares it. Kinds load as the generator starts, before any editor's language is
    known, so why is kept by its key in the editors' catalogue and said when asked."""

    name: str
    why: str  # the key of the editors' catalogue that says it
    declared_by: str | None  # the package that declares it; None for the generator's own
    values: tuple[tuple[str, object], ...] = ()  # what else the message names: the error, the words missing
    provided_by: str | None = None  # for a kind declared twice, the package that provides it already

    @property
    def reason(self) -> str:
        return say(self.why, where=_declarer(self.declared_by), provider=_declarer(self.provided_by), **dict(self.values))


def _declarer(package: str | None) -> str:
    return say("kind_by_package", package=package) if package else say("kind_by_generator")


def _load(entry: EntryPoint, kinds: dict[str, Kind], unloadable: dict[str, Unloadable], providers: dict[str, str | None]) -> None:
    package = entry.dist.name if getattr(entry, "dist", None) else None
    try:
        kind = entry.load()
    except Exception as error:  # a package's own bug: said to the briefing that needs the kind, not to every build
        unloadable[entry.name] = Unloadable(entry.name, "kind_not_loadable", package, (("error", f"{type(error).__name__}: {error}"),))
        return
    if not isinstance(kind, Kind) or kind.name != entry.name:
        unloadable[entry.name] = Unloadable(entry.name, "kind_not_a_kind", package, (("value", entry.value), ("name", entry.name)))
    elif kind.name in kinds:
        unloadable.setdefault(kind.name, Unloadable(kind.name, "kind_provided_twice", package, (("name", kind.name),), providers[kind.name]))
    elif missing := _words_missing(kind):
        why, values = missing
        unloadable[entry.name] = Unloadable(entry.name, why, package, values)
    else:
        kinds[kind.name] = kind
        providers[kind.name] = package
        if kind.messages is not None:
            add_catalogues(kind.messages)


def _words_missing(kind: Kind) -> tuple[str, tuple[tuple[str, object], ...]] | None:
    """What a kind lacks of the words every page of it shows (its intro and its page's
    summary, in English at least), found when it loads rather than as a page renders: the
    editors' catalogue key that says it, and what the message names."""
    try:
        words = set(catalogue("en")) | (set(catalogue("en", kind.messages)) if kind.messages and (kind.messages / "en.yml").is_file() else set())
    except CatalogueError as error:
        return "kind_words_unreadable", (("error", error),)
    missing = sorted({f"{kind.name}_intro", f"summary_{kind.name}"} - words)
    return ("kind_words_missing", (("keys", ", ".join(missing)),)) if missing else None


def _discover() -> tuple[dict[str, Kind], dict[str, Unloadable]]:
    kinds: dict[str, Kind] = {}
    unloadable: dict[str, Unloadable] = {}
    providers: dict[str, str | None] = {}  # the package that provides each kind loaded: `briefing-results`; None for the generator
    for entry in (*BUILT_IN, *entry_points(group=ENTRY_POINTS)):
        _load(entry, kinds, unloadable, providers)
    return kinds, unloadable


KINDS, UNLOADABLE = _discover()
"""Every kind, the generator's and those of the installed packages, by name; and the kinds a
package declares that could not be loaded."""
