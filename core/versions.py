"""The library's version: one number that moves on with every change the public could see.

The library changes when the index does (a publish, unpublish, move, privacy change or
rebuild), when an editor renames a sector, driver or borough, and when anything shown around
it changes (any page entering or leaving the site's navigation, the footer, a page that
explains a filter). Each of those moves the version on. It lives in the "library" cache (a
database table), shared by every web worker and the background worker, and is written in the
same transaction as the change. What is worked out from the site's content and shown to the
public can be kept per version (`per_version`, `per_current_version`) and by rendered page
(`core.page_cache`): it is never used after the change that retires it has committed.
"""

import time

from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

VERSION_KEY = "library:version"
CACHE = "library"

_per_version = {}  # name -> (version, value)
_per_current_version = {}  # name -> (version, value, good until)
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


def per_current_version(name, compute, request=None):
    """`compute()`, kept in this process until the library's version moves on, checked
    against the version as every process sees it now: for parts of public pages (the site's
    navigation, its footer) that must never name a page after it is taken down.

    `compute()` returns (value, good_until): a time after which it is worked out again even
    at the same version (the first expiry date among the pages it names), or None. The
    version is read once per request."""
    version = getattr(request, "_library_version", None)
    if version is None:
        version = current_version()
        if request is not None:
            request._library_version = version
    kept = _per_current_version.get(name)
    if kept is None or kept[0] != version or (kept[2] is not None and kept[2] <= timezone.now()):
        value, good_until = compute()
        kept = (version, value, good_until)
        _per_current_version[name] = kept
    return kept[1]
