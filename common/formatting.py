"""How the portal writes dates, date ranges, times, time zones and numbers: one style per language.

Every page, printout, e-mail and calendar description goes through these functions (or the template filters of
``common.templatetags.formatting`` that wrap them), so that a date reads the same wherever it appears.

The patterns come from the per-language format modules (``coordination/formats/<language>/formats.py``):
``DATE_FORMAT`` for a day, ``MONTH_DAY_FORMAT`` for the first day of a range within one year,
``YEAR_MONTH_FORMAT`` for a month, ``DATETIME_FORMAT`` for a moment and ``TIME_FORMAT`` for a time of day. A module
may set ``MONTH_NAMES_LOWERCASE = True`` (Uzbek writes "20-fevral", Django's Uzbek catalogue capitalises it), and
the patterns of a range's two ends where the language does not put the shared year last:
``DAY_RANGE_IN_MONTH_FORMATS`` and ``DAY_RANGE_IN_YEAR_FORMATS``, each (first day, last day): Uzbek names the
year first, "2024-yil 20–21-fevral".

Ranges share what their ends share: "20–21 February 2024", "30 June – 2 July 2024",
"30 December 2023 – 2 January 2024".
"""

import datetime
import functools
import zoneinfo

from django.utils import dateformat, formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

# A range of days within one month: no spaces around the dash ("20–21"); between longer parts, spaced.
TIGHT_DASH = "–"
SPACED_DASH = " – "

# Friendly names of the zones the portal's meetings are held in; any other zone is shown by its UTC offset.
ZONE_NAMES = {
    "Asia/Tashkent": gettext_lazy("Tashkent time"),
    "Asia/Samarkand": gettext_lazy("Samarkand time"),
    "Asia/Almaty": gettext_lazy("Almaty time"),
    "Asia/Bishkek": gettext_lazy("Bishkek time"),
    "Asia/Dushanbe": gettext_lazy("Dushanbe time"),
    "Europe/Moscow": gettext_lazy("Moscow time"),
    "Europe/Tallinn": gettext_lazy("Tallinn time"),
    "UTC": gettext_lazy("Coordinated Universal Time"),
}


