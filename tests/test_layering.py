"""Imports go one way between the apps: common < stakeholders < meetings < activities < coordination < api.

Every module of each app (migrations included, and imports inside functions too) is parsed, not imported: an app may
import the apps below it, never one above it nor coordination, the project on top that nothing imports. The benchmark
(bench/) sits outside the layers: it imports the portal, and nothing but the tests imports it.
"""

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["common", "stakeholders", "meetings", "activities", "coordination", "api"]
# Directories that are not the project's code (dependencies, built and generated files).
NOT_PROJECT_CODE = {".git", ".venv", "node_modules", "var", "staticfiles"}


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, dotted module) for every import statement of the file, relative imports resolved."""
    package = list(path.relative_to(root).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.append((node.lineno, module))
    return found


def upward_imports(app: str, root: Path = ROOT) -> list[str]:
    above = set(LAYERS[LAYERS.index(app) + 1 :])
    problems = []
    for path in sorted((root / app).rglob("*.py")):
        for line, module in imported_modules(path, root):
            if module.split(".")[0] in above:
                problems.append(f"{path.relative_to(root)}:{line} imports {module}")
    return problems


@pytest.mark.parametrize("app", LAYERS[:-1])
def test_an_app_imports_only_the_apps_below_it(app):
    assert upward_imports(app) == []


def test_the_check_finds_upward_imports_inside_functions_and_relative_ones(tmp_path):
    (tmp_path / "meetings" / "views").mkdir(parents=True)
    (tmp_path / "meetings" / "views" / "probe.py").write_text(
        "import stakeholders.models\n"
        "from .. import models\n"
        "def f():\n"
        "    from activities.models import Activity\n"
        "    import coordination.settings\n"
    )
    assert upward_imports("meetings", root=tmp_path) == [
        "meetings/views/probe.py:4 imports activities.models",
        "meetings/views/probe.py:5 imports coordination.settings",
    ]


def imports_of_the_benchmark(root: Path = ROOT) -> list[str]:
    """Every import of bench from a module outside bench/ and tests/ (manage.py and scripts/ included)."""
    problems = []
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory)
        if here == root:
            subdirectories[:] = [name for name in subdirectories if name not in NOT_PROJECT_CODE | {"bench", "tests"}]
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = here / name
            for line, module in imported_modules(path, root):
                if module.split(".")[0] == "bench":
                    problems.append(f"{path.relative_to(root)}:{line} imports {module}")
    return sorted(problems)


def test_nothing_outside_the_benchmark_and_the_tests_imports_bench():
    assert imports_of_the_benchmark() == []


def test_the_check_finds_imports_of_bench_anywhere_but_in_bench_and_the_tests(tmp_path):
    (tmp_path / "coordination" / "management" / "commands").mkdir(parents=True)
    (tmp_path / "coordination" / "management" / "commands" / "probe.py").write_text(
        "def handle():\n    from bench import datagen\n"
    )
    (tmp_path / "manage.py").write_text("import bench.run\n")
    for allowed in ("bench", "tests"):
        (tmp_path / allowed).mkdir()
        (tmp_path / allowed / "probe.py").write_text("from bench.datagen import generate\n")
    assert imports_of_the_benchmark(root=tmp_path) == [
        "coordination/management/commands/probe.py:2 imports bench",
        "manage.py:1 imports bench.run",
    ]
