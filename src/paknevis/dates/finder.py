"""Find date and time expressions in Persian text and resolve them to ISO 8601.

Each kind of expression has one regex; candidates from all of them are resolved to the
longest non-overlapping set. Values are ISO 8601: ``2025-02-01``, ``2025-02-01T10:00``,
``T10:00``, intervals ``start/end`` with inclusive dates, durations ``P45Y``. Relative
expressions resolve against ``base`` (the document's date), never the machine clock.

>>> [(m.text, m.kind, m.value) for m in find_dates("شنبه، ۸ فوریه ۲۰۲۵ ساعت ۱۰ صبح در پاریس")]
[('شنبه، ۸ فوریه ۲۰۲۵ ساعت ۱۰ صبح', 'datetime', '2025-02-08T10:00')]
>>> [(m.text, m.value) for m in find_dates("در ۲۲ بهمن ۵۷ و سه دهه بعد از آن")]
[('۲۲ بهمن ۵۷', '1979-02-11'), ('سه دهه', 'P30Y')]
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass
from itertools import product

from . import calendars as cal
from .vocab import (
    AMBIGUOUS_MONTHS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    HUNDREDS,
    JALALI_MONTHS,
    ORDINALS,
    TEENS,
    TENS,
    UNITS,
    WEEKDAYS,
    alternation,
    fold,
    folded,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, time, interval or duration found in a text, with its ISO 8601 value."""

    start: int
    end: int
    text: str
    kind: str  # date | datetime | time | interval | duration
    value: str | None  # ISO 8601; None when it cannot be resolved (a yearless day, no base)
    calendar: str | None  # jalali | gregorian | hijri; None for times and durations
    warning: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


_J, _G, _H = folded(JALALI_MONTHS), folded(GREGORIAN_MONTHS), folded(HIJRI_MONTHS)
_WD, _ORD = folded(WEEKDAYS), folded(ORDINALS)
_NUMBER_WORDS = folded({**UNITS, **TEENS, **TENS, **HUNDREDS})
_AMBIGUOUS = {fold(w) for w in AMBIGUOUS_MONTHS}
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)

_B = r"(?<![\w])"  # word start (digits and letters are both \w)
_E = r"(?![\w])"  # word end
_S = r"[ \u00a0\u200c]+"  # space between words, as typed
_D = r"[0-9۰-۹٠-٩]"
_WDAY = f"(?P<wd>{alternation(WEEKDAYS)})"
_MONTH = (f"(?:(?P<jm>{alternation(JALALI_MONTHS)})|(?P<gm>{alternation(GREGORIAN_MONTHS)})"
          f"|(?P<hm>{alternation(HIJRI_MONTHS)}))")
_CALNAME = (r"(?:[ ]*(?P<calname>هجری[ \u200c]*شمسی|هجری[ \u200c]*خورشیدی|خورشیدی|شمسی|هجری[ \u200c]*قمری"
            r"|قمری|میلادی|ه\.[ ]?ش\.?|ه\.[ ]?ق\.?|م\.))?")
_NUM_WORD = alternation(list(_NUMBER_WORDS) + [f"{t} و {u}" for t in TENS for u in UNITS if u != "یه"])
_COUNT = f"(?P<n>{_D}+|{_NUM_WORD})"
_UNIT = f"(?P<unit>{alternation(['سال', 'ماه', 'هفته', 'روز', 'ساعت', 'دقیقه', 'ثانیه', 'دهه', 'قرن'])})"
_TIME = (f"(?:ساعت{_S}(?P<hh>{_D}{{1,2}})(?:[:٫](?P<mm>{_D}{{2}}))?"
         f"|(?P<hh2>{_D}{{1,2}}):(?P<mm2>{_D}{{2}})(?![:\\d]))"
         f"(?:{_S}(?P<part>صبح|بامداد|ظهر|بعد{_S}?از{_S}?ظهر|بعدازظهر|عصر|شب))?")

_DAY_WORDS = ["امروز", "دیروز", "پریروز", "فردا", "پس‌فردا", "امشب", "دیشب", "امسال", "پارسال"]

