import datetime

import pytest

from common.quarter import Quarter


@pytest.mark.parametrize("text", ["2023-Q3", "2023Q3", "2023-q3", " 2023 - Q3 "])
def test_parse_accepts_common_spellings(text):
    assert Quarter.parse(text) == Quarter(2023, 3)


@pytest.mark.parametrize("text", ["", "2023", "2023-Q5", "2023-Q0", "Q3-2023", "abcd-Q1", None])
def test_parse_rejects_what_is_not_a_quarter(text):
    with pytest.raises(ValueError):
        Quarter.parse(text)


def test_quarter_number_must_be_one_to_four():
    with pytest.raises(ValueError):
        Quarter(2023, 5)


def test_formatting_round_trips():
    quarter = Quarter(2023, 4)
    assert str(quarter) == "2023-Q4"
    assert quarter.label == "Q4 2023"
    assert Quarter.parse(str(quarter)) == quarter


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [
        (Quarter(2023, 1), datetime.date(2023, 1, 1), datetime.date(2023, 3, 31)),
        (Quarter(2023, 2), datetime.date(2023, 4, 1), datetime.date(2023, 6, 30)),
        (Quarter(2023, 3), datetime.date(2023, 7, 1), datetime.date(2023, 9, 30)),
        (Quarter(2023, 4), datetime.date(2023, 10, 1), datetime.date(2023, 12, 31)),
        (Quarter(2024, 1), datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
    ],
)
def test_first_and_last_day(quarter, first, last):
    assert quarter.first_day == first
    assert quarter.last_day == last


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2023, 6, 20), Quarter(2023, 2)),
        (datetime.date(2023, 7, 1), Quarter(2023, 3)),
        (datetime.date(2023, 10, 24), Quarter(2023, 4)),
        (datetime.date(2023, 12, 31), Quarter(2023, 4)),
        (datetime.date(2024, 1, 1), Quarter(2024, 1)),
    ],
)
def test_quarter_containing_a_date(day, expected):
    assert Quarter.containing(day) == expected
    assert day in expected
    assert day not in expected.next()


def test_next_and_previous_cross_years():
    assert Quarter(2023, 4).next() == Quarter(2024, 1)
    assert Quarter(2024, 1).previous() == Quarter(2023, 4)
    assert Quarter(2023, 2).next().previous() == Quarter(2023, 2)


def test_quarters_order_by_time():
    assert Quarter(2022, 4) < Quarter(2023, 1) < Quarter(2023, 2)
