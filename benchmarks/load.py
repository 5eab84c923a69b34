"""The library page under concurrent clients, beside a trivial view on the same server.

gunicorn serves the site with its production settings file; each client is a thread with one
keep-alive connection that sends its share of requests back to back.
"""

import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from .measure import percentiles

ROOT = Path(__file__).resolve().parents[1]
# The site on gunicorn with its production configuration file, access log off.
GUNICORN = [
    sys.executable,
    "-m",
    "gunicorn",
    "-c",
    "gunicorn.conf.py",
    "--access-logfile",
    "/dev/null",
    "tilondon.wsgi",
]


class Server:
    def __init__(self, port, env):
        self.port = port
        self.env = {**os.environ, **env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        self.process = None
        # gunicorn logs to a file, not a pipe: nobody reads a pipe while the load runs, and a
        # full one (a worker booting after every `max_requests`) stops the server mid-run.
        self.log = None

    def __enter__(self):
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
            GUNICORN,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _ = fetch(self.port, "/healthz")
                if status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.logged()}")
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def logged(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-4000:]

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            # gunicorn stops its workers within its graceful timeout (30 s), then kills them.
            self.process.wait(timeout=45)
        except subprocess.TimeoutExpired as error:
            self.process.kill()
            raise RuntimeError(f"gunicorn did not stop: {self.logged()}") from error
        finally:
            self.log.close()


def fetch(port, path, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if own:
        connection.close()
    return response.status, body


def library_paths(queries):
    paths = []
    for query in queries:
        params = [("q", query.q)] if query.q else []
        params += [
            (facet, value) for facet in ("sector", "driver") for value in query.selected(facet)
        ]
        paths.append("/library/?" + urlencode(params) if params else "/library/")
    return paths


def feed_paths(queries):
    """The library's feed for each query's filters: what a partner's feed reader asks for."""
    paths = []
    for query in queries:
        params = [
            (facet, value) for facet in ("sector", "driver") for value in query.selected(facet)
        ]
        if params:
            paths.append("/library/feed/?" + urlencode(params))
    return paths


def warm(port, paths, clients):
    """Each client asks for every path once, so every worker has shown every page."""
    hammer(port, paths, clients, len(paths))


def hammer(port, paths, clients, requests_per_client):
    """Send `requests_per_client` requests from each of `clients` threads; latency figures."""
    return _figures(*_send(port, paths, clients, requests_per_client))


def side_by_side(servers, paths, clients, requests_per_client, rounds=5):
    """The same requests to each server (name -> port) in short alternating rounds, so a change
    in the machine's load meanwhile (other work on shared cores) falls on each alike."""
    gathered = {name: ([], [], 0.0) for name in servers}
    per_round = max(1, requests_per_client // rounds)
    order = list(servers.items())
    for number in range(rounds):
        for name, port in order if number % 2 == 0 else order[::-1]:
            samples, errors, elapsed = _send(
                port, paths, clients, per_round, first=number * clients * per_round
            )
            kept_samples, kept_errors, kept_elapsed = gathered[name]
            gathered[name] = (kept_samples + samples, kept_errors + errors, kept_elapsed + elapsed)
    return {name: _figures(*figures) for name, figures in gathered.items()}


def _send(port, paths, clients, requests_per_client, first=0):
    """Latency samples (ms), errors and seconds taken; client n starts at path `first` + n x
    `requests_per_client` and goes on round the list."""
    samples, errors, lock = [], [], threading.Lock()

    def client(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for i in range(requests_per_client):
            path = paths[(first + number * requests_per_client + i) % len(paths)]
            start = time.perf_counter()
            try:
                status, _ = fetch(port, path, connection)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    errors.append(repr(error))
                continue
            mine.append((time.perf_counter() - start) * 1000)
            if status != 200:
                with lock:
                    errors.append(f"{status} {path}")
        connection.close()
        with lock:
            samples.extend(mine)

    return samples, errors, run_clients(client, clients)


def run_clients(client, clients):
    """Run `client(number)` in `clients` threads at once; the seconds until the last ends."""
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def _figures(samples, errors, elapsed):
    figures = percentiles(samples)
    figures["requests_per_s"] = round(len(samples) / elapsed, 1)
    figures["errors"] = len(errors)
    if errors:
        figures["first_error"] = errors[0]
    return figures
