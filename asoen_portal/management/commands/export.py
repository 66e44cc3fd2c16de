"""python manage.py export <register> [--format xlsx|csv] --output FILE"""

from django.core.management.base import BaseCommand

from asoen_portal.exchange.exporting import FORMATS, export_register
from asoen_portal.exchange.registry import REGISTERS


class Command(BaseCommand):
    help = "Xuất toàn bộ một danh mục ra tệp .xlsx hoặc .csv (tiêu đề cột tiếng Việt)."

    def add_arguments(self, parser):
        parser.add_argument("register", choices=sorted(REGISTERS))
        parser.add_argument("--format", choices=sorted(FORMATS), default="xlsx")
        parser.add_argument("--output", required=True)

    def handle(self, *args, register, format, output, **options):
        content, _type, _name = export_register(register=register, fmt=format)
        with open(output, "wb") as handle:
            handle.write(content)
        self.stdout.write(f"Đã ghi {output} ({len(content)} byte).")
