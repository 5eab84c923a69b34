"""/healthz: the public hears only ok or down; the token or a superuser get the details. It
stays 200 while pages can be served."""

from django.db import connection
from django.test import Client

import pytest

from tests.conftest import health
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def test_the_public_hears_only_ok_or_down(client, settings, elasticsearch_engine):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": elasticsearch_engine.url, "opensearch": ""}
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": {"status": "ok"},
        "search": {"status": "ok"},
    }
    wrong = client.get("/healthz", headers={"X-Healthz-Token": "not-the-token"})
    assert "version" not in wrong.content.decode() and "vendor" not in wrong.content.decode()


def test_a_superuser_sees_the_details_after_both_sign_in_steps(admin_user, settings):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    half_signed_in = Client()
    half_signed_in.force_login(admin_user)  # password only
    assert "vendor" not in half_signed_in.get("/healthz").json()["database"]

    body = signed_in(admin_user).get("/healthz").json()
    assert body["database"] == {"status": "ok", "vendor": "postgresql"}
    assert body["search"]["backend"] == "database"


def test_the_token_shows_postgresql_and_database_search(client, settings):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    response = health(client)
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == {"status": "ok", "vendor": "postgresql"}
    assert connection.vendor == "postgresql"
    assert body["search"]["backend"] == "database"
    assert body["search"]["status"] == "ok"
    assert body["search"]["queue"] == {"pending": 0, "failing": 0, "oldest_pending_seconds": 0}


def test_the_token_shows_a_live_elasticsearch(client, settings, elasticsearch_engine):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": elasticsearch_engine.url, "opensearch": ""}
    body = health(client).json()
    assert body["search"]["backend"] == "elasticsearch"
    assert body["search"]["status"] == "ok"
    assert body["search"]["version"] == "9.5.4"
    assert body["search"]["cluster"] in {"green", "yellow"}


def test_a_stopped_engine_is_down_not_500(client, settings, unused_port):
    # Nothing listens on this loopback port: the engine is stopped.
    settings.SEARCH_ENGINE_URLS = {
        "elasticsearch": f"http://127.0.0.1:{unused_port}",
        "opensearch": "",
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["search"]["status"] == "down"
    assert health(client).json()["search"]["backend"] == "elasticsearch"


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
