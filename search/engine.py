"""Connections to the search engine behind the library.

The library runs on Elasticsearch or OpenSearch. Their REST APIs agree on everything the
library uses, so the rest of the code sends the same request bodies through whichever
official client matches the configured engine. Nothing outside `search/` imports this.

A setting may name several nodes of one cluster (comma-separated): the client spreads requests
over them and skips a node that stops answering. Connecting has a short timeout of its own, so
a node that is gone is noticed at once; reading has a longer one for real work.
"""

import time
import warnings
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django.conf import settings

import urllib3


@dataclass(frozen=True)
class EngineConfig:
    kind: str  # "elasticsearch" or "opensearch"
    url: str  # one node's address, or several separated by commas

    @property
    def hosts(self):
        return [part.strip() for part in self.url.split(",") if part.strip()]


def configured_engine():
    """The engine named in settings, or None when the library runs on the database."""
    urls = settings.SEARCH_ENGINE_URLS
    for kind in ("elasticsearch", "opensearch"):
        if urls.get(kind):
            return EngineConfig(kind=kind, url=urls[kind])
    return None


def _timeout(read):
    return urllib3.Timeout(connect=settings.SEARCH_ENGINE_CONNECT_TIMEOUT, read=read)


@cache
def _client_for(kind, url, timeout):
    hosts = EngineConfig(kind, url).hosts
    if kind == "elasticsearch":
        from elastic_transport import Urllib3HttpNode
        from elasticsearch import Elasticsearch

        class Node(Urllib3HttpNode):
            def __init__(self, config):
                super().__init__(config)
                self.pool.timeout = _timeout(config.request_timeout)

        return Elasticsearch(
            hosts, request_timeout=timeout, max_retries=1, retry_on_timeout=False, node_class=Node
        )
    from opensearchpy import OpenSearch, Urllib3HttpConnection

    class Connection(Urllib3HttpConnection):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.pool.timeout = _timeout(self.timeout)

    return OpenSearch(
        hosts, timeout=timeout, max_retries=1, retry_on_timeout=False, connection_class=Connection
    )


def client_for(engine):
    """A shared client for the given engine; clients pool connections, so keep one each."""
    return _client_for(engine.kind, engine.url, settings.SEARCH_ENGINE_TIMEOUT)


def search(engine, index, body):
    """Run a search for a reader: it waits at most `SEARCH_QUERY_TIMEOUT` for the answer.

    Readers have a client (and connection pool) of their own with that timeout, so a reader's
    request costs no per-call set-up and never shares a connection with a long bulk write.

    The engine keeps the answer in its shard request cache, which by default keeps only
    answers without hits: the same library page asked again (a sector's listing, a popular
    search) is answered from memory until the index next changes, when the engine drops it."""
    client = _client_for(engine.kind, engine.url, settings.SEARCH_QUERY_TIMEOUT)
    return client.search(index=index, body=body, request_cache=True)


def ping(engine, timeout):
    """True when the cluster answers a health request within `timeout` seconds."""
    try:
        cluster_health(engine, request_timeout=timeout)
    except engine_errors():
        return False
    return True


def cluster_health(engine, request_timeout=3, **query):
    """The cluster health document. The two clients name the server-side timeout differently."""
    client = client_for(engine)
    if engine.kind == "opensearch":
        # opensearch-py takes `timeout` as its own request timeout, so send it in the URL.
        return client.transport.perform_request(
            "GET",
            f"/_cluster/health?{urlencode(query)}",
            params={"request_timeout": request_timeout},
        )
    return client.options(request_timeout=request_timeout).cluster.health(**query)


def merge_segments(engine, index, wait_seconds, every=0.2):
    """Merge `index` into one segment, then refresh it so searches read the merged segment
    (OpenSearch keeps reading the old ones until then).

    The merge runs as an engine task, followed with short requests: a large merge is waited
    for up to `wait_seconds`, while an engine that stops answering fails within the usual
    engine timeout. Raises `MergeUnfinished` when the wait runs out (the merge goes on in the
    engine by itself) or the task reports an error."""
    client = client_for(engine)
    if engine.kind == "opensearch":
        started = client.indices.forcemerge(
            index=index, max_num_segments=1, params={"wait_for_completion": "false"}
        )
    else:
        started = client.indices.forcemerge(
            index=index, max_num_segments=1, wait_for_completion=False
        )
    deadline = time.monotonic() + wait_seconds
    while not (task := _task(client, started["task"]))["completed"]:
        if time.monotonic() > deadline:
            raise MergeUnfinished(f"still merging after {wait_seconds} s")
        time.sleep(every)
    if "error" in task:
        raise MergeUnfinished(str(task["error"].get("reason", task["error"])))
    client.indices.refresh(index=index)


class MergeUnfinished(Exception):
    """A merge into one segment ran past its wait or failed in the engine."""


def _task(client, task_id):
    """The state of one engine task. Elasticsearch's client marks its task API as a technical
    preview with a warning on every call; only that warning is silenced here."""
    from elasticsearch.exceptions import GeneralAvailabilityWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeneralAvailabilityWarning)
        return client.tasks.get(task_id=task_id)


def engine_version(engine):
    """The version number the engine's node reports, e.g. "9.5.4"."""
    info = client_for(engine).nodes.info(node_id="_local", filter_path="nodes.*.version")
    return next(iter(info["nodes"].values()))["version"]


def bulk(engine, actions, threads=1, **options):
    """Stream bulk actions through the official client's helper; with `threads` above one,
    that many requests are in flight at once (the helper's `parallel_bulk`), so the engine
    indexes one chunk while the next is serialised.

    Yields `(ok, item)` for every action, so each document's own answer can be read; a
    connection failure raises one of `engine_errors()`.
    """
    if engine.kind == "elasticsearch":
        from elasticsearch import helpers
    else:
        from opensearchpy import helpers
    if threads > 1:
        return helpers.parallel_bulk(
            client_for(engine), actions, thread_count=threads, raise_on_error=False, **options
        )
    return helpers.streaming_bulk(client_for(engine), actions, raise_on_error=False, **options)


def engine_errors():
    """The exception types that mean "the engine could not do it" for either client."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError
    from elasticsearch.helpers import BulkIndexError
    from opensearchpy.exceptions import OpenSearchException

    return (
        TransportError,
        ApiError,
        BulkIndexError,
        OpenSearchException,
        ConnectionError,
        TimeoutError,
    )
