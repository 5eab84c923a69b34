"""Site pages are kept whole for the public and retired the moment anything they show changes."""

from django.contrib.auth import get_user_model

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

import pytest

from core.versions import current_version
from reviews.due import confirm_still_accurate
from tests.practice import case_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):
    settings.LIBRARY_PAGE_CACHE = True


def test_a_kept_case_study_costs_one_query_and_a_new_version_shows_at_once(
    client, kept, django_assert_num_queries
):
    page = case_study("Calm spaces in custody")
    first = client.get(page.url)
    assert first.status_code == 200
    with django_assert_num_queries(1) as captured:
        again = client.get(page.url)
    assert "practice_library_cache" in captured.captured_queries[0]["sql"]
    assert again.content == first.content

    page.title = "Calm rooms in custody suites"
    page.save_revision().publish()
    assert "Calm rooms in custody suites" in client.get(page.url).content.decode()


def test_an_unpublished_page_is_never_served_from_its_kept_copy(client, kept):
    page = case_study("Calm spaces in custody")
    assert client.get(page.url).status_code == 200
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_page_made_private_asks_for_its_password_at_once(client, kept):
    page = case_study("Calm spaces in custody", summary="Quiet rooms for people held in custody.")
    assert "Quiet rooms for people held" in client.get(page.url).content.decode()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="in-review"
    )
    html = client.get(page.url).content.decode()
    assert "Quiet rooms for people held" not in html
    assert 'type="password"' in html


def test_a_restricted_page_is_never_kept(client, kept, django_assert_max_num_queries):
    page = case_study("Calm spaces in custody", summary="Quiet rooms for people held in custody.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="in-review"
    )
    response = client.post(
        f"/_util/authenticate_with_password/{page.get_view_restrictions().get().pk}/{page.pk}/",
        {"password": "in-review", "return_url": page.url},
    )
    assert response.status_code == 302
    assert "Quiet rooms for people held" in client.get(page.url).content.decode()

    # Another visitor, without the password, is asked for it: nothing was kept for them.
    client.cookies.clear()
    html = client.get(page.url).content.decode()
    assert "Quiet rooms for people held" not in html and 'type="password"' in html


def test_a_query_string_or_a_session_renders_the_page_afresh(
    client, kept, django_assert_max_num_queries
):
    page = case_study("Calm spaces in custody")
    client.get(page.url)
    client.get(page.url)
    with django_assert_max_num_queries(1):
        client.get(page.url)
    for params, cookies in (({"utm_source": "email"}, {}), ({}, {"sessionid": "someone"})):
        client.cookies.clear()
        for name, value in cookies.items():
            client.cookies[name] = value
        with pytest.raises(pytest.fail.Exception):
            with django_assert_max_num_queries(1):
                assert client.get(page.url, params).status_code == 200


def test_a_review_confirmed_without_publishing_shows_on_the_kept_page(client, kept):
    page = case_study("Calm spaces in custody")
    page.last_reviewed = page.last_reviewed.replace(year=page.last_reviewed.year - 2)
    page.save(update_fields=["last_reviewed"])
    client.get(page.url)
    moderator = get_user_model().objects.create_superuser("moderator", "m@example.org", "x")
    confirmed = confirm_still_accurate(page, moderator)
    assert (
        f"Last reviewed in {confirmed.last_reviewed:%B %Y}" in client.get(page.url).content.decode()
    )


def test_a_changed_image_or_document_moves_the_version_on():
    # A kept page shows an image's text and a document's title: changing either retires it.
    image = get_image_model().objects.create(title="Calm room", file=get_test_image_file())
    document = get_document_model().objects.create(title="Evaluation report")
    for media in (image, document):
        before = current_version()
        media.title = f"{media.title}, renamed"
        media.save()
        assert current_version() != before
        before = current_version()
        media.delete()
        assert current_version() != before
