"""Regenerates the README's screenshots (docs/screenshots/*.png) from the browser tests.

Runs tests/browser/test_look.py::test_screenshots with SCREENSHOTS=1: the demo data in the test database, the
secretariat's view of a few main pages at 1280 and 390 px. Needs the built stylesheet (`make assets`) and
Chromium (`make browser`). Usage: `.venv/bin/python scripts/screenshots.py` (or `make screenshots`).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    test = "tests/browser/test_look.py::test_screenshots"
    command = [sys.executable, "-m", "pytest", test, "-q", "-p", "no:randomly"]
    environment = {**os.environ, "SCREENSHOTS": "1"}
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode  # noqa: S603  # nosec B603


if __name__ == "__main__":
    sys.exit(main())
