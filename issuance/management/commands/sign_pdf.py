"""Sign a PDF with the configured certificate: the same code as the signing job."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Ký số (PAdES) tệp PDF IN bằng chứng thư số đã cấu hình, ghi ra OUT và kiểm tra chữ ký."

    def add_arguments(self, parser):
        parser.add_argument("input", help="Tệp PDF cần ký.")
        parser.add_argument("output", help="Tệp PDF đã ký (không được trùng tệp nguồn).")

    def handle(self, *args, input, output, **options):
        from issuance.signing import SigningError, sign_pdf_bytes

        source, target = Path(input), Path(output)
        if target.exists():
            raise CommandError(f"Tệp {target} đã tồn tại; không ghi đè.")
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {source}: {exc}") from exc
        try:
            signed = sign_pdf_bytes(data)
        except SigningError as exc:
            raise CommandError(str(exc)) from exc
        with target.open("xb") as handle:  # "x": never replace a file, even in a race
            handle.write(signed.data)
        self.stdout.write(
            f"{target}: {len(signed.data)} bytes, ký lúc {signed.signed_at.isoformat()}, "
            f"{signed.validation_summary}"
        )
