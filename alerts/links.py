"""The signed links in alert emails: confirm a sign-up (for a week), and stop alerts (always).

Each link carries only the subscription's number, signed with the site's secret and a salt of
its own, so one kind of link never works as the other and nobody can make one up. The
confirmation link carries the time it was made and expires after `CONFIRM_DAYS`.
"""

import datetime
import time

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_DAYS = 7


class _SignedAt(signing.TimestampSigner):
    """A timestamp signer that can date a link (a link made at a given time, for its age)."""

    def __init__(self, *, at=None, **kwargs):
        super().__init__(**kwargs)
        self.at = at

    def timestamp(self):
        seconds = self.at.timestamp() if self.at is not None else time.time()
        return signing.b62_encode(int(seconds))


def confirm_token(subscription_id, at=None):
    return _SignedAt(salt=CONFIRM_SALT, at=at).sign_object(subscription_id)


def confirmed_id(token):
    """The subscription a confirmation token names.

    Raises signing.SignatureExpired when it is older than CONFIRM_DAYS, signing.BadSignature
    when it was changed or made up."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
        token, max_age=datetime.timedelta(days=CONFIRM_DAYS)
    )


def unsubscribe_token(subscription_id):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(subscription_id)


def unsubscribed_id(token):
    """The subscription an unsubscribe token names; signing.BadSignature if tampered with."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)


def site_url(path):
    """A full address for a link in an email, from WAGTAILADMIN_BASE_URL or the site's root."""
    if path.startswith(("http://", "https://")):
        return path
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if not base:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        base = site.root_url if site else ""
    return base.rstrip("/") + path


def confirm_url(subscription_id):
    return site_url(reverse("alerts-confirm", args=[confirm_token(subscription_id)]))


def unsubscribe_url(subscription_id):
    return site_url(reverse("alerts-unsubscribe", args=[unsubscribe_token(subscription_id)]))
