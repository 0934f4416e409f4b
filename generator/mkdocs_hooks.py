"""MkDocs hooks the build adds to the generated configuration (MkDocs only).

The site's name is the briefing's title, HTML-escaped by the generator because the
theme prints it as it is in most places; where the theme escapes it itself (the
logo's tooltip, `config.site_name | e`), it would be escaped twice. Marked as
safe markup, it is printed once escaped everywhere."""

from __future__ import annotations

from markupsafe import Markup


def on_config(config):
    config["site_name"] = Markup(config["site_name"])
    return config
