"""Test settings: the real PostgreSQL server, a fast hasher and the in-memory mail outbox."""

from coordination.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A job deferred after a commit runs at once in the test process (mail lands in django.core.mail.outbox after a
# click); tests/common/test_task_queue.py drives the real worker process instead.
TASKS_RUN_IN_PROCESS = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# WhiteNoise indexes STATIC_ROOT each time a test client loads the middleware: a collected staticfiles/ (thousands
# of font files) made every request of the suite 0.6 s slower. Tests serve static files from the finders instead.
STATIC_ROOT = BASE_DIR / "var" / "test-static-root-left-empty"  # noqa: F405

# Several test runs may share one PostgreSQL server: TEST_DB_NAME keeps their databases apart.
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DB_NAME", default="test_coordination")}  # noqa: F405
# The tests' commits need not wait for the disk (their data is thrown away), and no test query is big enough for
# PostgreSQL's JIT compiler to pay for itself.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off -c jit=off"  # noqa: F405

# django-axes needs the request, which the test client's `login()` does not pass (see the backend's docstring).
AUTHENTICATION_BACKENDS = [
    "tests.security.backends.AxesBackendAllowingTestClientLogin",
    "common.auth_backends.PortalModelBackend",
]

# Tests run like development: no second factor required, except in the tests of that feature (they set it).
MFA_REQUIRED_FOR_STAFF = False

# N+1 detection (django-zeal, issue 5): every request the tests make fails with NPlusOneError when a page loads
# the same relation once per row instead of with select_related/prefetch_related.
INSTALLED_APPS = [*INSTALLED_APPS, "zeal"]  # noqa: F405
MIDDLEWARE = ["zeal.middleware.zeal_middleware", *MIDDLEWARE]  # noqa: F405
ZEAL_RAISE = True
ZEAL_SHOW_ALL_CALLERS = True
# Repeated get() calls that are not a page loading rows one by one:
ZEAL_ALLOWLIST = [
    # Django's session middleware reads the session again when it flushes a stale one.
    {"model": "sessions.Session", "field": "get()"},
    # The quarter review upserts one review per activity (update_or_create): a write per row anyway.
    {"model": "activities.ActivityReview", "field": "get()"},
    # The organisation form walks up the parent chain to refuse a loop (a few levels at most).
    {"model": "stakeholders.Organization", "field": "get()"},
]

# The live server opens a connection for each request's thread and closes it after; a pool keeps a few open, so
# that a browser flow does not pay PostgreSQL's connection start-up (a new server process, authentication) a
# hundred times. Production keeps CONN_MAX_AGE (coordination/settings.py).
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"]["OPTIONS"]["pool"] = {"min_size": 1, "max_size": 8, "timeout": 30}  # noqa: F405
