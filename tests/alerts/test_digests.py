"""The digest command on its own: a long week is cut short with a link to the rest, and
sign-ups nobody confirmed are deleted after a week."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from alerts import digests
from alerts.models import Subscription
from tests.practice import case_study, sector

from .conftest import confirm_path, sign_up

pytestmark = pytest.mark.django_db


def run(when):
    out = io.StringIO()
    call_command("send_alert_digests", now=when.isoformat(), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("library_backend", ["database"], indirect=True)
def test_a_digest_lists_at_most_its_size_and_links_to_the_rest(
    client, library_backend, indexed, mailoutbox, monkeypatch
):
    monkeypatch.setattr(digests, "DIGEST_SIZE", 2)
    sign_up(client, "reader@example.org", "sector=education")
    client.get(confirm_path(mailoutbox[0]))
    with indexed():
        for title in ("First new", "Second new", "Third new"):
            case_study(title, lead_sector=sector("education"))
    assert "Sent 1" in run(timezone.now() + datetime.timedelta(days=7, minutes=1))
    digest = mailoutbox[-1]
    # Newest first: the oldest of the three waits in the library.
    assert "Third new" in digest.body and "Second new" in digest.body
    assert "First new" not in digest.body
    assert "more new practice than fits in one email" in digest.body


def test_unconfirmed_sign_ups_are_deleted_after_seven_days(client, mailoutbox):
    sign_up(client, "waiting@example.org", "sector=education")
    sign_up(client, "confirmed@example.org", "sector=education")
    client.get(confirm_path(mailoutbox[1]))
    assert "removed 0 unconfirmed" in run(timezone.now() + datetime.timedelta(days=6))
    assert "removed 1 unconfirmed" in run(timezone.now() + datetime.timedelta(days=7, hours=1))
    assert list(Subscription.objects.values_list("email", flat=True)) == ["confirmed@example.org"]


def test_a_wrong_time_is_refused(db):
    with pytest.raises(CommandError, match="--now"):
        call_command("send_alert_digests", now="next tuesday", stdout=io.StringIO())


def test_a_digest_the_mail_server_refuses_goes_next_time(client, mailoutbox, settings, unused_port):
    sign_up(client, "reader@example.org")
    client.get(confirm_path(mailoutbox[0]))
    case_study("Something new")
    later = timezone.now() + datetime.timedelta(days=8)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_port, 2
    assert "Sent 0" in run(later)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "Sent 1" in run(later)
    assert "Something new" in mailoutbox[-1].body
