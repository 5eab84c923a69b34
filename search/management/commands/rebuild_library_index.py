"""Rebuild the library index without downtime: fill a new index, then swap the alias."""

from django.core.management.base import BaseCommand, CommandError

from search.engine import configured_engine, engine_errors
from search.index import rebuild
from search.page_cache import library_changed
from search.sync import rebuild_records


class Command(BaseCommand):
    help = "Rebuild the library's database copy and, if an engine is configured, its index."

    def handle(self, *args, **options):
        documents = rebuild_records()
        self.stdout.write(f"Database copy: {len(documents)} library pages.")
        engine = configured_engine()
        if engine is None:
            self.stdout.write("No search engine configured: the library searches the database.")
            return
        total = len(documents)

        def progress(done):
            width = 30
            filled = width * done // max(total, 1)
            self.stdout.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
            )
            self.stdout.flush()

        try:
            name = rebuild(engine, documents, on_progress=progress)
        except engine_errors() as error:
            raise CommandError(
                f"{engine.kind} could not be rebuilt ({error}); the previous index still serves."
            ) from error
        from search.models import LibraryRecord, PendingRemoval

        library_changed()
        LibraryRecord.objects.update(needs_engine_sync=False)
        PendingRemoval.objects.all().delete()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"{engine.kind}: {total} documents in {name}."))
