"""The first half of a build: `briefing.yml` read first, then the file of every
section it declares, each validated with its kind's model, then cross-checked.

Problems from all files are gathered before anything is reported, so one run
shows an editor everything that is wrong.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from generator.check.coverage import LEFT_OUT_FILE, LeftOut
from generator.check.references import check_references
from generator.check.validate import validate_file
from generator.content.briefing import Content, Page
from generator.content.models import SOURCES, VALID_ID, Briefing
from generator.core.characters import shown
from generator.core.errors import ContentError, Problem, did_you_mean
from generator.core.inline import PAGE_LINK, page_links
from generator.kinds.registry import KINDS, UNLOADABLE
from generator.load.migrate import FORMAT_FIELD, format_problem
from generator.load.reader import LoadedFile, load_file, read_content_text
from generator.present.values import NOT_STATED
from generator.verify.articles import check_against_archive, claims, read_archive
from generator.verify.record import RECORD_FILE, Record, check_against_record, read_record, record_text

BRIEFING_FILE = "briefing.yml"
BRIEFING_VOCABULARIES = {"sides": ("sides",), "units": ("units",), "venues": ("venues",)}
"""What references may name that a list of briefing.yml declares, and that list's field."""


def load_content(content_dir: Path, archive_dir: Path | None = None, *, require_verified: bool = False) -> Content:
    """The briefing in `content_dir`, or a `ContentError` listing every problem.

    Quotes and figures are verified against the articles in `archive_dir`, else against
    the verification record where there is one. With `require_verified` (CI, the Pages
    workflow), every one of them must be verified one way or the other.
    """
    if not content_dir.is_dir():
        raise ContentError([Problem(content_dir, 1, 1, "", "no such folder; name the folder that holds the briefing's YAML files")])
    if archive_dir is not None and not archive_dir.is_dir():
        raise ContentError([Problem(archive_dir, 1, 1, "", "no such folder of articles; name the folder that holds them (ARCHIVE=…)")])
    format_problem = _format_problem(content_dir / BRIEFING_FILE)
    if format_problem is not None:  # an older format may fail every other check for no fault of the editor's
        raise ContentError([format_problem])
    loaded, briefing, problems = _entries(content_dir / BRIEFING_FILE, Briefing, is_list=False)
    if briefing is None:  # without it, the sections and their files are unknown
        raise ContentError(problems)
    pages, page_problems = declared_pages(briefing, loaded)
    problems += page_problems
    files: dict[str, LoadedFile] = {"briefing": loaded}
    entries: dict[str, object] = {"briefing": briefing}
    # Every declared file is the briefing's, even one whose section has a problem of its own.
    used = {BRIEFING_FILE, RECORD_FILE, LEFT_OUT_FILE} | {declaration.file for declaration in briefing.sections if declaration.file}
    complete = not page_problems
    for page in pages:
        name = page.declaration.file or page.kind.default_file
        if name is None:
            continue
        used.add(name)
        if page.kind.reads == "markdown":
            text, text_problems = read_content_text(content_dir / name, "a page")
            problems += text_problems + _page_link_problems(content_dir / name, text or "", pages)
            page.entries = text or ""
            complete &= not text_problems
            continue
        page_file, value, file_problems = _entries(content_dir / name, page.kind.entry)
        problems += file_problems
        complete &= not file_problems
        if page_file is None:
            continue
        page.entries, page.loaded = value, page_file
        key = SOURCES if page.kind.name == SOURCES else page_file.path.stem
        files[key], entries[key] = page_file, value
    if (content_dir / LEFT_OUT_FILE).is_file():  # what `make coverage` is told was left out on purpose
        left_out, value, left_problems = _entries(content_dir / LEFT_OUT_FILE, LeftOut)
        problems += left_problems
        if left_out is not None:
            files["left-out"], entries["left-out"] = left_out, value
    problems += unknown_files(content_dir, used)
    known, where = vocabularies(briefing, pages, files)
    # A file that could not be read has said so: the references to its entries are not judged without them.
    unread = {page.kind.name for page in pages if page.kind.reads == "entries" and page.loaded is None}
    reference_problems, cited = check_references(entries, files, known, where, complete=complete, declared=BRIEFING_VOCABULARIES, unread=unread)
    problems += reference_problems
    verification, record = "", None
    if SOURCES in entries:
        verify_problems, verification, record = _verify(entries, files, briefing, content_dir, archive_dir, require_verified)
        problems += verify_problems
    if problems:
        raise ContentError(problems)
    sources_page = next(page for page in pages if page.kind.name == SOURCES)
    return Content(
        briefing=briefing,
        sources=sources_page.entries,
        pages=pages,
        citation_counts=cited,
        verification=verification,
        record=record,
        left_out=entries.get("left-out", []),
    )


