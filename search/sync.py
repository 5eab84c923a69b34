"""Keeping the library in step with the editor.

`sync_page` runs in the background queue after a publish, unpublish, move, delete or privacy
change. It updates the database copy first, then pushes every outstanding change to the engine.
If the engine is down, the changes stay flagged and land on the next successful sync.
"""

import logging

from django.db import transaction

from wagtail.models import Page

from .documents import FACETS, indexable_pages, is_indexable, library_document
from .engine import configured_engine, engine_errors
from .index import put_documents
from .models import LibraryFacetValue, LibraryRecord, PendingRemoval
from .page_cache import library_changed

logger = logging.getLogger(__name__)


def searchable_text(document):
    """What the database fallback matches words against: one lower-case string."""
    return " ".join(
        part for part in (document["title"], document["summary"], document["body"]) if part
    ).casefold()


def save_record(page, document):
    record, _ = LibraryRecord.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "type": document["type"],
            "title": document["title"],
            "summary": document["summary"] or "",
            "body": document["body"] or "",
            "search_text": searchable_text(document),
            "published": page.first_published_at or page.last_published_at,
            "document": document,
            "needs_engine_sync": True,
        },
    )
    record.facets.all().delete()
    LibraryFacetValue.objects.bulk_create(
        LibraryFacetValue(record=record, facet=facet, value=value)
        for facet in FACETS
        for value in ([document["type"]] if facet == "type" else document[facet])
    )
    PendingRemoval.objects.filter(page_id=page.pk).delete()
    return record


def remove_record(page_id):
    deleted, _ = LibraryRecord.objects.filter(page_id=page_id).delete()
    PendingRemoval.objects.get_or_create(page_id=page_id)
    return deleted


def refresh_record(page_id):
    """Bring the database copy of one page up to date; True when it belongs in the library."""
    page = Page.objects.filter(pk=page_id).specific().first()
    with transaction.atomic():
        transaction.on_commit(library_changed)
        if page is not None and is_indexable(page):
            save_record(page, library_document(page))
            return True
        remove_record(page_id)
        return False


def refresh_subtree(page_id):
    """After a move or a privacy change, every page below may have changed too."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        remove_record(page_id)
        return
    for descendant_id in page.get_descendants(inclusive=True).values_list("pk", flat=True):
        refresh_record(descendant_id)


def push_to_engine(engine=None):
    """Send every outstanding change to the engine. Returns False when the engine is down."""
    engine = engine or configured_engine()
    if engine is None:
        return True
    records = list(LibraryRecord.objects.filter(needs_engine_sync=True).only("pk", "document"))
    removals = list(PendingRemoval.objects.values_list("page_id", flat=True))
    if not records and not removals:
        return True
    try:
        put_documents(engine, [r.document for r in records], removals)
    except engine_errors() as error:
        logger.warning("Library index update deferred: %s is unreachable (%s)", engine.kind, error)
        return False
    LibraryRecord.objects.filter(pk__in=[r.pk for r in records]).update(needs_engine_sync=False)
    PendingRemoval.objects.filter(page_id__in=removals).delete()
    library_changed()
    return True


def rebuild_records():
    """Rebuild the whole database copy from the live pages; returns the documents."""
    documents = []
    with transaction.atomic():
        keep = []
        for page in indexable_pages().iterator(chunk_size=500):
            document = library_document(page)
            save_record(page, document)
            keep.append(page.pk)
            documents.append(document)
        LibraryRecord.objects.exclude(page_id__in=keep).delete()
        transaction.on_commit(library_changed)
    return documents
