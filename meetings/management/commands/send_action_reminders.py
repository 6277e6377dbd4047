"""E-mail each organisation's contacts about its follow-up actions that are overdue or due within a week.

Run it daily from cron or a systemd timer (README, "E-mail"): an action is mentioned to a person at most once a
week, so running it more often sends nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from meetings.notifications.delivery import send_action_reminders
from meetings.notifications.recipients import due_reminders, recipient_language


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
                    f"({recipient_language(contact)}) of {len(reminder.actions)} action(s):"
                )
                for action in reminder.actions:
                    self.stdout.write(f"  - #{action.pk} {action.title} (due {action.due_on:%Y-%m-%d})")
            self.stdout.write(f"Dry run: {len(reminders)} reminder(s) would be sent; nothing was sent or recorded.")
            return
        delivery = send_action_reminders(today=today, reminders=reminders)
        self.stdout.write(f"Sent {len(delivery.sent)} reminder(s).")
        if delivery.failed:
            # A non-zero exit makes cron mail the output and systemd mark the run as failed.
            raise CommandError(
                f"{len(delivery.failed)} reminder(s) could not be sent ({delivery.failed_addresses}); "
                "they stay in the outbox and `manage.py send_outbox` tries them again."
            )
