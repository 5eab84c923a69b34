"""The library index on the search engine: versioned indexes behind one alias.

Readers always query the alias. Every write carries the sequence number of the change it comes
from as the document's external version, so writes may be repeated or arrive out of order and
the engine still keeps the newest. A rebuild fills a new index from a snapshot, replays the
changes made since, moves the alias in one `_aliases` call and replays again: the library keeps
answering throughout, loses no change made meanwhile, and a failed rebuild leaves the old index
serving.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings

from .documents import INDEX_SETTINGS, MAPPING_VERSION, MAPPINGS
from .engine import MergeUnfinished, bulk, client_for, engine_errors, merge_segments

logger = logging.getLogger(__name__)
CHUNK = 500
# Filling a fresh index: bigger requests, two in flight, and no refresh until it is full.
FILL_CHUNK = 1000
FILL_THREADS = 2
# How long a rebuild waits for the engine to merge the filled index into one segment (some
# seconds at 100,000 pages) while the engine keeps answering. A merge still running then goes
# on in the engine by itself.
MERGE_TIMEOUT = 600


@dataclass(frozen=True)
class Write:
    """One document to write or remove, at a version (the change's sequence number)."""

    page_id: int
    version: int
    document: dict | None  # None removes the page


def alias_name():
    return settings.LIBRARY_INDEX_PREFIX


def new_index_name():
    return f"{alias_name()}-v{MAPPING_VERSION}-{time.time_ns()}"


def indexes_behind_alias(engine):
    client = client_for(engine)
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return list(client.indices.get_alias(name=alias_name()).keys())


def create_index(engine, name, filling=False):
    """Create an index; one `filling` before anyone reads it skips refreshing until full."""
    settings_ = {**INDEX_SETTINGS, "refresh_interval": "-1"} if filling else INDEX_SETTINGS
    client_for(engine).indices.create(
        index=name, body={"settings": settings_, "mappings": MAPPINGS}
    )


def ensure_index(engine):
    """Create the first index and its alias if there is none yet."""
    if indexes_behind_alias(engine):
        return
    name = new_index_name()
    create_index(engine, name)
    client_for(engine).indices.put_alias(index=name, name=alias_name())


def _action(index, write):
    action = {
        "_index": index,
        "_id": write.page_id,
        "version": write.version,
        "version_type": "external",
    }
    if write.document is None:
        return {**action, "_op_type": "delete"}
    return {**action, "_op_type": "index", "_source": write.document}


def _refusal(op_type, item):
    """Why the engine refused one bulk item, or None when the item is where it should be."""
    status = item.get("status", 500)
    if 200 <= status < 300:
        return None
    if status == 409:
        return None  # the engine already holds a newer version of this page
    if op_type == "delete" and status == 404:
        return None  # nothing to remove
    error = item.get("error") or {}
    if isinstance(error, dict):
        return f"{error.get('type', status)}: {error.get('reason', '')}".strip()
    return str(error) or f"status {status}"


def write(engine, writes, index=None, refresh=True, chunk_size=CHUNK, threads=1):
    """Apply `writes` to `index` (the alias by default). Returns {page_id: refusal} for the
    documents the engine refused; a connection failure raises one of `engine_errors()`."""
    index = index or alias_name()
    refused = {}
    for ok, result in bulk(
        engine,
        (_action(index, w) for w in writes),
        threads=threads,
        refresh=refresh,
        chunk_size=chunk_size,
    ):
        if ok:
            continue
        op_type, item = next(iter(result.items()))
        reason = _refusal(op_type, item)
        if reason:
            refused[int(item["_id"])] = reason[:1000]
    return refused


def rebuild(engine, snapshot, changes_since, on_progress=None):
    """Fill a fresh index from `snapshot` (writes), replay `changes_since()` into it before and
    after swapping the alias, and remove the old indexes. Returns the new index's name."""
    client = client_for(engine)
    name = new_index_name()
    create_index(engine, name, filling=True)
    try:
        done = 0
        for start in range(0, len(snapshot), FILL_CHUNK * 10):
            part = snapshot[start : start + FILL_CHUNK * 10]
            _must_land(
                write(
                    engine,
                    part,
                    index=name,
                    refresh=False,
                    chunk_size=FILL_CHUNK,
                    threads=FILL_THREADS,
                )
            )
            done += len(part)
            if on_progress:
                on_progress(done)
        _must_land(write(engine, changes_since(), index=name, refresh=False))
        client.indices.put_settings(index=name, body={"index": {"refresh_interval": None}})
        client.indices.refresh(index=name)
        _merged(engine, name)
        old = indexes_behind_alias(engine)
        swap = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
        swap.append({"add": {"index": name, "alias": alias_name()}})
        client.indices.update_aliases(body={"actions": swap})
    except Exception:
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    # Changes applied through the alias to the old index between the first replay and the swap.
    _must_land(write(engine, changes_since(), index=name, refresh=True))
    remove_unused_indexes(engine)
    return name


def _merged(engine, name):
    """Merge the filled index into one segment before readers see it. The library is read far
    more than it is written, and on one segment the engine counts facets without mapping each
    segment's values to the whole index's: an uncached library search at 20,000 pages took
    about a third less time. Later writes add small segments that the engine merges as usual.

    Only an optimisation: if the merge does not finish in time, the rebuild goes on. An engine
    that stops answering fails the follow-up within the engine timeout, so the rebuild fails
    at its next step as before and the old index keeps serving."""
    try:
        merge_segments(engine, name, MERGE_TIMEOUT)
    except (MergeUnfinished, *engine_errors()) as error:
        logger.warning("Merging %s into one segment did not finish: %s", name, error)


class RebuildRefused(Exception):
    """The engine refused documents while a new index was being filled."""


def _must_land(refused):
    if refused:
        page_id, reason = next(iter(refused.items()))
        raise RebuildRefused(
            f"the engine refused {len(refused)} document(s), e.g. page {page_id}: {reason}"
        )


def remove_unused_indexes(engine):
    """Delete this library's indexes that the alias no longer points at."""
    client = client_for(engine)
    live = set(indexes_behind_alias(engine))
    for name in client.indices.get(index=f"{alias_name()}-v*").keys():
        if name not in live:
            client.indices.delete(index=name)


def drop(engine):
    """Remove the alias and every index behind this library's prefix (tests, resets)."""
    client = client_for(engine)
    client.indices.delete(index=f"{alias_name()}-v*", ignore_unavailable=True)
