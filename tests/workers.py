"""A real Celery worker in a subprocess, for the end-to-end tests of the task paths: it reads
the test database (PostgreSQL, so the rows are shared) and the broker on REDIS_URL."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

WAIT_SECONDS = 90


def _database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@contextmanager
def start_celery_worker(*, media_root, include=(), redis_url=None, env=None, options=None):
    """Run `celery worker` (solo pool) on the test database until the block ends; skip the
    test where there is no Redis or no PostgreSQL. `include` names task modules to register
    even where celery.py does not autodiscover them; `redis_url` points the worker at
    another broker (a test's own redis-server), `env` adds variables, `options` replaces the
    default fast-start options (e.g. the production worker's)."""
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and PostgreSQL, so the worker process sees the test rows")
    from asoen_portal.celery import app

    if redis_url is None:
        app.control.purge()  # messages left by earlier tests (their rows are gone) go first
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url or settings.REDIS_URL,
        "MEDIA_ROOT": str(media_root),
        # libpq's name for the worker's sessions, so one left open is told from the tests' own.
        "PGAPPNAME": "celery worker (tests)",
        **(env or {}),
    }
    command = [str(Path(sys.executable).with_name("celery")), "-A", "asoen_portal", "worker"]
    for module in include:
        command += ["--include", module]
    command += options or [
        "--pool=solo",
        "--loglevel=WARNING",
        "--without-mingle",
        "--without-gossip",
        "--without-heartbeat",
    ]
    process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for_status(job, statuses):
    """Reload `job` until its status is one of `statuses`; fail after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in statuses:
            return job
        time.sleep(0.5)
    raise AssertionError(f"job still {job.status} after {WAIT_SECONDS}s")
