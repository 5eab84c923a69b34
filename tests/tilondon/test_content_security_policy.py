"""Public pages carry a Content Security Policy with no inline script or style; the admin keeps
what Wagtail needs; a switch sends the policy as report-only."""

import pytest

from tests.practice import case_study

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"


def directives(response, header=HEADER):
    return {
        part.split()[0]: part.split()[1:] for part in response[header].split(";") if part.strip()
    }


def test_public_pages_allow_scripts_and_styles_from_this_site_only(client):
    page = case_study("Policy practice")
    for path in ("/", "/library/", "/api/library/", page.url, "/healthz"):
        response = client.get(path)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert "'unsafe-inline'" not in response[HEADER], path


def test_the_admin_is_left_to_what_wagtail_needs(client):
    assert HEADER not in client.get("/admin/login/")


def test_report_only_sends_the_same_policy_without_enforcing_it(client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    del settings.CONTENT_SECURITY_POLICY
    response = client.get("/library/")
    assert HEADER not in response
    assert directives(response, f"{HEADER}-Report-Only")["script-src"] == ["'self'"]
