"""The weekly digest: new practice for each confirmed subscription, and tidying up sign-ups.

Run by the worker on its schedule (`send_alert_digests`), so it is safe to run at any time: a
subscription gets a digest only once a week has passed since its last one (or since it was
confirmed), and only when something new matches; a week with nothing new sends nothing and
waits another week. New practice comes from the library's own query layer (newest first, the
read-time guard included), so only live, public pages are ever sent, and "new" means first
published after the newest item the subscriber has already been sent (or after confirming).
Sign-ups not confirmed within a week are deleted.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from search import query as library
from search.facets import known_values

from .emails import send_digest
from .filters import library_query
from .links import CONFIRM_DAYS
from .models import Subscription

logger = logging.getLogger("alerts")

DIGEST_DAYS = 7
DIGEST_SIZE = 20


def published_at(hit):
    return datetime.datetime.fromisoformat(hit["published"]) if hit.get("published") else None


def newest_practice(saved):
    """Up to DIGEST_SIZE + 1 of the newest library items for a saved filter."""
    return library.run(library_query(saved, size=DIGEST_SIZE + 1)).hits


def new_since(hits, after):
    """The hits (newest first) published after `after`, and whether there may be more."""
    new = []
    for hit in hits:
        published = published_at(hit)
        if published is None:
            continue
        if published <= after:
            break
        new.append(hit)
    return new[:DIGEST_SIZE], len(new) > DIGEST_SIZE


def remove_unconfirmed(now):
    """Delete sign-ups nobody confirmed in time; return how many."""
    cutoff = now - datetime.timedelta(days=CONFIRM_DAYS)
    deleted, _ = Subscription.objects.pending().filter(created_at__lt=cutoff).delete()
    return deleted


def send_alert_digests(now=None):
    """Send the digests that are due; return (digests sent, unconfirmed sign-ups removed)."""
    now = now or timezone.now()
    removed = remove_unconfirmed(now)
    due_before = now - datetime.timedelta(days=DIGEST_DAYS)
    due = Subscription.objects.confirmed().filter(last_digest_at__lte=due_before)
    labels = known_values()
    newest = {}  # filter key -> hits: one library query per filter, however many follow it
    sent = 0
    for pk in due.order_by("pk").values_list("pk", flat=True):
        try:
            with transaction.atomic():
                # Another run at the same moment skips what this one holds, and the due test
                # is made again under the lock, so a digest never goes twice.
                subscription = (
                    Subscription.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, confirmed_at__isnull=False, last_digest_at__lte=due_before)
                    .first()
                )
                if subscription is None:
                    continue
                key = subscription.filter_key
                if key not in newest:
                    newest[key] = newest_practice(subscription.saved_filter)
                items, more = new_since(newest[key], subscription.published_after)
                if items:
                    send_digest(subscription, items, more, labels)
                    subscription.published_after = published_at(items[0])
                    sent += 1
                subscription.last_digest_at = now
                subscription.save(update_fields=["last_digest_at", "published_after"])
        except OSError:
            # The mail server is away (SMTP errors are OSErrors): stop, and try again next run.
            logger.exception("Could not send alert digests; trying again next time")
            break
    return sent, removed
