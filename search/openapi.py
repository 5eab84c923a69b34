"""The library's open API, described for machines: an OpenAPI 3.1 document.

`/api/library/openapi.json` describes the four public, read-only endpoints: the library's
results as JSON, title suggestions, the Atom feed and the spreadsheet export. Partners
generate clients from it, and the tests drive every operation it lists with generated
requests. The facet values it lists come from the editor-owned taxonomies, so the document is
worked out once per library version, like the facet labels; only the server address (the
host the document was asked for at) is added per request. It names facet values, which are
public, and never a page.
"""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from core.versions import per_version

from .export import MAX_ROWS
from .facets import FACETS, TITLES, known_values
from .feeds import FEED_SIZE
from .params import MAX_QUERY_LENGTH
from .query import MAX_PAGE, PAGE_SIZE, SORTS

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
MAX_SUGGESTIONS = 8  # what `query.suggest` gives at most

FACET_WORDS = {
    "type": "a kind of page (case study, recommendation, definition and so on)",
    "sector": "a sector the practice involves, as lead or partner",
    "driver": "a driver of change the practice works through",
    "evidence": "how strongly a case study's results were evaluated",
    "borough": "a London borough the practice took place in",
}

ERROR = {"$ref": "#/components/responses/BadRequest"}


def _strings(**extra):
    return {"type": "array", "items": {"type": "string"}, **extra}


def _object(properties, description=""):
    """An object whose listed fields are always there; more may be added later."""
    schema = {"type": "object", "properties": properties, "required": list(properties)}
    if description:
        schema["description"] = description
    return schema


def _text_parameter(suggest=False):
    words = (
        "What has been typed so far: titles whose words start with it are suggested. "
        "Control characters count as spaces. "
        if suggest
        else "Words to search for in titles, summaries and the full text. Spaces between "
        "words are collapsed; control characters count as spaces. "
    )
    return {
        "name": "q",
        "in": "query",
        "required": False,
        "description": words + f"At most {MAX_QUERY_LENGTH} characters.",
        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
    }


def _facet_parameter(facet, values):
    items = {"type": "string"}
    if values:
        items["enum"] = list(values)
    return {
        "name": facet,
        "in": "query",
        "required": False,
        "description": (
            f"{TITLES[facet]}: the slug of {FACET_WORDS[facet]}. Repeat the parameter to "
            "choose several: a result matches any of the values chosen for one facet, and "
            "every facet chosen. A value the library does not know is ignored and listed "
            "under `ignored`."
        ),
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": items},
    }


SORT_PARAMETER = {
    "name": "sort",
    "in": "query",
    "required": False,
    "description": (
        "The order of results: `relevance` (best match first; newest first when there are no "
        "search words), `newest`, `oldest` or `title` (A to Z). Any other value is ignored "
        "and listed under `ignored`."
    ),
    "schema": {"type": "string", "enum": list(SORTS), "default": "relevance"},
}

PAGE_PARAMETER = {
    "name": "page",
    "in": "query",
    "required": False,
    "description": (
        f"Which page of results, {PAGE_SIZE} to a page: a whole number from 1 to {MAX_PAGE}, "
        "in ASCII digits."
    ),
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
}


def _parameters(labels, sort=True, page=True):
    parameters = [_text_parameter()]
    parameters += [_facet_parameter(facet, labels[facet]) for facet in FACETS]
    if sort:
        parameters.append(SORT_PARAMETER)
    if page:
        parameters.append(PAGE_PARAMETER)
    return parameters


def _json(schema_name, description):
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def _text(media_type, description, headers=None):
    response = {
        "description": description,
        "content": {media_type: {"schema": {"type": "string"}}},
    }
    if headers:
        response["headers"] = headers
    return response


