from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from asoen_portal.demo import DEMO_PASSWORD, create_demo_accounts


class Command(BaseCommand):
    help = "Create demo accounts (secretariat, leadership, focal-<code>); refused without DEBUG."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo tạo tài khoản với mật khẩu công khai; chỉ chạy khi DEBUG bật. "
                "(Demo accounts have a public password: refused while DEBUG is off.)"
            )
        names = create_demo_accounts()
        self.stdout.write(
            self.style.SUCCESS(f"Demo accounts (password {DEMO_PASSWORD}): {', '.join(names)}")
        )
