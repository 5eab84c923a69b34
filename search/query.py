"""The library query: one object in, results and every facet out, from any backend.

`LibraryQuery` says what the practitioner asked for. `run` sends it to the configured engine
in one request (hits, highlights, every facet with disjunctive counts; a spelling suggestion
in a second one only when the words found nothing) or, when no engine is configured, it
cannot answer or its circuit breaker is open, to the database copy of the index. Both return
the same `LibraryResults`.

Every hit the engine returns is checked against the database copy before it is shown (the
read-time guard): a page taken down is gone from the copy in the editor's own transaction, so
an engine that has not caught up yet can never show it.
"""

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from casestudies.models import CaseStudyPage

from . import breaker, full_text
from .engine import configured_engine, engine_errors
from .engine import search as engine_search
from .facets import FACETS, facet_sizes
from .index import alias_name
from .models import LibraryFacetValue, LibraryRecord

PAGE_SIZE = 10
MAX_PAGE = 1000
SORTS = ("relevance", "newest", "oldest", "title")
# Not offered on the library page: strongest evidence first, then newest, for pages that
# show a few case studies (a driver's page). Ranks follow the evidence levels' own order,
# from 2: a page with no level at all ranks 1, below them.
EVIDENCE = "evidence"
# The name of a filter aggregation that narrows the results for the facets counted under it.
NARROWED = "narrowed_by_"
EVIDENCE_RANK = {
    value: rank for rank, value in enumerate(CaseStudyPage.EvidenceLevel.values, start=2)
}


@dataclass(frozen=True)
class LibraryQuery:
    q: str = ""
    filters: dict = field(default_factory=dict)  # facet -> tuple of slugs
    sort: str = "relevance"
    page: int = 1
    size: int = PAGE_SIZE  # results per page
    # Which facets to count: all (True), none (False: feeds and exports), or those named.
    facets: bool | tuple = True

    def selected(self, facet):
        return tuple(self.filters.get(facet, ()))

    def counted(self):
        """The facets whose counts come back with the results."""
        if self.facets is True:
            return FACETS
        return tuple(facet for facet in FACETS if facet in (self.facets or ()))


@dataclass
class LibraryResults:
    count: int
    page: int
    pages: int
    hits: list  # dicts: document fields plus "highlight"
    facet_counts: dict  # facet -> {value: count}
    backend: str
    fallback_notice: str = ""
    suggestion: str = ""


def _pages(count, size=PAGE_SIZE):
    return max(1, math.ceil(count / size))


# --- search engine -----------------------------------------------------------------------


def _term_filter(facet, values):
    return {"terms": {facet: list(values)}}


def engine_request(query, facet_sizes):
    """The one engine-neutral request body for a library query."""
    text = query.q.strip()
    if text:
        must = {
            "simple_query_string": {
                "query": text,
                "fields": ["title^4", "title.plain^2", "summary^2", "body"],
                "default_operator": "and",
                "flags": "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE",
            }
        }
    else:
        must = {"match_all": {}}
    if query.sort == EVIDENCE:
        # The score becomes the evidence rank, so sorting by score sorts by evidence; no
        # script needed, which engines may not allow.
        must = {
            "function_score": {
                "query": must,
                "functions": [
                    {"filter": {"term": {"evidence_level": value}}, "weight": rank}
                    for value, rank in EVIDENCE_RANK.items()
                ],
                "score_mode": "max",
                "boost_mode": "replace",
            }
        }
    active = {f: query.selected(f) for f in FACETS if query.selected(f)}
    aggs = facet_aggregations(query.counted(), active, facet_sizes)
    sort = {
        "relevance": ["_score", {"published": "desc"}],
        "newest": [{"published": {"order": "desc", "missing": "_last"}}, "_score"],
        "oldest": [{"published": {"order": "asc", "missing": "_last"}}, "_score"],
        "title": [{"title.sort": "asc"}],
        EVIDENCE: ["_score", {"published": {"order": "desc", "missing": "_last"}}],
    }[query.sort if text or query.sort != "relevance" else "newest"] + [{"page_id": "asc"}]
    body = {
        "query": {"bool": {"must": [must]}},
        "post_filter": {"bool": {"filter": [_term_filter(f, v) for f, v in active.items()]}},
        "sort": sort,
        "from": (query.page - 1) * query.size,
        "size": query.size,
        "track_total_hits": True,
        "_source": {"excludes": ["body"]},
    }
    if aggs:
        body["aggs"] = aggs
    if text:
        body["highlight"] = {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {"summary": {"number_of_fragments": 0}},
        }
    return body


def spelling_request(text):
    """The request for a spelling suggestion, sent only when the words found nothing: most
    searches find something, and would pay for the suggester on every request otherwise."""
    return {
        "size": 0,
        "track_total_hits": False,
        "suggest": {
            "text": text,
            "spelling": {"term": {"field": "title.plain", "suggest_mode": "popular"}},
        },
    }


