"""The library as an Atom feed: the newest practice for any library filter.

`/library/feed/?sector=education&driver=…` takes the library's own parameters (sort and page
are not needed: a feed is always the newest first) and lists the newest 50 matching items, so
a partner can follow new practice in their sector from a feed reader or an intranet. It asks
the same query layer as the library page, so it shows exactly what the library shows.
"""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from . import query as library
from .facets import FACETS, known_values
from .params import BadLibraryRequest, parse, query_string

FEED_SIZE = 50


def describe(query, labels):
    """The filter in words, for the feed's title: "Education, Safe relationships"."""
    chosen = [labels[facet][value] for facet in FACETS for value in query.selected(facet)]
    if query.q:
        chosen.append(f"“{query.q}”")
    return ", ".join(chosen)


class LibraryFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadLibraryRequest as error:
            return JsonResponse({"error": str(error)}, status=400)

    def get_object(self, request):
        labels = known_values()
        parsed = parse(request.GET, labels)
        query = library.LibraryQuery(
            q=parsed.query.q,
            filters=parsed.query.filters,
            sort="newest",
            size=FEED_SIZE,
            facets=False,
        )
        return {
            "query": query,
            "labels": labels,
            "filter": query_string(query, sort=False),
            "results": library.run(query),
        }

    def title(self, feed):
        described = describe(feed["query"], feed["labels"])
        name = "New practice in the Practice Library"
        return f"{name}: {described}" if described else name

    def subtitle(self, feed):
        return (
            "The newest trauma-informed practice from across London that matches this "
            "filter, up to 50 items."
        )

    def link(self, feed):
        return reverse("library") + feed["filter"]

    def feed_url(self, feed):
        return reverse("library-feed") + feed["filter"]

    def items(self, feed):
        labels = feed["labels"]
        return [{**hit, "labels": labels} for hit in feed["results"].hits]

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["summary"]

    def item_link(self, item):
        return item["url"]

    def item_pubdate(self, item):
        return datetime.fromisoformat(item["published"]) if item.get("published") else None

    def item_categories(self, item):
        labels = item["labels"]
        return [
            labels["type"].get(item["type"], item["type"]),
            *(labels["sector"].get(slug, slug) for slug in item["sector"]),
            *(labels["driver"].get(slug, slug) for slug in item["driver"]),
        ]


library_feed = require_GET(LibraryFeed())
