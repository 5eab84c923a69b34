"""Site-wide views that are not Wagtail pages."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.engine import engine_status


@never_cache
@require_GET
def healthz(request):
    """Database and search engine status. 200 while the site can serve pages.

    The library falls back to the database when the engine is down, so a down engine is
    reported but does not make the site unhealthy; a down database does.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = {"status": "ok", "vendor": connection.vendor}
    except DatabaseError as error:
        database = {"status": "down", "error": type(error).__name__}
    search = engine_status()
    serving = database["status"] == "ok"
    body = {"status": "ok" if serving else "down", "database": database, "search": search}
    return JsonResponse(body, status=200 if serving else 503)
