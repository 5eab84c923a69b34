"""Fixtures for the roadmap and landscape tests: the library's backends, and a small roadmap.

`library_backend` and `indexed` come from the library's own tests, so the landscape is checked
on Elasticsearch, OpenSearch and the database fallback exactly as the library is.
"""

import pytest

from casestudies.models import RecommendationPage
from roadmap.models import RoadmapPage, RoadmapStage, RoadmapStatement
from tests.practice import (
    case_study,
    driver,
    home_page,
    publish_page,
    recommendation_index,
    sector,
)
from tests.search.conftest import indexed, library_backend  # noqa: F401 - shared fixtures

STAGES = ["Aware", "Informed", "Responsive", "Embedded"]


def recommendation(title, audience, drivers=()):
    page = RecommendationPage(
        title=title,
        summary=f"{title}: a short summary.",
        audience=audience,
        actions=[("action", {"action": "Start small", "detail": ""})],
    )
    page.drivers = list(drivers)
    return publish_page(recommendation_index(), page)


def stage_values(descriptions, links=None):
    """Stream values for a driver's stages; links: stage number -> (recommendations, case studies)."""
    links = links or {}
    values = []
    for number, description in enumerate(descriptions, start=1):
        recommendations, case_studies = links.get(number, ([], []))
        values.append(
            {
                "description": description,
                "recommendations": [page.pk for page in recommendations],
                "case_studies": [page.pk for page in case_studies],
            }
        )
    return values


@pytest.fixture
def roadmap(db):
    return build_roadmap()


def build_roadmap():
    """A roadmap with two drivers, two statements each, and practice linked to some stages."""
    trust = driver("relationships", "Relationships and trust")
    voice = driver("voice", "Voice and participation")
    school_mentors = case_study(
        "Mentors in every school", lead_sector=sector("education"), drivers=[trust]
    )
    custody = case_study("Custody with care", drivers=[trust])  # police-led
    youth_panel = case_study(
        "Youth panel shapes the service", lead_sector=sector("education"), drivers=[voice]
    )
    for_implementers = recommendation("Keep the same worker", "implementers", [trust])
    for_leaders = recommendation("Fund continuity of care", "system-leaders", [trust])
    ask_families = recommendation("Ask families first", "implementers", [voice])

    page = RoadmapPage(
        title="Roadmap",
        slug="roadmap",
        drivers=[
            {
                "type": "driver",
                "value": {
                    "driver": trust.pk,
                    "introduction": "Trust is the ground everything grows from.",
                    "stages": stage_values(
                        [f"Trust looks {name.lower()}." for name in STAGES],
                        {4: ([for_implementers, for_leaders], [school_mentors, custody])},
                    ),
                },
            },
            {
                "type": "driver",
                "value": {
                    "driver": voice.pk,
                    "introduction": "",
                    "stages": stage_values(
                        [f"Voice looks {name.lower()}." for name in STAGES],
                        {2: ([ask_families], [youth_panel])},
                    ),
                },
            },
        ],
    )
    page.stages = [
        RoadmapStage(name=name, description=f"{name} stage.", sort_order=i)
        for i, name in enumerate(STAGES)
    ]
    page.statements = [
        RoadmapStatement(driver=about, text=text, sort_order=i)
        for i, (about, text) in enumerate(
            [
                (trust, "People keep the same worker."),
                (trust, "We do what we say we will do."),
                (voice, "People help decide how the service is run."),
                (voice, "We say what changed because of feedback."),
            ]
        )
    ]
    page = publish_page(home_page(), page)
    statements = list(page.statements.all())
    return {
        "page": page,
        "statements": statements,
        "trust": trust,
        "voice": voice,
        "school_mentors": school_mentors,
        "custody": custody,
        "youth_panel": youth_panel,
        "for_implementers": for_implementers,
        "for_leaders": for_leaders,
        "ask_families": ask_families,
    }


def answer_params(statements, values, **extra):
    """Query parameters answering `statements` with `values`, in the page's own format."""
    params = {f"s-{s.pk}": str(v) for s, v in zip(statements, values, strict=True)}
    params.update(extra)
    return params
