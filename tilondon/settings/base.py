"""Settings shared by every environment.

Secure by default: DEBUG is off and there is no secret key here. Optional services
(a search engine, a PostgreSQL database) switch on only when their environment variable is set.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "core",
    "home",
    "drivers",
    "intake",
    "reviews",
    "alerts",
    "casestudies",
    "search",
    "insight",
    "roadmap",
    "moderation",
    "accounts",
    # Demo content and its commands: nothing in the site imports it.
    "demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, as django-cors-headers asks: before anything that may answer on its own.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Public site pages kept whole per library version, answered before Wagtail routes them.
    "core.kept_pages.KeptPagesMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The library's public, read-only endpoints (its JSON API and the OpenAPI document that
# describes it, the feed and the export) may be read from any website, so partners can embed
# them: GET only, never with cookies. Nothing else (pages, the admin) gets CORS headers.
CORS_URLS_REGEX = r"^/(api/library/.*|library/feed/|library/export\.csv)$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

ROOT_URLCONF = "tilondon.urls"
WSGI_APPLICATION = "tilondon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file by default; DATABASE_URL points at PostgreSQL in production and in the tests.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A web process, the worker and a shell write at once under `make run`: write-ahead
    # logging lets readers carry on during a write, IMMEDIATE transactions take the write lock
    # up front (no deadlock upgrading a read lock), and a writer waits for the lock, not fails.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Signing in. django-axes counts failed sign-ins for each username from each address: after
# AXES_FAILURE_LIMIT of them that pair is paused for AXES_COOLOFF_TIME hours (other people, and
# the same person elsewhere, are not). A success clears the count. Only failures are kept, and
# only until the pause ends: no log of successful sign-ins.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_TIME", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "accounts.addresses.client_address"
# Behind a reverse proxy that appends to X-Forwarded-For, the number of proxies to trust; 0
# (the default) uses the connecting address, which nobody can forge.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The second sign-in step: an authenticator app's six-digit code (TOTP), or a one-time
# recovery code. Required for VRU moderators and superusers, a choice for champions.
OTP_TOTP_ISSUER = "Practice Library"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content Security Policy for the public site: scripts, styles, images and fonts from this
# site only, and no inline script or style (the public templates carry none). Wagtail's admin
# needs inline scripts and styles of its own, so it is left out. CSP_REPORT_ONLY=true sends
# the policy as Content-Security-Policy-Report-Only, to try a change without breaking pages.
_CSP = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
if os.environ.get("CSP_REPORT_ONLY", "").lower() == "true":
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP

# Background work (search index updates) goes through a durable queue in the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The public library talks to a search engine only when one is configured.
# Either variable may be set; Elasticsearch wins when both are.
# Each process keeps its own default cache (Wagtail's site paths and the like, read on every
# page). The library's rendered pages and the version that retires them must be seen by every
# web worker and the background worker, so they live in a table in the site's own database,
# made by `manage.py createcachetable`.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "library": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "practice_library_cache",
        # Kept pages for the whole site, library answers and API answers: Django's default of
        # 300 entries would cull them while they are still current.
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LIBRARY_CACHE_MAX_ENTRIES", "20000"))},
    },
}

# Library searches are added up in each process and written this often (0: as each is made).
INSIGHT_WRITE_EVERY_SECONDS = float(os.environ.get("INSIGHT_WRITE_EVERY_SECONDS", "1"))

SEARCH_ENGINE_URLS = {
    "elasticsearch": os.environ.get("ELASTICSEARCH_URL", ""),
    "opensearch": os.environ.get("OPENSEARCH_URL", ""),
}
# Seconds: connecting (a node that is gone shows at once), waiting for indexing and admin
# requests, and waiting for a reader's query before answering from the database copy.
SEARCH_ENGINE_CONNECT_TIMEOUT = float(os.environ.get("SEARCH_ENGINE_CONNECT_TIMEOUT", "0.5"))
SEARCH_ENGINE_TIMEOUT = float(os.environ.get("SEARCH_ENGINE_TIMEOUT", "5"))
SEARCH_QUERY_TIMEOUT = float(os.environ.get("SEARCH_QUERY_TIMEOUT", "1.5"))
# After this many failed queries in a row, answer from the database copy for the cool-down,
# then let one request ping the engine (with the probe timeout) before trusting it again.
SEARCH_BREAKER_FAILURES = int(os.environ.get("SEARCH_BREAKER_FAILURES", "3"))
SEARCH_BREAKER_COOL_DOWN = float(os.environ.get("SEARCH_BREAKER_COOL_DOWN", "5"))
SEARCH_BREAKER_PROBE_TIMEOUT = float(os.environ.get("SEARCH_BREAKER_PROBE_TIMEOUT", "0.3"))
# The worker applies the change log this often, whether or not anyone publishes; a document
# the engine refuses is tried again after a pause that doubles from LIBRARY_RETRY_SECONDS.
LIBRARY_SYNC_SECONDS = float(os.environ.get("LIBRARY_SYNC_SECONDS", "1"))
LIBRARY_RETRY_SECONDS = float(os.environ.get("LIBRARY_RETRY_SECONDS", "2"))
LIBRARY_RETRY_MAX_SECONDS = float(os.environ.get("LIBRARY_RETRY_MAX_SECONDS", "300"))
# Scheduled publishing and expiry run this often in the worker.
LIBRARY_SCHEDULE_SECONDS = float(os.environ.get("LIBRARY_SCHEDULE_SECONDS", "60"))
# Management commands the worker also runs on that schedule; each must be safe to run again.
WORKER_SCHEDULED_COMMANDS = ["send_review_reminders", "send_alert_digests", "forget_old_searches"]
# Email alert sign-ups: confirmation emails to one address per 24 hours, and sign-ups in all
# per hour, counted from the database; beyond either, the sign-up page answers 429.
ALERTS_SIGN_UPS_PER_ADDRESS_PER_DAY = int(
    os.environ.get("ALERTS_SIGN_UPS_PER_ADDRESS_PER_DAY", "3")
)
ALERTS_SIGN_UPS_PER_HOUR = int(os.environ.get("ALERTS_SIGN_UPS_PER_HOUR", "100"))
# /healthz answers 503 when the worker has been silent this long (it beats every sync).
LIBRARY_WORKER_STALE_SECONDS = float(os.environ.get("LIBRARY_WORKER_STALE_SECONDS", "30"))
# Sent as the X-Healthz-Token header, it shows /healthz's details (unset: superusers only).
HEALTHZ_TOKEN = os.environ.get("HEALTHZ_TOKEN", "")
LIBRARY_INDEX_PREFIX = os.environ.get("LIBRARY_INDEX_PREFIX", "practice-library")
# Keep rendered library pages until the library changes; "off" renders every request.
LIBRARY_PAGE_CACHE = os.environ.get("LIBRARY_PAGE_CACHE", "on") != "off"
# The "Related practice" section on case study pages; "off" shows no related practice at all.
LIBRARY_RELATED_PRACTICE = os.environ.get("LIBRARY_RELATED_PRACTICE", "on") != "off"

# Wagtail's admin search stays on the database: its Elasticsearch backend needs the
# analysis-common module, which the lean Elasticsearch distribution lacks.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

WAGTAIL_SITE_NAME = "Practice Library"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Documents always go through Wagtail's view, where `moderation.uploads` decides who may have
# one; a redirect to the storage's own URL would bypass it.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "practice-library@localhost")

# Moderation notifications are Wagtail's own workflow emails, with links into the admin at
# WAGTAILADMIN_BASE_URL. They go to the VRU moderators group, not to every superuser.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "search": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "elastic_transport": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "opensearch": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
