"""A saved library filter: made from a library request, described in words, queried again.

The filter is kept as the library reads it (search.params.parse): search words normalised and
lowercased, only facet values the library knows, each facet's values sorted. So two links that
ask for the same practice save the same filter, and a digest asks the library exactly what
the sign-up page described.
"""

from search.facets import FACETS, TITLES
from search.params import parse, query_string
from search.query import LibraryQuery


def saved_filter(params, labels):
    """The filter in `params` (a QueryDict) and what was left out of it.

    Raises search.params.BadLibraryRequest for a malformed parameter."""
    parsed = parse(params, labels)
    query = parsed.query
    filters = {facet: sorted(query.selected(facet)) for facet in FACETS if query.selected(facet)}
    return {"q": query.q.lower(), "filters": filters}, parsed.ignored


def library_query(saved, size):
    """The library query for the newest practice that matches a saved filter."""
    return LibraryQuery(
        q=saved.get("q", ""),
        filters={facet: tuple(values) for facet, values in saved.get("filters", {}).items()},
        sort="newest",
        size=size,
        facets=False,
    )


def filter_key(saved):
    """The saved filter as a library query string, without the "?"."""
    return query_string(library_query(saved, size=1), sort=False).lstrip("?")


def describe(saved, labels):
    """The filter in words, one line a part: ["Sector: Education or Local authorities", ...].

    An empty list means every new piece of practice."""
    lines = []
    for facet in FACETS:
        values = saved.get("filters", {}).get(facet, [])
        if values:
            names = [labels.get(facet, {}).get(value, value) for value in values]
            lines.append(f"{TITLES[facet]}: {' or '.join(names)}")
    if saved.get("q"):
        lines.append(f"Search words: “{saved['q']}”")
    return lines


def in_words(saved, labels):
    """The filter in one line, for subjects and the admin: "Sector: Education; Type: ..."."""
    return "; ".join(describe(saved, labels)) or "All new practice"
