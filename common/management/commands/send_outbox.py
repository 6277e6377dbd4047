from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Min
from django.utils import timezone

from common.models import OutgoingMail
from common.outbox import deliver_pending_mail_with_backoff


class Command(BaseCommand):
    help = (
        "Send the e-mails due in the outbox from this process, as the worker's outbox sweep does every minute; a "
        "failed e-mail is tried again after 1 minute, 2, 4, ... at most every hour. Exits with an error while any "
        "e-mail is failing (a check for monitoring). Safe to run beside the workers: each e-mail is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="Send at most this many e-mails in one run.")

    def handle(self, *args, limit, **options):
        run = deliver_pending_mail_with_backoff(limit=limit)
        self.stdout.write(f"Sent {run.sent} e-mail(s); {run.failed} failed and stay in the outbox.")
        if run.server_error:
            self.stdout.write(f"The mail server did not answer ({run.server_error}); the rest waits for the next run.")
        failing = OutgoingMail.objects.failing()
        summary = failing.aggregate(count=Count("pk"), since=Min("failing_since"))
        if not summary["count"]:
            return
        given_up = failing.filter(next_attempt_at__isnull=True).count()
        reasons = (
            failing.order_by().values("last_error").annotate(mails=Count("pk")).order_by("-mails", "last_error")[:5]
        )
        oldest = timezone.localtime(summary["since"])
        lines = [
            f"{summary['count']} e-mail(s) failing, the oldest since {oldest:%Y-%m-%d %H:%M %Z}"
            + (f"; {given_up} no longer tried by itself (send it again in the admin)" if given_up else "")
            + ". Last errors:",
            *(f"  {reason['mails']} x {reason['last_error'] or 'unknown'}" for reason in reasons),
        ]
        raise CommandError("\n".join(lines))
