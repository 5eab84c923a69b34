"""An editor signs in, writes a case study with sectors, drivers and a tag, and saves a draft."""

import re

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from tests.browser.conftest import sign_in
from tests.practice import TEST_PASSWORD, case_study_index, driver

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_saves_a_case_study_draft_and_finds_it_in_the_explorer(
    page, live_server, screenshot
):
    index = case_study_index()
    driver(slug="voice", name="Voice and participation")
    get_user_model().objects.create_superuser("editor", "editor@example.org", TEST_PASSWORD)

    sign_in(page, live_server, "editor")

    page.goto(f"{live_server.url}/admin/pages/add/casestudies/casestudypage/{index.pk}/")
    page.locator("#id_title").fill("Walk and talk mentoring in Lambeth")
    page.locator("#id_summary").fill("Mentors meet young people on walks, away from offices.")
    page.locator("#id_organisation").fill("South London Mentoring Collective (illustrative)")
    page.locator("#id_lead_sector").select_option(label="Voluntary and community organisations")
    page.locator("#id_partner_sectors").get_by_label("Education").check()
    page.locator("#id_drivers").get_by_label("Voice and participation").check()
    tags = page.locator("#id_tags").locator("xpath=..").locator(".tagit-new input")
    tags.fill("mentoring")
    tags.press("Enter")
    editor = page.locator("#id_challenge").locator("xpath=..").locator("[contenteditable=true]")
    editor.click()
    page.keyboard.type("Young people did not feel safe in formal meetings.")
    # Draftail writes its content to the hidden input after a short pause.
    expect(page.locator("#id_challenge")).to_have_value(re.compile("formal meetings"))
    screenshot(page, "editor-case-study-form")

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/")

    saved = CaseStudyPage.objects.get(title="Walk and talk mentoring in Lambeth")
    assert not saved.live
    draft = saved.get_latest_revision_as_object()
    assert draft.lead_sector.slug == "voluntary-and-community-organisations"
    assert [s.slug for s in draft.partner_sectors.all()] == ["education"]
    assert [d.slug for d in draft.drivers.all()] == ["voice"]
    assert [t.name for t in draft.tags.all()] == ["mentoring"]
    assert "formal meetings" in draft.challenge

    page.goto(f"{live_server.url}/admin/pages/{index.pk}/")
    row = page.get_by_role("row").filter(has_text="Walk and talk mentoring in Lambeth")
    assert row.count() == 1
    assert "draft" in row.inner_text().lower()
    screenshot(page, "editor-explorer-draft")
