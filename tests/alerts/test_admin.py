"""The "Email alerts" report: counts per saved filter for moderators, never an address."""

import pytest

from tests.signing_in import signed_in

from .conftest import confirm_path, sign_up

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/email-alerts/"
ADDRESSES = ["first@example.org", "second@example.org", "third@example.org"]


@pytest.fixture
def alerts(client, mailoutbox):
    """Education: two confirmed, one waiting. Everything: one waiting."""
    for address in ADDRESSES:
        sign_up(client, address, "sector=education")
    for message in mailoutbox[:2]:
        client.get(confirm_path(message))
    sign_up(client, "fourth@example.org")


def row_of(html, words):
    at = html.index(words)
    return html[html.rindex("<tr", 0, at) : html.index("</tr>", at)]


def test_moderators_see_counts_per_filter_and_no_address(moderator, alerts):
    response = signed_in(moderator).get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert row_of(html, "Sector: Education").count("<td>") == 3
    assert "<td>Sector: Education</td><td>2</td><td>1</td>" in row_of(html, "Sector: Education")
    assert "<td>All new practice</td><td>0</td><td>1</td>" in row_of(html, "All new practice")
    assert "2 confirmed, 2 waiting for confirmation" in html
    for address in [*ADDRESSES, "fourth@example.org", "@example.org"]:
        assert address not in html


def test_only_moderators_have_the_report(champion, moderator, alerts):
    assert signed_in(champion).get(REPORT).status_code == 302
    assert "Email alerts" in signed_in(moderator).get("/admin/").content.decode()
    assert "Email alerts" not in signed_in(champion).get("/admin/").content.decode()