def _format_setting(name: str, default=None):
    """A setting of the active language's format modules (the project's own first, then Django's)."""
    for module in formats.get_format_modules(get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return default


class _DateFormat(dateformat.DateFormat):
    """Django's date formatting, with month names in lowercase where the language writes them so."""

    lowercase_months = False

    def _month_name(self, name: str) -> str:
        return name.lower() if self.lowercase_months else name

    def E(self):
        return self._month_name(super().E())

    def F(self):
        return self._month_name(super().F())

    def M(self):
        return self._month_name(super().M())

    def N(self):
        return self._month_name(super().N())


def _format(value, format_name: str) -> str:
    if not isinstance(value, datetime.date | datetime.time):
        return str(value)  # not a date (a template passing text): shown as it is rather than failing
    formatter = _DateFormat(value)
    formatter.lowercase_months = bool(_format_setting("MONTH_NAMES_LOWERCASE", False))
    return formatter.format(formats.get_format(format_name))


def _as_date(value) -> datetime.date:
    """The day of a date or datetime. A datetime placed in a zone (a meeting's local start) keeps its own day; one
    in UTC, as the database gives it, is shown in the reader's zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value) and value.utcoffset() == datetime.timedelta(0):
            value = timezone.localtime(value)
        return value.date()
    return value


def date_text(value) -> str:
    """A day: "20 February 2024", "20 февраля 2024 г.", "2024-yil 20-fevral". Aware datetimes in the current zone."""
    if value in (None, ""):
        return ""
    return _format(_as_date(value), "DATE_FORMAT")


def month_text(value) -> str:
    """A date known only to the month: "November 2023", "ноябрь 2023 г.", "2023-yil noyabr"."""
    if value in (None, ""):
        return ""
    return _format(_as_date(value), "YEAR_MONTH_FORMAT")


def short_month_text(value) -> str:
    """A month's abbreviated name, for narrow labels such as a timeline's axis: "Feb", "фев", "fev"."""
    return _format(_as_date(value), "M")


def date_range_text(start, end=None, *, month_only: bool = False) -> str:
    """A day or a range of days, sharing what both ends share; ``month_only`` for a date known to the month."""
    if start in (None, ""):
        return ""
    start = _as_date(start)
    if not isinstance(start, datetime.date):
        return str(start)
    if month_only:
        return month_text(start)
    end = _as_date(end) if end not in (None, "") else None
    if not isinstance(end, datetime.date) or end == start:
        return date_text(start)
    if (start.year, start.month) == (end.year, end.month):
        first, last = _format_setting("DAY_RANGE_IN_MONTH_FORMATS", ("j", "DATE_FORMAT"))
        return _format(start, first) + TIGHT_DASH + _format(end, last)
    if start.year == end.year:
        first, last = _format_setting("DAY_RANGE_IN_YEAR_FORMATS", ("MONTH_DAY_FORMAT", "DATE_FORMAT"))
        return _format(start, first) + SPACED_DASH + _format(end, last)
    return date_text(start) + SPACED_DASH + date_text(end)


def time_range_text(start, end, zone_name: str | None = None, *, weekday: bool = False) -> str:
    """A meeting's time: "20 June 2023, 10:00–13:00", then ", Tashkent time (UTC+5)" when ``zone_name`` is given.

    ``start`` and ``end`` are shown as they are (pass them already in the meeting's zone); a meeting over
    several days reads "20 June 2023, 10:00 – 21 June 2023, 13:00".
    """
    if start is None:
        return ""
    if not isinstance(start, datetime.datetime):
        return date_text(start)
    if not isinstance(end, datetime.datetime) or end.date() == start.date():
        text = _format(start, "DATETIME_FORMAT")
        if isinstance(end, datetime.datetime):
            text += TIGHT_DASH + _format(end, "TIME_FORMAT")
    else:
        text = _format(start, "DATETIME_FORMAT") + SPACED_DASH + _format(end, "DATETIME_FORMAT")
    if weekday:
        text = f"{_format(start, 'l')}, {text}"
    if zone_name:
        text = f"{text}, {zone_label(zone_name, at=start)}"
    return text


def clock_text(moment) -> str:
    """The time of day of ``moment`` as it is (pass it already in the meeting's zone): "10:30"."""
    if not isinstance(moment, datetime.datetime | datetime.time):
        return ""
    return _format(moment, "TIME_FORMAT")


def timestamp_text(moment) -> str:
    """When something happened, in the reader's zone: "1 December 2026, 08:35" (no seconds, no offset)."""
    if moment in (None, ""):
        return ""
    if not isinstance(moment, datetime.datetime):
        return date_text(moment)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return _format(moment, "DATETIME_FORMAT")


def utc_offset_text(offset: datetime.timedelta) -> str:
    """ "UTC+5", "UTC+5:30", "UTC−3" (a true minus sign), "UTC" for no offset."""
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_label(zone_name: str, at: datetime.datetime | None = None) -> str:
    """ "Tashkent time (UTC+5)": the zone's friendly name and its offset at ``at`` (now by default); "UTC+1"
    for a zone without a friendly name; an unknown name is returned as it is."""
    if not zone_name:
        return ""
    try:
        zone = zoneinfo.ZoneInfo(str(zone_name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return str(zone_name)
    moment = at if isinstance(at, datetime.datetime) else timezone.now()
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    offset = utc_offset_text(moment.astimezone(zone).utcoffset() or datetime.timedelta())
    name = ZONE_NAMES.get(str(zone_name))
    if name is None:
        return offset
    return _("%(zone)s (%(offset)s)") % {"zone": name, "offset": offset}


def zone_choice_label(zone_name: str, at: datetime.datetime | None = None) -> str:
    """The label of a zone in a choice list or a change history: "Tashkent time (UTC+5)", or for a zone without
    a friendly name its name and offset, "Europe/Berlin (UTC+1)"."""
    if not zone_name:
        return ""
    if zone_name in ZONE_NAMES:
        return capfirst(zone_label(zone_name, at))
    return f"{zone_name} ({zone_label(zone_name, at)})"


def zone_choices(zone_names, at: datetime.datetime | None = None) -> list[tuple[str, str]]:
    """Choices that store the zone's name and show its label: the zones with a friendly name first. Labelling
    some 600 zones takes about 20 ms, so the lists are kept per language and moment (``at``, or now to the minute:
    offsets change on the minute)."""
    if not isinstance(at, datetime.datetime):
        at = timezone.now().replace(second=0, microsecond=0)
    return list(_labelled_zones(tuple(zone_names), at, get_language()))


@functools.lru_cache(maxsize=64)
def _labelled_zones(zone_names: tuple[str, ...], at: datetime.datetime, language: str) -> tuple[tuple[str, str], ...]:
    friendly = [name for name in ZONE_NAMES if name in zone_names]
    others = sorted(name for name in zone_names if name not in ZONE_NAMES)
    return tuple((name, zone_choice_label(name, at)) for name in friendly + others)


def number_text(value) -> str:
    """A count or an amount with the language's thousands separator: "12,345", "12 345"; "" for none."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = int(value)
        except ValueError:
            return value
    return formats.number_format(value, use_l10n=True, force_grouping=True)
