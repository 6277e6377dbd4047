"""The portal's PostgreSQL backend (common.database), starting the embedded server (operations.embedded_postgres)
on first connection.

Settings name this backend when no DATABASE_URL is set, so importing them starts nothing: only a process that
actually talks to the database (runserver, migrate, pytest) starts the server, once, and later ones reuse it.
"""

from common.database import base
from coordination.operations import embedded_postgres


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        embedded_postgres.ensure_started()
        return super().get_new_connection(conn_params)
