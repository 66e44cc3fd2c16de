"""Fault drills with real processes: a Redis restart under a running worker, a PostgreSQL
connection lost during a render, a worker killed mid-render."""

import io
import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from asoen_portal.demo import generate_demo_data
from reports.models import AnnualReport, ReportRender
from tests.workers import start_celery_worker, wait_for_status

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# This suite's own Redis, in issue 10's port range, so restarting it disturbs no one.
DRILL_REDIS_PORT = 10101
DRILL_REDIS_URL = f"redis://127.0.0.1:{DRILL_REDIS_PORT}/0"


# The options docker-compose.yml's worker runs with (prefork, gossip, mingle, heartbeat).
PRODUCTION_WORKER = ["--loglevel=INFO", "--concurrency=2"]


def _start_redis(folder):
    server = shutil.which("redis-server")
    if not server:
        pytest.skip("needs redis-server")
    process = subprocess.Popen(
        [
            server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(DRILL_REDIS_PORT),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ping = subprocess.run(
            ["redis-cli", "-p", str(DRILL_REDIS_PORT), "ping"], capture_output=True, text=True
        )
        if ping.stdout.strip() == "PONG":
            return process
        time.sleep(0.1)
    process.kill()
    raise AssertionError("drill redis-server did not start")


@contextmanager
def drill_redis(folder):
    holder = {"process": _start_redis(folder)}

    def restart():
        holder["process"].terminate()
        holder["process"].wait(timeout=10)
        time.sleep(1)
        holder["process"] = _start_redis(folder)

    try:
        yield restart
    finally:
        holder["process"].terminate()
        holder["process"].wait(timeout=10)


def _enqueue_on(url, render_id):
    from asoen_portal.celery import app
    from reports.tasks import render_annual_report

    with app.connection_for_write(url) as conn:
        render_annual_report.apply_async(args=[render_id], connection=conn)


def _big_year():
    """The seed plus 1,500 activities of 2025: a render that lasts long enough to be hit."""
    call_command("load_seed", stdout=io.StringIO())
    generate_demo_data(activities=1500, year=2025)
    return AnnualReport.objects.get(year=2025)


def _pdf_files(media_root):
    return sorted(p.name for p in Path(media_root, "reports").rglob("*") if p.is_file())


def test_worker_survives_a_redis_restart_during_a_render(settings, tmp_path):
    report = _big_year()
    with (
        drill_redis(tmp_path) as restart_redis,
        start_celery_worker(media_root=settings.MEDIA_ROOT, redis_url=DRILL_REDIS_URL) as worker,
    ):
        first = ReportRender.objects.create(report=report)
        _enqueue_on(DRILL_REDIS_URL, first.pk)
        wait_for_status(first, ("running", "done", "failed"))
        restart_redis()
        first = wait_for_status(first, ("done", "failed"))
        time.sleep(3)  # the moment the worker would exit after the broker came back
        assert worker.poll() is None, "the worker exited after the Redis restart"

        second = ReportRender.objects.create(report=report, language="en")
        _enqueue_on(DRILL_REDIS_URL, second.pk)
        second = wait_for_status(second, ("done", "failed"))

    assert (first.status, second.status) == ("done", "done")


def _terminate_worker_connections():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.rowcount


def test_database_connection_lost_during_a_render_leaves_no_orphan_file(
    settings, leadership_client
):
    _big_year()
    with start_celery_worker(
        media_root=settings.MEDIA_ROOT, env={"REPORT_RENDER_HEARTBEAT_SECONDS": "1"}
    ):
        leadership_client.post(reverse("reports:render_request", args=[2025]), {"language": "vi"})
        job = wait_for_status(ReportRender.objects.get(), ("running", "done", "failed"))
        assert job.status == "running"
        assert _terminate_worker_connections() >= 1  # as if PostgreSQL restarted
        job = wait_for_status(job, ("done", "failed"))

    assert (job.status, job.error) == ("done", "")
    assert _pdf_files(settings.MEDIA_ROOT) == [Path(job.file.name).name]


@override_settings(REPORT_RENDER_LEASE_SECONDS=4)
def test_a_killed_worker_shows_the_job_interrupted_with_a_retry(settings, leadership_client):
    _big_year()
    with start_celery_worker(
        media_root=settings.MEDIA_ROOT, env={"REPORT_RENDER_HEARTBEAT_SECONDS": "1"}
    ) as worker:
        leadership_client.post(reverse("reports:render_request", args=[2025]), {"language": "vi"})
        job = wait_for_status(ReportRender.objects.get(), ("running", "done", "failed"))
        assert job.status == "running"
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)

        status_url = reverse("reports:render_status", args=[job.pk])
        deadline = time.monotonic() + 30
        html = ""
        while time.monotonic() < deadline and "Thử lại" not in html:
            html = leadership_client.get(status_url).content.decode()
            time.sleep(1)

    job.refresh_from_db()
    assert job.status == "failed"
    assert "bị gián đoạn giữa chừng" in job.error
    assert reverse("reports:render_retry", args=[job.pk]) in html
    assert _pdf_files(settings.MEDIA_ROOT) == []
