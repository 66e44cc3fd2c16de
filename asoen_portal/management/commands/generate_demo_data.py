import time

from django.core.management.base import BaseCommand, CommandError

from asoen_portal.demo import generate_demo_data


class Command(BaseCommand):
    help = "Generate realistic Vietnamese activities, meetings and tasks for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, default=1000)
        parser.add_argument("--meetings", type=int, default=0)
        parser.add_argument("--tasks", type=int, default=0)
        parser.add_argument("--year", type=int, help="put every generated record in this year")
        parser.add_argument("--seed", type=int, default=2025, help="random seed (repeatable data)")

    def handle(self, *args, activities, meetings, tasks, year, seed, **options):
        started = time.perf_counter()
        try:
            created = generate_demo_data(
                activities=activities, meetings=meetings, tasks=tasks, year=year, seed=seed
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {created['activities']} activities, {created['meetings']} meetings, "
                f"{created['tasks']} tasks in {elapsed:.1f} s."
            )
        )
