"""Which content files a briefing has, and the typed content they add up to."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from . import models


@dataclass(frozen=True)
class ContentFile:
    """One YAML file of `content/`: its name, the model of an entry, and its shape."""

    stem: str
    model: type[BaseModel]
    is_list: bool = True  # a list of entries; otherwise one mapping

    @property
    def filename(self) -> str:
        return f"{self.stem}.yml"


CONTENT_FILES: tuple[ContentFile, ...] = (
    ContentFile("briefing", models.Briefing, is_list=False),
    ContentFile("sources", models.Source),
    ContentFile("players", models.Player),
    ContentFile("tariffs", models.Tariff),
    ContentFile("timeline", models.Event),
    ContentFile("quotes", models.Quote),
    ContentFile("issues", models.Issue),
    ContentFile("differences", models.Difference),
    ContentFile("updates", models.Update),
)


def entries_with_paths(value: object) -> list[tuple[tuple[int, ...], object]]:
    """A content file's entries with their paths in the file: `(3,)` for the fourth
    entry of a list file, `()` for the one mapping of `briefing.yml`."""
    return [((index,), entry) for index, entry in enumerate(value)] if isinstance(value, list) else [((), value)]


@dataclass(frozen=True)
class Content:
    """A whole briefing, validated: what the templates render."""

    briefing: models.Briefing
    sources: list[models.Source]
    players: list[models.Player]
    tariffs: list[models.Tariff]
    timeline: list[models.Event]
    quotes: list[models.Quote]
    issues: list[models.Issue]
    differences: list[models.Difference]
    updates: list[models.Update]
