"""A champion submits a case study, a moderator approves it, a practitioner finds it."""

import re

import pytest
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from tests.browser.conftest import sign_in
from tests.moderation.conftest import person
from tests.practice import case_study_index, driver

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Walk and talk mentoring in Lambeth schools"


def type_rich_text(page, field_id, text):
    editor = page.locator(f"#{field_id}").locator("xpath=..").locator("[contenteditable=true]")
    editor.click()
    page.keyboard.type(text)
    # Draftail writes its content to the hidden input after a short pause.
    expect(page.locator(f"#{field_id}")).to_have_value(re.compile(text[:12]))


def assert_nowhere_public(page, live_server):
    page.goto(live_server.url + "/library/?sector=education")
    assert TITLE not in page.content()
    response = page.request.get(live_server.url + "/api/library/?q=mentoring")
    assert TITLE not in response.text()
    response = page.request.get(
        live_server.url + "/case-studies/walk-and-talk-mentoring-in-lambeth-schools/"
    )
    assert response.status == 404


def test_champion_submits_moderator_approves_practitioner_finds_it(
    page, second_page, live_server, screenshot, elasticsearch_library
):
    section = case_study_index()
    driver(slug="voice", name="Voice and participation")
    person("champion", "Champions", first_name="Amara", last_name="Lewis")
    person("moderator", "VRU moderators", first_name="Rowan", last_name="Hughes")

    # The champion writes and submits.
    sign_in(page, live_server, "champion")
    page.goto(f"{live_server.url}/admin/pages/add/casestudies/casestudypage/{section.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Mentors meet pupils on walks, away from offices.")
    page.locator("#id_organisation").fill("South London Mentoring Collective (illustrative)")
    page.locator("#id_lead_sector").select_option(label="Education")
    page.locator("#id_drivers").get_by_label("Voice and participation").check()
    type_rich_text(page, "id_challenge", "Pupils did not feel safe in formal meetings.")
    type_rich_text(page, "id_approach", "Mentors walked and talked with pupils each week.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to VRU moderation").click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/")

    submitted = CaseStudyPage.objects.get(title=TITLE)
    assert not submitted.live
    assert submitted.current_workflow_task.name == "VRU moderator review"
    page.goto(live_server.url + "/admin/")
    panel = page.locator("#your-case-studies-section")
    expect(panel).to_contain_text(TITLE)
    expect(panel).to_contain_text("Waiting for VRU moderator review")
    screenshot(page, "moderation-champion-dashboard")

    # Before approval it is nowhere public.
    assert_nowhere_public(page, live_server)

    # The moderator sees it waiting and approves it.
    sign_in(second_page, live_server, "moderator")
    waiting = second_page.locator("#awaiting-review-section")
    row = waiting.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Amara Lewis")
    screenshot(second_page, "moderation-moderator-dashboard")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # The dashboard reloads with nothing left waiting.
    expect(second_page.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)

    published = CaseStudyPage.objects.get(pk=submitted.pk)
    assert published.live

    # A practitioner finds it in the library by its sector.
    page.goto(live_server.url + "/library/")
    page.get_by_label(re.compile(r"^Education \(1\)")).check()
    # With JavaScript the filters apply as they change; without it, the form is submitted.
    apply = page.get_by_role("button", name="Apply filters")
    if apply.is_visible():
        apply.click()
    expect(page).to_have_url(re.compile(r"sector=education"))
    expect(page.locator(".library__count")).to_have_text("1 result")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_have_text(TITLE)
    screenshot(page, "moderation-published-case-study")
