"""A page that leaves the library is gone from every public surface, on every backend.

Each way a page can leave (unpublished, deleted in code or in the admin, restricted on the page
or on its section by password, login or group, moved under a private section, or past its
expiry) is made after the page was indexed and seen everywhere: in the library's results, counts
and facet counts, title suggestions, the landscape, the home page's featured practice, the
roadmap and its profile, the sitemap and the library page, whose kept copy for the public must
be retired too. A page that stays, in another section, is checked alongside, so a surface that
shows nothing never passes.
"""

import datetime
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import FeaturedPractice
from moderation.roles import MODERATORS
from roadmap.models import LandscapePage, RoadmapPage, RoadmapStage, RoadmapStatement
from search.landscape import landscape
from tests.practice import (
    TEST_PASSWORD,
    borough,
    case_study,
    driver,
    home_page,
    publish_page,
    section,
    sector,
)
from tests.roadmap.conftest import STAGES, answer_params, stage_values
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Practice:
    """A case study as the public finds it: its title, a word only it has, its facet values."""

    title: str
    word: str
    sector: str
    driver: str
    borough: str

    @property
    def slug(self):
        return self.title.lower().replace(" ", "-")


LEAVING = Practice("Quayside listening circles", "quayside", "education", "voice", "camden")
STAYING = Practice(
    "Harbour custody care", "harbour", "metropolitan-police-service", "relationships", "hackney"
)

SURFACES = {
    "library results",
    "library count",
    "library listing",
    "library facet counts",
    "suggest",
    "landscape counts",
    "landscape page",
    "home page featured",
    "roadmap",
    "roadmap profile",
    "sitemap",
    "library page",
    "library page listing",
}


def where_shown(client, practice, site):
    """The public surfaces on which `practice` can be seen, asked as an anonymous reader."""
    shown = set()
    searched = client.get("/api/library/", {"q": practice.word}).json()
    if practice.title in {r["title"] for r in searched["results"]}:
        shown.add("library results")
    if searched["count"]:
        shown.add("library count")
    listing = client.get("/api/library/", {"type": "case-study", "sort": "title"}).json()
    if practice.title in {r["title"] for r in listing["results"]}:
        shown.add("library listing")
    facets = listing["facets"]
    if any(
        option["count"]
        for facet, value in (
            ("sector", practice.sector),
            ("driver", practice.driver),
            ("borough", practice.borough),
        )
        for option in facets[facet]
        if option["value"] == value
    ):
        shown.add("library facet counts")
    suggestions = client.get("/api/library/suggest/", {"q": practice.word}).json()["suggestions"]
    if practice.title in {s["title"] for s in suggestions}:
        shown.add("suggest")
    counts = landscape()
    if counts.cell(practice.sector, practice.driver) or counts.boroughs.get(practice.borough):
        shown.add("landscape counts")
    # Read from the HTML: the public may be answered from a kept page, which has no context.
    landscape_page = BeautifulSoup(client.get(site["landscape"].url).content, "html.parser")
    cell = next(
        link
        for link in landscape_page.select("td.heat a")
        if f"sector={practice.sector}&driver={practice.driver}" in link["href"]
    )
    if int(cell.contents[0]):
        shown.add("landscape page")
    if practice.title in client.get("/").content.decode():
        shown.add("home page featured")
    roadmap = site["roadmap"]
    if practice.title in client.get(roadmap.url).content.decode():
        shown.add("roadmap")
    profile = answer_params(site["statements"], [1, 1])
    if practice.title in client.get(roadmap.url, profile).content.decode():
        shown.add("roadmap profile")
    if f"/{practice.slug}/</loc>" in client.get("/sitemap.xml").content.decode():
        shown.add("sitemap")
    if practice.title in client.get("/library/", {"q": practice.word}).content.decode():
        shown.add("library page")
    if practice.title in client.get("/library/", {"sort": "title"}).content.decode():
        shown.add("library page listing")
    return shown


def case_study_in(parent, practice):
    """A published case study under `parent`, with the practice's own words and facet values."""
    page = CaseStudyPage(
        title=practice.title,
        slug=practice.slug,
        summary=f"Staff and young people meet at the {practice.word} to talk.",
        organisation="Riverside Partnership (illustrative)",
        lead_sector=sector(practice.sector),
        challenge="<p>Young people felt unheard.</p>",
        approach="<p>Weekly conversations with a trained facilitator.</p>",
        started=datetime.date(2024, 1, 1),
    )
    page.drivers = [driver(practice.driver)]
    page.boroughs = [borough(practice.borough)]
    return publish_page(parent, page)


