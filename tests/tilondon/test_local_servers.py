"""`make run`'s own set-up holds under concurrency: SQLite with a worker and an editor writing at
once, and the development server on PostgreSQL under many clients."""

import http.client
import os
import subprocess
import sys
import threading
import time

import pytest

from tests.search.processes import ROOT, subprocess_database_url, wait_until

EDITOR = """
from tests.practice import case_study
pages = [case_study(f"Concurrent practice {n}") for n in range(6)]
for page in pages[:3]:
    page.unpublish()
    page.save_revision().publish()
print("published", len(pages))
"""


def manage(env, *args, **options):
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **options,
    )


def test_sqlite_survives_a_worker_and_an_editor_writing_at_once(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tilondon.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ELASTICSEARCH_URL": "",
        "OPENSEARCH_URL": "",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LIBRARY_SYNC_SECONDS": "0.2",
        "LIBRARY_SCHEDULE_SECONDS": "1",
    }
    migrated = manage(env, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    # The section both editors write into exists first, as it does on a real site.
    section = manage(env, "shell", "-c", "from tests.practice import case_study_index as c; c()")
    assert section.returncode == 0, section.stderr
    worker = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "db_worker", "--interval", "0.05", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1)
        editors = [
            subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
                [sys.executable, "manage.py", "shell", "-c", EDITOR.replace("{n}", f"{e}-{{n}}")],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for e in range(2)
        ]
        for editor in editors:
            out, err = editor.communicate(timeout=240)
            assert editor.returncode == 0, err[-3000:]
            assert "published 6" in out
        assert worker.poll() is None, "the worker died"
    finally:
        worker.terminate()
        _, worker_err = worker.communicate(timeout=30)
    assert "database is locked" not in worker_err
    counted = manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        "from search.models import LibraryRecord, LibraryChange; "
        "print(LibraryRecord.objects.filter(title__startswith='Concurrent').count(), "
        "LibraryChange.objects.pending().count())",
    )
    assert counted.stdout.split() == ["12", "0"], counted.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_development_server_on_postgresql_survives_32_clients(unused_port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tilondon.settings.dev",
        "DATABASE_URL": subprocess_database_url(),
        "ELASTICSEARCH_URL": "",
        "OPENSEARCH_URL": "",
    }
    server = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{unused_port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses = []

    def get(path):
        connection = http.client.HTTPConnection("127.0.0.1", unused_port, timeout=60)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        except OSError:
            return None
        finally:
            connection.close()

    def client(n):
        for i in range(8):
            statuses.append(get(f"/api/library/?q=calm{n}-{i}" if i % 2 else "/library/"))

    try:
        assert wait_until(lambda: get("/library/") == 200, 60), "runserver did not start"
        clients = [threading.Thread(target=client, args=(n,)) for n in range(32)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(timeout=240)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert len(statuses) == 32 * 8
    assert set(statuses) == {200}, f"answers: {sorted(set(map(str, statuses)))}"
    assert "too many clients" not in log


@pytest.mark.django_db
def test_the_cache_table_comes_with_the_migrations():
    """`migrate` alone makes the shared cache's table: no separate createcachetable step."""
    from django.db import connection

    assert "practice_library_cache" in connection.introspection.table_names()
