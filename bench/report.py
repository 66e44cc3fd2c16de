"""Benchmark of the annual report: gathering + HTML vs WeasyPrint (PDF/A-3b, tagged), PAdES
signing + validation, the Word edition (python-docx) from the same tree, pages, peak memory.

    .venv/bin/python bench/report.py

Uses its own PostgreSQL database (asoen_h14_report, created if missing): the 2025 seed report,
and a year with 2,000 generated activities (BENCH_YEAR, via generate_demo_data) whose report
reuses the 2025 narratives. Each year is measured in a fresh subprocess so peak RSS is its own.

For each report it prints the portal's own work (gathering the facts + writing the HTML) against
WeasyPrint alone on that same HTML and CSS — rendered a second time, on its own, so its figure is
the library's floor for this document — and the time per PDF page of each.
Targets: seed year < 3 s; 2,000 activities < 30 s and < 600 MB; gathering + HTML <= 10 % of the
total.
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Another name with BENCH_REPORT_DB, e.g. to keep parallel benchmark runs apart.
DB_NAME = os.environ.get("BENCH_REPORT_DB", "asoen_bench_r")
BENCH_YEAR = 2030
ACTIVITIES = 2000


def setup_django():
    os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
    os.environ.setdefault("ASOEN_VAR_DIR", "/tmp/asoen-h14-bench-report-var")
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
    import docx  # noqa: F401
    import pyhanko.sign.signers  # noqa: F401  (import cost is start-up, not signing)
    import pyhanko.sign.validation  # noqa: F401
    import weasyprint  # noqa: F401  (import cost is start-up, not rendering)
    from pypdf import PdfReader

    from issuance.signing import sign_pdf_bytes
    from reports.editions import build_document, report_content
    from reports.models import AnnualReport
    from reports.pdf_archive import archive_for_document
    from reports.render_docx import render_docx
    from reports.render_pdf import html_to_pdf, render_html, stylesheet_text
    from working_groups.models import Activity

    report = AnnualReport.objects.get(year=year)
    activities = Activity.objects.filter(start_date__year=year).count()
    start = time.perf_counter()
    document = build_document(report, language)
    html, css = render_html(document), stylesheet_text(document.draft_mark)
    gathered = time.perf_counter()
    archive = archive_for_document(document, source_data=report_content(report))
    pdf = html_to_pdf(html, css, archive=archive)
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # WeasyPrint alone on the very same HTML and CSS, nothing of the portal's around it.
    alone_start = time.perf_counter()
    html_to_pdf(html, css)
    alone = time.perf_counter() - alone_start
    sign_start = time.perf_counter()
    signed = sign_pdf_bytes(pdf, config=demo_config())
    signing = time.perf_counter() - sign_start
    word_start = time.perf_counter()
    word = render_docx(document)
    word_time = time.perf_counter() - word_start
    import io

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    gather, total = gathered - start, done - start
    verdict = "ok" if gather <= 0.10 * total else "MISSED"
    print(
        f"{year} {language}: {activities:5d} activities, {pages:3d} pages, "
        f"{len(pdf) / 1024:5.0f} KiB, peak RSS {peak_mb:4.0f} MB\n"
        f"  gathering + HTML {gather:6.2f} s ({gather / total:4.0%} of the total, target "
        f"<= 10 %: {verdict}) = {gather / pages * 1000:6.1f} ms/page\n"
        f"  WeasyPrint       {done - gathered:6.2f} s = {(done - gathered) / pages * 1000:6.1f} "
        f"ms/page; alone on the same HTML {alone:6.2f} s = {alone / pages * 1000:6.1f} ms/page\n"
        f"  total            {total:6.2f} s = {total / pages * 1000:6.1f} ms/page\n"
        f"  sign + validate  {signing:6.2f} s ({len(signed.data) / 1024:5.0f} KiB signed)\n"
        f"  Word (.docx)     {word_time:6.2f} s ({len(word) / 1024:5.0f} KiB)"
    )


def demo_config():
    """The self-signed demo certificate in a temporary folder (signing cost, not key set-up)."""
    import tempfile

    from issuance.demo import create_demo_signing
    from issuance.signing import SigningConfig

    files = create_demo_signing(Path(tempfile.mkdtemp(prefix="bench-signing-")))
    return SigningConfig(
        pkcs12_file=str(files.pkcs12_file),
        pkcs12_password=files.password,
        signature_image=str(files.signature_image),
        seal_image=str(files.seal_image),
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
