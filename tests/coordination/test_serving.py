"""Production serving (issue 5): the gunicorn config and the settings that let several app servers share users.

The benchmark (`make bench`) shows the rest under load: one login, the same session cookie served by two
gunicorn processes in turn.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.template import engines

from tests.subprocess_database import url_of_the_test_database

BASE_DIR = Path(__file__).resolve().parent.parent.parent

PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "a-test-key-" + "x" * 50,
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/portal",
}


def _run(code: str, **env) -> dict:
    """Evaluate `code` (which prints JSON) in a fresh interpreter with only the given environment."""
    environment = {"PATH": os.environ["PATH"], **env}
    result = subprocess.run(  # noqa: S603 (fixed interpreter and code)
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


GUNICORN_CONFIG = """
import json, os, runpy
config = runpy.run_path("coordination/gunicorn.conf.py")
print(json.dumps({"workers": config["workers"], "bind": config["bind"], "cores": os.cpu_count(),
                  "debug": os.environ["DEBUG"], "wsgi_app": config["wsgi_app"]}))
"""


def test_gunicorn_runs_two_workers_per_core_plus_one_with_debug_off():
    config = _run(GUNICORN_CONFIG, SECRET_KEY="set", ALLOWED_HOSTS="localhost", PORT="8123")
    assert config["workers"] == 2 * config["cores"] + 1
    assert config["bind"] == "127.0.0.1:8123"
    assert config["debug"] == "False"
    assert config["wsgi_app"] == "coordination.wsgi:application"


def test_web_concurrency_sets_the_number_of_workers():
    config = _run(GUNICORN_CONFIG, SECRET_KEY="set", ALLOWED_HOSTS="localhost", WEB_CONCURRENCY="3")
    assert config["workers"] == 3


SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({"session": settings.SESSION_ENGINE, "cache": settings.CACHES["default"]["BACKEND"],
                  "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
                  "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
                  "static": settings.STORAGES["staticfiles"]["BACKEND"],
                  "media": settings.STORAGES["default"]["BACKEND"]}))
"""


def test_production_keeps_sessions_in_the_database_and_database_connections_open():
    production = _run(SETTINGS, DJANGO_SETTINGS_MODULE="coordination.settings", **PRODUCTION)
    assert production["session"] == "django.contrib.sessions.backends.db"
    assert production["conn_max_age"] == 600 and production["health_checks"] is True
    assert production["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert production["media"] == "django.core.files.storage.FileSystemStorage"  # MEDIA_ROOT on shared storage


def test_a_shared_cache_fronts_the_sessions_never_process_memory():
    production = _run(
        SETTINGS, DJANGO_SETTINGS_MODULE="coordination.settings", CACHE_URL="dbcache://portal_cache", **PRODUCTION
    )
    assert production["session"] == "coordination.sessions"  # Django's cached_db, kept working with the cache down
    assert production["cache"] == "django.core.cache.backends.db.DatabaseCache"


def test_templates_are_compiled_once_by_the_cached_loader():
    """django-template-partials wraps the loaders (to find a page's named fragments); the cached loader is inside."""
    [(partials, [(cached, _)])] = engines["django"].engine.loaders
    assert (partials, cached) == ("template_partials.loader.Loader", "django.template.loaders.cached.Loader")


def test_importing_the_settings_starts_no_database_server(tmp_path):
    """Without DATABASE_URL the embedded server starts on the first connection, not when settings are read."""
    data = tmp_path / "pgdata"
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'host': settings.DATABASES['default']['HOST']}))"
    )
    found = _run(code, DJANGO_SETTINGS_MODULE="coordination.settings", EMBEDDED_PGDATA=str(data))
    assert found == {"engine": "coordination.operations.embedded_database", "host": str(data)}
    assert not data.exists()  # nothing was initialised, nothing started


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn(port: int = 0, **env) -> subprocess.Popen:
    """gunicorn with the production config, one worker, on a free loopback port, against the test database."""
    environment = {
        "PATH": os.environ["PATH"],
        "DEBUG": "False",
        "SECRET_KEY": "a-test-key-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "PORTAL_BASE_URL": "https://portal.example.org",
        "DATABASE_URL": url_of_the_test_database(),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port or _free_loopback_port()}",
        **env,
    }
    environment = {name: value for name, value in environment.items() if value is not None}
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", "coordination/gunicorn.conf.py"]
    return subprocess.Popen(  # noqa: S603 (fixed argv)
        command,
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _exit_of(process: subprocess.Popen) -> tuple[int | None, str]:
    """The exit status and output of a gunicorn expected to refuse to start; stopped (None) if it serves instead."""
    try:
        output, _ = process.communicate(timeout=60)
        return process.returncode, output
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return None, output


@pytest.mark.django_db(transaction=True)  # committed, so that gunicorn's own connection sees the account
def test_gunicorn_with_debug_off_refuses_to_serve_while_an_account_accepts_the_demo_password(settings):
    from tests.stakeholders.factories import UserFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what gunicorn knows
    UserFactory(username="admin", password="demo")
    status, output = _exit_of(_gunicorn())
    assert status not in (0, None), output
    assert "Refusing to serve" in output
    assert "coordination.E002" in output and "The demo account(s) admin accept the demo password." in output


@pytest.mark.django_db
def test_gunicorn_with_debug_off_refuses_to_serve_without_a_secret_key():
    status, output = _exit_of(_gunicorn(SECRET_KEY=None))
    assert status not in (0, None), output
    assert "SECRET_KEY is not set" in output


@pytest.mark.django_db
def test_gunicorn_with_debug_off_serves_when_the_deploy_check_passes():
    port = _free_loopback_port()
    process = _gunicorn(port)
    try:
        answer = None
        deadline = time.monotonic() + 60
        while answer is None and process.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    answer = response.status
            except OSError:
                time.sleep(0.2)
        assert answer == 200, process.poll()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=30)
