"""Rendered public pages (library answers and site pages), kept until the library's version
(`core.versions`) moves on.

A page rendered at an older version is never served again, and the version is written in the
same transaction as the change, so a page taken down is never served from a kept page once
its removal has committed. Every request reads the version (one small query); each process
keeps its most used pages in memory, so a kept page costs nothing more.

Only complete answers are kept: not a page rendered in the database fallback while the engine
is away, not an error page, and never a page for a signed-in user.
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

from core.versions import current_version

CACHE = "library"
TIMEOUT = 60 * 60
PAGES_IN_MEMORY = 500

_lock = threading.Lock()
_pages = OrderedDict()  # cache key -> (version, html), most recently used last


def _key(request, variant):
    """The kept page's key: the scheme and host, and what the view says tells its pages apart."""
    return (
        "library:page:"
        + hashlib.sha256(repr((request.scheme, request.get_host(), variant)).encode()).hexdigest()
    )


def _remember(key, entry):
    with _lock:
        _pages[key] = entry
        _pages.move_to_end(key)
        while len(_pages) > PAGES_IN_MEMORY:
            _pages.popitem(last=False)


def cacheable(request):
    return settings.LIBRARY_PAGE_CACHE and not request.user.is_authenticated


def lookup(request, variant):
    """The library's current version, and what was kept for this page at it: (HTML, what the
    page kept with it), or None."""
    version = current_version()
    request._library_version = version  # the page's navigation and footer follow this read
    key = _key(request, variant)
    with _lock:
        entry = _pages.get(key)
    if entry is None or entry[0] != version:
        entry = caches[CACHE].get(key)
        if entry is None or entry[0] != version:
            return version, None
        _remember(key, entry)
    return version, entry[1:]


def keep_page(request, variant, version, html, extra):
    """Keep HTML rendered at `version` with what the page needs to answer again (a library
    page's result count, a site page's content type): the version is read before rendering,
    so a change made meanwhile wins."""
    key = _key(request, variant)
    entry = (version, html, extra)
    caches[CACHE].set(key, entry, TIMEOUT)
    _remember(key, entry)
