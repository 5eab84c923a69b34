"""Renames reach the library without a rebuild: a section's new address, and a sector, driver or
borough renamed or deleted, on every backend."""

import pytest

from tests.practice import borough, case_study, case_study_index, driver, sector

pytestmark = pytest.mark.django_db


def api(client, **params):
    return client.get("/api/library/", params).json()


def facet_count(body, facet, value):
    return next((v["count"] for v in body["facets"][facet] if v["value"] == value), None)


def test_a_renamed_section_moves_every_stored_address(client, library_backend, indexed):
    with indexed():
        page = case_study("Riverside renamed practice")
    assert (
        api(client, q="riverside")["results"][0]["url"]
        == "/case-studies/riverside-renamed-practice/"
    )

    section = case_study_index()
    with indexed():
        section.slug = "practice"
        section.save_revision().publish()

    (result,) = api(client, q="riverside")["results"]
    assert result["url"] == "/practice/riverside-renamed-practice/"
    assert client.get(result["url"]).status_code == 200
    html = client.get("/library/", {"q": "riverside"}).content.decode()
    assert 'href="/practice/riverside-renamed-practice/"' in html
    assert page.url not in html


def test_a_renamed_taxonomy_slug_keeps_its_counts(client, library_backend, indexed):
    with indexed():
        case_study("Orchard sector practice", lead_sector=sector("education"))
    education = sector("education")
    with indexed():
        education.slug = "schools"
        education.name = "Schools and colleges"
        education.save()

    body = api(client, sector="schools")
    assert body["ignored"] == []
    assert [r["title"] for r in body["results"]] == ["Orchard sector practice"]
    assert facet_count(body, "sector", "schools") == 1
    assert body["results"][0]["labels"]["sectors"][0] == "Schools and colleges"
    assert facet_count(api(client), "sector", "schools") == 1


def test_a_deleted_driver_or_borough_leaves_the_documents(client, library_backend, indexed):
    kept, dropped = driver("kept-driver", "Kept driver"), driver("dropped-driver", "Dropped")
    with indexed():
        case_study("Meadow driver practice", drivers=[kept, dropped], boroughs=[borough()])
    with indexed():
        dropped.delete()
        borough().delete()

    (result,) = api(client, q="meadow")["results"]
    assert result["drivers"] == ["kept-driver"]
    assert result["boroughs"] == []
    body = api(client, driver="dropped-driver")
    assert body["ignored"] == [{"parameter": "driver", "value": "dropped-driver"}]
    assert facet_count(api(client), "driver", "kept-driver") == 1
