"""The library index on the search engine: versioned indexes behind one alias.

Readers always query the alias. A rebuild fills a new index and moves the alias in one
`_aliases` call, so the library keeps answering throughout and a failed rebuild leaves the old
index serving.
"""

import logging
import time

from django.conf import settings

from .documents import INDEX_SETTINGS, MAPPING_VERSION, MAPPINGS
from .engine import bulk, client_for

logger = logging.getLogger(__name__)


def alias_name():
    return settings.LIBRARY_INDEX_PREFIX


def new_index_name():
    return f"{alias_name()}-v{MAPPING_VERSION}-{time.time_ns()}"


def indexes_behind_alias(engine):
    client = client_for(engine)
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return list(client.indices.get_alias(name=alias_name()).keys())


def create_index(engine, name):
    client_for(engine).indices.create(
        index=name, body={"settings": INDEX_SETTINGS, "mappings": MAPPINGS}
    )


def ensure_index(engine):
    """Create the first index and its alias if there is none yet."""
    if indexes_behind_alias(engine):
        return
    name = new_index_name()
    create_index(engine, name)
    client_for(engine).indices.put_alias(index=name, name=alias_name())


def _actions(index, documents):
    for document in documents:
        yield {
            "_op_type": "index",
            "_index": index,
            "_id": document["page_id"],
            "_source": document,
        }


def rebuild(engine, documents, on_progress=None):
    """Index `documents` into a fresh index, then swap the alias to it atomically."""
    client = client_for(engine)
    name = new_index_name()
    create_index(engine, name)
    try:
        count = 0
        for chunk_start in range(0, len(documents), 500):
            chunk = documents[chunk_start : chunk_start + 500]
            bulk(engine, _actions(name, chunk), refresh=False)
            count += len(chunk)
            if on_progress:
                on_progress(count)
        client.indices.refresh(index=name)
        old = indexes_behind_alias(engine)
        swap = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
        swap.append({"add": {"index": name, "alias": alias_name()}})
        client.indices.update_aliases(body={"actions": swap})
    except Exception:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    remove_unused_indexes(engine)
    return name


def remove_unused_indexes(engine):
    """Delete this library's indexes that the alias no longer points at."""
    client = client_for(engine)
    live = set(indexes_behind_alias(engine))
    for name in client.indices.get(index=f"{alias_name()}-v*").keys():
        if name not in live:
            client.indices.delete(index=name)


def put_documents(engine, documents, removals=(), refresh=True):
    """Write and remove documents through the alias in one bulk request."""
    ensure_index(engine)
    actions = [
        {"_op_type": "index", "_index": alias_name(), "_id": d["page_id"], "_source": d}
        for d in documents
    ]
    actions += [
        {"_op_type": "delete", "_index": alias_name(), "_id": page_id} for page_id in removals
    ]
    if actions:
        # Refresh straight away: editors publish a few pages an hour, and a published page
        # should be findable at once rather than at the next scheduled refresh.
        bulk(engine, actions, refresh=refresh, raise_on_error=False)


def drop(engine):
    """Remove the alias and every index behind this library's prefix (tests, resets)."""
    client = client_for(engine)
    client.indices.delete(index=f"{alias_name()}-v*", ignore_unavailable=True)
