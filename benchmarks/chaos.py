"""`make chaos`: real faults on a three-node Elasticsearch cluster while the library is in use.

scripts/chaos.sh starts PostgreSQL, a fresh `practice_library_chaos` database and the cluster
(scripts/es-cluster.sh), then runs this module. It sets the site up with its production
settings, serves it with gunicorn beside the background worker, and keeps eight clients
reading the library. Phase by phase it breaks one thing for real (a node, the whole cluster,
the engine's clock, the index's writes, a rebuild, the worker) while it publishes and
unpublishes case studies through Wagtail. A probe asks the API for each changed page until the
change shows, and every answer is checked for pages that were already taken down.

One table comes out at the end (also in var/chaos/chaos.json). The exit status is 1 when any
request failed with a 5xx or no answer, an unpublished page was seen again, or a change had not
shown 60 seconds after its fault ended.

Django and the site's own modules are imported inside functions: they can only load once
`main()` has set the environment and called `django.setup()`.
"""

import datetime
import http.client
import io
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "chaos"
RUN_DIR = ROOT / "var" / "run"
CLUSTER_SCRIPT = ROOT / "scripts" / "es-cluster.sh"

PORT = 8100
NODES = (1, 2, 3)
NODE_URLS = tuple(f"http://127.0.0.1:{9600 + n}" for n in NODES)
INDEX_ALIAS = "chaos-practice-library"

CLIENTS = 8
CLIENT_TIMEOUT = 30  # seconds; a request with no answer by then counts with the 5xx
PROBE_INTERVAL = 0.2
SWEEP_INTERVAL = 2.0  # how often pages taken down in earlier phases are asked for again
SHOW_WITHIN = 60.0
STEADY = 2.0  # seconds the engine must keep answering right before a change counts as shown
HEALTHY_PUBLISHES = 10
PHASE_SECONDS = float(os.environ.get("CHAOS_PHASE_SECONDS", "20"))

TABLE_HEADERS = (
    "phase",
    "requests",
    "5xx",
    "p50 ms",
    "p95 ms",
    "changes",
    "seconds until every change showed",
    "unpublished page seen after removal (count)",
)


def say(text):
    print(f"==> {text}", flush=True)


# --- the site's environment ---------------------------------------------------------------


