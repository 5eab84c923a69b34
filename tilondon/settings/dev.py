"""Local development: debug on, a throwaway secret, email to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The development server runs a thread per request: persistent connections would pile up
# until PostgreSQL turns clients away.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Static files straight from the source folders; no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