def _format_problem(path: Path) -> Problem | None:
    """The briefing's content format, where this generator cannot read it (`migrate.py`)."""
    loaded, problems = load_file(path)
    if loaded is None or problems:
        return None  # said by the check proper
    why = format_problem(loaded.data)
    if why is None:
        return None
    if isinstance(loaded.data, dict) and FORMAT_FIELD in loaded.data:
        return loaded.problem((FORMAT_FIELD,), why)
    return Problem(path, 1, 1, "", why)


def _entries(path: Path, model, *, is_list: bool = True) -> tuple[LoadedFile | None, object | None, list[Problem]]:
    """A content file loaded and validated: where it stands (None if it cannot be read),
    its valid entries (None if it cannot be read or parsed), and the problems."""
    loaded, problems = load_file(path)
    if loaded is None or problems:
        return None, None, problems
    value, problems = validate_file(model, loaded, is_list=is_list)
    return loaded, value, problems


def _verify(
    entries: dict, files: dict[str, LoadedFile], briefing: Briefing, content_dir: Path, archive_dir: Path | None, require_verified: bool
) -> tuple[list[Problem], str, str | None]:
    """The quotes and figures checked against the articles, else against the verification
    record: the problems, what was verified and how (a sentence), and the record to write."""
    saved = read_record(content_dir) if archive_dir is None else None
    if archive_dir is None and saved is None and not require_verified:
        return [], "quotes and figures not verified: no articles (ARCHIVE=folder) and no verification record", None
    found = claims(entries, briefing.units, briefing.language)
    quotes = _count(sum(claim.kind == "quote" for claim in found), "quote")
    english = briefing.language.startswith("en")
    counted = f"{quotes} and {_count(sum(claim.kind == 'figure' for claim in found), 'figure')}" if english else quotes
    unread = "" if english else " (figures are checked in English briefings only)"
    if archive_dir is None:
        problems = check_against_record(found, saved or Record({}, {}), files, [source.id for source in entries[SOURCES]])
        return problems, f"{counted} verified by the verification record ({RECORD_FILE}){unread}", None
    archive, problems = read_archive(archive_dir, entries[SOURCES], files[SOURCES])
    problems += check_against_archive(found, archive, files)
    return problems, f"{counted} checked against {_count(len(archive.texts), 'article')} in {archive_dir}{unread}", record_text(found, archive)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def declared_pages(briefing: Briefing, loaded: LoadedFile) -> tuple[list[Page], list[Problem]]:
    """The pages `sections:` declares, in order: each of a known kind, with the file its
    kind needs, at an address of its own. The first is the home page."""
    pages, problems, slugs = [], [], {}
    for index, declaration in enumerate(briefing.sections):
        at = ("sections", index)
        kind = KINDS.get(declaration.kind)
        if kind is None:
            unloadable = UNLOADABLE.get(declaration.kind)
            why = (
                f"the kind '{declaration.kind}' cannot be used: {unloadable.reason}; reinstall or fix that package"
                if unloadable
                else f"unknown kind '{declaration.kind}'{did_you_mean(declaration.kind, KINDS)}; the kinds are {', '.join(sorted(KINDS))} "
                f"(a package adds others: install it beside the generator)"
            )
            problems.append(loaded.problem((*at, "kind"), why))
            continue
        name = declaration.file or kind.default_file
        wanted = ".md" if kind.reads == "markdown" else ".yml"
        if name is None and kind.file_required:
            problems.append(loaded.problem(at, f"a `{kind.name}` section needs `file:`, the {wanted} file it shows"))
            continue
        if name and kind.reads == "none":
            problems.append(loaded.problem((*at, "file"), f"a `{kind.name}` section reads no file; delete `file:`"))
            continue
        if name and not name.endswith(wanted):
            problems.append(loaded.problem((*at, "file"), f"a `{kind.name}` section reads a {wanted} file, not '{shown(name)}'"))
            continue
        for option in declaration.options:
            if option not in kind.options:
                hint = did_you_mean(option, kind.options) or (f"; it takes {', '.join(kind.options)}" if kind.options else "; it takes none")
                problems.append(loaded.problem((*at, "options", option), f"a `{kind.name}` section has no option '{option}'{hint}", at_key=True))
            elif option in kind.name_options and not VALID_ID.match(declaration.options[option]):
                problems.append(
                    loaded.problem(
                        (*at, "options", option),
                        f"'{shown(declaration.options[option])}' is not a name; write lower-case letters, digits and single hyphens, like `measure`",
                    )
                )
        slug = "index" if not pages else declaration.slug or (Path(name).stem if name else kind.name)
        if slug.isdigit():  # `2025.md` at the start of a link's text reads as a numbered list's item in Markdown
            problems.append(
                loaded.problem(
                    (*at, "slug") if declaration.slug else (*at, "file"),
                    f"the address '{slug}' is digits alone, which the site cannot link to; give the section "
                    f"a `slug:` with a word in it, like `{kind.name}-{slug}`",
                )
            )
        if slug in slugs:
            problems.append(
                loaded.problem(
                    (*at, "slug") if declaration.slug else at,
                    f"the address '{slug}' is already that of section {slugs[slug] + 1}; give this one a `slug:` of its own",
                )
            )
            continue
        slugs[slug] = index
        pages.append(Page(declaration=declaration, kind=kind, slug=slug))
    listing_sources = sum(page.kind.name == SOURCES for page in pages)
    if listing_sources != 1:
        problems.append(
            loaded.problem(
                ("sections",),
                f"a briefing has one `kind: {SOURCES}` section: every source marker links to it"
                if listing_sources == 0
                else f"only one `kind: {SOURCES}` section: every source marker links to it",
            )
        )
    homes = [page.kind.name for page in pages if page.kind.home]
    if pages and homes and not pages[0].kind.home:
        problems.append(loaded.problem(("sections", 0), f"the `{homes[0]}` section comes first: it is the home page"))
    declared = {page.kind.name for page in pages}
    for page in pages:
        for needed in page.kind.requires:
            if needed not in declared and needed in KINDS:
                at = ("sections", briefing.sections.index(page.declaration), "kind")
                problems.append(loaded.problem(at, f"a `{page.kind.name}` section names entries of a `{needed}` section; declare one in `sections:` too"))
    return pages, problems


