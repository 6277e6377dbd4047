"""pip-audit over the project's installed dependencies: fail on a known vulnerability, skip when offline.

Audits the virtualenv that `make install` builds from requirements.txt and requirements-dev.txt (so their
dependencies too, at the exact installed versions). When the advisory service cannot be reached (no network, or
a package index mirror that does not serve PyPI's JSON API, where every package answers "not found"), it says so
and exits 0; a real finding always exits 1.
"""

import json
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
OFFLINE_SIGNS = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "timed out", "Temporary failure")


def main() -> int:
    command = [str(VENV_BIN / "pip-audit"), "--format", "json", "--progress-spinner", "off", "--skip-editable"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        if any(sign in result.stderr for sign in OFFLINE_SIGNS):
            print("pip-audit: SKIPPED, the vulnerability advisory service cannot be reached (offline).")
            return 0
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        print("pip-audit: FAILED to run.", file=sys.stderr)
        return 1

    dependencies = report.get("dependencies", [])
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    audited = [dependency for dependency in dependencies if "skip_reason" not in dependency]
    skipped = [dependency for dependency in dependencies if "skip_reason" in dependency]
    if vulnerable:
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
                print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in: {fixes})")
        print(f"pip-audit: FAILED, {len(vulnerable)} package(s) with known vulnerabilities.", file=sys.stderr)
        return 1
    if not audited:
        print(
            f"pip-audit: SKIPPED, the advisory service could not be reached: none of {len(skipped)} packages "
            "could be looked up (offline, or a package mirror without PyPI's JSON API)."
        )
        return 0
    print(f"pip-audit: no known vulnerabilities in {len(audited)} packages.")
    if skipped:
        print("  not audited: " + ", ".join(sorted(dependency["name"] for dependency in skipped)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
