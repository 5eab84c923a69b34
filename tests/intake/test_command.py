"""`manage.py import_practice`: a good file reaches moderation, a faulty one is reported row by
row and writes nothing, a second import changes nothing, and only moderators may publish."""

import datetime

from django.core import mail
from django.core.management.base import CommandError

from wagtail.models import Page, Revision, WorkflowState

import pytest

from casestudies.models import CaseStudyPage, DefinitionPage, RecommendationPage
from intake.models import ImportedPage
from tests.moderation.conftest import person

from .conftest import (
    HEADERS,
    case_study_row,
    definition_row,
    recommendation_row,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


def good_rows(dates_as_cells=False):
    started = datetime.date(2024, 9, 1) if dates_as_cells else "2024-09-01"
    return [
        case_study_row(related="CS-2", started=started),
        case_study_row(
            "CS-2",
            "Calm custody suites",
            sectors="metropolitan-police-service",
            drivers="Voice and participation",
            boroughs="",
            age_group="young adults",
            status="Completed",
            started=datetime.date(2023, 5, 1) if dates_as_cells else "2023-05-01",
            ended=datetime.date(2024, 2, 1) if dates_as_cells else "2024-02-01",
            evidence_level="Independently evaluated",
            contact_name="Sam Okafor",
            contact_consent="yes",
            related="CS-1",
        ),
        recommendation_row(related="CS-1; CS-2"),
        definition_row(),
    ]


def library_count(client):
    return client.get("/api/library/").json()["count"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_good_file_becomes_drafts_waiting_in_moderation(
    tmp_path, sections, moderator, import_practice, client, file_format
):
    if file_format == "csv":
        path = write_csv(tmp_path / "practice.csv", good_rows())
    else:
        path = write_xlsx(tmp_path / "practice.xlsx", good_rows(dates_as_cells=True))
    pages, listed = Page.objects.count(), library_count(client)

    out, err = import_practice(path, owner="moderator")

    assert "Created 4, updated 0, unchanged 0, invalid 0." in out
    assert "Checking: 100%" in err and "Importing: 100%" in err  # tqdm's bars, on stderr
    assert Page.objects.count() == pages + 4
    assert ImportedPage.objects.count() == 4
    # Waiting in moderation: drafts, not live, not in the library.
    for page in Page.objects.filter(pk__in=ImportedPage.objects.values("page")):
        assert not page.live and page.owner == moderator
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert page.current_workflow_task.name == "VRU moderator review"
    assert library_count(client) == listed

    walk = CaseStudyPage.objects.get(title="Walk and talk mentoring")
    custody = CaseStudyPage.objects.get(title="Calm custody suites")
    draft = walk.get_latest_revision_as_object()
    assert draft.lead_sector.slug == "education"
    assert [s.slug for s in draft.partner_sectors.all()] == ["local-authorities"]
    assert sorted(b.slug for b in draft.boroughs.all()) == ["hackney", "lambeth"]
    assert sorted(p.slug for p in draft.principles.all()) == ["choice", "safety"]
    assert [d.slug for d in draft.drivers.all()] == ["relationships"]
    assert sorted(t.name for t in draft.tags.all()) == ["mentoring", "walking"]
    assert draft.challenge == (
        "<p>Pupils did not feel safe in formal meetings.</p><p>Many stopped coming.</p>"
    )
    assert draft.started == datetime.date(2024, 9, 1)
    assert [link.page_id for link in draft.related_case_studies.all()] == [custody.pk]
    custody = custody.get_latest_revision_as_object()
    assert (custody.age_group, custody.status) == ("young-adults", "completed")
    assert custody.ended == datetime.date(2024, 2, 1)
    assert custody.evidence_level == "independently-evaluated"
    assert custody.contact_consent and custody.public_contact["name"] == "Sam Okafor"

    recommendation = RecommendationPage.objects.get().get_latest_revision_as_object()
    assert recommendation.audience == "implementers"
    assert [(a.value["action"], a.value["detail"]) for a in recommendation.actions] == [
        ("Ask before taking notes", "say who will read them."),
        ("Offer a copy", ""),
    ]
    assert [link.page_id for link in recommendation.linked_case_studies.all()] == [
        walk.pk,
        custody.pk,
    ]
    definition = DefinitionPage.objects.get().get_latest_revision_as_object()
    assert definition.short_definition.startswith("When a service's own ways")
    assert [dict(s.value) for s in definition.sources] == [
        {
            "title": "Working definition of trauma-informed practice",
            "publisher": "OHID",
            "year": 2022,
            "url": "https://www.gov.uk/",
        }
    ]


FAULTY_ROWS = [
    case_study_row(sectors="Educaton"),
    case_study_row("CS-2", "Calm custody", drivers="", started="2024-05-01", ended="2024-01-01"),
    recommendation_row(audience="implementors"),
    definition_row(started="2024-01-01"),
    case_study_row("CS-3", "Youth hub meetings", started="31/12/2024", boroughs="Hackny"),
    case_study_row("CS-4", type="case-studdy"),
    case_study_row("CS-1", "Listening circles"),
    case_study_row("CS-5", "Peer mentors", related="CS-404"),
    case_study_row("CS-6", "Quiet rooms", summary="x" * 301),
    case_study_row("CS-7", "Drop-in evenings"),
]
FAULTY_REPORT = [
    "Row 2, sectors: “Educaton” is not a known sector. Did you mean “Education”?",
    "Row 3, drivers: Required for a case study: this cell is empty. Give at least one.",
    "Row 3, ended: The end date is before the start date.",
    "Row 4, audience: “implementors” is not a known audience. Did you mean “Implementers”?",
    "Row 5, started: Not used for a definition: leave it blank.",
    "Row 6, boroughs: “Hackny” is not a known borough. Did you mean “Hackney”?",
    "Row 6, started: “31/12/2024” is not a date this import reads: write it as 2024-03-31 "
    "(year, month, day), or use a date cell.",
    "Row 7, type: “case-studdy” is not a known type of page. Did you mean “case study”?",
    "Row 8, external_id: Row 2 already uses the ID “CS-1”: give each row an ID of its own.",
    "Row 9, related: No row in this file, and no page imported before, has the ID “CS-404”.",
    "Row 10, summary: Ensure this value has at most 300 characters (it has 301).",
]


def test_a_faulty_file_is_reported_row_by_row_and_nothing_is_written(
    tmp_path, sections, moderator, import_practice
):
    path = write_csv(tmp_path / "faulty.csv", FAULTY_ROWS)
    pages, revisions = Page.objects.count(), Revision.objects.count()

    with pytest.raises(CommandError) as refused:
        import_practice(path, owner="moderator")

    assert refused.value.stdout.splitlines() == FAULTY_REPORT
    assert str(refused.value) == (
        "Nothing was written: 9 rows have problems. Fix them and import again, or use "
        "--skip-invalid to import the valid rows. The file would create 1, update 0; "
        "unchanged 0, invalid 9."
    )
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert not ImportedPage.objects.exists()


def test_a_dry_run_reports_the_same_and_writes_nothing(
    tmp_path, sections, moderator, import_practice
):
    path = write_csv(tmp_path / "faulty.csv", FAULTY_ROWS)

    with pytest.raises(CommandError) as refused:
        import_practice(path, owner="moderator", dry_run=True)

    assert refused.value.stdout.splitlines() == FAULTY_REPORT
    assert not CaseStudyPage.objects.exists()


def test_skip_invalid_writes_the_valid_rows_and_reports_the_others(
    tmp_path, sections, moderator, import_practice
):
    rows = [case_study_row(), case_study_row("CS-2", "Calm custody", sectors="Educaton")]
    path = write_csv(tmp_path / "mixed.csv", rows)
    pages = Page.objects.count()

    out, _ = import_practice(path, owner="moderator", skip_invalid=True)

    assert "Row 3, sectors: “Educaton” is not a known sector." in out
    assert "Created 1, updated 0, unchanged 0, invalid 1." in out
    assert Page.objects.count() == pages + 1
    assert CaseStudyPage.objects.get().title == "Walk and talk mentoring"


def test_a_row_linking_to_an_invalid_row_is_left_out_with_it(
    tmp_path, sections, moderator, import_practice
):
    rows = [
        case_study_row(related="CS-2"),
        case_study_row("CS-2", "Calm custody", sectors="Educaton"),
        definition_row(),
    ]
    out, _ = import_practice(
        write_csv(tmp_path / "linked.csv", rows), owner="moderator", skip_invalid=True
    )

    assert "Row 2, related: “CS-2” is on row 3, which has problems of its own." in out
    assert "Created 1, updated 0, unchanged 0, invalid 2." in out
    assert [page.title for page in Page.objects.filter(depth__gt=3)] == ["Re-traumatisation"]


def test_a_dry_run_writes_nothing(tmp_path, sections, moderator, import_practice):
    pages = Page.objects.count()

    out, _ = import_practice(
        write_csv(tmp_path / "p.csv", good_rows()), "--dry-run", owner="moderator"
    )

    assert out.strip() == (
        "Dry run, nothing written: the file would create 4, update 0; unchanged 0, invalid 0."
    )
    assert Page.objects.count() == pages
    assert not ImportedPage.objects.exists()


def test_importing_the_same_file_again_changes_nothing(
    tmp_path, sections, moderator, import_practice
):
    path = write_csv(tmp_path / "practice.csv", good_rows())
    import_practice(path, owner="moderator")
    revisions, states = Revision.objects.count(), WorkflowState.objects.count()
    pages = Page.objects.count()

    out, _ = import_practice(path, owner="moderator")

    assert "Nothing to write: created 0, updated 0, unchanged 4, invalid 0." in out
    assert Revision.objects.count() == revisions
    assert WorkflowState.objects.count() == states
    assert Page.objects.count() == pages


def test_a_changed_row_updates_its_page_and_submits_it_again(
    tmp_path, sections, moderator, import_practice
):
    import_practice(write_csv(tmp_path / "first.csv", good_rows()), owner="moderator")
    page = CaseStudyPage.objects.get(title="Walk and talk mentoring")
    first_state = page.current_workflow_state
    revisions = Revision.objects.count()
    changed = good_rows()
    changed[0]["summary"] = "Mentors and pupils walk together once a week."

    out, _ = import_practice(write_csv(tmp_path / "second.csv", changed), owner="moderator")

    assert "Created 0, updated 1, unchanged 3, invalid 0." in out
    assert Revision.objects.count() == revisions + 1
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary.startswith("Mentors and pupils walk")
    first_state.refresh_from_db()
    assert first_state.status == WorkflowState.STATUS_CANCELLED
    assert page.current_workflow_state.current_task_state.revision == page.latest_revision
    assert CaseStudyPage.objects.count() == 2


def test_a_moderator_may_publish_straight_away(
    tmp_path, sections, moderator, import_practice, client
):
    listed = library_count(client)

    out, _ = import_practice(
        write_csv(tmp_path / "p.csv", good_rows()), owner="moderator", publish=True
    )

    assert "New and changed pages were published." in out
    imported = Page.objects.filter(pk__in=ImportedPage.objects.values("page"))
    assert all(page.live and not page.has_unpublished_changes for page in imported)
    assert not WorkflowState.objects.exists()
    assert library_count(client) == listed + 4


def test_a_superuser_may_publish_straight_away(
    tmp_path, sections, import_practice, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "a-password")

    out, _ = import_practice(
        write_csv(tmp_path / "p.csv", [definition_row()]), owner="admin", publish=True
    )

    assert "Created 1" in out and DefinitionPage.objects.get().live


def test_a_champion_may_not_publish(tmp_path, sections, champion, import_practice):
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="champion is not a VRU moderator"):
        import_practice(write_csv(tmp_path / "p.csv", good_rows()), owner="champion", publish=True)

    assert Page.objects.count() == pages


def test_a_champion_may_import_for_moderation(tmp_path, sections, champion, import_practice):
    out, _ = import_practice(write_csv(tmp_path / "p.csv", [case_study_row()]), owner="champion")

    assert "Created 1" in out
    page = CaseStudyPage.objects.get()
    assert page.owner == champion and page.current_workflow_state.requested_by == champion


def test_moderators_get_one_email_for_the_import_not_one_a_page(
    tmp_path, sections, moderator, import_practice
):
    other = person("moderator2", "VRU moderators", first_name="Kofi", last_name="Mensah")
    mail.outbox.clear()

    import_practice(write_csv(tmp_path / "practice.csv", good_rows()), owner="moderator")

    to_moderators = [message for message in mail.outbox if other.email in message.to]
    assert len(to_moderators) == 1
    message = to_moderators[0]
    assert message.to == [other.email]
    assert message.subject == "4 imported pages waiting for VRU moderation"
    assert "Rowan Hughes imported “practice.csv”: 4 pages are now waiting" in message.body
    assert "/admin/reports/workflow/" in message.body
    # Nor does the importer get a receipt for each page: the command's summary says it all.
    assert len(mail.outbox) == 1


def test_the_owner_must_exist(tmp_path, sections, import_practice):
    path = write_csv(tmp_path / "p.csv", [case_study_row()])
    with pytest.raises(CommandError, match="no active account with the username “nobody”"):
        import_practice(path, owner="nobody")
    assert not CaseStudyPage.objects.exists()


def test_without_an_owner_the_pages_have_none_and_cannot_be_published(
    tmp_path, sections, import_practice
):
    path = write_csv(tmp_path / "p.csv", [case_study_row()])
    with pytest.raises(CommandError, match="name them with --owner"):
        import_practice(path, publish=True)

    out, _ = import_practice(path)

    assert out.splitlines()[0].startswith("No --owner given: new pages will have no owner")
    page = CaseStudyPage.objects.get()
    assert page.owner is None and not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_an_unknown_column_stops_the_import_with_the_nearest_name(
    tmp_path, sections, moderator, import_practice
):
    headers = [*HEADERS, "sumary"]
    path = write_csv(tmp_path / "p.csv", [case_study_row(sumary="A summary")], headers=headers)

    with pytest.raises(CommandError, match="fix the header row first") as refused:
        import_practice(path, owner="moderator", skip_invalid=True)

    assert refused.value.stdout.splitlines() == [
        "Row 1, sumary: “sumary” is not a column this import knows, so it would be left out. "
        "Did you mean “summary”?"
    ]
    assert not CaseStudyPage.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_message(
    tmp_path, sections, moderator, import_practice
):
    notes = tmp_path / "notes.txt"
    notes.write_text("type,title\n")
    with pytest.raises(CommandError, match="not a spreadsheet this import reads"):
        import_practice(notes, owner="moderator")

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(CommandError, match="not an Excel workbook that can be read"):
        import_practice(broken, owner="moderator")

    latin = tmp_path / "latin.csv"
    latin.write_bytes("type,external_id,title\ncase study,CS-1,Caf\xe9 drop-in\n".encode("cp1252"))
    with pytest.raises(CommandError, match="not in UTF-8"):
        import_practice(latin, owner="moderator")

    missing = write_csv(tmp_path / "missing.csv", [{"type": "definition"}], headers=["type"])
    with pytest.raises(CommandError, match="it has no “external_id”, “title”"):
        import_practice(missing, owner="moderator")
