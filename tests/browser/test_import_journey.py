"""A moderator imports the research's practice from a spreadsheet in the admin: uploads it,
reads the dry run's report, confirms, and finds the new drafts waiting in moderation. The
background worker (`manage.py db_worker`) runs for real, as its own process."""

import re
import uuid

from wagtail.models import WorkflowState

import pytest
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from tests.browser.conftest import sign_in
from tests.intake.conftest import case_study_row, definition_row, recommendation_row, write_xlsx
from tests.moderation.conftest import person
from tests.practice import case_study_index, driver, glossary, recommendation_index
from tests.search.processes import Worker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKER_SECONDS = 90_000  # the worker process starts Django before it takes its first task


@pytest.fixture
def worker(settings):
    """The site's background worker on the test database, taking tasks from its queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    process = Worker("database", "", f"test-import-{uuid.uuid4().hex[:10]}").start()
    yield process
    process.stop()


def test_a_moderator_imports_a_spreadsheet_and_finds_the_drafts_in_moderation(
    page, live_server, worker, screenshot, tmp_path
):
    case_study_index(), recommendation_index(), glossary()
    driver()
    person("moderator", "VRU moderators", first_name="Rowan", last_name="Hughes")
    rows = [
        case_study_row(),
        case_study_row("CS-2", "Calm custody suites", sectors="Metropolitan Police Service"),
        recommendation_row(related="CS-1; CS-2"),
        definition_row(),
    ]
    spreadsheet = write_xlsx(tmp_path / "research-practice.xlsx", rows)

    sign_in(page, live_server, "moderator")
    page.get_by_role("link", name="Import practice").click()
    expect(page.locator("h1")).to_have_text("Import practice")
    screenshot(page, "import-start")
    page.get_by_label("Spreadsheet").set_input_files(str(spreadsheet))
    page.get_by_role("button", name="Check the file").click()

    # The status page follows the worker by itself, then shows the dry run's report.
    expect(page.get_by_role("heading", name="Checked: waiting for you to confirm")).to_be_visible(
        timeout=WORKER_SECONDS
    )
    expect(page.locator(".intake-status")).to_contain_text(
        "The file would add 4 and update 0 pages; 0 rows change nothing; 0 rows have problems."
    )
    rows_table = page.locator("#import-rows-table")
    expect(rows_table.get_by_role("row").filter(has_text="Calm custody suites")).to_contain_text(
        "Add"
    )
    screenshot(page, "import-dry-run-report")
    assert not CaseStudyPage.objects.exists()

    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_role("heading", name="Imported", exact=True)).to_be_visible(
        timeout=WORKER_SECONDS
    )
    expect(page.locator(".intake-status")).to_contain_text("Added 4, updated 0; 0 unchanged.")
    screenshot(page, "import-done")

    page.get_by_role("link", name="See the new drafts in moderation").click()
    expect(page).to_have_url(re.compile(r"/admin/reports/workflow/"))
    for title in ("Walk and talk mentoring", "Calm custody suites", "Re-traumatisation"):
        expect(page.get_by_role("link", name=title).first).to_be_visible()
    screenshot(page, "import-drafts-in-moderation")

    for case_study in CaseStudyPage.objects.all():
        assert not case_study.live
        assert case_study.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert worker.alive()
