"""A driver page shows the live, public practice that carries its driver, from the library on
Elasticsearch, OpenSearch and the database fallback, and nothing else."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import RecommendationPage
from drivers.practice import CASE_STUDIES_SHOWN
from tests.drivers.conftest import driver_page, how_change_happens, svg_boxes
from tests.practice import case_study, driver, publish_page, recommendation_index, sector

pytestmark = pytest.mark.django_db


def recommendation(title, drivers, publish=True, audience="implementers"):
    page = RecommendationPage(
        title=title,
        summary=f"{title}: in short.",
        audience=audience,
        actions=[("action", {"action": "Start small", "detail": ""})],
    )
    page.drivers = drivers
    if publish:
        return publish_page(recommendation_index(), page)
    page.live = False
    recommendation_index().add_child(instance=page)
    page.save_revision()
    return page


def restricted(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return page


@pytest.fixture
def practice(indexed):
    trust = driver("relationships", "Relationships and trust")
    voice = driver("voice", "Voice and participation")
    with indexed():
        case_study(
            "Custody with care",
            lead_sector=sector("metropolitan-police-service"),
            partner_sectors=[sector("education")],
            drivers=[trust],
        )
        case_study("Calm classrooms", lead_sector=sector("education"), drivers=[trust])
        case_study(
            "Mentors in every school",
            lead_sector=sector("education"),
            partner_sectors=[sector("local-authorities")],
            drivers=[trust, voice],
            evidence_level="independently-evaluated",
        )
        # Not for the public, or not for this driver.
        case_study("A draft about trust", publish=False, drivers=[trust])
        case_study(
            "Taken down", lead_sector=sector("young-peoples-voice"), drivers=[trust]
        ).unpublish()
        restricted(
            case_study(
                "Behind a password",
                lead_sector=sector("nhs-integrated-care-boards"),
                drivers=[trust],
            )
        )
        case_study(
            "Youth panel shapes the service",
            lead_sector=sector("voluntary-and-community-organisations"),
            drivers=[voice],
        )
        recommendation("Keep the same worker", [trust])
        recommendation("Fund continuity of care", [trust, voice], audience="system-leaders")
        recommendation("A draft recommendation", [trust], publish=False)
        recommendation("Recommendation taken down", [trust]).unpublish()
        restricted(recommendation("Private recommendation", [trust]))
        recommendation("Ask families first", [voice])
        page = driver_page(trust)
    return {"trust": trust, "voice": voice, "page": page}


def test_the_page_lists_exactly_the_public_practice_for_its_driver(
    client, library_backend, practice
):
    response = client.get(practice["page"].url)

    assert response.status_code == 200
    found = response.context["case_studies"]
    assert found.count == 3
    assert {card.title for card in found.shown} == {
        "Custody with care",
        "Calm classrooms",
        "Mentors in every school",
    }
    assert [page.title for page in response.context["recommendations"]] == [
        "Keep the same worker",
        "Fund continuity of care",
    ]
    html = response.content.decode()
    for hidden in (
        "A draft about trust",
        "Taken down",
        "Behind a password",
        "Youth panel shapes the service",
        "A draft recommendation",
        "Recommendation taken down",
        "Private recommendation",
        "Ask families first",
    ):
        assert hidden not in html
    assert "<strong>3 case studies</strong> that show this driver" in html


def test_counts_by_sector_count_lead_and_partner_sectors(client, library_backend, practice):
    found = client.get(practice["page"].url).context["case_studies"]

    assert {s.slug: count for s, count, _url in found.by_sector} == {
        "metropolitan-police-service": 1,
        "education": 3,
        "local-authorities": 1,
    }
    # In the sectors' own order, each leading to the library filtered the same way.
    assert [s.slug for s, _count, _url in found.by_sector] == [
        "local-authorities",
        "metropolitan-police-service",
        "education",
    ]
    urls = {s.slug: url for s, _count, url in found.by_sector}
    assert urls["education"] == "/library/?type=case-study&driver=relationships&sector=education"


def test_the_library_links_are_filtered_by_the_driver(client, library_backend, practice):
    response = client.get(practice["page"].url)
    html = response.content.decode()

    assert practice["trust"].library_url == "/library/?driver=relationships"
    assert 'href="/library/?driver=relationships"' in html
    assert 'href="/library/?type=case-study&amp;driver=relationships"' in html
    # Partners can follow new practice for the driver in a feed reader.
    assert (
        '<link rel="alternate" type="application/atom+xml" title="New practice for '
        'Relationships and trust" href="/library/feed/?driver=relationships">' in html
    )
    # And the library, followed, lists the same case studies.
    listed = client.get("/api/library/", {"type": "case-study", "driver": "relationships"})
    assert {r["title"] for r in listed.json()["results"]} == {
        card.title for card in response.context["case_studies"].shown
    }


def test_strongest_evidence_first_then_newest(client, library_backend, indexed):
    trust = driver("relationships", "Relationships and trust")
    start = timezone.now() - datetime.timedelta(days=30)
    levels = [
        "self-reported",
        "independently-evaluated",
        "evaluated",
        "self-reported",
        "evaluated",
        "independently-evaluated",
        "self-reported",
        "evaluated",
    ]
    with indexed():
        for day, level in enumerate(levels):
            case_study(
                f"Practice {day}",
                drivers=[trust],
                evidence_level=level,
                first_published_at=start + datetime.timedelta(days=day),
            )
        page = driver_page(trust)

    found = client.get(page.url).context["case_studies"]

    assert found.count == len(levels)
    assert [(card.title, card.evidence_level) for card in found.shown] == [
        ("Practice 5", "independently-evaluated"),
        ("Practice 1", "independently-evaluated"),
        ("Practice 7", "evaluated"),
        ("Practice 4", "evaluated"),
        ("Practice 2", "evaluated"),
        ("Practice 6", "self-reported"),
    ]
    assert len(found.shown) == CASE_STUDIES_SHOWN
    html = client.get(page.url).content.decode()
    assert "Here are 6, strongest evidence first, then newest." in html


def test_the_strongest_evidence_leads_however_old_it_is(client, library_backend, indexed):
    # More case studies than one page of the library's answer: the one independent evaluation
    # is the oldest of them all, and still comes first.
    trust = driver("relationships", "Relationships and trust")
    start = timezone.now() - datetime.timedelta(days=100)
    with indexed():
        case_study(
            "The oldest, independently evaluated",
            drivers=[trust],
            evidence_level="independently-evaluated",
            first_published_at=start,
        )
        for day in range(1, 13):
            case_study(
                f"Newer practice {day}",
                drivers=[trust],
                evidence_level="self-reported",
                first_published_at=start + datetime.timedelta(days=day),
            )
        page = driver_page(trust)

    found = client.get(page.url).context["case_studies"]
    assert found.count == 13
    assert [card.title for card in found.shown] == [
        "The oldest, independently evaluated",
        *[f"Newer practice {day}" for day in (12, 11, 10, 9, 8)],
    ]


def test_a_driver_without_practice_says_so(client, library_backend, db):
    page = driver_page(driver("relationships", "Relationships and trust"))
    html = client.get(page.url).content.decode()
    assert "There are no case studies for this driver in the library yet." in html
    assert "There are no recommendations for this driver yet." in html


def test_the_index_lists_public_driver_pages_with_their_descriptions(client, db):
    trust = driver("relationships", "Relationships and trust")
    trust.description = "Consistent, trusted relationships."
    trust.sort_order = 2
    trust.save()
    voice = driver("voice", "Voice and participation")
    voice.description = "Young people shape services."
    voice.sort_order = 1
    voice.save()
    driver_page(trust)
    driver_page(voice)
    wellbeing = driver_page(driver("wellbeing", "Workforce wellbeing"))
    wellbeing.unpublish()

    response = client.get(how_change_happens().url)

    assert response.status_code == 200
    assert [page.title for page in response.context["driver_pages"]] == [
        "Voice and participation",
        "Relationships and trust",
    ]
    html = response.content.decode()
    assert "Consistent, trusted relationships." in html
    assert "Young people shape services." in html
    assert "Workforce wellbeing" not in html
    # The overview picture names each driver and whom the outcomes are for.
    assert response.context["outcomes_for"] == ["young people", "families"]
    for variant in ("wide", "narrow"):
        assert svg_boxes(response.context["picture"][variant]) == [
            ("driver", "", "Voice and participation"),
            ("driver", "", "Relationships and trust"),
            ("outcome", "", "Better outcomes for young people and families"),
            ("less_violence", "", "Less violence"),
        ]
