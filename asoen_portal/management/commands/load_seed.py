from django.core.management.base import BaseCommand

from asoen_portal.seeding import SEED_DIR, load_seed


class Command(BaseCommand):
    help = "Load the ASOEN seed facts (asoen_portal/seed/*.yaml). Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(SEED_DIR), help="folder of seed YAML files")

    def handle(self, *args, directory, **options):
        result = load_seed(directory=directory)
        for label, counts in result.by_model.items():
            self.stdout.write(
                f"  {label}: {counts['created']} new, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Seed loaded: {result.created} new, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
