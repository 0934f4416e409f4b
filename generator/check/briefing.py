"""The first half of a build: `briefing.yml` read first, then the file of every
section it declares, each validated with its kind's model, then cross-checked.

Problems from all files are gathered before anything is reported, so one run
shows an editor everything that is wrong.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

from generator.check.coverage import COVERAGE_FILES
from generator.check.references import check_references
from generator.check.validate import validate_file
from generator.content.briefing import Content, Page, entries_with_paths
from generator.content.models import SOURCES, VALID_ID, Briefing, Model, Text, article_languages
from generator.content.walk import visits
from generator.core.characters import shown
from generator.core.editor import editor_language_for, say, say_count, speaking, suggestion
from generator.core.errors import ContentError, Problem, field_label
from generator.core.files import BRIEFING_FILE, editor_language_of
from generator.core.inline import PAGE_LINK, page_links
from generator.i18n.messages import in_every_language
from generator.kinds.registry import KINDS, UNLOADABLE
from generator.load.migrate import FORMAT_FIELD, format_problem
from generator.load.reader import LoadedFile, load_file, read_content_text
from generator.verify.articles import Claim, Found, Readers, check_against_archive, claims, is_direct, read_archive
from generator.verify.figures import FIGURE_KINDS, NOT_FIGURES, known_measure
from generator.verify.record import RECORD_FILE, Record, check_against_record, fact_name, read_record, record_text

UNCHECKED_FILE = "unchecked.yml"


class Unchecked(Model):
    """One entry of `unchecked.yml`: a figure the check cannot confirm in the articles and
    the desk vouches for, with why; the verification record shows it beside what was verified."""

    fact: Text  # the fact's file and field, as the check names it: `briefing.yml takeaways[3].text`
    figure: Text  # the figure as the fact writes it: `1200`
    why: Text  # what a reviewer needs to accept it: where the article gives it, or why it is no figure


BRIEFING_VOCABULARIES = {"sides": ("sides",), "units": ("units",), "venues": ("venues",)}
"""What references may name that a list of briefing.yml declares, and that list's field."""


def load_content(content_dir: Path, archive_dir: Path | None = None, *, require_verified: bool = False, editor_language: str | None = None) -> Content:
    """The briefing in `content_dir`, or a `ContentError` listing every problem.

    Quotes and figures are verified against the articles in `archive_dir`, else against
    the verification record where there is one. With `require_verified` (CI, the Pages
    workflow), every one of them must be verified one way or the other. The problems are
    said in `editor_language`, else in the briefing's language where there is a catalogue
    of editors' messages for it, else in English.
    """
    language = editor_language_of(content_dir, editor_language)
    with speaking(language):
        try:
            content = _load_content(content_dir, archive_dir, require_verified=require_verified)
            content.editor_language = editor_language_for(language)
            return content
        except ContentError as error:
            error.language = editor_language_for(language)
            raise


