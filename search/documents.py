"""What the library index holds: one document per live, public practice page.

The mapping runs on Elasticsearch's lean distribution (core analysis only) as well as on full
Elasticsearch and OpenSearch clusters: stemming comes from the hunspell filter with the en_GB
dictionary, and as-you-type matching from `index_prefixes`, both in every engine's core.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Page

MAPPING_VERSION = 3
FACETS = ("type", "sector", "driver", "borough")

# Public type slugs used in URLs and the API, and the page models behind them.
TYPES = {
    "case-study": ("casestudies", "casestudypage", "Case study"),
    "recommendation": ("casestudies", "recommendationpage", "Recommendation"),
    "definition": ("casestudies", "definitionpage", "Definition"),
}

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
        "tags": KEYWORD,
        "published": {"type": "date"},
        "url": {"type": "keyword", "index": False},
        "labels": {"type": "object", "enabled": False},
    },
}


def type_of(page):
    for slug, (app_label, model, _label) in TYPES.items():
        if page._meta.app_label == app_label and page._meta.model_name == model:
            return slug
    return None


def indexable_pages():
    """Every page the public may see in the library: live, public, of a library type."""
    from django.contrib.contenttypes.models import ContentType

    content_types = [
        ContentType.objects.get_by_natural_key(app_label, model)
        for app_label, model, _ in TYPES.values()
    ]
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    return (
        Page.objects.live().public().filter(not_expired, content_type__in=content_types).specific()
    )


def is_indexable(page):
    """Live, public, unexpired, of a library type. Drafts, moderation and restricted pages
    are not."""
    return (
        page is not None
        and type_of(page) is not None
        and page.live
        and not (page.expire_at and page.expire_at <= timezone.now())
        and not page.get_view_restrictions().exists()
    )


def _text(*values):
    return " ".join(strip_tags(str(v)) for v in values if v).strip()


def _values(items):
    items = list(items)
    return [i.slug for i in items], {i.slug: i.name for i in items}


def library_document(page):
    """The index document for a live page, built from its published content."""
    kind = type_of(page)
    sectors, drivers, boroughs, principles, tags = [], [], [], [], []
    labels = {"sector": {}, "driver": {}, "borough": {}}
    body = ""
    evidence_level = ""
    if kind == "case-study":
        sectors, labels["sector"] = _values(page.all_sectors())
        drivers, labels["driver"] = _values(page.drivers.all())
        boroughs, labels["borough"] = _values(page.boroughs.all())
        principles = [p.slug for p in page.principles.all()]
        tags = sorted(t.name for t in page.tags.all())
        evidence_level = page.evidence_level
        body = _text(
            page.organisation,
            page.population,
            page.setting,
            page.challenge,
            page.approach,
            page.outcomes,
            page.learning,
            page.body.render_as_block() if page.body else "",
            " ".join(tags),
        )
        summary = page.summary
    elif kind == "recommendation":
        sectors, labels["sector"] = _values(page.sectors.all())
        drivers, labels["driver"] = _values(page.drivers.all())
        body = _text(
            page.get_audience_display(),
            " ".join(f"{a.value['action']} {a.value['detail']}" for a in page.actions),
            page.rationale,
        )
        summary = page.summary
    else:
        summary = page.short_definition
        body = _text(page.full_text, page.london_context)
    published = page.first_published_at or page.last_published_at
    return {
        "page_id": page.pk,
        "type": kind,
        "title": page.title,
        "summary": summary,
        "body": body,
        "sector": sectors,
        "driver": drivers,
        "borough": boroughs,
        "principle": principles,
        "evidence_level": evidence_level,
        "tags": tags,
        "published": published.isoformat() if published else None,
        "url": page.url,
        "labels": labels,
    }
