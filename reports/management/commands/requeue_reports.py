"""Send again the report builds that never reached the broker (Redis was away when they were requested).

    manage.py requeue_reports                  # reports queued for more than REPORTS_REQUEUE_AFTER seconds
    manage.py requeue_reports --older-than 0

Run it from cron every minute in production (README, Reliability); workers also run it as they start.
"""

from django.core.management.base import BaseCommand

from reports.requeue import requeue_pending_reports


class Command(BaseCommand):
    help = "Send again the builds of queued reports whose task never reached the broker."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=None,
            help="Only reports queued for more than this many seconds (default: REPORTS_REQUEUE_AFTER).",
        )

    def handle(self, *args, older_than=None, **options):
        sent = requeue_pending_reports(older_than)
        self.stdout.write(f"Sent again: {sent}")
