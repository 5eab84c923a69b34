"""WSGI entry point for gunicorn. Production settings unless told otherwise: a server started
without DJANGO_SETTINGS_MODULE must never serve the public in debug mode."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tilondon.settings.production")

application = get_wsgi_application()
