"""Related practice for a case study page: the same change, elsewhere in London.

The case studies the editors picked for the page come first: every one the public may see.
Then, up to four in all, case studies from the library. On the engine, those whose words are
most like this page's (`more_like_this` on its own indexed document, or on its words when it is
not in the library, as in a preview), lifted when they share a driver of change but were led by
another sector. On the database copy (no engine, or one that cannot answer), those that share
the most drivers (a shared driver led by another sector counts double), then the most sectors,
newest first.

The library's answer is kept in each process for the library's version, by page and picks, so
the page shown again costs only the picks and one small query, the read-time guard, until the
library changes.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils import timezone

from wagtail.models import Page

from core.versions import per_version

from .documents import library_document
from .engine import search as engine_search
from .facets import known_values
from .index import alias_name
from .models import LibraryFacetValue, LibraryRecord
from .query import engine_or_database, still_public

LIMIT = 4
CASE_STUDY = "case-study"
# Suggestions kept beyond those shown, for when the read-time guard holds some back.
SPARE = 4
# Answers kept per process at one library version: the most recently shown pages.
KEPT_PAGES = 2000
TEXT_FIELDS = ("title", "summary", "body")
# A small library: a word counts when it is in the page once and in one other page; a match
# must share a fifth of the page's most telling words.
MORE_LIKE_THIS = {
    "min_term_freq": 1,
    "min_doc_freq": 1,
    "max_query_terms": 25,
    "minimum_should_match": "20%",
}
# A shared driver alone is enough to be suggested; led by another sector, the score doubles.
SHARED_DRIVER_SCORE = 1.0
ELSEWHERE_WEIGHT = 2.0
SOURCE = ["page_id", "title", "url", "summary", "lead_sector", "driver", "sector", "labels"]

PICKED = "Chosen by our editors"
SAME_DRIVER_ELSEWHERE = "Same driver of change, in another sector"
SAME_DRIVER = "Same driver of change"
SAME_SECTOR = "Same sector"
SIMILAR = "Similar work"


@dataclass(frozen=True)
class RelatedPractice:
    """One related case study, as its card shows it."""

    page_id: int
    title: str
    url: str
    summary: str
    lead_sector: str  # the lead sector's name
    drivers: tuple  # the drivers' names
    reason: str  # why it is here, in a few words
    pinned: bool = False
    # Not shown: a suggestion whose expiry passes is dropped before the scheduled job runs.
    expire_at: datetime | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class _Answer:
    pinned: dict  # page id -> RelatedPractice, for the picks that are in the library
    suggested: list  # RelatedPractice, best first


class _Kept:
    """Answers worked out at one library version, the most recently used last."""

    def __init__(self):
        self._lock = threading.Lock()
        self._answers = OrderedDict()

    def get(self, key):
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key, answer):
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > KEPT_PAGES:
                self._answers.popitem(last=False)


def related_practice(page, limit=LIMIT):
    """The related practice to show on case study `page`: the public picks first, then
    suggestions from the library up to `limit` in all. A list of `RelatedPractice`."""
    picks = list(page.live_related_case_studies())
    return _shown(_answer(page, picks, limit), picks, limit)


def worked_out(page, limit=LIMIT, engine=None):
    """What `related_practice` shows, worked out afresh on `engine` (by default the configured
    one, if any) rather than read from a kept answer: what a first view costs."""
    picks = list(page.live_related_case_studies())
    answer, _ = _work_out(page, picks, limit, engine)
    return _shown(answer, picks, limit)


def _shown(answer, picks, limit):
    shown = [answer.pinned.get(pick.pk) or _card_of_page(pick) for pick in picks]
    room = limit - len(shown)
    if room <= 0 or not answer.suggested:
        return shown
    # The read-time guard: the answer may be a moment older than a page taken down.
    public = still_public([card.page_id for card in answer.suggested])
    now = timezone.now()
    suggested = [
        card
        for card in answer.suggested
        if card.page_id in public and not (card.expire_at and card.expire_at <= now)
    ]
    return shown + suggested[:room]


def _answer(page, picks, limit):
    key = (page.pk, tuple(pick.pk for pick in picks), limit)
    kept = per_version("related-practice", _Kept)
    answer = kept.get(key)
    if answer is None:
        answer, complete = _work_out(page, picks, limit)
        # Kept only when complete: not a preview, and not the fallback standing in for an
        # engine that is away (the engine's answer replaces it on return).
        if complete:
            kept.put(key, answer)
    return answer


def _own_document(page):
    """The page as the library holds it, and whether it is there (a preview is not)."""
    document = (
        LibraryRecord.objects.filter(page_id=page.pk).values_list("document", flat=True).first()
    )
    if document is not None:
        return document, True
    return library_document(page), False


def _work_out(page, picks, limit, engine=None):
    """The answer for `page` and whether it may be kept."""
    if page.pk is None:  # a preview of a page never saved
        return _Answer(pinned={}, suggested=[]), False
    own, in_library = _own_document(page)
    labels = known_values()
    pick_ids = [pick.pk for pick in picks]
    pinned = {
        page_id: _card(document, own, labels, pinned=True)
        for page_id, document in LibraryRecord.objects.filter(page_id__in=pick_ids).values_list(
            "page_id", "document"
        )
    }
    wanted = limit - len(picks)
    if wanted <= 0:
        return _Answer(pinned=pinned, suggested=[]), in_library
    exclude = [page.pk, *pick_ids]
    size = wanted + SPARE
    documents, fell_back = engine_or_database(
        lambda engine: _on_engine(engine, own, in_library, exclude, size),
        lambda: _on_database(own, exclude, size),
        engine,
    )
    expiries = dict(
        Page.objects.filter(
            pk__in=[d["page_id"] for d in documents], expire_at__isnull=False
        ).values_list("pk", "expire_at")
    )
    suggested = [
        _card(document, own, labels, expire_at=expiries.get(document["page_id"]))
        for document in documents
    ]
    return _Answer(pinned=pinned, suggested=suggested), in_library and not fell_back


# --- search engine -----------------------------------------------------------------------


def engine_request(own, in_library, exclude, size):
    """The engine-neutral request body for the case studies most like `own` (a document)."""
    if in_library:
        like = [{"_index": alias_name(), "_id": str(own["page_id"])}]
    else:
        like = [{"doc": {name: own.get(name) or "" for name in TEXT_FIELDS}}]
    should = [{"more_like_this": {"fields": list(TEXT_FIELDS), "like": like, **MORE_LIKE_THIS}}]
    functions = []
    if own["driver"]:
        same_change = {"terms": {"driver": list(own["driver"])}}
        should.append({"constant_score": {"filter": same_change, "boost": SHARED_DRIVER_SCORE}})
        elsewhere = {
            "bool": {
                "filter": [same_change],
                "must_not": [{"term": {"lead_sector": own["lead_sector"]}}],
            }
        }
        functions.append({"filter": elsewhere, "weight": ELSEWHERE_WEIGHT})
    query = {
        "bool": {
            "filter": [{"term": {"type": CASE_STUDY}}],
            "must_not": [{"ids": {"values": [str(page_id) for page_id in exclude]}}],
            "should": should,
            "minimum_should_match": 1,
        }
    }
    if functions:
        query = {
            "function_score": {"query": query, "functions": functions, "boost_mode": "multiply"}
        }
    return {
        "query": query,
        "sort": [
            "_score",
            {"published": {"order": "desc", "missing": "_last"}},
            {"page_id": "asc"},
        ],
        "size": size,
        "track_total_hits": False,
        "_source": SOURCE,
    }


def _on_engine(engine, own, in_library, exclude, size):
    response = engine_search(engine, alias_name(), engine_request(own, in_library, exclude, size))
    sources = [hit["_source"] for hit in response["hits"]["hits"]]
    shown = still_public([source["page_id"] for source in sources])
    return [source for source in sources if source["page_id"] in shown]


# --- database fallback -------------------------------------------------------------------


def _on_database(own, exclude, size):
    drivers, sectors = list(own["driver"]), list(own["sector"])
    if not drivers and not sectors:
        return []
    # Counted from the shared facet values alone (the facet index finds them), not from every
    # value of every case study.
    ranked = (
        LibraryFacetValue.objects.filter(
            Q(facet="driver", value__in=drivers) | Q(facet="sector", value__in=sectors),
            record__type=CASE_STUDY,
        )
        .exclude(record__page_id__in=exclude)
        .values("record_id")
        .annotate(
            shared_drivers=Count("pk", filter=Q(facet="driver")),
            shared_sectors=Count("pk", filter=Q(facet="sector")),
            elsewhere=Case(
                When(record__document__lead_sector=own["lead_sector"], then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            published=F("record__published"),
            page_id=F("record__page_id"),
        )
        .annotate(driver_score=F("shared_drivers") * F("elsewhere"))
        .order_by(
            "-driver_score", "-shared_sectors", F("published").desc(nulls_last=True), "page_id"
        )
    )
    ids = list(ranked.values_list("record_id", flat=True)[:size])
    documents = dict(LibraryRecord.objects.filter(pk__in=ids).values_list("pk", "document"))
    return [documents[pk] for pk in ids]


# --- cards -------------------------------------------------------------------------------


def _reason(document, own, pinned):
    if pinned:
        return PICKED
    if set(document["driver"]) & set(own["driver"]):
        if document["lead_sector"] != own["lead_sector"]:
            return SAME_DRIVER_ELSEWHERE
        return SAME_DRIVER
    if set(document["sector"]) & set(own["sector"]):
        return SAME_SECTOR
    return SIMILAR


def _card(document, own, labels, pinned=False, expire_at=None):
    # The taxonomy's names now; the document's own as they were, for a value since removed.
    named = document.get("labels") or {}

    def label(facet, slug):
        return labels[facet].get(slug) or named.get(facet, {}).get(slug, slug)

    lead = document.get("lead_sector") or ""
    return RelatedPractice(
        page_id=document["page_id"],
        title=document["title"],
        url=document["url"],
        summary=document.get("summary") or "",
        lead_sector=label("sector", lead) if lead else "",
        drivers=tuple(label("driver", slug) for slug in document.get("driver", [])),
        reason=_reason(document, own, pinned),
        pinned=pinned,
        expire_at=expire_at,
    )


def _card_of_page(page):
    """A pick the library does not hold yet (its record is written as it is published)."""
    return RelatedPractice(
        page_id=page.pk,
        title=page.title,
        url=page.url,
        summary=getattr(page, "summary", ""),
        lead_sector="",
        drivers=(),
        reason=PICKED,
        pinned=True,
    )
