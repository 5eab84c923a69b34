"""Demo champion and moderator: made in development only, once, with a case study waiting."""

import stat

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import TaskState

import pytest

from casestudies.models import CaseStudyPage
from demo import builder
from demo.builder import load_demo_content
from demo.people import WAITING_CASE_STUDY, ensure_demo_people
from moderation.roles import CHAMPIONS, MODERATORS
from tests.practice import case_study_index, driver

pytestmark = pytest.mark.django_db


@pytest.fixture
def quick_build(monkeypatch, settings, tmp_path):
    """The site builder stubbed out: these tests are about the people, not the pages."""
    settings.VAR_DIR = tmp_path
    case_study_index()
    driver("voice-and-participation", "Voice and participation (illustrative)")
    monkeypatch.setattr(builder.DemoBuilder, "build", lambda self: "Demo content ready.")
    # The demo roadmap is stubbed the same way; patching fails loudly if the builder no longer
    # calls a function of this name, so the stub can never silently stand for nothing.
    monkeypatch.setattr(builder, "build_roadmap", lambda b: "")
    monkeypatch.setattr(builder, "build_site_pages", lambda b: "")
    monkeypatch.setattr(builder, "build_drivers", lambda b: "")


def test_no_demo_people_without_debug(quick_build, settings):
    settings.DEBUG = False
    report = load_demo_content()
    assert report.startswith("Demo content ready.") and "password" not in report
    assert not get_user_model().objects.filter(username__in=["champion", "moderator"]).exists()


def test_debug_makes_a_champion_a_moderator_and_a_case_study_waiting(quick_build, settings):
    settings.DEBUG = True
    report = load_demo_content()

    User = get_user_model()
    champion = User.objects.get(username="champion")
    moderator = User.objects.get(username="moderator")
    assert champion.groups.get().name == CHAMPIONS
    assert moderator.groups.get().name == MODERATORS
    for user in (champion, moderator):
        path = settings.VAR_DIR / f"dev-{user.username}-password.txt"
        password = path.read_text().strip()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert user.check_password(password)
        assert f"'{user.username}' with password: {password}" in report

    page = CaseStudyPage.objects.get(slug=WAITING_CASE_STUDY["slug"])
    assert page.owner == champion and not page.live
    assert page.current_workflow_task.name == "VRU moderator review"
    assert TaskState.objects.reviewable_by(moderator).filter(workflow_state__object_id=str(page.pk))


def test_a_second_run_changes_nothing_and_shows_the_same_passwords(quick_build, settings):
    first = ensure_demo_people()
    second = ensure_demo_people()
    assert second in first
    assert "Submitted" not in second
    assert get_user_model().objects.count() == 2
    assert CaseStudyPage.objects.filter(slug=WAITING_CASE_STUDY["slug"]).count() == 1


def test_the_command_makes_people_only_when_asked_without_debug(quick_build, settings, capsys):
    settings.DEBUG = False
    call_command("load_demo_content")
    assert "password" not in capsys.readouterr().out
    call_command("load_demo_content", "--with-people")
    assert "'champion' with password:" in capsys.readouterr().out
