"""The landscape as tables: sector × driver counts on a heat scale, counts by evidence level,
and the borough map with its table for a chosen sector and driver.

The counts come from the library's query layer (`search.landscape`, `search.query`), so every
number here is the number the library shows for the same filters.
"""

from math import ceil
from urllib.parse import urlencode

from django.urls import reverse

from casestudies.models import Borough, DriverOfChange, Sector
from search import query as library
from search.facets import evidence_explained, evidence_levels
from search.landscape import CASE_STUDY, FALLBACK_NOTICE, landscape

from .tilemap import key_swatch, placed, tile_map

# Shading steps above "none": each is a quarter of the largest count, rounded up.
LEVELS = 4


def heat_level(count, largest):
    if count <= 0 or largest <= 0:
        return 0
    return min(LEVELS, ceil(count * LEVELS / largest))


def legend(largest):
    """Each shading step with the counts it stands for, e.g. (2, "3 to 4")."""
    steps = [(0, "None yet")]
    for level in range(1, LEVELS + 1):
        counts = [n for n in range(1, largest + 1) if heat_level(n, largest) == level]
        if not counts:
            continue
        low, high = counts[0], counts[-1]
        steps.append((level, str(low) if low == high else f"{low} to {high}"))
    return steps


def library_link(**filters):
    return reverse("library") + "?" + urlencode([("type", "case-study"), *filters.items()])


def landscape_tables():
    counts = landscape()
    sectors = list(Sector.objects.all())
    drivers = list(DriverOfChange.objects.all())
    largest = max((counts.cell(s.slug, d.slug) for s in sectors for d in drivers), default=0)
    rows = []
    for sector in sectors:
        cells = []
        for driver in drivers:
            count = counts.cell(sector.slug, driver.slug)
            cells.append(
                {
                    "driver": driver,
                    "count": count,
                    "level": heat_level(count, largest),
                    "url": library_link(sector=sector.slug, driver=driver.slug),
                }
            )
        rows.append(
            {
                "sector": sector,
                "cells": cells,
                "total": counts.sectors.get(sector.slug, 0),
                "url": library_link(sector=sector.slug),
            }
        )
    columns = [
        {
            "driver": driver,
            "total": counts.drivers.get(driver.slug, 0),
            "url": library_link(driver=driver.slug),
        }
        for driver in drivers
    ]
    explained = evidence_explained()
    evidence_rows = [
        {
            "label": label,
            "explained": explained.get(slug, ""),
            "count": counts.evidence.get(slug, 0),
            "url": library_link(evidence=slug),
        }
        for slug, label in evidence_levels().items()
    ]
    return {
        "landscape": counts,
        "evidence_rows": evidence_rows,
        "drivers": drivers,
        "rows": rows,
        "columns": columns,
        "legend": legend(largest),
        "all_case_studies_url": library_link(),
    }


def _chosen(params, name, values, what):
    """The value chosen for `name` among `values` (slug -> value), and a notice if unknown."""
    slug = params.get(name, "").strip()
    if not slug:
        return None, ""
    if slug in values:
        return values[slug], ""
    return None, f"We could not find the {what} in this link, so the map shows all {what}s."


def borough_counts(filters):
    """Published case studies per borough, as the library's borough facet counts them for
    type=case-study and `filters` (facet -> slug), and whether the engine was away."""
    query = library.LibraryQuery(
        filters={"type": (CASE_STUDY,), **{facet: (slug,) for facet, slug in filters.items()}},
        size=1,  # the least a query may ask for: only the borough counts are read
        facets=("borough",),
    )
    results = library.run(query)
    return results.facet_counts.get("borough", {}), bool(results.fallback_notice)


def borough_map(params):
    """The borough map, its table and its key, for the sector and driver chosen in `params`."""
    sectors = {item.slug: item for item in Sector.objects.all()}
    drivers = {item.slug: item for item in DriverOfChange.objects.all()}
    sector, sector_notice = _chosen(params, "sector", sectors, "sector")
    driver, driver_notice = _chosen(params, "driver", drivers, "driver of change")
    filters = {
        facet: chosen.slug
        for facet, chosen in (("sector", sector), ("driver", driver))
        if chosen is not None
    }
    counts, fell_back = borough_counts(filters)
    largest = max(counts.values(), default=0)
    rows = [
        {
            "borough": borough,
            "count": counts.get(borough.slug, 0),
            "level": heat_level(counts.get(borough.slug, 0), largest),
            "url": library_link(**filters, borough=borough.slug),
        }
        for borough in Borough.objects.all()
    ]
    showing = "{}; {}".format(
        f"sector: {sector.name}" if sector else "all sectors",
        f"driver of change: {driver.name}" if driver else "all drivers of change",
    )
    _, unplaced = placed(rows)
    return {
        "map_sectors": list(sectors.values()),
        "map_drivers": list(drivers.values()),
        "map_sector": sector,
        "map_driver": driver,
        "map_notices": [notice for notice in (sector_notice, driver_notice) if notice],
        "map_fallback_notice": FALLBACK_NOTICE if fell_back else "",
        "map_showing": showing,
        "borough_map": tile_map(
            rows, f"Map of London's boroughs: published case studies ({showing})"
        ),
        "borough_rows": rows,
        "unplaced_rows": unplaced,
        "map_legend": [(key_swatch(level), label) for level, label in legend(largest)],
    }
