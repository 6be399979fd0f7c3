"""Load the demo units, accounts and whatever later apps add to units.demo.DEMO_STEPS. Safe to re-run."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Named by dotted path so that product code never imports demo code (see .importlinter).
DEMO_STEPS = "units.demo.DEMO_STEPS"


class Command(BaseCommand):
    help = "Load the demo data (units, accounts, …). Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change, then roll back.")

    def handle(self, *args, dry_run, **options):
        # One transaction: a step that fails leaves no half-loaded demo behind.
        with transaction.atomic():
            for path in import_string(DEMO_STEPS):
                tally = import_string(path)()
                self.stdout.write(
                    f"{path}: {tally['created']} created, {tally['updated']} updated, {tally['unchanged']} unchanged"
                )
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write("Dry run: nothing saved.")
