"""Test settings: the real PostgreSQL server, a fast hasher and the in-memory mail outbox."""

from coordination.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Several test runs may share one PostgreSQL server: TEST_DB_NAME keeps their databases apart.
DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DB_NAME", default="test_coordination")}  # noqa: F405

# django-axes needs the request, which the test client's `login()` does not pass (see the backend's docstring).
AUTHENTICATION_BACKENDS = [
    "tests.security.backends.AxesBackendAllowingTestClientLogin",
    "django.contrib.auth.backends.ModelBackend",
]
