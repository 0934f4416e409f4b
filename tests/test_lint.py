"""The code as a contributor meets it: ruff's lint rules and its formatting hold for every
Python file (the rules and the line length are in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def ruff(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(RUFF), *arguments], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing_to_lint():
    result = ruff("check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_file_is_formatted_as_ruff_formats_it():
    result = ruff("format", "--no-cache", "--check", ".")
    assert result.returncode == 0, f"run `make format`:\n{result.stdout}{result.stderr}"


def test_dependencies_point_the_way_the_import_contracts_say():
    """The contracts are in pyproject.toml (`[tool.importlinter]`)."""
    result = subprocess.run([str(RUFF.with_name("lint-imports")), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_of_the_generator_imports_one_that_imports_it_back():
    """Counting every import: at the top, inside a function, and under TYPE_CHECKING."""
    cycles = []
    graph = imports_between_modules(ROOT / "generator")
    for start in graph:
        stack, seen = [(start, (start,))], set()
        while stack:
            module, path = stack.pop()
            for imported in graph.get(module, ()):
                if imported == start:
                    cycles.append(" -> ".join((*path, start)))
                elif imported not in seen:
                    seen.add(imported)
                    stack.append((imported, (*path, imported)))
    assert cycles == [], "\n".join(sorted(set(cycles)))


def imports_between_modules(package: Path) -> dict[str, set[str]]:
    import ast

    def name_of(path: Path) -> str:
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name_of(path): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1] if node.level else []
                target = ".".join([*base, *(node.module.split(".") if node.module else [])]) if node.level else (node.module or "")
                candidates = [target, *(f"{target}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            found |= {candidate for candidate in candidates if candidate in modules and candidate != module}
        graph[module] = found
    return graph


def test_every_package_of_the_generator_is_installed_with_it():
    """An installed `briefing` imports what the checkout has: a package left out of the
    list would work from the checkout and fail everywhere else."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "generator").rglob("__init__.py")}
    assert packages - listed == set()


def test_the_stages_name_no_kind():
    """Loading, checking, verifying, rendering and building ask the kinds (`KINDS`), so a
    kind a package adds is met as the generator's own are. Only the collection every fact
    cites is named, once (`SOURCES`); the kinds' registry names the built-in ones. A word
    that is also a key (a template's `page`, a field's name) is not a kind."""
    import ast

    from generator.content.models import SOURCES
    from generator.kinds.registry import KINDS

    named = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        if (ROOT / "generator" / "kinds") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        keys = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys if key is not None}
        keys |= {id(node.slice) for node in ast.walk(tree) if isinstance(node, ast.Subscript)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in set(KINDS) - {SOURCES} and id(node) not in keys:
                named.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert named == []