def roadmap_linking(pages):
    """A roadmap whose one driver links `pages` at every stage, with two statements."""
    voice = driver("voice")
    page = RoadmapPage(
        title="Roadmap",
        slug="roadmap",
        drivers=[
            {
                "type": "driver",
                "value": {
                    "driver": voice.pk,
                    "introduction": "",
                    "stages": stage_values(
                        [f"Voice looks {name.lower()}." for name in STAGES],
                        {number: ([], pages) for number in range(1, len(STAGES) + 1)},
                    ),
                },
            }
        ],
    )
    page.stages = [
        RoadmapStage(name=name, description=f"{name} stage.", sort_order=i)
        for i, name in enumerate(STAGES)
    ]
    page.statements = [
        RoadmapStatement(driver=voice, text="People help decide how the service is run."),
        RoadmapStatement(driver=voice, text="We say what changed because of feedback."),
    ]
    return publish_page(home_page(), page)


@pytest.fixture
def site(library_backend, indexed):
    """Both pages, indexed and linked from every surface that can show a case study."""
    driver("voice", "Voice and participation")
    driver("relationships", "Relationships and trust")
    partners = section(CaseStudyIndexPage, "partner-practice", "Practice from partners")
    private = section(CaseStudyIndexPage, "practice-in-review", "Practice in review")
    with indexed():
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="in-review"
        )
        staying = case_study(
            STAYING.title,
            summary=f"Officers met young people at the {STAYING.word}.",
            lead_sector=sector(STAYING.sector),
            drivers=[driver(STAYING.driver)],
            boroughs=[borough(STAYING.borough)],
        )
        leaving = case_study_in(partners, LEAVING)
    home = home_page()
    home.featured_practice = [FeaturedPractice(page=leaving), FeaturedPractice(page=staying)]
    home.save_revision().publish()
    roadmap = roadmap_linking([leaving, staying])
    return {
        "leaving": leaving,
        "partners": partners,
        "private": private,
        "landscape": publish_page(home_page(), LandscapePage(title="Landscape", slug="landscape")),
        "roadmap": roadmap,
        "statements": list(roadmap.statements.all()),
    }


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name=MODERATORS)])


def delete_in_the_admin(site):
    admin = get_user_model().objects.create_superuser(
        "site-admin", "admin@example.org", TEST_PASSWORD
    )
    editor = signed_in(admin)
    response = editor.post(reverse("wagtailadmin_pages:delete", args=(site["leaving"].pk,)))
    assert response.status_code == 302


def expire(site):
    page = site["leaving"]
    # An editor schedules the expiry: the page stays in the library until the time comes...
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    # ...the time comes, and the worker's schedule runs Wagtail's scheduled publishing.
    CaseStudyPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())


WAYS_TO_LEAVE = {
    "unpublished": lambda site: site["leaving"].unpublish(),
    "deleted": lambda site: site["leaving"].delete(),
    "deleted in the admin": delete_in_the_admin,
    "password on the page": lambda site: restrict(
        site["leaving"], PageViewRestriction.PASSWORD, password="not-for-the-public"
    ),
    "password on its section": lambda site: restrict(
        site["partners"], PageViewRestriction.PASSWORD, password="not-for-the-public"
    ),
    "login restriction": lambda site: restrict(site["leaving"], PageViewRestriction.LOGIN),
    "group restriction": lambda site: restrict(site["leaving"], PageViewRestriction.GROUPS),
    "moved under a private section": lambda site: site["leaving"].move(
        site["private"], pos="last-child"
    ),
    "expired": expire,
}


@pytest.mark.parametrize("way", list(WAYS_TO_LEAVE))
def test_a_page_that_leaves_the_library_is_gone_from_every_public_surface(
    client, library_backend, indexed, site, way
):
    assert where_shown(client, LEAVING, site) == SURFACES
    assert where_shown(client, STAYING, site) == SURFACES

    with indexed():
        WAYS_TO_LEAVE[way](site)

    assert where_shown(client, LEAVING, site) == set()
    assert where_shown(client, STAYING, site) == SURFACES
    body = client.get("/api/library/", {"type": "case-study"}).json()
    assert body["count"] == 1
    assert [r["title"] for r in body["results"]] == [STAYING.title]
    counts = landscape()
    assert counts.backend == library_backend
    assert (counts.total, counts.matrix, counts.boroughs) == (
        1,
        {STAYING.sector: {STAYING.driver: 1}},
        {STAYING.borough: 1},
    )
