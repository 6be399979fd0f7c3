"""Generate synthetic national data over the imported unit tree, for load and speed tests.

About 93,000 villages, 33,000 assessments with 630,000 criterion results, recognitions, OCOP products,
resources, 100,000 nominations with their events and decisions, and a plan per province: a few minutes
on PostgreSQL. The same --seed gives the same data. It refuses to run twice; --reset deletes the
generated rows (and only them) first. See campaigns/demo/national_data/.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.module_loading import import_string

# Named by dotted path so that product code never imports the generator (see .importlinter).
GENERATOR = "campaigns.demo.national_data"
MissingTree = import_string(f"{GENERATOR}.MissingTree")
generate = import_string(f"{GENERATOR}.generate")
has_generated_data = import_string(f"{GENERATOR}.has_generated_data")
purge_generated = import_string(f"{GENERATOR}.purge_generated")


class Command(BaseCommand):
    help = "Generate synthetic national data (villages, assessments, nominations, plans…) over the real unit tree."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2021, help="Random seed: the same seed gives the same data.")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Share of the communes to cover, e.g. 0.1 for a tenth (default 1)."
        )
        parser.add_argument("--reset", action="store_true", help="Delete the generated data first, then generate.")
        parser.add_argument("--delete", action="store_true", help="Only delete the generated data.")
        parser.add_argument("--dry-run", action="store_true", help="Generate, report, then roll everything back.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bars.")

    def handle(self, *args, seed, scale, reset, delete, dry_run, no_progress, **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale must be more than 0 and at most 1.")
        if reset or delete:
            self._delete()
            if delete:
                return
        elif has_generated_data():
            raise CommandError(
                "Generated national data is already there. Use --reset to replace it, or --delete to remove it."
            )
        try:
            run = generate(seed=seed, scale=scale, dry_run=dry_run, progress=not no_progress and self.stdout.isatty())
        except MissingTree as error:
            raise CommandError(str(error)) from error
        for label, count in sorted(run.counts.items()):
            self.stdout.write(f"{label}: {count:,}")
        for stage, seconds in run.timings.items():
            if stage != "total":
                self.stdout.write(f"  {stage}: {seconds:.1f} s")
        suffix = " Dry run: nothing was saved." if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(f"Done in {run.timings['total']:.1f} s (seed {seed}, scale {scale}).{suffix}")
        )

    def _delete(self) -> None:
        try:
            counts = purge_generated()
        except DatabaseError as error:
            raise CommandError(
                f"The generated data could not be deleted, something real points at it: {error}"
            ) from error
        deleted = sum(counts.values())
        self.stdout.write(f"Deleted {deleted:,} generated rows.")
