"""Repeated failed sign-ins pause that username from that address, with a clear page."""

import datetime

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from tests.practice import TEST_PASSWORD

from .conftest import password_sign_in

pytestmark = pytest.mark.django_db


def fail(username, times, address="203.0.113.7"):
    for _ in range(times):
        response, _client = password_sign_in(username, "not-the-password", address)
    return response


def test_a_wrong_password_is_refused_without_a_lockout(champion):
    response = fail("amara", 1)
    assert response.status_code == 200
    assert "password didn&#x27;t match" in response.content.decode()


def test_after_the_limit_even_the_right_password_is_paused_with_a_clear_message(champion):
    fail("amara", settings.AXES_FAILURE_LIMIT - 1)
    assert password_sign_in("amara")[0].status_code == 302  # one short: still lets them in
    # A success clears the count, so the limit starts again.
    last = fail("amara", settings.AXES_FAILURE_LIMIT)
    assert last.status_code == 429

    response, client = password_sign_in("amara")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Signing in is paused" in page
    assert f"{settings.AXES_FAILURE_LIMIT} unsuccessful attempts" in page
    assert "1 hour" in page
    assert reverse("wagtailadmin_password_reset") in page
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # not signed in


def test_the_pause_is_for_that_username_from_that_address_only(champion, moderator):
    fail("amara", settings.AXES_FAILURE_LIMIT)
    assert password_sign_in("amara")[0].status_code == 429
    # The same person from another connection, and another person from this one, go on.
    assert password_sign_in("amara", address="198.51.100.20")[0].status_code == 302
    assert password_sign_in("rowan")[0].status_code == 302


def test_the_pause_ends_after_the_cool_off(champion):
    fail("amara", settings.AXES_FAILURE_LIMIT)
    assert password_sign_in("amara")[0].status_code == 429
    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - datetime.timedelta(1))
    assert password_sign_in("amara")[0].status_code == 302
    assert not AccessAttempt.objects.exists()  # the failures are forgotten on success


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(champion, settings):
    fail("amara", settings.AXES_FAILURE_LIMIT)
    # With no trusted proxy, writing X-Forwarded-For does not dodge the pause.
    forged = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert password_sign_in("amara", client=forged)[0].status_code == 429
    # Behind one trusted proxy, the address it saw is the one that counts: people behind the
    # same proxy are told apart.
    settings.TRUSTED_PROXY_COUNT = 1

    def through_proxy(client_address, password):
        client = Client(HTTP_X_FORWARDED_FOR=f"198.51.100.1, {client_address}")
        return password_sign_in("amara", password, address="10.0.0.2", client=client)[0]

    for _ in range(settings.AXES_FAILURE_LIMIT):
        through_proxy("192.0.2.99", "not-the-password")
    assert through_proxy("192.0.2.99", TEST_PASSWORD).status_code == 429
    assert through_proxy("192.0.2.100", TEST_PASSWORD).status_code == 302
