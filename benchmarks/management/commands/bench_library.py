"""Benchmark the library: build synthetic corpora, index them, time the alternatives side by side.

Run through `make bench`, which starts the services and a fresh database. Sizes, query count
and load can be lowered for a quick run with BENCH_SIZES, BENCH_QUERIES, BENCH_CLIENTS,
BENCH_REQUESTS_PER_CLIENT and BENCH_MIXED_SECONDS (each client count's time in the mixed site
load); BENCH_PORT moves the benchmark's own web server off 8765.

The figures are written and printed first; then the command fails, naming each row, if any
request in it was answered with an error.
"""

import json
import os
import platform
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from tqdm import tqdm

from benchmarks import load, measure, mixed
from benchmarks.corpus import CorpusBuilder
from search import index
from search.engine import EngineConfig, configured_engine, engine_version
from search.sync import changes_since, rebuild_records, snapshot_for_rebuild

# Case study pages loaded over HTTP: each client shows every one once before timing.
STUDY_PAGES = 50


def _env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError as error:
        raise CommandError(f"{name} must be a whole number") from error


def ratio(numerator, denominator, digits):
    """numerator / denominator rounded, or None when either is missing (a row whose every
    request failed) or the denominator is zero."""
    if not numerator or not denominator:
        return None
    return round(numerator / denominator, digits)


def answered_errors(report):
    """(size, row, errors, first error) for every row of the report with a request answered by
    an error: the pages under concurrent clients and each kind of the mixed site load."""
    for size, figures in report["sizes"].items():
        for name, row in figures["page_latency_ms_under_concurrent_clients"].items():
            if row["errors"]:
                yield size, name, row["errors"], row.get("first_error", "")
        site_load = figures["mixed_site_load"]
        for count in mixed.CLIENT_COUNTS:
            for kind, row in site_load[f"clients_{count}"]["kinds"].items():
                if row["errors"]:
                    name = f"mixed site load, {count} clients, {kind}"
                    yield size, name, row["errors"], row.get("first_error", "")


def rebuilt(engine, snapshot, on_progress=None):
    """Rebuild the library index on `engine` from `snapshot_for_rebuild()`, as the rebuild
    command does."""
    position, documents = snapshot
    index.rebuild(
        engine,
        documents,
        lambda: changes_since(position, timezone.now(), documents),
        on_progress=on_progress,
    )


def _ms(value):
    return "-" if value is None else f"{value:.1f}"


