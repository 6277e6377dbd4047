from django.core.management.base import BaseCommand

from common.outbox import MAX_ATTEMPTS, deliver_pending


class Command(BaseCommand):
    help = (
        "Send the e-mails still waiting in the outbox (a crash or a mail-server failure left them behind). "
        f"A failed e-mail is tried up to {MAX_ATTEMPTS} times. Safe to run from cron every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="Send at most this many e-mails in one run.")

    def handle(self, *args, limit, **options):
        sent, failed = deliver_pending(limit=limit)
        self.stdout.write(f"Sent {sent} e-mail(s); {failed} failed and stay in the outbox.")
