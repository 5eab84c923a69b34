"""A circuit breaker in front of the engine, so a hung or failing engine cannot stall readers.

After `SEARCH_BREAKER_FAILURES` failed requests in a row the breaker opens: for
`SEARCH_BREAKER_COOL_DOWN` seconds every library query answers from the database copy at once,
without waiting on the engine. When the cool-down ends, one request (and only one, whichever
thread gets there first) pings the engine with a short timeout; if it answers, the breaker
closes, otherwise it stays open for another cool-down. Each web process keeps its own breaker.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings

from .engine import ping


@dataclass
class BreakerState:
    failures: int = 0
    opened_at: float | None = None  # monotonic time the breaker last opened
    probing: bool = False


_lock = threading.Lock()
_states = {}  # engine -> BreakerState


def _state(engine):
    return _states.setdefault(engine, BreakerState())


def is_open(engine):
    """True while queries should go straight to the database copy."""
    with _lock:
        return _state(engine).opened_at is not None


def seconds_until_probe(engine):
    with _lock:
        state = _state(engine)
        if state.opened_at is None:
            return 0.0
        left = settings.SEARCH_BREAKER_COOL_DOWN - (time.monotonic() - state.opened_at)
    return max(0.0, left)


def allow(engine):
    """May this request ask the engine? Probes the engine once per cool-down while open."""
    with _lock:
        state = _state(engine)
        if state.opened_at is None:
            return True
        cooled = time.monotonic() - state.opened_at >= settings.SEARCH_BREAKER_COOL_DOWN
        if not cooled or state.probing:
            return False
        state.probing = True
    healthy = ping(engine, settings.SEARCH_BREAKER_PROBE_TIMEOUT)
    with _lock:
        state.probing = False
        if healthy:
            state.failures = 0
            state.opened_at = None
        else:
            state.opened_at = time.monotonic()
    return healthy


def succeeded(engine):
    with _lock:
        state = _state(engine)
        state.failures = 0
        state.opened_at = None


def failed(engine):
    with _lock:
        state = _state(engine)
        state.failures += 1
        if state.failures >= settings.SEARCH_BREAKER_FAILURES:
            state.opened_at = time.monotonic()


def reset():
    """Forget every breaker's state (tests, and a process that reconfigures its engine)."""
    with _lock:
        _states.clear()


def mode(engine):
    """The library's answering mode: "engine" while the breaker is closed, else "database"."""
    return "database" if is_open(engine) else "engine"
