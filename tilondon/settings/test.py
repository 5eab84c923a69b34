"""Test settings: fast hashing, the production cache table, immediate background tasks."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The library's kept pages and version live in the database table production uses (see
# base.py), so a worker process and the web process under test share them for real.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("TASKS_BACKEND") == "database":
    # A real worker process in a queue test reads the queue the test writes to.
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Each library search is written as it is counted, so a test reads it at once; the tests of
# writing them together set their own interval.
INSIGHT_WRITE_EVERY_SECONDS = float(os.environ.get("INSIGHT_WRITE_EVERY_SECONDS", "0"))
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
HEALTHZ_TOKEN = "test-healthz-token"  # noqa: S105
LIBRARY_INDEX_PREFIX = os.environ.get("LIBRARY_INDEX_PREFIX", "test-practice-library")

# Static files straight from the source folders; no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
