"""One lower-case text column for the database fallback's word search, with a trigram index on
PostgreSQL so that matching words inside it does not scan every row."""

from django.db import migrations, models

TRIGRAM_INDEX = "search_libraryrecord_search_text_trgm"


def fill_search_text(apps, schema_editor):
    LibraryRecord = apps.get_model("search", "LibraryRecord")
    for record in LibraryRecord.objects.only("title", "summary", "body").iterator(chunk_size=500):
        record.search_text = " ".join(
            part for part in (record.title, record.summary, record.body) if part
        ).casefold()
        record.save(update_fields=["search_text"])


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON search_libraryrecord "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="libraryrecord",
            name="search_text",
            field=models.TextField(
                blank=True,
                default="",
                help_text="Title, summary and body in lower case, for the database fallback's "
                "search. On PostgreSQL a trigram index makes its word matching fast.",
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
