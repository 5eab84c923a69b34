"""Admin views: the "Due for review" report and the "Still accurate" confirmation."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from moderation.roles import is_moderator

from .due import DUE_SOON_DAYS, can_confirm, confirm_still_accurate, due_for_review


def display_name(user):
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def sector_names(page):
    """The lead sector of a case study; the sectors a recommendation is for."""
    lead = getattr(page, "lead_sector", None)
    if lead is not None:
        return lead.name
    if hasattr(page, "sectors"):
        return ", ".join(s.name for s in page.sectors.order_by("sort_order", "name")) or "All"
    return ""


def when_due(review_by, today):
    days = (review_by - today).days
    if days == 0:
        return "Today"
    if days < 0:
        return f"Overdue by {-days} day{'s' if days < -1 else ''}"
    return f"In {days} day{'s' if days > 1 else ''}"


@dataclass
class DueRow:
    """One page in the report, with what a moderator needs to follow it up."""

    pk: int
    title: str
    edit_url: str
    type: str
    owner: object
    owner_name: str
    owner_email: str
    sectors: str
    review_by: datetime.date
    when_due: str
    last_reviewed: datetime.date | None
    last_reviewer: object
    last_reviewer_name: str


class DateWordsColumn(Column):
    """A date as "12 March 2026", the way the rest of the site writes dates."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return f"{value.day} {value:%B %Y}" if value else ""


class DueForReviewReport(ReportView):
    page_title = "Due for review"
    header_icon = "time"
    index_url_name = "reviews_due_report"
    index_results_url_name = "reviews_due_report_results"
    paginate_by = 50
    no_results_message = (
        f"Nothing is due for review: every live case study and recommendation was reviewed "
        f"within the last year, and none is due in the next {DUE_SOON_DAYS} days."
    )
    columns = [
        TitleColumn("title", label="Title", get_url=lambda row: row.edit_url),
        Column("type", label="Type"),
        UserColumn("owner", label="Owner", blank_display_name="No owner"),
        Column("sectors", label="Lead sector"),
        DateWordsColumn("review_by", label="Review by"),
        Column("when_due", label="Due"),
        DateWordsColumn("last_reviewed", label="Last reviewed"),
        UserColumn("last_reviewer", label="Last reviewed by"),
    ]
    list_export = [
        "title",
        "type",
        "owner_name",
        "owner_email",
        "sectors",
        "review_by",
        "when_due",
        "last_reviewed",
        "last_reviewer_name",
        "edit_url",
    ]
    export_headings = {
        "title": "Title",
        "type": "Type",
        "owner_name": "Owner",
        "owner_email": "Owner's email",
        "sectors": "Lead sector (recommendations: sectors)",
        "review_by": "Review by",
        "when_due": "Due",
        "last_reviewed": "Last reviewed",
        "last_reviewer_name": "Last reviewed by",
        "edit_url": "Edit link",
    }

    def dispatch(self, request, *args, **kwargs):
        # Reviews across the whole library are the moderators' to follow up.
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"due-for-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return due_for_review()

    def paginate_queryset(self, queryset, page_size):
        paginator, page, pages, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, page, self.rows(pages), is_paginated

    def decorate_paginated_queryset(self, object_list):
        # The page on screen became rows as it was paginated; a download is not paginated.
        return self.rows(object_list) if self.is_export else object_list

    def rows(self, pages):
        today = timezone.localdate()
        pages = list(pages)
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[page.pk for page in pages])
            .specific()
            .iterator()
        }
        reviewers = get_user_model().objects.in_bulk(
            {page.last_reviewer_id for page in pages if page.last_reviewer_id}
        )
        rows = []
        for page in pages:
            own = specific.get(page.pk, page)
            reviewer = reviewers.get(page.last_reviewer_id)
            rows.append(
                DueRow(
                    pk=page.pk,
                    title=page.get_admin_display_title(),
                    edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    type=capfirst(own._meta.verbose_name),
                    owner=page.owner,
                    owner_name=display_name(page.owner),
                    owner_email=page.owner.email if page.owner else "",
                    sectors=sector_names(own),
                    review_by=page.review_by,
                    when_due=when_due(page.review_by, today),
                    last_reviewed=page.last_reviewed,
                    last_reviewer=reviewer,
                    last_reviewer_name=display_name(reviewer),
                )
            )
        return rows


def still_accurate(request, page_id):
    """Ask, then record, that a live practice page is still accurate as it stands."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_confirm(request.user, page):
        return HttpResponseForbidden(
            "Only the page's owner or a VRU moderator can confirm that a live case study or "
            "recommendation is still accurate."
        )
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        confirm_still_accurate(page, request.user)
        messages.success(
            request,
            f'Thank you. "{page.get_admin_display_title()}" is marked as reviewed today; '
            f"the next review is due by {page.review_by.day} {page.review_by:%B %Y}.",
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "reviews/still_accurate.html",
        {
            "page": page,
            "page_title": "Still accurate",
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "tick",
            "edit_url": edit_url,
            "next_review_by": page.review_by_after(timezone.localdate()),
        },
    )
