"""Real processes for the fault tests: a private Elasticsearch node the tests may kill, freeze
and restart from its own data, and the site's background worker on the test database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def wait_until(condition, seconds, every=0.1):
    """Seconds it took for `condition()` to hold, or None if it did not within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(every)
    return None


class PrivateNode:
    """A one-node Elasticsearch cluster of the test distribution, on ports of its own.

    Started through `scripts/es-cluster.sh`, as `make chaos` starts its three nodes, so the
    tests kill, freeze and restart the real server process, not a stand-in."""

    def __init__(self, name="faults", http_port=9230, transport_port=9330):
        self.http_port = http_port
        self.url = f"http://127.0.0.1:{http_port}"
        self.env = {
            **os.environ,
            "ES_CLUSTER_NAME": name,
            "ES_CLUSTER_SIZE": "1",
            "ES_CLUSTER_HTTP_BASE": str(http_port - 1),
            "ES_CLUSTER_TRANSPORT_BASE": str(transport_port - 1),
            "ES_CLUSTER_HEAP": "384m",
        }

    def _script(self, *args):
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [str(ROOT / "scripts" / "es-cluster.sh"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        if result.returncode != 0:
            raise RuntimeError(f"es-cluster.sh {' '.join(args)} failed:\n{result.stderr[-3000:]}")

    def start(self):
        self._script("start")

    def stop(self):
        self._script("stop")

    def kill(self):
        """SIGKILL: the server process dies at once, with no chance to flush or say goodbye."""
        self._script("kill-node", "1")

    def restart(self):
        """Start the killed node again from its own data; returns once it answers."""
        self._script("restart-node", "1")

    def freeze(self):
        """SIGSTOP: the port stays open and connections are accepted, but nothing answers."""
        self._script("freeze-node", "1")

    def thaw(self):
        self._script("thaw-node", "1")


def subprocess_database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Worker:
    """`manage.py db_worker` on the test database: queued tasks and the library's schedule."""

    def __init__(self, kind, url, prefix, **environment):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tilondon.settings.test",
            "DATABASE_URL": subprocess_database_url(),
            "ELASTICSEARCH_URL": url if kind == "elasticsearch" else "",
            "OPENSEARCH_URL": url if kind == "opensearch" else "",
            "LIBRARY_INDEX_PREFIX": prefix,
            "TASKS_BACKEND": "database",
            # A short clock, so the tests need not wait minutes for the schedule.
            "LIBRARY_SYNC_SECONDS": "0.5",
            "LIBRARY_RETRY_SECONDS": "0.5",
            "LIBRARY_RETRY_MAX_SECONDS": "2",
            "LIBRARY_SCHEDULE_SECONDS": "2",
            **{key: str(value) for key, value in environment.items()},
        }
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def alive(self):
        return self.process is not None and self.process.poll() is None
