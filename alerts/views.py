"""The public alert pages: sign up for a library filter, confirm, and stop the emails."""

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from search.facets import known_values
from search.params import BadLibraryRequest

from .emails import send_confirmation
from .filters import describe, filter_key, saved_filter
from .forms import AlertSignUpForm
from .links import CONFIRM_DAYS, confirmed_id, unsubscribe_token, unsubscribed_id
from .models import Subscription

logger = logging.getLogger("alerts")


def _library_url(key):
    return reverse("library") + ("?" + key if key else "")


def too_many_sign_ups(email, now):
    """Why a sign-up must wait, or "": counted from the sign-ups kept in the database."""
    day_ago = now - datetime.timedelta(days=1)
    if (
        Subscription.objects.of_address(email).filter(created_at__gte=day_ago).count()
        >= settings.ALERTS_SIGN_UPS_PER_ADDRESS_PER_DAY
    ):
        return "address"
    hour_ago = now - datetime.timedelta(hours=1)
    if (
        Subscription.objects.filter(created_at__gte=hour_ago).count()
        >= settings.ALERTS_SIGN_UPS_PER_HOUR
    ):
        return "everyone"
    return ""


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request):
    labels = known_values()
    try:
        saved, ignored = saved_filter(request.GET, labels)
    except BadLibraryRequest as error:
        return render(
            request,
            "alerts/sign_up.html",
            {"error": str(error), "library_url": reverse("library")},
            status=400,
        )
    key = filter_key(saved)
    context = {
        "filter_lines": describe(saved, labels),
        "ignored": ignored,
        "library_url": _library_url(key),
        "action": request.path + ("?" + key if key else ""),
        "confirm_days": CONFIRM_DAYS,
    }
    if request.method == "GET":
        return render(request, "alerts/sign_up.html", {**context, "form": AlertSignUpForm()})
    form = AlertSignUpForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/sign_up.html", {**context, "form": form}, status=400)
    email = form.cleaned_data["email"]
    reason = too_many_sign_ups(email, timezone.now())
    if reason:
        response = render(
            request,
            "alerts/too_many.html",
            {
                **context,
                "reason": reason,
                "per_address": settings.ALERTS_SIGN_UPS_PER_ADDRESS_PER_DAY,
            },
            status=429,
        )
        response["Retry-After"] = str(60 * 60)
        return response
    try:
        # The sign-up is kept only if its confirmation email went.
        with transaction.atomic():
            subscription = Subscription.objects.create(
                email=email, saved_filter=saved, filter_key=key
            )
            send_confirmation(subscription, labels)
    except OSError:
        logger.exception("Could not send an email alert confirmation")
        return render(request, "alerts/not_sent.html", context, status=503)
    return redirect(reverse("alerts-sent") + ("?" + key if key else ""))


@require_GET
def sent(request):
    return render(
        request,
        "alerts/sent.html",
        {"confirm_days": CONFIRM_DAYS, "library_url": _library_url(request.GET.urlencode())},
    )


def link_problem(request, problem, status=400):
    return render(
        request,
        "alerts/link_problem.html",
        {"problem": problem, "confirm_days": CONFIRM_DAYS, "library_url": reverse("library")},
        status=status,
    )


@never_cache
@require_GET
def confirm(request, token):
    try:
        pk = confirmed_id(token)
    except signing.SignatureExpired:
        return link_problem(request, "expired")
    except signing.BadSignature:
        return link_problem(request, "damaged")
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(pk=pk).first()
        if subscription is None:
            return link_problem(request, "gone", status=404)
        already = subscription.confirmed_at is not None
        if not already:
            twin = (
                Subscription.objects.confirmed()
                .of_address(subscription.email)
                .filter(filter_key=subscription.filter_key)
                .first()
            )
            if twin is not None:
                # The address already follows this filter: one subscription is enough.
                subscription.delete()
                subscription, already = twin, True
            else:
                now = timezone.now()
                subscription.confirmed_at = now
                subscription.last_digest_at = now
                subscription.published_after = now
                subscription.save(
                    update_fields=["confirmed_at", "last_digest_at", "published_after"]
                )
    return render(
        request,
        "alerts/confirmed.html",
        {
            "already": already,
            "filter_lines": describe(subscription.saved_filter, known_values()),
            "library_url": _library_url(subscription.filter_key),
            "unsubscribe_url": reverse(
                "alerts-unsubscribe", args=[unsubscribe_token(subscription.pk)]
            ),
        },
    )


# Mail programs post to the link on the person's behalf (RFC 8058), without a CSRF token.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        pk = unsubscribed_id(token)
    except signing.BadSignature:
        return link_problem(request, "damaged-stop")
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is not None:
        # Stopping removes the address altogether, with every filter it followed.
        Subscription.objects.of_address(subscription.email).delete()
    return render(
        request,
        "alerts/unsubscribed.html",
        {"removed": subscription is not None, "library_url": reverse("library")},
    )
