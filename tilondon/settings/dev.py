"""Local development: debug on, a throwaway secret, email to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The development server runs a thread per connection: a persistent database connection buys
# nothing there and holds one of PostgreSQL's client slots for as long as it lives.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Static files straight from the source folders; no collectstatic step.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
