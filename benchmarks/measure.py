"""Latency of one library query, answered four ways on the same corpus.

(a) and (b): this query layer on Elasticsearch and on OpenSearch, one request for hits and all
five facets. (c): Wagtail's stock search with `.facet()` once per facet, on OpenSearch (the
Elasticsearch test distribution has no `analysis-common` module, which Wagtail's own mapping
needs). (d): the database fallback on PostgreSQL.

And the related practice of a case study page as its first view works it out (later views read
the kept answer): on each engine and on the database copy.
"""

import random
import statistics
import time

from wagtail.search.query import MATCH_ALL

from casestudies.models import CaseStudyPage, DriverOfChange, Sector
from search.query import LibraryQuery, run_on_database, run_on_engine
from search.related import worked_out

from .corpus import ADJECTIVES, NOUNS, PLACES

# Stock faceting can only count plain fields: the two many-to-many facets (driver, borough)
# raise FilterFieldError, so two single-value fields of the same page stand in for them.
STOCK_FACETS = ("content_type_id", "lead_sector_id", "evidence_level", "status")


WARM_UP_SEED = 11


def percentiles(samples_ms):
    ordered = sorted(samples_ms)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50_ms": round(cuts[49], 2), "p95_ms": round(cuts[94], 2), "n": len(ordered)}


def query_mix(count, seed=7):
    """Library queries as practitioners send them: some words, often a sector or a driver."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    sectors = list(Sector.objects.values_list("slug", flat=True))
    drivers = list(DriverOfChange.objects.values_list("slug", flat=True))
    words = [w for phrase in ADJECTIVES + NOUNS + PLACES for w in phrase.split()]
    queries = []
    for _ in range(count):
        text = " ".join(rng.sample(words, rng.choice((1, 1, 2)))) if rng.random() < 0.7 else ""
        filters = {}
        if rng.random() < 0.6:
            filters["sector"] = (rng.choice(sectors),)
        if rng.random() < 0.4:
            filters["driver"] = (rng.choice(drivers),)
        queries.append(LibraryQuery(q=text, filters=filters, sort="relevance", page=1))
    return queries


def _time(function, queries):
    # Warm up on a different mix of the same size, so the engines' JIT and caches are warm
    # but no timed query has been seen before.
    for query in query_mix(len(queries), seed=WARM_UP_SEED):
        function(query)
    samples = []
    for query in queries:
        start = time.perf_counter()
        function(query)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def search_counting(queries):
    """What counting a search adds to a library request: the insight receiver alone, as each
    request with words or filters runs it (one upsert, committed without waiting for the disk
    on PostgreSQL)."""
    from insight.recording import count_search

    return _time(lambda query: count_search(None, query=query, count=len(query.q)), queries)


def library_layer(engine, queries):
    return _time(lambda query: run_on_engine(engine, query), queries)


def database_fallback(queries):
    return _time(run_on_database, queries)


def stock_wagtail(queries, backend_name):
    sector_ids = dict(Sector.objects.values_list("slug", "pk"))

    def answer(query):
        pages = CaseStudyPage.objects.live()
        if query.selected("sector"):
            pages = pages.filter(lead_sector__in=[sector_ids[s] for s in query.selected("sector")])
        results = pages.search(query.q or MATCH_ALL, backend=backend_name)
        list(results[:10])
        results.count()
        for field in STOCK_FACETS:
            results.facet(field)

    return _time(answer, queries)


def case_study_sample(count, seed=13):
    """Live case studies to show related practice for: the same ones on every backend."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    ids = sorted(CaseStudyPage.objects.live().values_list("pk", flat=True))
    chosen = rng.sample(ids, min(count, len(ids)))
    pages = CaseStudyPage.objects.in_bulk(chosen)
    return [pages[pk] for pk in chosen]


def related_practice(pages, engine=None):
    """Related practice worked out afresh for each page, on `engine`; with None, on the
    database copy (the benchmark's own process has no engine configured)."""
    for page in case_study_sample(len(pages), seed=WARM_UP_SEED):
        worked_out(page, engine=engine)
    samples = []
    for page in pages:
        start = time.perf_counter()
        worked_out(page, engine=engine)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)
