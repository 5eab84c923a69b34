"""How the library is doing, for /healthz and the moderators' sync report.

The engine may be answering or not (and the breaker may be sending readers to the database
copy); the worker may be alive or silent; changes may be waiting or refused. Each of these is
reported separately, and only a silent worker makes search unhealthy: the database copy keeps
the library serving through an engine outage, but without a worker nothing reaches the engine,
scheduled pages never go live and expired ones never leave.
"""

from django.conf import settings
from django.utils import timezone

from . import breaker
from .engine import cluster_health, configured_engine, engine_errors, engine_version, ping
from .models import WorkerHeartbeat
from .sync import queue_state

HEARTBEAT = "library"


def beat(last_push_result=None):
    """Record that the worker is alive (and, when given, how its last push went)."""
    now = timezone.now()
    fields = {"beat_at": now}
    if last_push_result is not None:
        fields.update(last_push_at=now, last_push_result=last_push_result[:255])
    WorkerHeartbeat.objects.update_or_create(name=HEARTBEAT, defaults=fields)


def worker_needed():
    """False when queued work runs inside the request (the immediate backend in tests)."""
    return not settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


def worker_status():
    if not worker_needed():
        return {"status": "not needed"}
    heartbeat = WorkerHeartbeat.objects.filter(name=HEARTBEAT).first()
    if heartbeat is None:
        return {"status": "not running", "last_seen_seconds": None}
    silent = (timezone.now() - heartbeat.beat_at).total_seconds()
    return {
        "status": "running" if silent <= settings.LIBRARY_WORKER_STALE_SECONDS else "not running",
        "last_seen_seconds": round(silent, 1),
        "last_push_result": heartbeat.last_push_result,
    }


def engine_status(engine=None):
    """A short report on the engine: never raises, and never waits long on a hung engine."""
    engine = engine or configured_engine()
    if engine is None:
        return {"backend": "database", "status": "ok", "mode": "database"}
    report = {"backend": engine.kind, "mode": breaker.mode(engine)}
    if report["mode"] == "database":
        report["retry_in_seconds"] = round(breaker.seconds_until_probe(engine), 1)
    if not ping(engine, 1.0):
        return {**report, "status": "down"}
    try:
        health = cluster_health(engine, timeout="1s")
        version = engine_version(engine)
    except engine_errors() as error:
        return {**report, "status": "down", "error": type(error).__name__}
    return {
        **report,
        "status": "ok",
        "version": version,
        "cluster": health.get("status", "unknown"),
    }


def search_status():
    """The engine, the queue of changes and the worker, and whether search is healthy."""
    engine = engine_status()
    worker = worker_status()
    status = {**engine, "queue": queue_state(), "worker": worker}
    healthy = worker["status"] != "not running"
    return status, healthy
