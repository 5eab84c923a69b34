"""Keeping the library in step with the editor, through an ordered log of changes.

When a page is published, unpublished, deleted, moved, renamed or restricted, its database copy
(`LibraryRecord`) is brought up to date in the editor's own transaction, and each real change
appends a `LibraryChange`. The worker then applies the log to the engine (`push_to_engine`):
in order, the newest change of each page at a time, marking entries done by sequence number so
that a newer change made meanwhile stays pending. A document the engine refuses keeps its reason
and is retried with a growing pause; an engine that cannot be reached leaves everything pending
for the next round. Nothing here waits on the engine inside an editor's request.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import F, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from wagtail.models import Page

from casestudies.models.mixins import library_prefetched
from core.versions import library_changed

from . import index
from .documents import indexable_pages, is_indexable, library_document, library_page_models
from .engine import configured_engine, engine_errors
from .facets import FACETS
from .models import LibraryChange, LibraryFacetValue, LibraryRecord

logger = logging.getLogger(__name__)
PUSH_BATCH = 500
REBUILD_BATCH = 500


# --- the database copy -------------------------------------------------------------------


def searchable_text(document):
    """What the database fallback matches words against: one lower-case string."""
    return " ".join(
        part for part in (document["title"], document["summary"], document["body"]) if part
    ).casefold()


def _changed():
    """Retire kept library pages: in the change's own transaction, so no process can serve a
    kept page once the change has committed, and again after the commit for pages rendered
    from the old state meanwhile."""
    library_changed()
    transaction.on_commit(library_changed)


def save_records(pairs):
    """Keep each (page, document) as the page's database copy, in a few statements for all of
    them; log each one that changed for the engine. Returns how many changed."""
    pairs = list(pairs)
    existing = dict(
        LibraryRecord.objects.filter(page_id__in=[page.pk for page, _ in pairs]).values_list(
            "page_id", "document"
        )
    )
    changed = [(page, document) for page, document in pairs if existing.get(page.pk) != document]
    if not changed:
        return 0
    records = LibraryRecord.objects.bulk_create(
        [
            LibraryRecord(
                page_id=page.pk,
                type=document["type"],
                title=document["title"],
                search_text=searchable_text(document),
                published=page.first_published_at or page.last_published_at,
                document=document,
            )
            for page, document in changed
        ],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["type", "title", "search_text", "published", "document"],
    )
    LibraryFacetValue.objects.filter(record_id__in=[record.pk for record in records]).delete()
    LibraryFacetValue.objects.bulk_create(
        LibraryFacetValue(record_id=record.pk, facet=facet, value=value)
        for record, (_, document) in zip(records, changed, strict=True)
        for facet in FACETS
        for value in ([document["type"]] if facet == "type" else document[facet])
    )
    LibraryChange.objects.bulk_create(
        LibraryChange(page_id=page.pk, action=LibraryChange.UPSERT, document=document)
        for page, document in changed
    )
    return len(changed)


def save_record(page, document, retire=True):
    """Keep `document` as the page's database copy; log it for the engine if it changed.

    `retire=False` leaves retiring kept pages to the caller (a rebuild does it once)."""
    changed = bool(save_records([(page, document)]))
    if changed and retire:
        _changed()
    return changed


def remove_records(page_ids, always=False):
    """Take pages out of the database copy and log their removal from the engine.

    A removal is logged for every page that had a record, and for every page when `always`
    (an explicit unpublish or delete: the engine may hold a copy the database lost)."""
    page_ids = list(page_ids)
    had = set(LibraryRecord.objects.filter(page_id__in=page_ids).values_list("page_id", flat=True))
    LibraryRecord.objects.filter(page_id__in=had).delete()
    removed = page_ids if always else [pk for pk in page_ids if pk in had]
    LibraryChange.objects.bulk_create(
        LibraryChange(page_id=pk, action=LibraryChange.REMOVE) for pk in removed
    )
    if removed:
        _changed()
    return len(removed)


def refresh_record(page_id):
    """Bring the database copy of one page up to date; True when it belongs in the library."""
    page = Page.objects.filter(pk=page_id).specific().first()
    with transaction.atomic():
        if page is not None and is_indexable(page):
            save_record(page, library_document(page))
            return True
        remove_records([page_id])
        return False


def refresh_subtree(page_id):
    """After a move, a slug change or a privacy change, every page below may have changed."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        remove_records([page_id], always=True)
        return
    ids = page.get_descendants(inclusive=True).values_list("pk", flat=True)
    for descendant_id in ids.iterator():
        refresh_record(descendant_id)


