"""gunicorn settings for serving the portal in production (`make serve`, and the benchmark).

    gunicorn -c coordination/gunicorn.conf.py

Environment: WEB_CONCURRENCY (workers, default 2 x cores + 1), GUNICORN_THREADS (threads per worker,
default 1: the sync worker), HOST and PORT or GUNICORN_BIND, GUNICORN_ACCESS_LOG ("-" for stdout).
The portal's own settings (DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, ...) are described in docs/configuration.md.
With DEBUG off (the default here) gunicorn refuses to start without SECRET_KEY or while `manage.py check --deploy
--fail-level WARNING` fails.
"""

import multiprocessing
import os
import sys
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

# gunicorn serves production: DEBUG is off unless the environment says otherwise explicitly.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings")
os.environ.setdefault("DEBUG", "False")
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
DEBUG = environ.Env().bool("DEBUG")

# No key made up here: a key per machine would silently end every session that moves to another app server.
if not DEBUG and not os.environ.get("SECRET_KEY"):
    sys.exit(
        "Refusing to serve: SECRET_KEY is not set. Set the SECRET_KEY environment variable (or in .env) to a long "
        "random value, the same on every app server, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

wsgi_app = "coordination.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Workers are recycled now and then so that a slow leak cannot grow without bound. The application is loaded once
# in the master and workers fork from it, so a recycled worker is ready in milliseconds instead of stalling its
# requests for the second it takes to import Django (which showed as a p95 of several hundred ms under load).
# Loading the application opens no database connection, so no connection is shared across the fork.
preload_app = True
max_requests = 20000
max_requests_jitter = 2000
timeout = 30
graceful_timeout = 20
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind a reverse proxy that sets X-Forwarded-For/-Proto; list its address in FORWARDED_ALLOW_IPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "coordination-portal"


def on_starting(server):
    """In the master, before any worker starts: with DEBUG off, refuse to serve while the deploy check fails."""
    if not DEBUG:
        from coordination.operations.production import refuse_to_serve_unless_the_deploy_check_passes

        refuse_to_serve_unless_the_deploy_check_passes()
