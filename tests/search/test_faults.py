"""The library through real faults: the engine killed, frozen, refusing writes, rebuilt under
an editor's feet, and the worker stopped. Nothing published is lost and nothing taken down is
ever shown, with nobody editing again once the fault is over."""

import http.client
import json
import statistics
import threading
import time
import uuid

from django.utils import timezone

import pytest

from search import breaker, index
from search.engine import EngineConfig, client_for, configured_engine, engine_errors
from search.models import LibraryChange
from search.sync import changes_since, snapshot_for_rebuild
from tests.conftest import engine, health
from tests.practice import case_study
from tests.search.processes import PrivateNode, Worker, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def private_node():
    node = PrivateNode()
    node.start()
    yield node
    node.stop()


@pytest.fixture
def prefix(settings):
    settings.LIBRARY_INDEX_PREFIX = f"test-faults-{uuid.uuid4().hex[:10]}"
    return settings.LIBRARY_INDEX_PREFIX


def use_engine(settings, kind, url, queue=False):
    """Point this process's library at an engine; with `queue`, publishing goes to the worker."""
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": "", kind: url}
    if queue:
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    config = configured_engine()
    index.ensure_index(config)
    return config


def in_engine(config, word):
    """Page ids the engine itself holds for a title word (no read-time guard), or None."""
    try:
        response = client_for(config).search(
            index=index.alias_name(),
            body={"query": {"match": {"title": word}}, "size": 50, "_source": ["page_id"]},
        )
    except engine_errors():
        return None
    return {hit["_source"]["page_id"] for hit in response["hits"]["hits"]}


class Watch:
    """Asks the public API again and again, and remembers if a removed title ever showed."""

    def __init__(self, client, word):
        self.client, self.word = client, word
        self.removed = set()
        self.seen_removed = []
        self.answers = 0

    def titles(self):
        response = self.client.get("/api/library/", {"q": self.word})
        assert response.status_code == 200
        self.answers += 1
        titles = {result["title"] for result in response.json()["results"]}
        self.seen_removed += sorted(titles & self.removed)
        return titles, response.json()["backend"]


def test_changes_made_while_the_engine_is_killed_land_when_it_returns(
    client, settings, private_node, prefix
):
    config = use_engine(settings, "elasticsearch", private_node.url, queue=True)
    worker = Worker("elasticsearch", private_node.url, prefix).start()
    try:
        kept = case_study("Harbour kept practice")
        leaving = case_study("Harbour leaving practice")
        assert wait_until(lambda: in_engine(config, "harbour") == {kept.pk, leaving.pk}, 30)
        watch = Watch(client, "harbour")

        private_node.kill()
        arriving = case_study("Harbour arriving practice")
        leaving.unpublish()
        watch.removed.add(leaving.title)
        # While the engine is dead, the library answers from its database copy at once.
        titles, backend = watch.titles()
        assert backend == "database"
        assert titles == {kept.title, arriving.title}
        assert in_engine(config, "harbour") is None

        private_node.restart()
        took = wait_until(
            lambda: watch.titles() and in_engine(config, "harbour") == {kept.pk, arriving.pk}, 10
        )
        assert took is not None, "the changes made during the outage did not reach the engine"
        assert wait_until(
            lambda: watch.titles() == ({kept.title, arriving.title}, "elasticsearch"), 10
        )
        assert not LibraryChange.objects.pending().exists()
        assert watch.seen_removed == [], "an unpublished page was shown"
    finally:
        worker.stop()
        index.drop(config)


