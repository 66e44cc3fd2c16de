"""python manage.py import <register> FILE [--dry-run] [--user USERNAME]

The same all-or-nothing import as the portal's /data/ page: prints every row error (row
number as Excel shows it, column, message) and writes nothing if there is one.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from asoen_portal.exchange.importing import import_sheet
from asoen_portal.exchange.reading import ImportFileError, read_upload
from asoen_portal.exchange.registry import REGISTERS


class Command(BaseCommand):
    help = "Nhập một tệp .xlsx/.csv vào một danh mục (tất cả hoặc không gì cả)."

    def add_arguments(self, parser):
        parser.add_argument("register", choices=sorted(REGISTERS))
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")
        parser.add_argument("--user", help="Tên đăng nhập ghi vào lịch sử thay đổi.")

    def handle(self, *args, register, file, dry_run, user, **options):
        importer = None
        if user:
            try:
                importer = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"Không có tài khoản «{user}».") from None
        try:
            with open(file, "rb") as handle:
                sheet = read_upload(handle, file)
            summary = import_sheet(
                register=register, sheet=sheet, user=importer, confirm=not dry_run
            )
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp «{file}».") from None
        except ImportFileError as error:
            raise CommandError(error.message) from None
        for error in summary["errors"]:
            column = f" [{error['column']}]" if error["column"] else ""
            self.stderr.write(f"Dòng {error['row']}{column}: {error['message']}")
        counts = summary["counts"]
        line = (
            f"mới {counts['new']}, cập nhật {counts['update']}, "
            f"không đổi {counts['unchanged']}, lỗi {counts['error']}"
        )
        if summary["file_error"]:
            raise CommandError(summary["file_error"])
        if counts["error"]:
            raise CommandError(f"Không ghi dòng nào ({line}).")
        verb = "Kiểm tra xong, chưa ghi" if dry_run else "Đã nhập"
        self.stdout.write(f"{verb}: {line}.")