def _load_content(content_dir: Path, archive_dir: Path | None, *, require_verified: bool) -> Content:
    if not content_dir.is_dir():
        raise ContentError([Problem(content_dir, 1, 1, "", say("check_no_content_folder"))])
    if archive_dir is not None and not archive_dir.is_dir():
        raise ContentError([Problem(archive_dir, 1, 1, "", say("check_no_archive_folder"))])
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
    used = {BRIEFING_FILE, RECORD_FILE, *(name for name, _ in COVERAGE_FILES.values())} | {
        declaration.file for declaration in briefing.sections if declaration.file
    }
    complete = not page_problems
    misnamed = _misnamed_files(content_dir, briefing, loaded, used)
    problems += [problem for problem, _ in misnamed.values()]
    for page in pages:
        name = page.declaration.file or page.kind.default_file
        if name is None:
            continue
        used.add(name)
        if name in misnamed:
            complete = False
            continue
        if page.kind.reads == "markdown":
            text, text_problems = read_content_text(content_dir / name, "file_what_page")
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
    unchecked = None
    if (content_dir / UNCHECKED_FILE).is_file():  # figures the desk vouches for where the check cannot
        unchecked_file, value, unchecked_problems = _entries(content_dir / UNCHECKED_FILE, Unchecked)
        problems += unchecked_problems
        used.add(UNCHECKED_FILE)
        unchecked = (unchecked_file, value) if unchecked_file is not None else None
    for key, (name, model) in COVERAGE_FILES.items():  # what `make coverage` reads: the articles' facts, what is left out and why
        if (content_dir / name).is_file():
            coverage_file, value, coverage_problems = _entries(content_dir / name, model)
            problems += coverage_problems
            if coverage_file is not None:
                files[key], entries[key] = coverage_file, value
    missing = sorted(name for name, (_, close) in misnamed.items() if close is None)
    problems += unknown_files(content_dir, used | {close for _, close in misnamed.values() if close}, missing)
    known, where = vocabularies(briefing, pages, files)
    # A file that could not be read has said so: the references to its entries are not judged without them.
    unread = {page.kind.name for page in pages if page.kind.reads == "entries" and page.loaded is None}
    reference_problems, cited = check_references(entries, files, known, where, complete=complete, declared=BRIEFING_VOCABULARIES, unread=unread)
    problems += untranslated_quotes(entries, files, briefing)
    spelt = not_stated_spelt_out(files)
    said = {(problem.file, problem.line, problem.column) for problem in spelt}
    problems += spelt + [problem for problem in reference_problems if (problem.file, problem.line, problem.column) not in said]
    verification, record, unclassified = "", None, []
    if SOURCES in entries:
        # What the briefing publishes is verified; the coverage files only quote the articles to it (`make coverage` checks them).
        published = {key: value for key, value in entries.items() if key not in COVERAGE_FILES}
        verify_problems, verification, record, unclassified = _verify(published, files, briefing, content_dir, archive_dir, require_verified, unchecked)
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
        unclassified=unclassified,
        left_out=entries.get("left-out", []),
        inventory=entries.get("inventory", []),
        coverage_files={key: files[key] for key in COVERAGE_FILES if key in files},
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
    if loaded is None or not loaded.whole:
        return None, None, problems
    value, more = validate_file(model, loaded, is_list=is_list)
    return loaded, value, problems + more


def _verify(
    entries: dict,
    files: dict[str, LoadedFile],
    briefing: Briefing,
    content_dir: Path,
    archive_dir: Path | None,
    require_verified: bool,
    unchecked: tuple[LoadedFile, list] | None = None,
) -> tuple[list[Problem], str, str | None, list[str]]:
    """The quotes and figures checked against the articles, else against the verification
    record: the problems, what was verified and how (a sentence), the record to write, and
    the numbers checked as numbers alone (no unit or noun says what they count), located."""
    saved = read_record(content_dir) if archive_dir is None else None
    if archive_dir is None and saved is None and not require_verified:
        return [], say("not_verified"), None, []
    readers = Readers(briefing.units, briefing.language)
    problems = _measure_problems(briefing, files["briefing"])
    if problems:  # nothing converts through an unknown unit: its figures would only add false alarms
        return problems, "", None, []
    found = claims(entries, readers)
    # A quantity in a unit the briefing does not declare is reported as such: read as a
    # number alone, its figure would only add a false alarm beside it.
    found.claims = [claim for claim in found.claims if not claim.unit or claim.unit in briefing.units]
    found.claims, left, aside_problems = _set_aside(found.claims, unchecked, files)
    problems += aside_problems
    counted = _checked(found)
    aside = say("left_unchecked", figures=say_count("n_figure", len(left)), file=UNCHECKED_FILE) if left else ""
    unclassified = [
        str(
            files[claim.file].problem(
                claim.path,
                say("number_alone_unit", number=shown(claim.written), unit=shown(claim.unit))
                if claim.unit
                else say("number_alone", number=shown(claim.written)),
            )
        )
        for claim in found.claims
        if claim.figure is not None and claim.figure.kind == "number"
    ]
    if archive_dir is None:
        problems += check_against_record(found.claims, saved or Record({}, set()), files, [source.id for source in entries[SOURCES]])
        return problems, say("verified_by_record", checked=counted, file=RECORD_FILE, not_figures=_not_figures(found), aside=aside), None, unclassified
    archive, archive_problems = read_archive(archive_dir, entries[SOURCES], files[SOURCES], readers)
    problems += archive_problems
    if archive_problems:  # an article that cannot be read would only add false alarms about what it reports
        unread = {source.id for source in entries[SOURCES]} - set(archive.texts)
        found.claims = [claim for claim in found.claims if not (claim.cited and set(claim.cited) & unread)]
    problems += check_against_archive(found.claims, archive, files)
    problems += [
        unchecked[0].problem((index,), say("unchecked_found_after_all", figure=shown(claim.written)))
        for index, claim, _ in left
        if not check_against_archive([claim], archive, files)
    ]
    sentence = say(
        "checked_against",
        checked=counted,
        articles=say_count("n_article", len(archive.texts)),
        folder=archive_dir,
        not_figures=_not_figures(found),
        aside=aside,
    )
    return problems, sentence, record_text(found.claims, archive, files, [(claim, why) for _, claim, why in left]), unclassified


