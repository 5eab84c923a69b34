"""The sign-up page: the filter in words, an email address only, clear errors, bad filters
refused, and the rate limits that stop anyone flooding an inbox or the mail server."""

import pytest

from alerts.models import Subscription

from .conftest import SIGN_UP, sign_up

pytestmark = pytest.mark.django_db


def test_the_page_says_which_filter_the_emails_follow(client):
    response = client.get(
        SIGN_UP,
        {
            "q": "  Calm   Spaces ",
            "sector": ["local-authorities", "education"],
            "type": "case-study",
            "borough": "nowhere",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<li>Type: Case study</li>" in html
    assert "<li>Sector: Education or Local authorities</li>" in html
    assert "<li>Search words: “calm spaces”</li>" in html
    assert "were not recognised and have been left out" in html  # the unknown borough
    # The form posts the normalised filter back, and asks for nothing but an address.
    assert (
        'action="/library/alerts/?q=calm+spaces&amp;type=case-study'
        '&amp;sector=education&amp;sector=local-authorities"' in html
    )
    assert html.count("<input") == 2  # the CSRF token and the email address
    assert 'id="email-hint"' in html and 'aria-describedby="email-hint"' in html


def test_no_filter_means_all_new_practice(client):
    html = client.get(SIGN_UP).content.decode()
    assert "All new practice in the library" in html


def test_the_saved_filter_is_normalised(client, mailoutbox):
    query = "sector=local-authorities&sector=education&sector=education&q=Calm++SPACES&page=3"
    assert sign_up(client, "someone@example.org", query).status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.saved_filter == {
        "q": "calm spaces",
        "filters": {"sector": ["education", "local-authorities"]},
    }
    assert subscription.filter_key == "q=calm+spaces&sector=education&sector=local-authorities"
    assert "Sector: Education or Local authorities" in mailoutbox[0].body


@pytest.mark.parametrize(
    "query, message",
    [
        ("page=abc", "The page number must be a whole number from 1."),
        ("q=" + "x" * 201, "Your search is too long."),
    ],
)
def test_bad_filter_parameters_get_a_400_with_the_message(client, mailoutbox, query, message):
    for response in (
        client.get(SIGN_UP + "?" + query),
        sign_up(client, "someone@example.org", query),
    ):
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not Subscription.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "Enter your email address"),
        ("not an address", "Enter an email address in the correct format, like name@example.com"),
        ("someone@", "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_a_wrong_address_is_explained_and_nothing_is_sent(client, mailoutbox, email, message):
    response = sign_up(client, email, "sector=education")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: " in html
    assert f'<li><a href="#email">{message}</a></li>' in html  # the error summary
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}</p>' in html
    assert 'aria-describedby="email-hint email-error"' in html
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_one_address_gets_at_most_three_confirmation_emails_a_day(client, mailoutbox, settings):
    settings.ALERTS_SIGN_UPS_PER_ADDRESS_PER_DAY = 3
    for query in ("sector=education", "sector=local-authorities", "type=definition"):
        assert sign_up(client, "reader@example.org", query).status_code == 302
    assert len(mailoutbox) == 3
    # The same address, however its letters are written.
    for address in ("reader@example.org", "READER@Example.org"):
        response = sign_up(client, address, "driver=anything")
        assert response.status_code == 429
        assert "Please try again later" in response.content.decode()
        assert response["Retry-After"] == "3600"
    assert len(mailoutbox) == 3
    assert Subscription.objects.count() == 3
    # Someone else is not held back.
    assert sign_up(client, "other@example.org", "sector=education").status_code == 302


def test_sign_ups_in_all_are_limited_per_hour(client, mailoutbox, settings):
    settings.ALERTS_SIGN_UPS_PER_HOUR = 2
    assert sign_up(client, "one@example.org").status_code == 302
    assert sign_up(client, "two@example.org").status_code == 302
    response = sign_up(client, "three@example.org")
    assert response.status_code == 429
    assert "paused sign-ups" in response.content.decode()
    assert [message.to for message in mailoutbox] == [["one@example.org"], ["two@example.org"]]
    assert not Subscription.objects.filter(email="three@example.org").exists()


def test_when_the_mail_server_is_away_nothing_is_kept(client, settings, unused_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_port, 2
    response = sign_up(client, "reader@example.org", "sector=education")
    assert response.status_code == 503
    assert "We could not send the email" in response.content.decode()
    assert not Subscription.objects.exists()
