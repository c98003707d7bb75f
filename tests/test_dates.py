from __future__ import annotations

import pytest

from byline.dates import parse_date, search_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-28T17:24:00Z", "2024-10-28T17:24:00+00:00"),
        ("2024-10-28T17:24:00.123+0200", "2024-10-28T17:24:00+02:00"),
        ("2024-10-28 17:24:00", "2024-10-28T17:24:00"),
        ("2024-10-28", "2024-10-28"),
        ("Mon, 28 Oct 2024 10:24:00 -0700", "2024-10-28T10:24:00-07:00"),
        ("Updated 10:24 AM MST, October 28, 2024", "2024-10-28T10:24:00-07:00"),
        ("October 28, 2024 at 3:05 p.m. ET", "2024-10-28T15:05:00-04:00"),
        ("Jan 5, 2024 3:05 PM ET", "2024-01-05T15:05:00-05:00"),
        ("Published Monday, 28 October 2024, 14:30 GMT", "2024-10-28T14:30:00+00:00"),
        ("Oct. 28, 2024", "2024-10-28"),
        ("Sept. 5, 2024", "2024-09-05"),
        ("28 October 2024", "2024-10-28"),
        ("28 de octubre de 2024", "2024-10-28"),
        ("2024/10/28", "2024-10-28"),
        ("28.10.2024", "2024-10-28"),
        ("10/28/2024", "2024-10-28"),
        ("1730136240000", "2024-10-28T17:24:00+00:00"),
        ("1730136240", "2024-10-28T17:24:00+00:00"),
        ("20241028", "2024-10-28"),
        ("10-28-2024", "2024-10-28"),
        ("Mon Oct 28 2024 10:24:00 GMT-0700 (Pacific Daylight Time)", "2024-10-28T10:24:00-07:00"),
        ("Updated: Oct. 28, 2024 at 11:05 a.m. CDT", "2024-10-28T11:05:00-05:00"),
        ("Monday, October 28th 2024, 1:30 pm", "2024-10-28T13:30:00"),
        ("2024年10月28日", "2024-10-28"),
    ],
)
def test_parse_date(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["May", "12345", "", "1980-01-01", "2999-01-01", "Tuesday", "13/13/2024", "2024-02-30"])
def test_parse_date_refuses(text: str) -> None:
    assert parse_date(text) is None


def test_default_timezone_applies_to_naive_times_only() -> None:
    assert parse_date("2024-10-28T17:24", default_tz="America/New_York") == "2024-10-28T17:24:00-04:00"
    assert parse_date("2024-10-28T17:24Z", default_tz="America/New_York") == "2024-10-28T17:24:00+00:00"


def test_search_date_in_glued_byline() -> None:
    line = "By LORNE COOK and TARA COPPUpdated 10:24 AM MST, October 28, 2024Share"
    iso, start, end = search_date(line)
    assert iso == "2024-10-28T10:24:00-07:00"
    assert line[start:end] == "10:24 AM MST, October 28, 2024"


def test_two_digit_year_only_alone_or_with_a_time() -> None:
    assert search_date("12-05-23")[0] == "2023-12-05"
    assert search_date("12/05/23 10:30 AM")[0] == "2023-12-05T10:30:00"
    assert search_date("Posted 5.12.23 14:00")[0] == "2023-12-05T14:00:00"
    assert search_date("Won 12-05-23 in overtime") is None
    assert search_date("13-13-23") is None


def test_search_date_takes_the_first_date() -> None:
    found = search_date("Posted on March 3, 2023, updated April 4, 2023")
    assert found is not None and found[0] == "2023-03-03"
    assert search_date("no date in here, just 42 words") is None
