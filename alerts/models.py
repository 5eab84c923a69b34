"""Email alert subscriptions: an address, the library filter it follows, and where it stands.

A sign-up is pending until its confirmation link is followed (double opt-in); only then are
digests sent. Every row keeps when it was made, so sign-ups are counted for the rate limits
from here, and unconfirmed ones are deleted after a week.
"""

from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def of_address(self, email):
        """Every subscription of an address, whatever the case of its letters."""
        return self.filter(email__iexact=email)


class Subscription(models.Model):
    """One address following one library filter."""

    email = models.EmailField(max_length=254)
    # The filter as the library reads it: normalised search words and known facet values,
    # sorted ({"q": "...", "filters": {facet: [slug, ...]}}).
    saved_filter = models.JSONField(default=dict)
    # The same filter as a library query string ("sector=education&driver=..."): one key for
    # every subscription that follows the same filter.
    filter_key = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # When the last digest went (or was due with nothing new): the next is due a week later.
    last_digest_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Practice first published after this is new to the subscriber.
    published_after = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(Upper("email"), name="alerts_subscription_email")]

    def __str__(self):
        state = "confirmed" if self.confirmed_at else "pending"
        return f"Email alert {self.pk} ({state})"
