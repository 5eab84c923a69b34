"""Latency of one library query, answered four ways on the same corpus.

(a) and (b): this query layer on Elasticsearch and on OpenSearch, one request for hits and all
five facets, each beside the very same request body sent raw through the client's transport, so
the layer's own cost (building the body, reading the answer, the read-time guard) shows against
the engine's round trip. (c): Wagtail's stock search with `.facet()` once per facet, on
OpenSearch (the Elasticsearch test distribution has no `analysis-common` module, which Wagtail's
own mapping needs). (d): the database fallback on PostgreSQL.

And the related practice of a case study page as its first view works it out (later views read
the kept answer): on each engine and on the database copy.
"""

import random
import statistics
import time

from django.conf import settings

from wagtail.search.query import MATCH_ALL

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, DriverOfChange, Sector
from search.engine import _client_for
from search.facets import facet_sizes
from search.index import alias_name
from search.query import LibraryQuery, engine_request, run_on_database, run_on_engine
from search.related import worked_out

from .corpus import ADJECTIVES, CASE_STUDY_SECTION, DRIVERS, NOUNS, PLACES

# Stock faceting can only count plain fields: the two many-to-many facets (driver, borough)
# raise FilterFieldError, so two single-value fields of the same page stand in for them.
STOCK_FACETS = ("content_type_id", "lead_sector_id", "evidence_level", "status")
# Wagtail's stock indexes, one per model, on OpenSearch.
STOCK_INDEXES = f"{settings.WAGTAILSEARCH_BACKENDS['stock']['INDEX_PREFIX']}*"


WARM_UP_SEED = 11
# Queries an engine row warms up on: a freshly started engine's JIT takes some hundreds of
# searches to settle (uncached p50 fell from 10.6 to 3.5 ms over the first 800 on 5,000 pages).
ENGINE_WARM_UP = 1000


# The request headers elasticsearch-py 9 needs for a plain JSON body sent through its transport.
JSON_HEADERS = {"accept": "application/json", "content-type": "application/json"}


def percentiles(samples_ms):
    """p50, p95 and p99 in milliseconds, and the number of samples. With fewer than two samples
    (a row whose every request failed, say) the cuts are that one sample, or None."""
    ordered = sorted(samples_ms)
    if len(ordered) < 2:
        value = round(ordered[0], 2) if ordered else None
        return {"p50_ms": value, "p95_ms": value, "p99_ms": value, "n": len(ordered)}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49], 2),
        "p95_ms": round(cuts[94], 2),
        "p99_ms": round(cuts[98], 2),
        "n": len(ordered),
    }


def _corpus_drivers():
    """The corpus's own driver slugs when it has made them, else every driver's. The demo
    site, loaded beside the corpus for the mixed site load, brings drivers with only a handful
    of pages, which would otherwise change the query mix."""
    ours = [slug for slug, _, _ in DRIVERS]
    found = list(DriverOfChange.objects.filter(slug__in=ours).values_list("slug", flat=True))
    return found or list(DriverOfChange.objects.values_list("slug", flat=True))


def query_mix(count, seed=7):
    """Library queries as practitioners send them: some words, often a sector or a driver."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    sectors = list(Sector.objects.values_list("slug", flat=True))
    drivers = _corpus_drivers()
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


def empty_request_cache(kind, index):
    """Empty the shard request cache of `index` on one engine, so the query timed next is
    answered by the engine's own work, not from memory because it was asked before. Only the
    index about to be asked: emptying every index on both engines kept them busy into the
    timed request."""
    url = settings.BENCH_ENGINE_URLS[kind]
    client = _client_for(kind, url, settings.SEARCH_ENGINE_TIMEOUT)
    client.indices.clear_cache(index=index, request=True)


def _clocked(function, item, cache=None):
    """Milliseconds `function(item)` takes; with `cache` (engine kind, index), started from
    that index's empty request cache."""
    if cache:
        empty_request_cache(*cache)
    start = time.perf_counter()
    function(item)
    return (time.perf_counter() - start) * 1000


