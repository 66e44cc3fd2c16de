"""List what stands between the records of YEAR and a true report (reports.readiness)."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Liệt kê các điểm cần xử lý trước khi lập báo cáo năm YEAR."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--lang", choices=["vi", "en"], default="vi")

    def handle(self, *args, year, lang, **options):
        from reports.models import AnnualReport
        from reports.readiness import check_readiness

        report = AnnualReport.objects.filter(year=year).first()
        if report is None:
            raise CommandError(f"Chưa có báo cáo năm {year}.")
        items = check_readiness(report=report, language=lang)
        for item in items:
            self.stdout.write(f"- [{item.kind}] {item.message}\n  {item.url}")
        self.stdout.write(f"{len(items)} điểm cần xử lý.")
