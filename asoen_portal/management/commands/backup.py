from pathlib import Path

from django.core.management.base import BaseCommand

from asoen_portal.backups import create_backup


class Command(BaseCommand):
    help = "Back up the database and MEDIA_ROOT into one .tar.gz with a manifest and checksums."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="archive to write")

    def handle(self, *args, output, **options):
        manifest = create_backup(output=output)
        rows = sum(manifest["database"]["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {output}: {rows} rows, {len(manifest['media'])} files."
            )
        )
