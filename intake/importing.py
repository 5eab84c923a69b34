"""One import, from file to report: read, check every row, then (unless it is a dry run) write
in one transaction. Used by the `import_practice` command and by the admin's worker tasks."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from moderation.roles import is_moderator

from .columns import COLUMNS
from .indexes import index_imported_pages, per_save_index_updates_held_back
from .notifications import per_page_emails_held_back, tell_moderators
from .reading import read_table
from .validation import Checker
from .writing import write_plans

ACTIONS = ("create", "update", "unchanged", "invalid")
COLUMN_ORDER = {column.name: position for position, column in enumerate(COLUMNS)}


class ImportRefused(Exception):
    """The import may not run as asked (for example, publishing by someone who may not)."""


def no_progress(items, total, description):
    return items


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)  # one dict a row: row, external_id, type, ...
    problems: list = field(default_factory=list)  # Problem
    dry_run: bool = False
    written: bool = False
    published: bool = False

    @property
    def counts(self):
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row["action"]] += 1
        return counts

    @property
    def header_problems(self):
        return [problem for problem in self.problems if problem.row == 1]

    @property
    def can_write(self):
        """Nothing is written while the header row has a problem: a misspelt column would
        leave its values out of every row."""
        return not self.header_problems and any(
            row["action"] in ("create", "update") for row in self.rows
        )

    def as_dict(self):
        return {
            "rows": self.rows,
            "problems": [problem.as_dict() for problem in self.problems],
            "counts": self.counts,
            "dry_run": self.dry_run,
            "written": self.written,
            "published": self.published,
        }


def check_owner_may_publish(owner):
    if owner is None:
        raise ImportRefused(
            "Publishing straight away needs the VRU moderator who publishes: name them with "
            "--owner."
        )
    if not is_moderator(owner):
        raise ImportRefused(
            f"{owner.get_username()} is not a VRU moderator, so the pages cannot be published "
            "straight away. Import without publishing: the pages then go to moderation."
        )


def import_practice(
    source,
    owner,
    *,
    name=None,
    images_dir=None,
    images_allowed=True,
    dry_run=False,
    skip_invalid=False,
    publish=False,
    progress=no_progress,
):
    """Import the spreadsheet `source` (a path, or a file with `name`) as `owner` (a user, or
    None for pages with no owner).

    Every row is checked first. A dry run stops there. Otherwise the rows are written in one
    transaction, only if every row is valid, or with `skip_invalid`, the valid ones. Raises
    `ImportFileError` for a file that cannot be read and `ImportRefused` for an import that
    may not run as asked; returns the report.
    """
    if publish:
        check_owner_may_publish(owner)
    table = read_table(source, name)
    checker = Checker(table, images_dir=images_dir, images_allowed=images_allowed)
    plans = [
        checker.check_row(number, row)
        for number, row in progress(table.rows, len(table.rows), "Checking")
    ]
    checker.check_links(plans)
    report = ImportReport(dry_run=dry_run, published=publish)
    report.problems = sorted(
        checker.header_problems + [p for plan in plans for p in plan.problems],
        key=lambda problem: (problem.row, COLUMN_ORDER.get(problem.column, -1)),
    )
    report.rows = [_outcome(plan) for plan in plans]
    if dry_run or not report.can_write:
        return report
    if report.counts["invalid"] and not skip_invalid:
        return report
    with (
        per_page_emails_held_back(),
        per_save_index_updates_held_back(),
        transaction.atomic(),
    ):
        pages = write_plans(
            [plan for plan in plans if not plan.problems], owner, publish=publish, progress=progress
        )
        page_ids = [page.pk for page in pages.values()]
        transaction.on_commit(lambda: index_imported_pages.enqueue(page_ids))
        if not publish:
            transaction.on_commit(lambda: tell_moderators(owner, len(pages), name_of(source, name)))
    for row in report.rows:
        if row["external_id"] in pages and row["action"] != "invalid":
            row["page_id"] = pages[row["external_id"]].pk
    report.written = True
    return report


def name_of(source, name=None):
    return Path(str(name or getattr(source, "name", source))).name


def _outcome(plan):
    return {
        "row": plan.row,
        "external_id": plan.external_id,
        "type": plan.page_type.key if plan.page_type else "",
        "title": plan.title,
        "action": plan.action,
        "page_id": plan.page.pk if plan.page is not None and plan.existing else None,
    }
