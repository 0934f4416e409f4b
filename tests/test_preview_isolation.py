"""`make serve` as editors meet it when things go wrong: a template that raises keeps the
preview up with the problem in its overlay; two previews of one checkout (another
`PORT=`, another `CONTENT=`) never show each other's pages; and a burst of saves ends
with the page showing the last one. Each waits on what it expects, for minutes at most."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from test_preview import fetch, free_port, wait_for

from conftest import ROOT, TINY_CONTENT, edit
from generator.render.pages import template_file


@contextlib.contextmanager
def serving(content: Path, project: Path):
    """`briefing serve` run as `make serve` runs it, from the project folder `project` with
    its default folders; yields the address and the process."""
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--content", str(content), "--config", str(project / "mkdocs.yml"), "--address", f"127.0.0.1:{port}"]
    log = (project / f"serve-{port}.log").open("w")
    server = subprocess.Popen(command, cwd=project, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)})
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        server.wait(timeout=120)
        log.close()


def project_folder(tmp_path: Path) -> Path:
    """A checkout's configuration, in a folder of its own."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ntheme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n", encoding="utf-8")
    return project


def copy_of_tiny(folder: Path) -> Path:
    shutil.copytree(TINY_CONTENT, folder)
    return folder


def problems(address: str) -> list[dict]:
    return json.loads(fetch(f"{address}/assets/preview/problems.json"))["problems"]


def test_a_template_that_raises_keeps_the_preview_up_and_shows_the_problem(tmp_path):
    project = project_folder(tmp_path)
    content = copy_of_tiny(tmp_path / "content")
    with serving(content, project) as (address, server):
        wait_for(lambda: "Cast the deciding vote." in fetch(f"{address}/players/"))
        (content / "templates").mkdir()
        (content / "templates" / "people.md.j2").write_text("# {{ page.title }}\n\n{{ 1 / 0 }}\n", encoding="utf-8")
        shown = wait_for(lambda: problems(address))
        assert [(problem["file"].rsplit("/", 1)[-1], problem["line"]) for problem in shown] == [("people.md.j2", 3)], shown
        assert "division by zero" in shown[0]["message"]
        assert server.poll() is None, "the preview stopped"
        assert "Cast the deciding vote." in fetch(f"{address}/players/"), "the last good page stays"
        layout = template_file("people.md.j2").read_text(encoding="utf-8")
        (content / "templates" / "people.md.j2").write_text("Our own layout.\n\n" + layout, encoding="utf-8")
        wait_for(lambda: "Our own layout." in fetch(f"{address}/players/"))
        assert problems(address) == []
    log = next(project.glob("serve-*.log")).read_text(encoding="utf-8")
    assert "Traceback" not in log


def test_two_previews_of_one_checkout_show_only_their_own_briefing(tmp_path):
    project = project_folder(tmp_path)
    first = copy_of_tiny(tmp_path / "first")
    second = copy_of_tiny(tmp_path / "second")
    edit(second / "players.yml", "Cast the deciding vote.", "The second briefing's vote.")
    with serving(first, project) as (one, _):
        with serving(second, project) as (other, _):
            wait_for(lambda: "Cast the deciding vote." in fetch(f"{one}/players/"))
            wait_for(lambda: "The second briefing's vote." in fetch(f"{other}/players/"))
            assert "The second briefing's vote." not in fetch(f"{one}/players/")
        # The second preview has stopped: the first still follows its edits.
        edit(first / "players.yml", "Cast the deciding vote.", "Cast the casting vote.")
        wait_for(lambda: "Cast the casting vote." in fetch(f"{one}/players/"))
        assert "The second briefing's vote." not in fetch(f"{one}/players/")
    folders = sorted(path.name for path in (project / "build" / "preview").iterdir())
    assert len(folders) == 2, f"one folder per briefing and port: {folders}"


def test_after_a_burst_of_saves_the_page_shows_the_last_one(tmp_path):
    project = project_folder(tmp_path)
    content = copy_of_tiny(tmp_path / "content")
    with serving(content, project) as (address, _):
        wait_for(lambda: "Cast the deciding vote." in fetch(f"{address}/players/"))
        text = "Cast the deciding vote."
        for save in range(20):  # twenty saves within a second, as an editor's auto-save makes them
            edit(content / "players.yml", text, f"Save number {save}.")
            text = f"Save number {save}."
            time.sleep(0.04)
        wait_for(lambda: "Save number 19." in fetch(f"{address}/players/"))
        # And it stays there: no later rebuild brings back an older save.
        time.sleep(1)
        assert "Save number 19." in fetch(f"{address}/players/")
