"""The GitHub Actions workflows: valid against GitHub's workflow schema, clean in
zizmor's security audit, and shaped as the project promises (least privilege,
actions and container images pinned, dependencies from the lock file, no secrets,
the published site built in the image that was tested).

Both tools run offline: check-jsonschema with its vendored copy of the schema,
zizmor with `--offline` (and `--pedantic`, its strictest persona); a proxy that goes nowhere makes any attempt to reach
the network fail instead of passing quietly.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*-?\s*uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(\.\d+)*\s*$")
DIGEST = re.compile(r"^[^\s@]+@sha256:[0-9a-f]{64}$")


def _offline_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}}
    nowhere = "http://127.0.0.1:9"  # the discard port: nothing answers
    env.update(HTTP_PROXY=nowhere, HTTPS_PROXY=nowhere, http_proxy=nowhere, https_proxy=nowhere, NO_PROXY="", no_proxy="", ZIZMOR_OFFLINE="true", NO_COLOR="1")
    return env


def _zizmor(*paths: Path) -> tuple[int, list[dict], str]:
    result = subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--pedantic",
            "--no-ignores",
            "--no-config",
            "--no-progress",
            "--strict-collection",
            "--format",
            "json",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        env=_offline_env(),
        timeout=120,
    )
    findings = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, findings, result.stderr


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; the workflow's triggers are under either.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, job, step


def test_there_is_a_workflow():
    assert WORKFLOWS, "no workflow in .github/workflows"


def test_workflows_match_githubs_schema():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        env=_offline_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    status, findings, log = _zizmor(*WORKFLOWS)
    summary = "\n".join(
        f"{finding['ident']}: {finding['desc']} ({location['symbolic']['annotation']})" for finding in findings for location in finding["locations"][:1]
    )
    assert not findings, summary
    assert status == 0, log


def test_zizmor_audit_is_live(tmp_path):
    """A workflow with known faults must be reported, or a clean audit proves nothing."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: bad\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    container:\n      image: python:3.11-bookworm\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.head_commit.message }}"\n',
        encoding="utf-8",
    )
    status, findings, _ = _zizmor(bad)
    assert status != 0
    # unpinned-images flags a tag without a digest only in the pedantic persona.
    assert {"artipacked", "template-injection", "unpinned-images"} <= {finding["ident"] for finding in findings}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^\s*-?\s*uses:", line) and not line.strip().startswith("#"):
            assert PINNED.match(line), f"{path.name}:{number}: pin the action to a full commit SHA, version in a comment: {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_least_privilege_and_no_secrets(path):
    text = path.read_text(encoding="utf-8")
    workflow = _load(path)
    assert "secrets." not in text, "the workflows need no secrets"
    assert workflow.get("permissions") in ({}, {"contents": "read"}), "the default token must grant nothing beyond reading"
    for job_id, job in workflow["jobs"].items():
        permissions = job.get("permissions")
        assert permissions is not None, f"job {job_id} must state its permissions"
        assert permissions.get("contents") == "read", f"job {job_id}: contents: read"
        deploys = any("actions/deploy-pages@" in step.get("uses", "") for step in job.get("steps", []))
        writes = {scope for scope, level in permissions.items() if level == "write"}
        assert writes == ({"pages", "id-token"} if deploys else set()), f"job {job_id} writes {sorted(writes)}"
    for job_id, _, step in _steps(workflow):
        if "actions/checkout@" in step.get("uses", ""):
            assert step.get("with", {}).get("persist-credentials") is False, f"job {job_id}: checkout must not keep the token"


def _site_workflow() -> dict:
    for path in WORKFLOWS:
        workflow = _load(path)
        if any("actions/deploy-pages@" in step.get("uses", "") for _, _, step in _steps(workflow)):
            return workflow
    pytest.fail("no workflow deploys to GitHub Pages")


def test_pages_workflow_tests_pull_requests_and_deploys_main_only():
    workflow = _site_workflow()
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert triggers["push"]["branches"] == ["main"]
    runs = {job_id: "\n".join(step.get("run", "") for step in job.get("steps", [])) for job_id, job in workflow["jobs"].items()}
    tester = next(job_id for job_id, script in runs.items() if "make test" in script)
    assert "make site" in runs[tester], "pull requests get the strict build too"
    assert "apt-get install -y" in runs[tester] and "chromium" in runs[tester], "the browser tests need Chromium"
    assert "if" not in workflow["jobs"][tester], "the tests run on every event"
    uploads = [job_id for job_id, job, step in _steps(workflow) if "actions/upload-pages-artifact@" in step.get("uses", "")]
    deploys = [job_id for job_id, job, step in _steps(workflow) if "actions/deploy-pages@" in step.get("uses", "")]
    assert uploads and deploys
    for job_id in {*uploads, *deploys}:
        job = workflow["jobs"][job_id]
        condition = job.get("if") or workflow["jobs"][next(iter(_needs(job)))].get("if", "")
        assert "refs/heads/main" in condition and "push" in condition, f"job {job_id} must run on a push to main only"
    deploy = workflow["jobs"][deploys[0]]
    assert deploy["concurrency"]["group"] and deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["environment"]["name"] == "github-pages"