def _set_aside(found: list[Claim], unchecked: tuple[LoadedFile, list] | None, files: dict[str, LoadedFile]) -> tuple[list[Claim], list, list[Problem]]:
    """The figures `unchecked.yml` vouches for, taken out of the check: each entry names a
    figure of a fact, as the check names them, and must match one. Returns the claims left
    to check, those set aside (entry index, claim, why) and the entries that match nothing."""
    if unchecked is None:
        return found, [], []
    loaded, entries = unchecked
    wanted = {(entry.fact, entry.figure): (index, entry) for index, entry in enumerate(entries)}
    kept, left, matched = [], [], set()
    for claim in found:
        # The fact as the record names it (`briefing.yml takeaways[3].text`) or as a problem does (`briefing.takeaways[3].text`).
        loaded_file = files[claim.file]
        names = (fact_name(loaded_file, claim), field_label(loaded_file.path.stem, claim.path, loaded_file.data))
        key = next(((name, claim.written) for name in names if (name, claim.written) in wanted), None)
        if claim.kind == "figure" and key is not None:
            index, entry = wanted[key]
            left.append((index, claim, entry.why))
            matched.add(key)
        else:
            kept.append(claim)
    problems = [
        loaded.problem(
            (index, "figure"),
            say("unchecked_matches_nothing", figure=shown(entry.figure), fact=shown(entry.fact)),
        )
        for key, (index, entry) in wanted.items()
        if key not in matched
    ]
    return kept, left, problems


_NOUNS = {  # each kind's noun in the editors' catalogues, counted (`say_count`)
    "count": "n_count",
    "number": "n_number",
    "percent": "n_percent",
    "money": "n_money",
    "duration": "n_duration",
    "measurement": "n_measurement",
    "time": "n_time",
    "year": "n_year",
    "date": "n_date",
    "ordinal": "n_ordinal",
    "identifier": "n_identifier",
    "own sources": "n_own_sources",
}


def _checked(found: Found) -> str:
    """What was checked, by kind: `41 figures (12 counts, 9 measurements, …; 2 ranges; 3 approximate), 3 quotes and 2 wordings of the articles`."""
    figures = [claim.figure for claim in found.claims if claim.figure is not None]
    by_kind = Counter(figure.kind for figure in figures)
    parts = [", ".join(say_count(_NOUNS[kind], by_kind[kind]) for kind in FIGURE_KINDS if by_kind[kind])]
    ranges = sum(figure.low != figure.high for figure in figures)
    approximate = sum(bool(figure.approximate) for figure in figures if figure.kind != "time")  # a timeline's time reads as the articles give it
    parts += [say_count(noun, number) for noun, number in (("n_range", ranges), ("n_approximate", approximate)) if number]
    return say(
        "checked",
        figures=say_count("n_figure", len(figures)) + (say("checked_kinds", kinds=say("checked_groups_separator").join(parts)) if by_kind else ""),
        quotes=say_count("n_quote", found.count("quote")),
        wordings=say_count("n_wording", found.count("words")),
    )


def _not_figures(found: Found) -> str:
    """The numbers left out as not figures, by why: `; not figures: 14 years, 20 days of a month`."""
    skipped = Counter(item.number.why for item in found.skipped)
    listed = ", ".join(say_count(_NOUNS[why], skipped[why]) for why in NOT_FIGURES if skipped[why])
    return say("not_figures", listed=listed) if skipped else ""


