"""Benchmark of the portal's busiest pages, served by gunicorn on PostgreSQL.

    .venv/bin/python bench/pages.py [--port 8110] [--workers 3] [--requests 20]

Uses its own database (asoen_bench, created if missing) filled once with the seed and
`generate_demo_data --activities 50000 --meetings 2000`. For the dashboard, the activity list
(unfiltered, year + group, text search), a working-group page and, as the reference, Django
admin's activity changelist, it prints the SQL queries per request (counted in-process) and the
median and p95 latency at 16 concurrent clients, each sending a bounded number of requests.
Targets: p95 <= 150 ms, and every page at least as fast as the admin changelist.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "asoen_bench"
ACTIVITIES = 50_000
MEETINGS = 2_000
CLIENTS = 16
BENCH_USER = "bench-secretariat"
VAR_DIR = "/tmp/asoen-bench-pages-var"

PAGES = [
    ("Trang chủ (dashboard)", "/"),
    ("Hoạt động", "/activities/"),
    ("Hoạt động: năm + nhóm", "/activities/?year=2025&group=AWGNCB"),
    ("Hoạt động: tìm 'xuan thuy'", "/activities/?q=xuan+thuy"),
    ("Nhóm công tác AWGNCB", "/working-groups/AWGNCB/"),
    ("Admin: activity changelist", "/admin/working_groups/activity/"),
]


def setup_django():
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
    os.environ["ASOEN_VAR_DIR"] = VAR_DIR
    os.environ["DEBUG"] = "false"
    os.environ["SECRET_KEY"] = "bench-only-secret-key-not-for-production"
    os.environ["SECURE_COOKIES"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["DJANGO_SETTINGS_MODULE"] = "asoen_portal.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare():
    """Create and fill the database once; later runs reuse it."""
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        if not c.execute("select 1 from pg_database where datname = %s", [DB_NAME]).fetchone():
            c.execute(f'create database "{DB_NAME}"')
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from meetings.models import Meeting
    from working_groups.models import Activity

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_seed", verbosity=0, stdout=quiet)
        missing_activities = max(0, ACTIVITIES - Activity.objects.count())
        missing_meetings = max(0, MEETINGS - Meeting.objects.count())
        if missing_activities or missing_meetings:
            print(f"Generating {missing_activities} activities, {missing_meetings} meetings…")
            call_command(
                "generate_demo_data",
                activities=missing_activities,
                meetings=missing_meetings,
                stdout=quiet,
            )
        call_command("collectstatic", verbosity=0, interactive=False)
    call_command(
        "shell", command="from django.db import connection; connection.cursor().execute('ANALYZE')"
    )
    # A superuser: sees every page, the admin included, as the secretariat does.
    user, _ = get_user_model().objects.get_or_create(username=BENCH_USER)
    user.is_staff = user.is_superuser = True
    user.save()
    print(f"Data: {Activity.objects.count()} activities, {Meeting.objects.count()} meetings.")
    return user


def count_queries(user):
    """SQL queries per page, measured in-process with the test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    counts = {}
    for _label, url in PAGES:
        client.get(url)  # warm caches (content types, templates) as a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[url] = len(captured)
    return counts, client.cookies["sessionid"].value


def start_server(port, workers):
    env = dict(os.environ)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "asoen_portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz/")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def load(port, url, session, requests_per_client):
    """CLIENTS threads, each with its own keep-alive connection, `requests_per_client` each."""
    timings, errors = [], []
    lock = threading.Lock()
    headers = {"Cookie": f"sessionid={session}", "Accept-Language": "vi"}

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(requests_per_client):
            started = time.perf_counter()
            connection.request("GET", url, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 200:
                with lock:
                    errors.append(response.status)
        connection.close()
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{url}: HTTP {sorted(set(errors))}")
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8110)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20, help="per client and page")
    args = parser.parse_args()

    user = prepare()
    counts, session = count_queries(user)
    server = start_server(args.port, args.workers)
    try:
        results = []
        for label, url in PAGES:
            load(args.port, url, session, 2)  # warm every worker
            median, p95 = load(args.port, url, session, args.requests)
            results.append((label, url, counts[url], median * 1000, p95 * 1000))
    finally:
        server.terminate()
        server.wait(timeout=10)

    admin_p95 = results[-1][4]
    print(
        f"\n{CLIENTS} concurrent clients × {args.requests} requests per page, "
        f"gunicorn {args.workers} workers, PostgreSQL\n"
    )
    print(f"{'page':32} {'queries':>7} {'median ms':>10} {'p95 ms':>8}  targets")
    for label, _url, queries, median, p95 in results:
        verdict = "ok" if p95 <= 150 and p95 <= admin_p95 else "MISSED"
        print(f"{label:32} {queries:>7} {median:>10.1f} {p95:>8.1f}  {verdict}")
    print("\nTargets: p95 <= 150 ms and p95 no higher than the admin changelist's.")


if __name__ == "__main__":
    main()
