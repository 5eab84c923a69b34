"""The background worker: django-tasks' database worker, plus the library's own schedule.

This command takes the place of django-tasks-db's `db_worker` (the search app comes first in
INSTALLED_APPS) and runs it unchanged, with one more thread that, on its own clock:

- applies the library's change log to the engine every `LIBRARY_SYNC_SECONDS`, so a change
  made while the engine was away or refusing writes lands without anyone publishing again, and
  records a heartbeat that /healthz reads;
- every `LIBRARY_SCHEDULE_SECONDS`, publishes pages whose go-live time has come and unpublishes
  expired ones (Wagtail's `publish_scheduled`), forgets old applied changes, and runs the
  apps' own scheduled commands, named in `WORKER_SCHEDULED_COMMANDS`.
"""

import io
import logging
import os
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from django_tasks_db.management.commands import db_worker

from search.engine import configured_engine
from search.health import beat
from search.sync import prune_applied, push_to_engine

logger = logging.getLogger("search.worker")


class LibrarySchedule(threading.Thread):
    def __init__(self):
        super().__init__(name="library-schedule", daemon=True)
        self.next_schedule = 0.0

    def run(self):
        while True:
            started = time.monotonic()
            try:
                self.tick()
            except Exception:
                logger.exception("The library's scheduled work failed; trying again shortly")
            finally:
                close_old_connections()
            time.sleep(max(0.0, settings.LIBRARY_SYNC_SECONDS - (time.monotonic() - started)))

    def tick(self):
        engine = configured_engine()
        if engine is None:
            result = "no engine: the library searches the database"
            push_to_engine()
        elif push_to_engine(engine):
            result = "ok"
        else:
            result = f"{engine.kind} unreachable; changes wait"
        beat(result)
        if time.monotonic() >= self.next_schedule:
            self.next_schedule = time.monotonic() + settings.LIBRARY_SCHEDULE_SECONDS
            # Its unpublishing and publishing send the usual signals: the library follows.
            call_command("publish_scheduled", stdout=io.StringIO())
            prune_applied()
            for name in settings.WORKER_SCHEDULED_COMMANDS:
                try:
                    call_command(name, stdout=io.StringIO())
                except Exception:
                    # One failing command must not hold up the others or the library.
                    logger.exception("Scheduled command %s failed; trying again next time", name)


class Command(db_worker.Command):
    help = "Run the background worker: queued tasks, library sync and scheduled publishing"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # A published page should be findable within a second or two: look for new tasks
        # twice a second (one indexed query) rather than once.
        parser.set_defaults(interval=0.5)

    def handle(self, *args, **options):
        # With the reloader, the parent only restarts the child: the child runs the schedule.
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            LibrarySchedule().start()
        return super().handle(*args, **options)