def _measure_problems(briefing: Briefing, loaded: LoadedFile) -> list[Problem]:
    """A unit's `measure` must be one pint knows, or nothing converts to it."""
    return [
        loaded.problem(
            ("units", name, "measure"),
            say("check_unknown_measure", measure=shown(unit.measure)),
        )
        for name, unit in briefing.units.items()
        if unit.measure and not known_measure(unit.measure)
    ]


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
                say("check_kind_unloadable", kind=declaration.kind, reason=unloadable.reason)
                if unloadable
                else say("check_kind_unknown", kind=declaration.kind, suggestion=suggestion(declaration.kind, KINDS), kinds=", ".join(sorted(KINDS)))
            )
            problems.append(loaded.problem((*at, "kind"), why))
            continue
        name = declaration.file or kind.default_file
        wanted = ".md" if kind.reads == "markdown" else ".yml"
        if name is None and kind.file_required:
            problems.append(loaded.problem(at, say("check_section_needs_file", kind=kind.name, wanted=wanted)))
            continue
        if name and kind.reads == "none":
            problems.append(loaded.problem((*at, "file"), say("check_section_reads_no_file", kind=kind.name)))
            continue
        if name and not name.endswith(wanted):
            problems.append(loaded.problem((*at, "file"), say("check_section_reads_other_file", kind=kind.name, wanted=wanted, name=shown(name))))
            continue
        for option in declaration.options:
            if option not in kind.options:
                hint = suggestion(option, kind.options) or (
                    say("check_options_taken", options=", ".join(kind.options)) if kind.options else say("check_options_none")
                )
                problems.append(loaded.problem((*at, "options", option), say("check_option_unknown", kind=kind.name, option=option, hint=hint), at_key=True))
            elif option in kind.name_options and not VALID_ID.fullmatch(declaration.options[option]):
                problems.append(
                    loaded.problem(
                        (*at, "options", option),
                        say("check_option_not_a_name", value=shown(declaration.options[option])),
                    )
                )
        slug = "index" if not pages else declaration.slug or (Path(name).stem if name else kind.name)
        if slug.isdigit():  # `2025.md` at the start of a link's text reads as a numbered list's item in Markdown
            problems.append(
                loaded.problem(
                    (*at, "slug") if declaration.slug else (*at, "file"),
                    say("check_slug_digits", slug=slug, kind=kind.name),
                )
            )
        if slug in slugs:
            problems.append(
                loaded.problem(
                    (*at, "slug") if declaration.slug else at,
                    say("check_slug_taken", slug=slug, section=slugs[slug] + 1),
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
                say("check_sources_section_missing", kind=SOURCES) if listing_sources == 0 else say("check_sources_section_twice", kind=SOURCES),
            )
        )
    homes = [page.kind.name for page in pages if page.kind.home]
    if pages and homes and not pages[0].kind.home:
        problems.append(loaded.problem(("sections", 0), say("check_home_first", kind=homes[0])))
    declared = {page.kind.name for page in pages}
    for page in pages:
        for needed in page.kind.requires:
            if needed not in declared and needed in KINDS:
                at = ("sections", briefing.sections.index(page.declaration), "kind")
                problems.append(loaded.problem(at, say("check_section_requires", kind=page.kind.name, needed=needed)))
    return pages, problems


def vocabularies(briefing: Briefing, pages: list[Page], files: dict[str, LoadedFile]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """What each reference may name (ids of each kind's entries, the sources, and the
    briefing's sides, units and venues), and where an editor adds one."""
    known: dict[str, set[str]] = {"sides": {side.id for side in briefing.sides}, "units": set(briefing.units), "venues": set(briefing.venues)}
    where = {"sides": say("check_where_sides"), "units": say("check_where_units"), "venues": say("check_where_venues")}
    for page in pages:
        if page.kind.reads != "entries":
            continue
        name = page.declaration.file or page.kind.default_file
        # Ids from the raw data, so an entry with a mistake elsewhere still counts as known;
        # an id that is itself invalid does not, so no hint ever suggests it.
        data = page.loaded.data if page.loaded else None
        ids = (
            {item["id"] for item in data if isinstance(item, dict) and isinstance(item.get("id"), str) and VALID_ID.fullmatch(item["id"])}
            if isinstance(data, list)
            else set()
        )
        known.setdefault(page.kind.name, set()).update(ids)
        where.setdefault(page.kind.name, say("check_where_file", file=name))
    for kind in KINDS:
        where.setdefault(kind, say("check_where_no_section", kind=kind))
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
                say("check_page_link", href=shown(href), pages=", ".join(f"{slug}.md" for slug in slugs)),
            )
        )
    return problems


