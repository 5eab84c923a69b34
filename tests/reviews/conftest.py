"""People in each role, and practice pages with the review dates a test needs."""

import datetime

from django.utils import timezone

import pytest

from casestudies.models import RecommendationPage
from core.versions import library_changed
from tests.moderation.conftest import (  # noqa: F401
    champion,
    index,
    moderator,
    other_champion,
    person,
)
from tests.practice import case_study, publish_page, recommendation_index, sector

__all__ = ["champion", "index", "moderator", "other_champion", "person"]


@pytest.fixture
def today():
    return timezone.localdate()


def days(n):
    return datetime.timedelta(days=n)


def with_review_dates(page, last_reviewed=None, review_by=None, owner=None):
    """Give a published page the review dates (and owner) of a page published long ago."""
    fields = {"last_reviewed": last_reviewed, "review_by": review_by}
    if owner is not None:
        fields["owner"] = owner
    type(page).objects.filter(pk=page.pk).update(**fields)
    page.refresh_from_db()
    # Written behind the site's back: retire kept pages, as the publish, the confirmed review
    # or the new day that really changes these dates does.
    library_changed()
    return page


def reviewed_case_study(title, review_by, owner=None, last_reviewed=None, **fields):
    page = case_study(title, **fields)
    return with_review_dates(
        page, last_reviewed or review_by - datetime.timedelta(days=365), review_by, owner
    )


def recommendation(title="Ask before you touch", publish=True, sectors=(), **fields):
    page = RecommendationPage(
        title=title,
        summary="Staff ask before any physical contact.",
        audience=RecommendationPage.Audience.IMPLEMENTERS,
        actions=[("action", {"action": "Ask first", "detail": ""})],
        **fields,
    )
    page.sectors = [sector(slug) for slug in sectors]
    if publish:
        return publish_page(recommendation_index(), page)
    recommendation_index().add_child(instance=page)
    page.save_revision()
    return page
