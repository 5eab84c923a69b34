"""Rebuild the library index without downtime and without losing a change made meanwhile.

The database copy is rebuilt from the live pages first. Then the log position is noted, a new
index is filled from a snapshot of the copy, every change made since is replayed into it, the
alias moves in one `_aliases` call, and the changes are replayed once more.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tqdm import tqdm

from core.command_stream import CommandStream
from core.versions import library_changed
from search.engine import configured_engine, engine_errors
from search.index import RebuildRefused, rebuild
from search.sync import changes_since, push_to_engine, rebuild_records, snapshot_for_rebuild


class Command(BaseCommand):
    help = "Rebuild the library's database copy and, if an engine is configured, its index."

    def handle(self, *args, **options):
        total = rebuild_records()
        self.stdout.write(f"Database copy: {total} library pages.")
        engine = configured_engine()
        if engine is None:
            push_to_engine()  # nothing to send: mark the log as done
            self.stdout.write("No search engine configured: the library searches the database.")
            return
        started_at = timezone.now()
        position, snapshot = snapshot_for_rebuild()

        bar = tqdm(
            total=len(snapshot),
            desc="Indexing",
            unit="page",
            file=CommandStream(self.stderr),
            disable=options["verbosity"] < 1,
        )

        def progress(done):
            bar.update(done - bar.n)

        try:
            name = rebuild(
                engine,
                snapshot,
                changes_since=lambda: changes_since(position, started_at, snapshot),
                on_progress=progress,
            )
        except (RebuildRefused, *engine_errors()) as error:
            raise CommandError(
                f"{engine.kind} could not be rebuilt ({error}); the previous index still serves "
                "and no change is lost: the worker keeps applying them."
            ) from error
        finally:
            bar.close()
        library_changed()
        # Changes already in the new index are marked done; the rest wait for the worker.
        push_to_engine(engine)
        self.stdout.write(
            self.style.SUCCESS(f"{engine.kind}: {len(snapshot)} documents in {name}.")
        )
