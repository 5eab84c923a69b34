"""A new moderator's first sign-in in Chromium: set up the app, keep the recovery codes."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from moderation.roles import MODERATORS
from tests.browser.conftest import PHONE, browser_page
from tests.practice import TEST_PASSWORD
from tests.signing_in import app_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_moderator_sets_up_two_step_sign_in_at_first_sign_in_on_a_phone(
    chromium, live_server, screenshot
):
    user = get_user_model().objects.create_user("rowan", "rowan@example.org", TEST_PASSWORD)
    user.groups.add(Group.objects.get(name=MODERATORS))

    with browser_page(chromium, viewport=PHONE) as page:
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill("rowan")
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()

        page.wait_for_url("**/admin/two-step/set-up/**")
        expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
        expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
        screenshot(page, "two-step-set-up-phone")

        # The phone scans the QR code; its app then shows the code for the same secret.
        pending = TOTPDevice.objects.get(user=user, confirmed=False)
        page.get_by_role("textbox", name=re.compile(r"^Code")).fill(app_code(pending))
        page.get_by_role("button", name="Confirm").click()

        expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
        expect(page.locator(".two-step-codes li")).to_have_count(10)
        screenshot(page, "two-step-recovery-codes-phone")
        page.get_by_role("link", name="I have saved my codes").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        expect(page).to_have_title(re.compile("Dashboard"))
