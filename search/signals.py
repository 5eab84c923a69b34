"""Queue a library update whenever something the public can see may have changed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .documents import type_of
from .page_cache import library_changed
from .tasks import update_library_page, update_library_subtree


def _enqueue(task, page_id):
    # After commit, so the worker sees the change; never makes the editor wait on the engine.
    transaction.on_commit(lambda: task.enqueue(page_id))


def on_published(sender, instance, **kwargs):
    if type_of(instance):
        _enqueue(update_library_page, instance.pk)


def on_unpublished(sender, instance, **kwargs):
    if type_of(instance):
        _enqueue(update_library_page, instance.pk)


def on_deleted(sender, instance, **kwargs):
    from .models import LibraryRecord

    if isinstance(instance, Page) and LibraryRecord.objects.filter(page_id=instance.pk).exists():
        _enqueue(update_library_page, instance.pk)


def on_moved(sender, instance, **kwargs):
    _enqueue(update_library_subtree, instance.pk)


def on_restriction_changed(sender, instance, **kwargs):
    _enqueue(update_library_subtree, instance.page_id)


def on_taxonomy_changed(sender, instance, **kwargs):
    # A renamed sector, driver or borough changes the labels on every library page: now, for
    # this process, and again once the change is committed, for pages rendered meanwhile.
    library_changed()
    transaction.on_commit(library_changed)


def connect():
    from casestudies.models import Borough, DriverOfChange, Sector

    for model in (Sector, DriverOfChange, Borough):
        name = model._meta.model_name
        post_save.connect(on_taxonomy_changed, sender=model, dispatch_uid=f"lib-{name}-s")
        post_delete.connect(on_taxonomy_changed, sender=model, dispatch_uid=f"lib-{name}-d")
    page_published.connect(on_published, dispatch_uid="library-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="library-unpublished")
    pre_delete.connect(on_deleted, dispatch_uid="library-deleted")
    post_page_move.connect(on_moved, dispatch_uid="library-moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="lib-r-s")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="lib-r-d")
