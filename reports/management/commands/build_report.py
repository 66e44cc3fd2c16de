"""Build the year-end report synchronously: the same gathering and rendering as the worker."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

# The editions this command can write (reports.formats has their renderers).
FORMATS = ("pdf", "docx")


class Command(BaseCommand):
    help = (
        "Tạo báo cáo tổng kết năm YEAR thành tệp PDF hoặc Word (chạy trực tiếp, không qua "
        "hàng đợi)."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--lang", choices=["vi", "en"], default="vi")
        parser.add_argument("--format", choices=FORMATS, default="pdf", dest="file_format")
        parser.add_argument("--output", required=True, help="Đường dẫn tệp cần ghi.")

    def handle(self, *args, year, lang, file_format, output, **options):
        from reports.jobs import build_report_bytes
        from reports.models import AnnualReport

        report = AnnualReport.objects.filter(year=year).first()
        if report is None:
            raise CommandError(f"Chưa có báo cáo năm {year}.")
        data = build_report_bytes(report=report, language=lang, file_format=file_format)
        Path(output).write_bytes(data)
        self.stdout.write(f"{output}: {len(data)} bytes")