def _misnamed_files(content_dir: Path, briefing: Briefing, loaded: LoadedFile, used: set[str]) -> dict[str, tuple[Problem, str | None]]:
    """`file: diferences.yml` where the folder holds `differences.yml`: the slip is in the
    declaration, so that is where the problem stands, and the file keeps its right name.
    A declared file the folder lacks is said there too, with the folder's undeclared files,
    one of which may be it. Each name maps to its problem and the close file, if any."""
    undeclared = sorted(path.name for path in content_dir.iterdir() if path.suffix.lower() in (".yml", ".yaml") and path.name not in used)
    found = {}
    for index, declaration in enumerate(briefing.sections):
        name = declaration.file
        if not name or (content_dir / name).exists() or (content_dir / name).is_symlink():
            continue
        close = next(iter(difflib.get_close_matches(name, undeclared, n=1, cutoff=0.8)), None)
        if close:
            advice = say("check_no_file_but_close", close=shown(close))
        else:
            others = [other for other in undeclared if other not in {name for name, _ in COVERAGE_FILES.values()}]
            listed = say("check_no_file_others", files=", ".join(shown(other) for other in others)) if others else ""
            advice = say("check_no_file_advice", listed=listed)
        found[name] = (loaded.problem(("sections", index, "file"), say("check_no_file", name=shown(name), advice=advice)), close)
    return found


def untranslated_quotes(entries: dict, files: dict[str, LoadedFile], briefing: Briefing) -> list[Problem]:
    """A direct quote the articles print in another language than the briefing's is shown
    as a `translation` (the words as printed stay beside it, verified); one they print in
    the briefing's language needs none. Any model with a `translation` field is held to it."""
    languages = article_languages(entries.get(SOURCES, []), briefing.language)
    problems, seen = [], set()
    for key, value in entries.items():
        if key == SOURCES or key not in files:
            continue
        for at, entry in entries_with_paths(value):
            for visit in visits(entry, at):
                model = visit.owner
                if not (visit.marks.verbatim and visit.sources and "translation" in type(model).model_fields and is_direct(visit)) or id(model) in seen:
                    continue
                seen.add(id(model))  # its words once, however many fragments
                words_at = visit.path[:-1] if isinstance(visit.path[-1], int) else visit.path  # `text`, or `fragments`
                printed = sorted({languages.get(source, briefing.language) for source in visit.sources})
                foreign = [language for language in printed if language != briefing.language]
                if foreign and len(foreign) == len(printed) and model.translation is None:
                    problems.append(
                        files[key].problem(
                            words_at,
                            say("check_quote_needs_translation", printed=", ".join(foreign), language=briefing.language),
                        )
                    )
                elif model.translation is not None and len(foreign) < len(printed):
                    problems.append(
                        files[key].problem(
                            (*words_at[:-1], "translation"),
                            say("check_quote_needs_no_translation", language=briefing.language),
                        )
                    )
    return problems


def _bare(words: str) -> str:
    """Words as compared, whatever their case, spacing or closing full stop ("Not stated.")."""
    return " ".join(words.casefold().split()).rstrip(".").strip()


def not_stated_spelt_out(files: dict[str, LoadedFile]) -> list[Problem]:
    """A value that is only a word for "not stated" (`not stated`, `non précisé`, in any
    catalogue's language) would be published as a name or a place: `null` says it."""
    words = {_bare(word) for word in in_every_language("not_stated")}
    problems, stack = [], [(loaded, (), loaded.data) for loaded in files.values()]
    while stack:
        loaded, at, node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(value, str) and _bare(value) in words:
                problems.append(
                    loaded.problem(
                        (*at, key),
                        say("check_not_stated_spelt_out", value=shown(value)),
                    )
                )
            elif isinstance(value, (dict, list)):
                stack.append((loaded, (*at, key), value))
    return sorted(problems, key=lambda problem: (str(problem.file), problem.line, problem.column))


def unknown_files(content_dir: Path, used: set[str], missing: list[str] = ()) -> list[Problem]:
    """YAML files the briefing does not read: a misspelt name (`timline.yml`) would
    otherwise leave its facts silently unpublished. Where a declared file is `missing`,
    this may be it under another name."""
    problems = []
    for path in sorted(content_dir.iterdir()):
        name = path.name
        if path.suffix.lower() not in (".yml", ".yaml") or name in used or name.startswith("."):
            continue
        stems = {Path(known).stem: known for known in used}
        close = stems.get(path.stem) or next(iter(difflib.get_close_matches(path.stem, list(stems), n=1, cutoff=0.8)), None)
        if close:
            advice = say("check_unread_file_rename", name=stems.get(close, close))
        elif missing:
            declared = say("check_or").join(f"`{shown(name)}`" for name in missing)
            advice = say("check_unread_file_misnamed", briefing=BRIEFING_FILE, declared=declared)
        else:
            advice = say("check_unread_file_move", briefing=BRIEFING_FILE, files=", ".join(sorted(used)))
        problems.append(Problem(path, 1, 1, "", say("check_unread_file", name=shown(name), advice=advice)))
    return problems
