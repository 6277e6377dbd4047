"""Settings for the coordination portal, read from the environment (12-factor).

Every value has a development default; production sets at least DEBUG=False,
SECRET_KEY and ALLOWED_HOSTS (see docs/configuration.md).
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="insecure-development-key-change-me" if DEBUG else environ.Env.NOTSET,
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "procrastinate.contrib.django",
    "template_partials",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "csp",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "common",
    "coordination",
    "stakeholders",
    "meetings",
    "activities",
    "rest_framework",
    "drf_spectacular",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coordination.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor passed in this session
    "allauth.account.middleware.AccountMiddleware",
    "coordination.middleware.AnonymousBodyLimitMiddleware",  # before anything reads an anonymous POST body
    "coordination.i18n.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "coordination.two_factor.SecondFactorRequiredMiddleware",  # staff: enrol or verify before any other page
    "common.access.RoleRequiredMiddleware",  # logged in without a role: the "no access yet" page only
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the lockout page
]

ROOT_URLCONF = "coordination.urls"
WSGI_APPLICATION = "coordination.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "coordination.context_processors.roles",
            ],
        },
    },
]
# Form widgets (inputs, selects, error lists) are rendered with Jinja2 (see the class); pages stay Django templates.
FORM_RENDERER = "common.form_renderer.FormRenderer"

# Database: DATABASE_URL, or the embedded PostgreSQL server in var/pgdata (started on the first connection, not here).
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    DATABASES["default"]["ENGINE"] = "common.database"  # Django's PostgreSQL backend, see its module
else:
    from coordination.operations.embedded_postgres import database_settings

    DATABASES = {"default": database_settings()}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
# django-filter's blank choice in the filters' select boxes (its default is "---------").
FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("Any")
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")]
# The languages content is written and translated in: the interface's, and any a deployment adds
# (EXTRA_CONTENT_LANGUAGES=kaa:Qaraqalpaqsha), which then needs one migration (docs/translations.md).
CONTENT_LANGUAGES = LANGUAGES + [
    tuple(language.split(":", 1)) for language in env.list("EXTRA_CONTENT_LANGUAGES", default=[])
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Per-language date formats (coordination/formats/<language>/formats.py); templates use the format names.
FORMAT_MODULE_PATH = ["coordination.formats"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Tashkent")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/tom-select", BASE_DIR / "node_modules" / "tom-select" / "dist"),
    ("vendor/sortablejs", BASE_DIR / "node_modules" / "sortablejs"),
    ("vendor/inter/files", BASE_DIR / "node_modules" / "@fontsource" / "inter" / "files"),  # only the font files
]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Meeting documents: the largest file accepted (checked while it streams in and again by the form).
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_PERMISSIONS = 0o640
# The quarter review posts four fields per activity in one form: allow a few thousand fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# How long `migrate` waits for a table lock before giving up (PostgreSQL's lock_timeout): a migration never stalls
# the requests queued behind its lock for longer (docs/deployment.md, "Releases").
MIGRATION_LOCK_TIMEOUT = env.str("MIGRATION_LOCK_TIMEOUT", default="5s")

# Uploaded documents go through Django's storage API: a local folder by default (MEDIA_ROOT, which every app server
# must then mount), or any storage backend with its options, e.g. django-storages' S3 for an object store every
# server sees (docs/deployment.md).
STORAGES = {
    "default": {
        "BACKEND": env.str("DOCUMENT_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env.json("DOCUMENT_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
# django-environ puts the URL's query (e.g. ?timeout=5) in OPTIONS, which Django's mail settings do not read.
_EMAIL_OPTIONS = EMAIL_CONFIG.pop("OPTIONS", {})
vars().update(EMAIL_CONFIG)
# Seconds any connection to the mail server may wait for it (Django's SMTP backend reads EMAIL_TIMEOUT for every
# connection it opens; without it, a server that accepts and never answers blocks the sender for good).
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=float(_EMAIL_OPTIONS.get("TIMEOUT", 10)))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="coordination-portal@localhost")
# The portal's public address, for the links in e-mails (sent outside any request, e.g. by cron). Required with
# DEBUG off: the deploy check (coordination/checks.py) fails without it.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# The task queue (procrastinate, on this PostgreSQL; common/tasks.py): mail delivery, the outbox sweep and the
# reminders run in `manage.py procrastinate worker`, never in a request. True only in the tests: a deferred job
# runs at once in the process that defers it (common.queue.defer).
TASKS_RUN_IN_PROCESS = False
# The hour (in TIME_ZONE) the worker e-mails the day's follow-up action reminders.
ACTION_REMINDERS_HOUR = env.int("ACTION_REMINDERS_HOUR", default=8)
# A stopped worker (SIGTERM, Ctrl-C) lets running jobs finish for this long; a mail job waits EMAIL_TIMEOUT at most.
PROCRASTINATE_WORKER_DEFAULTS = {"shutdown_graceful_timeout": 30}
PROCRASTINATE_ON_APP_READY = "common.queue.configure_app"
# Webhooks (api/webhooks.py): endpoints must be https (http too with DEBUG on or WEBHOOKS_ALLOW_HTTP), and their
# host may not resolve to a loopback, private, link-local or otherwise internal address unless it is listed here.
WEBHOOKS_ALLOW_HTTP = env.bool("WEBHOOKS_ALLOW_HTTP", default=False)
WEBHOOKS_ALLOWED_HOSTS = env.list("WEBHOOKS_ALLOWED_HOSTS", default=[])

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

PAGE_SIZE = 25
# How long the link in an invitation to the portal stays valid.
ACCOUNT_INVITATION_DAYS = env.int("ACCOUNT_INVITATION_DAYS", default=7)

# The read API (api/, docs/api.md): Django REST framework, JSON only, answering every refusal as problem details.
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=50)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=500)
# Requests per token (a session counts as one token) and period: "600/min", "10000/hour" (DRF's rate syntax).
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="600/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.MayReadPortal"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.paging.ApiCursorPagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.problem_details_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Coordination portal API",
    "DESCRIPTION": "The read API of the coordination portal: see docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}

# Content-Security-Policy: only our own origin, no inline scripts or styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# ---------------------------------------------------------------------------------------------------------------
# Security (issue 6). Production (DEBUG=False) passes `manage.py check --deploy --fail-level WARNING`; every value
# below can be overridden from the environment (docs/security.md). Keep security settings in this block.
# ---------------------------------------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent by coordination.middleware.SecurityHeadersMiddleware: the portal needs none of these browser features.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# HTTPS. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https (only when the
# proxy always sets that header); set SECURE_SSL_REDIRECT=False only when the proxy itself redirects to HTTPS.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# A load balancer's health check speaks plain HTTP to the app server: answer it instead of redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Deploy checks knowingly not met, e.g. by the benchmark's plain-HTTP servers on the loopback (bench/environment.py).
# Only Django's own security warnings may be silenced: the portal's checks (coordination.E002, the demo password)
# guard accounts and are never switched off by a variable.
SILENCED_SYSTEM_CHECKS = [
    name for name in env.list("SILENCED_SYSTEM_CHECKS", default=[]) if name.startswith("security.")
]
if not SECURE_SSL_REDIRECT and not DEBUG:
    SILENCED_SYSTEM_CHECKS.append("security.W008")  # the proxy redirects to HTTPS (documented choice)
if _proxy_ssl_header := env.list("SECURE_PROXY_SSL_HEADER", default=[]):
    SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)

# Cookies: over HTTPS they are Secure and `__Host-` prefixed (host-only, Path=/, no Domain); plain-HTTP
# development keeps the usual names because browsers drop `__Host-` cookies that are not Secure.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE_COOKIES else "csrftoken"
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_NAME = "__Host-django_language" if SECURE_COOKIES else "django_language"
LANGUAGE_COOKIE_PATH = "/"
LANGUAGE_COOKIE_DOMAIN = None
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Session lifetime: 12 hours from login, whatever the activity; ended by logout or closing the browser if set.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)

# Login protection (django-axes with coordination.lockout.LoginThrottle): AXES_FAILURE_LIMIT wrong passwords for one
# username (from any address) lock that username; AXES_ADDRESS_FAILURE_LIMIT wrong passwords from one client address
# (any usernames: someone cycling through them) lock that address. Both for AXES_COOLOFF_MINUTES. A ministry's
# staff share one NAT address: one person's typos must not lock their colleagues. Unlock: `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "common.auth_backends.PortalModelBackend",
]
AXES_HANDLER = "coordination.lockout.LoginThrottle"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=30)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# Failures are recorded per (username, address); LoginThrottle counts them per username and per address. The right
# password from a browser where the account logged in before still passes
# (coordination.lockout.right_password_from_known_device), so a script cannot lock an owner out. Wrong old passwords
# on the password change form count too (coordination/pages/accounts.py).
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_WHITELIST_CALLABLE = "coordination.lockout.right_password_from_known_device"
# The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost of them saw
# (X-Forwarded-For); see docs/security.md, "Behind a proxy". Wrong here, every visitor shares one address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "coordination.lockout.client_ip"
# A successful login clears that username's failures only (LoginThrottle.reset_user_attempts), never the failures
# from the same address against other usernames.
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "coordination.lockout.lockout_response"  # templates/registration/locked_out.html
AXES_HTTP_RESPONSE_CODE = 429
AXES_USERNAME_CALLABLE = "coordination.lockout.client_username"  # storable: no NUL, at most 150 characters
# Password reset requests need no password and are throttled on their own (coordination.models), never by the login
# throttle: at most PASSWORD_RESET_LIMIT_PER_EMAIL mails to one e-mail address and PASSWORD_RESET_LIMIT_PER_ADDRESS
# requests from one client address per PASSWORD_RESET_WINDOW_MINUTES.
PASSWORD_RESET_LIMIT_PER_EMAIL = env.int("PASSWORD_RESET_LIMIT_PER_EMAIL", default=4)
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("PASSWORD_RESET_LIMIT_PER_ADDRESS", default=20)
PASSWORD_RESET_WINDOW = timedelta(minutes=env.int("PASSWORD_RESET_WINDOW_MINUTES", default=15))
AXES_VERBOSE = False

# Sign-in with the organisation's accounts (OpenID Connect through django-allauth; docs/sign-in.md). Each identity
# provider is a Social application (provider "OpenID Connect") in the admin, its e-mail domains in its settings.
# Only the provider's callback is mounted: passwords stay with Django's LoginView.
# A first sign-in links to the account (or the open account invitation) with the same verified e-mail address; it
# never creates an account of its own (coordination.single_sign_on).
ACCOUNT_ADAPTER = "coordination.single_sign_on.PortalAccountAdapter"
SOCIALACCOUNT_ADAPTER = "coordination.single_sign_on.PortalSocialAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = SOCIALACCOUNT_EMAIL_VERIFICATION = "none"  # the provider's email_verified decides
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = env.int("SOCIALACCOUNT_REQUESTS_TIMEOUT", default=10)

# Two factors (django-otp: TOTP and recovery codes; coordination.two_factor). With MFA_REQUIRED_FOR_STAFF, a
# secretariat member or admin who has signed in (password or organisation's sign-in) reaches only the enrolment
# and verification pages and logout until the second factor is passed in that session. Wrong codes count towards
# the login throttle like wrong passwords.
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Coordination portal")
MFA_RECOVERY_CODES = 10
OTP_TOTP_THROTTLE_FACTOR = OTP_STATIC_THROTTLE_FACTOR = 0  # the login throttle counts wrong codes instead
# Anonymous requests (the login and password reset forms, RSVP and unsubscribe links) need only a few kilobytes: a
# larger body is refused with 413 before it is read (coordination.middleware). The proxy in front should cap bodies
# too (docs/security.md, "Behind a proxy").
ANONYMOUS_MAX_BODY_BYTES = env.int("ANONYMOUS_MAX_BODY_BYTES", default=64 * 1024)
# ------------------------------------------------------------------------------------------ end of security block

# ---------------------------------------------------------------------------------------------------------------
# Production serving (issue 5): gunicorn (coordination/gunicorn.conf.py, `make serve`), possibly several app
# servers behind a load balancer against one PostgreSQL server. Nothing a second server needs lives in one
# process's memory: sessions are in the database, uploads go through the storage API to MEDIA_ROOT (shared
# storage), and the cache is shared when CACHE_URL/REDIS_URL is set. The cached template loader is Django's
# default (no "loaders" option above). See docs/deployment.md.
# ---------------------------------------------------------------------------------------------------------------
if not DEBUG:
    # Each worker keeps its database connection (checked before reuse by CONN_HEALTH_CHECKS).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
if _cache_url := env.str("CACHE_URL", default="") or env.str("REDIS_URL", default=""):
    # e.g. redis://cache.example.org:6379/0 (needs the `redis` package) or dbcache://portal_cache (run
    # `manage.py createcachetable`); the session then reads from the shared cache and writes through to the database.
    CACHES = {"default": env.cache_url_config(_cache_url)}
    SESSION_ENGINE = "coordination.sessions"  # Django's cached_db, which signs in and out with the cache down
else:
    # Each process's own memory; room for the fragments of a few thousand meetings and events in each language
    # (common.fragment_cache; Django's default of 300 entries would keep evicting them).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 10000}}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The benchmark's count of fragment-cache hits and misses (common.fragment_cache): a folder each process writes its
# counts to. Unset in production.
FRAGMENT_CACHE_STATS_DIR = env.str("FRAGMENT_CACHE_STATS_DIR", default="")
# -------------------------------------------------------------------------------------- end of production block

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # Every manage.py command lists the tasks it registers: only the worker's own log stays.
        "procrastinate.periodic": {"level": "WARNING"},
        "procrastinate.blueprints": {"level": "WARNING"},
    },
}