def site_environment(elasticsearch_url):
    database = f"postgres://postgres@127.0.0.1:{os.environ.get('POSTGRES_PORT', '5433')}"
    return {
        "DJANGO_SETTINGS_MODULE": "tilondon.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{database}/practice_library_chaos",
        "ELASTICSEARCH_URL": elasticsearch_url,
        "OPENSEARCH_URL": "",
        "LIBRARY_INDEX_PREFIX": INDEX_ALIAS,
        # Demo images go here rather than among the development site's uploads.
        "MEDIA_ROOT": str(OUT / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_WORKERS": "3",
    }


NODE_LIST_CHECK = """
import django
django.setup()
from search.engine import client_for, configured_engine
client_for(configured_engine()).cluster.health()
"""


def elasticsearch_url():
    """All three nodes when the site takes a comma-separated list, else the first node only.

    Returns the URL setting and, when the list was refused, why.
    """
    listed = ",".join(NODE_URLS)
    check = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", NODE_LIST_CHECK],
        cwd=ROOT,
        env={**os.environ, **site_environment(listed)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check.returncode == 0:
        return listed, ""
    lines = check.stderr.strip().splitlines()
    return NODE_URLS[0], lines[-1] if lines else f"exit status {check.returncode}"


def start_django(environment):
    os.environ.update(environment)
    import logging

    import django

    django.setup()
    # Wagtail logs every publish at INFO; this driver prints its own progress.
    logging.disable(logging.INFO)


def prepare_site():
    from django.core.management import call_command

    quiet = {"verbosity": 0, "stdout": io.StringIO()}
    say("migrating the chaos database, collecting static files")
    call_command("migrate", interactive=False, **quiet)
    call_command("createcachetable", **quiet)
    call_command("collectstatic", interactive=False, **quiet)
    say("loading the demo content and building the library index")
    call_command("load_demo_content", **quiet)
    call_command("rebuild_library_index", **quiet)


# --- processes ----------------------------------------------------------------------------


class Process:
    """A process of the site's (gunicorn, the worker, a rebuild), logged to var/chaos.

    Its pid file lets scripts/chaos.sh stop it if this driver dies first.
    """

    def __init__(self, name, args):
        self.name = name
        self.args = args
        self.popen = None
        self.pidfile = RUN_DIR / f"chaos-{name}.pid"

    def start(self):
        with open(OUT / f"{self.name}.log", "ab") as log:
            self.popen = subprocess.Popen(  # noqa: S603 - our own commands, fixed arguments
                self.args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        self.pidfile.write_text(f"{self.popen.pid}\n")

    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def stop(self, how=signal.SIGTERM, grace=30.0):
        """Send `how`, then SIGKILL after `grace` seconds. Returns the signal that ended it."""
        ended = None
        if self.running():
            self.popen.send_signal(how)
            ended = how
            try:
                self.popen.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
                ended = signal.SIGKILL
        self.pidfile.unlink(missing_ok=True)
        return signal.Signals(ended).name if ended else None


def manage(name, *command):
    return Process(name, [sys.executable, "manage.py", *command])


def gunicorn():
    from benchmarks.load import GUNICORN

    return Process("gunicorn", GUNICORN)


# --- the cluster, directly ----------------------------------------------------------------


def document(raw):
    try:
        return json.loads(raw or b"null")
    except ValueError:
        return {"error": raw.decode(errors="replace")}


def engine(method, path, body=None, timeout=5.0):
    """Ask the cluster itself, through the first node that answers: (status, document)."""
    data = None if body is None else json.dumps(body).encode()
    failure = None
    for url in NODE_URLS:
        request = urllib.request.Request(  # noqa: S310 - the cluster's fixed loopback addresses
            url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, document(response.read())
        except urllib.error.HTTPError as error:
            return error.code, document(error.read())
        except OSError as error:
            failure = error
    raise OSError(f"no Elasticsearch node answered {method} {path}: {failure}")


def es_cluster(*args):
    subprocess.run([CLUSTER_SCRIPT, *map(str, args)], cwd=ROOT, check=True)  # noqa: S603


def restart_nodes(nodes):
    """Restart nodes side by side from their own data: a lone node waits for a majority."""
    restarts = [
        subprocess.Popen([CLUSTER_SCRIPT, "restart-node", str(n)], cwd=ROOT)  # noqa: S603
        for n in nodes
    ]
    failed = [n for n, restart in zip(nodes, restarts, strict=True) if restart.wait() != 0]
    if failed:
        raise RuntimeError(f"node(s) {failed} did not restart")


def wait_for_green(limit):
    """Seconds until all three nodes are back and every shard is assigned, or None."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            status, health = engine(
                "GET", "/_cluster/health?wait_for_status=green&wait_for_nodes=3&timeout=2s"
            )
            if status == 200 and not health.get("timed_out"):
                return round(time.monotonic() - started, 1)
        except OSError:
            pass
        time.sleep(0.5)
    return None


def library_shard_node():
    """The node holding the library index's primary shard (the site keeps no replica)."""
    _, shards = engine("GET", f"/_cat/shards/{INDEX_ALIAS}?format=json&h=node,prirep,state")
    for shard in shards or []:
        if shard.get("prirep") == "p" and shard.get("node"):
            return int(shard["node"].rsplit("-", 1)[-1])
    return None


def library_indexes():
    _, rows = engine("GET", f"/_cat/indices/{INDEX_ALIAS}*?format=json&h=index")
    return {row["index"] for row in rows or []}


def index_documents():
    try:
        status, answer = engine("GET", f"/{INDEX_ALIAS}/_count")
    except OSError:
        return None
    return answer.get("count") if status == 200 else None


def set_write_block(blocked):
    status, answer = engine(
        "PUT", f"/{INDEX_ALIAS}/_settings", {"index": {"blocks": {"write": blocked}}}
    )
    if status != 200:
        raise RuntimeError(f"could not set index.blocks.write={blocked}: {answer}")


# --- talking to the site ------------------------------------------------------------------


@dataclass
class Reply:
    status: int  # 0: no answer
    body: bytes
    ms: float
    retried: bool  # sent again on a new connection after the kept one had been closed


class Client:
    """One keep-alive connection to the site, as a browser keeps one."""

    # A kept connection the server has since closed fails like this on the next request; a
    # browser sends the request again on a new connection, and so does this client.
    STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)

    def __init__(self):
        from benchmarks.load import fetch

        self.fetch = fetch
        self.connection = None

    def get(self, path):
        started = time.perf_counter()
        for attempt in (1, 2):
            reused = self.connection is not None
            if not reused:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", PORT, timeout=CLIENT_TIMEOUT
                )
            try:
                status, body = self.fetch(PORT, path, self.connection)
                return Reply(status, body, (time.perf_counter() - started) * 1000, attempt > 1)
            except self.STALE:
                self.close()
                if reused and attempt == 1:
                    continue
            except (OSError, http.client.HTTPException):
                self.close()
            break
        return Reply(0, b"", (time.perf_counter() - started) * 1000, attempt > 1)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def as_json(body):
    try:
        answer = json.loads(body)
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def wait_for_site(limit=90):
    client = Client()
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if client.get("/api/library/").status == 200:
            client.close()
            return
        time.sleep(0.5)
    raise RuntimeError(f"the site did not answer /api/library/ within {limit} s")


def request_mix(sector):
    """The load: library pages, API answers and title suggestions, with varied words and filters.

    Words come from the benchmark's practice vocabulary; sector and driver slugs from the demo
    content in the database. One request in thirteen asks for what this run publishes and
    takes down (titles "Practice note ...", in `sector`), so every kind of answer is checked
    for pages that should have gone.
    """
    from benchmarks.load import library_paths
    from benchmarks.measure import query_mix

    ours = [
        "/library/?q=practice+note",
        "/api/library/?q=practice+note",
        "/api/library/suggest/?q=practice+note",
        f"/library/?sector={sector}",
        f"/api/library/?sector={sector}&sort=newest",
    ]
    paths = []
    for n, query in enumerate(query_mix(60, seed=23)):
        params = [("q", query.q)] if query.q else []
        params += [(f, v) for f in ("sector", "driver") for v in query.selected(f)]
        if n % 3 == 0:
            paths += library_paths([query])
        elif n % 3 == 1:
            paths.append("/api/library/?" + urlencode(params))
        else:
            paths.append("/api/library/suggest/?" + urlencode({"q": query.q or "train"}))
        if n % 12 == 11:
            paths.append(ours[n // 12])
    return paths


# --- what was asked and answered ----------------------------------------------------------


@dataclass
class Answer:
    phase: str
    source: str  # "load", "probe", "sweep" or "healthz"
    status: int  # 0: no answer
    ms: float
    retried: bool


class Recorder:
    """Every answer the site gave, by phase, and every sight of a page after it was taken down."""

    def __init__(self):
        self.lock = threading.Lock()
        self.phase = "setup"
        self.answers = []
        self.removed = {}  # made-up word -> when its page's unpublish committed
        self.violations = []

    def taken_down(self, word, at):
        with self.lock:
            self.removed[word] = at

    def removed_before(self, sent):
        """Words of pages already taken down when a request was sent."""
        with self.lock:
            return [word for word, at in self.removed.items() if at < sent]

    def record(self, phase, source, sent, reply, path, seen=()):
        with self.lock:
            self.answers.append(Answer(phase, source, reply.status, reply.ms, reply.retried))
            for word in seen:
                self.violations.append(
                    {
                        "phase": phase,
                        "source": source,
                        "path": path,
                        "word": word,
                        "seconds_after_unpublish": round(sent - self.removed[word], 2),
                    }
                )


def load_client(number, paths, recorder, stop):
    client = Client()
    position = number * len(paths) // CLIENTS
    while not stop.is_set():
        path = paths[position % len(paths)]
        position += 1
        sent, phase = time.monotonic(), recorder.phase
        reply = client.get(path)
        # The load never asks for a made-up word, so one in an answer is the page itself.
        seen = [w for w in recorder.removed_before(sent) if w.encode() in reply.body]
        recorder.record(phase, "load", sent, reply, path, seen)
    client.close()


@dataclass
class Change:
    """One publish or unpublish, and what the API said about it since."""

    kind: str  # "publish" or "unpublish"
    word: str
    page_id: int
    committed: float
    fault_end: float | None = None
    right_since: float | None = None  # start of the current run of right answers
    engine_since: float | None = None  # first right answer from the engine in that run

    @property
    def start(self):
        """Changes made during a fault are timed from its end; others from their commit."""
        return self.committed if self.fault_end is None else self.fault_end

    def observe(self, right, from_engine, at):
        if not right:
            self.right_since = self.engine_since = None
            return
        if self.right_since is None:
            self.right_since = at
        if from_engine and self.engine_since is None:
            self.engine_since = at

    def steady(self, now):
        return self.engine_since is not None and now - self.engine_since >= STEADY

    def seconds_to_show(self):
        """From the fault's end to the start of the run of right answers the engine confirmed;
        None if that did not happen within SHOW_WITHIN."""
        if self.engine_since is None or self.engine_since - self.start > SHOW_WITHIN:
            return None
        return round(max(0.0, self.right_since - self.start), 1)


class Probe(threading.Thread):
    """Asks `/api/library/?q=<word>` for each watched change every PROBE_INTERVAL seconds, and
    now and then for every page taken down earlier."""

    def __init__(self, recorder, stop):
        super().__init__(name="probe", daemon=True)
        self.recorder = recorder
        self.stop = stop
        self.watching = []
        self.client = None

    def run(self):
        self.client = Client()
        next_sweep = 0.0
        while not self.stop.is_set():
            watched = list(self.watching)
            for change in watched:
                self.check(change)
            if time.monotonic() >= next_sweep:
                next_sweep = time.monotonic() + SWEEP_INTERVAL
                current = {c.word for c in watched}
                for word in self.recorder.removed_before(time.monotonic()):
                    if word not in current:
                        self.ask(word, "sweep")
            self.stop.wait(PROBE_INTERVAL)
        self.client.close()

    def ask(self, word, source):
        sent, phase = time.monotonic(), self.recorder.phase
        path = "/api/library/?" + urlencode({"q": word})
        reply = self.client.get(path)
        answer = as_json(reply.body)
        titles = " ".join(str(hit.get("title", "")) for hit in answer.get("results", []))
        seen = [w for w in self.recorder.removed_before(sent) if w in titles]
        self.recorder.record(phase, source, sent, reply, path, seen)
        return reply.status, answer

    def check(self, change):
        status, answer = self.ask(change.word, "probe")
        wanted = 1 if change.kind == "publish" else 0
        right = status == 200 and answer.get("count") == wanted
        change.observe(right, answer.get("backend") not in (None, "database"), time.monotonic())


# --- phases -------------------------------------------------------------------------------


@dataclass
class PhaseResult:
    name: str
    started: float
    changes: list = field(default_factory=list)
    fault_end: float | None = None
    seconds: float | None = None
    notes: dict = field(default_factory=dict)
    error: str = ""


def made_up_words(count, seed=5):
    """Words in no dictionary and no demo page, so a search for one finds only its own page."""
    rng = random.Random(seed)  # noqa: S311 - names for test pages, not secrets
    words = []
    while len(words) < count:
        word = "qu" + "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4))
        if word not in words:
            words.append(word)
    return words


def library_page_count():
    from casestudies.models import CaseStudyPage, DefinitionPage, RecommendationPage

    return sum(
        m.objects.live().public().count()
        for m in (CaseStudyPage, RecommendationPage, DefinitionPage)
    )


class Chaos:
    """The running site, its load and probe, and the changes made to it."""

    def __init__(self):
        from casestudies.models import Borough, DriverOfChange, Sector

        self.recorder = Recorder()
        self.stop = threading.Event()
        self.probe = Probe(self.recorder, self.stop)
        self.clients = []
        self.web = gunicorn()
        self.worker = manage("worker", "db_worker")
        self.words = iter(made_up_words(40))
        self.live_pages = []  # pages this run published and has not taken down, oldest first
        self.taxonomy = {
            "lead_sector": Sector.objects.order_by("sort_order", "pk").first(),
            "driver": DriverOfChange.objects.order_by("sort_order", "pk").first(),
            "borough": Borough.objects.order_by("sort_order", "pk").first(),
        }

    # The site ---------------------------------------------------------------------------

    def start(self):
        say(f"starting the background worker and gunicorn on 127.0.0.1:{PORT}")
        self.worker.start()
        self.wait_for_queue()
        self.web.start()
        wait_for_site()
        paths = request_mix(self.taxonomy["lead_sector"].slug)
        self.warm_up(paths)
        self.probe.start()
        for number in range(CLIENTS):
            thread = threading.Thread(
                target=load_client, args=(number, paths, self.recorder, self.stop), daemon=True
            )
            thread.start()
            self.clients.append(thread)

    def wait_for_queue(self, limit=180):
        """The demo content queued an update per page; let the worker get through them."""
        from django_tasks_db.models import DBTaskResult

        deadline = time.monotonic() + limit
        while DBTaskResult.objects.ready().exists() and time.monotonic() < deadline:
            time.sleep(0.5)

    def warm_up(self, paths):
        client = Client()
        for path in paths:
            sent = time.monotonic()
            self.recorder.record("setup", "load", sent, client.get(path), path)
        client.close()

    def shut_down(self):
        self.stop.set()
        for thread in [*self.clients, self.probe]:
            if thread.is_alive():
                thread.join(timeout=CLIENT_TIMEOUT + 5)
        self.web.stop()
        self.worker.stop()

    # Changes ----------------------------------------------------------------------------

    def publish(self, result):
        from casestudies.models import CaseStudyIndexPage, CaseStudyPage

        word = next(self.words)
        page = CaseStudyPage(
            title=f"Practice note {word}",
            summary="A made-up case study that the chaos run publishes and takes down.",
            organisation="Chaos run partnership (illustrative)",
            lead_sector=self.taxonomy["lead_sector"],
            challenge="<p>Nothing real: a page to watch.</p>",
            approach="<p>Published through Wagtail while something is broken.</p>",
            started=datetime.date(2025, 1, 1),
        )
        page.drivers = [self.taxonomy["driver"]]
        page.boroughs = [self.taxonomy["borough"]]
        CaseStudyIndexPage.objects.get().add_child(instance=page)
        page.save_revision().publish()
        self.live_pages.append((word, page))
        return self.watch(result, Change("publish", word, page.pk, time.monotonic()))

    def unpublish(self, result):
        word, page = self.live_pages.pop(0)
        page.refresh_from_db()
        page.unpublish()
        committed = time.monotonic()
        self.recorder.taken_down(word, committed)
        return self.watch(result, Change("unpublish", word, page.pk, committed))

    def watch(self, result, change):
        result.changes.append(change)
        self.probe.watching = list(result.changes)
        return change

    # Phase running ----------------------------------------------------------------------

    def run(self, name, action):
        result = PhaseResult(name, time.monotonic())
        self.recorder.phase = name
        say(f"phase: {name}")
        try:
            time.sleep(PHASE_SECONDS / 4)  # the load alone first, as a baseline
            action(self, result)
        except Exception as error:  # noqa: BLE001 - a broken phase is reported, the rest still run
            result.error = f"{type(error).__name__}: {error}"
            say(f"{name} did not run as planned: {result.error}")
        for change in result.changes:
            change.fault_end = result.fault_end
        result.seconds = self.wait_until_shown(result.changes)
        self.probe.watching = []
        self.settle(result)
        time.sleep(max(0.0, result.started + PHASE_SECONDS - time.monotonic()))
        return result

    def wait_until_shown(self, changes):
        """Seconds until the last change showed for good, or None if one never did."""
        if not changes:
            return None
        deadline = max(c.start for c in changes) + SHOW_WITHIN
        while time.monotonic() < deadline:
            if all(c.steady(time.monotonic()) for c in changes):
                break
            time.sleep(0.1)
        shown = [c.seconds_to_show() for c in changes]
        return None if None in shown else max(shown)

    def settle(self, result):
        """Back to normal before the next phase: three nodes, every shard, a running worker."""
        result.notes["cluster_green_after_s"] = wait_for_green(90)
        if not self.worker.running():
            self.worker.start()
            result.notes["worker_restarted_after_phase"] = True
        result.notes["index_documents"] = index_documents()
        result.notes["live_library_pages"] = library_page_count()

    def worker_report(self, since, at_least, at_most):
        """Poll /healthz until it says the worker is not running: seconds since `since`."""
        client = Client()
        reported = None
        while time.monotonic() - since < at_most:
            sent = time.monotonic()
            reply = client.get("/healthz")
            self.recorder.record(self.recorder.phase, "healthz", sent, reply, "/healthz")
            # The public answer says only "down" (503); the details need a token.
            if reported is None and (reply.status == 503 or worker_down(as_json(reply.body))):
                reported = round(time.monotonic() - since, 1)
            if reported is not None and time.monotonic() - since >= at_least:
                break
            time.sleep(0.5)
        client.close()
        return reported


def worker_down(health):
    """Whether a /healthz answer says the background worker is not running."""
    for section in (health.get("worker"), (health.get("search") or {}).get("worker")):
        if isinstance(section, dict):
            status = str(section.get("status", "")).lower()
            if section.get("running") is False or status in ("not running", "down", "stopped"):
                return True
    return False


def healthy(chaos, result):
    for _ in range(HEALTHY_PUBLISHES):
        change = chaos.publish(result)
        deadline = change.committed + SHOW_WITHIN / 4
        while change.engine_since is None and time.monotonic() < deadline:
            time.sleep(0.05)


def node_loss(chaos, result):
    holder = library_shard_node()
    node = holder or 2
    result.notes.update(node=node, node_held_library_shard=holder is not None)
    say(f"killing node {node}" + (", which holds the library index" if holder else ""))
    es_cluster("kill-node", node)
    try:
        chaos.publish(result)
        chaos.unpublish(result)
        time.sleep(PHASE_SECONDS / 2)
    finally:
        restarted = time.monotonic()
        es_cluster("restart-node", node)
        result.fault_end = time.monotonic()
        result.notes["restart_s"] = round(result.fault_end - restarted, 1)


def engine_killed(chaos, result):
    for node in NODES:
        es_cluster("kill-node", node)
    try:
        chaos.publish(result)
        chaos.unpublish(result)
        time.sleep(min(15.0, PHASE_SECONDS))
    finally:
        restarted = time.monotonic()
        restart_nodes(NODES)
        result.fault_end = time.monotonic()
        result.notes["restart_s"] = round(result.fault_end - restarted, 1)


def engine_frozen(chaos, result):
    for node in NODES:
        es_cluster("freeze-node", node)
    try:
        chaos.publish(result)
        chaos.unpublish(result)
        time.sleep(min(15.0, PHASE_SECONDS))
    finally:
        for node in NODES:
            es_cluster("thaw-node", node)
        result.fault_end = time.monotonic()


def index_read_only(chaos, result):
    set_write_block(True)
    try:
        chaos.publish(result)
        chaos.unpublish(result)
        time.sleep(min(10.0, PHASE_SECONDS))
    finally:
        set_write_block(False)
        result.fault_end = time.monotonic()


def rebuild(chaos, result):
    before = library_indexes()
    process = manage("rebuild", "rebuild_library_index")
    process.start()
    try:
        # The most telling moment: the rebuild has read the pages and is filling its new index.
        while process.running() and not library_indexes() - before:
            time.sleep(0.05)
        result.notes["unpublished_while_rebuild_ran"] = process.running()
        chaos.unpublish(result)
        process.popen.wait(timeout=300)
    finally:
        process.stop(grace=5)
        result.fault_end = time.monotonic()
        result.notes["rebuild_exit_status"] = process.popen.returncode


def worker_stopped(chaos, result):
    stopped = time.monotonic()
    result.notes["worker_stopped_with"] = chaos.worker.stop(signal.SIGTERM, grace=5)
    try:
        chaos.publish(result)
        chaos.unpublish(result)
        reported = chaos.worker_report(stopped, at_least=PHASE_SECONDS / 2, at_most=SHOW_WITHIN)
        result.notes["healthz_reported_worker_down_after_s"] = reported
    finally:
        chaos.worker.start()
        result.fault_end = time.monotonic()


PHASES = (
    ("healthy", healthy),
    ("node loss", node_loss),
    ("engine killed", engine_killed),
    ("engine frozen", engine_frozen),
    ("index read-only", index_read_only),
    ("rebuild", rebuild),
    ("worker stopped", worker_stopped),
)


# --- the report ---------------------------------------------------------------------------


def summarise(result, recorder):
    from benchmarks.measure import percentiles

    answers = [a for a in recorder.answers if a.phase == result.name and a.source != "healthz"]
    violations = [v for v in recorder.violations if v["phase"] == result.name]
    statuses = {}
    for answer in answers:
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
    latency = percentiles([a.ms for a in answers]) if len(answers) > 1 else {}
    row = {
        "phase": result.name,
        "requests": len(answers),
        "server_errors": sum(1 for a in answers if a.status >= 500 or a.status == 0),
        "no_answer": statuses.get(0, 0),
        "sent_again_after_a_closed_connection": sum(1 for a in answers if a.retried),
        "statuses": {str(code): n for code, n in sorted(statuses.items())},
        "p50_ms": latency.get("p50_ms"),
        "p95_ms": latency.get("p95_ms"),
        "changes": [change_report(c) for c in result.changes],
        "seconds_until_every_change_showed": result.seconds,
        "unpublished_seen_after_removal": len(violations),
        "first_sightings": violations[:5],
        # A few tenths of a second is a lag behind the unpublish; longer is a page come back.
        "latest_sighting_seconds_after_unpublish": max(
            (v["seconds_after_unpublish"] for v in violations), default=None
        ),
        "notes": result.notes,
        "error": result.error,
    }
    if result.name == "healthy":
        lags = [c.seconds_to_show() for c in result.changes]
        shown = [lag * 1000 for lag in lags if lag is not None]
        row["publish_to_findable_p95_s"] = (
            round(percentiles(shown)["p95_ms"] / 1000, 2) if len(shown) > 1 else None
        )
    return row


def change_report(change):
    return {
        "kind": change.kind,
        "word": change.word,
        "page_id": change.page_id,
        "seconds_to_show": change.seconds_to_show(),
    }


def failed(row):
    return bool(
        row["server_errors"]
        or row["unpublished_seen_after_removal"]
        or row["error"]
        or (row["changes"] and row["seconds_until_every_change_showed"] is None)
    )


def cell(value):
    return "-" if value is None else str(value)


def table(rows):
    lines = [TABLE_HEADERS]
    for row in rows:
        lines.append(
            (
                row["phase"],
                str(row["requests"]),
                str(row["server_errors"]),
                cell(row["p50_ms"]),
                cell(row["p95_ms"]),
                str(len(row["changes"])),
                cell(row["seconds_until_every_change_showed"]),
                str(row["unpublished_seen_after_removal"]),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(TABLE_HEADERS))]
    text = [
        "| "
        + " | ".join(value.ljust(width) for value, width in zip(line, widths, strict=True))
        + " |"
        for line in lines
    ]
    text.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(text)


def phase_note(row):
    """What happened in a phase beyond the table's columns, in a sentence (or None)."""
    extra, name = row["notes"], row["phase"]
    if name == "healthy":
        p95 = cell(row.get("publish_to_findable_p95_s"))
        return f"healthy: publish to findable p95 {p95} s over {len(row['changes'])} publishes"
    if name in ("node loss", "engine killed") and "restart_s" in extra:
        which = "all nodes"
        if "node" in extra:
            held = " (it held the library's shard)" if extra["node_held_library_shard"] else ""
            which = f"node {extra['node']}{held}"
        return (
            f"{name}: {which} answered again {extra['restart_s']} s after the restart began; "
            "changes are timed from then"
        )
    if name == "rebuild" and "rebuild_exit_status" in extra:
        when = "while" if extra.get("unpublished_while_rebuild_ran") else "after"
        return (
            f"rebuild: the page was unpublished {when} the rebuild filled its new index; "
            f"the rebuild exited with status {extra['rebuild_exit_status']}"
        )
    if name == "worker stopped" and "worker_stopped_with" in extra:
        reported = extra.get("healthz_reported_worker_down_after_s")
        said = (
            f"said so after {reported} s"
            if reported is not None
            else f"did not say so within {SHOW_WITHIN:g} s"
        )
        return f"worker stopped ({extra['worker_stopped_with']}): /healthz {said}"
    return None


def footnotes(rows, node_list_refused):
    notes = [
        f"5xx also counts requests with no answer within {CLIENT_TIMEOUT} s. A change has shown "
        "once the API answers right and goes on doing so until the engine itself has answered "
        f"right for {STEADY:g} s; '-': not within {SHOW_WITHIN:g} s of the fault's end."
    ]
    if node_list_refused:
        notes.append(
            f"The site refused the node list ({node_list_refused}): it used {NODE_URLS[0]}."
        )
    for row in rows:
        note = phase_note(row)
        if note:
            notes.append(note)
        if row["first_sightings"]:
            paths = sorted({v["path"] for v in row["first_sightings"]})
            notes.append(
                f"{row['phase']}: taken-down pages seen up to "
                f"{row['latest_sighting_seconds_after_unpublish']} s after the unpublish "
                f"committed, first in {', '.join(paths)}"
            )
        if row["error"]:
            notes.append(f"{row['phase']} did not run as planned: {row['error']}")
    return notes


def report(results, recorder, url, node_list_refused):
    rows = [summarise(result, recorder) for result in results]
    print()
    print(table(rows))
    print()
    for note in footnotes(rows, node_list_refused):
        print(f"- {note}")
    document = {
        "phase_seconds": PHASE_SECONDS,
        "elasticsearch_url": url,
        "node_list_refused": node_list_refused,
        "phases": rows,
        "failed": any(failed(row) for row in rows),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "chaos.json").write_text(json.dumps(document, indent=2) + "\n")
    print(f"\nFigures written to {OUT / 'chaos.json'}")
    return document["failed"]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for log in OUT.glob("*.log"):
        log.unlink()
    url, refused = elasticsearch_url()
    if refused:
        say(f"the site does not take a list of nodes yet ({refused}); using {url} only")
    start_django(site_environment(url))
    prepare_site()
    chaos = Chaos()
    results = []
    try:
        chaos.start()
        for name, action in PHASES:
            results.append(chaos.run(name, action))
    finally:
        say("stopping the load, gunicorn and the worker")
        chaos.shut_down()
    return 1 if report(results, chaos.recorder, url, refused) else 0


if __name__ == "__main__":
    sys.exit(main())
