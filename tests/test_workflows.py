"""The GitHub Actions workflows: valid against GitHub's workflow schema, clean in
zizmor's security audit, and shaped as the project promises (least privilege,
actions pinned to commit SHAs, dependencies from the lock file, no secrets).

Both tools run offline: check-jsonschema with its vendored copy of the schema,
zizmor with `--offline`; a proxy that goes nowhere makes any attempt to reach
the network fail instead of passing quietly.
"""

from __future__ import annotations

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


def _offline_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}}
    nowhere = "http://127.0.0.1:9"  # the discard port: nothing answers
    env.update(HTTP_PROXY=nowhere, HTTPS_PROXY=nowhere, http_proxy=nowhere, https_proxy=nowhere,
               NO_PROXY="", no_proxy="", ZIZMOR_OFFLINE="true", NO_COLOR="1")
    return env


def _zizmor(*paths: Path) -> tuple[int, list[dict], str]:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-ignores", "--no-config", "--no-progress", "--strict-collection",
         "--format", "json", *map(str, paths)],
        capture_output=True, text=True, env=_offline_env(), timeout=120,
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
        capture_output=True, text=True, env=_offline_env(), timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    status, findings, log = _zizmor(*WORKFLOWS)
    summary = "\n".join(
        f"{finding['ident']}: {finding['desc']} ({location['symbolic']['annotation']})"
        for finding in findings for location in finding["locations"][:1]
    )
    assert not findings, summary
    assert status == 0, log


def test_zizmor_audit_is_live(tmp_path):
    """A workflow with known faults must be reported, or a clean audit proves nothing."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: bad\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.head_commit.message }}\"\n",
        encoding="utf-8",
    )
    status, findings, _ = _zizmor(bad)
    assert status != 0
    assert {"artipacked", "template-injection"} <= {finding["ident"] for finding in findings}


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
