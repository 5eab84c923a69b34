"""Fixtures for the search insight tests: the library on each backend, people in each role,
and the counts as they were saved."""

import pytest

from insight.models import DailySearch
from tests.moderation.conftest import champion, moderator, person  # noqa: F401
from tests.search.conftest import indexed, library_backend  # noqa: F401 - shared fixtures

__all__ = ["champion", "indexed", "library_backend", "moderator", "person"]


@pytest.fixture
def database_library(settings):
    """The library answering from its database copy: no engine configured."""
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}


def saved():
    """Every saved count as {(words, filters): (searches, found_nothing, results)}."""
    return {
        (row.words, row.filters): (row.searches, row.found_nothing, row.results)
        for row in DailySearch.objects.all()
    }
