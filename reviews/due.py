"""Which practice pages are due for review, and confirming one is still accurate.

The review dates themselves are fields of the practice pages (`ReviewDatesMixin` in
casestudies), set on each publish. Here: the live pages whose review date has passed or comes
within `DUE_SOON_DAYS`, who last reviewed each one, and the "still accurate" confirmation,
which moves the dates on without a new revision of the content.
"""

import datetime

from django.apps import apps
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from casestudies.models.mixins import ReviewDatesMixin
from core.versions import pages_around_the_library_changed
from moderation.roles import is_moderator

DUE_SOON_DAYS = 30
CONFIRMED_ACTION = "reviews.still_accurate"
# The page-history entries that count as a review: a publish, or a "still accurate".
REVIEW_ACTIONS = ["wagtail.publish", CONFIRMED_ACTION]


def reviewed_models():
    """The page types that carry review dates."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewDatesMixin) and issubclass(model, Page)
    ]


def _from_each_type(field):
    """A page's `field`, read from the table of whichever reviewed type it is."""
    columns = [F(f"{model._meta.model_name}__{field}") for model in reviewed_models()]
    return Coalesce(*columns) if len(columns) > 1 else columns[0]


def review_due_by(today=None):
    """The last review date that counts as due on `today`."""
    return (today or timezone.localdate()) + datetime.timedelta(days=DUE_SOON_DAYS)


def due_for_review(today=None):
    """Live practice pages whose review date has passed or comes within `DUE_SOON_DAYS`,
    soonest first, each annotated with `review_by`, `last_reviewed` and `last_reviewer_id`
    (who last published it or confirmed it still accurate)."""
    last_review = PageLogEntry.objects.filter(
        page=OuterRef("pk"), action__in=REVIEW_ACTIONS
    ).order_by("-timestamp", "-pk")
    return (
        Page.objects.live()
        .type(*reviewed_models())
        .annotate(
            review_by=_from_each_type("review_by"),
            last_reviewed=_from_each_type("last_reviewed"),
            last_reviewer_id=Subquery(last_review.values("user_id")[:1]),
        )
        .filter(review_by__lte=review_due_by(today))
        .select_related("owner", "content_type")
        .order_by("review_by", "title", "pk")
    )


def can_confirm(user, page):
    """A live practice page's owner or a moderator may say it is still accurate."""
    return (
        isinstance(page, ReviewDatesMixin)
        and page.live
        and (is_moderator(user) or (page.owner_id is not None and page.owner_id == user.pk))
    )


def confirm_still_accurate(page, user, today=None):
    """Record that `page` (a live practice page, as its own type) is still accurate: reviewed
    today, due again in a year. Only the page row changes, not its content, so no new
    revision is saved and nothing is republished; the page history says who confirmed it."""
    today = today or timezone.localdate()
    review_by = page.review_by_after(today)
    type(page).objects.filter(pk=page.pk).update(last_reviewed=today, review_by=review_by)
    page.last_reviewed, page.review_by = today, review_by
    # The page shows when it was last reviewed: pages kept for the public are out of date.
    pages_around_the_library_changed()
    log(
        instance=page,
        action=CONFIRMED_ACTION,
        user=user,
        data={"last_reviewed": today.isoformat(), "review_by": review_by.isoformat()},
    )
    return page