def _time(function, queries, cache=None):
    """Time `function` once for each query. It first warms up on a different mix (on an
    engine, `ENGINE_WARM_UP` queries), so the engines' JIT and caches are warm, and with
    `cache` every timed query starts from that index's empty request cache: each row measures
    a search as asked for the first time."""
    for query in query_mix(ENGINE_WARM_UP if cache else len(queries), seed=WARM_UP_SEED):
        function(query)
    return percentiles([_clocked(function, query, cache) for query in queries])


def search_counting(queries):
    """What counting a search adds to a library request: the insight receiver alone, as each
    request with words or filters runs it (added up in memory; a timer writes the tally)."""
    from insight.recording import count_search

    return _time(lambda query: count_search(None, query=query, count=len(query.q)), queries)


def raw_request(engine, body):
    """Send one library request body to the alias through the client's transport: the engine's
    round trip and the transport's JSON decoding, nothing the library layer adds."""
    client = _client_for(engine.kind, engine.url, settings.SEARCH_QUERY_TIMEOUT)
    path = f"/{alias_name()}/_search?request_cache=true"  # as the library layer asks
    if engine.kind == "elasticsearch":
        return client.transport.perform_request("POST", path, body=body, headers=JSON_HEADERS)
    return client.transport.perform_request("POST", path, body=body)


def library_layer_and_raw_request(engine, queries):
    """The library layer and the raw request of the same body, timed in turn for each query
    (which goes first alternates), each from empty request caches, so both see the same
    machine and engine state and neither is answered from memory because the other asked
    first. The raw request's body is built before its clock starts; the layer builds its own,
    as it does for a reader.

    Returns the figures of each: (library layer, raw request)."""
    answer = {
        "layer": lambda pair: run_on_engine(engine, pair[0]),
        "raw": lambda pair: raw_request(engine, pair[1]),
    }

    def with_bodies(mix):
        return [(query, engine_request(query, facet_sizes())) for query in mix]

    # Warm up on a different mix, as `_time` does for an engine.
    for pair in with_bodies(query_mix(ENGINE_WARM_UP, seed=WARM_UP_SEED)):
        for function in answer.values():
            function(pair)
    samples = {name: [] for name in answer}
    for number, pair in enumerate(with_bodies(queries)):
        for name in ("layer", "raw") if number % 2 == 0 else ("raw", "layer"):
            samples[name].append(_clocked(answer[name], pair, (engine.kind, alias_name())))
    return percentiles(samples["layer"]), percentiles(samples["raw"])


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

    return _time(answer, queries, ("opensearch", STOCK_INDEXES))


def case_study_sample(count, seed=13):
    """Live case studies of the corpus to show related practice for: the same ones on every
    backend. Only the corpus's own (when it has a section), so the demo site's few pages,
    loaded beside it for the mixed site load, leave the sample as it was."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    pages = CaseStudyPage.objects.live()
    section = CaseStudyIndexPage.objects.filter(slug=CASE_STUDY_SECTION).first()
    if section is not None:
        pages = pages.descendant_of(section)
    ids = sorted(pages.values_list("pk", flat=True))
    chosen = rng.sample(ids, min(count, len(ids)))
    pages = CaseStudyPage.objects.in_bulk(chosen)
    return [pages[pk] for pk in chosen]


def related_practice(pages, engine=None):
    """Related practice worked out afresh for each page, on `engine`; with None, on the
    database copy (the benchmark's own process has no engine configured)."""
    for page in case_study_sample(len(pages), seed=WARM_UP_SEED):
        worked_out(page, engine=engine)
    cache = (engine.kind, alias_name()) if engine else None
    return percentiles(
        [_clocked(lambda page: worked_out(page, engine=engine), p, cache) for p in pages]
    )
