"""The safeguarding check follows the sector's flag and the age group, never a sector's slug."""

from wagtail.models import TaskState

import pytest

from casestudies.models import Sector

from .conftest import submit_new_case_study, workflow_action

pytestmark = pytest.mark.django_db


def after_review(moderator, page):
    """The case study once the moderators' review has approved it."""
    workflow_action(moderator, page, "approve")
    page.refresh_from_db()
    return page


def waits_for_safeguarding(page):
    return not page.live and page.current_workflow_task.name == "Safeguarding check"


def skipped_safeguarding(page):
    return (
        page.live
        and TaskState.objects.filter(
            workflow_state__object_id=str(page.pk),
            task__name="Safeguarding check",
            status=TaskState.STATUS_SKIPPED,
        ).exists()
    )


@pytest.fixture
def youth_panel():
    return Sector.objects.create(
        name="Youth panels", slug="youth-panels", needs_safeguarding_review=True
    )


def test_a_flagged_sector_needs_the_check_whatever_its_slug(
    index, champion, moderator, youth_panel
):
    led = submit_new_case_study(champion, index, "Youth panel hires staff", lead="youth-panels")
    assert waits_for_safeguarding(after_review(moderator, led))

    partnered = submit_new_case_study(
        champion, index, "Schools and youth panels", lead="education", partners=["youth-panels"]
    )
    assert waits_for_safeguarding(after_review(moderator, partnered))

    workflow_action(moderator, led, "approve")
    led.refresh_from_db()
    assert led.live


def test_an_unflagged_sector_skips_the_check_even_with_the_old_slug(index, champion, moderator):
    Sector.objects.filter(slug="young-peoples-voice").update(needs_safeguarding_review=False)
    page = submit_new_case_study(
        champion, index, "Voices in the town hall", lead="young-peoples-voice"
    )
    assert skipped_safeguarding(after_review(moderator, page))


def test_the_young_peoples_voice_sector_is_flagged_on_every_install():
    assert Sector.objects.get(slug="young-peoples-voice").needs_safeguarding_review
    assert not Sector.objects.get(slug="education").needs_safeguarding_review


def test_work_with_children_or_young_people_needs_the_check_and_other_ages_do_not(
    index, champion, moderator
):
    # Under 18, in an unflagged sector: children (under 12) and young people (12 to 17).
    for age_group in ("children", "young-people"):
        page = submit_new_case_study(
            champion, index, f"Calm mornings for {age_group}", age_group=age_group
        )
        assert waits_for_safeguarding(after_review(moderator, page)), age_group
    for age_group in ("young-adults", "adults", "families", "all-ages", ""):
        page = submit_new_case_study(
            champion, index, f"Calm mornings for {age_group or 'anyone'}", age_group=age_group
        )
        assert skipped_safeguarding(after_review(moderator, page)), age_group