_PATTERNS = {
    # ۱۳ بهمن ۱۴۰۳، شنبه ۸ فوریه ۲۰۲۵، سیزدهم بهمن ماه، ۲ شعبان ۱۴۴۶ قمری
    "day_month": re.compile(
        f"{_B}(?:{_WDAY}[،,]?{_S}(?:روز{_S})?)?(?:روز{_S})?(?P<day>{_D}{{1,2}}|{alternation(ORDINALS)})"
        f"{_S}(?:ماه{_S})?{_MONTH}(?:{_S}ماه)?(?:{_S}(?:سال{_S})?(?P<year>{_D}{{4}}|{_D}{{2}}){_E})?"
        f"{_CALNAME}{_E}"),
    # ۱۴۰۳ بهمن ۱۳, شنبه (the Blogger date header)
    "year_month_day": re.compile(
        f"{_B}(?P<year>{_D}{{4}}){_S}{_MONTH}{_S}(?P<day>{_D}{{1,2}}){_E}(?:[ ]*[,،][ ]*{_WDAY})?"),
    # بهمن ۱۴۰۳، بهمن ماه ۱۴۰۳، فوریه ۲۰۲۵
    "month_year": re.compile(
        f"{_B}(?:ماه{_S})?{_MONTH}(?:{_S}ماه)?{_S}(?:سال{_S})?(?P<year>{_D}{{4}}|{_D}{{2}}){_E}{_CALNAME}"),
    # ۱۴۰۳/۱۱/۱۳, 1403-11-13, ۱۳/۱۱/۱۴۰۳, 2025-02-01
    "numeric": re.compile(
        f"(?<![\\w/.\\-])(?:(?P<y>{_D}{{4}})(?P<s>[/\\-.])(?P<m>{_D}{{1,2}})(?P=s)(?P<d>{_D}{{1,2}})"
        f"|(?P<d2>{_D}{{1,2}})(?P<s2>[/\\-.])(?P<m2>{_D}{{1,2}})(?P=s2)(?P<y2>{_D}{{4}}))(?![\\w/]|[.\\-]{_D})"),
    "time": re.compile(f"{_B}{_TIME}{_E}"),
    # سال ۱۴۰۳، سال ۲۰۲۵ میلادی، ۱۳۵۷ هجری شمسی، دهه ۶۰
    "year": re.compile(
        f"{_B}(?:(?:سال{_S}|(?P<decade>دهه){_S})(?P<year>{_D}{{4}}|{_D}{{2}}){_E}{_CALNAME}"
        f"|(?P<year2>{_D}{{4}}){_E}[ ]*(?P<calname2>هجری[ \u200c]*شمسی|هجری[ \u200c]*خورشیدی|خورشیدی"
        f"|شمسی|هجری[ \u200c]*قمری|قمری|میلادی))"),
    # ۴۵ سال، سه دهه (durations); سه روز پیش، دو هفته بعد (relative); ۴۵ سال گذشته (a duration)
    "count": re.compile(
        f"{_B}{_COUNT}{_S}{_UNIT}{_E}(?:{_S}(?P<dir>پیش|قبل|بعد|دیگر|گذشته|اخیر|آینده){_E}"
        f"(?!{_S}از{_E}))?"),  # سه دهه بعد از آن: after an event, not the document's date
    # امروز، دیروز، سال گذشته، ماه آینده، امسال
    "relative_word": re.compile(
        f"{_B}(?:(?P<word>{alternation(_DAY_WORDS)})"
        f"|(?P<unit2>سال|ماه|هفته){_S}(?P<dir2>گذشته|پیش|قبل|آینده|بعد|جاری)){_E}"),
}
# Higher wins when two candidates cover the same span.
_PRIORITY = {"day_month": 9, "year_month_day": 9, "numeric": 8, "month_year": 7, "year": 6,
             "count": 5, "relative_word": 4, "time": 2}

