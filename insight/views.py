"""The "What people look for" report in the admin, and each of its lists as a CSV download.

For VRU moderators and superusers (the `insight.view_dailysearch` permission). A period that
is not a pair of valid days gets the form's own message and a 400, never an error page.
"""

import csv
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from search.export import safe_cell
from search.facets import known_values

from . import report
from .forms import PeriodForm

PERMISSION = "insight.view_dailysearch"
NO_WORDS = "(no words)"
NO_FILTERS = "(no filters)"


@dataclass
class Listing:
    """One list of the report: its rows as shown on the page and written to its download."""

    slug: str
    title: str
    explanation: str
    headings: list
    rows: list  # each {"cells": [...], "promote_url": ""}
    empty: str
    download_url: str = field(default="")


def promote_url(words, user):
    """Where to start a promoted result for these words, or "" when that cannot be done."""
    if not words or not user.has_perm("search.add_promotion"):
        return ""
    try:
        return reverse("wagtailsnippets_search_promotion:add") + "?phrase=" + quote(words)
    except NoReverseMatch:
        return ""


def top_searches(start, end, user, labels):
    return Listing(
        "top-searches",
        "Top searches",
        "The words people searched for most, and how often those words found nothing.",
        ["Search words", "Searches", "Found nothing"],
        [
            {"cells": [row["words"], row["searches"], row["found_nothing"]]}
            for row in report.top_searches(start, end)
        ],
        "Nobody searched with words in this period.",
    )


def found_nothing(start, end, user, labels):
    return Listing(
        "found-nothing",
        "Searches that found nothing",
        "Words and filters that found no practice at all. A promoted result can point people "
        "who search for those words to a page that helps.",
        ["Search words", "Filters", "Times"],
        [
            {
                "cells": [
                    row["words"] or NO_WORDS,
                    report.filters_in_words(row["filters"], labels) or NO_FILTERS,
                    row["times"],
                ],
                "promote_url": promote_url(row["words"], user),
            }
            for row in report.found_nothing(start, end)
        ],
        "Every search in this period found something.",
    )


def filter_combinations(start, end, user, labels):
    return Listing(
        "filters",
        "Most used filters",
        "The combinations of filters people chose most, with or without search words.",
        ["Filters", "Times"],
        [
            {"cells": [report.filters_in_words(row["filters"], labels), row["times"]]}
            for row in report.filter_combinations(start, end)
        ],
        "Nobody used the filters in this period.",
    )


# Each list of the report by the name its download goes by, in the order the page shows them.
LISTINGS = {
    "top-searches": top_searches,
    "found-nothing": found_nothing,
    "filters": filter_combinations,
}


def _period(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = PeriodForm.from_request(request.GET)
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, None, None


def search_insight_report(request):
    form, start, end = _period(request)
    context = {"page_title": "What people look for", "header_icon": "search", "form": form}
    if start is None:
        return render(request, "insight/report.html", context, status=400)
    labels = known_values()
    shown = [build(start, end, request.user, labels) for build in LISTINGS.values()]
    period = urlencode({"start": start.isoformat(), "end": end.isoformat()})
    for listing in shown:
        listing.download_url = reverse("insight_download", args=[listing.slug]) + "?" + period
    totals = report.counts_between(start, end).aggregate(
        searches=Sum("searches"), found_nothing=Sum("found_nothing")
    )
    context.update(
        start=start,
        end=end,
        listings=shown,
        total_searches=totals["searches"] or 0,
        total_found_nothing=totals["found_nothing"] or 0,
    )
    return render(request, "insight/report.html", context)


def search_insight_download(request, slug):
    """One list of the report for the period, as a CSV file a spreadsheet opens safely."""
    form, start, end = _period(request)
    if start is None:
        errors = "; ".join(message for messages in form.errors.values() for message in messages)
        return HttpResponse(
            f"Choose a valid period: {errors}", status=400, content_type="text/plain"
        )
    if slug not in LISTINGS:
        raise Http404("There is no such list in the report.")
    listing = LISTINGS[slug](start, end, request.user, known_values())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"search-insight-{slug}-{start.isoformat()}-to-{end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The byte order mark tells spreadsheet programs the file is UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(listing.headings)
    for row in listing.rows:
        writer.writerow([safe_cell(cell) for cell in row["cells"]])
    return response
