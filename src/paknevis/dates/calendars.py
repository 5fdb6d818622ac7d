"""Calendar arithmetic: Solar Hijri (jdatetime), Gregorian, Hijri lunar (hijridate).

jdatetime follows the official Iranian calendar for 1206-1498 (khayyam does not from 1403
on). Every function raises ValueError for a date that does not exist, so that a match
such as ۱۴۰۳/۱۲/۴۵ is dropped rather than turned into a wrong value.
"""
from __future__ import annotations

import calendar as _gregorian
import datetime as dt

import jdatetime
from hijridate import Hijri

JALALI, GREGORIAN, HIJRI = "jalali", "gregorian", "hijri"


def to_gregorian(cal: str, y: int, m: int, d: int) -> dt.date:
    if cal == JALALI:
        return jdatetime.date(y, m, d).togregorian()
    if cal == HIJRI:
        try:
            return Hijri(y, m, d).to_gregorian()
        except (ValueError, OverflowError) as e:
            raise ValueError(str(e)) from None
    return dt.date(y, m, d)


def month_length(cal: str, y: int, m: int) -> int:
    if cal == JALALI:
        if m <= 6:
            return 31
        if m <= 11:
            return 30
        return 30 if jdatetime.date(y, 1, 1).isleap() else 29
    if cal == HIJRI:
        try:
            return Hijri(y, m, 1).month_length()
        except (ValueError, OverflowError) as e:
            raise ValueError(str(e)) from None
    return _gregorian.monthrange(y, m)[1]


def month_interval(cal: str, y: int, m: int) -> str:
    """ISO interval of a whole month, both ends inclusive: بهمن ۱۴۰۳ -> 2025-01-20/2025-02-18."""
    start = to_gregorian(cal, y, m, 1)
    end = to_gregorian(cal, y, m, month_length(cal, y, m))
    return f"{start.isoformat()}/{end.isoformat()}"


def year_interval(cal: str, y: int) -> str:
    """ISO interval of a whole year: 1357 -> 1978-03-21/1979-03-20."""
    start = to_gregorian(cal, y, 1, 1)
    end = to_gregorian(cal, y, 12, month_length(cal, y, 12))
    return f"{start.isoformat()}/{end.isoformat()}"


def jalali_of(day: dt.date) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=day)


def weekday(day: dt.date) -> int:
    """0 for Saturday … 6 for Friday (the Persian week)."""
    return (day.weekday() + 2) % 7


def parse_day(value: str) -> str:
    """A day typed by a user, Solar Hijri (1403-11-01, ۱۴۰۳-۱۱-۰۱) or Gregorian (2025-01-20),
    as an ISO date; ValueError with a clear message otherwise.

    >>> parse_day("1403-11-13"), parse_day("2025-02-01")
    ('2025-02-01', '2025-02-01')
    """
    import re

    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip().translate(
        str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
    if not m:
        raise ValueError(f"{value!r}: write a date as YYYY-MM-DD (1403-11-01 or 2025-01-20)")
    y, mo, d = map(int, m.groups())
    try:
        return to_gregorian(JALALI if y < 1700 else GREGORIAN, y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"{value!r}: no such date") from None