def _get(port, path):
    """Status and body of one GET on its own connection to the live server."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_a_frozen_engine_does_not_stall_the_library(live_server, settings, private_node, prefix):
    settings.LIBRARY_PAGE_CACHE = False  # every request asks the engine
    config = use_engine(settings, "elasticsearch", private_node.url)
    case_study("Lighthouse steady practice")
    port = int(live_server.url.rsplit(":", 1)[1])
    words = ["lighthouse", "custody", "calm", "young", "trust", "school", "nurse", "panels"]
    requests = []  # (started, seconds, status)
    stop = threading.Event()

    def client(n):
        i = n
        while not stop.is_set():
            path = f"/api/library/?q={words[i % len(words)]}" if i % 2 else "/library/?q=calm"
            i += 1
            started = time.monotonic()
            status, _ = _get(port, path)
            requests.append((started, time.monotonic() - started, status))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2)
        private_node.freeze()
        frozen_at = time.monotonic()
        opened = wait_until(lambda: breaker.is_open(config), 15, every=0.02)
        opened_at = time.monotonic()
        time.sleep(max(0.0, 15 - (opened_at - frozen_at)))
    finally:
        private_node.thaw()
        thawed_at = time.monotonic()
        time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert opened is not None, "the breaker never opened while the engine was frozen"
    assert [r for r in requests if r[2] >= 500] == [], "a request failed while the engine froze"
    during = sorted(seconds for started, seconds, _ in requests if opened_at <= started < thawed_at)
    assert len(during) > 50
    p95 = statistics.quantiles(during, n=20)[18]
    assert p95 <= 1.0, f"library p95 {p95:.2f} s while the breaker was open"
    # Once thawed, the engine answers again after the breaker's next probe.
    assert wait_until(
        lambda: json.loads(_get(port, "/api/library/")[1])["backend"] == "elasticsearch", 15
    ), "the library did not return to the engine after the freeze"


@pytest.mark.parametrize("kind", ["elasticsearch", "opensearch"])
def test_a_refused_write_is_retried_until_it_lands(client, settings, prefix, kind):
    config = use_engine(settings, kind, engine(kind).url, queue=True)
    worker = Worker(kind, config.url, prefix).start()
    engine_client = client_for(config)
    try:
        case_study("Lantern warm-up practice")
        assert wait_until(lambda: in_engine(config, "warm-up"), 30), "the worker never ran"
        engine_client.indices.put_settings(
            index=index.alias_name(), body={"index": {"blocks": {"write": True}}}
        )
        refused = case_study("Lantern refused practice")
        assert wait_until(lambda: LibraryChange.objects.failing().exists(), 15)
        change = LibraryChange.objects.failing().get()
        assert change.page_id == refused.pk
        assert "block" in change.last_error
        assert in_engine(config, "refused") == set()

        engine_client.indices.put_settings(
            index=index.alias_name(), body={"index": {"blocks": {"write": False}}}
        )
        assert wait_until(lambda: in_engine(config, "refused") == {refused.pk}, 20)
        assert wait_until(lambda: not LibraryChange.objects.pending().exists(), 5)
    finally:
        worker.stop()
        engine_client.indices.put_settings(
            index=f"{index.alias_name()}-v*", body={"index": {"blocks": {"write": False}}}
        )
        index.drop(config)


@pytest.mark.parametrize("kind", ["elasticsearch", "opensearch"])
def test_a_page_unpublished_during_a_rebuild_is_absent_after_the_swap(settings, prefix, kind):
    config = use_engine(settings, kind, engine(kind).url)
    pages = [case_study(f"Window rebuilt practice {n}") for n in range(3)]
    assert in_engine(config, "window") == {page.pk for page in pages}
    started_at = timezone.now()
    position, snapshot = snapshot_for_rebuild()

    def unpublish_while_loading(done):
        # Applied at once through the alias, to the index the swap is about to retire.
        pages[0].unpublish()

    try:
        index.rebuild(
            config,
            snapshot,
            lambda: changes_since(position, started_at, snapshot),
            on_progress=unpublish_while_loading,
        )
        assert in_engine(config, "window") == {pages[1].pk, pages[2].pk}
    finally:
        index.drop(config)


def test_an_engine_frozen_at_the_merge_fails_the_rebuild_soon_and_the_old_index_serves(
    settings, private_node, prefix, monkeypatch
):
    """A rebuild waits long for a merge the engine is working on, but not for an engine that
    has stopped answering: that fails within the engine timeout, as any other step would."""
    config = use_engine(settings, "elasticsearch", private_node.url)
    pages = [case_study(f"Harbour merged practice {n}") for n in range(3)]
    (serving,) = index.indexes_behind_alias(config)
    merge = index.merge_segments

    def freeze_then_merge(*args, **kwargs):
        private_node.freeze()
        return merge(*args, **kwargs)

    monkeypatch.setattr(index, "merge_segments", freeze_then_merge)
    started_at = timezone.now()
    position, snapshot = snapshot_for_rebuild()
    began = time.monotonic()
    try:
        with pytest.raises(engine_errors()):
            index.rebuild(config, snapshot, lambda: changes_since(position, started_at, snapshot))
        took = time.monotonic() - began
    finally:
        private_node.thaw()
    # The merge would wait ten minutes; the engine timeout is seconds (three steps fail on it).
    assert took < index.MERGE_TIMEOUT / 10, f"the rebuild waited {took:.0f} s on a frozen engine"
    assert index.indexes_behind_alias(config) == [serving]
    assert in_engine(config, "harbour") == {page.pk for page in pages}

    # Thawed, the next rebuild completes, merged, and clears what the failed one left.
    monkeypatch.setattr(index, "merge_segments", merge)
    position, snapshot = snapshot_for_rebuild()
    try:
        rebuilt = index.rebuild(
            config, snapshot, lambda: changes_since(position, started_at, snapshot)
        )
        assert index.indexes_behind_alias(config) == [rebuilt]
        assert sorted(client_for(config).indices.get(index=f"{prefix}-v*")) == [rebuilt]
        assert in_engine(config, "harbour") == {page.pk for page in pages}
    finally:
        index.drop(config)


def test_scheduled_go_live_and_expiry_reach_the_library(client, settings, prefix):
    config = use_engine(settings, "elasticsearch", engine("elasticsearch").url, queue=True)
    worker = Worker("elasticsearch", config.url, prefix).start()
    try:
        dawn = case_study("Dawn scheduled practice", publish=False)
        dawn.go_live_at = timezone.now() + timezone.timedelta(seconds=3)
        dawn.save_revision().publish()
        dusk = case_study("Dusk expiring practice")
        dusk.expire_at = timezone.now() + timezone.timedelta(seconds=3)
        dusk.save_revision().publish()
        dawn.refresh_from_db()
        assert not dawn.live
        assert in_engine(config, "dawn") == set()

        def found(word):
            return client.get("/api/library/", {"q": word}).json()["count"]

        took = wait_until(lambda: found("dawn") == 1 and found("dusk") == 0, 120, every=0.5)
        assert took is not None, "scheduled publishing or expiry did not reach the library"
        assert in_engine(config, "dawn") == {dawn.pk}
        assert in_engine(config, "dusk") == set()
    finally:
        worker.stop()
        index.drop(config)


def test_healthz_says_when_the_worker_has_stopped_and_its_work_waits(client, settings, prefix):
    config = use_engine(settings, "elasticsearch", engine("elasticsearch").url, queue=True)
    settings.LIBRARY_WORKER_STALE_SECONDS = 3
    worker = Worker("elasticsearch", config.url, prefix).start()
    try:
        assert wait_until(lambda: client.get("/healthz").status_code == 200, 30)
        assert health(client).json()["search"]["worker"]["status"] == "running"

        worker.kill()
        took = wait_until(lambda: client.get("/healthz").status_code == 503, 10)
        assert took is not None, "/healthz did not notice the worker had stopped"
        body = health(client).json()
        assert body["search"]["worker"]["status"] == "not running"

        page = case_study("Beacon waiting practice")
        assert health(client).json()["search"]["queue"]["pending"] >= 1
        assert in_engine(config, "beacon") == set()
        # The database copy serves it meanwhile; the engine gets it when a worker returns.
        worker = Worker("elasticsearch", config.url, prefix).start()
        assert wait_until(lambda: in_engine(config, "beacon") == {page.pk}, 15)
        assert wait_until(lambda: client.get("/healthz").status_code == 200, 10)
    finally:
        worker.stop()
        index.drop(config)


def test_a_stale_engine_answer_never_shows_a_page_taken_down(client, settings, prefix):
    """The read-time guard: the engine still holds the page, the library does not show it."""
    config = use_engine(settings, "elasticsearch", engine("elasticsearch").url, queue=True)
    try:
        page = case_study("Ember guarded practice")
        index.write(config, [index.Write(page.pk, 1, {**_document_of(page)})])
        page.unpublish()  # no worker runs: the engine keeps its copy
        assert in_engine(config, "ember") == {page.pk}
        body = client.get("/api/library/", {"q": "ember"}).json()
        assert body["backend"] == "elasticsearch"
        assert body["results"] == [] and body["count"] == 0
        assert client.get("/api/library/suggest/", {"q": "ember"}).json()["suggestions"] == []
    finally:
        index.drop(config)


def _document_of(page):
    from search.documents import library_document

    return library_document(page)


def test_the_client_knows_every_node_of_a_cluster(settings):
    config = EngineConfig("elasticsearch", "http://127.0.0.1:9200, http://127.0.0.1:9201")
    assert config.hosts == ["http://127.0.0.1:9200", "http://127.0.0.1:9201"]
    nodes = client_for(config).transport.node_pool.all()
    assert sorted(node.base_url for node in nodes) == config.hosts
