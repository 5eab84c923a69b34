"""Background tasks that keep the library index in step with published content."""

from django_tasks import task

from .sync import push_to_engine, refresh_record, refresh_subtree


@task()
def update_library_page(page_id):
    refresh_record(page_id)
    return push_to_engine()


@task()
def update_library_subtree(page_id):
    refresh_subtree(page_id)
    return push_to_engine()


@task()
def push_library_changes():
    return push_to_engine()
