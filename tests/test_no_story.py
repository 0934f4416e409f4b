"""The generator knows no story: no name, place or side of the briefing it publishes
appears anywhere in its code, templates, message catalogues or the theme overrides.

The words looked for are the real briefing's own (people, sides, outlets, measures),
read from `content/`, and the words the issue tracker named; the made-up example in
`generator/new/scaffold/` tells another story and is allowed its own."""

from __future__ import annotations

import re

from conftest import REAL_CONTENT, ROOT
from generator.check.briefing import load_content

NAMED = ["tariff", "china", "trump", "truce", "geneva", "90-day", "beijing"]


def story_words() -> set[str]:
    content = load_content(REAL_CONTENT)
    names = [person.name for person in content.entries("people")]
    names += [side.name for side in content.briefing.sides] + [side.adjective or "" for side in content.briefing.sides]
    names += [measure.name for measure in content.entries("measures")] + [source.id for source in content.sources]
    words = {word for name in names for word in re.findall(r"[A-Z][\w’'-]{2,}|[A-Z]{2,}", name)}
    return words - {"The", "And"}


def test_the_generator_and_the_theme_name_nothing_of_the_story():
    words = story_words()
    assert {"Bessent", "Chinese", "US"} <= words, "the words are read from the real briefing"
    names = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")  # as written: `States`, not `states`
    named = re.compile("|".join(NAMED), re.IGNORECASE)
    found = []
    for path in sorted([*(ROOT / "generator").rglob("*"), *(ROOT / "overrides").rglob("*")]):
        if not path.is_file() or "scaffold" in path.parts or path.suffix not in {".py", ".j2", ".yml", ".html", ".css"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{path.relative_to(ROOT)}:{number}: {match}" for match in [*names.findall(line), *named.findall(line)]]
    assert not found, "the story in the generator:\n" + "\n".join(found)
