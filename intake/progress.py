"""Showing how far an import has got: a tqdm bar on a command's stderr, or counts on the
`ImportRun` that the admin's status page reads.

An import writes inside one transaction, which nobody else can see into until it commits. So
a run's counts are written from a connection of their own (in a short-lived thread), where
the status page sees them at once.
"""

import threading
import time

from django.db import connection

from tqdm import tqdm

from core.command_stream import CommandStream

from .models import ImportRun


def command_progress(command, verbosity=1):
    """A progress function that draws a tqdm bar on the command's stderr."""

    def progress(items, total, description):
        return tqdm(
            items,
            total=total,
            desc=description,
            unit="row",
            file=CommandStream(command.stderr),
            disable=verbosity < 1,
        )

    return progress


class RunProgress:
    """A progress function that keeps an import run's counts up to date, at most once every
    `every` seconds and once at the end of each stage."""

    def __init__(self, run_id, every=1.0):
        self.run_id = run_id
        self.every = every

    def __call__(self, items, total, description):
        self._write(description, 0, total)
        last = time.monotonic()
        done = 0
        for item in items:
            yield item
            done += 1
            if time.monotonic() - last >= self.every:
                self._write(description, done, total)
                last = time.monotonic()
        self._write(description, done, total)

    def _write(self, stage, done, total):
        update = {"stage": stage, "rows_done": done, "rows_total": total}
        if not connection.in_atomic_block:
            ImportRun.objects.filter(pk=self.run_id).update(**update)
        elif connection.vendor != "sqlite":
            # SQLite allows one writer at a time, and the import's transaction is it.
            writer = threading.Thread(target=self._write_apart, args=(update,))
            writer.start()
            writer.join()

    def _write_apart(self, update):
        try:
            ImportRun.objects.filter(pk=self.run_id).update(**update)
        finally:
            connection.close()
