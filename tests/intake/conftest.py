"""Spreadsheets written by code, the people who import them, and the import run as a person
would run it: the command, or the admin with the queue's own worker."""

import csv
import io

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from openpyxl import Workbook

from intake.columns import COLUMNS
from moderation.roles import CHAMPIONS, MODERATORS
from tests.moderation.conftest import person
from tests.practice import case_study_index, driver, glossary, recommendation_index

HEADERS = [column.name for column in COLUMNS]


def case_study_row(external_id="CS-1", title="Walk and talk mentoring", **cells):
    return {
        "type": "case study",
        "external_id": external_id,
        "title": title,
        "summary": "Mentors meet pupils on walks, away from offices.",
        "organisation": "South London Mentoring Collective (illustrative)",
        "sectors": "Education; local authorities",
        "drivers": "Relationships and trust",
        "boroughs": "Lambeth; hackney",
        "principles": "safety; Choice",
        "challenge": "Pupils did not feel safe in formal meetings.\n\nMany stopped coming.",
        "approach": "Mentors walked and talked with pupils each week.",
        "status": "running",
        "started": "2024-09-01",
        "tags": "mentoring; walking",
        **cells,
    }


def recommendation_row(external_id="R-1", title="Ask before taking notes", **cells):
    return {
        "type": "recommendation",
        "external_id": external_id,
        "title": title,
        "summary": "People choose what to share when they know why it is written down.",
        "audience": "Implementers",
        "sectors": "NHS Integrated Care Boards",
        "drivers": "relationships",
        "actions": "Ask before taking notes: say who will read them.\nOffer a copy",
        "rationale": "Young people told the research that notes felt like evidence against them.",
        **cells,
    }


def definition_row(external_id="D-1", title="Re-traumatisation", **cells):
    return {
        "type": "definition",
        "external_id": external_id,
        "title": title,
        "summary": "When a service's own ways of working bring back the harm of past trauma.",
        "full_text": "It can happen through being restrained, searched or not believed.",
        "sources": "Working definition of trauma-informed practice | OHID | 2022 | "
        "https://www.gov.uk/",
        **cells,
    }


def write_csv(path, rows, headers=None):
    headers = headers or HEADERS
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=headers)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path, rows, headers=None):
    headers = headers or HEADERS
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(name) for name in headers])
    workbook.save(path)
    return path


@pytest.fixture
def sections(db):
    """The three practice sections, each with the VRU moderation workflow, and the drivers."""
    driver()
    driver(slug="voice", name="Voice and participation")
    return case_study_index(), recommendation_index(), glossary()


@pytest.fixture
def moderator(db):
    return person("moderator", MODERATORS, first_name="Rowan", last_name="Hughes")


@pytest.fixture
def champion(db):
    return person("champion", CHAMPIONS, first_name="Amara", last_name="Lewis")


@pytest.fixture
def import_practice(django_capture_on_commit_callbacks):
    """`manage.py import_practice` with these arguments: (stdout, stderr), or raises
    CommandError with the report printed so far as its `stdout`. What the import leaves to run
    after its commit runs as the commit would."""

    def run(*args, **options):
        stdout, stderr = io.StringIO(), io.StringIO()
        try:
            with django_capture_on_commit_callbacks(execute=True):
                call_command(
                    "import_practice", *map(str, args), stdout=stdout, stderr=stderr, **options
                )
        except CommandError as error:
            error.stdout = stdout.getvalue()  # the report printed before the command gave up
            raise
        return stdout.getvalue(), stderr.getvalue()

    return run


@pytest.fixture
def queue(settings, django_capture_on_commit_callbacks):
    """The database queue, as in production, and `run()` to work through it the way
    django-tasks-db's worker does: claim each ready task, run it, record the outcome."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="intake-tests",
        excluded_queue_names=[],
    )

    class Queue:
        @staticmethod
        def waiting():
            return list(DBTaskResult.objects.ready().values_list("task_path", flat=True))

        @staticmethod
        def run():
            ran = []
            while (
                result := DBTaskResult.objects.ready().order_by("enqueued_at").first()
            ) is not None:
                with django_capture_on_commit_callbacks(execute=True):
                    result.claim(worker.worker_id)
                    worker.run_task(result)
                result.refresh_from_db()
                ran.append((result.task_path, result.status))
            return ran

    return Queue()
