"""The library keeps serving through an engine outage and through a full rebuild."""

from django.core.management import call_command
from django.utils import timezone

import elastic_transport
import opensearchpy
import pytest

from search import index
from search.documents import library_document
from search.engine import (
    EngineConfig,
    client_for,
    configured_engine,
    engine_errors,
    merge_segments,
)
from search.models import LibraryChange
from search.sync import changes_since, push_to_engine, snapshot_for_rebuild
from tests.practice import case_study

pytestmark = pytest.mark.django_db

ENGINES = ["elasticsearch", "opensearch"]


def page_document(page):
    return library_document(page.specific)


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_outage_falls_back_and_catches_up(client, settings, library_backend, indexed, unused_port):
    with indexed():
        case_study("Before the outage")
    live_urls = dict(settings.SEARCH_ENGINE_URLS)

    # The engine goes away: nothing listens on its address any more.
    settings.SEARCH_ENGINE_URLS = {**live_urls, library_backend: f"http://127.0.0.1:{unused_port}"}
    with indexed():
        page = case_study("Published during the outage")
    assert LibraryChange.objects.pending().filter(page_id=page.pk).exists()
    body = client.get("/api/library/", {"q": "outage"}).json()
    assert body["backend"] == "database"
    assert body["notice"]
    assert {r["title"] for r in body["results"]} == {
        "Before the outage",
        "Published during the outage",
    }
    html = client.get("/library/", {"q": "outage"}).content.decode()
    assert "simpler mode" in html and "Published during the outage" in html
    assert client.get("/healthz").json()["search"]["status"] == "down"

    # The engine returns; the queued change lands.
    settings.SEARCH_ENGINE_URLS = live_urls
    assert push_to_engine() is True
    body = client.get("/api/library/", {"q": "outage"}).json()
    assert body["backend"] == library_backend
    assert body["count"] == 2
    assert not LibraryChange.objects.pending().exists()


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_rebuild_swaps_the_alias_and_keeps_serving(client, library_backend, indexed):
    with indexed():
        for n in range(3):
            case_study(f"Rebuilt practice {n}")
    engine = configured_engine()
    before = index.indexes_behind_alias(engine)
    assert client.get("/api/library/", {"q": "rebuilt"}).json()["count"] == 3

    call_command("rebuild_library_index")

    after = index.indexes_behind_alias(engine)
    assert len(after) == 1 and after != before
    assert client.get("/api/library/", {"q": "rebuilt"}).json()["count"] == 3
    remaining = client_for(engine).indices.get(index=f"{index.alias_name()}-v*")
    assert list(remaining) == after  # the old index was cleaned up
    assert segment_count(engine, after[0]) == 1  # merged before readers saw it


def segment_count(engine, name):
    shards = client_for(engine).indices.segments(index=name)["indices"][name]["shards"]
    return sum(len(copy["segments"]) for copies in shards.values() for copy in copies)


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_merging_segments_keeps_every_document_and_answer(client, library_backend, indexed):
    # Each publish is written and refreshed on its own, leaving a segment each.
    for n in range(3):
        with indexed():
            case_study(f"Merged practice {n}")
    engine = configured_engine()
    (name,) = index.indexes_behind_alias(engine)
    assert segment_count(engine, name) > 1

    merge_segments(engine, name, wait_seconds=60)

    assert segment_count(engine, name) == 1
    body = client.get("/api/library/", {"q": "merged"}).json()
    assert body["count"] == 3
    assert {r["title"] for r in body["results"]} == {f"Merged practice {n}" for n in range(3)}


def library_indexes(engine):
    return sorted(client_for(engine).indices.get(index=f"{index.alias_name()}-v*"))


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_a_refused_rebuild_deletes_its_half_built_index_and_the_old_one_serves(
    client, library_backend, indexed
):
    with indexed():
        page = case_study("Still served")
    engine = configured_engine()
    before = index.indexes_behind_alias(engine)
    assert library_indexes(engine) == before
    good = index.Write(page_id=page.pk, version=1, document=page_document(page))
    # The mapping is strict: a document with a field it does not know is refused.
    bad = index.Write(
        page_id=page.pk + 1,
        version=1,
        document={"page_id": page.pk + 1, "type": "case-study", "unexpected_field": "refused"},
    )

    with pytest.raises(index.RebuildRefused, match=f"page {page.pk + 1}: "):
        index.rebuild(engine, [good, bad], lambda: [])

    assert index.indexes_behind_alias(engine) == before
    assert library_indexes(engine) == before, "the half-built index was left behind"
    assert client.get("/api/library/", {"q": "served"}).json()["count"] == 1


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_a_refused_replay_deletes_its_half_built_index(client, library_backend, indexed):
    with indexed():
        page = case_study("Still served")
    engine = configured_engine()
    before = index.indexes_behind_alias(engine)
    good = index.Write(page_id=page.pk, version=1, document=page_document(page))
    refused_change = index.Write(
        page_id=page.pk, version=2, document={"page_id": page.pk, "unexpected_field": "refused"}
    )

    with pytest.raises(index.RebuildRefused):
        index.rebuild(engine, [good], lambda: [refused_change])

    assert index.indexes_behind_alias(engine) == before
    assert library_indexes(engine) == before, "the half-built index was left behind"
    assert client.get("/api/library/", {"q": "served"}).json()["count"] == 1


CONNECTION_ERRORS = {
    "elasticsearch": elastic_transport.ConnectionError,
    "opensearch": opensearchpy.exceptions.ConnectionError,
}


@pytest.mark.parametrize("kind", ENGINES)
def test_a_rebuild_on_an_unreachable_engine_raises_the_clients_connection_error(kind, unused_port):
    engine = EngineConfig(kind=kind, url=f"http://127.0.0.1:{unused_port}")

    with pytest.raises(CONNECTION_ERRORS[kind]) as raised:
        index.rebuild(engine, [], lambda: [])

    assert isinstance(raised.value, engine_errors())


@pytest.mark.parametrize("library_backend", ["elasticsearch"], indirect=True)
def test_a_rebuild_replays_only_changes_its_snapshot_does_not_hold(
    settings, library_backend, indexed, unused_port
):
    live_urls = dict(settings.SEARCH_ENGINE_URLS)
    settings.SEARCH_ENGINE_URLS = {**live_urls, library_backend: f"http://127.0.0.1:{unused_port}"}
    with indexed():
        held = case_study("Queued while the engine was away")
        changed = case_study("Queued, then changed again")
    started_at = timezone.now()
    position, snapshot = snapshot_for_rebuild()
    assert {w.page_id for w in changes_since(position, started_at)} == {held.pk, changed.pk}
    assert changes_since(position, started_at, snapshot) == []

    changed.title = "Changed after the snapshot"
    changed.save_revision().publish()
    replay = changes_since(position, started_at, snapshot)
    assert [(w.page_id, w.document["title"]) for w in replay] == [
        (changed.pk, "Changed after the snapshot")
    ]
    assert replay[0].version > dict((w.page_id, w.version) for w in snapshot)[changed.pk]
