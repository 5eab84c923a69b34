"""The alert emails: the confirmation that starts a subscription, and the weekly digest.

Each is plain text with an HTML alternative, and carries a one-click way to stop: a signed
link in the text and the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058), so
mail programs can offer their own "unsubscribe" button.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .filters import describe, filter_key, in_words
from .links import CONFIRM_DAYS, confirm_url, site_url, unsubscribe_url


def _send(subscription, name, context):
    stop = unsubscribe_url(subscription.pk)
    context = {
        **context,
        "unsubscribe_url": stop,
        "confirm_days": CONFIRM_DAYS,
        "library_url": library_url(subscription.saved_filter),
    }
    subject = render_to_string(f"alerts/email/{name}_subject.txt", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        render_to_string(f"alerts/email/{name}.txt", context).strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [subscription.email],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string(f"alerts/email/{name}.html", context), "text/html")
    message.send()


def library_url(saved):
    """The library showing the newest practice for a saved filter, as a full address."""
    key = filter_key(saved)
    return site_url(reverse("library") + "?" + (key + "&" if key else "") + "sort=newest")


def send_confirmation(subscription, labels):
    _send(
        subscription,
        "confirm",
        {
            "filter_lines": describe(subscription.saved_filter, labels),
            "filter_words": in_words(subscription.saved_filter, labels),
            "confirm_url": confirm_url(subscription.pk),
        },
    )


def send_digest(subscription, items, more, labels):
    """`items`: library hits, newest first; `more`: whether there are more than these."""
    _send(
        subscription,
        "digest",
        {
            "filter_lines": describe(subscription.saved_filter, labels),
            "filter_words": in_words(subscription.saved_filter, labels),
            "items": [
                {
                    "title": item["title"],
                    "url": site_url(item["url"]),
                    "summary": item.get("summary", ""),
                    "type": labels.get("type", {}).get(item["type"], ""),
                }
                for item in items
            ],
            "more": more,
            "since": subscription.last_digest_at,
        },
    )
