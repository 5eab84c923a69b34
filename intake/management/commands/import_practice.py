"""Import case studies, recommendations and definitions from a spreadsheet (CSV or XLSX), or
write the blank template to fill in. See the README's "Importing practice from a spreadsheet".
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intake.importing import ImportRefused, check_owner_may_publish, import_practice
from intake.progress import command_progress
from intake.reading import ImportFileError
from intake.template import write_template


class Command(BaseCommand):
    help = (
        "Import practice from a spreadsheet (.csv or .xlsx), one row per case study, "
        "recommendation or definition. Every row is checked first; nothing is written unless "
        "every row is valid (or --skip-invalid). New and changed pages go to moderation as "
        "drafts, or are published with --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="The spreadsheet to import.")
        parser.add_argument(
            "--template", metavar="FILE", help="Write a blank template (.xlsx) to FILE and stop."
        )
        parser.add_argument(
            "--owner",
            metavar="USERNAME",
            help="The person the new pages belong to, who submits them for moderation "
            "(a VRU moderator to publish).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and report, writing nothing.",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Write the valid rows even if some rows have problems (those are reported).",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the pages instead of sending them to moderation (VRU moderators only).",
        )
        parser.add_argument(
            "--images",
            metavar="DIR",
            help="The folder holding the files named in the image column.",
        )

    def handle(self, *args, **options):
        if options["template"]:
            write_template(options["template"])
            self.stdout.write(self.style.SUCCESS(f"Template written to {options['template']}."))
            return
        if not options["file"]:
            raise CommandError("Name the spreadsheet to import, or use --template FILE.")
        owner = self._owner(options["owner"])
        if owner is None and not options["dry_run"]:
            self.stdout.write(
                "No --owner given: new pages will have no owner, and nobody is named as having "
                "submitted them."
            )
        images = options["images"]
        if images and not Path(images).is_dir():
            raise CommandError(f"The images folder {images} does not exist.")
        try:
            if options["publish"]:
                check_owner_may_publish(owner)
            report = import_practice(
                options["file"],
                owner,
                images_dir=images,
                dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"],
                publish=options["publish"],
                progress=command_progress(self, options["verbosity"]),
            )
        except (ImportFileError, ImportRefused) as error:
            raise CommandError(str(error)) from error
        self._report(report, options)

    def _owner(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active account with the username “{username}”.")
        return user

    def _report(self, report, options):
        for problem in report.problems:
            self.stdout.write(str(problem))
        counts = report.counts
        if report.written:
            done = "published" if report.published else "sent to moderation"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {counts['create']}, updated {counts['update']}, unchanged "
                    f"{counts['unchanged']}, invalid {counts['invalid']}. New and changed pages "
                    f"were {done}."
                )
            )
            return
        summary = (
            f"would create {counts['create']}, update {counts['update']}; unchanged "
            f"{counts['unchanged']}, invalid {counts['invalid']}."
        )
        if report.header_problems:
            raise CommandError(
                f"Nothing was written: fix the header row first. Otherwise it {summary}"
            )
        if counts["invalid"] and not options["skip_invalid"]:
            raise CommandError(
                f"Nothing was written: {_rows(counts['invalid'])} problems. Fix them and "
                f"import again, or use --skip-invalid to import the valid rows. The file {summary}"
            )
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Dry run, nothing written: the file {summary}"))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Nothing to write: created 0, updated 0, unchanged {counts['unchanged']}, "
                    f"invalid {counts['invalid']}."
                )
            )


def _rows(count):
    return "1 row has" if count == 1 else f"{count} rows have"
