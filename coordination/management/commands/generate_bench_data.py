import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import datagen


class Command(BaseCommand):
    help = (
        "Replace the portal's data with a large generated data set for the benchmark (bulk inserts). "
        "Refuses to touch a database whose name does not contain 'bench' unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = 10,000 meetings, 100,000 agenda items")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--force", action="store_true", help="allow a database not named *bench*")

    def handle(self, *args, scale, seed, force, **options):
        database = connection.settings_dict["NAME"]
        if "bench" not in database and not force:
            raise CommandError(
                f"This empties the portal's tables in the database '{database}'. "
                "Point DATABASE_URL at a bench database (make bench does) or pass --force."
            )
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        started = time.monotonic()
        self.stdout.write(f"Generating the bench data set at scale {scale} in '{database}'...")
        counts = datagen.generate(scale=scale, seed=seed, log=self.stdout.write)
        datagen.analyze()
        elapsed = time.monotonic() - started
        self.stdout.write(", ".join(f"{name}: {count:,}" for name, count in sorted(counts.items())))
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.1f} s."))
