"""The landscape as tables: sector × driver counts on a heat scale, and counts by evidence
level and by borough.

The counts come from the library's query layer (`search.landscape`), so every number here is
the number the library shows for the same filters.
"""

from math import ceil
from urllib.parse import urlencode

from django.urls import reverse

from casestudies.models import Borough, DriverOfChange, Sector
from search.facets import evidence_explained, evidence_levels
from search.landscape import landscape

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
    boroughs = list(Borough.objects.all())
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
    borough_rows = [
        {
            "borough": borough,
            "count": counts.boroughs.get(borough.slug, 0),
            "url": library_link(borough=borough.slug),
        }
        for borough in boroughs
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
        "borough_rows": borough_rows,
        "all_case_studies_url": library_link(),
    }
