"""The library's current view as a spreadsheet: `/library/export.csv` with the library's own
parameters (the page number is not needed: the export holds every matching item, up to 5,000).

Rows are written as they are read, a few hundred at a time, so a long export starts at once
and never holds the whole list in memory. A cell that begins with a character a spreadsheet
would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return before one) gets a
leading apostrophe, so opening the file never runs anything.
"""

import csv
from datetime import date, datetime

from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import query as library
from .facets import known_values
from .params import BadLibraryRequest, parse

MAX_ROWS = 5000
BATCH = 500
COLUMNS = (
    "Title",
    "Type",
    "URL",
    "Summary",
    "Sectors",
    "Drivers of change",
    "Boroughs",
    "Evidence level",
    "Status",
    "Started",
    "Ended",
    "Published",
    "Last updated",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as text a spreadsheet shows as it is, never as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _day(value):
    """An ISO date or time as a date in London, "2026-03-14"; "" when there is none."""
    if not value:
        return ""
    if "T" in value:
        return timezone.localtime(datetime.fromisoformat(value)).date().isoformat()
    return date.fromisoformat(value).isoformat()


def row(hit, labels, absolute):
    details = hit.get("details") or {}

    def named(facet, slugs):
        return "; ".join(labels[facet].get(slug, slug) for slug in slugs)

    return [
        hit["title"],
        labels["type"].get(hit["type"], hit["type"]),
        absolute(hit["url"]),
        hit["summary"],
        named("sector", hit["sector"]),
        named("driver", hit["driver"]),
        named("borough", hit["borough"]),
        named("evidence", hit.get("evidence", [])),
        details.get("status", ""),
        _day(details.get("started")),
        _day(details.get("ended")),
        _day(hit.get("published")),
        _day(details.get("updated")),
    ]


def matching_hits(query):
    """Every item the query matches, in its order, up to `MAX_ROWS`, read a batch at a time."""
    for number in range(1, MAX_ROWS // BATCH + 1):
        results = library.run(
            library.LibraryQuery(
                q=query.q,
                filters=query.filters,
                sort=query.sort,
                page=number,
                size=BATCH,
                facets=False,
            )
        )
        yield from results.hits
        if number >= results.pages:
            return


class _Lines:
    """A file-like object for `csv.writer` that hands each written line back."""

    def write(self, line):
        return line


def lines(query, labels, absolute):
    writer = csv.writer(_Lines())
    # The byte order mark tells spreadsheet programs the file is UTF-8.
    yield "\ufeff" + writer.writerow(COLUMNS)
    for hit in matching_hits(query):
        yield writer.writerow([safe_cell(value) for value in row(hit, labels, absolute)])


@require_GET
def library_export(request):
    labels = known_values()
    try:
        parsed = parse(request.GET, labels)
    except BadLibraryRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    response = StreamingHttpResponse(
        lines(parsed.query, labels, request.build_absolute_uri),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"practice-library-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
