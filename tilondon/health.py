"""Site-wide views that are not Wagtail pages."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.health import search_status


@never_cache
@require_GET
def healthz(request):
    """Database, search engine, change queue and worker status.

    200 while the site can serve pages and keep the library up to date. The library falls back
    to the database when the engine is down, so a down engine is reported but does not make the
    site unhealthy; a down database does, and so does a silent worker (then nothing published
    reaches the engine and scheduled pages never go live).
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = {"status": "ok", "vendor": connection.vendor}
    except DatabaseError as error:
        database = {"status": "down", "error": type(error).__name__}
        body = {"status": "down", "database": database}
        return JsonResponse(body, status=503)
    search, search_healthy = search_status()
    body = {"status": "ok" if search_healthy else "down", "database": database, "search": search}
    return JsonResponse(body, status=200 if search_healthy else 503)
