"""Moderators see whether the library is in step with what they published, and why not."""

import pytest

from search import index
from search.engine import client_for, configured_engine
from search.models import LibraryChange
from search.sync import push_to_engine
from tests.moderation.conftest import signed_in
from tests.practice import case_study

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/library-sync/"


@pytest.mark.parametrize("library_backend", ["elasticsearch", "opensearch"], indirect=True)
def test_a_refused_change_shows_with_the_engines_reason(
    moderator, champion, library_backend, indexed
):
    engine = configured_engine()
    client_for(engine).indices.put_settings(
        index=index.alias_name(), body={"index": {"blocks": {"write": True}}}
    )
    try:
        with indexed():
            page = case_study("Quayside refused practice")
        change = LibraryChange.objects.failing().get(page_id=page.pk)
        assert change.attempts == 1

        html = signed_in(moderator).get(REPORT).content.decode()
        assert "Quayside refused practice" in html
        assert "Changes the engine refused (1)" in html
        assert change.last_error.split(":")[0] in html  # e.g. cluster_block_exception
        # Wagtail answers a refused admin page with a redirect to the dashboard and a message.
        refused = signed_in(champion).get(REPORT)
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
        assert "Library sync" in signed_in(moderator).get("/admin/").content.decode()
        assert "Library sync" not in signed_in(champion).get("/admin/").content.decode()
    finally:
        client_for(engine).indices.put_settings(
            index=index.alias_name(), body={"index": {"blocks": {"write": False}}}
        )
    # A retry once its pause is over lands it, and the report empties.
    LibraryChange.objects.filter(pk=change.pk).update(next_attempt_at=None)
    assert push_to_engine() is True
    assert not LibraryChange.objects.pending().exists()
    html = signed_in(moderator).get(REPORT).content.decode()
    assert "Changes the engine refused (0)" in html


def test_the_public_cannot_open_the_report(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
