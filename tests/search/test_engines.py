"""The library's clients reach the real Elasticsearch and OpenSearch and round-trip a document."""

import uuid

from search.engine import client_for


def test_engine_indexes_searches_and_finds_a_document(search_engine):
    client = client_for(search_engine)
    index = f"test-roundtrip-{uuid.uuid4().hex[:8]}"
    try:
        client.indices.create(
            index=index,
            body={
                "mappings": {
                    "properties": {"title": {"type": "text"}, "sector": {"type": "keyword"}}
                }
            },
        )
        client.index(
            index=index,
            id="1",
            body={"title": "Trauma-informed youth outreach in Hackney", "sector": "education"},
            refresh=True,
        )
        found = client.search(index=index, body={"query": {"match": {"title": "outreach"}}})
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)

    hits = found["hits"]["hits"]
    assert [hit["_id"] for hit in hits] == ["1"]
    assert hits[0]["_source"]["sector"] == "education"
    info = client.cluster.health()
    print(
        f"{search_engine.kind} at {search_engine.url}: cluster {info['cluster_name']} is {info['status']}"
    )
