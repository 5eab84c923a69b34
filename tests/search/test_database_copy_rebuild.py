"""Rebuilding the database copy: the same records whether batches are built ahead in a second
thread (committed pages, on PostgreSQL) or one after the other (inside a transaction)."""

from django.db import connection, transaction

import pytest

from search import sync
from search.documents import library_document
from search.models import LibraryFacetValue, LibraryRecord
from tests.practice import case_study

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _copy():
    return {
        record.page_id: (
            record.document,
            sorted(LibraryFacetValue.objects.filter(record=record).values_list("facet", "value")),
        )
        for record in LibraryRecord.objects.all()
    }


def test_a_rebuild_writes_every_live_page_whichever_way_its_batches_are_built(monkeypatch):
    monkeypatch.setattr(sync, "REBUILD_BATCH", 2)  # several batches from a few pages
    live = [case_study(f"Practice number {n}") for n in range(5)]
    draft = case_study("A draft nobody may see", publish=False)
    wanted = {page.pk: library_document(page.specific) for page in live}

    LibraryRecord.objects.all().delete()
    assert not connection.in_atomic_block  # committed pages: built ahead on PostgreSQL
    assert sync.rebuild_records() == len(live)
    built_ahead = _copy()

    assert {pk: document for pk, (document, _) in built_ahead.items()} == wanted
    assert draft.pk not in built_ahead
    assert all(facets for _, facets in built_ahead.values())

    LibraryRecord.objects.all().delete()
    with transaction.atomic():  # inside a transaction: one batch after the other
        assert sync.rebuild_records() == len(live)
    assert _copy() == built_ahead


def test_a_rebuild_with_no_live_page_empties_the_copy():
    draft = case_study("A draft nobody may see", publish=False)
    LibraryRecord.objects.create(
        page_id=draft.pk, type="case-study", title="Left over", search_text="", document={}
    )

    assert not connection.in_atomic_block
    assert sync.rebuild_records() == 0
    assert not LibraryRecord.objects.exists()
