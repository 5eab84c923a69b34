"""The real queue: publishing goes through django-tasks' database queue and its worker process."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.db import connection

import pytest

from search import index
from search.engine import configured_engine
from tests.conftest import engine
from tests.practice import case_study

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def found(client, words):
    return client.get("/api/library/", {"q": words}).json()["count"]


def wait_until(condition, seconds):
    """Seconds it took for `condition` to hold, or None if it did not within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.05)
    return None


@pytest.fixture
def worker(settings):
    """A `db_worker` process on the test database, with the library on Elasticsearch."""
    config = engine("elasticsearch")
    prefix = f"test-library-{uuid.uuid4().hex[:10]}"
    settings.LIBRARY_INDEX_PREFIX = prefix
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": config.url, "opensearch": ""}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    index.ensure_index(configured_engine())
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tilondon.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "ELASTICSEARCH_URL": config.url,
        "OPENSEARCH_URL": "",
        "LIBRARY_INDEX_PREFIX": prefix,
        "TASKS_BACKEND": "database",
    }
    process = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield process
    process.terminate()
    process.wait(timeout=20)
    index.drop(config)


def test_the_worker_makes_a_published_page_findable_and_removes_it(client, worker):
    # The worker is warm once it has handled a first page.
    case_study("Warm-up practice")
    assert wait_until(lambda: found(client, "warm-up") == 1, 30) is not None, "worker never ran"

    page = case_study("Youth voice panels")
    took = wait_until(lambda: found(client, "panels") == 1, 2.0)
    assert took is not None, "a published page was not findable within two seconds"

    page.unpublish()
    took = wait_until(lambda: found(client, "panels") == 0, 2.0)
    assert took is not None, "an unpublished page was still findable after two seconds"
    assert worker.poll() is None
