"""Retire kept library pages when a driver's page comes or goes.

The library names each driver with a link to its page, and "What the drivers of change mean"
links to the index, so a rendered library page kept from before would still link to a page
taken down, or miss one just published. Nothing in the library index changes, only the kept
pages are retired: in the editor's own transaction and again after it commits, as the library
does for its own changes.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.versions import pages_around_the_library_changed


def retire_kept_library_pages(**kwargs):
    pages_around_the_library_changed()


def on_restriction_changed(sender, instance, **kwargs):
    from .models import DriverPage

    if DriverPage.objects.descendant_of(instance.page, inclusive=True).exists():
        retire_kept_library_pages()


def connect():
    from .models import DriverPage, HowChangeHappensPage

    for model in (DriverPage, HowChangeHappensPage):
        name = model._meta.model_name
        for signal, what in (
            (page_published, "published"),
            (page_unpublished, "unpublished"),
            (post_page_move, "moved"),
            (page_slug_changed, "slug"),
            (post_delete, "deleted"),
        ):
            signal.connect(
                retire_kept_library_pages, sender=model, dispatch_uid=f"drivers-{name}-{what}"
            )
    for signal, what in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"drivers-restriction-{what}",
        )
