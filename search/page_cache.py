"""Rendered library pages, kept until anything in the library changes.

The library only changes when the index does (a publish, unpublish, move, privacy change or
rebuild) or when an editor renames a sector, driver or borough. Each of those moves the
library's version on; a page rendered for an older version is never served again. The cache
is Django's default cache, shared by every web worker and the background worker, so a change
made in one process is seen by all of them at once.

Only complete answers are kept: not a page rendered in the database fallback while the engine
is away, not an error page, and never a page for a signed-in user.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "library:version"
TIMEOUT = 60 * 60


def _key(request):
    query = (request.get_host(), sorted(request.GET.lists()))
    return "library:page:" + hashlib.sha256(repr(query).encode()).hexdigest()


def cacheable(request):
    return settings.LIBRARY_PAGE_CACHE and not request.user.is_authenticated


def lookup(request):
    """The library's current version, and the HTML kept for this request at it (or None)."""
    key = _key(request)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        return cache.get(VERSION_KEY), None
    entry = found.get(key)
    return version, (entry[1] if entry and entry[0] == version else None)


def keep_page(request, version, html):
    """Keep HTML rendered at `version`: read before rendering, so a change made meanwhile wins."""
    cache.set(_key(request), (version, html), TIMEOUT)


def library_changed():
    """Every rendered library page is out of date from now on."""
    cache.set(VERSION_KEY, time.time_ns(), None)
