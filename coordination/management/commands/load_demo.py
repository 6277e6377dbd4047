from django.conf import settings
from django.core.management.base import BaseCommand

from coordination.operations.demo import load_demo


class Command(BaseCommand):
    help = "Load the coordination platform from the seed articles (idempotent) and, when DEBUG is on, the demo users."

    def handle(self, *args, **options):
        with_users = settings.DEBUG
        load_demo(with_users=with_users)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if with_users:
            self.stdout.write("Demo users: admin, secretariat, participant (password: $DEMO_PASSWORD or 'demo').")
        else:
            self.stdout.write(self.style.WARNING("DEBUG is off: demo users with a known password were not created."))
