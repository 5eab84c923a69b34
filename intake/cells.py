"""Turning one spreadsheet cell into a value for a model field.

Each function takes the cell as the file holds it and returns the value, or raises
`CellError` with a sentence for the person who filled the spreadsheet in.
"""

import datetime
import difflib
import re

from django.utils.html import escape

from .columns import LIST_SEPARATOR

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
TRUE_WORDS = {"yes", "y", "true", "1", "ticked", "x"}
FALSE_WORDS = {"no", "n", "false", "0", ""}


class CellError(ValueError):
    """A cell that cannot be used as it is."""


def is_blank(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text(cell):
    """A cell as text: numbers without a trailing .0, dates as 2024-03-31."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.datetime):
        cell = cell.date() if cell.time() == datetime.time() else cell
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell).replace("\r\n", "\n").replace("\r", "\n").strip()


def words(value):
    """Text with runs of spaces and line breaks as one space, for names and lookups."""
    return " ".join(value.split())


def rich_text(cell):
    """Plain paragraphs, a blank line between each, as the rich text the editor makes."""
    paragraphs = [words(part) for part in PARAGRAPH_BREAK.split(text(cell))]
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs if paragraph)


def date(cell):
    """A real date cell, or a date written as 2024-03-31."""
    if is_blank(cell):
        return None
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    value = text(cell)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CellError(
            f"“{value}” is not a date this import reads: write it as 2024-03-31 (year, month, "
            "day), or use a date cell."
        ) from None


def yes_or_no(cell):
    value = text(cell).casefold()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise CellError(f"“{text(cell)}” is not yes or no.")


def items(cell):
    """Several values in one cell, separated by semicolons; blanks dropped."""
    return [words(part) for part in text(cell).split(LIST_SEPARATOR) if part.strip()]


def lookup_key(value):
    """How a name is compared: case, spacing, hyphens and underscores ignored."""
    return words(str(value).replace("-", " ").replace("_", " ")).casefold()


class Vocabulary:
    """Values people may write in a cell, each by any of its names (case and spacing
    ignored), with the nearest known name suggested for one that is not known."""

    def __init__(self, noun, entries):
        # entries: (value, label, [other names]); the label is what people read.
        self.noun = noun
        self.values = {}
        self.labels = {}
        for value, label, *others in entries:
            for name in [label, *(others[0] if others else [])]:
                self.values.setdefault(lookup_key(name), value)
                self.labels.setdefault(lookup_key(name), label)

    @classmethod
    def of_taxonomy(cls, model):
        return cls(
            model._meta.verbose_name,
            [(item, item.name, [item.slug]) for item in model.objects.all()],
        )

    @classmethod
    def of_choices(cls, model_field):
        return cls(
            model_field.verbose_name,
            [(value, str(label), [value]) for value, label in model_field.choices],
        )

    def nearest(self, written):
        """The label of the known value nearest to `written`, or None if none is near."""
        found = difflib.get_close_matches(lookup_key(written), list(self.values), n=1, cutoff=0.6)
        return self.labels[found[0]] if found else None

    def find(self, written):
        key = lookup_key(written)
        if key in self.values:
            return self.values[key]
        message = f"“{words(str(written))}” is not a known {self.noun}."
        nearest = self.nearest(written)
        if nearest:
            message += f" Did you mean “{nearest}”?"
        else:
            message += " The template's drop-down lists show them all."
        raise CellError(message)
