"""`import_practice --template`: the blank spreadsheet, its lists and notes, and a round trip
from the template, filled in by code, back through the import."""

import datetime

from django.core.management.base import CommandError

import pytest
from openpyxl import load_workbook

from casestudies.models import CaseStudyPage, DefinitionPage, RecommendationPage
from intake.columns import COLUMNS, EXAMPLE_ID

from .conftest import HEADERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(tmp_path, sections, import_practice):
    path = tmp_path / "template.xlsx"
    out, _ = import_practice(template=path)
    assert out.strip() == f"Template written to {path}."
    return path


def lists_of(workbook):
    """Each list on the hidden sheet by its name: the values the drop-downs offer."""
    sheet = workbook["lists"]
    columns = {}
    for column in sheet.iter_cols(values_only=True):
        columns[column[0]] = [value for value in column[1:] if value is not None]
    return columns


def test_the_template_has_the_columns_an_example_lists_and_notes(template):
    workbook = load_workbook(template)

    assert workbook.sheetnames == ["Practice", "Notes", "lists"]
    assert workbook["lists"].sheet_state == "hidden"
    practice = workbook["Practice"]
    rows = list(practice.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    example = dict(zip(HEADERS, rows[1], strict=True))
    assert example["external_id"] == EXAMPLE_ID
    assert example["type"] == "case study"
    assert example["title"] == "Calm first meetings at a youth hub (example)"
    assert len(rows) == 2

    lists = lists_of(workbook)
    assert lists["type"] == ["case study", "recommendation", "definition"]
    assert "Metropolitan Police Service" in lists["sectors"]
    assert lists["drivers"] == ["Relationships and trust", "Voice and participation"]
    assert len(lists["boroughs"]) == 33
    assert lists["principles"][0] == "Safety"
    assert lists["evidence_level"] == ["Self-reported", "Evaluated", "Independently evaluated"]
    assert lists["status"] == ["Planned", "Pilot", "Running", "Completed"]
    assert "Young people (12 to 17)" in lists["age_group"]

    validations = {
        str(validation.sqref).split(":")[0]: validation
        for validation in practice.data_validations.dataValidation
    }
    letter = {
        name: practice.cell(row=1, column=n + 1).column_letter for n, name in enumerate(HEADERS)
    }
    for name, list_column in (("type", "A"), ("sectors", "B"), ("age_group", "H")):
        validation = validations[f"{letter[name]}2"]
        assert validation.type == "list"
        assert validation.formula1.startswith(f"lists!${list_column}$2:${list_column}$")
    # One value from the list, or several typed with semicolons: not refused.
    assert validations[f"{letter['type']}2"].showErrorMessage
    assert not validations[f"{letter['sectors']}2"].showErrorMessage

    notes = list(workbook["Notes"].iter_rows(values_only=True))
    assert notes[0] == ("Column", "Used for", "Required", "What to write")
    by_column = {row[0]: row for row in notes[1:] if row[0]}
    assert list(by_column) == [column.name for column in COLUMNS]
    assert by_column["organisation"][1:3] == ("case study", "for case studies")
    assert by_column["title"][1:3] == ("all", "yes")
    assert by_column["audience"][2] == "for recommendations"


def test_the_untouched_template_is_refused_for_its_example_row(
    template, moderator, import_practice
):
    with pytest.raises(CommandError, match="1 row has problems"):
        import_practice(template, owner="moderator")


def test_a_template_filled_in_by_code_imports(template, moderator, import_practice):
    workbook = load_workbook(template)
    lists = lists_of(workbook)
    sheet = workbook["Practice"]
    sheet.delete_rows(2)
    rows = [
        {
            "type": lists["type"][0],
            "external_id": "T-1",
            "title": "Quiet rooms in A&E",
            "summary": "A calm room for young people waiting after an assault.",
            "organisation": "East London Hospitals (illustrative)",
            "sectors": f"{lists['sectors'][2]}; {lists['sectors'][0]}",
            "drivers": lists["drivers"][1],
            "boroughs": lists["boroughs"][10],
            "principles": lists["principles"][0],
            "age_group": lists["age_group"][2],
            "evidence_level": lists["evidence_level"][1],
            "status": lists["status"][1],
            "started": datetime.datetime(2025, 3, 3),
            "challenge": "Waiting rooms were loud and crowded.",
            "approach": "Nurses opened a quiet room with a youth worker.",
        },
        {
            "type": lists["type"][1],
            "external_id": "T-2",
            "title": "Give young people a quiet place to wait",
            "summary": "Somewhere calm to wait makes the next conversation possible.",
            "audience": "System leaders",
            "actions": "Find a room: any room away from the main waiting area.",
            "related": "T-1",
        },
        {
            "type": lists["type"][2],
            "external_id": "T-3",
            "title": "Psychological safety",
            "summary": "Feeling able to speak up without fear of being shamed or punished.",
        },
    ]
    for row in rows:
        sheet.append([row.get(name) for name in HEADERS])
    filled = template.with_name("filled.xlsx")
    workbook.save(filled)

    out, _ = import_practice(filled, owner="moderator")

    assert "Created 3, updated 0, unchanged 0, invalid 0." in out
    case_study = CaseStudyPage.objects.get().get_latest_revision_as_object()
    assert case_study.lead_sector.name == lists["sectors"][2]
    assert case_study.started == datetime.date(2025, 3, 3)
    assert (case_study.status, case_study.evidence_level) == ("pilot", "evaluated")
    recommendation = RecommendationPage.objects.get().get_latest_revision_as_object()
    assert recommendation.audience == "system-leaders"
    assert [link.page_id for link in recommendation.linked_case_studies.all()] == [case_study.pk]
    assert DefinitionPage.objects.get().title == "Psychological safety"
