"""No Python module outside migrations, tests and bench/ is longer than a screenful can be read in one sitting."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "node_modules", "tests", "migrations", "bench", "var", "static"}
LIMIT = 500


def test_no_module_is_longer_than_the_limit():
    too_long = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIPPED.intersection(relative.parts):
            continue
        lines = len(path.read_text().splitlines())
        if lines > LIMIT:
            too_long[relative.as_posix()] = lines
    assert too_long == {}
