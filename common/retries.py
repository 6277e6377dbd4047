"""How long work that failed against another server (the mail server, a webhook receiver) waits before its next try."""

import datetime

RETRY_FIRST_DELAY = datetime.timedelta(minutes=1)
RETRY_MAX_DELAY = datetime.timedelta(hours=1)


def retry_delay(attempts: int) -> datetime.timedelta:
    """After the ``attempts``-th failed attempt: 1 minute, 2, 4, ... at most an hour (the exponent is capped so that
    a long-failing row never overflows)."""
    return min(RETRY_FIRST_DELAY * 2 ** min(max(attempts - 1, 0), 16), RETRY_MAX_DELAY)
