"""The numbers behind "What people look for": three lists for a period, and filters in words.

Each list is worked out from the daily counts between two days (both included): the most
searched words, the searches that found nothing, and the most used filter combinations.
"""

from django.db.models import Sum

from search.facets import FACETS, TITLES

from .models import DailySearch

ROWS = 100  # per list, on the page and in its download


def counts_between(start, end):
    return DailySearch.objects.filter(day__gte=start, day__lte=end)


def top_searches(start, end, limit=ROWS):
    """Search words with how often they were searched and how often they found nothing."""
    return list(
        counts_between(start, end)
        .exclude(words="")
        .values("words")
        .annotate(searches=Sum("searches"), found_nothing=Sum("found_nothing"))
        .order_by("-searches", "-found_nothing", "words")[:limit]
    )


def found_nothing(start, end, limit=ROWS):
    """Words and filters that found nothing, with how often."""
    return list(
        counts_between(start, end)
        .filter(found_nothing__gt=0)
        .values("words", "filters")
        .annotate(times=Sum("found_nothing"))
        .order_by("-times", "words", "filters")[:limit]
    )


def filter_combinations(start, end, limit=ROWS):
    """Filter combinations with how often they were used, with or without words."""
    return list(
        counts_between(start, end)
        .exclude(filters="")
        .values("filters")
        .annotate(times=Sum("searches"))
        .order_by("-times", "filters")[:limit]
    )


def filters_in_words(filters, labels):
    """A canonical filter string in words: "Sector: Education or Police; Driver of change: …".

    Facets in the library's own order; a value no longer known (a renamed or deleted sector)
    is shown by its slug."""
    chosen = {}
    for pair in filters.split("&") if filters else ():
        facet, _, value = pair.partition("=")
        chosen.setdefault(facet, []).append(value)
    parts = []
    for facet in [*FACETS, *sorted(set(chosen) - set(FACETS))]:
        if facet in chosen:
            names = [labels.get(facet, {}).get(value, value) for value in chosen[facet]]
            parts.append(f"{TITLES.get(facet, facet)}: {' or '.join(names)}")
    return "; ".join(parts)
