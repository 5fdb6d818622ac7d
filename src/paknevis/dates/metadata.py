"""A date as metadata writes it (schema.org, meta tags, feeds, a dump's field), as ISO 8601.

A record's ``published`` is ISO 8601 or empty: a date that cannot be read loses the record
nothing (``published_raw`` keeps it, with a warning), and one that can is never taken as
written (1403-11-13 is a Solar Hijri day, not the year 1403 AD).
"""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from .calendars import parse_day
from .finder import find_dates

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_ISO_TIME = re.compile(r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?")
# Blogger and other platforms with an English interface: Saturday, February 1, 2025
_LATIN_LETTER = re.compile("[A-Za-z]")
_ENGLISH_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%b %d, %Y", "%A, %d %B %Y", "%d %B %Y",
                    "%d %b %Y", "%a, %d %b %Y", "%a %b %d %Y", "%a, %b %d, %Y")


def english_date(value: str) -> str | None:
    """``value`` as an ISO day if the whole of it is a date in English words, else None.

    >>> english_date("Saturday, February 1, 2025"), english_date("1 Feb 2025"), english_date("Feb 1")
    ('2025-02-01', '2025-02-01', None)
    """
    if _LATIN_LETTER.search(value) is None:  # every form has a month in English letters:
        return None  # not nine formats that each fail with an exception (0.11 ms a line)
    value = " ".join(value.split())
    for form in _ENGLISH_FORMATS:
        try:
            return dt.datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return None


def read_date(value: str) -> str | None:
    """``value`` as ISO 8601, or None if it is no date that can be read: an ISO day (its
    time kept), a Solar Hijri day typed the same way (1403-11-13, which is 2025-02-01, not
    the year 1403 AD), whatever find_dates reads as a date, a feed's RFC 2822 date, or a
    date in English words.

    >>> read_date("1403-11-13"), read_date("۱۳ بهمن ۱۴۰۳"), read_date("Sat, 01 Feb 2025 10:00:00 +0330")
    ('2025-02-01', '2025-02-01', '2025-02-01T10:00:00+03:30')
    >>> read_date("Feb 1, 2025"), read_date("2025-02-01 and more"), read_date("Feb 1") is None
    ('2025-02-01', '2025-02-01', True)
    """
    value = value.strip()
    if m := _ISO_DAY.match(value):
        try:
            day = parse_day(m.group())
        except ValueError:  # 2025-13-45
            return None
        rest = value[m.end():]  # kept only if it is all a time
        return day + rest if _ISO_TIME.fullmatch(rest) else day
    found = [m for m in find_dates(value) if m.kind in ("date", "datetime") and m.value]
    if found:
        return found[0].value
    try:  # feeds write RFC 2822: Sat, 01 Feb 2025 10:00:00 +0330
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return english_date(value)
