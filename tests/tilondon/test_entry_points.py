"""The WSGI entry point serves production settings unless told otherwise."""

import os
import subprocess
import sys

from tests.search.processes import ROOT

SHOW_SETTINGS = "import tilondon.wsgi; from django.conf import settings; print(settings.DEBUG)"


def load_wsgi(**environment):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.pop("DJANGO_SECRET_KEY", None)
    env.update(environment)
    return subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_settings_the_wsgi_application_refuses_to_start_without_a_secret():
    started = load_wsgi()
    assert started.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in started.stderr


def test_without_settings_the_wsgi_application_runs_production_not_debug():
    started = load_wsgi(DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="sqlite:////tmp/none.sqlite3")
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "False"
