"""The three users' journeys through the site, in Chromium at phone and desktop widths.

- The champion signs in, writes a case study with an uploaded image and alt text, and submits
  it to VRU moderation; it is then locked for them and nowhere public.
- The moderator finds the submission on the dashboard and requests a change with a comment;
  the champion reads the comment and resubmits; the moderator approves and the case study is
  live and in the library.
- The practitioner starts on the home page of the demo site, finds practice for a sector and a
  driver of change, opens a case study, checks its print view and share link, reads a glossary
  term and comes back to the same filtered results.

Elements are found by their accessible names (labels, roles and link text), so that the
tests keep working while the site's styles and class names change.
"""

import re
from contextlib import ExitStack

from wagtail.locks import WorkflowLock
from wagtail.models import Site

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from demo.builder import load_demo_content
from moderation.roles import CHAMPIONS, MODERATORS
from tests.browser.conftest import DESKTOP, PHONE, browser_page, sign_in
from tests.moderation.conftest import person
from tests.practice import case_study, case_study_index, driver, sector

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
RESULT_COUNT = re.compile(r"^\d+ results?$")
AWAITING_REVIEW = "Awaiting your review"
YOUR_CASE_STUDIES = "Your case studies"


# People and their browsers ------------------------------------------------------------------


def width_name(viewport):
    return "phone" if viewport == PHONE else "desktop"


@pytest.fixture
def open_page(chromium):
    """Open pages in browser contexts of their own, as separate people on their own devices;
    all are closed after the test."""
    with ExitStack() as contexts:
        yield lambda viewport: contexts.enter_context(browser_page(chromium, viewport))


def serve_site_at(live_server):
    """Point the default site at the live server, so full URLs name the address in use."""
    host, port = re.match(r"https?://([^:/]+):(\d+)", live_server.url).groups()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, int(port)
    site.save()


# The editor ---------------------------------------------------------------------------------


def field(page, name, role="textbox"):
    """A form field by its label; required fields carry a trailing asterisk."""
    return page.get_by_role(role, name=re.compile(rf"^{re.escape(name)}\*?$"))


def type_rich_text(page, field_name, text):
    """Type at the end of a Draftail rich-text field.

    Wagtail's Draftail editors have no accessible name, so the editor is found by the
    field's content path, which Wagtail puts on every field.
    """
    editor = page.locator(f'[data-contentpath="{field_name}"]').get_by_role("textbox")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)
    # Draftail writes its content to the form's hidden input after a short pause.
    expect(page.locator(f"#id_{field_name}")).to_have_value(re.compile(re.escape(text.strip())))


def wait_until_saved(page):
    """Wait until the editor's autosave has created the new page.

    The first autosave of a new page creates it and turns the add form into the page's edit
    form; submitting the add form while that save is still under way tries to create a
    second page with the same slug, which fails. ("Saved" shows in the header on a desktop;
    at phone width only an icon does, so the address is what the test waits for.)
    """
    edit_form = re.compile(r"/admin/pages/\d+/edit/")
    try:
        expect(page).to_have_url(edit_form, timeout=10_000)
    except AssertionError:
        # Autosave waits for a pause with no dialog open and sometimes does not come: then the
        # champion saves the draft, as they would.
        page.get_by_role("button", name="Save draft").click()
        expect(page).to_have_url(edit_form, timeout=20_000)


def dashboard_row(page, panel, title):
    """The row for a page in one of the admin dashboard's panels."""
    return page.get_by_role("region", name=panel).get_by_role("row").filter(has_text=title)


def open_more_actions(page):
    """Save draft is shown; submitting and the rest are under "More actions"."""
    page.get_by_role("button", name="More actions").click()


def upload_image(page, path, title, alt_text):
    """Choose an image for the page by uploading a new one in Wagtail's image chooser."""
    page.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.get_by_label("File").set_input_files(str(path))
    dialog.get_by_label("Title").fill(title)
    dialog.get_by_label("Description").fill(alt_text)
    dialog.get_by_role("button", name="Upload").click()
    expect(dialog).to_be_hidden()


def make_png(path):
    PILImage.new("RGB", (1200, 675), (38, 84, 124)).save(path, "PNG")
    return path


# Public pages -------------------------------------------------------------------------------


def result_count(page):
    return page.get_by_role("heading", name=RESULT_COUNT)


def assert_not_public(page, live_server, title, url):
    page.goto(live_server.url + "/library/")
    expect(result_count(page)).to_be_visible()
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    response = page.request.get(live_server.url + "/api/library/?q=" + title.split()[0])
    assert title not in response.text()
    assert page.request.get(live_server.url + url).status == 404


# 1. The champion ----------------------------------------------------------------------------

