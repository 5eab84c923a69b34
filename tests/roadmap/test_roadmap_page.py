"""The roadmap page: the framework, the self-assessment and the profile it gives."""

import re
from urllib.parse import urlsplit

import pytest

from tests.roadmap.conftest import answer_params

pytestmark = pytest.mark.django_db


def stages_by_driver(response):
    return {
        p.guide.driver.slug: (p.stage.name if p.stage else None)
        for p in response.context["profiles"]
    }


def next_step_titles(response, slug):
    profile = next(p for p in response.context["profiles"] if p.guide.driver.slug == slug)
    return (
        [page.title for page in profile.recommendations],
        [page.title for page in profile.case_studies],
        profile.library_url,
    )


def test_the_page_reads_on_its_own_without_answers(client, roadmap):
    response = client.get(roadmap["page"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "profiles" not in response.context
    for text in ("Aware", "Embedded", "Trust looks responsive.", "Mentors in every school"):
        assert text in html
    # Every statement is a fieldset with a legend and a labelled radio button per answer.
    for statement in roadmap["statements"]:
        assert f'name="s-{statement.pk}"' in html
        assert re.search(rf'<label [^>]*for="s-{statement.pk}-4">Always</label>', html)
    assert html.count("<legend") >= len(roadmap["statements"])
    assert 'method="get"' in html
    assert "How we work out your stage" in html
    assert "Aware: an average from 1 to just under 1.75" in html
    assert "Embedded: an average from 3.25 up to 4" in html


def test_known_answers_give_the_expected_stages_and_next_steps(client, roadmap):
    params = answer_params(
        roadmap["statements"], [2, 3, 1, 2], audience="implementers", sector="education"
    )
    response = client.get(roadmap["page"].url, params)

    assert response.status_code == 200
    # Trust: average 2.5 -> Responsive; voice: average 1.5 -> Aware.
    assert stages_by_driver(response) == {"relationships": "Responsive", "voice": "Aware"}
    # Next steps come from the next stage, for the person's audience and sector.
    assert next_step_titles(response, "relationships") == (
        ["Keep the same worker"],
        ["Mentors in every school"],
        "/library/?type=case-study&sector=education&driver=relationships",
    )
    assert next_step_titles(response, "voice") == (
        ["Ask families first"],
        ["Youth panel shapes the service"],
        "/library/?type=case-study&sector=education&driver=voice",
    )
    html = response.content.decode()
    assert '<svg class="profile-chart"' in html
    assert "Relationships and trust: Responsive, stage 3 of 4." in html  # the chart's text
    assert "Your stage for each driver of change</caption>" in html
    assert f'href="{roadmap["for_implementers"].url}"' in html
    assert 'href="/library/?type=case-study&amp;sector=education&amp;driver=relationships"' in html
    assert (
        "Fund continuity of care"
        not in html.split('id="profile"')[1].split("roadmap__framework")[0]
    )


def test_without_audience_and_sector_every_linked_page_is_a_next_step(client, roadmap):
    response = client.get(roadmap["page"].url, answer_params(roadmap["statements"], [2, 3, 1, 2]))
    recommendations, case_studies, library_url = next_step_titles(response, "relationships")
    assert recommendations == ["Keep the same worker", "Fund continuity of care"]
    assert case_studies == ["Mentors in every school", "Custody with care"]
    assert library_url == "/library/?type=case-study&driver=relationships"


def test_the_last_stage_keeps_the_last_stages_practice(client, roadmap):
    response = client.get(roadmap["page"].url, answer_params(roadmap["statements"], [4, 4, 1, 1]))
    assert stages_by_driver(response) == {"relationships": "Embedded", "voice": "Aware"}
    assert "You are at the last stage of the roadmap" in response.content.decode()
    assert next_step_titles(response, "relationships")[0] == [
        "Keep the same worker",
        "Fund continuity of care",
    ]


def test_the_shared_link_reproduces_the_same_profile(client, roadmap):
    params = answer_params(
        roadmap["statements"], [2, 3, 1, 2], audience="implementers", sector="education"
    )
    first = client.get(roadmap["page"].url, params)
    share_url = first.context["share_url"]
    parts = urlsplit(share_url)
    assert parts.fragment == "profile"
    assert "audience=implementers" in parts.query and "sector=education" in parts.query

    shared = client.get(f"{parts.path}?{parts.query}")

    assert shared.status_code == 200
    assert stages_by_driver(shared) == stages_by_driver(first)
    for slug in ("relationships", "voice"):
        assert next_step_titles(shared, slug) == next_step_titles(first, slug)
    assert shared.context["share_url"] == share_url
    # The form comes back ticked with the same answers, ready to change.
    statement = roadmap["statements"][0]
    assert f'id="s-{statement.pk}-2" name="s-{statement.pk}" value="2" checked' in (
        shared.content.decode()
    )


def test_partial_answers_give_a_profile_for_what_was_answered(client, roadmap):
    params = answer_params(roadmap["statements"][:1], [3])
    response = client.get(roadmap["page"].url, params)
    assert response.status_code == 200
    assert stages_by_driver(response) == {"relationships": "Responsive", "voice": None}
    html = response.content.decode()
    assert "You did not answer the statements for this driver" in html
    assert "Based on 1 of 4 statements" in html


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"s-999999": "3"}, "not on this page any more"),
        ({"s-abc": "3"}, "not on this page any more"),
        ({"s-²": "3"}, "not on this page any more"),
        ({"audience": "<script>"}, "did not recognise the role"),
        ({"sector": "atlantis"}, "did not recognise the sector"),
    ],
)
def test_tampered_answers_are_left_out_with_a_message(client, roadmap, extra, message):
    params = answer_params(roadmap["statements"], [2, 3, 1, 2], **extra)
    response = client.get(roadmap["page"].url, params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stages_by_driver(response) == {"relationships": "Responsive", "voice": "Aware"}
    assert "<script>" not in response.content.decode()


def test_a_value_off_the_scale_is_left_out(client, roadmap):
    first = roadmap["statements"][0]
    params = answer_params(roadmap["statements"], [2, 3, 1, 2])
    params[f"s-{first.pk}"] = "17"
    response = client.get(roadmap["page"].url, params)
    assert response.status_code == 200
    assert "not on the scale from 1 to 4" in response.content.decode()
    assert stages_by_driver(response)["relationships"] == "Responsive"  # 3 alone


def test_only_unusable_answers_give_a_message_and_the_form(client, roadmap):
    response = client.get(roadmap["page"].url, {"s-1234567": "banana"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not find any answers we could use" in html
    assert "profiles" not in response.context
    assert "See my profile" in html


@pytest.mark.parametrize(
    "params",
    [
        {"s-1": "3" * 10_000},
        {"audience": "x" * 5000},
        {"s-" + "9" * 400: "2"},
        {f"s-{i}": "2" for i in range(500)},
    ],
)
def test_huge_or_damaged_links_get_a_clear_400(client, roadmap, params):
    response = client.get(roadmap["page"].url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read the answers in this link" in html
    assert "See my profile" in html  # the person can start again


def test_nothing_is_stored(client, roadmap):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    params = answer_params(roadmap["statements"], [2, 3, 1, 2])
    with CaptureQueriesContext(connection) as queries:
        client.get(roadmap["page"].url, params)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert "sessionid" not in client.cookies
