"""The blank spreadsheet to fill in: a "Practice" sheet with the header row, one example row
and drop-down lists, a "Notes" sheet explaining each column, and a hidden "lists" sheet the
drop-downs read (the site's own sectors, drivers, boroughs, principles and choices).
"""

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from casestudies.models import CaseStudyPage

from .columns import (
    ALL_TYPES,
    COLUMNS,
    COLUMNS_BY_NAME,
    EXAMPLE_ID,
    LIST_SEPARATOR,
    PAGE_TYPES,
    choice_field,
    is_required,
)

ROWS_WITH_LISTS = 5000  # the rows the drop-down lists cover
LIST_COLUMNS = [
    "type",
    "sectors",
    "drivers",
    "boroughs",
    "principles",
    "evidence_level",
    "status",
    "age_group",
    "audience",
]
# A cell that takes several values, separated by semicolons: the list offers one at a time
# and does not refuse what is typed.
SEVERAL_VALUES = {"sectors", "drivers", "boroughs", "principles"}


def list_values(name):
    """The values a list column offers, in the site's own words and order."""
    column = COLUMNS_BY_NAME[name]
    if name == "type":
        return [PAGE_TYPES[key].label for key in ALL_TYPES]
    if column.taxonomy is not None:
        return list(
            column.taxonomy.objects.order_by("sort_order", "name").values_list("name", flat=True)
        )
    return [str(label) for _, label in choice_field(column).choices]


def example_row(lists):
    """An illustrative case study, in plain trauma-informed words."""

    def first(name, count=1):
        return f"{LIST_SEPARATOR} ".join(lists[name][:count])

    return {
        "type": PAGE_TYPES["case-study"].label,
        "external_id": EXAMPLE_ID,
        "title": "Calm first meetings at a youth hub (example)",
        "summary": "Youth workers changed how first meetings feel, so young people could "
        "choose what to share and when.",
        "organisation": "North London Youth Hub (illustrative)",
        "sectors": first("sectors", 2),
        "drivers": first("drivers"),
        "boroughs": first("boroughs"),
        "principles": first("principles", 2),
        "population": "Young people referred after a violent incident",
        "age_group": CaseStudyPage.AgeGroup.YOUNG_ADULTS.label,
        "setting": "Youth hubs",
        "challenge": "Young people told us first meetings felt like interviews.\n\n"
        "Many did not come back.",
        "approach": "Workers met young people somewhere of their choosing, explained what "
        "would happen next, and asked before taking notes.",
        "outcomes": "More young people came to a second meeting.",
        "evidence_level": CaseStudyPage.EvidenceLevel.SELF_REPORTED.label,
        "status": CaseStudyPage.Status.RUNNING.label,
        "started": "2024-09-01",
        "contact_consent": "no",
        "tags": "first meetings; youth work",
    }


def write_template(target):
    """Write the template workbook to `target`, a path or a binary file."""
    workbook = Workbook()
    practice = workbook.active
    practice.title = "Practice"
    notes = workbook.create_sheet("Notes")
    hidden = workbook.create_sheet("lists")
    hidden.sheet_state = "hidden"

    lists = {name: list_values(name) for name in LIST_COLUMNS}
    headers = [column.name for column in COLUMNS]
    practice.append(headers)
    example = example_row(lists)
    practice.append([example.get(name, "") for name in headers])
    for cell in practice[1]:
        cell.font = Font(bold=True)
    for position, name in enumerate(headers, start=1):
        practice.column_dimensions[get_column_letter(position)].width = max(14, len(name) + 4)
    practice.freeze_panes = "C2"

    for position, name in enumerate(LIST_COLUMNS, start=1):
        letter = get_column_letter(position)
        hidden.cell(row=1, column=position, value=name)
        for row, value in enumerate(lists[name], start=2):
            hidden.cell(row=row, column=position, value=value)
        last = max(len(lists[name]) + 1, 2)
        column = get_column_letter(headers.index(name) + 1)
        several = name in SEVERAL_VALUES
        validation = DataValidation(
            type="list",
            formula1=f"lists!${letter}$2:${letter}${last}",
            allow_blank=True,
            showErrorMessage=not several,
            errorTitle="Not in the list",
            error=f"Choose a value from the list for {name.replace('_', ' ')}.",
            promptTitle=name.replace("_", " ").capitalize(),
            prompt="Choose from the list. Several values go in one cell, separated by semicolons."
            if several
            else "Choose from the list.",
            showInputMessage=True,
        )
        validation.add(f"{column}2:{column}{ROWS_WITH_LISTS}")
        practice.add_data_validation(validation)

    notes.append(["Column", "Used for", "Required", "What to write"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        used_for = [PAGE_TYPES[key].label for key in ALL_TYPES if column.used_by(key)]
        required = [
            PAGE_TYPES[key].plural
            for key in ALL_TYPES
            if column.used_by(key) and is_required(column, key)
        ]
        notes.append(
            [
                column.name,
                "all" if len(used_for) == len(ALL_TYPES) else ", ".join(used_for),
                _required_words(required),
                column.notes,
            ]
        )
    notes.append([])
    notes.append(
        [
            "",
            "",
            "",
            "One row is one page. Leave a column blank when the row's type does not use it. "
            "Replace the example row with your own, or delete it: it cannot be imported. "
            "Importing the same file again changes only the pages whose rows changed.",
        ]
    )
    for letter, width in zip("ABCD", (18, 36, 24, 100), strict=True):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    workbook.save(target)


def _required_words(types):
    if not types:
        return "no"
    if len(types) == len(ALL_TYPES):
        return "yes"
    return "for " + " and ".join(types)
