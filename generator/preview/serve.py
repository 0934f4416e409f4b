"""Live preview: regenerate the pages whenever content or templates change,
while `mkdocs serve` rebuilds and reloads the open page.

An edit reaches the open page within a fraction of a second: the content's few files
are looked at often, only the pages whose text changed are rewritten, and MkDocs
rebuilds only those (`--dirty`). A change the configuration holds (the title, the
pages' names) marks every page as changed, since each shows it.

A content error is printed and the pages are left as they were, so the last
good version stays on screen until the error is fixed, under an overlay that lists
the problems: the preview writes them to a file beside the docs folder, which the
server watches and serves, and its own hooks (`hooks.py`) add the overlay's
script to every page. A production build has neither. The MkDocs server reads
a configuration written here (the title, escaped, follows the content) and
never outlives the preview: it is stopped with it, even when the preview is
killed.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import errno
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from generator.core.editor import say, say_count, speaking
from generator.core.errors import ContentError
from generator.core.settings import Settings, SettingsError
from generator.pipeline import docs_dir_value, generate, site_values
from generator.preview.hooks import problems_file
from generator.preview.report import overlay_words, write_report
from generator.render.pages import KIND_TEMPLATES
from generator.render.sandbox import PACKAGE_TEMPLATES
from generator.site.build import for_engine, write_config

PREVIEW_HOOKS = Path(__file__).with_name("hooks.py")
POLL_SECONDS = 0.05  # the content is a few small files: looking at them costs well under a millisecond
PLACEHOLDER = {"site_name": "Briefing preview", "site_description": ""}
"""The preview's name until the content first checks out."""
PLACEHOLDER_LANGUAGE = "en"  # the overlay's words until the content first checks out, as the messages are


class PreviewError(SettingsError):
    """The preview cannot start; the message says why and what to do."""


def _fingerprint(folders: list[Path]) -> tuple:
    """Names, sizes and modification times of every file: changes when anything is edited.
    A file that goes while it is looked at (an editor's temporary file) is simply left out."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def _regenerate(settings: Settings) -> dict | None:
    """The site's settings from the content, or None while it has problems; either way the
    overlay's problems file says which (none once the content is valid)."""
    problems = problems_file(settings.docs_dir)
    try:
        content, changed = generate(settings)
    except ContentError as error:
        with speaking(error.language):
            print(f"{error}\n{say_count('preview_still_showing', len(error.problems))}", file=sys.stderr, flush=True)
        write_report(problems, error.problems, settings.content_dir)
        return None
    had_report = problems.is_file()  # written by this session, which removes an earlier one's at its start
    if write_report(problems, [], settings.content_dir) and had_report:  # it listed problems until now
        with speaking(content.editor_language):
            print(say("preview_problems_fixed"), file=sys.stderr, flush=True)
    print(f"regenerated: {', '.join(changed) or 'no page changed'}", file=sys.stderr, flush=True)
    values = site_values(content, dataclasses.replace(settings, site_url=None))  # the preview has no published address
    values["extra"]["preview"] = {"words": overlay_words(content.briefing.language)}
    return values


def _placeholder(settings: Settings) -> dict:
    """The preview's settings until the content first checks out: pages from an earlier
    run, if any, under the overlay."""
    Path(settings.docs_dir).mkdir(parents=True, exist_ok=True)  # MkDocs refuses a docs folder that is not there
    return {**PLACEHOLDER, "docs_dir": docs_dir_value(settings), "extra": {"preview": {"words": overlay_words(PLACEHOLDER_LANGUAGE)}}}


def _preview_config(values: dict, settings: Settings) -> dict:
    """The preview's configuration: the site's, with the overlay's hooks, and the folder of
    the problems file watched like the docs folder."""
    config = for_engine(values)
    # What the pages are made from, as the server will have read it: its hooks compare this,
    # not the file, which may be written again between the server's reading it and theirs.
    version = hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()
    extra = {**config.get("extra", {}), "preview": {**config.get("extra", {}).get("preview", {}), "version": version}}
    return {
        **config,
        "extra": extra,
        "hooks": [*config.get("hooks", []), str(PREVIEW_HOOKS)],
        "watch": [str(problems_file(settings.docs_dir).parent)],
        "strict": False,
    }  # MkDocs warns of every `--dirty` build; the production build stays strict


def _mark_every_page_changed(docs_dir: Path) -> None:
    """A `--dirty` rebuild renders only the pages newer than their HTML: after a change every
    page shows (the title, the navigation), make every page newer."""
    for path in Path(docs_dir).rglob("*.md"):
        with contextlib.suppress(OSError):
            os.utime(path)


def _check_free(address: str) -> None:
    """Stop with a clear message, before MkDocs starts, if nothing can listen at `address`."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise PreviewError(f"'{address}' is not an address to serve on; write host:port, like 127.0.0.1:8000")
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            # As the server itself will: a port whose last connections are still closing is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), int(port)))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PreviewError(
                f"port {port} on {host} is already in use (another preview?); stop that, or choose another port: make serve PORT={int(port) + 1}"
            ) from None
        raise PreviewError(f"cannot serve on {address}: {error.strerror}") from None


def _stop_with_parent() -> None:
    """In the server's process: be sent SIGTERM when the preview dies, however it dies (Linux)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def serve(settings: Settings, address: str = "127.0.0.1:8000") -> int:
    _check_free(address)
    # Stopped by a signal, still stop the MkDocs server it started.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, lambda *_: sys.exit(0))
    watched = [settings.content_dir, PACKAGE_TEMPLATES, *KIND_TEMPLATES]  # the kinds' own templates: a generator's contributor edits them too
    problems_file(settings.docs_dir).unlink(missing_ok=True)  # an earlier session's: this one says what it finds
    values = _regenerate(settings) or _placeholder(settings)
    config_file = Path(settings.config_file).absolute()
    # One configuration per preview (its port): two previews of one checkout never read each other's.
    port = address.rpartition(":")[2]
    config = config_file.with_name(f".{config_file.stem}-generated-preview-{port}.yml")
    write_config(config, config_file, _preview_config(values, settings))
    try:
        # --dirty: only the pages whose Markdown changed are rebuilt. The preview's hooks
        # watch the theme's overrides: an edit under overrides/ reloads the page too.
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--config-file", str(config), "--dev-addr", address]
        server = subprocess.Popen(
            command, preexec_fn=_stop_with_parent if sys.platform.startswith("linux") else None, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        )
        seen = _fingerprint(watched)
        try:
            while server.poll() is None:
                time.sleep(POLL_SECONDS)
                current = _fingerprint(watched)
                if current != seen:
                    seen = current
                    new_values = _regenerate(settings)
                    if new_values and new_values != values:  # a new title: MkDocs reloads its configuration
                        values = new_values
                        write_config(config, config_file, _preview_config(values, settings))
                        _mark_every_page_changed(settings.docs_dir)
        except KeyboardInterrupt:
            pass
        finally:
            if server.poll() is None:
                server.terminate()
            status = server.wait()
    finally:
        config.unlink(missing_ok=True)
    if status not in (0, -signal.SIGTERM, -signal.SIGINT):
        print(f"the preview server stopped (exit status {status}); see its messages above", file=sys.stderr)
        return 1
    return 0
