"""People in each role, a case-study form as the editor posts it, and the library fixtures."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from moderation.roles import CHAMPIONS, MODERATORS
from tests.practice import TEST_PASSWORD, case_study_form, case_study_index
from tests.search.conftest import indexed, library_backend  # noqa: F401
from tests.signing_in import signed_in

__all__ = ["indexed", "library_backend", "signed_in"]


def person(username, group, **fields):
    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        TEST_PASSWORD,
        first_name=fields.get("first_name", username.title()),
        last_name=fields.get("last_name", "Tester"),
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def index(db):
    return case_study_index()


@pytest.fixture
def champion(db):
    return person("champion", CHAMPIONS, first_name="Amara", last_name="Lewis")


@pytest.fixture
def other_champion(db):
    return person("otherchampion", CHAMPIONS, first_name="Kofi", last_name="Mensah")


@pytest.fixture
def moderator(db):
    return person("moderator", MODERATORS, first_name="Rowan", last_name="Hughes")


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("casestudies", "casestudypage", index.pk))


def submit_new_case_study(user, index, title="Listening circles in pupil referral units", **kw):
    """A champion writes a case study and submits it to VRU moderation in one go."""
    from casestudies.models import CaseStudyPage

    response = signed_in(user).post(
        add_url(index), case_study_form(title, **kw, **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return CaseStudyPage.objects.get(title=title)


def workflow_action(user, page, action, comment=""):
    """A moderator's approve or request-changes, as the buttons in the editor post it."""
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return signed_in(user).post(url, {"comment": comment})
