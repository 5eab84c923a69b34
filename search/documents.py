"""What the library index holds: one document per live, public practice page.

The mapping runs on Elasticsearch's lean distribution (core analysis only) as well as on full
Elasticsearch and OpenSearch clusters: stemming comes from the hunspell filter with the en_GB
dictionary, and as-you-type matching from `index_prefixes`, both in every engine's core.
"""

from wagtail.models import Page

from core.public import is_public, public

MAPPING_VERSION = 4

INDEX_SETTINGS = {
    "number_of_shards": 1,
    # One node runs green with no replica; a cluster keeps a copy on a second node.
    "auto_expand_replicas": "0-1",
    "analysis": {
        "filter": {
            "library_stop": {"type": "stop", "stopwords": "_english_"},
            "library_stem": {"type": "hunspell", "locale": "en_GB", "dedup": True},
        },
        "analyzer": {
            "library_text": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "library_stop", "library_stem"],
            },
            "library_plain": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        },
        "normalizer": {"library_sort": {"type": "custom", "filter": ["lowercase"]}},
    },
}

KEYWORD = {"type": "keyword"}
MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "page_id": {"type": "integer"},
        "type": KEYWORD,
        "title": {
            "type": "text",
            "analyzer": "library_text",
            "fields": {
                "plain": {
                    "type": "text",
                    "analyzer": "library_plain",
                    "index_prefixes": {"min_chars": 1, "max_chars": 10},
                },
                "sort": {"type": "keyword", "normalizer": "library_sort"},
            },
        },
        # Offsets in the postings let the highlighter mark words without analysing the
        # summary again for every hit.
        "summary": {"type": "text", "analyzer": "library_text", "index_options": "offsets"},
        "body": {"type": "text", "analyzer": "library_text"},
        "sector": KEYWORD,
        "driver": KEYWORD,
        "borough": KEYWORD,
        "principle": KEYWORD,
        "evidence_level": KEYWORD,
        # The evidence facet: the level as a list, like every other facet.
        "evidence": KEYWORD,
        "lead_sector": KEYWORD,
        "tags": KEYWORD,
        "published": {"type": "date"},
        "url": {"type": "keyword", "index": False},
        "labels": {"type": "object", "enabled": False},
        # Shown, never searched: where the work stands and its dates (for exports).
        "details": {"type": "object", "enabled": False},
    },
}


def library_page_models():
    """The page models the library lists: those that declare a `library_type`."""
    from wagtail.models import get_page_models

    models = [model for model in get_page_models() if getattr(model, "library_type", "")]
    return sorted(models, key=lambda model: model.library_order)


def types():
    """Type slug -> label, in the library's order."""
    return {model.library_type: model.library_type_label for model in library_page_models()}


def type_of(page):
    """The library type of a page (of any class, specific or not), or None."""
    model = getattr(page, "specific_class", None) or type(page)
    return getattr(model, "library_type", "") or None


def indexable_pages():
    """Every page the public may see in the library: public, of a library type."""
    from django.contrib.contenttypes.models import ContentType

    content_types = ContentType.objects.get_for_models(*library_page_models()).values()
    return public(Page.objects.filter(content_type__in=content_types)).specific()


def is_indexable(page):
    """Public (see `core.public`) and of a library type. Drafts, pages in moderation,
    restricted and expired pages are not."""
    return page is not None and type_of(page) is not None and is_public(page)


def library_document(page):
    """The index document for a live page: what every entry has, and what its type declares
    (`library_fields()` on the page model)."""
    published = page.first_published_at or page.last_published_at
    fields = page.library_fields()
    updated = page.last_published_at or published
    return {
        "page_id": page.pk,
        "type": page.library_type,
        "title": page.title,
        "sector": [],
        "driver": [],
        "borough": [],
        "principle": [],
        "evidence_level": "",
        "evidence": [],
        "lead_sector": "",
        "tags": [],
        "labels": {"sector": {}, "driver": {}, "borough": {}},
        **fields,
        "details": {
            "updated": updated.isoformat() if updated else None,
            **fields.get("details", {}),
        },
        "published": published.isoformat() if published else None,
        "url": page.url,
    }
