"""Synthetic briefings of any size, for the benchmark and its smoke test.

`write_briefing(folder, events)` writes the nine content files of a valid
briefing with `events` timeline events. Quotes, players and sources grow in
the proportions of the real briefing in `content/` (14 events, 29 quotes,
11 players with 52 actions, 5 sources); issues, differences and tariffs stay
a handful, as they do in any one story. The text is made up but realistic in
length, uses a little inline Markdown, and every fact cites one to three
sources, so the generator does all of its usual work. The output depends on
`events` alone: the same size always gives the same files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.load.migrate import FORMAT

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Per timeline event, as in the real briefing (29/14, 11/14, 5/14).
QUOTES_PER_EVENT = 29 / 14
PLAYERS_PER_EVENT = 11 / 14
SOURCES_PER_EVENT = 5 / 14
ACTIONS_PER_PLAYER = 5  # 52 actions for 11 players
FIXED = {"issues": 13, "differences": 7, "tariffs": 2}

_WORDS = (
    "talks trade tariff rare earths export controls licence truce envoys call "
    "visit markets soybeans chips visas deficit agreement Geneva Beijing Washington "
    "minister statement deadline negotiators sanctions shipments factories growth"
).split()
_VENUES = ("call", "social media post", "state media", "foreign ministry statement", "public remarks", "interview")
_START = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class Sizes:
    events: int
    quotes: int
    players: int
    actions: int
    sources: int
    issues: int
    differences: int
    tariffs: int

    @classmethod
    def for_events(cls, events: int) -> Sizes:
        players = max(2, round(events * PLAYERS_PER_EVENT))
        return cls(
            events=events,
            quotes=max(1, round(events * QUOTES_PER_EVENT)),
            players=players,
            actions=players * ACTIONS_PER_PLAYER,
            sources=max(2, round(events * SOURCES_PER_EVENT)),
            **FIXED,
        )

    @property
    def facts(self) -> int:
        """Everything that cites sources, for a per-fact view of the timings."""
        return self.events + self.quotes + self.players + self.actions + self.issues * 3 + self.differences * 3 + self.tariffs


def _sentence(n: int, words: int = 14) -> str:
    """A deterministic sentence of about `words` words, with a little inline Markdown."""
    picked = [_WORDS[(n * 7 + i * 3) % len(_WORDS)] for i in range(words)]
    picked[0] = picked[0].capitalize()
    if n % 5 == 0 and words > 2:
        picked[2] = f"*{picked[2]}*"
    if n % 11 == 0 and words > 4:
        picked[4] = f"**{picked[4]}**"
    return " ".join(picked) + f", item {n}."


def _sources_for(n: int, sizes: Sizes) -> list[str]:
    """One to three distinct sources, spread over all of them."""
    count = 1 + n % 3
    return list(dict.fromkeys(f"source-{(n + k * 7919) % sizes.sources + 1}" for k in range(min(count, sizes.sources))))


def _date(n: int, later: int = 0) -> str:
    return (_START + dt.timedelta(days=n % 12_000 + later)).isoformat()


def _dump(path: Path, data: object, comment: str) -> None:
    """Block-style YAML, as an editor writes it."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    path.write_text(f"# {comment}\n{text}", encoding="utf-8")


