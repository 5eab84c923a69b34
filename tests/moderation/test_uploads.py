"""Each champion's images and documents are theirs alone in the admin; moderators see them all."""

from django.urls import reverse

import pytest

from .conftest import signed_in
from .uploads import downloaded, upload_document, upload_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def uploads(champion, other_champion):
    return {
        "mine": (
            upload_document(champion, "Amara circle notes"),
            upload_image(champion, "Amara circle photo"),
        ),
        "theirs": (
            upload_document(other_champion, "Kofi referral notes"),
            upload_image(other_champion, "Kofi referral photo"),
        ),
    }


def listed(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("kind", "listing", "chooser"),
    [(0, "wagtaildocs", "wagtaildocs_chooser"), (1, "wagtailimages", "wagtailimages_chooser")],
    ids=["documents", "images"],
)
def test_a_champion_lists_and_chooses_only_their_own_uploads(
    kind, listing, chooser, uploads, champion, moderator
):
    mine, theirs = uploads["mine"][kind], uploads["theirs"][kind]
    client = signed_in(champion)
    for url_name in (f"{listing}:index", f"{chooser}:choose"):
        html = listed(client, url_name)
        assert mine.title in html, url_name
        assert theirs.title not in html, url_name
    # Nor can they pick it by its number, as the chooser's "chosen" step would.
    assert client.get(reverse(f"{chooser}:chosen", args=(mine.pk,))).status_code == 200
    assert client.get(reverse(f"{chooser}:chosen", args=(theirs.pk,))).status_code in (302, 403)

    client = signed_in(moderator)
    for url_name in (f"{listing}:index", f"{chooser}:choose"):
        html = listed(client, url_name)
        assert mine.title in html and theirs.title in html, url_name
    assert client.get(reverse(f"{chooser}:chosen", args=(theirs.pk,))).status_code == 200


def test_a_champion_cannot_open_or_download_another_champions_upload(uploads, champion, moderator):
    (my_document, my_image), (their_document, their_image) = uploads["mine"], uploads["theirs"]
    client = signed_in(champion)

    assert client.get(reverse("wagtaildocs:edit", args=(my_document.pk,))).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=(my_image.pk,))).status_code == 200
    for url in (
        reverse("wagtaildocs:edit", args=(their_document.pk,)),
        reverse("wagtailimages:edit", args=(their_image.pk,)),
    ):
        assert client.get(url).status_code in (302, 403), url

    # The admin's download links are the document's own address: theirs is not found.
    assert downloaded(client.get(my_document.url)) == b"Illustrative notes."
    assert client.get(their_document.url).status_code == 404

    moderator_client = signed_in(moderator)
    assert (
        moderator_client.get(reverse("wagtaildocs:edit", args=(their_document.pk,))).status_code
        == 200
    )
    assert downloaded(moderator_client.get(their_document.url)) == b"Illustrative notes."
