"""The library's backends under test: Elasticsearch, OpenSearch and the database fallback."""

import uuid

import pytest

from search import index
from search.engine import configured_engine
from tests.conftest import engine


@pytest.fixture(params=["elasticsearch", "opensearch", "database"])
def library_backend(request, settings):
    """Point the library at one backend, with an index of its own for this test."""
    settings.LIBRARY_INDEX_PREFIX = f"test-library-{uuid.uuid4().hex[:10]}"
    if request.param == "database":
        settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
        yield request.param
        return
    config = engine(request.param)
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": "", request.param: config.url}
    index.ensure_index(configured_engine())
    yield request.param
    index.drop(config)


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run what publishing queues (the index update) as the commit would, inside the test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
