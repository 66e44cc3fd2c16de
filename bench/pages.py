"""Benchmark of every page a user opens daily, against two floors served by the same gunicorn.

    .venv/bin/python bench/pages.py [--port 14110] [--workers 3] [--requests 20]
    .venv/bin/python bench/pages.py --profile /tasks/      # cProfile of one page, in-process

Uses its own database (asoen_h14_pages, created if missing), filled once with the seed and
`generate_demo_data` up to 50,000 activities, 2,000 meetings and 1,000 tasks. gunicorn runs with
bench.settings, whose urlconf adds two floors to the portal's URLs:

- raw: a login-required view that returns a word (session, user, middleware);
- layout: a login-required page that renders base.html and nothing else.

For each page it prints the SQL queries and CPU ms per request (in-process), the median and p95
latency and the requests per second at 16 concurrent clients (each sending a bounded number of
requests over its own keep-alive connection), and the median's ratio to the layout floor's.
The pages take turns in rounds, so a burst of load from elsewhere falls on all of them alike:
the machine is shared and absolute times vary; the ratio, measured in the same run, is the
figure to compare. Targets: every portal page's median <= 3x the layout floor, p95 <= 150 ms.
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
DB_NAME = "asoen_h14_pages"
ACTIVITIES = 50_000
MEETINGS = 2_000
TASKS = 1_000
CLIENTS = 16
BENCH_USER = "bench-secretariat"
VAR_DIR = "/tmp/asoen-h14-bench-pages-var"
RAW, LAYOUT, ADMIN = "/_bench/raw/", "/_bench/layout/", "/admin/working_groups/activity/"
TARGET_RATIO = 3.0
TARGET_P95_MS = 150


def setup_django():
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
    os.environ["ASOEN_VAR_DIR"] = VAR_DIR
    os.environ["DEBUG"] = "false"
    os.environ["SECRET_KEY"] = "bench-only-secret-key-not-for-production"
    os.environ["SECURE_COOKIES"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
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
    from django.db import connection

    from meetings.models import Meeting
    from working_groups.models import Activity, Task

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_seed", verbosity=0, stdout=quiet)
        missing = {
            "activities": max(0, ACTIVITIES - Activity.objects.count()),
            "meetings": max(0, MEETINGS - Meeting.objects.count()),
            "tasks": max(0, TASKS - Task.objects.count()),
        }
        if any(missing.values()):
            print("Generating", ", ".join(f"{n} {kind}" for kind, n in missing.items()), "…")
            call_command("generate_demo_data", **missing, stdout=quiet)
        call_command("collectstatic", verbosity=0, interactive=False)
    connection.cursor().execute("ANALYZE")
    # A superuser: sees every page, the admin included, and may change every task, so the
    # task list shows its status form on every row (the heaviest case).
    user, _ = get_user_model().objects.get_or_create(username=BENCH_USER)
    user.is_staff = user.is_superuser = True
    user.save()
    print(
        f"Data: {Activity.objects.count()} activities, {Meeting.objects.count()} meetings, "
        f"{Task.objects.count()} tasks."
    )
    return user


def pages():
    """(label, url) of every measured page; record ids are looked up in the data."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    from meetings.models import Meeting
    from working_groups.models import Task

    task = Task.objects.annotate(n=Count("updates")).order_by("-n", "id").first()
    busiest = (
        Meeting.objects.filter(start_date__isnull=False)
        .annotate(month_start=TruncMonth("start_date"))
        .values("month_start")
        .annotate(n=Count("id"))
        .order_by("-n", "month_start")
        .first()["month_start"]
    )
    return [
        ("raw floor", RAW),
        ("layout floor", LAYOUT),
        ("dashboard", "/"),
        ("activities", "/activities/"),
        ("activities year + group", "/activities/?year=2025&group=AWGNCB"),
        ("activities search", "/activities/?q=xuan+thuy"),
        ("tasks", "/tasks/"),
        ("task detail", f"/tasks/{task.pk}/"),
        ("meetings", "/meetings/"),
        (
            f"calendar {busiest:%m/%Y}",
            f"/meetings/calendar/?year={busiest.year}&month={busiest.month}",
        ),
        ("group AWGNCB", "/working-groups/AWGNCB/"),
        ("report 2025", "/reports/2025/"),
        ("import page", "/data/"),
        ("admin changelist", ADMIN),
    ]


