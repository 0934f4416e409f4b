"""Write rendered pages into the build folder MkDocs reads as its `docs_dir`.

A page whose text did not change is left alone (so a live preview reloads
only what changed), and a page the briefing no longer has is removed, so no
stale page survives.
"""

from __future__ import annotations

from pathlib import Path


def write_pages(pages: dict[str, str | bytes], docs_dir: Path) -> list[str]:
    """Bring `docs_dir` to exactly `pages`. Returns the names of the files it changed."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for filename, text in sorted(pages.items()):
        target = docs_dir / filename
        # as bytes: a CSV's CRLF line ends are kept, and compared, as they are; a picture is bytes already
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)  # atomic: a live server never reads half a page
        changed.append(filename)
    for stale in sorted(path for path in docs_dir.rglob("*") if path.is_file()):
        if stale.relative_to(docs_dir).as_posix() not in pages:
            stale.unlink()
            changed.append(stale.relative_to(docs_dir).as_posix())
    return changed
