from django.core.management.base import BaseCommand

from asoen_portal.roles import set_up_roles


class Command(BaseCommand):
    help = "Create the secretariat and leadership groups (no admin permissions); safe to rerun."

    def handle(self, *args, **options):
        groups = set_up_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {', '.join(groups)}"))
