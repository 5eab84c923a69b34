"""On PostgreSQL, a weighted full-text vector of each record (title, then summary, then body,
in the `english` configuration) as a stored generated column with a GIN index, so the
database fallback can rank "Best match" and highlight as the engine does. Other databases
keep the plain word match."""

from django.db import migrations

INDEX = "search_libraryrecord_search_vector"
VECTOR = (
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(document ->> 'summary', '')), 'B') || "
    "setweight(to_tsvector('english', coalesce(document ->> 'body', '')), 'C')"
)


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_libraryrecord ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_libraryrecord USING gin (search_vector)"
    )


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(
            "ALTER TABLE search_libraryrecord DROP COLUMN IF EXISTS search_vector"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_promoted_results")]

    operations = [migrations.RunPython(add_vector, drop_vector)]