def signed_in_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def count_queries(client, measured, repeat=15):
    """SQL queries and the median CPU ms per page, measured in-process with the test client.

    CPU time (this process's, not the wall clock) hardly moves with the load others put on the
    machine: it is the steadier measure of the work a page does in Python."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, cpu = {}, {}
    for _label, url in measured:
        client.get(url)  # warm caches (content types, templates) as a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[url] = len(captured)
        spent = []
        for _ in range(repeat):
            started = time.process_time()
            client.get(url)
            spent.append(time.process_time() - started)
        cpu[url] = statistics.median(spent) * 1000
    return counts, cpu


def profile(client, url, requests=30, top=40):
    """cProfile of `requests` in-process requests of one page, sorted by cumulative time."""
    import cProfile
    import pstats

    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def start_server(port, workers):
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
        env=dict(os.environ),
    )
    # Three workers importing Django on a loaded 2-core machine can take over 30 s.
    deadline = time.monotonic() + 120
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
    """CLIENTS threads, each with its own keep-alive connection, `requests_per_client` each.

    Returns (every request's seconds, wall-clock seconds of the whole batch)."""
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
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{url}: HTTP {sorted(set(errors))}")
    return timings, elapsed


def measure(port, measured, session, requests_per_client, rounds):
    """{url: (median s, p95 s, requests/s)}, the pages taking turns over `rounds` rounds.

    The machine is shared: a page measured in one block would carry whatever load the others
    put on it at that moment. Taking turns spreads that load over every page alike, so the
    ratios to the floors hold even when absolute times drift."""
    timings = {url: [] for _label, url in measured}
    elapsed = dict.fromkeys(timings, 0.0)
    for _label, url in measured:
        load(port, url, session, 2)  # warm every worker
    per_round = max(1, requests_per_client // rounds)
    for _round in range(rounds):
        for _label, url in measured:
            batch, seconds = load(port, url, session, per_round)
            timings[url].extend(batch)
            elapsed[url] += seconds
    results = {}
    for url, batch in timings.items():
        batch.sort()
        p95 = batch[int(0.95 * (len(batch) - 1))]
        results[url] = (statistics.median(batch), p95, len(batch) / elapsed[url])
    return results


def verdict(url, median, p95, layout_median):
    if url in (RAW, LAYOUT):
        return "floor"
    if url == ADMIN:
        return "reference"
    ratio_ok = median <= TARGET_RATIO * layout_median
    return "ok" if ratio_ok and p95 * 1000 <= TARGET_P95_MS else "MISSED"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=14110)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20, help="per client and page")
    parser.add_argument("--rounds", type=int, default=4, help="turns the pages take")
    parser.add_argument("--profile", metavar="URL", help="profile one page instead")
    args = parser.parse_args()

    user = prepare()
    client = signed_in_client(user)
    if args.profile:
        profile(client, args.profile)
        return
    measured = pages()
    counts, cpu = count_queries(client, measured)
    session = client.cookies["sessionid"].value
    server = start_server(args.port, args.workers)
    try:
        timed = measure(args.port, measured, session, args.requests, args.rounds)
    finally:
        # gunicorn finishes its workers' requests first; on a loaded machine that took more
        # than 10 s and the whole run's figures were lost with the timeout.
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    results = [
        (label, url, counts[url], timed[url][0] * 1000, timed[url][1] * 1000, timed[url][2])
        for label, url in measured
    ]
    layout, layout_cpu = timed[LAYOUT][0] * 1000, cpu[LAYOUT]
    print(
        f"\n{CLIENTS} concurrent clients × {args.requests} requests per page in {args.rounds} "
        f"rounds, gunicorn {args.workers} workers, PostgreSQL\n"
    )
    print(
        f"{'page':26} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'req/s':>7} "
        f"{'× layout':>9}  {'CPU ms':>7} {'× layout':>9}  verdict"
    )
    for label, url, queries, median, p95, rate in results:
        print(
            f"{label:26} {queries:>7} {median:>10.1f} {p95:>8.1f} {rate:>7.1f} "
            f"{median / layout:>9.1f}  {cpu[url]:>7.2f} {cpu[url] / layout_cpu:>9.1f}  "
            f"{verdict(url, median, p95, layout)}"
        )
    print(
        f"\nTargets for portal pages: median <= {TARGET_RATIO:g} × the layout floor's, "
        f"p95 <= {TARGET_P95_MS} ms. The admin changelist is a reference, not a target.\n"
        "CPU ms: median in-process CPU time of one request (test client, no server)."
    )


if __name__ == "__main__":
    main()
