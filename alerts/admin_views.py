"""The "Email alerts" report: how many people follow each saved filter. Never an address."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render

from moderation.roles import is_moderator
from search.facets import known_values

from .filters import in_words
from .models import Subscription

FILTERS_SHOWN = 500


def alerts_report(request):
    if not is_moderator(request.user):
        raise PermissionDenied
    labels = known_values()
    rows = (
        Subscription.objects.values("filter_key")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by("-confirmed", "-pending", "filter_key")
    )
    shown = list(rows[:FILTERS_SHOWN])
    # One saved filter for each key, to describe it in words.
    saved = {}
    for key, value in Subscription.objects.filter(
        filter_key__in=[row["filter_key"] for row in shown]
    ).values_list("filter_key", "saved_filter"):
        saved.setdefault(key, value)
    for row in shown:
        row["filter"] = in_words(saved.get(row["filter_key"], {}), labels)
    return render(
        request,
        "alerts/admin_report.html",
        {
            "page_title": "Email alerts",
            "header_icon": "mail",
            "rows": shown,
            "filters_total": rows.count(),
            "filters_shown": FILTERS_SHOWN,
            "confirmed_total": Subscription.objects.confirmed().count(),
            "pending_total": Subscription.objects.pending().count(),
        },
    )
