"""A date as metadata writes it (schema.org, meta tags, feeds, a dump's field), as ISO 8601.

A record's ``published`` is ISO 8601 or empty: a date that cannot be read loses the record
nothing (``published_raw`` keeps it, with a warning), and one that can is never taken as
written (1403-11-13 is a Solar Hijri day, not the year 1403 AD).
"""
from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from .calendars import parse_day
from .finder import find_dates

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def read_date(value: str) -> str | None:
    """``value`` as ISO 8601, or None if it is no date that can be read: an ISO day (its
    time kept), a Solar Hijri day typed the same way (1403-11-13, which is 2025-02-01, not
    the year 1403 AD), whatever find_dates reads as a date, or a feed's RFC 2822 date.

    >>> read_date("1403-11-13"), read_date("۱۳ بهمن ۱۴۰۳"), read_date("Sat, 01 Feb 2025 10:00:00 +0330")
    ('2025-02-01', '2025-02-01', '2025-02-01T10:00:00+03:30')
    >>> read_date("Feb 1, 2025") is None
    True
    """
    value = value.strip()
    if m := _ISO_DAY.match(value):
        try:
            return parse_day(m.group()) + value[m.end():]
        except ValueError:  # 2025-13-45
            return None
    found = [m for m in find_dates(value) if m.kind in ("date", "datetime") and m.value]
    if found:
        return found[0].value
    try:  # feeds write RFC 2822: Sat, 01 Feb 2025 10:00:00 +0330
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None
