"""Promoted results: up to three pages the moderators recommend for a search phrase.

When someone searches exactly a promotion's words (capitals and spaces aside), its pages show
first on the first page of results, marked "Recommended", in the moderators' order. Only
pages in the database copy of the index are shown, and only those matching the filters
chosen: the copy holds exactly what the public may see now, so a draft, a page in
moderation, an unpublished, expired or restricted page is never promoted. The phrases are
read once per library version; saving or deleting a promotion moves the version on, which
also retires the kept pages that showed the old choice.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.versions import library_changed, per_version

from .models import PromotedPage, Promotion
from .promotion_form import MAX_PAGES
from .query import matching_filters
from .words import phrase_of


def _phrases():
    chosen = {}
    for phrase, page_id in PromotedPage.objects.order_by("promotion_id", "sort_order").values_list(
        "promotion__phrase", "page_id"
    ):
        pages = chosen.setdefault(phrase, [])
        if page_id not in pages:
            pages.append(page_id)
    return chosen


def promoted_documents(query):
    """The index documents of the pages promoted for this query, best first (at most three)."""
    if query.page != 1 or not query.q:
        return []
    page_ids = per_version("promoted-phrases", _phrases).get(phrase_of(query.q))
    if not page_ids:
        return []
    documents = {
        record.page_id: record.document
        for record in matching_filters(page_ids, query).only("page_id", "document")
    }
    return [documents[page_id] for page_id in page_ids if page_id in documents][:MAX_PAGES]


@receiver(post_save, sender=Promotion)
@receiver(post_delete, sender=Promotion)
@receiver(post_save, sender=PromotedPage)
@receiver(post_delete, sender=PromotedPage)
def promotions_changed(**kwargs):
    library_changed()
    transaction.on_commit(library_changed)
