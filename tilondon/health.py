"""/healthz: is the site able to serve pages and keep its library up to date?

Anyone (a load balancer, an uptime check) gets only "ok" or "down" for the whole site, its
database and its search. The details (database vendor, engine version, breaker mode, change
queue, worker heartbeat) help an attacker as much as an operator, so they need the token set in
`HEALTHZ_TOKEN`, sent as the `X-Healthz-Token` header, or a signed-in superuser.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.health import search_status


def may_see_details(request):
    token = settings.HEALTHZ_TOKEN
    sent = request.headers.get("X-Healthz-Token", "")
    if token and sent and constant_time_compare(sent, token):
        return True
    return request.user.is_authenticated and request.user.is_superuser


@never_cache
@require_GET
def healthz(request):
    """200 while the site can serve pages and keep the library up to date.

    The library falls back to the database when the engine is down, so a down engine is
    reported but does not make the site unhealthy; a down database does, and so does a silent
    worker (then nothing published reaches the engine and scheduled pages never go live).
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = {"status": "ok", "vendor": connection.vendor}
    except DatabaseError as error:
        database = {"status": "down", "error": type(error).__name__}
        search, healthy = {"status": "unknown"}, False
    else:
        search, healthy = search_status()
    body = {"status": "ok" if healthy else "down", "database": database, "search": search}
    if not may_see_details(request):
        body = {
            "status": body["status"],
            "database": {"status": database["status"]},
            "search": {"status": search["status"]},
        }
    return JsonResponse(body, status=200 if healthy else 503)
