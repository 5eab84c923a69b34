"""The one rule for what the public may see, for every page list, link and index on the site.

A page is public when it is live, has no view restriction on it or on any page above it
(password, login or group), and its expiry time, if it has one, has not passed. Wagtail's
scheduled job unpublishes an expired page within a minute; until it does, this rule already
treats it as gone.
"""

from django.db.models import Q
from django.utils import timezone


def public(pages):
    """The public pages of a page queryset."""
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    return pages.live().public().filter(not_expired)


def is_public(page):
    """The same rule for one page in hand."""
    return (
        page.live
        and not (page.expire_at and page.expire_at <= timezone.now())
        and not page.get_view_restrictions().exists()
    )


def public_pages(page_ids):
    """The public pages among `page_ids`, as their own page types and in the order given: one
    query for them all."""
    from wagtail.models import Page

    visible = {page.pk: page for page in public(Page.objects.filter(pk__in=page_ids)).specific()}
    return [visible[pk] for pk in page_ids if pk in visible]


def public_linked_pages(links):
    """The pages behind inline page links that the public may see."""
    return public_pages([link.page_id for link in links.all()])
