"""How long `import_practice` takes on a large generated spreadsheet (2,000 rows by default).

Run against a migrated database of your own, for example:

    DJANGO_SETTINGS_MODULE=tilondon.settings.test TASKS_BACKEND=database \\
        DATABASE_URL=postgres://... .venv/bin/python -m benchmarks.import_timing 2000

With the test settings, set TASKS_BACKEND=database too, so that work for the background worker
is queued as in production. Everything happens inside one transaction that is rolled back at
the end (the checks its commit would make are made and timed), so the database is left as it
was. The rows are synthetic and illustrative, made up here.
"""

import csv
import sys
import tempfile
import time
from pathlib import Path

import django


def rows(count, sectors, drivers, boroughs):
    """`count` rows: mostly case studies, some recommendations and definitions."""
    for number in range(1, count + 1):
        kind = number % 10
        earlier = next((n for n in range(number - 1, 0, -1) if n % 10 < 7), None)
        if kind < 7:
            yield {
                "type": "case study",
                "external_id": f"BENCH-CS-{number}",
                "title": f"Benchmark practice {number}: listening before acting",
                "summary": "Staff asked people what would help before planning the service.",
                "organisation": f"Benchmark partnership {number % 40} (illustrative)",
                "sectors": "; ".join(sectors[number % len(sectors) :][:2]),
                "drivers": drivers[number % len(drivers)],
                "boroughs": boroughs[number % len(boroughs)],
                "principles": "Safety; Choice",
                "challenge": "People did not feel heard.\n\nMany stopped coming.",
                "approach": "Workers met people where they chose and explained each step.",
                "outcomes": "More people came back.",
                "status": "running",
                "started": "2024-01-01",
                "tags": "listening; first meetings",
                "related": f"BENCH-CS-{earlier}" if number % 7 == 3 and earlier else "",
            }
        elif kind < 9:
            yield {
                "type": "recommendation",
                "external_id": f"BENCH-R-{number}",
                "title": f"Benchmark recommendation {number}",
                "summary": "Give people a say in how services meet them.",
                "audience": "implementers",
                "drivers": drivers[number % len(drivers)],
                "actions": "Ask people what helps: at the first meeting.\nWrite it down",
                "rationale": "People who choose are more likely to come back.",
            }
        else:
            yield {
                "type": "definition",
                "external_id": f"BENCH-D-{number}",
                "title": f"Benchmark term {number}",
                "summary": "A word people use about trauma-informed practice.",
                "full_text": "What the term means, in plain words.",
                "sources": "Working definition | OHID | 2022",
            }


def main(count):
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from benchmarks.corpus import CorpusBuilder
    from casestudies.models import Borough, DriverOfChange, Sector
    from intake import importing
    from intake.columns import COLUMNS

    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            CorpusBuilder()  # the three sections and the drivers, if the site lacks them
            owner = get_user_model().objects.create_superuser(
                "bench-importer", "importer@example.org", None
            )
            names = [column.name for column in COLUMNS]
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "practice.csv"
                with path.open("w", newline="") as handle:
                    writer = csv.DictWriter(handle, fieldnames=names)
                    writer.writeheader()
                    writer.writerows(
                        rows(
                            count,
                            list(Sector.objects.values_list("name", flat=True)),
                            list(DriverOfChange.objects.values_list("name", flat=True)),
                            list(Borough.objects.values_list("name", flat=True)),
                        )
                    )
                for label, options in (
                    ("dry run", {"dry_run": True}),
                    ("import", {}),
                    ("the same file again", {}),
                ):
                    start, cpu = time.perf_counter(), time.process_time()
                    report = importing.import_practice(path, owner, **options)
                    with connection.cursor() as cursor:
                        # The checks a commit would make of the rows written (foreign keys
                        # are checked at commit), made now: the transaction is rolled back.
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                    took, cpu = time.perf_counter() - start, time.process_time() - cpu
                    counts = ", ".join(f"{n} {action}" for action, n in report.counts.items())
                    print(
                        f"{label}: {count} rows in {took:.1f} s ({cpu:.1f} s of it in Python): "
                        f"{counts}",
                        flush=True,
                    )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    django.setup()
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
