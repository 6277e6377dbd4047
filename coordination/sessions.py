"""Sessions read from the shared cache and written through to the database, kept working when the cache is down.

Django's cached_db store falls back to the database when the cache cannot be read or written, but three steps still
raised: keeping a session read from the database in the cache (each request of a session not cached yet), checking that
a new session key is free (each login makes one) and deleting a session (each login deletes the one it replaces, each
logout the one it ends), so with Redis unreachable nobody could sign in or out. Here each falls back to the database,
the session's record, and the cache's error is logged. (A cache that kept its data through the outage can still hold the
ended session until it expires: Django's own store has that window for any failed delete.)"""

import logging

from django.contrib.sessions.backends import cached_db, db

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            return super().load()
        except Exception:  # read from the database, the session could not be kept in the cache
            logger.exception("Error writing a session to the cache (%s)", self._cache)
            return db.SessionStore.load(self)

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except Exception:
            logger.exception("Error reading the cache (%s); the database answers", self._cache)
            return db.SessionStore.exists(self, session_key)

    def delete(self, session_key=None):
        try:
            super().delete(session_key)
        except Exception:  # the row is deleted first; only the cache's copy could not be
            logger.exception("Error deleting a session from the cache (%s)", self._cache)


def forget_cached_session(session_key: str) -> None:
    """Drop a session's cached copy (its row was deleted); a cache that cannot be reached is logged, not raised."""
    from django.conf import settings
    from django.core.cache import caches

    try:
        caches[settings.SESSION_CACHE_ALIAS].delete(cached_db.KEY_PREFIX + session_key)
    except Exception:
        logger.exception("Error deleting a session from the cache")
