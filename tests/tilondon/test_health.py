"""/healthz reports the database and the search engine, and stays 200 while pages can be served."""

from django.db import connection

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_postgresql_and_database_search(client, settings):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == {"status": "ok", "vendor": "postgresql"}
    assert connection.vendor == "postgresql"
    assert body["search"]["backend"] == "database"
    assert body["search"]["status"] == "ok"
    assert body["search"]["queue"] == {"pending": 0, "failing": 0, "oldest_pending_seconds": 0}


def test_healthz_reports_a_live_elasticsearch(client, settings, elasticsearch_engine):
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": elasticsearch_engine.url, "opensearch": ""}
    body = client.get("/healthz").json()
    assert body["search"]["backend"] == "elasticsearch"
    assert body["search"]["status"] == "ok"
    assert body["search"]["cluster"] in {"green", "yellow"}


def test_healthz_reports_a_stopped_engine_as_down_not_500(client, settings, unused_port):
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
    assert body["search"]["backend"] == "elasticsearch"


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
