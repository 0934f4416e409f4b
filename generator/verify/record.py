"""The verification record: what the check against the articles established,
committed with the content like a lock file (`verification.yml`), so that quotes
and figures stay verified where the articles are not at hand (CI, the Pages
workflow, a colleague's laptop). The articles stay outside the project: the record
keeps a hash of each article and, for each article, hashes of the normalised
quotes and figures found in it.

Without the articles, every quote and figure must match the record; one added or
changed since it was last verified is reported where it stands, with how to
re-verify it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import ContentError, Problem
from generator.load.reader import LoadedFile, load_file
from generator.verify.articles import Archive, Claim

RECORD_FILE = "verification.yml"


@dataclass
class Record:
    articles: dict[str, str]  # source id to the hash of its normalised text
    found: dict[str, set[str]]  # source id to the digests of the claims it reports

    def has(self, claim: Claim, source_id: str) -> bool:
        return claim.digest in self.found.get(source_id, set())


def read_record(content_dir: Path) -> Record | None:
    """The record, read as safely as any content file; None where there is none."""
    path = content_dir / RECORD_FILE
    if not path.exists():
        return None
    loaded, problems = load_file(path)
    data = loaded.data if loaded and not problems else None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict) or not isinstance(data.get("verified"), dict):
        raise ContentError(
            problems or [Problem(path, 1, 1, "", "not a verification record; delete it and run `make check` where the articles are, to write it again")]
        )
    articles = {str(key): str(value) for key, value in data["articles"].items()}
    found = {str(key): {str(digest) for digest in value} if isinstance(value, list) else set() for key, value in data["verified"].items()}
    return Record(articles, found)


def record_text(found: list[Claim], archive: Archive) -> str:
    """The record of `found`, as verified against `archive`: the same claims and articles
    always give the same bytes."""
    verified: dict[str, set[str]] = {source_id: set() for source_id in archive.texts}
    for claim in found:
        for source_id in archive.texts:
            if archive.has(claim, source_id):
                verified[source_id].add(claim.digest)
    lines = [
        "# Written by `make check` where the articles are at hand; read by it where they are not.",
        "# Hashes of each article and of the quotes and figures verified in it. Do not edit:",
        "# re-verify instead (`make check ARCHIVE=folder-of-the-articles`).",
        "articles:",
    ]
    lines += [f"  {source_id}: {digest}" for source_id, digest in sorted(archive.digests.items())]
    lines.append("verified:")
    for source_id in sorted(verified):
        lines.append(f"  {source_id}:" + ("" if verified[source_id] else " []"))
        lines += [f"    - {digest}" for digest in sorted(verified[source_id])]
    return "\n".join(lines) + "\n"


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
        what = "direct quote" if claim.kind == "quote" else f"figure '{claim.written}'"
        problems.append(
            files[claim.file].problem(
                claim.path,
                f"{what} is not verified against {', '.join(missing)}: it was added or changed "
                "since the last check against the articles; run `make check` where they are "
                "(ARCHIVE=folder) to verify it and update verification.yml",
            )
        )
    return problems
