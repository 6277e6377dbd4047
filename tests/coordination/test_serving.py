"""Production serving (issue 5): the gunicorn config and the settings that let several app servers share users.

The benchmark (`make bench`) shows the rest under load: one login, the same session cookie served by two
gunicorn processes in turn.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.template import engines

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
    assert production["session"] == "django.contrib.sessions.backends.cached_db"
    assert production["cache"] == "django.core.cache.backends.db.DatabaseCache"


def test_templates_are_compiled_once_by_the_cached_loader():
    loaders = engines["django"].engine.loaders
    assert loaders[0][0] == "django.template.loaders.cached.Loader"


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