def test_a_pull_request_shows_the_check_s_report_and_carries_the_built_site():
    workflow = _site_workflow()
    tester = next(job_id for job_id, job in workflow["jobs"].items() if any("make test" in step.get("run", "") for step in job.get("steps", [])))
    steps = workflow["jobs"][tester]["steps"]
    report = next(step for step in steps if "make check" in step.get("run", ""))
    assert 'SUMMARY="$GITHUB_STEP_SUMMARY"' in report["run"] and report["if"] == "always()", "the report is written even when a test fails"
    upload = next(step for step in steps if "actions/upload-artifact@" in step.get("uses", ""))
    assert upload["with"]["path"] == "site" and "pull_request" in upload["if"]
    assert steps.index(upload) > next(index for index, step in enumerate(steps) if "make site" in step.get("run", ""))


def _image(job: dict) -> str | None:
    # `container:` is either the image itself or a mapping with `image:`.
    container = job.get("container")
    return container.get("image") if isinstance(container, dict) else container


def _unpinned_images(workflow: dict) -> list[str]:
    images = [(job_id, _image(job)) for job_id, job in workflow["jobs"].items() if "container" in job]
    images += [
        (f"{job_id} (service {name})", _image({"container": service}))
        for job_id, job in workflow["jobs"].items()
        for name, service in (job.get("services") or {}).items()
    ]
    return [f"{where}: {image}" for where, image in images if not DIGEST.match(str(image or ""))]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_container_image_is_pinned_by_digest(path):
    """A tag can be re-pushed; only a digest says which image runs."""
    workflow = _load(path)
    assert not _unpinned_images(workflow), "pin by digest (image: name:tag@sha256:...)"
    for job in workflow["jobs"].values():
        if "container" in job:  # the check must catch a digest dropped from a pinned image
            job["container"] = {"image": _image(job).split("@")[0]}
            assert _unpinned_images(workflow)
            break


def _published_where_tested(workflow: dict) -> list[str]:
    jobs = workflow["jobs"]
    runs = {job_id: "\n".join(step.get("run", "") for step in job.get("steps", [])) for job_id, job in jobs.items()}
    testers = [job_id for job_id, script in runs.items() if "make test" in script]
    uploaders = [job_id for job_id, job, step in _steps(workflow) if "actions/upload-pages-artifact@" in step.get("uses", "")]
    if not testers or not uploaders:
        return ["no job runs `make test`, or none uploads the Pages artifact"]
    tested = {_image(jobs[job_id]) for job_id in testers}
    problems = [f"the tests run in {sorted(map(str, tested))}, more than one image"] if len(tested) > 1 else []
    for job_id in uploaders:
        job = jobs[job_id]
        if _image(job) is None or _image(job) not in tested:
            problems.append(f"job {job_id} builds the site in {_image(job)}, the tests run in {sorted(map(str, tested))}")
        if "make site" not in runs[job_id]:
            problems.append(f"job {job_id}: build with `make site`, from the lock file, as the tested build does")
        if any("actions/setup-python@" in step.get("uses", "") for step in job.get("steps", [])):
            problems.append(f"job {job_id}: setup-python would put another Python before the image's")
    return problems


def test_the_published_site_is_built_in_the_tested_image():
    workflow = _site_workflow()
    assert not _published_where_tested(workflow)
    # The check must fail when the publishing job leaves the tested image, or drops `make site`.
    uploader = next(job_id for job_id, job, step in _steps(workflow) if "actions/upload-pages-artifact@" in step.get("uses", ""))
    for change in (
        lambda job: job.pop("container"),
        lambda job: job.update(container={"image": "python:3.11-bookworm@sha256:" + "0" * 64}),
        lambda job: job["steps"].insert(0, {"uses": "actions/setup-python@" + "0" * 40}),
        lambda job: [step.update(run=step["run"].replace("make site", "mkdocs build")) for step in job["steps"] if "run" in step],
    ):
        modified = copy.deepcopy(workflow)
        change(modified["jobs"][uploader])
        assert _published_where_tested(modified), "a modified copy must be caught"


def _needs(job: dict) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else needs


def test_dependencies_come_from_the_lock_file_and_are_cached_on_it():
    workflow = _site_workflow()
    cached = []
    for job_id, job, step in _steps(workflow):
        options = step.get("with", {})
        uses = step.get("uses", "")
        if "actions/cache@" in uses or ("actions/setup-python@" in uses and "cache" in options):
            key = options.get("key", "") + options.get("cache-dependency-path", "")
            assert "requirements.lock" in key, f"job {job_id}: the cache is keyed on requirements.lock"
            assert "pages" not in job["permissions"], f"job {job_id}: no dependency cache on the publishing path"
            cached.append(job_id)
        assert "pip install" not in step.get("run", ""), f"job {job_id}: install through make, from requirements.lock"
    assert cached, "pip's downloads are cached"
