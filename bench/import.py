"""Benchmark: a generated 10,000-row activities .xlsx through the portal's own upload path.

    .venv/bin/python bench/import.py [--rows 10000] [--database-url postgres://...]

Uses its own database (default asoen_h8_bench, created and migrated if missing). A signed-in
secretariat user drives the /data/ pages with Django's test client, as a browser would:
upload (file kept, rows counted) → preview (every row read, validated and written in a
transaction rolled back) → confirm (read and validated again against the database as it is
now, written with one history entry per row, in one transaction). A file this large goes to
the Celery task `exchange.run_import`; here Celery runs it eagerly in this process, so the
worker's code is timed and its memory counted in one place.

Prints, for each step and in all: seconds and rows/s; the process's peak RSS (what a worker
needs); then a re-upload of the same file (every row unchanged), and the same rows written
with a raw `bulk_create` (no validation, no history) as the reference.
Targets: the confirmed import of 10,000 rows in ≤ 10 s including validation and history, and
peak memory ≤ 300 MB.
"""

import argparse
import datetime
import io
import os
import random
import resource
import sys
import time
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


def secretariat_client():
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from asoen_portal.access import SECRETARIAT

    user, _created = User.objects.get_or_create(username="bench-secretariat")
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT)[0])
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client, user


def timed(step, function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def upload_preview_confirm(client, content, rows):
    """The three clicks; returns the job and the seconds of each step."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from asoen_portal.models import ImportJob

    def upload():
        response = client.post(
            reverse("exchange:upload"),
            {"register": "activities", "file": SimpleUploadedFile("hoat-dong.xlsx", content)},
        )
        assert response.status_code == 302, response.status_code
        return ImportJob.objects.order_by("-pk").first()

    job, preview_s = timed("preview", upload)
    assert job.status == "previewed" and job.error_count == 0, (job.status, job.error)
    page, page_s = timed("page", lambda: client.get(reverse("exchange:job", args=[job.pk])))
    assert page.status_code == 200

    def confirm():
        client.post(reverse("exchange:job-confirm", args=[job.pk]))
        job.refresh_from_db()
        return job

    job, confirm_s = timed("confirm", confirm)
    assert job.status in ("done", "previewed"), (job.status, job.error)
    return job, preview_s, page_s, confirm_s


def export_edited(client):
    """The register exported through the portal's own page, every row's outcome edited (as a
    secretariat clerk would in Excel), saved again."""
    from django.urls import reverse
    from openpyxl import Workbook, load_workbook

    response = client.get(reverse("exchange:export", args=["activities"]), {"format": "xlsx"})
    assert response.status_code == 200, response.status_code
    exported = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hoạt động")
    outcome = None
    for number, values in enumerate(exported.iter_rows(values_only=True)):
        values = list(values)
        if number == 0:
            outcome = values.index("Kết quả")
        else:
            values[outcome] = f"{values[outcome] or ''} Đã cập nhật."
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
        "--database-url", default="postgres://postgres@127.0.0.1:5432/asoen_h8_bench"
    )
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.conf import settings
    from django.utils import translation

    from asoen_portal.celery import app
    from asoen_portal.exchange import services

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.MEDIA_ROOT = "/tmp/exchange-bench-var/media"
    app.conf.task_always_eager = True
    translation.activate("vi")
    from working_groups.models import Activity

    ensure_groups()
    rows = generate_rows(args.rows)
    content = build_xlsx(rows)
    say(f"file: {args.rows} rows, {len(content) / 1024 / 1024:.1f} MB .xlsx")
    say(f"(above {services.ASYNC_ROWS} rows: the Celery task, run eagerly in this process)")

    wipe()
    client, user = secretariat_client()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    job, preview_s, page_s, confirm_s = upload_preview_confirm(client, content, rows)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert job.status == "done" and job.new_count == args.rows, (job.status, job.new_count)
    assert Activity.objects.count() == args.rows
    assert Activity.history.filter(history_user=user).count() == args.rows
    n = args.rows
    say(
        f"upload + preview: {preview_s:.1f} s ({n / preview_s:,.0f} rows/s; "
        "read, validate, write, roll back)"
    )
    say(f"preview page:     {page_s:.2f} s")
    say(
        f"confirm:          {confirm_s:.1f} s ({n / confirm_s:,.0f} rows/s; "
        "read, validate, write, history)"
    )
    total = preview_s + page_s + confirm_s
    say(f"upload → preview → confirm: {total:.1f} s")
    say(f"peak RSS {rss_peak:.0f} MB (before the upload {rss_before:.0f} MB)")

    again, again_preview_s, _page_s, _confirm_s = upload_preview_confirm(client, content, rows)
    say(
        f"re-upload of the same file: preview {again_preview_s:.1f} s, "
        f"{again.unchanged_count} unchanged"
    )

    edited = export_edited(client)
    changed, changed_preview_s, _page_s, changed_confirm_s = upload_preview_confirm(
        client, edited, rows
    )
    assert changed.status == "done" and changed.update_count == n, (
        changed.status,
        changed.update_count,
    )
    say(
        f"export → edit every row's outcome → import: upload + preview {changed_preview_s:.1f} s, "
        f"confirm {changed_confirm_s:.1f} s ({n / changed_confirm_s:,.0f} rows/s; updates "
        "with history)"
    )

    wipe()
    started = time.perf_counter()
    raw_bulk_create(rows)
    reference = time.perf_counter() - started
    say(
        f"reference raw bulk_create: {reference:.1f} s, {n / reference:,.0f} rows/s "
        f"(no validation, no history)"
    )
    wipe()
    ok = confirm_s <= 10 and rss_peak <= 300
    say("targets (confirm ≤ 10 s, peak RSS ≤ 300 MB):", "met" if ok else "NOT met")
    updates_ok = changed_confirm_s <= 10
    say("the same target for the edited re-import:", "met" if updates_ok else "NOT met")
    return 0 if ok and updates_ok else 1


if __name__ == "__main__":
    sys.exit(main())
