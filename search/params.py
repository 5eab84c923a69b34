"""Reading a library request's query string into a `LibraryQuery`, or saying what is wrong."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from core.numbers import whole_number

from .facets import FACETS, known_values
from .query import MAX_PAGE, SORTS, LibraryQuery
from .words import search_words

MAX_QUERY_LENGTH = 200


class BadLibraryRequest(ValueError):
    """A malformed parameter: the message is shown to the person who sent it."""


@dataclass
class ParsedRequest:
    query: LibraryQuery
    ignored: list = field(default_factory=list)


def parse(params, labels=None):
    labels = labels or known_values()
    q = search_words(params.get("q", ""))
    if len(q) > MAX_QUERY_LENGTH:
        raise BadLibraryRequest(
            f"Your search is too long. Please use {MAX_QUERY_LENGTH} characters or fewer."
        )
    page = whole_number(params.get("page", "1").strip() or "1")
    if page is None or page < 1:
        raise BadLibraryRequest("The page number must be a whole number from 1.")
    if page > MAX_PAGE:
        raise BadLibraryRequest(f"The page number must be {MAX_PAGE} or less.")
    ignored = []
    filters = {}
    for facet in FACETS:
        chosen = []
        for value in params.getlist(facet):
            value = value.strip()
            if not value:
                continue
            if value in labels[facet]:
                if value not in chosen:
                    chosen.append(value)
            else:
                ignored.append({"parameter": facet, "value": value[:100]})
        if chosen:
            filters[facet] = tuple(chosen)
    sort = params.get("sort", "").strip() or "relevance"
    if sort not in SORTS:
        ignored.append({"parameter": "sort", "value": sort[:100]})
        sort = "relevance"
    return ParsedRequest(LibraryQuery(q=q, filters=filters, sort=sort, page=page), ignored)


def query_string(query, sort=True, without=()):
    """The query string that asks for `query` again (without its page): "?q=…&sector=…".

    `without` leaves out (facet, value) pairs, for links that remove one filter."""
    params = [("q", query.q)] if query.q else []
    for facet in FACETS:
        params += [(facet, v) for v in query.selected(facet) if (facet, v) not in without]
    if sort and query.sort != "relevance":
        params.append(("sort", query.sort))
    return "?" + urlencode(params) if params else ""
