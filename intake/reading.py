"""Reading a CSV file or an Excel workbook into numbered rows of cells by column name.

Cells come back as the file holds them: text from a CSV; text, numbers, dates or booleans
from a workbook. Row numbers are the spreadsheet's own (the header is row 1), so a report
points at the row a person sees. Blank rows are left out.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .columns import COLUMNS_BY_NAME, REQUIRED_COLUMNS, header_key

EXTENSIONS = (".csv", ".xlsx")
SHEET = "Practice"  # the template's sheet; other workbooks are read from their first sheet


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why in plain words."""


@dataclass
class Table:
    headers: dict = field(default_factory=dict)  # column name -> the header as written
    unknown_headers: list = field(default_factory=list)  # headers that name no column
    rows: list = field(default_factory=list)  # (row number, {column name: cell})


def read_table(source, name=None):
    """The table in `source` (a path, or a file object with `name` giving its file name)."""
    name = str(name or getattr(source, "name", source))
    suffix = Path(name).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ImportFileError(
            f"“{Path(name).name}” is not a spreadsheet this import reads: save it as an Excel "
            "workbook (.xlsx) or as CSV (.csv)."
        )
    data = _read_bytes(source)
    if not data.strip():
        raise ImportFileError("The file is empty.")
    grid = _csv_grid(data) if suffix == ".csv" else _xlsx_grid(data)
    return _table(grid)


def _read_bytes(source):
    if hasattr(source, "read"):
        if hasattr(source, "seek"):
            source.seek(0)
        return source.read()
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise ImportFileError(f"The file could not be opened: {error.strerror}.") from error


def _csv_grid(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "The CSV file is not in UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”; "
            "or import the workbook (.xlsx) itself."
        ) from error
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as error:
        raise ImportFileError(f"The CSV file could not be read: {error}.") from error


def _xlsx_grid(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFileError(
            "The file is not an Excel workbook that can be read. Open it in Excel and save it "
            "again as .xlsx, or save it as CSV."
        ) from error
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _blank(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(grid):
    while grid and all(_blank(cell) for cell in grid[0]):
        grid = grid[1:]
    if not grid:
        raise ImportFileError("The file has no header row and no rows.")
    table = Table()
    positions = {}
    headed = set()
    for position, header in enumerate(grid[0]):
        if _blank(header):
            continue
        headed.add(position)
        key = header_key(header)
        if key in positions:
            raise ImportFileError(f"The column “{header}” appears twice in the header row.")
        if key in COLUMNS_BY_NAME:
            positions[key] = position
            table.headers[key] = str(header).strip()
        else:
            table.unknown_headers.append(str(header).strip())
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        raise ImportFileError(
            "The header row (row 1) needs the columns "
            + ", ".join(f"“{name}”" for name in REQUIRED_COLUMNS)
            + "; it has no "
            + ", ".join(f"“{name}”" for name in missing)
            + ". Start from the template (import_practice --template)."
        )
    for number, row in enumerate(grid[1:], start=2):
        if all(_blank(cell) for cell in row):
            continue
        stray = [p for p, cell in enumerate(row) if p not in headed and not _blank(cell)]
        if stray:
            raise ImportFileError(
                f"Row {number} has a value in column {_letter(stray[0])}, which has no "
                "heading in row 1."
            )
        cells = {key: row[p] if p < len(row) else None for key, p in positions.items()}
        table.rows.append((number, cells))
    return table


def _letter(position):
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
