"""Best match on the demo site: a page with the search words in its title ranks above a page
that has them only in its body, on Elasticsearch, OpenSearch and the database copy
(PostgreSQL's full-text ranking), and the database copy highlights as the engines do."""

import io

from django.core.management import call_command

import pytest

from search.models import LibraryRecord
from tests.demo_site import demo_loaded_once

pytestmark = pytest.mark.django_db

# What is typed, and the letters every form of it shares ("exclusions", "excluded").
QUERIES = {
    "school": "school",
    "custody": "custod",
    "reflective supervision": "supervis",
    "exclusions": "exclu",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded_once(django_db_blocker, tmp_path_factory):
        yield


@pytest.fixture
def demo_library(demo, library_backend):
    """The demo site's library on this backend."""
    call_command("rebuild_library_index", stdout=io.StringIO(), stderr=io.StringIO())
    return library_backend


def ranked_titles(client, words):
    titles, page = [], 1
    while True:
        body = client.get("/api/library/", {"q": words, "page": page}).json()
        titles += [result["title"] for result in body["results"]]
        if page >= body["pages"]:
            return titles, body
        page += 1


def where_it_appears(stem):
    """Title -> "title", "summary" or "body": the first field of the page holding the word."""
    found = {}
    for record in LibraryRecord.objects.only("document"):
        document = record.document
        for field in ("title", "summary", "body"):
            if stem in (document.get(field) or "").casefold():
                found[document["title"]] = field
                break
    return found


@pytest.mark.parametrize("words", QUERIES)
def test_a_title_match_ranks_above_a_body_only_match(client, demo_library, words):
    where = where_it_appears(QUERIES[words])
    titles, last = ranked_titles(client, words)

    assert last["backend"] == demo_library
    in_title = [n for n, title in enumerate(titles) if where.get(title) == "title"]
    body_only = [n for n, title in enumerate(titles) if where.get(title) == "body"]
    assert in_title, f"no page with {words!r} in its title was found"
    assert body_only, f"no page with {words!r} only in its body was found"
    assert in_title[0] == 0, f"the best match for {words!r} is {titles[0]!r}"
    assert max(in_title) < min(body_only), (words, titles)


def test_the_database_copy_highlights_the_words_in_summaries(client, demo_library):
    body = client.get("/api/library/", {"q": "custody"}).json()
    marked = [result["highlight"] for result in body["results"] if result["highlight"]]
    assert marked, "no summary was highlighted"
    assert all("<mark>" in text for text in marked)
    assert any("<mark>custody</mark>" in text.casefold() for text in marked)


def test_phrases_and_left_out_words_are_read_as_the_engine_reads_them(client, demo_library):
    everything, _ = ranked_titles(client, "custody")
    phrase, _ = ranked_titles(client, '"calmer first contact"')
    without, _ = ranked_titles(client, "custody -calmer")

    assert phrase and all("calmer first contact" in title.casefold() for title in phrase)
    assert without and set(without) < set(everything)
    assert not any("calmer" in title.casefold() for title in without)
