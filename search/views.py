"""The practice library page, its JSON API and title suggestions. Thin: parse, query, render."""

from datetime import datetime

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core import page_cache

from . import query as library
from .facet_panel import checkboxes
from .facets import FACETS, TITLES, evidence_explained, known_values
from .params import MAX_QUERY_LENGTH, BadLibraryRequest, parse, query_string, search_words
from .promotions import promoted_documents
from .result_cards import cards
from .searched import searched

FOLD_AFTER = 8


def facet_listing(results, parsed, labels):
    """Every value of every facet with its label, count and whether it is ticked."""
    listing = {}
    for facet in FACETS:
        selected = parsed.query.selected(facet)
        counts = results.facet_counts.get(facet, {})
        listing[facet] = [
            {
                "value": slug,
                "label": label,
                "count": counts.get(slug, 0),
                "selected": slug in selected,
            }
            for slug, label in labels[facet].items()
        ]
    return listing


def result_json(hit, labels):
    return {
        "title": hit["title"],
        "url": hit["url"],
        "type": hit["type"],
        "summary": hit["summary"],
        "sectors": hit["sector"],
        "drivers": hit["driver"],
        "boroughs": hit["borough"],
        "evidence": hit.get("evidence", []),
        "published": hit["published"],
        "highlight": hit.get("highlight", ""),
        "labels": {
            "type": labels["type"].get(hit["type"], hit["type"]),
            "sectors": [labels["sector"].get(s, s) for s in hit["sector"]],
            "drivers": [labels["driver"].get(d, d) for d in hit["driver"]],
            "boroughs": [labels["borough"].get(b, b) for b in hit["borough"]],
            "evidence": [labels["evidence"].get(e, e) for e in hit.get("evidence", [])],
        },
    }


@require_GET
def library_api(request):
    labels = known_values()
    try:
        parsed = parse(request.GET, labels)
    except BadLibraryRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    cacheable = page_cache.cacheable(request)
    variant = ("api", kept_as(parsed))
    if cacheable:
        version, kept = page_cache.lookup(request, variant)
        if kept is not None:
            body, count = kept
            searched(parsed.query, count)
            return HttpResponse(body, content_type="application/json")
    results = library.run(parsed.query)
    searched(parsed.query, results.count)
    response = JsonResponse(
        {
            "count": results.count,
            "page": results.page,
            "pages": results.pages,
            "results": [result_json(hit, labels) for hit in results.hits],
            "promoted": [result_json(d, labels) for d in promoted_documents(parsed.query)],
            "facets": facet_listing(results, parsed, labels),
            "ignored": parsed.ignored,
            "backend": results.backend,
            "notice": results.fallback_notice,
            "suggestion": results.suggestion,
        }
    )
    # Kept as the library page is: only a complete answer, never one from the fallback.
    if cacheable and not results.fallback_notice:
        page_cache.keep_page(request, variant, version, response.content, results.count)
    return response


@require_GET
def suggest_api(request):
    text = search_words(request.GET.get("q", ""))
    if len(text) > MAX_QUERY_LENGTH:
        return JsonResponse({"error": f"Type {MAX_QUERY_LENGTH} characters or fewer."}, status=400)
    return JsonResponse({"suggestions": library.suggest(text)})


def _link(parsed, without=()):
    return query_string(parsed.query, without=without) or "?"


def published_on(hit):
    """The publication time as a date in the site's time zone (London), for people to read."""
    if not hit.get("published"):
        return None
    return timezone.localtime(datetime.fromisoformat(hit["published"])).date()


def page_numbers(current, last):
    """First, last and the pages either side of the current one; None where pages are skipped."""
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    numbers = []
    for n in wanted:
        if numbers and n - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers


def kept_as(parsed):
    """What tells one kept library page from another: the parsed query (words, sorted filter
    values, sort and page), never the raw parameters, so unknown, repeated or reordered ones
    neither bypass nor flood the kept pages."""
    query = parsed.query
    filters = tuple((facet, tuple(sorted(query.selected(facet)))) for facet in FACETS)
    return repr((query.q, filters, query.sort, query.page, bool(parsed.ignored)))


@require_GET
def library_page(request):
    labels = known_values()
    try:
        parsed = parse(request.GET, labels)
    except BadLibraryRequest as error:
        return render(
            request, "search/library.html", {"error": str(error), "labels": labels}, status=400
        )
    cacheable = page_cache.cacheable(request)
    if cacheable:
        version, kept = page_cache.lookup(request, kept_as(parsed))
        if kept is not None:
            html, count = kept
            searched(parsed.query, count)
            return HttpResponse(html)
    results = library.run(parsed.query)
    searched(parsed.query, results.count)
    listing = facet_listing(results, parsed, labels)
    chips = [
        {
            "name": facet,
            "value": value,
            "facet": TITLES[facet],
            "label": labels[facet][value],
            "remove_url": _link(parsed, without={(facet, value)}),
        }
        for facet in FACETS
        for value in parsed.query.selected(facet)
    ]
    # What each evidence level means, under its checkbox.
    hints = {"evidence": evidence_explained()}
    base = _link(parsed)
    filter_only = query_string(parsed.query, sort=False)
    page_link = base + ("&" if base != "?" else "") + "page="
    # Pages the moderators recommend for these words show first, marked, and not again below.
    promoted = [
        {**result_json(document, labels), "published_on": published_on(document), "promoted": True}
        for document in promoted_documents(parsed.query)
    ]
    shown_first = {item["url"] for item in promoted}
    hits = promoted + [
        {**result_json(hit, labels), "published_on": published_on(hit)}
        for hit in results.hits
        if hit["url"] not in shown_first
    ]
    context = {
        "query": parsed.query,
        "results": results,
        "hits": hits,
        "cards": cards(hits),
        "facets": [
            {
                "name": facet,
                "title": TITLES[facet],
                "values": listing[facet],
                "checkboxes": checkboxes(facet, listing[facet], labels, hints),
                # Long lists fold away until wanted; open when one of them is ticked.
                "folded": len(listing[facet]) > FOLD_AFTER,
                "open": any(option["selected"] for option in listing[facet]),
            }
            for facet in FACETS
        ],
        "chips": chips,
        "feed_url": reverse("library-feed") + filter_only,
        "export_url": reverse("library-export") + base.rstrip("?"),
        "ignored": parsed.ignored,
        "sorts": [(s, s.capitalize() if s != "relevance" else "Best match") for s in library.SORTS],
        "previous_url": page_link + str(results.page - 1) if results.page > 1 else "",
        "next_url": page_link + str(results.page + 1) if results.page < results.pages else "",
        "page_numbers": [
            {"number": n, "url": page_link + str(n), "current": n == results.page} if n else None
            for n in page_numbers(results.page, results.pages)
        ],
    }
    response = render(request, "search/library.html", context)
    # A page answered by the fallback is not kept: the engine's answer replaces it on return.
    if cacheable and not results.fallback_notice:
        page_cache.keep_page(request, kept_as(parsed), version, response.content, results.count)
    return response
