"""The "Library sync" report in the admin: is every published change in the search engine?

Moderators who unpublish a case study need to trust it has left the library, and a champion
whose approved case study is not findable needs someone to see why. This report shows the
engine and breaker state, the worker's last heartbeat and push, how many changes wait, and
each change the engine keeps refusing, with the engine's own reason.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse

from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .health import search_status
from .models import LibraryChange, WorkerHeartbeat

PERMISSION = "search.view_librarychange"
REFUSED_SHOWN = 100


def library_sync_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    status, healthy = search_status()
    refused = list(LibraryChange.objects.failing().order_by("id")[:REFUSED_SHOWN])
    titles = dict(
        Page.objects.filter(pk__in=[change.page_id for change in refused]).values_list(
            "pk", "title"
        )
    )
    for change in refused:
        change.title = titles.get(change.page_id, f"Page {change.page_id} (deleted)")
        change.edit_url = (
            reverse("wagtailadmin_pages:edit", args=[change.page_id])
            if change.page_id in titles
            else ""
        )
    return render(
        request,
        "search/admin/library_sync.html",
        {
            "page_title": "Library sync",
            "header_icon": "resubmit",
            "status": status,
            "healthy": healthy,
            "heartbeat": WorkerHeartbeat.objects.filter(name="library").first(),
            "refused": refused,
            "refused_total": LibraryChange.objects.failing().count(),
        },
    )


class LibrarySyncMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)
