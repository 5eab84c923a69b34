"""Connections to the search engine behind the library.

The library runs on Elasticsearch or OpenSearch. Their REST APIs agree on everything the
library uses, so the rest of the code sends the same request bodies through whichever
official client matches the configured engine. Nothing outside `search/` imports this.
"""

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django.conf import settings


@dataclass(frozen=True)
class EngineConfig:
    kind: str  # "elasticsearch" or "opensearch"
    url: str


def configured_engine():
    """The engine named in settings, or None when the library runs on the database."""
    urls = settings.SEARCH_ENGINE_URLS
    for kind in ("elasticsearch", "opensearch"):
        if urls.get(kind):
            return EngineConfig(kind=kind, url=urls[kind])
    return None


@cache
def _client_for(kind, url, timeout):
    if kind == "elasticsearch":
        from elasticsearch import Elasticsearch

        return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False)
    from opensearchpy import OpenSearch

    return OpenSearch(url, timeout=timeout, max_retries=1, retry_on_timeout=False)


def client_for(engine):
    """A shared client for the given engine; clients pool connections, so keep one each."""
    return _client_for(engine.kind, engine.url, settings.SEARCH_ENGINE_TIMEOUT)


def cluster_health(engine, **query):
    """The cluster health document. The two clients name the server-side timeout differently."""
    client = client_for(engine)
    if engine.kind == "opensearch":
        # opensearch-py takes `timeout` as its own request timeout, so send it in the URL.
        return client.transport.perform_request("GET", f"/_cluster/health?{urlencode(query)}")
    return client.cluster.health(**query)


def engine_version(engine):
    """The version number the engine's node reports, e.g. "9.5.4"."""
    info = client_for(engine).nodes.info(node_id="_local", filter_path="nodes.*.version")
    return next(iter(info["nodes"].values()))["version"]


def engine_status(engine=None):
    """A short report on the engine for /healthz: never raises."""
    engine = engine or configured_engine()
    if engine is None:
        return {"backend": "database", "status": "ok"}
    try:
        health = cluster_health(engine, timeout="2s")
        version = engine_version(engine)
    except Exception as error:  # noqa: BLE001 - any failure means "down" to a health check
        return {"backend": engine.kind, "status": "down", "error": type(error).__name__}
    return {
        "backend": engine.kind,
        "status": "ok",
        "version": version,
        "cluster": health.get("status", "unknown"),
    }


def bulk(engine, actions, **options):
    """Stream bulk actions through the official client's helper; returns (ok, errors)."""
    if engine.kind == "elasticsearch":
        from elasticsearch.helpers import bulk as helper
    else:
        from opensearchpy.helpers import bulk as helper
    return helper(client_for(engine), actions, **options)


def engine_errors():
    """The exception types that mean "the engine could not answer" for either client."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError
    from opensearchpy.exceptions import OpenSearchException

    return (TransportError, ApiError, OpenSearchException, ConnectionError, TimeoutError)
