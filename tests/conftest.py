"""Shared fixtures: the real search engines, the site's home page, and helpers.

`make test` starts PostgreSQL, Elasticsearch and OpenSearch on loopback and passes their
addresses in the environment. A test that needs one of them fails when it cannot reach it.
"""

import os

import pytest

from search.engine import EngineConfig, cluster_health, engine_version

ENGINE_URLS = {
    "elasticsearch": os.environ.get("TEST_ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
    "opensearch": os.environ.get("TEST_OPENSEARCH_URL", "http://127.0.0.1:9250"),
}


@pytest.fixture(autouse=True)
def empty_cache(request, django_db_blocker):
    """Each test starts with no rendered library pages kept from another test's data.

    The library's cache is a table in the test database, so it is emptied (outside the test's
    own transaction) only for tests that use the database; the others never reach it."""
    from django.core.cache import caches

    uses_database = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames for name in ("db", "transactional_db", "live_server")
    )
    names = ["default"]
    if uses_database:
        request.getfixturevalue("django_db_setup")
        names.append("library")

    def clear():
        with django_db_blocker.unblock():
            for name in names:
                caches[name].clear()

    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def closed_breakers():
    """Each test starts with every engine trusted: no breaker opened by another test."""
    from search import breaker

    breaker.reset()
    yield
    breaker.reset()


def health(client):
    """/healthz with its details: the test settings' token in the header."""
    from django.conf import settings

    return client.get("/healthz", headers={"X-Healthz-Token": settings.HEALTHZ_TOKEN})


def engine(kind):
    """The test engine of this kind, failing the test when it is not answering."""
    config = EngineConfig(kind=kind, url=ENGINE_URLS[kind])
    try:
        cluster_health(config, request_timeout=15, wait_for_status="yellow", timeout="10s")
    except Exception as error:  # noqa: BLE001
        pytest.fail(f"{kind} is not reachable at {config.url}: {error!r}. Run `make test`.")
    return config


@pytest.fixture(params=["elasticsearch", "opensearch"])
def search_engine(request):
    """Each real engine in turn."""
    return engine(request.param)


@pytest.fixture
def elasticsearch_engine():
    return engine("elasticsearch")


@pytest.fixture
def unused_port():
    """A loopback port with nothing listening on it."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pytest_report_header(config):
    """Say which real services this run talks to, so the log shows it."""
    from django.conf import settings

    import psycopg

    lines = []
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        with psycopg.connect(
            host=database["HOST"],
            port=database["PORT"],
            user=database["USER"],
            dbname=database["NAME"],
            password=database["PASSWORD"],
        ) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
        lines.append(f"database: PostgreSQL {version} at {database['HOST']}:{database['PORT']}")
    else:
        lines.append(f"database: {database['ENGINE']}")
    for kind, url in ENGINE_URLS.items():
        try:
            version = engine_version(EngineConfig(kind=kind, url=url))
            lines.append(f"{kind}: {version} at {url}")
        except Exception as error:  # noqa: BLE001
            lines.append(f"{kind}: not reachable at {url} ({type(error).__name__})")
    return lines
