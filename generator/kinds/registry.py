"""The registry of section kinds: the generator's own and every kind an installed package
declares under the entry-point group `briefing.kinds`, loaded by the same call
(`EntryPoint.load`). A module of its own, apart from `Kind`: a kind imports `Kind` from
`generator.kinds` while the registry loads it, so the registry must not be that module."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

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
    """A kind a package declares that could not be loaded: why, for the briefing that declares it."""

    name: str
    reason: str


def _load(entry: EntryPoint, kinds: dict[str, Kind], unloadable: dict[str, Unloadable], providers: dict[str, str]) -> None:
    where = f"the package {entry.dist.name}" if getattr(entry, "dist", None) else "the generator"
    try:
        kind = entry.load()
    except Exception as error:  # a package's own bug: said to the briefing that needs the kind, not to every build
        unloadable[entry.name] = Unloadable(entry.name, f"{where} declares it, but it could not be loaded ({type(error).__name__}: {error})")
        return
    if not isinstance(kind, Kind) or kind.name != entry.name:
        unloadable[entry.name] = Unloadable(entry.name, f"{where} declares it as {entry.value}, which is not a Kind named '{entry.name}'")
    elif kind.name in kinds:
        unloadable.setdefault(kind.name, Unloadable(kind.name, f"{where} declares a kind '{kind.name}' that {providers[kind.name]} provides already"))
    elif missing := _words_missing(kind):
        unloadable[entry.name] = Unloadable(entry.name, f"{where} declares it, but {missing}")
    else:
        kinds[kind.name] = kind
        providers[kind.name] = where
        if kind.messages is not None:
            add_catalogues(kind.messages)


def _words_missing(kind: Kind) -> str | None:
    """What a kind lacks of the words every page of it shows (its intro and its page's
    summary, in English at least), said when it loads rather than as a page renders."""
    try:
        words = set(catalogue("en")) | (set(catalogue("en", kind.messages)) if kind.messages and (kind.messages / "en.yml").is_file() else set())
    except CatalogueError as error:
        return f"its words cannot be read: {error}"
    missing = sorted({f"{kind.name}_intro", f"summary_{kind.name}"} - words)
    return f"its English words (messages/en.yml) lack {', '.join(missing)}" if missing else None


def _discover() -> tuple[dict[str, Kind], dict[str, Unloadable]]:
    kinds: dict[str, Kind] = {}
    unloadable: dict[str, Unloadable] = {}
    providers: dict[str, str] = {}  # who provides each kind loaded: "the generator", "the package briefing-results"
    for entry in (*BUILT_IN, *entry_points(group=ENTRY_POINTS)):
        _load(entry, kinds, unloadable, providers)
    return kinds, unloadable


KINDS, UNLOADABLE = _discover()
"""Every kind, the generator's and those of the installed packages, by name; and the kinds a
package declares that could not be loaded."""
