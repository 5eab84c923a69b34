"""A mixed site load: what many people browsing the site at once ask of it, kind by kind.

The site runs on gunicorn with its production settings file, the library on Elasticsearch
and kept pages on, as in production. Each client is a thread with one keep-alive connection
that sends requests back to back for a fixed time, picking each from its own seeded random
stream by the shares in `WEIGHTS`: library searches, the JSON API, title suggestions, case
study pages, the home, glossary, roadmap and landscape pages, and a trivial view beside them as
the floor. The figures are per kind of request, with the overall rate.

The corpus has library pages and a glossary but no home page content, roadmap or landscape, so
the demo site's content is loaded once per benchmark database (`ensure_site_pages`); the pages'
addresses are read from the database by page type.
"""

import http.client
import random
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings

from wagtail.models import Site

from casestudies.models import GlossaryPage, Sector
from demo.builder import load_demo_content
from roadmap.models import LandscapePage, RoadmapPage

from . import load
from .corpus import ADJECTIVES, GLOSSARY_SECTION, NOUNS, PLACES
from .measure import _corpus_drivers, case_study_sample, percentiles, query_mix

# Share of requests (per cent) of each kind, as people new to the site browse it: mostly
# searching the library and reading case studies, typing into the search box, now and then
# the other pages, and a little of the trivial view to show the floor under the same load.
WEIGHTS = {
    "library_search": 33,
    "library_api": 10,
    "title_suggestions": 15,
    "case_study": 20,
    "home": 5,
    "glossary": 5,
    "roadmap": 5,
    "landscape": 5,
    "trivial_view": 2,
}
CLIENT_COUNTS = (16, 32)
DEFAULT_SECONDS = 60
MAX_SECONDS = 600
SEED = 31
WARM_UP_SEED = 37
WARM_UP_CLIENTS = 4
WARM_UP_SECONDS = 5
# Distinct library searches and case studies to pick from: enough that most searches are
# rendered the first time they are asked for, and some are kept pages by the end.
SEARCHES = 400
CASE_STUDIES = 200
SORTS = ("newest", "oldest", "title")


def ensure_site_pages():
    """Load the demo site's content unless this database has it already (its roadmap is the
    sign). Returns the loader's report, or "" when there was nothing to do.

    The demo's images go to the benchmark's own media folder, emptied first: the benchmark
    database is made afresh for each run, so images of an earlier one are of no use."""
    if RoadmapPage.objects.exists():
        return ""
    media = Path(settings.MEDIA_ROOT)
    if media == Path(settings.VAR_DIR) / "bench" / "media":
        shutil.rmtree(media, ignore_errors=True)
    return load_demo_content(people=False)


def seconds_from(value):
    """The run length of each client count, from BENCH_MIXED_SECONDS: 1 to `MAX_SECONDS`."""
    seconds = int(value)
    if not 1 <= seconds <= MAX_SECONDS:
        raise ValueError(f"BENCH_MIXED_SECONDS must be from 1 to {MAX_SECONDS}")
    return seconds


def _with(path, **params):
    return path + ("&" if "?" in path else "?") + urlencode(params)


def search_paths(rng):
    """Library searches with varied words and filters: some ask for the second page of
    results, some sort them. Returns (library page paths, JSON API paths)."""
    pages, answers = [], []
    for path in load.library_paths(query_mix(SEARCHES, seed=SEED)):
        if rng.random() < 0.2:
            path = _with(path, page=2)
        if rng.random() < 0.15:
            path = _with(path, sort=rng.choice(SORTS))
        (pages if rng.random() < 0.75 else answers).append(path)
    return pages, [path.replace("/library/", "/api/library/", 1) for path in answers]


def suggestion_paths():
    """What the search box asks for as someone types: the first two to five letters of each
    word of the corpus's vocabulary."""
    words = {word for phrase in ADJECTIVES + NOUNS + PLACES for word in phrase.split()}
    typed = sorted(
        {word[:length] for word in words for length in range(2, 6) if len(word) >= length}
    )
    return ["/api/library/suggest/?" + urlencode({"q": text}) for text in typed]


def _url(model, **lookup):
    """The address of the first live, public page of `model` (matching `lookup`), in tree
    order."""
    page = model.objects.live().public().filter(**lookup).order_by("path").first()
    if page is None:
        raise LookupError(f"No live {model._meta.verbose_name} page: load the demo content.")
    return page.url


