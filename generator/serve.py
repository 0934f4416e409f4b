"""Live preview: regenerate the pages whenever content or templates change,
while `mkdocs serve` rebuilds and reloads the open page.

A content error is printed and the pages are left as they were, so the last
good version stays on screen until the error is fixed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .errors import ContentError
from .pipeline import generate, site_environment
from .settings import Settings

TEMPLATES_DIR = Path(__file__).parent / "templates"
POLL_SECONDS = 0.5


def _fingerprint(folders: list[Path]) -> tuple:
    """Names, sizes and modification times of every file: changes when anything is edited."""
    return tuple(
        (str(path), stat.st_mtime_ns, stat.st_size)
        for folder in folders if folder.exists()
        for path in sorted(folder.rglob("*")) if path.is_file()
        for stat in [path.stat()]
    )


def _regenerate(settings: Settings) -> dict[str, str] | None:
    try:
        content, changed = generate(settings)
    except ContentError as error:
        print(f"{error}\n{len(error.problems)} problem(s); still showing the last good version.", file=sys.stderr, flush=True)
        return None
    print(f"regenerated: {', '.join(changed) or 'no page changed'}", file=sys.stderr, flush=True)
    return site_environment(content)


def serve(settings: Settings, address: str = "127.0.0.1:8000") -> int:
    # Stopped by a signal, still stop the MkDocs server it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    watched = [settings.content_dir, TEMPLATES_DIR]
    environment = _regenerate(settings) or {}
    # --watch-theme: an edit under overrides/ reloads the page too.
    command = [sys.executable, "-m", "mkdocs", "serve", "--watch-theme",
               "--config-file", str(settings.config_file), "--dev-addr", address]
    server = subprocess.Popen(command, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment})
    seen = _fingerprint(watched)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = _fingerprint(watched)
            if current != seen:
                seen = current
                _regenerate(settings)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0