CHAMPION_TITLE = "Walk and talk mentoring in Lambeth schools"
ALT_TEXT = "Two people walking side by side along a canal path"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_champion_writes_a_case_study_and_submits_it(
    open_page, live_server, screenshot, elasticsearch_library, tmp_path, viewport
):
    width = width_name(viewport)
    section = case_study_index()
    driver("voice", "Voice and participation")
    champion = person("champion", CHAMPIONS, first_name="Amara", last_name="Lewis")
    page = open_page(viewport)

    sign_in(page, live_server, "champion")
    screenshot(page, f"journey-champion-dashboard-{width}")

    page.goto(f"{live_server.url}/admin/pages/{section.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", name=re.compile("case study", re.I)).first).to_be_visible()

    field(page, "Title").fill(CHAMPION_TITLE)
    field(page, "Summary").fill("Mentors meet pupils on walks, away from offices and classrooms.")
    field(page, "Organisation").fill("South London Mentoring Collective (illustrative)")
    field(page, "Lead sector", "combobox").select_option(label="Education")
    page.get_by_label("Metropolitan Police Service", exact=True).check()
    page.get_by_label("Lambeth", exact=True).check()
    page.get_by_label("Voice and participation", exact=True).check()
    type_rich_text(page, "challenge", "Pupils did not feel safe in formal meetings.")
    type_rich_text(page, "approach", "Mentors walked and talked with pupils each week.")
    upload_image(page, make_png(tmp_path / "canal-walk.png"), "Canal walk", ALT_TEXT)
    wait_until_saved(page)
    screenshot(page, f"journey-champion-form-{width}")

    open_more_actions(page)
    page.get_by_role("button", name="Submit to VRU moderation").click()
    page.wait_for_url(f"**/admin/pages/{section.pk}/")
    screenshot(page, f"journey-champion-submitted-{width}")

    submitted = CaseStudyPage.objects.get(title=CHAMPION_TITLE)
    assert not submitted.live
    assert submitted.owner == champion
    assert submitted.current_workflow_task.name == "VRU moderator review"
    lock = submitted.get_lock()
    assert isinstance(lock, WorkflowLock) and lock.for_user(champion)
    draft = submitted.get_latest_revision_as_object()
    assert draft.image.description == ALT_TEXT
    assert draft.image.collection.name == "Submissions"
    assert [s.slug for s in draft.partner_sectors.all()] == ["metropolitan-police-service"]
    assert [b.slug for b in draft.boroughs.all()] == ["lambeth"]
    assert [d.slug for d in draft.drivers.all()] == ["voice"]

    # The champion's dashboard and the editor say it is in moderation and locked.
    page.goto(live_server.url + "/admin/")
    row = dashboard_row(page, YOUR_CASE_STUDIES, CHAMPION_TITLE)
    expect(row).to_contain_text("Waiting for VRU moderator review")
    row.get_by_role("link", name=CHAMPION_TITLE).click()
    page.wait_for_url(f"**/admin/pages/{submitted.pk}/edit/")
    lock_message = page.get_by_text("Only reviewers for this task can edit the page.")
    expect(lock_message).to_be_visible()
    expect(lock_message).to_contain_text("awaiting 'VRU moderator review'")
    page.get_by_role("button", name="Toggle status").click()
    expect(page.get_by_role("heading", name="In Moderation")).to_be_visible()
    screenshot(page, f"journey-champion-locked-{width}")

    assert_not_public(page, live_server, CHAMPION_TITLE, "/case-studies/" + submitted.slug + "/")


# 2. The moderator ---------------------------------------------------------------------------

MODERATED_TITLE = "Listening circles in pupil referral units"
CHANGE_REQUEST = "Please say how many pupils took part and over how many weeks."


def submitted_case_study(champion):
    """A case study the champion has written and submitted to VRU moderation."""
    page = case_study(
        MODERATED_TITLE,
        publish=False,
        owner=champion,
        summary="Young people and staff meet weekly to talk about what feels safe.",
        lead_sector=sector("education"),
        drivers=[driver("voice", "Voice and participation")],
    )
    page.save_revision(user=champion)
    page.get_workflow().start(page, champion)
    return page


