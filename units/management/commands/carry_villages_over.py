"""Give the villages of communes merged in a reorganisation a new version under the successor commune (units.villages)."""

from django.core.management.base import BaseCommand

from units.villages import carry_villages_over


class Command(BaseCommand):
    help = (
        "Villages of ended communes continue under the commune that succeeded theirs. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be carried over; change nothing.")

    def handle(self, *args, dry_run, **options):
        tally = carry_villages_over(dry_run=dry_run)
        self.stdout.write(f"{tally['carried over']} villages carried over, {tally['waiting']} waiting for a lineage.")
