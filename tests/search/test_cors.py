"""Cross-origin reads: any website may GET the library's open endpoints, and nothing else."""

import pytest

from tests.practice import case_study

pytestmark = pytest.mark.django_db

PARTNER = "https://partner.example.org"
OPEN = [
    "/api/library/",
    "/api/library/suggest/?q=calm",
    "/library/feed/",
    "/library/export.csv",
    "/api/library/openapi.json",
]


def cors_headers(response):
    return {k.lower() for k in response.headers if k.lower().startswith("access-control-")}


@pytest.mark.parametrize("url", OPEN)
def test_any_website_may_read_the_open_endpoints(client, url):
    response = client.get(url, headers={"origin": PARTNER})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    # Never with the reader's cookies.
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("url", OPEN)
def test_a_preflight_allows_get_only(client, url):
    response = client.options(
        url, headers={"origin": PARTNER, "access-control-request-method": "GET"}
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "OPTIONS"}
    assert "Access-Control-Allow-Credentials" not in response


def test_an_error_answer_may_be_read_too(client):
    """A partner's page can show why its request was refused."""
    response = client.get("/api/library/", {"page": "0"}, headers={"origin": PARTNER})
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"


def test_writing_is_not_allowed_from_another_website(client):
    response = client.post("/api/library/", headers={"origin": PARTNER})
    assert response.status_code == 405


@pytest.mark.parametrize("url", ["/admin/", "/admin/login/", "/library/", "/", "/django-admin/"])
def test_pages_and_the_admin_have_no_cors_headers(client, url):
    for response in (
        client.get(url, headers={"origin": PARTNER}),
        client.options(url, headers={"origin": PARTNER, "access-control-request-method": "GET"}),
    ):
        assert not cors_headers(response), url


def test_a_practice_page_has_no_cors_headers(client):
    page = case_study()
    response = client.get(page.url, headers={"origin": PARTNER})
    assert response.status_code == 200
    assert not cors_headers(response)
