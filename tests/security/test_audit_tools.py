"""`make pip-audit` fails on a finding and skips only when the advisory service cannot be reached."""

import importlib.util
import json
import subprocess

import pytest

from coordination.settings import BASE_DIR

spec = importlib.util.spec_from_file_location("audit_dependencies", BASE_DIR / "scripts" / "audit_dependencies.py")
audit_dependencies = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit_dependencies)


def fake_pip_audit(monkeypatch, stdout, stderr="", returncode=0):
    def run(command, **kwargs):
        assert command[0].endswith("pip-audit")
        return subprocess.CompletedProcess(command, returncode, stdout=stdout, stderr=stderr)

    monkeypatch.setattr(audit_dependencies.subprocess, "run", run)


def report(*dependencies):
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


def test_a_known_vulnerability_fails(monkeypatch, capsys):
    fake_pip_audit(
        monkeypatch,
        report(
            {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-0", "fix_versions": ["5.2.1"]}]},
            {"name": "pytest", "version": "9.2.0", "vulns": []},
        ),
        returncode=1,
    )
    assert audit_dependencies.main() == 1
    assert "django 5.2.0: PYSEC-0 (fixed in: 5.2.1)" in capsys.readouterr().out


def test_a_clean_report_passes(monkeypatch, capsys):
    fake_pip_audit(monkeypatch, report({"name": "django", "version": "5.2.19", "vulns": []}))
    assert audit_dependencies.main() == 0
    assert "no known vulnerabilities in 1 packages" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("stdout", "stderr", "returncode"),
    [
        (report({"name": "django", "skip_reason": "Dependency not found on PyPI"}), "", 0),
        ("", "requests.exceptions.ConnectionError: Max retries exceeded", 1),
    ],
    ids=["index-without-advisories", "no-network"],
)
def test_offline_skips_with_a_message(monkeypatch, capsys, stdout, stderr, returncode):
    fake_pip_audit(monkeypatch, stdout, stderr, returncode)
    assert audit_dependencies.main() == 0
    assert "SKIPPED" in capsys.readouterr().out


def test_any_other_failure_fails(monkeypatch):
    fake_pip_audit(monkeypatch, "", "Traceback: something else broke", 2)
    assert audit_dependencies.main() == 1
