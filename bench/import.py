"""Benchmark: import a generated 10,000-row activities .xlsx on PostgreSQL.

    .venv/bin/python bench/import.py [--rows 10000] [--database-url postgres://...]

Uses its own database (default asoen_bench_x, created and migrated if missing). Prints, for
the full path the portal runs (read the file, validate every row, write rows and history in
one transaction): seconds, rows/s, peak Python memory (tracemalloc, measured on a second run
because tracing slows Python down) and the process's peak RSS; then the same rows written
with a raw `bulk_create` (no validation, no history) as the reference.
Targets: 10,000 rows in under 20 s, peak memory under 500 MB.
"""

import argparse
import datetime
import io
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ["AWGESC", "AWGCW", "AWGWRM", "AWGCC", "AWGCME", "AWGEE", "AWGNCB"]
KINDS = ["Tham dự hội nghị", "Chủ trì tổ chức hội nghị", "Góp ý văn kiện", "Điều phối, tổ chức"]
TOPICS = [
    "bảo tồn đa dạng sinh học vùng Mê Kông",
    "quản lý chất thải nhựa đại dương",
    "thị trường các-bon và hạn ngạch phát thải",
    "kiểm kê khí nhà kính và NDC 3.0",
    "thành phố bền vững về môi trường",
    "giáo dục môi trường trong trường học",
    "quản lý tổng hợp lưu vực sông",
    "phòng chống cháy rừng và khói mù xuyên biên giới",
]
PLACES = [
    ("Hà Nội", "VN"),
    ("Kuala Lumpur", "MY"),
    ("Jakarta", "ID"),
    ("Viêng Chăn", "LA"),
    ("Băng Cốc", "TH"),
    ("Manila", "PH"),
    ("Singapore", "SG"),
    ("Quảng Ninh", "VN"),
]
HEADERS = [
    "Nhóm công tác",
    "Loại hoạt động",
    "Tiêu đề",
    "Từ ngày",
    "Đến ngày",
    "Địa điểm",
    "Quốc gia",
    "Nội dung",
    "Kết quả",
]


def say(*args):
    print(*args, flush=True)


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asoen_portal.settings")
    os.environ.setdefault("ASOEN_VAR_DIR", "/tmp/exchange-bench-var")
    sys.path.insert(0, str(ROOT))
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def ensure_groups():
    from working_groups.models import WorkingGroup

    for order, code in enumerate(GROUPS):
        WorkingGroup.objects.get_or_create(
            code=code, defaults={"name": f"Nhóm công tác {code}", "name_en": code, "order": order}
        )


def generate_rows(count, seed=2025):
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        year = 2016 + n % 11
        start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(360))
        place, country = rng.choice(PLACES)
        topic = rng.choice(TOPICS)
        rows.append(
            [
                rng.choice(GROUPS),
                rng.choice(KINDS),
                f"Hoạt động số {n + 1}: hợp tác ASEAN về {topic}",
                start.strftime("%d/%m/%Y"),
                (start + datetime.timedelta(days=rng.randrange(4))).strftime("%d/%m/%Y"),
                place,
                country,
                f"Đoàn Việt Nam trao đổi kinh nghiệm về {topic}, thống nhất các bước tiếp theo.",
                "Thông qua báo cáo và kế hoạch hành động giai đoạn tới.",
            ]
        )
    return rows


def build_xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hoạt động")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def wipe():
    from working_groups.models import Activity

    Activity.history.all().delete()
    Activity.objects.all().delete()


def portal_import(content):
    from asoen_portal.exchange.importing import import_sheet
    from asoen_portal.exchange.reading import read_upload

    sheet = read_upload(io.BytesIO(content), "bench.xlsx")
    return import_sheet(register="activities", sheet=sheet, user=None, confirm=True)


def raw_bulk_create(rows):
    from working_groups.models import Activity, WorkingGroup

    groups = {g.code: g for g in WorkingGroup.objects.all()}
    kinds = {str(label): code for code, label in Activity.Kind.choices}
    objs = []
    for row in rows:
        start = datetime.datetime.strptime(row[3], "%d/%m/%Y").date()
        end = datetime.datetime.strptime(row[4], "%d/%m/%Y").date()
        activity = Activity(
            working_group=groups[row[0]],
            kind=kinds[row[1]],
            title=row[2],
            start_date=start,
            end_date=end,
            city=row[5],
            country=row[6],
            description=row[7],
            outcome=row[8],
        )
        activity.refresh_search_text()
        objs.append(activity)
    Activity.objects.bulk_create(objs, batch_size=1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/asoen_bench_x"
    )
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.utils import translation

    translation.activate("vi")
    from working_groups.models import Activity

    ensure_groups()
    rows = generate_rows(args.rows)
    content = build_xlsx(rows)
    say(f"file: {args.rows} rows, {len(content) / 1024 / 1024:.1f} MB .xlsx")

    wipe()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    summary = portal_import(content)
    elapsed = time.perf_counter() - started
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = summary["counts"]
    assert counts["new"] == args.rows and counts["error"] == 0, counts
    assert Activity.objects.count() == args.rows
    assert Activity.history.count() == args.rows
    say(
        f"portal import: {elapsed:.1f} s, {args.rows / elapsed:,.0f} rows/s "
        f"(read + validate + write + history, one transaction)"
    )
    say(f"  peak RSS {rss_peak:.0f} MB (before import {rss_before:.0f} MB)")

    started = time.perf_counter()
    again = portal_import(content)
    say(
        f"re-import of the same file: {time.perf_counter() - started:.1f} s, "
        f"{again['counts']['unchanged']} unchanged"
    )

    wipe()
    tracemalloc.start()
    portal_import(content)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    say(f"  peak Python memory (tracemalloc) {peak / 1024 / 1024:.0f} MB")

    wipe()
    started = time.perf_counter()
    raw_bulk_create(rows)
    reference = time.perf_counter() - started
    say(
        f"reference raw bulk_create: {reference:.1f} s, {args.rows / reference:,.0f} rows/s "
        f"(no validation, no history)"
    )
    wipe()
    ok = elapsed < 20 and rss_peak < 500
    say("targets (< 20 s, < 500 MB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
