"""Benchmark of the annual report: gathering + HTML vs WeasyPrint, pages, peak memory, and
the Word edition (python-docx) from the same document tree.

    .venv/bin/python bench/report.py

Uses its own PostgreSQL database (asoen_bench_r, or $BENCH_DB_NAME; created if missing): the
2025 seed report,
and a year with 2,000 generated activities (BENCH_YEAR, via generate_demo_data) whose report
reuses the 2025 narratives. Each year is measured in a fresh subprocess so peak RSS is its own.
Targets: seed year < 3 s; 2,000 activities < 30 s and < 600 MB; gathering + HTML < 1/4.
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = os.environ.get("BENCH_DB_NAME", "asoen_bench_r")
BENCH_YEAR = 2030
ACTIVITIES = 2000


def setup_django():
    os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
    os.environ.setdefault("ASOEN_VAR_DIR", "/tmp/reports-var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asoen_portal.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare():
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        if not c.execute("select 1 from pg_database where datname = %s", [DB_NAME]).fetchone():
            c.execute(f'create database "{DB_NAME}"')
    setup_django()
    from django.core.management import call_command

    from reports.models import AnnualReport, ReportNarrative
    from working_groups.models import Activity

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_seed", verbosity=0, stdout=quiet)
        have = Activity.objects.filter(start_date__year=BENCH_YEAR).count()
        if have < ACTIVITIES:
            call_command(
                "generate_demo_data", activities=ACTIVITIES - have, year=BENCH_YEAR, stdout=quiet
            )
    seed = AnnualReport.objects.get(year=2025)
    report, created = AnnualReport.objects.get_or_create(
        year=BENCH_YEAR, defaults={"signer_name": seed.signer_name, "recipients": seed.recipients}
    )
    if created:
        for narrative in seed.narratives.all():
            ReportNarrative.objects.create(
                report=report,
                language=narrative.language,
                section=narrative.section,
                text=narrative.text,
            )


def measure(year, language):
    setup_django()
    import docx  # noqa: F401  (import cost is start-up, not rendering)
    import weasyprint  # noqa: F401
    from pypdf import PdfReader

    from reports.editions import build_document
    from reports.models import AnnualReport
    from reports.render_docx import render_docx
    from reports.render_pdf import html_to_pdf, render_html, stylesheet_text
    from working_groups.models import Activity

    report = AnnualReport.objects.get(year=year)
    activities = Activity.objects.filter(start_date__year=year).count()
    start = time.perf_counter()
    document = build_document(report, language)
    html, css = render_html(document), stylesheet_text(document.draft_mark)
    gathered = time.perf_counter()
    pdf = html_to_pdf(html, css)
    done = time.perf_counter()
    word = render_docx(document)
    word_done = time.perf_counter()
    import io

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = done - start
    print(
        f"{year} {language}: {activities:5d} activities | gather+HTML {gathered - start:6.2f} s "
        f"({(gathered - start) / total:4.0%}) | WeasyPrint {done - gathered:6.2f} s | "
        f"total {total:6.2f} s | {pages:3d} pages | {len(pdf) / 1024:6.0f} KiB | "
        f"peak RSS {peak_mb:5.0f} MB | Word {word_done - done:6.2f} s "
        f"{len(word) / 1024:5.0f} KiB"
    )


def main():
    if len(sys.argv) == 3:
        measure(int(sys.argv[1]), sys.argv[2])
        return
    prepare()
    for year, language in [(2025, "vi"), (2025, "en"), (BENCH_YEAR, "vi")]:
        subprocess.run([sys.executable, __file__, str(year), language], check=True)


if __name__ == "__main__":
    main()
