"""What the rest of the site says about one driver of change, read live for its page: the
roadmap's stages, the recommendations that serve it and its case studies in the library.

Only what the public may see: the roadmap and recommendations through the one rule for
"public" (`core.public`), the case studies through the library's query layer, whose read-time
guard drops any hit the public may no longer see, on the search engine or the database copy.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.dateparse import parse_datetime

from casestudies.models import CaseStudyPage, RecommendationPage, Sector
from core.public import public
from core.versions import per_current_version
from roadmap.models import RoadmapPage
from roadmap.profile import framework
from search.query import EVIDENCE, LibraryQuery, run

CASE_STUDIES_SHOWN = 6  # no more than the library's page of results
EVIDENCE_LABELS = dict(CaseStudyPage.EvidenceLevel.choices)


@dataclass
class RoadmapStages:
    page: object  # the public RoadmapPage
    stages: list  # roadmap.profile.StageGuide, in the roadmap's order
    url: str  # the roadmap, at this driver's part of it


def _expiry(pages):
    return min((page.expire_at for page in pages if page and page.expire_at), default=None)


def _read_roadmap_stages():
    page = public(RoadmapPage.objects.all()).order_by("path").first()
    if page is None:
        return {}, None
    return {
        guide.driver.pk: RoadmapStages(
            page=page, stages=guide.stages, url=f"{page.url}#guide-{guide.driver.slug}"
        )
        for guide in framework(page)
    }, _expiry([page])


def roadmap_stages(driver, request=None):
    """What each stage of the public roadmap looks like for `driver`, or None when there is no
    public roadmap or it does not describe this driver. Read once per library version (any
    publish moves it on)."""
    return per_current_version("roadmap-stages", _read_roadmap_stages, request).get(driver.pk)


def driver_recommendations(driver, request=None):
    """The public recommendations that serve `driver`, in the order of the recommendations
    page. Read once per library version."""

    def read():
        pages = list(public(RecommendationPage.objects.filter(drivers=driver)).order_by("path"))
        return pages, _expiry(pages)

    return per_current_version(("driver-recommendations", driver.pk), read, request)


@dataclass
class CaseStudyCard:
    title: str
    url: str
    summary: str
    evidence_level: str
    evidence_label: str
    sector_label: str  # the lead sector
    published: object  # datetime or None


@dataclass
class DriverCaseStudies:
    count: int  # every public case study with this driver
    shown: list  # CaseStudyCard: strongest evidence first, newest first within a level
    by_sector: list = field(default_factory=list)  # (sector, count, library url)
    library_url: str = ""  # everything in the library for this driver
    case_studies_url: str = ""  # this driver's case studies in the library


def _library_link(**filters):
    params = [("type", "case-study")]
    params += [(name, value) for name, value in filters.items()]
    return reverse("library") + "?" + urlencode(params)


def _card(hit):
    sectors = hit.get("sector") or []
    labels = (hit.get("labels") or {}).get("sector", {})
    level = hit.get("evidence_level") or ""
    return CaseStudyCard(
        title=hit["title"],
        url=hit["url"],
        summary=hit.get("summary") or "",
        evidence_level=level,
        evidence_label=EVIDENCE_LABELS.get(level, ""),
        sector_label=labels.get(sectors[0], "") if sectors else "",
        published=parse_datetime(hit["published"]) if hit.get("published") else None,
    )


def driver_case_studies(driver, shown=CASE_STUDIES_SHOWN):
    """The driver's case studies from the library, in one request: how many, how many in each
    sector, and the first few with the strongest evidence, newest first within a level."""
    results = run(
        LibraryQuery(
            filters={"type": ("case-study",), "driver": (driver.slug,)},
            sort=EVIDENCE,
            page=1,
            facets=("sector",),
        )
    )
    counts = results.facet_counts.get("sector", {})
    by_sector = [
        (sector, counts[sector.slug], _library_link(driver=driver.slug, sector=sector.slug))
        for sector in Sector.objects.all()
        if counts.get(sector.slug)
    ]
    return DriverCaseStudies(
        count=results.count,
        shown=[_card(hit) for hit in results.hits[:shown]],
        by_sector=by_sector,
        library_url=driver.library_url,
        case_studies_url=_library_link(driver=driver.slug),
    )
