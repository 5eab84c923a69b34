"""Settings for `make bench`: production-like serving (DEBUG off, no debug toolbar, gunicorn),
a database of its own, both engines, and Wagtail's stock search on OpenSearch to compare with."""

import os

from tilondon.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A second run beside this one names its indexes apart with BENCH_INDEX_PREFIX.
BENCH_INDEX_PREFIX = os.environ.get("BENCH_INDEX_PREFIX", "bench")
LIBRARY_INDEX_PREFIX = f"{BENCH_INDEX_PREFIX}-practice-library"
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False}

# The demo images the mixed site load needs, and their renditions, apart from the site's own.
MEDIA_ROOT = VAR_DIR / "bench" / "media"  # noqa: F405

# Static files straight from the source folders; no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# The corpus goes in by bulk; Wagtail's per-save index updates would only slow that down.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
    "stock": {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": [os.environ.get("BENCH_OPENSEARCH_URL", "http://127.0.0.1:9250")],
        "INDEX_PREFIX": f"{BENCH_INDEX_PREFIX}-wagtail-",
        "AUTO_UPDATE": False,
    },
}
BENCH_ENGINE_URLS = {
    "elasticsearch": os.environ.get("BENCH_ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
    "opensearch": os.environ.get("BENCH_OPENSEARCH_URL", "http://127.0.0.1:9250"),
}
