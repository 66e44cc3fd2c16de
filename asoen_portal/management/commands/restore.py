from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from asoen_portal.backups import BackupError, restore_backup, verify_backup


class Command(BaseCommand):
    help = (
        "Restore a `backup` archive into an empty database and MEDIA_ROOT (migrates first); "
        "checksums are verified before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--verify-only", action="store_true", help="check the archive, change nothing"
        )

    def handle(self, *args, archive, verify_only, **options):
        try:
            if verify_only:
                manifest = verify_backup(archive)
            else:
                call_command("migrate", interactive=False, verbosity=0)
                manifest = restore_backup(archive_path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["database"]["counts"].values())
        verb = "verified" if verify_only else "restored"
        self.stdout.write(
            self.style.SUCCESS(f"Backup {verb}: {rows} rows, {len(manifest['media'])} files.")
        )
