"""Background tasks that keep the library index in step with published content.

The editor's own transaction updates the database copy and logs each change; these tasks
re-index whole sections after a move, rename or privacy change, and apply the log to the
engine. The worker also applies the log on its own schedule (see the `db_worker` command), so a
change made while the engine was away lands without anyone publishing again.
"""

from django_tasks import task

from .sync import pages_with_facet_value, push_to_engine, refresh_record, refresh_subtree


@task()
def update_library_subtree(page_id):
    refresh_subtree(page_id)
    return push_to_engine()


@task()
def update_pages_with_value(facet, value):
    """A sector, driver or borough was renamed or deleted: re-index the pages that carried it."""
    for page_id in pages_with_facet_value(facet, value):
        refresh_record(page_id)
    return push_to_engine()


@task()
def push_library_changes():
    return push_to_engine()