def remove_hidden_below(page_id):
    """Take out at once every page at or below `page_id` that the public may no longer see.

    Runs in the editor's transaction when a page is moved or restricted, so a page taken from
    the public is gone from the database copy (and so from every answer) before the worker
    re-indexes the rest of the section."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    below = page.get_descendants(inclusive=True)
    recorded = LibraryRecord.objects.filter(page__in=below).values_list("page_id", flat=True)
    visible = set(indexable_pages().filter(pk__in=recorded).values_list("pk", flat=True))
    return remove_records([pk for pk in recorded if pk not in visible])


def pages_with_facet_value(facet, value):
    return list(
        LibraryFacetValue.objects.filter(facet=facet, value=value).values_list(
            "record__page_id", flat=True
        )
    )


def library_pages(page_ids):
    """The specific pages of `page_ids`, with what their documents read fetched for all of
    them at once (each page type names it in `library_related`)."""
    pages = []
    for model in library_page_models():
        select, prefetch = model.library_related
        pages += (
            model.objects.filter(pk__in=page_ids)
            .select_related(*select)
            .prefetch_related(
                *(Prefetch(name, to_attr=library_prefetched(name)) for name in prefetch)
            )
        )
    return pages


def _documents(page_ids):
    """(page, document) for each indexable page of `page_ids`."""
    return [(page, library_document(page)) for page in library_pages(page_ids)]


def _built_ahead(batches):
    """`_documents` of each batch in turn, the next one read and built in a second thread
    (with a database connection of its own) while the caller writes this one: building
    documents is Python's work and writing them the database's, so each waits less."""
    if not batches:
        return
    with ThreadPoolExecutor(max_workers=1) as ahead:
        try:
            coming = ahead.submit(_documents, batches[0])
            for following in [*batches[1:], None]:
                built = coming.result()
                coming = ahead.submit(_documents, following) if following else None
                yield built
        finally:
            ahead.submit(connections.close_all).result()  # the thread's own connection


def rebuild_records():
    """Rebuild the whole database copy from the live pages; returns how many there are.

    Pages are read and written REBUILD_BATCH at a time: their taxonomies fetched together,
    their records compared and written in a few statements. On PostgreSQL, outside anyone
    else's transaction, the next batch is built while this one is written (`_built_ahead`);
    inside one, its pages may not be committed for a second connection to see, so one batch
    follows the other."""
    ahead = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        keep = list(indexable_pages().order_by("pk").values_list("pk", flat=True))
        batches = [keep[i : i + REBUILD_BATCH] for i in range(0, len(keep), REBUILD_BATCH)]
        changed = 0
        for pairs in _built_ahead(batches) if ahead else map(_documents, batches):
            changed += save_records(pairs)
        gone = LibraryRecord.objects.exclude(
            page_id__in=indexable_pages().values("pk")
        ).values_list("page_id", flat=True)
        changed += remove_records(list(gone))
        if changed:
            _changed()  # once for the whole rebuild, not once per page
    return len(keep)


# --- the change log ----------------------------------------------------------------------


def _retry_delay(attempts):
    delay = settings.LIBRARY_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(delay, settings.LIBRARY_RETRY_MAX_SECONDS))


def _newest_per_page(rows):
    newest = {}
    for row in rows:
        newest[row["page_id"]] = row
    return newest


def _as_write(row):
    document = row["document"] if row["action"] == LibraryChange.UPSERT else None
    return index.Write(page_id=row["page_id"], version=row["id"], document=document)


def _mark_applied(applied, now):
    """Mark each page's changes up to the one sent as done: compare-and-set by sequence."""
    pairs = list(applied.items())
    for start in range(0, len(pairs), 100):
        condition = Q()
        for page_id, sequence in pairs[start : start + 100]:
            condition |= Q(page_id=page_id, id__lte=sequence)
        LibraryChange.objects.pending().filter(condition).update(applied_at=now, last_error="")


