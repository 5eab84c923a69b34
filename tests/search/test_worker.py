"""The real queue: publishing goes through django-tasks' database queue and its worker process."""

import uuid

import pytest

from search import index
from search.engine import configured_engine
from search.engine import search as engine_search
from tests.conftest import engine
from tests.practice import case_study
from tests.search.processes import Worker, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def found(client, words):
    return client.get("/api/library/", {"q": words}).json()["count"]


def in_engine(words):
    """How many documents the engine itself holds for `words`, without the read-time guard."""
    response = engine_search(
        configured_engine(),
        index.alias_name(),
        {"query": {"match": {"title": words}}, "size": 0, "track_total_hits": True},
    )
    return response["hits"]["total"]["value"]


@pytest.fixture(params=["elasticsearch", "opensearch"])
def worker(request, settings):
    """A `db_worker` process on the test database, with the library on each engine in turn."""
    kind = request.param
    config = engine(kind)
    prefix = f"test-library-{uuid.uuid4().hex[:10]}"
    settings.LIBRARY_INDEX_PREFIX = prefix
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": "", kind: config.url}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    index.ensure_index(configured_engine())
    worker = Worker(kind, config.url, prefix).start()
    worker.kind = kind
    yield worker
    worker.stop()
    index.drop(config)


def test_the_worker_makes_a_published_page_findable_and_removes_it(client, worker):
    # The worker is warm once it has handled a first page.
    case_study("Warm-up practice")
    assert wait_until(lambda: found(client, "warm-up") == 1, 30) is not None, "worker never ran"

    # The public's kept library page, in the shared cache table, before the publish...
    assert "Youth voice panels" not in client.get("/library/", {"q": "panels"}).content.decode()
    page = case_study("Youth voice panels")
    took = wait_until(lambda: found(client, "panels") == 1, 2.0)
    assert took is not None, "a published page was not findable within two seconds"
    assert client.get("/api/library/", {"q": "panels"}).json()["backend"] == worker.kind
    assert in_engine("panels") == 1
    # ...is retired by the worker's process once the change has reached the engine.
    assert "Youth voice panels" in client.get("/library/", {"q": "panels"}).content.decode()

    page.unpublish()
    # Gone from every answer at once (the read-time guard), and from the engine by the worker.
    assert found(client, "panels") == 0
    took = wait_until(lambda: in_engine("panels") == 0, 2.0)
    assert took is not None, "the worker did not remove an unpublished page within two seconds"
    assert worker.alive()
