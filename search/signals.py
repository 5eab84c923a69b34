"""Keep the library in step whenever something the public can see may have changed.

The database copy changes in the editor's own transaction, so a page taken down is gone from
every answer as soon as that transaction commits, whatever the worker or the engine are doing.
Work that can wait (re-indexing a whole section, applying the log to the engine) is queued.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.versions import library_changed, pages_around_the_library_changed

from .documents import type_of
from .facets import facet_of_taxonomy, taxonomy_models
from .sync import refresh_record, remove_hidden_below, remove_records
from .tasks import push_library_changes, update_library_subtree, update_pages_with_value


def _enqueue(task, *args):
    # After commit, so the worker sees the change; never makes the editor wait on the engine.
    transaction.on_commit(lambda: task.enqueue(*args))


def on_published(sender, instance, **kwargs):
    if type_of(instance):
        refresh_record(instance.pk)
        _enqueue(push_library_changes)
    else:
        # Kept library pages show the site's navigation, which any page may be in.
        pages_around_the_library_changed()


def on_unpublished(sender, instance, **kwargs):
    if not type_of(instance):
        pages_around_the_library_changed()
    else:
        # Taken down whatever its saved row says: Wagtail unpublishes a page it is about to
        # delete without saving it, so the row still says live while the page is removed.
        with transaction.atomic():
            remove_records([instance.pk], always=True)
        _enqueue(push_library_changes)


def on_deleted(sender, instance, **kwargs):
    from .models import LibraryRecord

    if not isinstance(instance, Page):
        return
    pages_around_the_library_changed()
    if type_of(instance) or LibraryRecord.objects.filter(page_id=instance.pk).exists():
        remove_records([instance.pk], always=True)
        _enqueue(push_library_changes)


def on_moved(sender, instance, **kwargs):
    pages_around_the_library_changed()
    remove_hidden_below(instance.pk)
    _enqueue(update_library_subtree, instance.pk)


def on_slug_changed(sender, instance, **kwargs):
    # Sent once the rename is committed: every page below has a new address.
    update_library_subtree.enqueue(instance.pk)


def on_restriction_changed(sender, instance, **kwargs):
    pages_around_the_library_changed()
    remove_hidden_below(instance.page_id)
    _enqueue(update_library_subtree, instance.page_id)


def remember_taxonomy_slug(sender, instance, **kwargs):
    old = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    instance._library_slug_before = old


def on_taxonomy_changed(sender, instance, **kwargs):
    # A renamed sector, driver or borough changes the labels on every library page: now, for
    # this process, and again once the change is committed, for pages rendered meanwhile.
    library_changed()
    transaction.on_commit(library_changed)
    facet = facet_of_taxonomy(sender)
    slug = getattr(instance, "_library_slug_before", None) or instance.slug
    if kwargs.get("created"):
        return
    # The documents carry the slug and its label: re-index every page that had the old one.
    _enqueue(update_pages_with_value, facet, slug)


def connect():
    for model in taxonomy_models():
        name = model._meta.model_name
        pre_save.connect(remember_taxonomy_slug, sender=model, dispatch_uid=f"lib-{name}-b")
        post_save.connect(on_taxonomy_changed, sender=model, dispatch_uid=f"lib-{name}-s")
        post_delete.connect(on_taxonomy_changed, sender=model, dispatch_uid=f"lib-{name}-d")
    page_published.connect(on_published, dispatch_uid="library-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="library-unpublished")
    pre_delete.connect(on_deleted, dispatch_uid="library-deleted")
    post_page_move.connect(on_moved, dispatch_uid="library-moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="library-slug-changed")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="lib-r-s")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="lib-r-d")
