"""Text from YAML, made safe to place inside a generated Markdown page.

Editors may use inline Markdown (emphasis, code, links). markdown-it-py parses
each text as inline Markdown only, with raw HTML switched off, and renders it
to HTML ourselves. In that HTML every character that Python-Markdown, its
extensions, or a table would read as syntax is written as a numeric entity,
so what an editor typed is shown as typed: `<script>` is text, `|` never
splits a table cell, `# ` never starts a heading, `{ #id }` is no attribute.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

from generator.core.characters import shown
from generator.core.editor import say

_MARKDOWN_SYNTAX = '\\`*_{}[]()#!|<>&"~=^'
_AS_ENTITIES = {char: f"&#{ord(char)};" for char in _MARKDOWN_SYNTAX}
# A regular expression replaces the few syntax characters a text has several times
# faster than `str.translate` with a table, which looks up every character.
_SYNTAX_CHARACTER = re.compile("[" + re.escape(_MARKDOWN_SYNTAX) + "]")
# A text without these is plain: inline Markdown would read it as it is (a fast path).
# (A regular expression finds one of them about twice as fast as a set's `isdisjoint`.)
_INLINE_MARKUP = re.compile("[" + re.escape("\\`*_~[]<&!") + "]")
# Only at the start of a line do these make syntax: a list item (`- `, `+ `, `1. `).
_LEADING_SYNTAX = re.compile(r"^ ?(?:[-+]|\d+[.)])")  # after the one space folding leaves, still a list marker
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")  # whitespace, but not the no-break spaces (`10\u202f%`)
# The emphasis editors write most (`*word*`, `**two words**`), after a space and before a
# space or a sentence's punctuation: markdown-it reads each such pair as emphasis and
# nothing else, so it is rendered here as its tokens would render (a fast path). The
# pattern starts with the `*` (the space before it is looked behind for), which the
# regular expression engine finds fast.
_SIMPLE_EMPHASIS = re.compile(r"(\*\*(?<![^ ]\*\*)|\*(?<![^ ]\*))([A-Za-z0-9](?:[A-Za-z0-9 '-]*[A-Za-z0-9])?)\1(?=[ .,;:]|$)")
_EMPHASIS_TAGS = {"*": "em", "**": "strong"}
_SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


# The same text is escaped and rendered for several pages (its section, its embed, the
# search, the JSON), and labels and dates many times: each distinct text is worked out
# once. These functions depend on the text alone.
_DISTINCT_TEXTS = 1 << 16


@lru_cache(maxsize=_DISTINCT_TEXTS, typed=True)  # typed: 1 and 1.0 stay apart
def escape_text(text: str) -> Markup:
    """Plain text as HTML that no later Markdown pass can reinterpret."""
    return Markup(_escaped(_folded(str(text))))


def _escaped(text: str) -> str:
    """`escape_text` of a text whose whitespace is folded, not cached: for the parts of a
    text `render_inline` caches whole (a large briefing's texts would only crowd out others)."""
    leading = _LEADING_SYNTAX.match(text)
    if not leading:
        return _as_entities(text)
    start = "".join(char if char == " " else f"&#{ord(char)};" for char in leading.group())
    return start + _as_entities(text[leading.end() :])


def _as_entities(text: str) -> str:
    return _SYNTAX_CHARACTER.sub(_entity, text)


def _entity(match: re.Match) -> str:
    return _AS_ENTITIES[match.group()]


def _folded(text: str) -> str:
    """Runs of whitespace as one space (the no-break spaces kept). Most texts have single
    spaces only, which `_WHITESPACE` would replace one by one to no effect: a printable
    text has no whitespace but the space (tabs, line breaks, no-break spaces are not
    printable), so without two spaces in a row it is left as it is."""
    if text.isprintable() and "  " not in text:
        return text
    return _WHITESPACE.sub(" ", text)


def _is_plain(text: str) -> bool:
    return _INLINE_MARKUP.search(text) is None


def _simple_emphasis(text: str) -> list[str] | None:
    """A text whose only markup is simple emphasis, split as `re.split` does: plain text,
    then (delimiter, emphasised words, plain text) for each; None for any other text."""
    if not _is_plain(text.replace("*", "")):
        return None
    parts = _SIMPLE_EMPHASIS.split(text)
    if "*" in "".join(parts[::3]):  # a `*` the pattern leaves: not simple
        return None
    return parts


def _emphasis_html(parts: list[str]) -> str:
    html = [_escaped(parts[0])]
    for index in range(1, len(parts), 3):
        tag = _EMPHASIS_TAGS[parts[index]]
        html.append(f"<{tag}>{_escaped(parts[index + 1])}</{tag}>{_escaped(parts[index + 2])}")
    return "".join(html)


def _text_rule(renderer, tokens, index, options, env) -> str:
    return escape_text(tokens[index].content)


def _code_rule(renderer, tokens, index, options, env) -> str:
    return f"<code>{escape_text(tokens[index].content)}</code>"


def _space_rule(renderer, tokens, index, options, env) -> str:
    return " "


def _link_open_rule(renderer, tokens, index, options, env) -> str:
    href = tokens[index].attrGet("href") or ""
    if env and env.get("resolve"):  # an editor's page links to another page of the briefing
        href = env["resolve"](href)
    return f'<a href="{escape_text(href)}">'


_INLINE_RULES = {
    "text": _text_rule,
    "code_inline": _code_rule,
    "softbreak": _space_rule,
    "hardbreak": _space_rule,
    "link_open": _link_open_rule,
}


def _safe_markdown(rules: dict) -> MarkdownIt:
    """CommonMark without raw HTML or images, rendered by our rules."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").disable("image")
    for rule, render in rules.items():
        parser.add_render_rule(rule, render)
    return parser


_inline_markdown = _safe_markdown(_INLINE_RULES)


@lru_cache(maxsize=_DISTINCT_TEXTS, typed=True)  # typed: 1 and 1.0 stay apart
def render_inline(text: str) -> Markup:
    """Inline Markdown as safe HTML: emphasis, code and links work, nothing else does."""
    text = _folded(str(text)).strip()
    if _is_plain(text):
        return Markup(_escaped(text))
    emphasis = _simple_emphasis(text)
    if emphasis is not None:
        return Markup(_emphasis_html(emphasis))
    return Markup(_inline_markdown.renderInline(text))


@lru_cache(maxsize=_DISTINCT_TEXTS, typed=True)  # typed: 1 and 1.0 stay apart
def plain_text(text: str) -> str:
    """The words of an inline-Markdown text without its markup (for titles and meta tags)."""
    text = _folded(str(text)).strip()
    if _is_plain(text):
        return text
    emphasis = _simple_emphasis(text)
    if emphasis is not None:  # the words, without the delimiters
        return "".join(part for index, part in enumerate(emphasis) if index % 3 != 1)
    tokens = _inline_markdown.parseInline(text)
    return "".join(child.content for token in tokens for child in token.children or [] if child.type in ("text", "code_inline"))


# For checking only: accepts every link target, so that `file:` or `javascript:`
# links, which the renderer shows as plain text, are reported to the editor.
_link_finder = MarkdownIt("commonmark", {"html": False}).disable("image")
_link_finder.validateLink = lambda url: True


def head_text(text: str) -> str:
    """Plain text, HTML-escaped, for values the theme prints as they are (`<title>`, meta tags)."""
    return html.escape(plain_text(text))


def link_problems(text: str) -> list[str]:
    """Links a reader could not follow from the built site: only web and mail links are allowed."""
    if "](" not in text and "<" not in text:  # no inline link, no autolink
        return []
    problems = []
    for token in _link_finder.parseInline(text):
        for child in token.children or []:
            href = child.attrGet("href") if child.type == "link_open" else None
            if href is not None and not _SAFE_LINK.match(href):
                problems.append(say("inline_link_not_web", href=shown(href)))
    return problems


# Blocks of an editor's Markdown page (paragraphs, lists, quotes, code), as HTML with the
# same rules: text is escaped so that no later Markdown pass reads it as syntax.
def _code_block_rule(renderer, tokens, index, options, env) -> str:
    return f"<pre><code>{_as_entities(tokens[index].content)}</code></pre>\n"


_block_markdown = _safe_markdown({**_INLINE_RULES, "code_block": _code_block_rule, "fence": _code_block_rule})


PAGE_LINK = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md(?P<anchor>#[A-Za-z0-9_-]+)?$")
"""A link from an editor's page to another page of the briefing: `timeline.md#event-vote`."""


def page_links(text: str) -> list[tuple[int, str]]:
    """Every link target of an editor's Markdown page, with the line it is on."""
    found = []
    for token in _block_markdown.parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(((token.map or [0])[0] + 1, child.attrGet("href") or ""))
    return found


def markdown_blocks(text: str, resolve=None) -> list[tuple[int, str]]:
    """An editor's Markdown page as a list of (heading level, heading HTML) and
    (0, HTML of the blocks between headings). `resolve` turns `timeline.md` into
    the page's address."""
    env = {"resolve": resolve} if resolve else {}
    tokens = _block_markdown.parse(text)
    parts: list[tuple[int, str]] = []
    pending: list = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            if pending:
                parts.append((0, _block_markdown.renderer.render(pending, _block_markdown.options, env)))
                pending = []
            parts.append((int(token.tag[1]), render_inline(tokens[index + 1].content)))
            index += 3
            continue
        pending.append(token)
        index += 1
    if pending:
        parts.append((0, _block_markdown.renderer.render(pending, _block_markdown.options, env)))
    return parts
