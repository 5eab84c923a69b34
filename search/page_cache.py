"""The library's version, and rendered library pages kept until it moves on.

The library only changes when the index does (a publish, unpublish, move, privacy change or
rebuild) or when an editor renames a sector, driver or borough. Each of those moves the
library's version on, and a page rendered at an older version is never served again. The
version lives in the "library" cache (a database table), shared by every web worker and the
background worker, and is written in the same transaction as the change, so a page taken down
is never served from a kept page once its removal has committed. Every request reads the
version (one small query); each process keeps its most used pages in memory, so a kept page
costs nothing more.

Only complete answers are kept: not a page rendered in the database fallback while the engine
is away, not an error page, and never a page for a signed-in user.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

VERSION_KEY = "library:version"
CACHE = "library"
TIMEOUT = 60 * 60
PAGES_IN_MEMORY = 500

_lock = threading.Lock()
_pages = OrderedDict()  # cache key -> (version, html), most recently used last
_per_version = {}  # name -> (version, value)
_recent = {"version": None, "read_at": 0.0}


def current_version():
    """The library's version, as every process sees it now."""
    cache = caches[CACHE]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    # What is worked out per version for the rest of this request follows the fresh read, so a
    # page kept at this version is rendered with this version's labels.
    _recent.update(version=version, read_at=time.monotonic())
    return version


def library_changed():
    """Every rendered library page, and everything worked out per version, is out of date.

    Called inside the transaction that changes the library, the new version commits with the
    change itself (the cache table is in the same database)."""
    version = time.time_ns()
    caches[CACHE].set(VERSION_KEY, version, None)
    _recent.update(version=version, read_at=time.monotonic())


def pages_around_the_library_changed():
    """Something every kept library page shows beside the results changed (the footer, a page
    that explains a filter): retire them now, for this process, and again once the change
    commits, for pages kept meanwhile from what was there before."""
    library_changed()
    transaction.on_commit(library_changed)


def recent_version():
    """The library's version as this process read it within the last second: for things that
    may lag a change by a moment (facet labels and bucket sizes), never for kept pages."""
    now = time.monotonic()
    if _recent["version"] is None or now - _recent["read_at"] >= 1.0:
        _recent.update(version=current_version(), read_at=now)
    return _recent["version"]


def per_version(name, compute):
    """`compute()`, worked out once per library version in this process (e.g. facet labels)."""
    version = recent_version()
    kept = _per_version.get(name)
    if kept is None or kept[0] != version:
        kept = (version, compute())
        _per_version[name] = kept
    return kept[1]


def _key(request, variant):
    """The kept page's key: the host and what the view says tells its pages apart."""
    return (
        "library:page:" + hashlib.sha256(repr((request.get_host(), variant)).encode()).hexdigest()
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
    """The library's current version, and what was kept for this page at it: (HTML, result
    count), or None."""
    version = current_version()
    key = _key(request, variant)
    with _lock:
        entry = _pages.get(key)
    if entry is None or entry[0] != version:
        entry = caches[CACHE].get(key)
        if entry is None or entry[0] != version:
            return version, None
        _remember(key, entry)
    return version, entry[1:]


def keep_page(request, variant, version, html, count):
    """Keep HTML rendered at `version` with its result count: the version is read before
    rendering, so a change made meanwhile wins."""
    key = _key(request, variant)
    entry = (version, html, count)
    caches[CACHE].set(key, entry, TIMEOUT)
    _remember(key, entry)
