"""Kept library pages name each driver with a link to its page, so they are retired when a
driver page or the index comes or goes."""

from wagtail.models import PageViewRestriction

import pytest

from core.versions import current_version
from tests.drivers.conftest import driver_page, how_change_happens
from tests.practice import driver

pytestmark = pytest.mark.django_db


def retires(action, indexed):
    before = current_version()
    with indexed():
        action()
    return current_version() != before


def test_publishing_and_unpublishing_a_driver_page_retires_kept_library_pages(indexed):
    how_change_happens()
    trust = driver("relationships", "Relationships and trust")
    pages = []
    assert retires(lambda: pages.append(driver_page(trust)), indexed)
    page = pages[0]
    assert retires(page.unpublish, indexed)
    assert retires(lambda: page.save_revision().publish(), indexed)
    assert retires(
        lambda: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        ),
        indexed,
    )
    assert retires(lambda: page.delete(), indexed)


def test_the_index_coming_or_going_retires_them_too(indexed):
    index = how_change_happens()
    assert retires(index.unpublish, indexed)