def vocabularies(briefing: Briefing, pages: list[Page], files: dict[str, LoadedFile]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """What each reference may name (ids of each kind's entries, the sources, and the
    briefing's sides, units and venues), and where an editor adds one."""
    known: dict[str, set[str]] = {"sides": {side.id for side in briefing.sides}, "units": set(briefing.units), "venues": {*briefing.venues, NOT_STATED}}
    where = {
        "sides": "add it to `sides` in briefing.yml, or correct it",
        "units": "add it to `units` in briefing.yml, or correct it",
        "venues": f"add it to `venues` in briefing.yml, write `{NOT_STATED}`, or correct it",
    }
    for page in pages:
        if page.kind.reads != "entries":
            continue
        name = page.declaration.file or page.kind.default_file
        # Ids from the raw data, so an entry with a mistake elsewhere still counts as known;
        # an id that is itself invalid does not, so no hint ever suggests it.
        data = page.loaded.data if page.loaded else None
        ids = (
            {item["id"] for item in data if isinstance(item, dict) and isinstance(item.get("id"), str) and VALID_ID.match(item["id"])}
            if isinstance(data, list)
            else set()
        )
        known.setdefault(page.kind.name, set()).update(ids)
        where.setdefault(page.kind.name, f"add it to {name}, or correct it")
    for kind in KINDS:
        where.setdefault(kind, f"this briefing has no `{kind}` section; declare one in briefing.yml, or correct it")
    return known, where


def _page_link_problems(path: Path, text: str, pages: list[Page]) -> list[Problem]:
    """Links in an editor's page go to the web, or to a page of this briefing (`timeline.md`)."""
    slugs = [page.slug for page in pages]
    problems = []
    for line, href in page_links(text):
        match = PAGE_LINK.match(href)
        if re.match(r"^(https?://|mailto:)", href, re.IGNORECASE) or (match and match["slug"] in slugs):
            continue
        problems.append(
            Problem(
                path,
                line,
                1,
                "",
                f"link '{shown(href)}' goes nowhere a reader can follow; link to a web address, "
                f"or to a page of this briefing: {', '.join(f'{slug}.md' for slug in slugs)}",
            )
        )
    return problems


def unknown_files(content_dir: Path, used: set[str]) -> list[Problem]:
    """YAML files the briefing does not read: a misspelt name (`timline.yml`) would
    otherwise leave its facts silently unpublished."""
    problems = []
    for path in sorted(content_dir.iterdir()):
        name = path.name
        if path.suffix.lower() not in (".yml", ".yaml") or name in used or name.startswith("."):
            continue
        stems = {Path(known).stem: known for known in used}
        close = stems.get(path.stem) or next(iter(difflib.get_close_matches(path.stem, list(stems), n=1, cutoff=0.8)), None)
        advice = (
            f"rename it to `{stems.get(close, close)}`"
            if close
            else f"move it out of the folder, or declare a section that reads it in {BRIEFING_FILE} (its files are {', '.join(sorted(used))})"
        )
        problems.append(Problem(path, 1, 1, "", f"'{shown(name)}' is not one of the briefing's files, so nothing in it is published; {advice}"))
    return problems
