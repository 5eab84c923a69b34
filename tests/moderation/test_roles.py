"""What champions and VRU moderators may do in the admin, through Django's test client."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, WorkflowPage
from wagtail.permissions import policy_registry

import pytest

from casestudies.models import CaseStudyPage, Sector
from moderation.roles import CHAMPIONS, MODERATORS, WORKFLOW
from tests.practice import case_study, case_study_form, glossary, recommendation_index

from .conftest import add_url, signed_in, submit_new_case_study, workflow_action

pytestmark = pytest.mark.django_db

SNIPPETS = reverse("wagtailsnippets_casestudies_sector:list")


def page_permissions(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_every_install_has_the_two_groups():
    champions = Group.objects.get(name=CHAMPIONS)
    moderators = Group.objects.get(name=MODERATORS)
    assert set(champions.permissions.values_list("codename", flat=True)) == {"access_admin"}
    moderator_codenames = set(moderators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_sector", "add_driverofchange", "delete_borough"} <= (
        moderator_codenames
    )


def test_practice_sections_get_permissions_and_the_workflow_when_made(index):
    assert page_permissions(CHAMPIONS, index) == {"add_page"}
    assert page_permissions(MODERATORS, index) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    for section in (recommendation_index(), glossary()):
        assert page_permissions(CHAMPIONS, section) == set()
        assert "publish_page" in page_permissions(MODERATORS, section)
    assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW


def test_champions_upload_to_the_submissions_collection_only(champion, moderator):
    images = policy_registry.get_by_type(get_image_model())
    for action in ("add", "choose"):
        collections = images.collections_user_has_permission_for(champion, action)
        assert [c.name for c in collections] == ["Submissions"], action
    assert images.user_has_permission(moderator, "change")


def test_champion_writes_and_submits_a_case_study(index, champion):
    page = submit_new_case_study(champion, index)

    assert page.owner == champion
    assert not page.live
    assert page.current_workflow_task.name == "VRU moderator review"
    # Submitted work is locked for the champion until a moderator acts.
    assert page.get_lock().for_user(champion)
    response = signed_in(champion).get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    assert "locked" in response.content.decode().lower()


def test_a_champion_cannot_publish(index, champion):
    client = signed_in(champion)
    # Asking to publish saves a draft: publishing is not theirs to do.
    response = client.post(
        add_url(index), case_study_form("Published too soon", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(title="Published too soon")
    assert not page.live and page.first_published_at is None

    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        case_study_form("Published too soon", **{"action-submit": "1"}),
    )
    page.refresh_from_db()
    assert page.workflow_in_progress
    response = workflow_action(champion, page, "approve")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert not page.live


def test_a_champion_cannot_unpublish_their_live_case_study(index, champion):
    page = case_study("Live already", owner=champion)
    response = signed_in(champion).post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.live


def test_a_champion_cannot_edit_another_champions_page(index, champion, other_champion):
    theirs = submit_new_case_study(other_champion, index, "Somebody else's draft")
    edit = reverse("wagtailadmin_pages:edit", args=(theirs.pk,))
    client = signed_in(champion)

    assert client.get(edit).status_code in (302, 403)
    response = client.post(edit, case_study_form("Taken over"))
    assert response.status_code in (302, 403)
    theirs.refresh_from_db()
    assert theirs.get_latest_revision_as_object().title == "Somebody else's draft"


def sector_form(name, slug):
    """Every field of the add-sector form, as the admin posts it: valid for anyone allowed."""
    return {"name": name, "slug": slug, "description": "", "sort_order": 9}


def test_a_champion_cannot_open_or_change_taxonomies(champion):
    client = signed_in(champion)
    response = client.post(
        reverse("wagtailsnippets_casestudies_sector:add"), sector_form("Housing", "housing")
    )
    assert response.status_code in (302, 403)
    assert not Sector.objects.filter(slug="housing").exists()
    for url in (SNIPPETS, reverse("wagtailsnippets_casestudies_sector:add")):
        response = client.get(url)
        assert response.status_code in (302, 403), url


def test_a_champion_sees_only_the_admin_they_need(index, champion):
    html = signed_in(champion).get(reverse("wagtailadmin_home")).content.decode()
    for hidden in ("Taxonomies", "Reports", "Users", "Workflows"):
        assert f'"label": "{hidden}"' not in html, hidden
    assert '"label": "Images"' in html


def test_a_moderator_edits_any_practice_page_and_manages_taxonomies(index, moderator, champion):
    theirs = case_study("A champion's published case study", owner=champion)
    client = signed_in(moderator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(theirs.pk,))).status_code == 200
    assert client.get(SNIPPETS).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_casestudies_sector:add"), sector_form("Housing", "housing")
    )
    assert response.status_code == 302
    assert Sector.objects.filter(slug="housing").exists()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(theirs.pk,)))
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert not theirs.live


def test_migrate_leaves_an_administrators_change_to_a_section_alone(index):
    from django.core.management.sql import emit_post_migrate_signal

    from moderation.models import ModeratedSection

    def can_publish():
        return GroupPagePermission.objects.filter(
            group__name=MODERATORS, page=index, permission__codename="publish_page"
        ).exists()

    assert can_publish() and ModeratedSection.objects.filter(page=index).exists()
    GroupPagePermission.objects.filter(
        group__name=MODERATORS, page=index, permission__codename="publish_page"
    ).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert not can_publish(), "migrate gave back a permission an administrator had removed"

    # A section never set up (as one made by a data migration would be) is set up by migrate.
    ModeratedSection.objects.filter(page=index).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert can_publish()