# Where each pattern may start. re tries a pattern that starts with a lookbehind at every
# position of a text: the eight passes made find_dates cost more than the repair of the
# same article (0.57 ms a Fars News article, against 0.44 for fix_and_explain). Every
# pattern starts at a word start, with a digit or with one of a few words that it follows
# with a space, a ZWNJ, a comma or the end of the word. So a match can only start where a
# word of the text (\w+, which ends at a space or a ZWNJ) begins with a digit or is the
# first \w+ of one of those words, in any of the ways the web writes it: each pattern is
# tried there alone. It finds what finditer finds (tests/test_dates.py holds it), and
# find_dates takes 0.19 ms an article.
_DIGIT_LED = {"day_month", "year_month_day", "numeric", "time", "year", "count"}
_FIRST_WORDS = {
    "day_month": [*WEEKDAYS, "روز", *ORDINALS],
    "month_year": ["ماه", *JALALI_MONTHS, *GREGORIAN_MONTHS, *HIJRI_MONTHS],
    "time": ["ساعت"],
    "year": ["سال", "دهه"],
    "count": [*_NUMBER_WORDS, *(f"{t} و {u}" for t in TENS for u in UNITS if u != "یه")],
    "relative_word": [*_DAY_WORDS, "سال", "ماه", "هفته"],
}
_WORD = re.compile(r"\w+")
_LETTER_FORMS = {"ی": "یيى", "ک": "کك"}


def _typings(word: str) -> set[str]:
    """The first word (\\w+) of each way in which ``flex`` lets the web write ``word``: each
    ZWNJ or space as either or none, the hamza above or not, Arabic yeh and kaf."""
    ways = [("\u200c", " ", "") if ch in "\u200c " else ("ٔ", "") if ch == "ٔ"
            else _LETTER_FORMS.get(ch, ch) for ch in word]
    return {m.group() for way in product(*ways) if (m := _WORD.match("".join(way)))}


#: What each word that may start a date tries: its kinds, in the order of _PATTERNS
_KINDS_AFTER: dict[str, tuple[str, ...]] = {}
for _kind in _PATTERNS:
    for _first in set().union(*map(_typings, _FIRST_WORDS.get(_kind, ()))):
        _KINDS_AFTER[_first] = (*_KINDS_AFTER.get(_first, ()), _kind)
_AFTER_DIGIT = tuple(kind for kind in _PATTERNS if kind in _DIGIT_LED)


def _matches(text: str) -> list[tuple[str, re.Match]]:
    """What ``pattern.finditer(text)`` gives for each pattern, in the order of _PATTERNS."""
    found: dict[str, list[re.Match]] = {kind: [] for kind in _PATTERNS}
    ends = dict.fromkeys(_PATTERNS, 0)  # finditer goes on from the end of a match
    for word in _WORD.finditer(text):
        first = word.group()
        kinds = _AFTER_DIGIT if first[0].isdigit() else _KINDS_AFTER.get(first)
        if kinds:
            at = word.start()
            for kind in kinds:
                if at >= ends[kind] and (m := _PATTERNS[kind].match(text, at)):
                    found[kind].append(m)
                    ends[kind] = m.end()
    return [(kind, m) for kind, ms in found.items() for m in ms]


def _int(digits: str) -> int:
    return int(digits.translate(_DIGITS))


def _count(word: str) -> int:
    """A count written in digits or in words (سه، بیست و پنج)."""
    if word[0].translate(_DIGITS).isdigit():
        return _int(word)
    key = fold(word)  # بیست و پنج -> بیستوپنج
    if key in _NUMBER_WORDS:
        return _NUMBER_WORDS[key]
    tens, _, unit = key.partition("و")
    return _NUMBER_WORDS[tens] + _NUMBER_WORDS[unit]


def _calendar_of(m: re.Match) -> str:
    if m.group("jm"):
        return cal.JALALI
    return cal.GREGORIAN if m.group("gm") else cal.HIJRI


def _month_of(m: re.Match) -> int:
    word = fold(m.group("jm") or m.group("gm") or m.group("hm"))
    return {**_J, **_G, **_H}[word]


