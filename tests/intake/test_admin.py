"""The admin's "Import practice": a moderator uploads a spreadsheet, the worker checks it, the
moderator reads the report and confirms, the worker imports it, and the drafts wait in
moderation. The tasks go through the real database queue and django-tasks-db's worker."""

import io
import threading

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse

from wagtail.models import Page, WorkflowState

import pytest
from openpyxl import load_workbook

from casestudies.models import CaseStudyPage
from intake.models import ImportRun
from intake.progress import RunProgress
from tests.signing_in import signed_in

from .conftest import case_study_row, definition_row, recommendation_row, write_xlsx

pytestmark = pytest.mark.django_db

START = "/admin/import-practice/"


def upload(client, path, capture, **data):
    with capture(execute=True), path.open("rb") as handle:
        return client.post(START, {"file": SimpleUploadedFile(path.name, handle.read()), **data})


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_moderator_imports_a_spreadsheet_through_the_worker(
    tmp_path, sections, moderator, queue, django_capture_on_commit_callbacks
):
    admin = signed_in(moderator)
    assert "Import practice" in page_text(admin, "/admin/")  # the menu item
    rows = [
        case_study_row(),
        case_study_row("CS-2", "Calm custody suites", sectors="Metropolitan Police Service"),
        recommendation_row(related="CS-1"),
        definition_row(),
    ]
    path = write_xlsx(tmp_path / "research-practice.xlsx", rows)
    pages = Page.objects.count()

    response = upload(admin, path, django_capture_on_commit_callbacks)

    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("intake_run", args=[run.pk])
    assert (run.status, run.owner, run.file_name) == (
        "waiting-to-check",
        moderator,
        "research-practice.xlsx",
    )
    assert queue.waiting() == ["intake.tasks.check_import"]
    waiting = page_text(admin, response.url)
    assert '<meta http-equiv="refresh" content="2">' in waiting
    assert "Waiting for the background worker to start" in waiting

    assert queue.run() == [("intake.tasks.check_import", "SUCCESSFUL")]

    run.refresh_from_db()
    assert run.status == "checked"
    assert run.counts == {"create": 4, "update": 0, "unchanged": 0, "invalid": 0}
    assert Page.objects.count() == pages  # a dry run: nothing written yet
    report = page_text(admin, response.url)
    assert "http-equiv" not in report
    assert "The file would add 4 and update 0 pages" in report
    assert "Calm custody suites" in report and "Confirm import" in report

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = admin.post(reverse("intake_confirm", args=[run.pk]))
    assert confirmed.status_code == 302
    run.refresh_from_db()
    assert run.status == "waiting-to-import"

    assert queue.run() == [
        ("intake.tasks.apply_import", "SUCCESSFUL"),
        ("intake.indexes.index_imported_pages", "SUCCESSFUL"),
    ]

    run.refresh_from_db()
    assert run.status == "done" and not run.file
    assert Page.objects.count() == pages + 4
    page = CaseStudyPage.objects.get(title="Calm custody suites")
    assert not page.live and page.owner == moderator
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    done = page_text(admin, response.url)
    assert "Added 4, updated 0; 0 unchanged." in done
    moderation = reverse("wagtailadmin_reports:workflow")
    assert f'href="{moderation}"' in done and "See the new drafts in moderation" in done
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in done
    # Where the link leads: the drafts, waiting for the moderators' review.
    in_moderation = page_text(admin, moderation)
    assert "Calm custody suites" in in_moderation and "Re-traumatisation" in in_moderation


def test_the_report_shows_each_problem_and_the_valid_rows_can_go_alone(
    tmp_path, sections, moderator, queue, django_capture_on_commit_callbacks
):
    admin = signed_in(moderator)
    rows = [case_study_row(), case_study_row("CS-2", "Calm custody", sectors="Educaton")]
    upload(admin, write_xlsx(tmp_path / "mixed.xlsx", rows), django_capture_on_commit_callbacks)
    queue.run()
    run = ImportRun.objects.get()

    report = page_text(admin, reverse("intake_run", args=[run.pk]))
    assert "Problems to fix (1)" in report
    assert (
        "<tr><td>3</td><td>sectors</td><td>“Educaton” is not a known sector. Did you mean "
        "“Education”?</td></tr>"
    ) in report
    assert "Confirm import" not in report
    assert "Import only the rows without problems" in report

    with django_capture_on_commit_callbacks(execute=True):
        admin.post(reverse("intake_confirm", args=[run.pk]), {"skip_invalid": "1"})
    queue.run()

    run.refresh_from_db()
    assert run.status == "done" and run.counts["create"] == 1 and run.counts["invalid"] == 1
    assert list(CaseStudyPage.objects.values_list("title", flat=True)) == [
        "Walk and talk mentoring"
    ]


def test_a_file_that_is_not_a_workbook_gets_a_clear_message_not_an_error_page(
    tmp_path, sections, moderator, queue, django_capture_on_commit_callbacks
):
    admin = signed_in(moderator)
    text = tmp_path / "notes.txt"
    text.write_text("not a spreadsheet")
    response = upload(admin, text, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Choose an Excel workbook (.xlsx) or a CSV file (.csv)." in response.content.decode()
    assert not ImportRun.objects.exists()

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    response = upload(admin, broken, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    queue.run()

    run = ImportRun.objects.get()
    assert run.status == "failed"
    status = page_text(admin, response.url)
    assert "Not imported" in status
    assert "The file is not an Excel workbook that can be read." in status
    assert "Confirm import" not in status


def test_a_run_is_confirmed_once(
    tmp_path, sections, moderator, queue, django_capture_on_commit_callbacks
):
    admin = signed_in(moderator)
    upload(
        admin,
        write_xlsx(tmp_path / "p.xlsx", [definition_row()]),
        django_capture_on_commit_callbacks,
    )
    queue.run()
    run = ImportRun.objects.get()
    confirm = reverse("intake_confirm", args=[run.pk])
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(confirm)
        admin.post(confirm)
    assert queue.waiting() == ["intake.tasks.apply_import"]
    assert admin.get(confirm).status_code == 405


def test_only_moderators_may_import(sections, champion, moderator, client):
    champion_admin = signed_in(champion)
    # Wagtail's admin answers a refused page by sending the person back to the dashboard.
    for url in (START, reverse("intake_template"), reverse("intake_run", args=[1])):
        response = champion_admin.get(url)
        assert (response.status_code, response.url) == (302, "/admin/")
    assert "Import practice" not in page_text(champion_admin, "/admin/")
    client.force_login(moderator)  # without the second sign-in step
    assert client.get(START).status_code != 200


def test_moderators_download_the_template(sections, moderator):
    response = signed_in(moderator).get(reverse("intake_template"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="practice-import-template.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Practice", "Notes", "lists"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_status_page_sees_progress_while_the_import_transaction_is_open():
    run = ImportRun.objects.create(file_name="practice.xlsx")
    progress = RunProgress(run.pk, every=0)

    def rows_done_seen_elsewhere():
        # What the status page would read: another connection, outside the import's transaction.
        seen = []

        def read():
            try:
                seen.append(ImportRun.objects.get(pk=run.pk).rows_done)
            finally:
                connection.close()

        reader = threading.Thread(target=read)
        reader.start()
        reader.join()
        return seen[0]

    with transaction.atomic():
        seen = [rows_done_seen_elsewhere() for _ in progress(range(3), 3, "Importing")]
        ImportRun.objects.filter(pk=run.pk).update(message="written in the transaction")

    assert seen == [0, 1, 2]
    assert rows_done_seen_elsewhere() == 3