def facet_aggregations(counted, active, facet_sizes):
    """Disjunctive counts: each facet's values counted over the results as every *other*
    ticked facet narrows them, so ticking a sector still shows how many each other sector has.

    Facets narrowed by the same filters share one filter aggregation, and those narrowed by
    none are counted at the top, so the engine narrows the results once per distinct set of
    filters instead of once per facet (with no filter ticked, not at all)."""
    narrowed_by = {}
    for facet in counted:
        others = tuple(f for f in active if f != facet)
        narrowed_by.setdefault(others, []).append(facet)
    aggs = {}
    for others, facets in narrowed_by.items():
        terms = {f: {"terms": {"field": f, "size": facet_sizes[f]}} for f in facets}
        if not others:
            aggs.update(terms)
            continue
        aggs[NARROWED + "_".join(others)] = {
            "filter": {"bool": {"filter": [_term_filter(f, active[f]) for f in others]}},
            "aggs": terms,
        }
    return aggs


def facet_counts(aggregations):
    """facet -> {value: count}, read back from `facet_aggregations`' answer."""
    counts = {}
    for name, answer in aggregations.items():
        if name.startswith(NARROWED):
            counts.update(facet_counts({k: v for k, v in answer.items() if k in FACETS}))
        else:
            counts[name] = {bucket["key"]: bucket["doc_count"] for bucket in answer["buckets"]}
    return counts


def _spelling(engine, text):
    """The engine's suggestion for `text`: each word replaced by its most popular close
    spelling in the library's titles; "" when it has none or would change nothing."""
    response = engine_search(engine, alias_name(), spelling_request(text))
    words = []
    for entry in response.get("suggest", {}).get("spelling", []):
        options = entry.get("options") or []
        words.append(options[0]["text"] if options else entry["text"])
    candidate = " ".join(words)
    return candidate if candidate.lower() != text.lower() else ""


def still_public(page_ids):
    """The pages among `page_ids` that are in the library now: one query for a page of hits."""
    if not page_ids:
        return set()
    # Plain SQL: it runs on every search, and building the ORM query cost more than running it.
    table = connection.ops.quote_name(LibraryRecord._meta.db_table)
    sql = f"SELECT page_id FROM {table} WHERE page_id IN ({_placeholders(page_ids)})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, list(page_ids))
        return {row[0] for row in cursor.fetchall()}


def run_on_engine(engine, query):
    response = engine_search(engine, alias_name(), engine_request(query, facet_sizes()))
    raw_hits = response["hits"]["hits"]
    shown = still_public([hit["_source"]["page_id"] for hit in raw_hits])
    hits = []
    for hit in raw_hits:
        if hit["_source"]["page_id"] not in shown:
            continue
        document = dict(hit["_source"])
        document["highlight"] = (hit.get("highlight") or {}).get("summary", [""])[0]
        hits.append(document)
    counts = facet_counts(response.get("aggregations", {}))
    text = query.q.strip()
    suggestion = _spelling(engine, text) if text and not hits else ""
    # Hits held back by the guard are not counted either.
    count = max(response["hits"]["total"]["value"] - (len(raw_hits) - len(hits)), len(hits))
    return LibraryResults(
        count=count,
        page=query.page,
        pages=_pages(count, query.size),
        hits=hits,
        facet_counts=counts,
        backend=engine.kind,
        suggestion=suggestion,
    )


# --- database fallback -------------------------------------------------------------------


def _facet_filter(facet, values):
    return Q(
        pk__in=LibraryFacetValue.objects.filter(facet=facet, value__in=values).values("record_id")
    )


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def _counts_on_database(found, active, counted):
    """facet -> {value: count} for every counted facet, in one statement. Each record found
    is marked with the ticked facets it passes; a facet's values are counted over the records
    that pass every *other* ticked facet (disjunctive counts, as the engine gives them)."""
    counts = {facet: {} for facet in counted}
    if not counted:
        return counts
    values_table = connection.ops.quote_name(LibraryFacetValue._meta.db_table)
    found_sql, found_params = found.values("id").query.sql_with_params()
    passes = {facet: f"passes_{number}" for number, facet in enumerate(active)}
    marks, mark_params = ["found.id"], []
    for facet, values in active.items():
        marks.append(
            f"MAX(CASE WHEN f.facet = %s AND f.value IN ({_placeholders(values)}) THEN 1 ELSE 0"
            f" END) AS {passes[facet]}"
        )
        mark_params += [facet, *values]
    marked = f"SELECT {', '.join(marks)} FROM ({found_sql}) found"  # noqa: S608 - placeholders
    if active:
        marked += (
            f" LEFT JOIN {values_table} f ON f.record_id = found.id"
            f" AND f.facet IN ({_placeholders(active)}) GROUP BY found.id"
        )
    conditions = [
        " AND ".join(
            ["v.facet = %s", *(f"p.{passes[other]} = 1" for other in active if other != facet)]
        )
        for facet in counted
    ]
    sql = (
        f"SELECT v.facet, v.value, COUNT(*) FROM {values_table} v"  # noqa: S608 - placeholders
        f" JOIN ({marked}) p ON p.id = v.record_id"
        f" WHERE ({') OR ('.join(conditions)}) GROUP BY v.facet, v.value"
    )
    params = [*mark_params, *found_params, *active, *counted]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, number in cursor.fetchall():
            counts[facet][value] = number
    return counts


