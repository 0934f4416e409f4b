"""MkDocs hooks the build adds to the generated configuration (MkDocs only).

The site's name is the briefing's title, HTML-escaped by the generator because the
theme prints it as it is in most places; where the theme escapes it itself (the
logo's tooltip, `config.site_name | e`), it would be escaped twice. Marked as
safe markup, it is printed once escaped everywhere.

The theme's templates are compiled once and kept between builds, as the generator's
own are (`render/pages.py`): compiling them is about a fifth of MkDocs' build of a briefing,
and most of a live preview's rebuild (each loads the theme afresh; the preview runs
these hooks too)."""

from __future__ import annotations

import jinja2
from markupsafe import Markup


def on_config(config):
    config["site_name"] = Markup(config["site_name"])
    return config


def on_env(env, config, files):
    # In the user's temporary folder, keyed by each template's checksum: an edited
    # template, another Python, or another Jinja or MkDocs (which may compile the same
    # text differently) is compiled afresh.
    import mkdocs

    env.bytecode_cache = jinja2.FileSystemBytecodeCache(pattern=f"__mkdocs-{mkdocs.__version__}-jinja2-{jinja2.__version__}-%s.cache")
    return env
