"""Tell the responsible units of the timeline deadlines coming up, and the level above of the items long overdue.

Run daily from cron where celery beat does not run (it is on the beat schedule in production). Each notice goes
once per item, year and person, however often this runs. It also queues again the e-mails of recent notifications
that never reached the broker.
"""

import datetime

from django.core.management.base import BaseCommand

from campaigns.plans.overdue import send_deadline_notices
from units.notifications.services import resend_unsent_emails


class Command(BaseCommand):
    help = "Send the timeline deadline reminders and escalations that are due (each once)."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="Judge on this day (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        # Before today's notices, whose own e-mails are queued as they are created.
        if resent := resend_unsent_emails():
            self.stdout.write(f"{resent} e-mail(s) not sent earlier queued again.")
        deadlines, escalations = send_deadline_notices(today=today)
        self.stdout.write(f"{deadlines} deadline reminder(s), {escalations} escalation(s) sent.")