def push_to_engine(engine=None):
    """Apply the pending changes to the engine. Returns False when the engine is unreachable.

    A document the engine refuses stays pending with its reason and is tried again after a
    pause that doubles with each attempt; the others are marked done."""
    engine = engine or configured_engine()
    now = timezone.now()
    if engine is None:
        LibraryChange.objects.pending().update(applied_at=now)  # nothing to apply them to
        return True
    applied_any = False
    seen_up_to = 0
    while True:
        rows = list(
            LibraryChange.objects.pending()
            .filter(id__gt=seen_up_to)
            .order_by("id")
            .values("id", "page_id", "action", "document", "attempts", "next_attempt_at")[
                :PUSH_BATCH
            ]
        )
        if not rows:
            break
        seen_up_to = rows[-1]["id"]
        newest = _newest_per_page(rows)
        due = [
            r for r in newest.values() if not r["next_attempt_at"] or r["next_attempt_at"] <= now
        ]
        if due:
            try:
                index.ensure_index(engine)
                refused = index.write(engine, [_as_write(row) for row in due])
            except engine_errors() as error:
                logger.warning("Library changes wait: %s is unreachable (%s)", engine.kind, error)
                return False
            for row in due:
                reason = refused.get(row["page_id"])
                if reason:
                    logger.warning("The engine refused page %s: %s", row["page_id"], reason)
                    LibraryChange.objects.filter(pk=row["id"]).update(
                        attempts=F("attempts") + 1,
                        last_error=reason,
                        next_attempt_at=now + _retry_delay(row["attempts"] + 1),
                    )
            applied = {r["page_id"]: r["id"] for r in due if r["page_id"] not in refused}
            _mark_applied(applied, now)
            applied_any = applied_any or bool(applied)
        if len(rows) < PUSH_BATCH:
            break
    if applied_any:
        library_changed()
    return True


def snapshot_for_rebuild():
    """The log position, and every record as a write at the version of its newest change.

    The position is read first and the records with their versions in one statement, so any
    change not in the snapshot is after the position or still pending: `changes_since` has it."""
    position = LibraryChange.objects.aggregate(n=Max("id"))["n"] or 0
    newest = LibraryChange.objects.filter(page_id=OuterRef("page_id")).order_by("-id")
    records = LibraryRecord.objects.annotate(version=Subquery(newest.values("id")[:1])).values(
        "page_id", "document", "version"
    )
    writes = [
        index.Write(page_id=r["page_id"], version=r["version"] or 1, document=r["document"])
        for r in records.iterator(chunk_size=1000)
    ]
    return position, writes


def changes_since(position, started_at, snapshot=()):
    """Writes for every change after `position`, pending, or applied since `started_at`,
    leaving out those `snapshot` already holds at their version or a newer one (after an
    outage the queue can hold as many changes as the library)."""
    held = {write.page_id: write.version for write in snapshot}
    rows = (
        LibraryChange.objects.filter(
            Q(id__gt=position) | Q(applied_at__isnull=True) | Q(applied_at__gte=started_at)
        )
        .order_by("id")
        .values("id", "page_id")
    )
    wanted = [
        row["id"]
        for row in _newest_per_page(rows.iterator()).values()
        if held.get(row["page_id"], 0) < row["id"]
    ]
    changes = LibraryChange.objects.filter(id__in=wanted).order_by("id")
    return [_as_write(row) for row in changes.values("id", "page_id", "action", "document")]


def prune_applied(older_than=timedelta(days=7)):
    """Forget changes the engine has had for a week; a rebuild only replays recent ones."""
    cutoff = timezone.now() - older_than
    deleted, _ = LibraryChange.objects.filter(applied_at__lt=cutoff).delete()
    return deleted


def queue_state():
    """How far behind the engine is: pending and refused changes, the oldest pending one."""
    pending = LibraryChange.objects.pending()
    oldest = pending.order_by("id").values_list("created_at", flat=True).first()
    return {
        "pending": pending.count(),
        "failing": LibraryChange.objects.failing().count(),
        "oldest_pending_seconds": round((timezone.now() - oldest).total_seconds(), 1)
        if oldest
        else 0,
    }
