from django.core.management.base import BaseCommand, CommandError

from coordination.operations.backup import BackupError, Target, restore


class Command(BaseCommand):
    help = "Load a dump written by `manage.py backup` into an EMPTY database (a non-empty one is refused)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .dump file")
        parser.add_argument("--database", default="default", help="Django database alias")
        parser.add_argument("--database-url", help="restore into this postgres:// URL instead of a Django alias")

    def handle(self, *args, **options):
        target = Target.from_url(options["database_url"]) if options["database_url"] else None
        try:
            restore(target or Target.from_alias(options["database"]), options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {options['file']}."))