def _components():
    labels = _object(
        {
            "type": {"type": "string"},
            "sectors": _strings(),
            "drivers": _strings(),
            "boroughs": _strings(),
            "evidence": _strings(),
        },
        "The names people read for the result's slugs, in the same order.",
    )
    item = _object(
        {
            "title": {"type": "string"},
            "url": {"type": "string", "description": "The page's address on this site."},
            "type": {"type": "string", "description": "The page type's slug."},
            "summary": {"type": "string"},
            "sectors": _strings(description="Sector slugs."),
            "drivers": _strings(description="Driver of change slugs."),
            "boroughs": _strings(description="Borough slugs."),
            "evidence": _strings(description="The evidence level's slug, for case studies."),
            "published": {
                "type": ["string", "null"],
                "format": "date-time",
                "description": "When the page was first published, or null.",
            },
            "highlight": {
                "type": "string",
                "description": "The summary as HTML with the matching words in `<mark>`, when "
                "the search engine answered a search; otherwise empty.",
            },
            "labels": labels,
        }
    )
    facet_value = _object(
        {
            "value": {"type": "string", "description": "The slug to send back as a filter."},
            "label": {"type": "string"},
            "count": {
                "type": "integer",
                "minimum": 0,
                "description": "How many results this value would give with the other "
                "facets' choices.",
            },
            "selected": {"type": "boolean"},
        }
    )
    results = _object(
        {
            "count": {"type": "integer", "minimum": 0, "description": "Matching results."},
            "page": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            "pages": {"type": "integer", "minimum": 1},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/LibraryItem"}},
            "promoted": {
                "type": "array",
                "maxItems": 3,
                "description": "Pages the moderators recommend for exactly these search words, "
                "best first, on the first page only; they may also be among `results`.",
                "items": {"$ref": "#/components/schemas/LibraryItem"},
            },
            "facets": _object(
                {
                    facet: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                    for facet in FACETS
                },
                "Every value of every facet, with its count.",
            ),
            "ignored": {
                "type": "array",
                "description": "Parameters that were not understood and were left out.",
                "items": _object({"parameter": {"type": "string"}, "value": {"type": "string"}}),
            },
            "backend": {
                "type": "string",
                "description": "What answered: the search engine's kind, or `database`.",
            },
            "notice": {
                "type": "string",
                "description": "Said when the search engine could not answer and a simpler "
                "search did; otherwise empty.",
            },
            "suggestion": {
                "type": "string",
                "description": "A spelling to try when a search found nothing; otherwise empty.",
            },
        }
    )
    suggestion = _object(
        {"title": {"type": "string"}, "url": {"type": "string"}, "type": {"type": "string"}}
    )
    suggestions = _object(
        {
            "suggestions": {
                "type": "array",
                "maxItems": MAX_SUGGESTIONS,
                "items": {"$ref": "#/components/schemas/Suggestion"},
            }
        }
    )
    error = _object(
        {"error": {"type": "string", "description": "What is wrong, in words to show people."}}
    )
    return {
        "schemas": {
            "LibraryResults": results,
            "LibraryItem": item,
            "FacetValue": facet_value,
            "Suggestions": suggestions,
            "Suggestion": suggestion,
            "Error": error,
        },
        "responses": {
            "BadRequest": _json(
                "Error",
                "A parameter is malformed: a page number that is not one, or too long a search.",
            )
        },
    }


def _paths(labels):
    return {
        "/api/library/": {
            "get": {
                "operationId": "searchLibrary",
                "summary": "Search and filter the library",
                "description": (
                    "Published practice that matches the search words and filters, a page at "
                    "a time, with every facet's values and counts."
                ),
                "parameters": _parameters(labels),
                "responses": {
                    "200": _json("LibraryResults", "A page of results."),
                    "400": ERROR,
                },
            }
        },
        "/api/library/suggest/": {
            "get": {
                "operationId": "suggestTitles",
                "summary": "Suggest titles as someone types",
                "description": f"Up to {MAX_SUGGESTIONS} published titles that match.",
                "parameters": [_text_parameter(suggest=True)],
                "responses": {
                    "200": _json("Suggestions", "The suggestions, best first."),
                    "400": ERROR,
                },
            }
        },
        "/library/feed/": {
            "get": {
                "operationId": "libraryFeed",
                "summary": "Follow new practice as an Atom feed",
                "description": (
                    f"The newest {FEED_SIZE} published items that match the search words and "
                    "filters, newest first."
                ),
                "parameters": _parameters(labels, sort=False, page=False),
                "responses": {
                    "200": _text("application/atom+xml", "An Atom feed."),
                    "400": ERROR,
                },
            }
        },
        "/library/export.csv": {
            "get": {
                "operationId": "exportLibrary",
                "summary": "Download the results as a spreadsheet",
                "description": (
                    f"Every published item that matches, up to {MAX_ROWS:,}, in the order "
                    "asked for, as a CSV file encoded in UTF-8."
                ),
                "parameters": _parameters(labels, page=False),
                "responses": {
                    "200": _text(
                        "text/csv",
                        "A CSV file, one row for each item.",
                        headers={
                            "Content-Disposition": {
                                "description": "Asks for the file to be saved, with its name.",
                                "schema": {"type": "string"},
                            }
                        },
                    ),
                    "400": ERROR,
                },
            }
        },
    }


def _document():
    labels = known_values()
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Practice Library API",
            "version": API_VERSION,
            "description": (
                "Read-only access to the Practice Library: trauma-informed practice from "
                "across London. Search and filter published case studies, recommendations and "
                "definitions, suggest titles, follow a filter as a feed or download it as a "
                "spreadsheet. No sign-in is needed, and any website may call it from a browser."
            ),
        },
        "paths": _paths(labels),
        "components": _components(),
    }


def document(request):
    """The OpenAPI document, with this site's address as it was asked for as the server."""
    described = per_version("openapi-document", _document)
    server = {"url": request.build_absolute_uri("/").rstrip("/"), "description": "This site."}
    return {
        "openapi": described["openapi"],
        "info": described["info"],
        "servers": [server],
        **{key: value for key, value in described.items() if key not in ("openapi", "info")},
    }


@require_GET
def openapi_json(request):
    return JsonResponse(document(request), json_dumps_params={"ensure_ascii": False})
