"""Where a build reads and writes: every option, one typed line with its default."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


class SettingsError(Exception):
    """An option the build cannot use; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    content_dir: Path = Path("content")  # the briefing's YAML files
    docs_dir: Path = Path("build/docs")  # generated Markdown; mkdocs.yml's `docs_dir`
    config_file: Path = Path("mkdocs.yml")  # the MkDocs configuration
    site_dir: Path = Path("site")  # the built static site
    archive_dir: Path | None = None  # the articles' texts, to check quotes and figures against
    engine: str = "mkdocs"  # what builds the site from mkdocs.yml: "mkdocs" or "zensical"
    site_url: str | None = field(default_factory=lambda: os.environ.get("SITE_URL") or None)  # the published address
    require_verified: bool = False  # every quote and figure verified, by the articles or the record (CI, publishing)
    write_record: bool = False  # after a check against the articles, update the content's verification record (the CLI does)
    editor_language: str | None = field(default_factory=lambda: os.environ.get("EDITOR_LANGUAGE") or None)  # editors' messages; else the briefing's language


# What a published address may hold: a host name or address, a port, a path of plain
# characters and %-escapes. Anything else (quotes, angle brackets, spaces, a query) could
# break out of the HTML attributes the theme prints it into, unescaped.
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[[0-9A-Fa-f:.]+\]$")
_PATH = re.compile(r"^(?:[A-Za-z0-9._~!$&()*+,;=:@/-]|%[0-9A-Fa-f]{2})*$")


def published_address(url: str | None) -> str | None:
    """The site's address (`SITE_URL`) if it is an absolute http(s) address, with a
    closing slash; else a `SettingsError` that says what is wrong."""
    if url is None or url == "":
        return None
    problem = f"SITE_URL '{url.encode('unicode_escape').decode('ascii')[:200]}' is not a published address"
    if not url.isascii() or any(character.isspace() or not character.isprintable() for character in url):
        raise SettingsError(f"{problem}: it holds spaces, control or non-ASCII characters; write it %-encoded, like https://example.org/briefing/")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"{problem}: it must be an absolute http:// or https:// address, like https://example.org/briefing/")
    if parts.username or parts.password or parts.query or parts.fragment or "?" in url or "#" in url or "'" in url:
        raise SettingsError(f"{problem}: it may hold a host and a path only, with no user name, query (?), fragment (#) or quote")
    try:
        port = parts.port
    except ValueError:
        port = -1
    host = parts.hostname or ""
    if port == -1 or not _HOST.match(parts.netloc.rsplit(":", 1)[0] if port else parts.netloc) or not host:
        raise SettingsError(f"{problem}: '{parts.netloc}' is not a host name, like example.org or example.org:8080")
    if not _PATH.match(parts.path):
        raise SettingsError(f"{problem}: its path may hold letters, digits, - . _ ~ / and %-escapes only")
    return url if url.endswith("/") else url + "/"


LATEST_EPOCH = 2**32 - 1  # 2106-02-07: the last moment the sitemap's gzip header can carry


def source_date_epoch(value: str | None = None) -> int | None:
    """`SOURCE_DATE_EPOCH`, the moment a reproducible build dates its pages (the sitemap's
    dates), as whole seconds since 1970-01-01 UTC; else a `SettingsError` that says what
    to write. The engines read it themselves, and would end in a traceback."""
    value = os.environ.get("SOURCE_DATE_EPOCH") if value is None else value
    if value is None or value == "":
        return None
    shown = value.encode("unicode_escape").decode("ascii")[:40]
    if not (value.isascii() and value.isdigit() and len(value) <= 12) or int(value) > LATEST_EPOCH:
        raise SettingsError(
            f"SOURCE_DATE_EPOCH '{shown}' is not a moment a build can be dated by: write the whole seconds since "
            "1970-01-01 UTC before 2106, like 1717545600 (`git log -1 --format=%ct` gives the last commit's), or unset it"
        )
    return int(value)
