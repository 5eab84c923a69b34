"""The admin's imports, run by the background worker: first a dry run that checks every row,
then, once a moderator has read the report and confirmed, the import itself.

Each task claims its run by moving it from "waiting" to "working", so a task queued twice
runs once. A file that cannot be read, or anything else that goes wrong, leaves the run
"not imported" with a message for the moderator, and nothing written.
"""

import logging

from django.db import transaction

from django_tasks import task

from .importing import ImportRefused, import_practice
from .models import ImportRun
from .progress import RunProgress
from .reading import ImportFileError

logger = logging.getLogger(__name__)
Status = ImportRun.Status


@task()
def check_import(run_id):
    """The dry run: check every row and keep the report for the moderator."""
    return _run(run_id, Status.WAITING_TO_CHECK, Status.CHECKING, dry_run=True)


@task()
def apply_import(run_id):
    """The confirmed import: check every row again, as the site may have changed, and write."""
    return _run(run_id, Status.WAITING_TO_IMPORT, Status.IMPORTING, dry_run=False)


def enqueue_after_commit(task_to_run, run):
    # After commit, so that the worker finds the run.
    transaction.on_commit(lambda: task_to_run.enqueue(run.pk))


def _run(run_id, waiting, working, dry_run):
    claimed = ImportRun.objects.filter(pk=run_id, status=waiting).update(
        status=working, rows_done=0
    )
    if not claimed:
        return "not waiting"
    run = ImportRun.objects.select_related("owner").get(pk=run_id)
    try:
        if run.owner is None:
            raise ImportRefused("The person who uploaded the file no longer has an account.")
        with run.file.open("rb") as handle:
            report = import_practice(
                handle,
                run.owner,
                name=run.file_name,
                images_allowed=False,
                dry_run=dry_run,
                skip_invalid=run.skip_invalid,
                publish=run.publish,
                progress=RunProgress(run.pk),
            )
    except (ImportFileError, ImportRefused) as error:
        run.refresh_from_db(fields=["rows_total", "rows_done"])
        return _finish(run, Status.FAILED, message=str(error))
    except Exception:
        run.refresh_from_db(fields=["rows_total", "rows_done"])
        logger.exception("Practice import %s failed", run.pk)
        return _finish(
            run,
            Status.FAILED,
            message="Something went wrong while importing this file, and nothing was imported. "
            "Please upload it again; if it happens again, ask whoever runs the site to look at the "
            "background worker's log.",
        )
    run.report = report.as_dict()
    run.counts = report.counts
    run.rows_total = run.rows_done = len(report.rows)
    if dry_run:
        return _finish(run, Status.CHECKED)
    if report.written:
        return _finish(run, Status.DONE)
    return _finish(
        run,
        Status.FAILED,
        message="Nothing was imported: some rows have problems now (the site may have changed "
        "since the file was checked). Read the report, then fix the file and upload it again.",
    )


def _finish(run, status, message=""):
    if status in (Status.DONE, Status.FAILED) and run.file:
        # Imported, or to be fixed and uploaded again: the upload is no longer needed.
        run.file.delete(save=False)
    run.status = status
    run.message = message
    run.save(
        update_fields=[
            "status",
            "message",
            "report",
            "counts",
            "rows_total",
            "rows_done",
            "file",
            "updated_at",
        ]
    )
    return status