def _full_year(year: str, calendar: str) -> int:
    """Two-digit years the way Iranian writers mean them: ۵۷ is 1357, ۰۲ is 1402."""
    y = _int(year)
    if len(year) > 2:
        return y
    if calendar == cal.JALALI:
        return 1300 + y if y >= 40 else 1400 + y
    if calendar == cal.HIJRI:
        return 1400 + y if y < 60 else 1300 + y
    return 2000 + y if y < 50 else 1900 + y


def _calendar_named(name: str | None, year: int) -> str:
    """The calendar a year is in: by its marker (میلادی، قمری…), else by its range."""
    if name:
        name = fold(name)
        if "قمری" in name or name.startswith("ه.ق"):
            return cal.HIJRI
        if "میلادی" in name or name == "م.":
            return cal.GREGORIAN
        return cal.JALALI
    return cal.GREGORIAN if year >= 1700 else cal.JALALI


class _Resolver:
    def __init__(self, base: dt.date | None):
        self.base = base

    @staticmethod
    def year_of(day: dt.date, calendar: str) -> int:
        """The year of ``day`` in ``calendar``."""
        if calendar == cal.JALALI:
            return cal.jalali_of(day).year
        if calendar == cal.HIJRI:
            from hijridate import Gregorian
            return Gregorian.fromdate(day).to_hijri().year
        return day.year

    def day_month(self, m: re.Match):
        calendar = _calendar_of(m)
        month = _month_of(m)
        day_word = m.group("day")
        day = _ORD[fold(day_word)] if fold(day_word) in _ORD else _int(day_word)
        month_word = fold(m.group("jm") or m.group("gm") or m.group("hm"))
        if month_word in _AMBIGUOUS and not m.group("year") and not m.group("wd"):
            if not day_word[0].translate(_DIGITS).isdigit():
                return None  # "سوم دی" is a date, "سوم مه" too rare to trust; digits only
        if m.group("year"):
            day_ = cal.to_gregorian(calendar, _full_year(m.group("year"), calendar), month, day)
        elif self.base is None:
            cal.to_gregorian(calendar, 1403 if calendar == cal.JALALI else 2024, month, day)  # valid?
            return "date", None, calendar, None
        else:  # no year: the occurrence nearest the document's date
            base = self.base
            year = self.year_of(base, calendar)
            options = []
            for y in (year - 1, year, year + 1):
                try:
                    options.append(cal.to_gregorian(calendar, y, month, day))
                except ValueError:
                    continue
            if not options:
                raise ValueError("no such day")
            day_ = min(options, key=lambda d: abs((d - base).days))
        return "date", day_.isoformat(), calendar, self._weekday_warning(m, day_)

    def year_month_day(self, m: re.Match):
        calendar = _calendar_of(m)
        day_ = cal.to_gregorian(calendar, _int(m.group("year")), _month_of(m), _int(m.group("day")))
        return "date", day_.isoformat(), calendar, self._weekday_warning(m, day_)

    def month_year(self, m: re.Match):
        calendar = _calendar_of(m)
        if m.group("calname"):
            calendar = _calendar_named(m.group("calname"), 0) if not m.group("gm") else calendar
        year = _full_year(m.group("year"), calendar)
        return "interval", cal.month_interval(calendar, year, _month_of(m)), calendar, None

    def numeric(self, m: re.Match):
        if m.group("y"):
            y, mo, d = _int(m.group("y")), _int(m.group("m")), _int(m.group("d"))
        else:
            y, mo, d = _int(m.group("y2")), _int(m.group("m2")), _int(m.group("d2"))
        if 1200 <= y <= 1499:
            calendar = cal.JALALI
        elif 1800 <= y <= 2199:
            calendar = cal.GREGORIAN
        else:
            return None
        return "date", cal.to_gregorian(calendar, y, mo, d).isoformat(), calendar, None

    @staticmethod
    def _clock(m: re.Match) -> str | None:
        hh = m.group("hh") or m.group("hh2")
        mm = m.group("mm") or m.group("mm2") or "0"
        h, mi = _int(hh), _int(mm)
        part = fold(m.group("part") or "")
        if part in ("بعدازظهر", "عصر", "شب") and h < 12:
            h += 12
        elif part == "ظهر" and h < 5:
            h += 12
        if h > 23 or mi > 59:
            return None
        return f"T{h:02d}:{mi:02d}"

    def time(self, m: re.Match):
        clock = self._clock(m)
        return ("time", clock, None, None) if clock else None

    def year(self, m: re.Match):
        digits = m.group("year") or m.group("year2")
        name = m.group("calname") or m.group("calname2")
        calendar = _calendar_named(name, _int(digits) if len(digits) == 4 else 0)
        y = _full_year(digits, calendar)
        if m.group("decade"):  # دهه ۶۰: the 1360s
            if len(digits) != 2 or y % 10:
                return None
            start = cal.year_interval(calendar, y).split("/")[0]
            end = cal.year_interval(calendar, y + 9).split("/")[1]
            return "interval", f"{start}/{end}", calendar, None
        return "interval", cal.year_interval(calendar, y), calendar, None

    def count(self, m: re.Match):
        n, unit, direction = _count(m.group("n")), fold(m.group("unit")), m.group("dir")
        if direction is None or direction in ("گذشته", "اخیر", "آینده") or self.base is None:
            return self.duration(m)  # ۴۵ سال گذشته، سه ماه آینده: a stretch of time, not a date
        sign = -1 if direction in ("پیش", "قبل") else 1
        days = {"روز": 1, "هفته": 7}.get(unit)
        if days is not None:
            return "date", (self.base + dt.timedelta(days=sign * n * days)).isoformat(), cal.GREGORIAN, None
        if unit in ("ماه", "سال", "دهه", "قرن"):
            months = {"ماه": 1, "سال": 12, "دهه": 120, "قرن": 1200}[unit] * n * sign
            j = cal.jalali_of(self.base)
            total = j.year * 12 + (j.month - 1) + months
            y, mo = divmod(total, 12)
            day = min(j.day, cal.month_length(cal.JALALI, y, mo + 1))
            return "date", cal.to_gregorian(cal.JALALI, y, mo + 1, day).isoformat(), cal.JALALI, None
        return self.duration(m)

    def duration(self, m: re.Match):
        n, unit = _count(m.group("n")), fold(m.group("unit"))
        value = {"سال": f"P{n}Y", "ماه": f"P{n}M", "هفته": f"P{n}W", "روز": f"P{n}D",
                 "ساعت": f"PT{n}H", "دقیقه": f"PT{n}M", "ثانیه": f"PT{n}S",
                 "دهه": f"P{10 * n}Y", "قرن": f"P{100 * n}Y"}[unit]
        return "duration", value, None, None

    def relative_word(self, m: re.Match):
        if self.base is None:
            return None
        b = self.base
        word = fold(m.group("word") or "")
        shift = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "پریروز": -2, "فردا": 1,
                 "پسفردا": 2}.get(word)
        if shift is not None:
            return "date", (b + dt.timedelta(days=shift)).isoformat(), cal.GREGORIAN, None
        j = cal.jalali_of(b)
        if word in ("امسال", "پارسال"):
            return "interval", cal.year_interval(cal.JALALI, j.year - (word == "پارسال")), cal.JALALI, None
        unit, direction = m.group("unit2"), m.group("dir2")
        step = 0 if direction == "جاری" else (-1 if direction in ("گذشته", "پیش", "قبل") else 1)
        if unit == "سال":
            return "interval", cal.year_interval(cal.JALALI, j.year + step), cal.JALALI, None
        if unit == "ماه":
            y, mo = divmod(j.year * 12 + j.month - 1 + step, 12)
            return "interval", cal.month_interval(cal.JALALI, y, mo + 1), cal.JALALI, None
        # a week: Saturday to Friday
        start = b - dt.timedelta(days=cal.weekday(b)) + dt.timedelta(days=7 * step)
        end = start + dt.timedelta(days=6)
        return "interval", f"{start.isoformat()}/{end.isoformat()}", cal.GREGORIAN, None

    @staticmethod
    def _weekday_warning(m: re.Match, day: dt.date) -> str | None:
        wd = m.group("wd")
        if wd and _WD[fold(wd)] != cal.weekday(day):
            actual = next(k for k, v in WEEKDAYS.items() if v == cal.weekday(day))
            return f"weekday_mismatch: {wd} written, but {day.isoformat()} is {actual}"
        return None


