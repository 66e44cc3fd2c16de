"""Write a self-signed demo certificate and demo images for `make run` (NOT for real use)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Tạo chứng thư số tự ký và hình ảnh chữ ký, con dấu MẪU để chạy thử "
        "(KHÔNG dùng để ký văn bản thật)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder",
            default=str(settings.VAR_DIR / "signing"),
            help="Thư mục ghi các tệp (mặc định var/signing).",
        )
        parser.add_argument(
            "--keep", action="store_true", help="Giữ nguyên nếu đã có chứng thư số mẫu."
        )

    def handle(self, *args, folder, keep, **options):
        from issuance.demo import DemoSigningFiles, create_demo_signing

        folder = Path(folder)
        existing = DemoSigningFiles(
            pkcs12_file=folder / "demo-signer.p12",
            password="asoen-demo",
            signature_image=folder / "demo-signature.png",
            seal_image=folder / "demo-seal.png",
            certificate_file=folder / "demo-signer.pem",
        )
        if keep and all(
            path.is_file()
            for path in (existing.pkcs12_file, existing.signature_image, existing.seal_image)
        ):
            files = existing
        else:
            files = create_demo_signing(folder)
        self.stdout.write(
            "Chứng thư số MẪU, tự ký — KHÔNG dùng để ký văn bản thật "
            "(demo certificate, not for real use):"
        )
        for name, value in files.environment().items():
            self.stdout.write(f"{name}={value}")
