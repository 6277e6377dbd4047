from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coordination.operations.backup import BackupError, Target, backup

WHAT_A_BACKUP_HOLDS = (
    "It holds the database only. Uploaded documents are files in {media_root} (or the object store of "
    "STORAGES['default']): copy them with the dump. Restore with the same SECRET_KEY, or the signed links in mail "
    "already sent (replies, unsubscribe), password-reset links, known-device cookies and every session stop working."
)


class Command(BaseCommand):
    help = "Write a pg_dump custom-format dump of the database to var/backups/<UTC timestamp>.dump (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write (must not exist)")
        parser.add_argument("--database", default="default", help="Django database alias")
        parser.add_argument("--database-url", help="dump this postgres:// URL instead of a Django database alias")

    def handle(self, *args, **options):
        target = Target.from_url(options["database_url"]) if options["database_url"] else None
        try:
            path = backup(target or Target.from_alias(options["database"]), options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path} ({path.stat().st_size} bytes)"))
        self.stdout.write(WHAT_A_BACKUP_HOLDS.format(media_root=settings.MEDIA_ROOT))