def matching_filters(page_ids, query):
    """The library records of `page_ids` that match the query's filters (not its words)."""
    records = LibraryRecord.objects.filter(page_id__in=page_ids)
    for facet in FACETS:
        if query.selected(facet):
            records = records.filter(_facet_filter(facet, query.selected(facet)))
    return records


def run_on_database(query):
    text = query.q.strip()
    base = full_text.with_words(LibraryRecord.objects.all(), text)
    if text and full_text.ranked():
        # Matching words reads every record's text: do it once, and let the counts, the
        # total and the page below look the records found up by id.
        found = list(base.values_list("pk", flat=True))
        base = LibraryRecord.objects.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [found]))
    active = {f: query.selected(f) for f in FACETS if query.selected(f)}
    matching = base
    for facet, values in active.items():
        matching = matching.filter(_facet_filter(facet, values))
    counts = _counts_on_database(base, active, query.counted())
    if query.sort == EVIDENCE:
        matching = matching.annotate(
            evidence_rank=Case(
                *(
                    When(document__evidence_level=value, then=Value(rank))
                    for value, rank in EVIDENCE_RANK.items()
                ),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
    if query.sort == "relevance":
        ordered = full_text.best_match_first(matching, text)
    else:
        ordered = matching.order_by(
            *{
                "newest": ["-published", "pk"],
                "oldest": ["published", "pk"],
                "title": ["title", "pk"],
                EVIDENCE: ["-evidence_rank", "-published", "pk"],
            }[query.sort]
        )
    count = matching.count()
    start = (query.page - 1) * query.size
    records = list(ordered.only("page_id", "document")[start : start + query.size])
    marked = full_text.highlights(
        LibraryRecord.objects.filter(pk__in=[record.pk for record in records]), text
    )
    hits = [{**record.document, "highlight": marked.get(record.page_id, "")} for record in records]
    return LibraryResults(
        count=count,
        page=query.page,
        pages=_pages(count, query.size),
        hits=hits,
        facet_counts=counts,
        backend="database",
    )


FALLBACK_NOTICE = (
    "Search is running in a simpler mode for now, so results may be less precise. "
    "All published practice is still here."
)


def engine_or_database(on_engine, on_database, engine=None):
    """`on_engine(engine)` when the engine can answer, else `on_database()`.

    Returns (answer, fell_back): `fell_back` is True when an engine is configured but the
    database answered, because the engine failed or its breaker is open."""
    engine = engine or configured_engine()
    if engine is None:
        return on_database(), False
    if breaker.allow(engine):
        try:
            answer = on_engine(engine)
        except engine_errors():
            breaker.failed(engine)
        else:
            breaker.succeeded(engine)
            return answer, False
    return on_database(), True


def run(query, engine=None):
    """Answer a library query from the engine, or from the database if it cannot answer."""
    results, fell_back = engine_or_database(
        lambda engine: run_on_engine(engine, query), lambda: run_on_database(query), engine
    )
    if fell_back:
        results.fallback_notice = FALLBACK_NOTICE
    return results


def _suggest_on_engine(engine, text, limit):
    body = {
        "query": {"match_bool_prefix": {"title.plain": {"query": text, "operator": "and"}}},
        "size": limit,
        "_source": ["page_id", "title", "url", "type"],
    }
    sources = [hit["_source"] for hit in engine_search(engine, alias_name(), body)["hits"]["hits"]]
    shown = still_public([source["page_id"] for source in sources])
    return [
        {"title": s["title"], "url": s["url"], "type": s["type"]}
        for s in sources
        if s["page_id"] in shown
    ]


def _suggest_on_database(text, limit):
    records = LibraryRecord.objects.filter(title__icontains=text).order_by("title")[:limit]
    return [{"title": r.title, "url": r.document.get("url"), "type": r.type} for r in records]


def suggest(text, engine=None, limit=8):
    """Up to `limit` titles that match what has been typed so far."""
    text = text.strip()
    if not text:
        return []
    suggestions, _ = engine_or_database(
        lambda engine: _suggest_on_engine(engine, text, limit),
        lambda: _suggest_on_database(text, limit),
        engine,
    )
    return suggestions
