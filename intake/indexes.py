"""Wagtail's own indexes for the pages an import wrote: the admin's search index and the
reference index (what uses each image and page).

Every page save queues an update of each, four for every new page. While an import writes,
those per-save updates are held back (Wagtail's thread-local switch for references; the search
index's save handler is disconnected for the practice page types, and connected again however
the import ends), and one task brings both indexes up to date for all the import's pages once
it has committed. Signals are process-wide: see `intake.notifications` for why that is safe
where imports run.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save

from wagtail.models import Page, ReferenceIndex
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update

from django_tasks import task
from modelsearch.signal_handlers import post_save_signal_handler

from .columns import PAGE_TYPES


@contextmanager
def per_save_index_updates_held_back():
    models = [page_type.model for page_type in PAGE_TYPES.values()]
    held = [model for model in models if post_save.disconnect(post_save_signal_handler, model)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in held:
            post_save.connect(post_save_signal_handler, sender=model)


@task()
def index_imported_pages(page_ids):
    for page in Page.objects.filter(pk__in=page_ids).specific():
        index.insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)
    return len(page_ids)