def _as_date(base) -> dt.date | None:
    if base is None or isinstance(base, dt.date) and not isinstance(base, dt.datetime):
        return base
    if isinstance(base, dt.datetime):
        return base.date()
    # a day as text: ISO, or Solar Hijri (1403-11-13, as a Persian user or jdatetime writes
    # it), which fromisoformat would take for the year 1403 AD; a time after it is dropped
    return dt.date.fromisoformat(cal.parse_day(str(base)[:10]))


def find_dates(text: str, base: dt.date | dt.datetime | str | None = None) -> list[DateMention]:
    """Every date, time, interval and duration in ``text``, in order of position.

    ``base`` is the document's own date (a ``date``, a ``datetime``, or a day as text, ISO
    or Solar Hijri: ``"2025-02-01"``, ``"1403-11-13"``): relative
    expressions (دیروز، سه روز پیش، سال گذشته) and days without a year resolve against it.
    Without it they are left out, or their value is None.
    """
    resolver = _Resolver(_as_date(base))
    candidates, vetoed = [], []
    for name, m in _matches(text):
        try:
            out = getattr(resolver, name)(m)
        except (ValueError, KeyError, OverflowError):
            # not a real date (month 13, day 45): nothing inside it is a date either,
            # so ۳۲ بهمن ۱۴۰۳ does not become the month بهمن ۱۴۰۳
            vetoed.append((m.start(), m.end()))
            continue
        if out is not None:
            candidates.append((m.start(), m.end(), _PRIORITY[name], out))
    if vetoed:
        candidates = _outside(candidates, vetoed)
    # longest first, then the more specific pattern; keep what does not overlap
    chosen: list[tuple] = []
    starts: list[int] = []  # of the chosen spans, which never overlap: sorted by start ...
    ends: list[int] = []  # ... and so by end (bisect keeps a long text's many dates linear)
    for c in sorted(candidates, key=lambda c: (-(c[1] - c[0]), -c[2], c[0])):
        i = bisect_right(starts, c[0])
        if i and ends[i - 1] > c[0] or i < len(starts) and starts[i] < c[1]:
            continue
        starts.insert(i, c[0])
        ends.insert(i, c[1])
        chosen.append(c)
    chosen.sort()
    mentions = [DateMention(s, e, text[s:e], *out) for s, e, _, out in chosen]
    return _attach_times(mentions, text)


