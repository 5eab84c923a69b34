"""The OpenAPI document that describes the library's open API."""

import json

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from casestudies.models import Sector
from search.facets import FACETS, known_values
from tests.practice import case_study

pytestmark = pytest.mark.django_db

URL = "/api/library/openapi.json"
PATHS = {"/api/library/", "/api/library/suggest/", "/library/feed/", "/library/export.csv"}


def described(client, **headers):
    response = client.get(URL, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def parameters(document, path):
    return {p["name"]: p for p in document["paths"][path]["get"]["parameters"]}


def schemas_in(node):
    """Every schema object in the document, nested ones included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from schemas_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from schemas_in(value)


def test_the_document_is_valid_openapi_3_1(client):
    document = described(client)
    assert document["openapi"].startswith("3.1.")
    validate(document, cls=OpenAPIV31SpecValidator)
    assert document["info"]["title"] == "Practice Library API"
    assert document["info"]["version"]
    assert document["info"]["description"]
    assert set(document["paths"]) == PATHS
    assert all(set(operations) == {"get"} for operations in document["paths"].values())


def test_every_endpoint_it_describes_is_there(client):
    for path in described(client)["paths"]:
        assert client.get(path).status_code == 200, path


def test_the_server_is_the_host_the_document_was_asked_for_at(client):
    assert described(client)["servers"][0]["url"] == "http://testserver"
    document = described(client, host="partners.example.org")
    assert document["servers"][0]["url"] == "http://partners.example.org"
    secure = client.get(URL, secure=True, headers={"host": "library.example.org"}).json()
    assert secure["servers"][0]["url"] == "https://library.example.org"


def test_parameters_carry_their_limits(client):
    document = described(client)
    library = parameters(document, "/api/library/")
    assert set(library) == {"q", *FACETS, "sort", "page"}
    assert library["q"]["schema"] == {"type": "string", "maxLength": 200}
    assert library["page"]["schema"]["type"] == "integer"
    assert library["page"]["schema"]["minimum"] == 1
    assert library["page"]["schema"]["maximum"] == 1000
    assert library["sort"]["schema"]["enum"] == ["relevance", "newest", "oldest", "title"]
    assert set(parameters(document, "/api/library/suggest/")) == {"q"}
    assert set(parameters(document, "/library/feed/")) == {"q", *FACETS}
    assert set(parameters(document, "/library/export.csv")) == {"q", *FACETS, "sort"}
    for path in PATHS:
        for parameter in parameters(document, path).values():
            assert parameter["in"] == "query"
            assert parameter["description"]
            if parameter["name"] in FACETS:
                assert parameter["schema"]["type"] == "array"
                assert (parameter["style"], parameter["explode"]) == ("form", True)


def test_every_facet_lists_its_values_now(client):
    before = parameters(described(client), "/api/library/")
    values = known_values()
    for facet in FACETS:
        # A facet with no values yet (no driver made) takes any text.
        assert before[facet]["schema"]["items"].get("enum", []) == list(values[facet])
    assert "case-study" in before["type"]["schema"]["items"]["enum"]
    assert "independently-evaluated" in before["evidence"]["schema"]["items"]["enum"]
    # Sectors are the editors': one added now is in the next document.
    Sector.objects.create(name="Faith groups", slug="faith-groups")
    document = described(client)
    for path in PATHS - {"/api/library/suggest/"}:
        assert "faith-groups" in parameters(document, path)["sector"]["schema"]["items"]["enum"]


def test_responses_are_described_with_the_shared_error(client):
    document = described(client)
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    for path in PATHS:
        responses = document["paths"][path]["get"]["responses"]
        assert responses["400"] == {"$ref": "#/components/responses/BadRequest"}
        assert set(responses) == {"200", "400"}
    feed = document["paths"]["/library/feed/"]["get"]["responses"]["200"]["content"]
    assert feed == {"application/atom+xml": {"schema": {"type": "string"}}}
    export = document["paths"]["/library/export.csv"]["get"]["responses"]["200"]["content"]
    assert export == {"text/csv": {"schema": {"type": "string"}}}


def test_every_field_of_the_contract_is_required_and_more_may_come(client):
    document = described(client)
    results = document["components"]["schemas"]["LibraryResults"]
    assert set(results["required"]) == {
        "count",
        "page",
        "pages",
        "results",
        "promoted",
        "facets",
        "ignored",
        "backend",
        "notice",
        "suggestion",
    }
    item = document["components"]["schemas"]["LibraryItem"]
    assert set(item["required"]) == {
        "title",
        "url",
        "type",
        "summary",
        "sectors",
        "drivers",
        "boroughs",
        "evidence",
        "published",
        "highlight",
        "labels",
    }
    assert item["properties"]["published"]["type"] == ["string", "null"]
    for schema in schemas_in(document):
        assert "additionalProperties" not in schema
        if schema.get("type") == "object":
            assert schema["required"] == list(schema["properties"])


def test_the_document_names_no_page(client):
    case_study("Calm spaces in custody")
    case_study("A draft nobody may see yet", publish=False)
    text = json.dumps(described(client))
    assert "Calm spaces in custody" not in text
    assert "A draft nobody may see yet" not in text


def test_only_get(client):
    assert client.post(URL).status_code == 405
