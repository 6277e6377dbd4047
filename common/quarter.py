"""The calendar quarter as a value object: ``Quarter(2023, 3)`` is July to September 2023."""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self):
        if not 1 <= self.number <= 4:
            raise ValueError(_("A quarter number is 1 to 4, not %(number)s.") % {"number": self.number})
        if not 1 <= self.year <= 9999:
            raise ValueError(_("%(year)s is not a valid year.") % {"year": self.year})

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """Read ``2023-Q3`` (also ``2023Q3``, ``2023-q3``)."""
        match = _PATTERN.match(text or "")
        if not match:
            raise ValueError(_("“%(text)s” is not a quarter; write it like 2023-Q3.") % {"text": text})
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls) -> "Quarter":
        from django.utils import timezone

        return cls.containing(timezone.localdate())

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> datetime.date:
        last_month = 3 * self.number
        return datetime.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def quarters_from(self, other: "Quarter") -> int:
        """How many quarters lie between the two, whichever comes first: Q4 2023 and Q1 2024 are 1 apart."""
        return abs((self.year * 4 + self.number) - (other.year * 4 + other.number))

    def __contains__(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        """How people say it: 'Q3 2023' (in the active language)."""
        return _("Q%(number)s %(year)s") % {"number": self.number, "year": self.year}
