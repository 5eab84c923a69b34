"""The signed links: confirmation expires and refuses tampering; stopping works by a click or
by a mail program's one-click POST (RFC 8058) and removes the address altogether."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from alerts import links
from alerts.models import Subscription

from .conftest import confirm_path, sign_up, stop_path

pytestmark = pytest.mark.django_db


def tampered(path):
    """The link with one character of its signature changed."""
    head, token, _ = path.rsplit("/", 2)
    return f"{head}/{token[:-1]}{'B' if token.endswith('A') else 'A'}/"


def test_a_changed_confirmation_link_gets_a_clear_400(client, mailoutbox):
    sign_up(client, "reader@example.org", "sector=education")
    response = client.get(tampered(confirm_path(mailoutbox[0])))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This link does not work" in html and "sign up again" in html
    assert Subscription.objects.get().confirmed_at is None


def test_a_confirmation_link_expires_after_seven_days(client, mailoutbox):
    sign_up(client, "reader@example.org", "sector=education")
    subscription = Subscription.objects.get()
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    old_link = f"/library/alerts/confirm/{links.confirm_token(subscription.pk, eight_days_ago)}/"
    response = client.get(old_link)
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert "please sign up again" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None
    # Six days old still works.
    six_days_ago = timezone.now() - datetime.timedelta(days=6)
    recent = f"/library/alerts/confirm/{links.confirm_token(subscription.pk, six_days_ago)}/"
    assert client.get(recent).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


def test_a_sign_up_that_is_gone_says_so(client, mailoutbox):
    sign_up(client, "reader@example.org", "sector=education")
    Subscription.objects.all().delete()
    response = client.get(confirm_path(mailoutbox[0]))
    assert response.status_code == 404
    assert "We could not find this sign-up" in response.content.decode()


def test_signing_up_again_for_the_same_filter_keeps_one_subscription(client, mailoutbox):
    sign_up(client, "reader@example.org", "sector=education")
    client.get(confirm_path(mailoutbox[0]))
    sign_up(client, "reader@example.org", "sector=education")
    response = client.get(confirm_path(mailoutbox[1]))
    assert response.status_code == 200
    assert "already getting these" in response.content.decode()
    assert Subscription.objects.count() == 1


def test_a_confirmation_link_does_not_stop_and_a_stop_link_does_not_confirm(client, mailoutbox):
    sign_up(client, "reader@example.org", "sector=education")
    confirm_token = confirm_path(mailoutbox[0]).rsplit("/", 2)[1]
    stop_token = stop_path(mailoutbox[0]).rsplit("/", 2)[1]
    assert client.get(f"/library/alerts/stop/{confirm_token}/").status_code == 400
    assert client.get(f"/library/alerts/confirm/{stop_token}/").status_code == 400
    assert Subscription.objects.get().confirmed_at is None


@pytest.fixture
def two_alerts_and_a_neighbour(client, mailoutbox):
    """One address following two filters (one confirmed), and someone else's."""
    sign_up(client, "Reader@Example.org", "sector=education")
    client.get(confirm_path(mailoutbox[0]))
    sign_up(client, "reader@example.org", "type=definition")
    sign_up(client, "neighbour@example.org", "sector=education")
    return mailoutbox


def test_following_the_stop_link_removes_the_address_entirely(client, two_alerts_and_a_neighbour):
    response = client.get(stop_path(two_alerts_and_a_neighbour[0]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your emails have stopped" in html
    assert "deleted your email address" in html
    assert not Subscription.objects.filter(email__icontains="reader@").exists()
    assert list(Subscription.objects.values_list("email", flat=True)) == ["neighbour@example.org"]

    # Any other link to the same address now says it is already done.
    again = client.get(stop_path(two_alerts_and_a_neighbour[1]))
    assert again.status_code == 200
    assert "These emails were already stopped" in again.content.decode()


def test_a_mail_programs_one_click_post_stops_without_a_csrf_token(two_alerts_and_a_neighbour):
    mail_program = Client(enforce_csrf_checks=True)
    message = two_alerts_and_a_neighbour[1]
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    response = mail_program.post(
        url.removeprefix("http://127.0.0.1:8000"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email__iexact="reader@example.org").exists()
    assert Subscription.objects.filter(email="neighbour@example.org").exists()


def test_a_changed_stop_link_gets_a_clear_400_and_removes_nothing(
    client, two_alerts_and_a_neighbour
):
    response = client.get(tampered(stop_path(two_alerts_and_a_neighbour[0])))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Subscription.objects.count() == 3
