"""The admin's "Import practice": upload a spreadsheet, read the dry run's report, confirm,
and find the new drafts in moderation. For VRU moderators and superusers only.

The views never read the spreadsheet themselves: the background worker checks and imports it
(see `intake.tasks`), and the status page follows its progress.
"""

import io

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.models import Page

from moderation.roles import is_moderator

from .columns import PAGE_TYPES
from .forms import ImportForm
from .models import ImportRun
from .tasks import apply_import, check_import, enqueue_after_commit
from .template import write_template

RECENT_RUNS = 10
ROWS_SHOWN = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def moderators_only(view):
    def checked(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


def _page(request, template, title, **context):
    return render(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": "upload", **context},
    )


@moderators_only
def start_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        run = ImportRun.objects.create(
            file=upload,
            file_name=upload.name[: ImportRun._meta.get_field("file_name").max_length],
            owner=request.user,
            publish=form.cleaned_data["publish"],
        )
        enqueue_after_commit(check_import, run)
        return redirect("intake_run", run.pk)
    return _page(
        request,
        "intake/admin/start.html",
        "Import practice",
        form=form,
        runs=ImportRun.objects.select_related("owner")[:RECENT_RUNS],
    )


@moderators_only
def import_status(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("owner"), pk=pk)
    report = run.report or {}
    rows = report.get("rows", [])
    labels = {key: page_type.label for key, page_type in PAGE_TYPES.items()}
    for row in rows:
        row["type_label"] = labels.get(row.get("type"), "")
    pages = []
    if run.status == ImportRun.Status.DONE:
        written = [row["page_id"] for row in rows if row.get("action") in ("create", "update")]
        titles = dict(Page.objects.filter(pk__in=written).values_list("pk", "title"))
        pages = [
            {
                "title": titles[page_id],
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page_id]),
                "action": row["action"],
            }
            for row in rows
            if (page_id := row.get("page_id")) in titles and row["action"] != "unchanged"
        ]
    counts = report.get("counts", {})
    return _page(
        request,
        "intake/admin/status.html",
        f"Import practice: {run.file_name}",
        run=run,
        counts=counts,
        problems=report.get("problems", []),
        rows=rows[:ROWS_SHOWN],
        more_rows=max(0, len(rows) - ROWS_SHOWN),
        writable=counts.get("create", 0) + counts.get("update", 0),
        header_problems=[p for p in report.get("problems", []) if p["row"] == 1],
        pages=pages,
        moderation_url=reverse("wagtailadmin_reports:workflow"),
    )


@require_POST
@moderators_only
def confirm_import(request, pk):
    run = get_object_or_404(ImportRun, pk=pk)
    skip_invalid = request.POST.get("skip_invalid") == "1"
    confirmed = ImportRun.objects.filter(pk=pk, status=ImportRun.Status.CHECKED).update(
        status=ImportRun.Status.WAITING_TO_IMPORT, skip_invalid=skip_invalid, rows_done=0
    )
    if confirmed:
        enqueue_after_commit(apply_import, run)
    else:
        messages.warning(request, "This file is not waiting to be confirmed.")
    return redirect("intake_run", pk)


@moderators_only
def download_template(request):
    workbook = io.BytesIO()
    write_template(workbook)
    response = HttpResponse(workbook.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="practice-import-template.xlsx"'
    return response