def moderator_action(page, title, action):
    """Open the actions of a dashboard row awaiting review and choose one."""
    row = dashboard_row(page, AWAITING_REVIEW, title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=action, exact=True).click()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_moderator_requests_a_change_then_approves(
    open_page, live_server, screenshot, elasticsearch_library, viewport
):
    width = width_name(viewport)
    champion = person("champion", CHAMPIONS, first_name="Amara", last_name="Lewis")
    person("moderator", MODERATORS, first_name="Rowan", last_name="Hughes")
    story = submitted_case_study(champion)
    moderator_page = open_page(viewport)
    champion_page = open_page(viewport)

    # The moderator sees the submission waiting and asks for a change.
    sign_in(moderator_page, live_server, "moderator")
    waiting = dashboard_row(moderator_page, AWAITING_REVIEW, MODERATED_TITLE)
    expect(waiting).to_contain_text("Amara Lewis")
    screenshot(moderator_page, f"journey-moderator-dashboard-{width}")
    moderator_action(moderator_page, MODERATED_TITLE, "Request changes")
    dialog = moderator_page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(CHANGE_REQUEST)
    screenshot(moderator_page, f"journey-moderator-request-changes-{width}")
    dialog.get_by_role("button", name="Request changes").click()
    expect(dashboard_row(moderator_page, AWAITING_REVIEW, MODERATED_TITLE)).to_have_count(0)

    # The champion reads the comment and resubmits.
    sign_in(champion_page, live_server, "champion")
    row = dashboard_row(champion_page, YOUR_CASE_STUDIES, MODERATED_TITLE)
    expect(row).to_contain_text("Changes requested")
    expect(row).to_contain_text(CHANGE_REQUEST)
    screenshot(champion_page, f"journey-moderator-champion-sees-comment-{width}")
    row.get_by_role("link", name=MODERATED_TITLE).click()
    champion_page.wait_for_url(f"**/admin/pages/{story.pk}/edit/")
    type_rich_text(champion_page, "approach", " Twelve pupils took part over ten weeks.")
    open_more_actions(champion_page)
    champion_page.get_by_role("button", name="Resubmit to VRU moderator review").click()
    champion_page.wait_for_url("**/admin/pages/**")
    story.refresh_from_db()
    assert story.current_workflow_task.name == "VRU moderator review"
    assert_not_public(champion_page, live_server, MODERATED_TITLE, story.url)

    # The moderator approves the resubmitted version, which goes live.
    moderator_page.reload()
    expect(dashboard_row(moderator_page, AWAITING_REVIEW, MODERATED_TITLE)).to_have_count(1)
    moderator_action(moderator_page, MODERATED_TITLE, "Approve")
    expect(dashboard_row(moderator_page, AWAITING_REVIEW, MODERATED_TITLE)).to_have_count(0)
    screenshot(moderator_page, f"journey-moderator-approved-{width}")

    story.refresh_from_db()
    assert story.live
    assert "Twelve pupils" in story.approach

    # It is public and in the library.
    reader = open_page(viewport)
    reader.goto(live_server.url + "/library/?sector=education")
    expect(result_count(reader)).to_have_text("1 result")
    reader.get_by_role("link", name=MODERATED_TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(MODERATED_TITLE)
    expect(reader.get_by_text("Twelve pupils took part")).to_be_visible()
    screenshot(reader, f"journey-moderator-published-{width}")


# 3. The practitioner ------------------------------------------------------------------------

SECTOR = "Education"
DRIVER = "Voice and participation (illustrative)"


def facet_box(page, label):
    """A library filter checkbox, whose label ends with its count in brackets."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)} \(\d+\)$"))


def first_case_study_result(page):
    links = page.get_by_role("heading", level=3).get_by_role("link")
    for index in range(links.count()):
        link = links.nth(index)
        if "/case-studies/" in link.get_attribute("href"):
            return link
    raise AssertionError("No case study among the filtered results")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_practitioner_finds_reads_prints_shares_and_returns(
    open_page, live_server, screenshot, elasticsearch_library, viewport
):
    width = width_name(viewport)
    load_demo_content(people=False)
    serve_site_at(live_server)
    page = open_page(viewport)

    # From the home page, by sector, then narrowed by a driver of change in the library.
    page.goto(live_server.url + "/")
    screenshot(page, f"journey-practitioner-home-{width}")
    by_sector = page.get_by_role("region", name="Find practice by sector")
    by_sector.get_by_role("link", name=SECTOR, exact=True).click()
    expect(page).to_have_url(re.compile(r"/library/\?sector=education$"))
    expect(facet_box(page, SECTOR)).to_be_checked()
    facet_box(page, DRIVER).check()
    expect(page).to_have_url(re.compile(r"sector=education.*driver=voice"))
    count = result_count(page)
    expect(count).to_be_visible()
    counted = count.inner_text()
    filtered_url = page.url
    screenshot(page, f"journey-practitioner-results-{width}")

    # A case study from the results.
    link = first_case_study_result(page)
    title = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    case_study_url = page.url
    screenshot(page, f"journey-practitioner-case-study-{width}")

    # The share field holds the page's own full address, ready to copy.
    share = page.get_by_label("Share this case study")
    expect(share).to_be_visible()
    expect(share).to_have_value(case_study_url)
    expect(share).to_have_attribute("readonly", "")
    # With JavaScript, a button copies it, and another prints the page.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("#share-link-status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == case_study_url
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()

    # In print, only the content: no header, navigation, footer or share field.
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_be_hidden()
    expect(share).to_be_hidden()
    screenshot(page, f"journey-practitioner-print-{width}")
    page.emulate_media(media="screen")

    # The words used, explained: the case study links to the glossary's featured term.
    term = page.get_by_role("link", name=re.compile(r"^What we mean by "))
    term_name = term.inner_text().removeprefix("What we mean by ")
    term.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(re.escape(term_name), re.I)
    )
    expect(page.get_by_role("link", name="All terms, A to Z")).to_be_visible()
    screenshot(page, f"journey-practitioner-glossary-term-{width}")

    # Back to the results: the same filters, ticked, with the same count.
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.go_back()
    expect(page).to_have_url(filtered_url)
    expect(facet_box(page, SECTOR)).to_be_checked()
    expect(facet_box(page, DRIVER)).to_be_checked()
    expect(result_count(page)).to_have_text(counted)
    screenshot(page, f"journey-practitioner-back-to-results-{width}")
