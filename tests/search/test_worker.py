"""The real queue: publishing goes through django-tasks' database queue and its worker process."""

import uuid

import pytest

from search import index
from search.engine import configured_engine
from tests.conftest import engine
from tests.practice import case_study
from tests.search.processes import Worker, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def found(client, words):
    return client.get("/api/library/", {"q": words}).json()["count"]


@pytest.fixture
def worker(settings):
    """A `db_worker` process on the test database, with the library on Elasticsearch."""
    config = engine("elasticsearch")
    prefix = f"test-library-{uuid.uuid4().hex[:10]}"
    settings.LIBRARY_INDEX_PREFIX = prefix
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": config.url, "opensearch": ""}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    index.ensure_index(configured_engine())
    worker = Worker("elasticsearch", config.url, prefix).start()
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
    # ...is retired by the worker's process once the change has reached the engine.
    assert "Youth voice panels" in client.get("/library/", {"q": "panels"}).content.decode()

    page.unpublish()
    took = wait_until(lambda: found(client, "panels") == 0, 2.0)
    assert took is not None, "an unpublished page was still findable after two seconds"
    assert worker.alive()
