"""VRU moderators look after the whole site from its home page; champions stay in their section."""

from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.models import StandardPage
from moderation.roles import CHAMPIONS, MODERATORS
from roadmap.models import RoadmapPage
from tests.practice import home_page, publish_page

from .conftest import signed_in

pytestmark = pytest.mark.django_db

MODERATOR_CODENAMES = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
NEW_TEXT = "Updated by the VRU moderators."


def page_permissions(group_name, page_id):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page_id=page_id).values_list(
            "permission__codename", flat=True
        )
    )


def home_form(home):
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "introduction": rich_text(NEW_TEXT),
            "signposts": inline_formset([]),
            "featured_practice": inline_formset([]),
        }
    )


def roadmap_form(page):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": rich_text(NEW_TEXT),
            "stages": inline_formset(
                [
                    {"name": "Aware", "description": "Aware stage."},
                    {"name": "Embedded", "description": "Embedded stage."},
                ],
                min=2,
                max=6,
            ),
            "drivers": streamfield([]),
            "assessment_introduction": rich_text(""),
            "statements": inline_formset([]),
        }
    )


def standard_form(page):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": NEW_TEXT,
            "body": streamfield([]),
        }
    )


def published_text(page):
    page = Page.objects.get(pk=page.pk).specific
    return page.introduction if page.live and not page.has_unpublished_changes else None


@pytest.fixture
def site_pages():
    home = home_page()
    return [
        (home, home_form),
        (publish_page(home, RoadmapPage(title="Roadmap", slug="roadmap")), roadmap_form),
        (publish_page(home, StandardPage(title="About", slug="about")), standard_form),
    ]


def test_moderators_hold_the_site_from_its_home_page_and_champions_do_not():
    home = home_page()
    assert page_permissions(MODERATORS, home.pk) == MODERATOR_CODENAMES
    assert page_permissions(CHAMPIONS, home.pk) == set()
    # Never on the tree's own root, above every site.
    assert page_permissions(MODERATORS, Page.get_first_root_node().pk) == set()


def test_a_moderator_edits_and_publishes_the_home_page_roadmap_and_standard_pages(
    site_pages, moderator, champion
):
    champion_client = signed_in(champion)
    client = signed_in(moderator)
    for page, form in site_pages:
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = {**form(page), "action-publish": "action-publish"}

        # Not a champion's to change.
        assert champion_client.get(edit).status_code in (302, 403), page
        assert champion_client.post(edit, data).status_code in (302, 403), page
        assert published_text(page) is None or NEW_TEXT not in published_text(page), page

        assert client.get(edit).status_code == 200, page
        response = client.post(edit, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        assert NEW_TEXT in published_text(page), page


def test_a_new_site_gets_the_same_once_and_an_administrators_removal_stands():
    root = Page.get_first_root_node()
    second_home = root.add_child(instance=StandardPage(title="Second site", slug="second-site"))
    Site.objects.create(hostname="second.example.org", root_page=second_home)
    assert page_permissions(MODERATORS, second_home.pk) == MODERATOR_CODENAMES

    GroupPagePermission.objects.filter(
        group__name=MODERATORS, page=second_home, permission__codename="publish_page"
    ).delete()
    Site.objects.get(root_page=second_home).save()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert "publish_page" not in page_permissions(MODERATORS, second_home.pk)
