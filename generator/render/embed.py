"""Embed pages: a section's figure alone (the chart, the timeline), for other sites to
show in an `<iframe>`, as Datawrapper and TimelineJS offer. Each is rendered with its
kind's embed template into `embed.<slug>.md` and laid out by the theme override
`overrides/embed.html` (no site navigation, header, footer or search), kept out of the
nav (`not_in_nav`) and out of the search index and search engines. The section's own
page offers the `<iframe>` code to copy, pointing at the embed page's published address.
"""

from __future__ import annotations

import html

from markupsafe import Markup

from generator.content.briefing import EMBED_PREFIX

TEMPLATE = "embed.html"  # in overrides/: the page without the site around it
NOT_IN_NAV = f"/{EMBED_PREFIX}*.md"  # gitignore-style, as MkDocs and Zensical read `not_in_nav`


# In the other site's page, beside the frame: the embed page says how tall its figure is
# (overrides/assets/embed.js), and the frame it stands in, and only that one, takes that
# height, as Datawrapper's responsive embeds do. `height` stays for a page without scripts.
RESIZER = (
    '<script>addEventListener("message",function(e){var h=e.data&&e.data["briefing-embed-height"];'
    'if(typeof h=="number"&&h>0&&h<100000)document.querySelectorAll("iframe[data-briefing-embed]").forEach('
    'function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(h)+"px"})})</script>'
)


def iframe(src: str, title: str, height: int) -> str:
    """The code another site pastes into its page: the embed page, as wide as the column
    it stands in and as tall as its figure. `title` names the frame for screen readers (plain text)."""
    frame = f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="{height}" style="border: 0;" loading="lazy" data-briefing-embed></iframe>'
    return frame + "\n" + RESIZER


def code_block(code: str) -> Markup:
    """Code as the text of a `<pre><code>` block: shown as typed, never run."""
    return Markup(html.escape(code))


def embed_meta(title: str, description: str) -> dict:
    """The embed page's front matter: its own layout, and no place in the search index."""
    return {"title": title, "description": description, "template": TEMPLATE, "search": {"exclude": True}}
