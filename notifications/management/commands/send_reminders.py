import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from notifications.jobs import run_reminders


class Command(BaseCommand):
    help = "Gửi nhắc việc và bản tổng hợp tuần như Celery beat chạy hằng ngày (--at để chọn ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--at", help="YYYY-MM-DD: chạy như thể hôm nay là ngày này")

    def handle(self, *args, at=None, **options):
        if at:
            try:
                on = datetime.date.fromisoformat(at)
            except ValueError as error:
                raise CommandError(f"--at phải có dạng YYYY-MM-DD, không phải “{at}”.") from error
        else:
            on = timezone.localdate()
        counts = run_reminders(on=on)
        self.stdout.write(
            f"{on.isoformat()}: {counts['reminders']} nhắc việc cho {counts['recipients']} người, "
            f"{counts['digests']} bản tổng hợp tuần."
        )
