"""The address a request comes from, for counting failed sign-ins."""

from django.conf import settings


def client_address(request):
    """The connecting address, or the one the trusted proxies say connected to them.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so with N proxies the
    client is the Nth entry from the right; anything further left was written by the client
    and could be forged.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
