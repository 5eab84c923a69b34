"""The whole journey, on Elasticsearch and on the database fallback: sign up for a library
filter, confirm, and get one weekly digest of only new, matching, public practice."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from alerts.models import Subscription
from casestudies.models import RecommendationPage
from tests.practice import case_study, publish_page, recommendation_index, sector

from .conftest import SIGN_UP, confirm_path, sign_up, stop_path

pytestmark = pytest.mark.django_db

NEW = ["Calm classrooms", "Give teachers time to reflect"]
HELD_BACK = [
    "Published before confirming",
    "Draft about schools",
    "Custody with care",
    "Submitted about schools",
    "Unpublished about schools",
    "Restricted about schools",
]


def digests(when):
    """Run the worker's command as if at `when`; return what it printed."""
    out = io.StringIO()
    call_command("send_alert_digests", now=when.isoformat(), stdout=out)
    return out.getvalue()


def education_recommendation(title):
    page = RecommendationPage(
        title=title,
        summary="Protected time for reflective practice.",
        audience="implementers",
        actions=[("action", {"action": "Protect time", "detail": ""})],
    )
    page.sectors = [sector("education")]
    return publish_page(recommendation_index(), page)


@pytest.mark.parametrize("library_backend", ["elasticsearch", "database"], indirect=True)
def test_sign_up_confirm_and_get_one_digest_of_new_public_practice(
    client, library_backend, indexed, mailoutbox
):
    with indexed():
        before = case_study("Published before confirming", lead_sector=sector("education"))

    # The library links to the sign-up page for the same filter.
    library = client.get("/library/", {"sector": "education"}).content.decode()
    assert '<a href="/library/alerts/?sector=education">Get emails about new practice' in library

    page = client.get(SIGN_UP, {"sector": ["education", "education"], "sort": "title"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<li>Sector: Education</li>" in html
    assert '<label class="govuk-label govuk-label--m" for="email">Email address</label>' in html
    assert 'action="/library/alerts/?sector=education"' in html

    response = sign_up(client, "Reader@Example.ORG", "sector=education")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.email == "Reader@example.org"
    assert subscription.saved_filter == {"q": "", "filters": {"sector": ["education"]}}
    assert subscription.confirmed_at is None

    # The confirmation email, with one-click unsubscribe headers (RFC 8058).
    [confirmation] = mailoutbox
    assert confirmation.to == ["Reader@example.org"]
    assert confirmation.subject == "Please confirm your emails about new practice"
    assert "- Sector: Education" in confirmation.body
    stop = stop_path(confirmation)
    assert confirmation.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{stop}>"
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [(html_body, kind)] = confirmation.alternatives
    assert kind == "text/html" and stop in html_body

    # Nothing is sent before the link is followed.
    assert "Sent 0" in digests(timezone.now())
    assert len(mailoutbox) == 1

    confirmed = client.get(confirm_path(confirmation))
    assert confirmed.status_code == 200
    assert "Your email alerts are on" in confirmed.content.decode()
    confirmed_at = Subscription.objects.get().confirmed_at
    assert confirmed_at is not None
    # Following it again is harmless.
    again = client.get(confirm_path(confirmation))
    assert again.status_code == 200 and "already getting these" in again.content.decode()
    assert Subscription.objects.get().confirmed_at == confirmed_at

    champion = get_user_model().objects.create_user("champion", password="x")
    with indexed():
        case_study("Calm classrooms", lead_sector=sector("education"))
        education_recommendation("Give teachers time to reflect")
        case_study("Draft about schools", publish=False, lead_sector=sector("education"))
        case_study("Custody with care", lead_sector=sector("metropolitan-police-service"))
        submitted = case_study(
            "Submitted about schools", publish=False, lead_sector=sector("education")
        )
        submitted.get_workflow().start(submitted, champion)
        case_study("Unpublished about schools", lead_sector=sector("education")).unpublish()
        restricted = case_study("Restricted about schools", lead_sector=sector("education"))
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        # Published again, but first published before the subscription began.
        before.save_revision().publish()

    now = timezone.now()
    # Less than a week after confirming: nothing yet.
    assert "Sent 0" in digests(now)
    assert len(mailoutbox) == 1

    assert "Sent 1 email alert digest" in digests(now + datetime.timedelta(days=8))
    [digest] = mailoutbox[1:]
    assert digest.to == ["Reader@example.org"]
    assert digest.subject == "New practice in the Practice Library: Sector: Education"
    for title in NEW:
        assert title in digest.body
    for title in HELD_BACK:
        assert title not in digest.body
    assert "http://127.0.0.1:8000/case-studies/calm-classrooms/" in digest.body
    assert "Officers and nurses made custody calmer" in digest.body  # a summary
    assert "Protected time for reflective practice." in digest.body
    assert "http://127.0.0.1:8000/library/?sector=education&sort=newest" in digest.body
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{stop}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [(html_body, kind)] = digest.alternatives
    assert kind == "text/html"
    assert '<a href="http://127.0.0.1:8000/case-studies/calm-classrooms/">' in html_body
    assert stop in html_body

    # At once again: nothing. A week later with nothing new: nothing.
    assert "Sent 0" in digests(now + datetime.timedelta(days=8))
    assert "Sent 0" in digests(now + datetime.timedelta(days=16))
    assert len(mailoutbox) == 2

    # Something new after that: the next digest has only it.
    with indexed():
        case_study("Mentors at the school gate", lead_sector=sector("education"))
    assert "Sent 0" in digests(now + datetime.timedelta(days=20))
    assert "Sent 1" in digests(now + datetime.timedelta(days=24))
    latest = mailoutbox[-1]
    assert "Mentors at the school gate" in latest.body
    for title in [*NEW, *HELD_BACK]:
        assert title not in latest.body

    # The stop link in any email removes the address.
    assert client.get(stop_path(latest)).status_code == 200
    assert not Subscription.objects.filter(email__iexact="reader@example.org").exists()
