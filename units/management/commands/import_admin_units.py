"""Import the national administrative units and their 2025 lineage from the vietnamadminunits data.

Before 07/2025: 63 provinces, 696 districts, 10,035 communes. From 07/2025: 34 provinces, 3,321
communes. Safe to re-run: units are matched by (scheme, kind, code) and updated in place.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from units.importers import SCHEMES, SourceError, import_admin_units
from units.models import CodeScheme

LABELS = {
    CodeScheme.LEGACY: "Units before 07/2025",
    CodeScheme.Y2025: "Units from 07/2025",
    "lineage": "Lineage edges",
}


class Command(BaseCommand):
    help = "Create or update the provinces, districts and communes before and from 07/2025, and their lineage."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scheme",
            choices=[CodeScheme.LEGACY, CodeScheme.Y2025, "all"],
            default="all",
            help="Which code scheme to import (default: all). Lineage is added wherever both ends exist.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, save nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, scheme, dry_run, no_progress, **options):
        schemes = SCHEMES if scheme == "all" else (scheme,)
        started = time.monotonic()
        with tqdm(unit=" rows", disable=no_progress or not self.stdout.isatty()) as progress:
            try:
                report = import_admin_units(schemes=schemes, dry_run=dry_run, progress=progress)
            except SourceError as error:
                raise CommandError(str(error)) from error
        for key, counts in report.items():
            line = f"{LABELS[key]}: {counts.created} created, {counts.updated} updated, {counts.unchanged} unchanged"
            if counts.skipped:
                line += f", {counts.skipped} skipped (the other scheme is not imported)"
            self.stdout.write(line + ".")
        suffix = " Dry run: nothing was saved." if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s.{suffix}"))
