"""A published case study reads well in Chromium at phone and desktop widths."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

from tests.browser.conftest import DESKTOP, PHONE
from tests.practice import case_study, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), (107, 44, 145)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Purple panel",
        description="A plain purple panel",
        file=ImageFile(buffer, name="panel.png"),
    )


def test_case_study_page_at_phone_and_desktop_widths(page, live_server, screenshot):
    story = case_study(
        title="Walk and talk mentoring",
        image=make_image(),
        partner_sectors=[sector("education")],
        content_note="This case study mentions self-harm.",
        contact_name="Project lead",
        contact_email="mentoring@example.org",
        contact_consent=True,
    )
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        response = page.goto(live_server.url + story.url)
        assert response.status == 200
        assert page.locator("h1").inner_text() == "Walk and talk mentoring"
        # Nothing overflows sideways on a phone.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        sources = page.locator("picture source").evaluate_all("els => els.map(e => e.type)")
        assert "image/webp" in sources
        assert page.locator("picture img").get_attribute("alt") == "A plain purple panel"
        assert page.get_by_role("link", name="Continue to the case study").is_visible()
        assert screenshot(page, f"case-study-{name}").stat().st_size > 0
