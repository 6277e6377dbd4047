"""E-mail each organisation's contacts about its follow-up actions that are overdue or due within a week.

The task queue's worker does this every morning by itself (meetings/tasks.py); the command is the same function by
hand, e.g. with --dry-run or --date. The reminders are written to the outbox and the worker sends them. An action is
mentioned to a person at most once a week, so running it more often sends nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from meetings.notifications.delivery import send_action_reminders
from meetings.notifications.recipients import due_reminders


class Command(BaseCommand):
    help = "E-mail follow-up action reminders (due within 7 days or overdue), at most once per action per week."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print who would be reminded of what; send and record nothing."
        )
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD), e.g. to test a schedule.")

    def handle(self, *args, dry_run=False, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        reminders = due_reminders(today=today)
        if dry_run:
            for reminder in reminders:
                contact = reminder.contact
                self.stdout.write(
                    f"Would remind {contact.name} <{contact.email}> "
                    f"({contact.mail_language}) of {len(reminder.actions)} action(s):"
                )
                for action in reminder.actions:
                    self.stdout.write(f"  - #{action.pk} {action.title} (due {action.due_on:%Y-%m-%d})")
            self.stdout.write(f"Dry run: {len(reminders)} reminder(s) would be sent; nothing was sent or recorded.")
            return
        delivery = send_action_reminders(today=today, reminders=reminders)
        self.stdout.write(
            f"Wrote {len(delivery.sent)} reminder(s) to the outbox: the worker sends them "
            "(`manage.py send_outbox` sends them from here and says whether any mail is failing)."
        )