def landscape_paths():
    """The landscape page: half the time as it first shows, otherwise for one sector or one
    of the corpus's drivers (its map answers the query string afresh)."""
    plain = _url(LandscapePage)
    chosen = [_with(plain, sector=slug) for slug in Sector.objects.values_list("slug", flat=True)]
    chosen += [_with(plain, driver=slug) for slug in _corpus_drivers()]
    return [plain] * len(chosen) + chosen


def request_table():
    """The paths of each kind in `WEIGHTS`, from the database as it is now.

    The glossary is the corpus's, which grows with the library as the site's one glossary
    would (the demo's holds nineteen terms whatever the size)."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible test data, not secrets
    library, api = search_paths(rng)
    table = {
        "library_search": library,
        "library_api": api,
        "title_suggestions": suggestion_paths(),
        "case_study": [page.url for page in case_study_sample(CASE_STUDIES, seed=SEED)],
        "home": [Site.objects.get(is_default_site=True).root_page.url],
        "glossary": [_url(GlossaryPage, slug=GLOSSARY_SECTION)],
        "roadmap": [_url(RoadmapPage)],
        "landscape": landscape_paths(),
        "trivial_view": ["/bench/floor/"],
    }
    return table


def site_load(port, env, seconds):
    """Serve the site and browse it with each number of clients in `CLIENT_COUNTS` for
    `seconds`, after a short warm-up (a different stream) that starts every worker."""
    table = request_table()
    figures = {"seconds": seconds, "weights_percent": WEIGHTS}
    with load.Server(port=port, env={**env, "LIBRARY_PAGE_CACHE": "on"}):
        browse(port, table, WARM_UP_CLIENTS, min(WARM_UP_SECONDS, seconds), WARM_UP_SEED)
        for clients in CLIENT_COUNTS:
            figures[f"clients_{clients}"] = browse(port, table, clients, seconds, SEED)
    return figures


def _connect(port):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def browse(port, table, clients, seconds, seed):
    """Send requests from `clients` threads for `seconds`; figures per kind and overall.

    Client n picks from `random.Random(seed * 1000 + n)`, so a run asks for the same things in
    the same order as the last one, however far it gets. A request that fails to connect or
    to answer is an error, and so is any status but 200."""
    kinds = list(WEIGHTS)
    shares = [WEIGHTS[kind] for kind in kinds]
    gathered = {kind: {"samples": [], "errors": [], "requests": 0} for kind in kinds}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number):
        rng = random.Random(seed * 1000 + number)  # noqa: S311 - a reproducible request mix
        connection = _connect(port)
        mine = {kind: {"samples": [], "errors": [], "requests": 0} for kind in kinds}
        while time.monotonic() < deadline:
            kind = rng.choices(kinds, weights=shares)[0]
            path = rng.choice(table[kind])
            figures = mine[kind]
            figures["requests"] += 1
            start = time.perf_counter()
            try:
                status, _ = load.fetch(port, path, connection)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = _connect(port)
                figures["errors"].append((time.monotonic(), f"{error!r} {path}"))
                continue
            figures["samples"].append((time.perf_counter() - start) * 1000)
            if status != 200:
                figures["errors"].append((time.monotonic(), f"{status} {path}"))
        connection.close()
        with lock:
            for kind, figures in mine.items():
                gathered[kind]["samples"] += figures["samples"]
                gathered[kind]["errors"] += figures["errors"]
                gathered[kind]["requests"] += figures["requests"]

    elapsed = load.run_clients(client, clients)
    per_kind = {kind: _figures(gathered[kind], elapsed) for kind in kinds}
    requests = sum(figures["requests"] for figures in per_kind.values())
    return {
        "requests": requests,
        "requests_per_s": round(requests / elapsed, 1),
        "errors": sum(figures["errors"] for figures in per_kind.values()),
        "kinds": per_kind,
    }


def _figures(gathered, elapsed):
    figures = {
        "requests": gathered["requests"],
        "requests_per_s": round(gathered["requests"] / elapsed, 1),
        **percentiles(gathered["samples"]),
        "errors": len(gathered["errors"]),
    }
    if gathered["errors"]:
        figures["first_error"] = min(gathered["errors"])[1]
    return figures
