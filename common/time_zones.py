"""Time-zone names as field choices, read from the host's time-zone database when a form or check asks.

Fields name these callables rather than a list, so migrations record a reference instead of some 600 names and
`makemigrations --check` does not depend on the host's time-zone database or the configured TIME_ZONE.
"""

import functools
import zoneinfo

from django.conf import settings


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


def default_time_zone() -> str:
    return settings.TIME_ZONE
