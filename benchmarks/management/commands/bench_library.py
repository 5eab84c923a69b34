"""Benchmark the library: build synthetic corpora, index them, time the alternatives side by side.

Run through `make bench`, which starts the services and a fresh database. Sizes, query count
and load can be lowered for a quick run with BENCH_SIZES, BENCH_QUERIES, BENCH_CLIENTS and
BENCH_REQUESTS_PER_CLIENT; BENCH_PORT moves the benchmark's own web server off 8765.
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

from benchmarks import load, measure
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


class Command(BaseCommand):
    help = "Time the library's query layer, indexing and page against the alternatives."

    def handle(self, *args, **options):
        if not hasattr(settings, "BENCH_ENGINE_URLS"):
            raise CommandError("Run with DJANGO_SETTINGS_MODULE=benchmarks.settings.")
        sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,20000").split(",") if s]
        query_count = _env_int("BENCH_QUERIES", 200)
        clients = _env_int("BENCH_CLIENTS", 16)
        per_client = _env_int("BENCH_REQUESTS_PER_CLIENT", 25)
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
            },
            "sizes": {},
        }
        builder = CorpusBuilder()
        for size in sizes:
            self.stdout.write(self.style.MIGRATE_HEADING(f"\nCorpus of {size} library pages"))
            report["sizes"][str(size)] = self.run_size(
                builder, size, engines, query_count, clients, per_client
            )
        self.print_table(report)
        out = Path(settings.VAR_DIR) / "bench" / "library.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2) + "\n")
        self.stdout.write(f"\nFigures written to {out}")

    def step(self, text):
        self.stdout.write(f"  {text}")
        self.stdout.flush()

    def run_size(self, builder, size, engines, query_count, clients, per_client):
        start = time.perf_counter()
        with tqdm(total=size, initial=builder.number, desc="  pages", file=sys.stderr) as bar:
            added = builder.grow_to(size, on_progress=lambda n: bar.update(n - bar.n))
        self.step(f"added {added} pages in {time.perf_counter() - start:.0f} s")

        bulk = {}
        start = time.perf_counter()
        total = rebuild_records()
        bulk["database_copy_postgresql"] = round(total / (time.perf_counter() - start))
        position, documents = snapshot_for_rebuild()
        for kind, engine in engines.items():
            start = time.perf_counter()
            index.rebuild(
                engine, documents, lambda: changes_since(position, timezone.now(), documents)
            )
            bulk[f"library_{kind}"] = round(len(documents) / (time.perf_counter() - start))
            self.step(f"{kind}: {bulk[f'library_{kind}']} documents/s")
        start = time.perf_counter()
        call_command("update_index", backend_name="stock", chunk_size=1000, verbosity=0)
        pages_indexed = builder.page_count()
        bulk["wagtail_stock_opensearch"] = round(pages_indexed / (time.perf_counter() - start))
        self.step(f"Wagtail stock index on OpenSearch: {bulk['wagtail_stock_opensearch']} pages/s")

        queries = measure.query_mix(query_count)
        latency = {}
        for kind, engine in engines.items():
            latency[f"library_layer_{kind}"] = measure.library_layer(engine, queries)
            self.step(f"library layer on {kind}: {latency[f'library_layer_{kind}']}")
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
        # The case study pages of the sample, each shown once by every client before timing
        # (so every worker keeps its answer), with the related practice section and without.
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
        without = {**env, "LIBRARY_RELATED_PRACTICE": "off"}
        with load.Server(port=port, env=env), load.Server(port=port + 1, env=without):
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

        p95 = lambda name: latency[name]["p95_ms"]  # noqa: E731
        return {
            "documents": len(documents),
            "query_latency_ms": latency,
            "bulk_indexing_documents_per_s": bulk,
            "page_latency_ms_under_concurrent_clients": page,
            "stock_p95_over_library_layer_elasticsearch_p95": round(
                p95("wagtail_stock_facet_per_facet_opensearch")
                / p95("library_layer_elasticsearch"),
                1,
            ),
            "stock_p95_over_library_layer_opensearch_p95": round(
                p95("wagtail_stock_facet_per_facet_opensearch") / p95("library_layer_opensearch"),
                1,
            ),
            "library_page_rendered_p95_over_trivial_view_p95": round(
                page["library_page_rendered"]["p95_ms"] / page["trivial_view"]["p95_ms"], 1
            ),
            "library_page_kept_p95_over_trivial_view_p95": round(
                page["library_page_kept"]["p95_ms"] / page["trivial_view"]["p95_ms"], 1
            ),
            **{
                f"case_study_with_related_{cut}_over_without_{cut}": round(
                    page["case_study_with_related"][f"{cut}_ms"]
                    / page["case_study_without_related"][f"{cut}_ms"],
                    2,
                )
                for cut in ("p50", "p95")
            },
            **{
                f"library_searches_counted_{cut}_over_not_counted_{cut}": round(
                    page["library_searches_counted"][f"{cut}_ms"]
                    / page["library_searches_not_counted"][f"{cut}_ms"],
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
            ("  (b) library layer, OpenSearch", ("query_latency_ms", "library_layer_opensearch")),
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
                "  (h) the upsert each library search adds to its request",
                ("query_latency_ms", "search_counted_alone"),
            ),
            ("Bulk indexing (documents/s)", None),
            (
                "  library index, Elasticsearch",
                ("bulk_indexing_documents_per_s", "library_elasticsearch"),
            ),
            (
                "  library index, OpenSearch",
                ("bulk_indexing_documents_per_s", "library_opensearch"),
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
                "  case study page with related practice",
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
                    f"{value['p50_ms']:>9.1f} / {value['p95_ms']:<9.1f}"
                    if isinstance(value, dict)
                    else f"{value:>22}"
                )
            self.stdout.write(f"{label:{width}}" + "".join(f"{c:>22}" for c in cells))
        self.stdout.write("Ratios")
        for name in (
            "stock_p95_over_library_layer_elasticsearch_p95",
            "stock_p95_over_library_layer_opensearch_p95",
            "library_page_rendered_p95_over_trivial_view_p95",
            "library_page_kept_p95_over_trivial_view_p95",
            "case_study_with_related_p50_over_without_p50",
            "case_study_with_related_p95_over_without_p95",
            "library_searches_counted_p50_over_not_counted_p50",
            "library_searches_counted_p95_over_not_counted_p95",
        ):
            label = "  " + name.replace("_", " ")
            self.stdout.write(
                f"{label:{width}}" + "".join(f"{report['sizes'][s][name]:>21}x" for s in sizes)
            )
