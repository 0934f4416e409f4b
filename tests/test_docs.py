"""The project's documentation (`docs/`, `make docs`): it builds in strict mode, its
generated reference says what the code does, and the README is one screen that points
at files that exist.

The site is built once for the module, in this process, as `make docs` builds it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.__main__ import _parser
from generator.i18n import messages
from generator.kinds.registry import KINDS

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "docs" / "mkdocs.yml"


class Page(HTMLParser):
    """What a reader meets on a built page: its text, the ids of its headings, the
    contents of its `<code>` elements, and every address it loads."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.codes: list[str] = []
        self.loads: list[str] = []  # src= of anything, href= of stylesheets and preloads
        self.words: list[str] = []
        self._code: list[str] | None = None
        self.feed(text)
        self.text = "".join(self.words)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if attributes.get("src"):
            self.loads.append(attributes["src"])
        if (
            tag == "link"
            and attributes.get("href")
            and set((attributes.get("rel") or "").split()) & {"stylesheet", "preload", "modulepreload", "preconnect", "icon"}
        ):
            self.loads.append(attributes["href"])
        if tag == "code":
            self._code = []

    def handle_endtag(self, tag):
        if tag == "code" and self._code is not None:
            self.codes.append("".join(self._code))
            self._code = None

    def handle_data(self, data):
        self.words.append(data)
        if self._code is not None:
            self._code.append(data)


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("docs-site")
    build(load_config(config_file=str(CONFIG), site_dir=str(site), strict=True))
    return site


def page(site: Path, uri: str) -> Page:
    return Page((site / uri).read_text(encoding="utf-8"))


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of its level or above."""
    start = re.search(rf'<h2 id="{re.escape(anchor)}"', html)
    assert start, f"no heading #{anchor}"
    end = re.search(r"<h2[ >]", html[start.end() :])
    return html[start.start() : start.end() + end.start() if end else len(html)]


def test_every_kind_has_its_section_with_every_field_of_its_entries(docs_site):
    html = (docs_site / "reference" / "kinds.html").read_text(encoding="utf-8")
    for name, kind in KINDS.items():
        part = Page(section(html, f"kind-{name}"))
        assert name in part.codes, f"the {name} section does not name its kind"
        if kind.entry is not None:
            missing = [field for field in kind.entry.model_fields if field not in part.codes]
            assert not missing, f"{name}: fields missing from its section: {missing}"


def test_the_briefing_fields_are_all_there(docs_site):
    from generator.content.models import Briefing

    part = Page(section((docs_site / "reference" / "kinds.html").read_text(encoding="utf-8"), "briefing"))
    assert not [field for field in Briefing.model_fields if field not in part.codes]


def test_the_command_line_page_shows_every_command(docs_site):
    text = page(docs_site, "reference/command-line.html").text
    commands = next(action for action in _parser()._actions if action.dest == "command").choices
    assert not [command for command in commands if not re.search(rf"\b{command}\b", text)]
    assert "--content" in text and "--require-verified" in text


def test_the_catalogue_page_lists_every_english_key(docs_site):
    codes = set(page(docs_site, "reference/catalogue-keys.html").codes)
    import generator.kinds.registry  # noqa: F401  (its kinds bring their words)

    assert not sorted(set(messages.shipped("en")) - codes)


def test_the_nav_reaches_every_page(docs_site):
    home = (docs_site / "index.html").read_text(encoding="utf-8")
    pages = sorted(path.relative_to(docs_site).as_posix() for path in docs_site.rglob("*.html") if path.name != "404.html")
    assert not [uri for uri in pages if uri != "index.html" and f'href="{uri}"' not in home], "pages missing from the nav"


def test_the_docs_load_nothing_from_another_host(docs_site):
    elsewhere = {}
    for path in docs_site.rglob("*.html"):
        loads = [address for address in Page(path.read_text(encoding="utf-8")).loads if re.match(r"(?i)(https?:)?//", address)]
        if loads:
            elsewhere[path.relative_to(docs_site).as_posix()] = loads
    assert not elsewhere
    for path in docs_site.rglob("*.css"):  # a stylesheet may import fonts in turn
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", path.read_text(encoding="utf-8")), path


def test_the_readme_is_one_screen_and_its_links_lead_somewhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 80
    links = re.findall(r"\]\(([^)\s]+)\)|src=\"([^\"]+)\"", readme)
    targets = [target for pair in links for target in pair if target and not re.match(r"[a-z]+:|#", target)]
    assert targets, "the README links to nothing in the checkout"
    assert not [target for target in targets if not (ROOT / target.split("#")[0]).exists()]