def _outside(candidates: list[tuple], vetoed: list[tuple[int, int]]) -> list[tuple]:
    """The candidates that lie inside no vetoed span but their own. Sorted spans and the
    furthest end so far answer each in a bisect, not a scan (a long text has many)."""
    spans = sorted(set(vetoed))
    starts = [s for s, _ in spans]
    reach, furthest = [], -1  # reach[i]: the furthest end of spans[0..i]
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)
    out = []
    for c in candidates:
        j = bisect_left(starts, c[0])  # spans[:j] start before the candidate
        i = bisect_right(starts, c[0], j)  # spans[j:i] start with it; the last ends furthest
        covered = (j and reach[j - 1] >= c[1]) or (
            i > j and spans[i - 1] != c[:2] and spans[i - 1][1] >= c[1])
        if not covered:
            out.append(c)
    return out


def _attach_times(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A date followed closely by a time is one datetime: ۱۳ بهمن ۱۴۰۳، ساعت ۱۰ or ۵ بهمن - ۱۰:۰۰."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (m.kind == "time" and prev is not None and prev.kind == "date" and prev.value and m.value
                and re.fullmatch(r"[ \u00a0،,\-–]*(?:از[ ]+)?", text[prev.end:m.start])):
            out[-1] = DateMention(prev.start, m.end, text[prev.start:m.end], "datetime",
                                  prev.value + m.value, prev.calendar, prev.warning)
        else:
            out.append(m)
    return out
