"""The benchmarks app. `BENCH_SEARCH_INSIGHT=off` stops the site counting library searches in
this process, so the benchmark can time the library page with and without the count."""

import os

from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "benchmarks"

    def ready(self):
        if os.environ.get("BENCH_SEARCH_INSIGHT") == "off":
            from insight.recording import RECEIVER
            from search.searched import library_searched

            library_searched.disconnect(dispatch_uid=RECEIVER)
