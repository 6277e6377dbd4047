"""One date, range, moment, zone and number style per language (common.formatting)."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from common import formatting

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
date = datetime.date


def in_language(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "20 February 2024"), ("ru", "20 февраля 2024 г."), ("uz", "2024-yil 20-fevral")],
)
def test_a_day(language, expected):
    assert in_language(language, formatting.date_text, date(2024, 2, 20)) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_uzbek_month_names_are_lowercase(month):
    text = in_language("uz", formatting.date_text, date(2024, month, 5))
    name = text.split("-")[-1]
    assert name == name.lower(), text
    assert in_language("uz", formatting.month_text, date(2024, month, 1)) == f"2024-yil {name}"


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("en", date(2024, 2, 20), date(2024, 2, 21), "20–21 February 2024"),
        ("ru", date(2024, 2, 20), date(2024, 2, 21), "20–21 февраля 2024 г."),
        ("uz", date(2024, 2, 20), date(2024, 2, 21), "2024-yil 20–21-fevral"),
        ("en", date(2024, 6, 30), date(2024, 7, 2), "30 June – 2 July 2024"),
        ("ru", date(2024, 6, 30), date(2024, 7, 2), "30 июня – 2 июля 2024 г."),
        ("uz", date(2024, 6, 30), date(2024, 7, 2), "2024-yil 30-iyun – 2-iyul"),
        ("en", date(2023, 12, 30), date(2024, 1, 2), "30 December 2023 – 2 January 2024"),
        ("ru", date(2023, 12, 30), date(2024, 1, 2), "30 декабря 2023 г. – 2 января 2024 г."),
        ("uz", date(2023, 12, 30), date(2024, 1, 2), "2023-yil 30-dekabr – 2024-yil 2-yanvar"),
        ("en", date(2024, 3, 12), date(2024, 3, 12), "12 March 2024"),
        ("uz", date(2024, 3, 12), None, "2024-yil 12-mart"),
    ],
)
def test_ranges_share_what_their_ends_share(language, start, end, expected):
    assert in_language(language, formatting.date_range_text, start, end) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "November 2023"), ("ru", "ноябрь 2023 г."), ("uz", "2023-yil noyabr")],
)
def test_a_date_known_to_the_month(language, expected):
    assert in_language(language, formatting.date_range_text, date(2023, 11, 1), month_only=True) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Tuesday, 20 June 2023, 10:00–13:00, Tashkent time (UTC+5)"),
        ("ru", "Вторник, 20 июня 2023 г., 10:00–13:00, ташкентское время (UTC+5)"),
        ("uz", "Seshanba, 2023-yil 20-iyun, 10:00–13:00, Toshkent vaqti (UTC+5)"),
    ],
)
def test_a_meeting_time_with_its_zone(language, expected):
    start = datetime.datetime(2023, 6, 20, 10, tzinfo=TASHKENT)
    end = datetime.datetime(2023, 6, 20, 13, tzinfo=TASHKENT)
    assert in_language(language, formatting.time_range_text, start, end, "Asia/Tashkent", weekday=True) == expected


def test_a_meeting_over_two_days_names_both():
    start = datetime.datetime(2023, 6, 20, 10, tzinfo=TASHKENT)
    end = datetime.datetime(2023, 6, 21, 13, tzinfo=TASHKENT)
    assert in_language("en", formatting.time_range_text, start, end) == "20 June 2023, 10:00 – 21 June 2023, 13:00"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Tashkent time (UTC+5)"), ("ru", "ташкентское время (UTC+5)"), ("uz", "Toshkent vaqti (UTC+5)")],
)
def test_zone_label(language, expected):
    assert in_language(language, formatting.zone_label, "Asia/Tashkent") == expected


def test_a_zone_without_a_friendly_name_is_shown_by_its_offset_at_the_moment():
    winter = datetime.datetime(2024, 1, 15, 12, tzinfo=datetime.UTC)
    summer = datetime.datetime(2024, 7, 15, 12, tzinfo=datetime.UTC)
    assert formatting.zone_label("Europe/Berlin", at=winter) == "UTC+1"
    assert formatting.zone_label("Europe/Berlin", at=summer) == "UTC+2"
    assert formatting.zone_label("Asia/Kolkata", at=winter) == "UTC+5:30"
    assert formatting.zone_label("America/New_York", at=winter) == "UTC\u22125"
    assert formatting.zone_label("Not/AZone") == "Not/AZone"


def test_zone_choices_store_the_name_and_show_the_label():
    with translation.override("en"):
        choices = formatting.zone_choices(["Europe/Berlin", "Asia/Tashkent"], at=datetime.datetime(2024, 1, 15))
    assert choices == [("Asia/Tashkent", "Tashkent time (UTC+5)"), ("Europe/Berlin", "Europe/Berlin (UTC+1)")]


def test_zone_choices_are_kept_per_language_and_moment():
    zones = ["Europe/Berlin", "Asia/Tashkent"]
    winter, summer = datetime.datetime(2024, 1, 15), datetime.datetime(2024, 7, 15)
    english = in_language("en", formatting.zone_choices, zones, at=winter)
    russian = in_language("ru", formatting.zone_choices, zones, at=winter)
    assert english[0] == ("Asia/Tashkent", "Tashkent time (UTC+5)")
    assert russian[0] == ("Asia/Tashkent", in_language("ru", formatting.zone_choice_label, "Asia/Tashkent", winter))
    assert russian[0] != english[0]
    assert in_language("en", formatting.zone_choices, zones, at=summer)[1] == ("Europe/Berlin", "Europe/Berlin (UTC+2)")
    assert in_language("en", formatting.zone_choices, zones, at=winter) == english
    # A form may change the list it is given: the kept one stays as it was.
    english.clear()
    assert in_language("en", formatting.zone_choices, zones, at=winter)[1] == ("Europe/Berlin", "Europe/Berlin (UTC+1)")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12,345"), ("ru", "12\xa0345"), ("uz", "12\xa0345")],
)
def test_numbers_with_thousands_separators(language, expected):
    assert in_language(language, formatting.number_text, 12345) == expected
    assert in_language(language, formatting.number_text, 7) == "7"
    assert in_language(language, formatting.number_text, None) == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 December 2026, 08:35"), ("ru", "1 декабря 2026 г., 08:35"), ("uz", "2026-yil 1-dekabr, 08:35")],
)
def test_timestamps_in_the_reader_zone_without_seconds(language, expected, settings):
    settings.TIME_ZONE = "Asia/Tashkent"
    moment = datetime.datetime(2026, 12, 1, 3, 35, 39, 692079, tzinfo=datetime.UTC)
    assert in_language(language, formatting.timestamp_text, moment) == expected


def test_a_datetime_placed_in_a_zone_keeps_its_day():
    """A meeting's local start late in the evening in New York is that day there, not the next day in Tashkent."""
    evening = datetime.datetime(2024, 3, 12, 20, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert in_language("en", formatting.date_text, evening) == "12 March 2024"
    database_value = datetime.datetime(2024, 3, 12, 20, tzinfo=datetime.UTC)  # 01:00 on the 13th in Tashkent
    assert in_language("en", formatting.date_text, database_value) == "13 March 2024"


def test_the_template_filters_use_the_same_functions():
    template = Template(
        "{% load formatting %}{{ start|day_range:end }} · {{ start|day }} · {{ start|month }} · {{ count|number }}"
        " · {{ zone|zone_label:moment }} · {% time_range begins ends %}"
    )
    context = Context(
        {
            "start": date(2024, 2, 20),
            "end": date(2024, 2, 21),
            "count": 12345,
            "zone": "Asia/Tashkent",
            "moment": datetime.datetime(2024, 2, 20, tzinfo=datetime.UTC),
            "begins": datetime.datetime(2024, 2, 20, 10, tzinfo=TASHKENT),
            "ends": datetime.datetime(2024, 2, 20, 12, tzinfo=TASHKENT),
        }
    )
    with translation.override("uz"):
        assert template.render(context) == (
            "2024-yil 20–21-fevral · 2024-yil 20-fevral · 2024-yil fevral · 12\xa0345 · Toshkent vaqti (UTC+5)"
            " · 2024-yil 20-fevral, 10:00–12:00"
        )


@pytest.mark.parametrize(("language", "expected"), [("en", "Feb"), ("ru", "фев"), ("uz", "fev")])
def test_short_month_names_for_the_timeline(language, expected):
    assert in_language(language, formatting.short_month_text, date(2024, 2, 1)) == expected


def test_something_that_is_not_a_date_is_shown_as_it_is():
    assert formatting.date_text("soon") == "soon"
    assert formatting.timestamp_text("soon") == "soon"
    assert formatting.date_range_text("soon", "later") == "soon"
    assert formatting.time_range_text("soon", "later") == "soon"
    assert formatting.zone_label("Asia/Tashkent", at="soon").endswith("(UTC+5)")
