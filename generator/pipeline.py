"""A build, start to finish, as one readable pipeline:
load and validate the content → render pages → write them → build the site.

Each stage's module is imported where the stage runs: a build whose inputs are those
of the last one (`fingerprint.py`) skips generation and needs none of them."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import html
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.settings import Settings, published_address, source_date_epoch
from generator.site import fingerprint
from generator.site.build import build_site, refuse_to_replace

if TYPE_CHECKING:
    from generator.content.briefing import Content


@contextlib.contextmanager
def collecting_no_garbage():
    """Generation makes many small objects and frees none of them until it ends, so the
    cyclic garbage collector only costs time (it rescans them, more often the larger
    the briefing); it runs again once generation is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def verified_content(settings: Settings) -> Content:
    """The checked content; where it was checked against the articles, the verification
    record is brought up to date, so the next check can do without them."""
    from generator.check.briefing import load_content
    from generator.core.editor import say, speaking
    from generator.core.errors import ContentError
    from generator.render.pages import template_problems
    from generator.verify.record import RECORD_FILE, write_record

    # The briefing's own templates are checked with the content, so one run lists every
    # problem, each said in the editor's language, which the content's check settles.
    templates = settings.content_dir / "templates"
    try:
        content = load_content(settings.content_dir, settings.archive_dir, require_verified=settings.require_verified, editor_language=settings.editor_language)
    except ContentError as error:
        with speaking(error.language):
            problems = template_problems(templates)
        raise ContentError(problems + error.problems, error.language) from None
    with speaking(content.editor_language):
        problems = template_problems(templates)
        if problems:
            raise ContentError(problems, content.editor_language)
        if settings.write_record and content.record is not None and write_record(settings.content_dir, content.record):
            content.verification += say("record_updated", file=RECORD_FILE)
    return content


def rendered_pages(content: Content, settings: Settings) -> dict[str, str]:
    """The briefing's files, rendered; the problems of its own templates (content too) are
    said in the editor's language."""
    from generator.core.editor import speaking
    from generator.core.errors import ContentError
    from generator.render.pages import render_pages

    with speaking(content.editor_language):
        try:
            # The briefing's own templates first; the published address is where the embed code points.
            return render_pages(content, settings.content_dir / "templates", published_address(settings.site_url))
        except ContentError as error:
            error.language = content.editor_language
            raise


def checked_content(settings: Settings) -> Content:
    """The checked content, its pages rendered but not written: a briefing's own templates
    are content too, and `check` passing means that `build` can render every page."""
    source_date_epoch()  # as the build checks it
    content = verified_content(settings)
    rendered_pages(content, settings)
    return content


def generate(settings: Settings) -> tuple[Content, list[str]]:
    """Validate the content and write its pages. Returns the content and the pages changed."""
    from generator.site.write import write_pages

    with collecting_no_garbage():
        content = verified_content(settings)
        changed = write_pages(rendered_pages(content, settings), settings.docs_dir)
    return content, changed


def site_values(content: Content, settings: Settings) -> dict[str, str]:
    """What the site's configuration takes from the briefing: its name, description and
    address, and where the pages are. The name and description are HTML-escaped: the
    theme prints them as they are."""
    from generator.core.inline import head_text
    from generator.i18n.messages import Messages
    from generator.render.embed import NOT_IN_NAV
    from generator.site.search import endings, stop_phrases, stop_words, synonyms

    messages = Messages(content.briefing.language)
    values = {
        "site_name": head_text(content.briefing.title),
        "site_description": head_text(content.briefing.standfirst),
        "docs_dir": docs_dir_value(settings),
        "nav": [{head_text(page.title): page.filename} for page in content.pages],  # printed as it is, like the name
        "not_in_nav": NOT_IN_NAV,  # the embed pages: each section's figure alone, for other sites
        "theme": {"language": theme_language(content.briefing.language)},
        # What the theme overrides print: the words in the briefing's language.
        "extra": {
            "briefing": {
                "messages": {key: html.escape(value) for key, value in messages.all().items()},
                **footer_values(content),
                # What the search leaves out of a question: plain words, which
                # the theme writes as JSON (overrides/main.html), not as HTML.
                "search": {
                    "stop_words": stop_words(messages),
                    "stop_phrases": stop_phrases(messages),
                    "endings": endings(messages),
                    "synonyms": synonyms(messages, content.briefing.search_synonyms),
                },
            }
        },
    }
    styles = sorted({f"assets/kinds/{page.kind.name}.css" for page in content.pages if page.kind.stylesheet})
    if styles:  # the stylesheets of the kinds installed packages bring, on every page
        values["extra_css"] = styles
    address = published_address(settings.site_url)
    if address:
        values["site_url"] = address
    return values


def docs_dir_value(settings: Settings) -> str:
    """The pages' folder as the configuration names it: relative to the configuration's
    folder, since Zensical takes no absolute `docs_dir`."""
    return os.path.relpath(Path(settings.docs_dir).absolute(), Path(settings.config_file).absolute().parent)


def footer_values(content: Content) -> dict[str, str]:
    """Who publishes the briefing and how to report a mistake, for every page's footer:
    HTML the theme prints as it is (inline Markdown, web and mail links only)."""
    from generator.core.inline import render_inline

    briefing = content.briefing
    return {name: str(render_inline(value)) for name, value in (("publisher", briefing.publisher), ("corrections", briefing.corrections)) if value}


def theme_language(language: str) -> str:
    """The theme's own words (search, navigation) in the briefing's language, where the
    theme has them; else English."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    code = language.replace("_", "-").lower()
    for candidate in (code, code.split("-")[0]):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return "en"


REUSED = "nothing the generator reads has changed since the last build, which checked it, so its pages were reused"


def build(settings: Settings) -> str:
    """Generate the pages, unless every input is as it was at the last build, then build
    the site; the old site stays if anything fails. Returns what was verified, in a sentence."""
    published_address(settings.site_url)  # a wrong address or date stops the build before anything is written
    source_date_epoch()
    refuse_to_replace(Path(os.path.abspath(settings.site_dir)))
    with one_build_at_a_time(settings.docs_dir):
        generated, reused = generate_unless_unchanged(settings)
        build_site(settings.config_file, settings.site_dir, values=generated.values, engine=settings.engine)
    return generated.verification + (f"; {REUSED}" if reused else "")


def generate_unless_unchanged(settings: Settings) -> tuple[fingerprint.Generated, bool]:
    """The pages generated, or those of the last build where every input is as it was
    then (True: reused), and what the site build needs from the content."""
    before = fingerprint.fingerprint(settings)
    generated = fingerprint.unchanged(settings, before)
    if generated is not None:
        return generated, True
    content, _ = generate(settings)
    generated = fingerprint.Generated(site_values(content, settings), content.verification)
    fingerprint.remember(settings, before, generated)
    return generated, False


@contextlib.contextmanager
def one_build_at_a_time(docs_dir: Path):
    """Two builds into the same folders would mix their pages; the second waits for the first."""
    Path(docs_dir).mkdir(parents=True, exist_ok=True)
    folder = os.open(docs_dir, os.O_RDONLY)  # the lock is on the folder itself: no lock file to leave behind
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build that writes to {docs_dir}…", file=sys.stderr, flush=True)
            fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # and with it the lock