def write_briefing(folder: Path, events: int) -> Sizes:
    """Write a valid synthetic briefing with `events` timeline events into `folder`."""
    sizes = Sizes.for_events(events)
    folder.mkdir(parents=True, exist_ok=True)
    fact = iter(range(1, 10**9))  # every fact gets its own number, so texts vary

    sources = [
        {
            "id": f"source-{i}",
            "outlet": f"Outlet {i}",
            "byline": f"Reporter {i}",
            "headline": _sentence(i, 8),
            "kind": "news report",
            **({"dateline": "WASHINGTON"} if i % 2 else {}),
        }
        for i in range(1, sizes.sources + 1)
    ]
    # Every source must be cited: the first facts of the timeline cite each in turn.
    events_data = []
    for i in range(1, sizes.events + 1):
        n = next(fact)
        cited = _sources_for(n, sizes)
        if i <= sizes.sources:
            cited = [f"source-{i}", *[s for s in cited if s != f"source-{i}"]]
        when: dict = {"date": _date(i)}
        if i % 4 == 0:
            when.update(editor_supplied=True, as_reported="last week")
        if i % 9 == 0:
            when["until"] = _date(i, later=2)
        event = {"id": f"event-{i}", "when": when, "title": _sentence(n, 8), "sources": cited}
        if i % 3:
            event["detail"] = _sentence(n + 1, 24)
        events_data.append(event)
    for s in range(sizes.events + 1, sizes.sources + 1):  # fewer events than sources: cite the rest here
        events_data[0]["sources"].append(f"source-{s}")

    sides = [{"id": "north", "name": "Northland", "adjective": "Northern"}, {"id": "south", "name": "Southland", "adjective": "Southern"}]
    players = []
    for i in range(1, sizes.players + 1):
        n = next(fact)
        players.append(
            {
                "id": f"player-{i}",
                "name": f"Player {i}",
                "role": _sentence(n, 6),
                "side": sides[i % 2]["id"],
                "kind": "person" if i % 3 else "institution",
                "actions": [{"text": _sentence(next(fact), 18), "sources": _sources_for(n + a, sizes)} for a in range(ACTIONS_PER_PLAYER)],
                "sources": _sources_for(n, sizes),
            }
        )
    quotes = []
    for i in range(1, sizes.quotes + 1):
        n = next(fact)
        quotes.append(
            {
                "id": f"quote-{i}",
                "speaker": f"player-{(i * 31) % sizes.players + 1}",
                "text": _sentence(n, 16),
                "kind": "direct" if i % 4 else "paraphrase",
                "context": _sentence(n + 2, 10),
                "when": {"date": _date(i * 3)},
                "venue": _VENUES[i % len(_VENUES)],
                "sources": _sources_for(n, sizes),
            }
        )
    issues = [
        {
            "id": f"issue-{i}",
            "title": _sentence(i, 4),
            "summary": _sentence(next(fact), 40),
            "positions": [{"side": side["id"], "text": _sentence(next(fact), 30), "sources": _sources_for(i + k, sizes)} for k, side in enumerate(sides)],
            "sources": _sources_for(i, sizes),
        }
        for i in range(1, sizes.issues + 1)
    ]
    differences = [
        {
            "id": f"difference-{i}",
            "topic": _sentence(i, 6),
            "accounts": [{"text": _sentence(next(fact), 20), "sources": _sources_for(i + k, sizes)} for k in range(2)],
            "briefing_uses": _sentence(next(fact), 12),
            "why": _sentence(next(fact), 16),
        }
        for i in range(1, sizes.differences + 1)
    ]
    tariffs = [
        {
            "id": f"tariff-{i}",
            "name": _sentence(i, 3),
            "imposed_by": sides[i % 2]["id"],
            "applied_to": sides[(i + 1) % 2]["id"],
            "before": {"value": 100 + i, "unit": "percent"},
            "now": {"value": 10 + i, "unit": "percent"},
            "since": {"date": "2025-05-14"},
            "duration": {"value": 90, "unit": "days"},
            "covers": _sentence(i, 8),
            "sources": _sources_for(i, sizes),
        }
        for i in range(1, sizes.tariffs + 1)
    ]
    briefing = {
        "title": f"A synthetic briefing of {events:,} events",
        "standfirst": _sentence(1, 40),
        "as_of": "2025-06-05",
        "sides": sides,
        "units": {"percent": {"shown": "{value}%", "figure": "percent"}, "days": {"shown": "{value} days", "figure": "duration", "word": "day"}},
        "venues": list(_VENUES),
        "sections": [
            {"kind": kind, "title": title, "file": f"{stem}.yml"}
            for kind, title, stem in (
                ("overview", "Overview", "updates"),
                ("people", "Players", "players"),
                ("measures", "Tariffs", "tariffs"),
                ("timeline", "Timeline", "timeline"),
                ("quotes", "Quotes", "quotes"),
                ("positions", "Issues", "issues"),
                ("differences", "Differences", "differences"),
                ("sources", "Sources", "sources"),
            )
        ],
        "takeaways": [{"text": _sentence(next(fact), 24), "sources": _sources_for(k, sizes)} for k in range(8)],
        "next_steps": [{"text": _sentence(next(fact), 24), "sources": _sources_for(k, sizes)} for k in range(6)],
        "format": FORMAT,
    }
    updates = [{"when": "2025-06-05", "text": "First published."}]

    for stem, data in {
        "briefing": briefing,
        "sources": sources,
        "players": players,
        "tariffs": tariffs,
        "timeline": events_data,
        "quotes": quotes,
        "issues": issues,
        "differences": differences,
        "updates": updates,
    }.items():
        _dump(folder / f"{stem}.yml", data, f"Synthetic {stem}, {events} events")
    return sizes
