"""The verification record: what the check against the articles established,
committed with the content like a lock file (`verification.yml`), so that quotes
and figures stay verified where the articles are not at hand (CI, the Pages
workflow, a colleague's laptop). The articles stay outside the project: the record
keeps each article's hash and language and, for each fact (file and field), what was
verified in which article, with a hash of what was found there: the claim, the article
and that article's hash together, so that a hash vouches for nothing else.

Without the articles, every quote and figure must match the record; one added or
changed since it was last verified is reported where it stands, with how to
re-verify it. Moving a fact keeps it verified: a hash is looked for anywhere in the record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.core.editor import say
from generator.core.errors import ContentError, Problem, field_label
from generator.load.reader import LoadedFile, load_file
from generator.verify.articles import Archive, Claim

RECORD_FILE = "verification.yml"
RECORD_FORMAT = 2
_HEADER = [
    "# Written by `make check` where the articles are at hand; read by it where they are not.",
    "# For each article, its hash and language; for each fact (file and field), what was verified",
    "# in which article, and a hash of what was found there; under `unchecked`, the figures",
    "# unchecked.yml vouches for, and why. Do not edit: re-verify instead",
    "# (`make check ARCHIVE=folder-of-the-articles`).",
]


@dataclass
class Record:
    articles: dict[str, str]  # source id to the hash of its normalised text
    found: set[str]  # the hashes of every claim verified in an article

    def has(self, claim: Claim, source_id: str) -> bool:
        article = self.articles.get(source_id)
        return article is not None and claim.digest(source_id, article) in self.found


def _unreadable(path: Path, problems: list[Problem]) -> ContentError:
    return ContentError(problems or [Problem(path, 1, 1, "", say("verify_record_unreadable"))])


def read_record(content_dir: Path) -> Record | None:
    """The record, read as safely as any content file; None where there is none."""
    path = content_dir / RECORD_FILE
    if not path.exists():
        return None
    loaded, problems = load_file(path)
    data = loaded.data if loaded and not problems else None
    if (
        not isinstance(data, dict)
        or data.get("format") != RECORD_FORMAT
        or not isinstance(data.get("articles"), dict)
        or not isinstance(data.get("verified"), dict)
    ):
        raise _unreadable(path, problems)
    articles = {str(key): str(value.get("hash")) for key, value in data["articles"].items() if isinstance(value, dict)}
    found = {str(item.get("found")) for items in data["verified"].values() if isinstance(items, list) for item in items if isinstance(item, dict)}
    return Record(articles, found)


def fact_name(loaded: LoadedFile, claim: Claim) -> str:
    """A fact as a reviewer finds it: `quotes.yml [very-tough].wordings[1].words`."""
    label = field_label(loaded.path.stem, claim.path, loaded.data)
    return f"{loaded.path.name} {label[len(loaded.path.stem) :].lstrip('.')}"


def record_text(found: list[Claim], archive: Archive, files: dict[str, LoadedFile], unchecked: list[tuple[Claim, str]] = ()) -> str:
    """The record of `found`, as verified against `archive`, and of the figures left
    unchecked with why (`unchecked.yml`): the same claims and articles always give the
    same bytes."""
    verified = [
        (claim, f"in: {source_id}, found: {claim.digest(source_id, archive.digests[source_id])}")
        for claim in found
        for source_id in archive.texts
        if archive.has(claim, source_id)
    ]
    lines = [*_HEADER, f"format: {RECORD_FORMAT}", "articles:"]
    lines += [f"  {source_id}: {{hash: {digest}, language: {archive.languages[source_id]}}}" for source_id, digest in sorted(archive.digests.items())]
    lines += _section("verified", verified, files) or ["verified: {}"]
    # A reviewer reads what no article vouches for, and why, beside what one does.
    lines += _section("unchecked", [(claim, f"why: {json.dumps(why, ensure_ascii=False)}") for claim, why in unchecked], files)
    return "\n".join(lines) + "\n"


def _section(name: str, items: list[tuple[Claim, str]], files: dict[str, LoadedFile]) -> list[str]:
    """A part of the record: each fact (file and field), then an item per claim of it, in
    order; no lines where there is no item."""
    facts: dict[str, set[str]] = {}
    for claim, rest in items:
        facts.setdefault(fact_name(files[claim.file], claim), set()).add("{" + f"what: {json.dumps(claim.what, ensure_ascii=False)}, {rest}" + "}")
    lines = [f"{name}:"] if facts else []
    for fact in sorted(facts):
        lines.append(f"  {json.dumps(fact, ensure_ascii=False)}:")
        lines += [f"    - {item}" for item in sorted(facts[fact])]
    return lines


def write_record(content_dir: Path, text: str) -> bool:
    """Write the record if it changed; True if it did."""
    path = content_dir / RECORD_FILE
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def check_against_record(found: list[Claim], record: Record, files: dict[str, LoadedFile], sources: list[str]) -> list[Problem]:
    """Each claim must be in the record for every article it cites (or one, where it cites none)."""
    problems = []
    for claim in found:
        missing = claim.unmet(sources, lambda source_id, claim=claim: record.has(claim, source_id))
        if not missing:
            continue
        what = (
            say("verify_what_quote")
            if claim.kind == "quote"
            else say("verify_what_words")
            if claim.kind == "words"
            else say("verify_what_figure", figure=claim.written)
        )
        problems.append(files[claim.file].problem(claim.path, say("verify_not_in_record", what=what, articles=", ".join(missing), file=RECORD_FILE)))
    return problems
