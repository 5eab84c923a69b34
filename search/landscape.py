"""The landscape of practice: how many published case studies there are per sector and driver.

`landscape` asks the configured engine in one request (case studies only: sector buckets with
driver buckets inside, plus driver and borough buckets), or, when no engine is configured or it
cannot answer, counts the same things in the database copy of the index. Both give the numbers
the library's facets give for `type=case-study` with the same sector, driver or borough.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from .engine import search
from .facets import facet_sizes
from .index import alias_name
from .models import LibraryFacetValue, LibraryRecord
from .query import engine_or_database

CASE_STUDY = "case-study"

FALLBACK_NOTICE = (
    "The search service is not answering just now, so these numbers were counted from the "
    "site's own copy of the library. They are the same numbers."
)


@dataclass
class Landscape:
    total: int  # published case studies
    matrix: dict  # sector slug -> {driver slug: count}
    sectors: dict  # sector slug -> count
    drivers: dict  # driver slug -> count
    boroughs: dict  # borough slug -> count
    backend: str
    evidence: dict = field(default_factory=dict)  # evidence level slug -> count
    computed_at: object = field(default_factory=timezone.now)
    fallback_notice: str = ""

    def cell(self, sector, driver):
        return self.matrix.get(sector, {}).get(driver, 0)


def engine_request(sizes):
    """The one engine-neutral request body for the landscape."""
    return {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": [{"term": {"type": CASE_STUDY}}]}},
        "aggs": {
            "sector": {
                "terms": {"field": "sector", "size": sizes["sector"]},
                "aggs": {"driver": {"terms": {"field": "driver", "size": sizes["driver"]}}},
            },
            "driver": {"terms": {"field": "driver", "size": sizes["driver"]}},
            "borough": {"terms": {"field": "borough", "size": sizes["borough"]}},
            "evidence": {"terms": {"field": "evidence", "size": sizes["evidence"]}},
        },
    }


def _buckets(aggregation):
    return {bucket["key"]: bucket["doc_count"] for bucket in aggregation["buckets"]}


def landscape_on_engine(engine):
    response = search(engine, alias_name(), engine_request(facet_sizes()))
    aggregations = response["aggregations"]
    return Landscape(
        total=response["hits"]["total"]["value"],
        matrix={
            bucket["key"]: _buckets(bucket["driver"])
            for bucket in aggregations["sector"]["buckets"]
        },
        sectors=_buckets(aggregations["sector"]),
        drivers=_buckets(aggregations["driver"]),
        boroughs=_buckets(aggregations["borough"]),
        evidence=_buckets(aggregations["evidence"]),
        backend=engine.kind,
    )


def landscape_on_database():
    records = LibraryRecord.objects.filter(type=CASE_STUDY)
    values = LibraryFacetValue.objects.filter(record__in=records)

    def per_value(facet):
        rows = values.filter(facet=facet).values("value").annotate(n=Count("record_id"))
        return {row["value"]: row["n"] for row in rows}

    # Each sector value paired with each driver value of the same record: one row per cell.
    pairs = (
        values.filter(facet="sector", record__facets__facet="driver")
        .values("value", "record__facets__value")
        .annotate(n=Count("record_id", distinct=True))
    )
    matrix = {}
    for row in pairs:
        matrix.setdefault(row["value"], {})[row["record__facets__value"]] = row["n"]
    return Landscape(
        total=records.count(),
        matrix=matrix,
        sectors=per_value("sector"),
        drivers=per_value("driver"),
        boroughs=per_value("borough"),
        evidence=per_value("evidence"),
        backend="database",
    )


def landscape(engine=None):
    """Count published case studies by sector and driver, falling back like the library."""
    counts, fell_back = engine_or_database(landscape_on_engine, landscape_on_database, engine)
    if fell_back:
        counts.fallback_notice = FALLBACK_NOTICE
    return counts
