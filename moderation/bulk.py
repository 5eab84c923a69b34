"""Submissions made many at a time (a spreadsheet import), so per-page emails can stay quiet.

Whatever sends an email for each submitted page (Wagtail's notifiers, the submitter's receipt)
checks `in_bulk()`; the import says once, at the end, what it submitted. A context variable,
so only the code running inside `submitting_in_bulk()` is affected.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_in_bulk = ContextVar("submitting_in_bulk", default=False)


@contextmanager
def submitting_in_bulk():
    token = _in_bulk.set(True)
    try:
        yield
    finally:
        _in_bulk.reset(token)


def in_bulk():
    return _in_bulk.get()
