"""A document reaches the public only while a public page uses it; editors get it before that."""

from wagtail.models import Collection, PageViewRestriction

import pytest

from home.models import StandardPage
from tests.practice import case_study, draft_page, home_page

from .conftest import signed_in
from .uploads import downloaded, upload_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Run what a save queues on commit (Wagtail's reference index update) inside the test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def document_block(document):
    return [{"type": "document", "value": {"document": document.pk, "title": ""}}]


def test_a_document_is_public_only_while_a_public_page_uses_it(saved, client, champion, moderator):
    document = upload_document(champion, "Session plan", text="Week one: introductions.")
    with saved():
        page = draft_page(
            home_page(), StandardPage(title="How the circles run", body=document_block(document))
        )

    # Used by a draft only: nobody outside the admin is told it exists.
    assert client.get(document.url).status_code == 404
    # A signed-in editor previewing the draft gets it.
    assert downloaded(signed_in(moderator).get(document.url)) == b"Week one: introductions."

    with saved():
        page.save_revision().publish()
    assert downloaded(client.get(document.url)) == b"Week one: introductions."

    page.refresh_from_db()
    with saved():
        page.unpublish()
    assert client.get(document.url).status_code == 404

    with saved():
        page.save_revision().publish()
    assert client.get(document.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(document.url).status_code == 404


def test_a_document_nobody_uses_is_neither_served_nor_listed(client, champion):
    document = upload_document(champion, "Unused notes")
    assert client.get(document.url).status_code == 404
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "/documents/" not in sitemap.content.decode()
    for url in ("/api/v2/documents/", "/api/documents/", "/api/v3/documents/"):
        assert client.get(url).status_code == 404, url


def test_the_champion_who_wrote_a_draft_gets_a_document_a_moderator_put_in_it(
    saved, champion, other_champion, moderator
):
    document = upload_document(
        moderator, "Referral form", collection=Collection.get_first_root_node()
    )
    with saved():
        case_study(
            "Referral routes for families",
            publish=False,
            owner=champion,
            body=document_block(document),
        )

    assert signed_in(champion).get(document.url).status_code == 200
    assert signed_in(other_champion).get(document.url).status_code == 404