class Command(BaseCommand):
    help = "Time the library's query layer, indexing and page against the alternatives."

    def handle(self, *args, **options):
        if not hasattr(settings, "BENCH_ENGINE_URLS"):
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=benchmarks.settings.")
        sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,20000").split(",") if s]
        query_count = _env_int("BENCH_QUERIES", 200)
        clients = _env_int("BENCH_CLIENTS", 16)
        per_client = _env_int("BENCH_REQUESTS_PER_CLIENT", 25)
        try:
            mixed_seconds = mixed.seconds_from(
                os.environ.get("BENCH_MIXED_SECONDS", mixed.DEFAULT_SECONDS)
            )
        except ValueError as error:
            raise CommandError(
                f"BENCH_MIXED_SECONDS must be a whole number from 1 to {mixed.MAX_SECONDS}"
            ) from error
        self.port = _env_int("BENCH_PORT", 8765)
        if configured_engine() is not None:
            # The database rows ask the configured backend: it must be the database copy.
            raise CommandError("Run with ELASTICSEARCH_URL and OPENSEARCH_URL empty.")
        engines = {
            kind: EngineConfig(kind, url) for kind, url in settings.BENCH_ENGINE_URLS.items()
        }

        report = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "postgresql": connection.cursor().connection.info.server_version,
                **{f"{kind}_version": engine_version(e) for kind, e in engines.items()},
            },
            "settings": {
                "queries_per_backend": query_count,
                "page_clients": clients,
                "page_requests_per_client": per_client,
                "mixed_seconds_per_client_count": mixed_seconds,
            },
            "sizes": {},
        }
        # Before the first corpus, so every size is measured on the same site around it.
        loaded = mixed.ensure_site_pages()
        if loaded:
            self.step(f"the demo site for the mixed site load: {loaded.splitlines()[0]}")
        self.warm_up(engines)
        builder = CorpusBuilder()
        for size in sizes:
            self.stdout.write(self.style.MIGRATE_HEADING(f"\nCorpus of {size} library pages"))
            report["sizes"][str(size)] = self.run_size(
                builder, size, engines, query_count, clients, per_client, mixed_seconds
            )
        out = Path(settings.VAR_DIR) / "bench" / "library.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2) + "\n")
        self.print_table(report)
        self.stdout.write(f"\nFigures written to {out}")
        failed = list(answered_errors(report))
        if failed:
            raise CommandError(
                "Some requests were answered with an error:\n"
                + "\n".join(
                    f"  {size} pages, {row}: {count} errors, the first {first}"
                    for size, row, count, first in failed
                )
            )

    def warm_up(self, engines):
        """Build each engine's library index once from what the database holds before the
        corpus: a node loads the stemming dictionary the first time an index needs it (some
        seconds), which would otherwise be charged to the first size's bulk indexing rate."""
        rebuild_records()
        snapshot = snapshot_for_rebuild()
        for kind, engine in engines.items():
            start = time.perf_counter()
            rebuilt(engine, snapshot)
            self.step(
                f"{kind} warmed up on {len(snapshot[1])} documents in "
                f"{time.perf_counter() - start:.1f} s"
            )

    def step(self, text):
        self.stdout.write(f"  {text}")
        self.stdout.flush()

    def run_size(self, builder, size, engines, query_count, clients, per_client, mixed_seconds):
        start = time.perf_counter()
        with tqdm(total=size, initial=builder.number, desc="  pages", file=sys.stderr) as bar:
            added = builder.grow_to(size, on_progress=lambda n: bar.update(n - bar.n))
        self.step(f"added {added} pages in {time.perf_counter() - start:.0f} s")

        bulk = {}
        start = time.perf_counter()
        total = rebuild_records()
        bulk["database_copy_postgresql"] = round(total / (time.perf_counter() - start))
        snapshot = snapshot_for_rebuild()
        documents = snapshot[1]
        for kind, engine in engines.items():
            filled = {}  # when the last document was written

            def progress(done, filled=filled):
                if done == len(documents):
                    filled["at"] = time.perf_counter()

            start = time.perf_counter()
            rebuilt(engine, snapshot, on_progress=progress)
            # Bulk indexing itself (the index made and filled), and the whole rebuild: the
            # replays, the merge into one segment and the alias swap as well.
            bulk[f"library_{kind}"] = round(
                len(documents) / (filled.get("at", time.perf_counter()) - start)
            )
            bulk[f"library_{kind}_whole_rebuild"] = round(
                len(documents) / (time.perf_counter() - start)
            )
            self.step(
                f"{kind}: {bulk[f'library_{kind}']} documents/s filling, "
                f"{bulk[f'library_{kind}_whole_rebuild']} for the whole rebuild"
            )
        start = time.perf_counter()
        call_command("update_index", backend_name="stock", chunk_size=1000, verbosity=0)
        pages_indexed = builder.page_count()
        bulk["wagtail_stock_opensearch"] = round(pages_indexed / (time.perf_counter() - start))
        self.step(f"Wagtail stock index on OpenSearch: {bulk['wagtail_stock_opensearch']} pages/s")

        queries = measure.query_mix(query_count)
        latency = {}
        for kind, engine in engines.items():
            layer, raw = measure.library_layer_and_raw_request(engine, queries)
            latency[f"library_layer_{kind}"], latency[f"raw_request_{kind}"] = layer, raw
            self.step(f"library layer on {kind}: {layer}")
            self.step(f"raw request on {kind}: {raw}")
        latency["wagtail_stock_facet_per_facet_opensearch"] = measure.stock_wagtail(
            queries, "stock"
        )
        self.step(f"stock Wagtail: {latency['wagtail_stock_facet_per_facet_opensearch']}")
        latency["database_fallback_postgresql"] = measure.database_fallback(queries)
        self.step(f"database fallback: {latency['database_fallback_postgresql']}")
        latency["search_counted_alone"] = measure.search_counting(queries)
        self.step(f"counting one search: {latency['search_counted_alone']}")
        case_studies = measure.case_study_sample(query_count)
        for kind, engine in engines.items():
            latency[f"related_practice_{kind}"] = measure.related_practice(case_studies, engine)
            self.step(f"related practice on {kind}: {latency[f'related_practice_{kind}']}")
        latency["related_practice_database_postgresql"] = measure.related_practice(case_studies)
        self.step(
            f"related practice on the database: {latency['related_practice_database_postgresql']}"
        )

        env = {
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            "ELASTICSEARCH_URL": engines["elasticsearch"].url,
            "OPENSEARCH_URL": "",
        }
        port = self.port
        paths = load.library_paths(queries)
        feeds = load.feed_paths(queries)
        # The case study pages of the sample, rendered for every request (a kept page would
        # hide what the section costs), each shown once by every client before timing (so
        # every worker keeps the section's answer), with the related practice section and
        # without.
        study_paths = [page.url for page in case_studies[:STUDY_PAGES]]
        page = {}
        with load.Server(port=port, env={**env, "LIBRARY_PAGE_CACHE": "off"}):
            load.hammer(port, paths[:20], 4, 5)  # warm every worker
            page["library_page_rendered"] = load.hammer(port, paths, clients, per_client)
            page["trivial_view"] = load.hammer(port, ["/bench/floor/"], clients, per_client)
            page["feed_rendered"] = load.hammer(port, feeds, clients, per_client)
        with load.Server(port=port, env=env):
            load.hammer(port, paths, 1, len(paths))  # render and keep each page once
            page["library_page_kept"] = load.hammer(port, paths, clients, per_client)
        # Two servers at once, one with the section switched off, asked in turn.
        studies = {**env, "LIBRARY_PAGE_CACHE": "off"}
        without = {**studies, "LIBRARY_RELATED_PRACTICE": "off"}
        with load.Server(port=port, env=studies), load.Server(port=port + 1, env=without):
            servers = {"case_study_with_related": port, "case_study_without_related": port + 1}
            for server_port in servers.values():
                load.warm(server_port, study_paths, clients)
            page.update(load.side_by_side(servers, study_paths, clients, per_client))
        # Every request rendered, with varied words, on two servers asked in turn: one counts
        # each search (the "What people look for" report), the other does not.
        rendered = {**env, "LIBRARY_PAGE_CACHE": "off"}
        uncounted = {**rendered, "BENCH_SEARCH_INSIGHT": "off"}
        with load.Server(port=port, env=rendered), load.Server(port=port + 1, env=uncounted):
            servers = {"library_searches_counted": port, "library_searches_not_counted": port + 1}
            for server_port in servers.values():
                load.hammer(server_port, paths[:20], 4, 5)  # warm every worker
            page.update(load.side_by_side(servers, paths, clients, per_client))
        self.step(f"pages under {clients} clients: {page}")
        site_load = mixed.site_load(port, env, mixed_seconds)
        for count in mixed.CLIENT_COUNTS:
            figures = site_load[f"clients_{count}"]
            self.step(
                f"mixed site load, {count} clients: {figures['requests_per_s']} requests/s, "
                f"{figures['errors']} errors"
            )

        p95 = lambda name: latency[name]["p95_ms"]  # noqa: E731
        return {
            "documents": len(documents),
            "query_latency_ms": latency,
            "bulk_indexing_documents_per_s": bulk,
            "page_latency_ms_under_concurrent_clients": page,
            "mixed_site_load": site_load,
            "stock_p95_over_library_layer_elasticsearch_p95": ratio(
                p95("wagtail_stock_facet_per_facet_opensearch"),
                p95("library_layer_elasticsearch"),
                1,
            ),
            "stock_p95_over_library_layer_opensearch_p95": ratio(
                p95("wagtail_stock_facet_per_facet_opensearch"), p95("library_layer_opensearch"), 1
            ),
            **{
                f"library_layer_p95_over_raw_request_p95_{kind}": ratio(
                    p95(f"library_layer_{kind}"), p95(f"raw_request_{kind}"), 2
                )
                for kind in engines
            },
            "library_page_rendered_p95_over_trivial_view_p95": ratio(
                page["library_page_rendered"]["p95_ms"], page["trivial_view"]["p95_ms"], 1
            ),
            "library_page_kept_p95_over_trivial_view_p95": ratio(
                page["library_page_kept"]["p95_ms"], page["trivial_view"]["p95_ms"], 1
            ),
            **{
                f"case_study_with_related_{cut}_over_without_{cut}": ratio(
                    page["case_study_with_related"][f"{cut}_ms"],
                    page["case_study_without_related"][f"{cut}_ms"],
                    2,
                )
                for cut in ("p50", "p95")
            },
            **{
                f"library_searches_counted_{cut}_over_not_counted_{cut}": ratio(
                    page["library_searches_counted"][f"{cut}_ms"],
                    page["library_searches_not_counted"][f"{cut}_ms"],
                    2,
                )
                for cut in ("p50", "p95")
            },
        }

    def print_table(self, report):
        sizes = list(report["sizes"])
        rows = [
            ("Query latency, hits + 5 facets (ms, p50 / p95)", None),
            (
                "  (a) library layer, Elasticsearch",
                ("query_latency_ms", "library_layer_elasticsearch"),
            ),
            (
                "      the same request sent raw, Elasticsearch",
                ("query_latency_ms", "raw_request_elasticsearch"),
            ),
            ("  (b) library layer, OpenSearch", ("query_latency_ms", "library_layer_opensearch")),
            (
                "      the same request sent raw, OpenSearch",
                ("query_latency_ms", "raw_request_opensearch"),
            ),
            (
                "  (c) Wagtail search().facet() per facet, OpenSearch",
                ("query_latency_ms", "wagtail_stock_facet_per_facet_opensearch"),
            ),
            (
                "  (d) database fallback, PostgreSQL",
                ("query_latency_ms", "database_fallback_postgresql"),
            ),
            ("Related practice of a case study, first view (ms, p50 / p95)", None),
            ("  (e) Elasticsearch", ("query_latency_ms", "related_practice_elasticsearch")),
            ("  (f) OpenSearch", ("query_latency_ms", "related_practice_opensearch")),
            (
                "  (g) database fallback, PostgreSQL",
                ("query_latency_ms", "related_practice_database_postgresql"),
            ),
            ("Counting a search for the insight report (ms, p50 / p95)", None),
            (
                "  (h) what counting adds to each library search's request",
                ("query_latency_ms", "search_counted_alone"),
            ),
            ("Bulk indexing (documents/s)", None),
            (
                "  library index, Elasticsearch, made and filled",
                ("bulk_indexing_documents_per_s", "library_elasticsearch"),
            ),
            (
                "      the whole rebuild (replays, one-segment merge, swap)",
                ("bulk_indexing_documents_per_s", "library_elasticsearch_whole_rebuild"),
            ),
            (
                "  library index, OpenSearch, made and filled",
                ("bulk_indexing_documents_per_s", "library_opensearch"),
            ),
            (
                "      the whole rebuild (replays, one-segment merge, swap)",
                ("bulk_indexing_documents_per_s", "library_opensearch_whole_rebuild"),
            ),
            (
                "  Wagtail stock index, OpenSearch",
                ("bulk_indexing_documents_per_s", "wagtail_stock_opensearch"),
            ),
            (
                "  database copy, PostgreSQL",
                ("bulk_indexing_documents_per_s", "database_copy_postgresql"),
            ),
            (
                f"Full page, {report['settings']['page_clients']} clients on gunicorn (ms, p50 / p95)",
                None,
            ),
            (
                "  /library/, every request rendered",
                ("page_latency_ms_under_concurrent_clients", "library_page_rendered"),
            ),
            (
                "  /library/, kept pages (until the library changes)",
                ("page_latency_ms_under_concurrent_clients", "library_page_kept"),
            ),
            ("  trivial Django view", ("page_latency_ms_under_concurrent_clients", "trivial_view")),
            (
                "  /library/feed/, filtered, every request rendered",
                ("page_latency_ms_under_concurrent_clients", "feed_rendered"),
            ),
            (
                "  case study page with related practice, rendered",
                ("page_latency_ms_under_concurrent_clients", "case_study_with_related"),
            ),
            (
                "  the same page without it",
                ("page_latency_ms_under_concurrent_clients", "case_study_without_related"),
            ),
            (
                "  /library/ rendered, each search counted",
                ("page_latency_ms_under_concurrent_clients", "library_searches_counted"),
            ),
            (
                "  the same requests, searches not counted",
                ("page_latency_ms_under_concurrent_clients", "library_searches_not_counted"),
            ),
        ]
        width = 56
        self.stdout.write(self.style.MIGRATE_HEADING("\nResults"))
        self.stdout.write(f"{'':{width}}" + "".join(f"{s + ' pages':>22}" for s in sizes))
        for label, key in rows:
            if key is None:
                self.stdout.write(label)
                continue
            cells = []
            for size in sizes:
                value = report["sizes"][size][key[0]][key[1]]
                cells.append(
                    f"{_ms(value['p50_ms']):>9} / {_ms(value['p95_ms']):<9}"
                    if isinstance(value, dict)
                    else f"{value:>22}"
                )
            self.stdout.write(f"{label:{width}}" + "".join(f"{c:>22}" for c in cells))
        self.stdout.write("Ratios")
        for name in (
            "stock_p95_over_library_layer_elasticsearch_p95",
            "stock_p95_over_library_layer_opensearch_p95",
            "library_layer_p95_over_raw_request_p95_elasticsearch",
            "library_layer_p95_over_raw_request_p95_opensearch",
            "library_page_rendered_p95_over_trivial_view_p95",
            "library_page_kept_p95_over_trivial_view_p95",
            "case_study_with_related_p50_over_without_p50",
            "case_study_with_related_p95_over_without_p95",
            "library_searches_counted_p50_over_not_counted_p50",
            "library_searches_counted_p95_over_not_counted_p95",
        ):
            label = "  " + name.replace("_", " ")
            self.stdout.write(
                f"{label:{width}}" + "".join(f"{str(report['sizes'][s][name]):>21}x" for s in sizes)
            )
        self.print_mixed_table(report)

    def print_mixed_table(self, report):
        """The mixed site load, one block per size and client count: each kind's share of the
        requests, its count, rate and latency (ms), and how many were answered by an error."""
        seconds = report["settings"]["mixed_seconds_per_client_count"]
        header = (
            f"  {'kind (share)':<28}{'requests':>9}{'req/s':>9}{'p50':>9}{'p95':>9}{'p99':>9}"
            f"{'errors':>8}"
        )
        for size, figures in report["sizes"].items():
            for count in mixed.CLIENT_COUNTS:
                run = figures["mixed_site_load"][f"clients_{count}"]
                self.stdout.write(
                    self.style.MIGRATE_HEADING(
                        f"\nMixed site load, {size} pages, {count} clients for {seconds} s"
                    )
                )
                self.stdout.write(header)
                for kind, row in run["kinds"].items():
                    label = f"{kind} ({mixed.WEIGHTS[kind]}%)"
                    self.stdout.write(
                        f"  {label:<28}{row['requests']:>9}{row['requests_per_s']:>9}"
                        f"{_ms(row['p50_ms']):>9}{_ms(row['p95_ms']):>9}{_ms(row['p99_ms']):>9}"
                        f"{row['errors']:>8}"
                    )
                self.stdout.write(
                    f"  {'all':<28}{run['requests']:>9}{run['requests_per_s']:>9}"
                    f"{'':>27}{run['errors']:>8}"
                )
