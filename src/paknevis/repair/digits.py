"""Digits: Arabic-Indic digits become Persian; Latin digits follow a policy in Persian runs,
and a number's marks (۳٫۵، ۱۲٬۵۰۰، ۲۰٪) follow its digits.

Persian text on the web mixes three digit sets: Persian (۱۲۳), Arabic-Indic (١٢٣, from Arabic
keyboards) and Latin (123, from English keyboards and CMS templates), often in one
sentence (``تظاهرات 8 فوریه`` beside ``۸ فوریه``). Numbers inside URLs, e-mail addresses,
handles and Latin words (``COVID-19``, ``@BaharIran7``) are left as they are.

>>> from paknevis import fix
>>> fix("تظاهرات 8 فوریه و ٢٠٢٥ در www.example.com/12")
'تظاهرات ۸ فوریه و ۲۰۲۵ در www.example.com/12'
>>> fix("تظاهرات ۸ فوریه", digits="latin")
'تظاهرات 8 فوریه'
"""
from __future__ import annotations

import re
from typing import Literal, get_args

from .chars import (
    ALL_DIGITS,
    ARABIC_DIGITS,
    LATIN_DIGITS,
    PERSIAN_DIGITS,
    PERSIAN_LETTER_SET,
    PERSIAN_LETTERS,
)
from .edits import Edit
from .protect import is_protected
from .runs import CharRuns, ShiftApart, between_words
from .step import EditsStep, RegexStep

DigitPolicy = Literal["persian", "latin", "keep"]
DIGIT_POLICIES: tuple[str, ...] = get_args(DigitPolicy)

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_ARABIC_TO_PERSIAN = str.maketrans(ARABIC_DIGITS, PERSIAN_DIGITS)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_LATIN_TO_PERSIAN = ord(PERSIAN_DIGITS[0]) - ord(LATIN_DIGITS[0])
# Per policy, the digits that may change besides the Arabic-Indic ones, which always may:
# numbers already right are never visited.
# "[x][x]*" rather than "[x]+": re finds a leading class twice as fast (see step.py).
_CHANGING = {"persian": LATIN_DIGITS, "latin": PERSIAN_DIGITS, "keep": ""}


def _runs_of(digits: str) -> re.Pattern:
    return re.compile(f"[{digits}][{digits}]*")


def _has_arabic_digit(text: str) -> bool:
    return any(map(text.__contains__, ARABIC_DIGITS))


class DigitsStep(RegexStep):
    """The digit step. ``apply`` finds the runs of digits that may change in C (runs.py):
    re's scan for a class was half the step's time (25.6 -> 16.1 ms, speed.py --steps).
    Only a text that has some asks whether one is Arabic-Indic (rare: ten ``in`` tests,
    which cost less than a class with them costs re), and takes the regex if so: most
    lines have no digit at all (over the lines of farsnews, as ``speed.py --lines`` takes
    them, the step went from 48 to 31 ms when it asked this of every line first)."""

    needs = ALL_DIGITS  # (see step.StepsNeeding)

    def __init__(self, policy: str, replace_at, rule):
        digits = _CHANGING[policy]
        super().__init__("digits", _runs_of(digits + ARABIC_DIGITS),
                         lambda m: replace_at(m.string, m.start(), m.end()), rule,
                         precheck=None if digits else _has_arabic_digit)
        self._without_arabic = _runs_of(digits) if digits else self._pattern
        self._replace_at = replace_at
        #: the runs of the digits that may change, found in C (None: by the regex)
        self._runs = CharRuns(digits + ARABIC_DIGITS).if_in_c() if digits else None
        #: ... and for Persian digits, the Latin ones between two Persian words made Persian
        #: on the way, in C (``_between_persian_words``: 4,133 of the 5,864 runs of
        #: farsnews, which cost more in Python, one by one, than finding them all)
        self._apart = (ShiftApart(digits + ARABIC_DIGITS, PERSIAN_LETTERS, _LATIN_TO_PERSIAN)
                       if policy == "persian" and self._runs else None)  # (both in _runs.c)

    def pattern(self, text: str) -> re.Pattern:
        return self._pattern if _has_arabic_digit(text) else self._without_arabic

    def apply(self, text: str) -> str:
        if self._runs is None:
            return super().apply(text)
        if self._apart is not None:
            text, runs = self._apart(text)
        else:
            runs = self._runs(text)
        if not runs:
            return text
        if _has_arabic_digit(text):  # (a run shifted is decided as replace_at would)
            return super().apply(text)
        out: list[str] = []
        pos = 0
        ends = iter(runs)
        for start, end in zip(ends, ends, strict=True):
            new = self._replace_at(text, start, end)
            if new is not None:
                out += (text[pos:start], new)
                pos = end
        if not out:
            return text
        out.append(text[pos:])
        return "".join(out)


_REACH = 40  # how far to look for the letters that decide a Latin number's script


def _nearest_script(text: str, start: int, step: int) -> str | None:
    """The script ('fa' or 'latin') of the nearest letter from ``start`` on the same line."""
    end = max(-1, start - _REACH) if step < 0 else min(len(text), start + _REACH)
    for i in range(start, end, step):
        ch = text[i]
        if ch == "\n":
            break
        if ch.isalpha():
            return "latin" if ch.isascii() else "fa"
    return None


def in_persian_run(text: str, start: int, end: int) -> bool:
    """True if the letters around ``text[start:end]`` on its line are Persian, and none Latin.

    Only which scripts, never how far: later steps change distances, and the answer must
    not change with them (``fix`` is idempotent).

    >>> in_persian_run("در 300 دفتر", 3, 6), in_persian_run("ICT 300 دفتر", 4, 7)
    (True, False)
    """
    left = _nearest_script(text, start - 1, -1)
    if left == "latin":
        return False
    right = _nearest_script(text, end, 1)
    return right != "latin" and "fa" in (left, right)


def _between_persian_words(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a word of its own between two Persian words ("سال 2025 بود")?
    Then it is in a Persian run and no URL or Latin word: the common case, decided
    without the searches of ``is_protected`` and ``in_persian_run``."""
    return between_words(text, start, end, PERSIAN_LETTER_SET)


#: What makes a Latin digit before it an emoji (1️⃣): a Persian digit would break it.
_KEYCAP = ("\ufe0f", "\u20e3")


def digits_step(policy: str = "persian") -> RegexStep:
    if policy not in DIGIT_POLICIES:
        raise ValueError(f"digits must be one of {', '.join(DIGIT_POLICIES)}, not {policy!r}")

    def replace_at(text: str, start: int, end: int) -> str | None:
        num = text[start:end]
        if policy == "persian" and _between_persian_words(text, start, end):
            return num.translate(_TO_PERSIAN)
        if text.startswith(_KEYCAP, end) or is_protected(text, start, end):
            return None
        if policy == "latin":
            return num.translate(_TO_LATIN)
        if policy == "persian" and in_persian_run(text, start, end):
            return num.translate(_TO_PERSIAN)
        return num.translate(_ARABIC_TO_PERSIAN)

    def rule(m: re.Match) -> str:
        return "digits.arabic_indic" if any(c in ARABIC_DIGITS for c in m.group()) else f"digits.{policy}"

    return DigitsStep(policy, replace_at, rule)


# -- the marks of a number: decimal and thousands separators, and the percent sign ----------
# Persian writes ۳٫۵ (U+066B), ۱۲٬۵۰۰ (U+066C) and ۲۰٪ (U+066A); a number whose digits the
# digit step made Persian keeps the Latin marks it was typed with (۳.۵، ۱۲,۵۰۰، ۲۰%) until
# this step, which follows the digit policy: Persian marks beside Persian digits, Latin ones
# beside Latin digits. A number with more marks than a decimal and thousands can have
# (۱۴۰۳.۱۱.۱۳، a version ۳.۱۰.۲) is no plain number and stays, and so does a time written
# with a dot (ساعت ۱۴.۳۰).
_PERSIAN_MARKS = "\u066b\u066c\u066a"  # decimal, thousands, percent
_LATIN_MARKS = ".,%"
_TIME_WORD = "ساعت"
#: how far before a number to look for it (a slice of all the text before it made a text
#: of many numbers quadratic: fix() on 106 MB took 96 s, not 12)
_TIME_REACH = 12
_ZERO = frozenset(digits[0] for digits in (LATIN_DIGITS, PERSIAN_DIGITS, ARABIC_DIGITS))


class NumberMarksStep(EditsStep):
    """A number's marks written as its digits are (see above).

    The scan finds the marks after a digit in C (runs.py), and reads the number around each
    in Python.
    """

    name = "number_marks"
    needs = ALL_DIGITS  # (see step.StepsNeeding)

    def __init__(self, digits: str, old_marks: str, new_marks: str):
        self._digits = frozenset(digits)
        self._number_chars = frozenset(digits + old_marks[:2])
        #: (decimal, thousands, percent), as the text has them and as they are written
        self._old: tuple[str, ...] = tuple(old_marks)
        self._new: tuple[str, ...] = tuple(new_marks)
        self._mark_runs = CharRuns(old_marks, after=digits)

    def edits(self, text: str) -> list[Edit]:
        out: list[Edit] = []
        digits, percent = self._digits, self._old[2]
        done = 0
        # the runs of marks right after a digit, found in C (a regex for the numbers took 11
        # ms on farsnews, a Python loop over every run of marks, mostly full stops, 8)
        for at in self._mark_runs(text)[::2]:
            # a percent sign, or a separator before another digit
            if at >= done and (text[at] == percent or text[at + 1:at + 2] in digits):
                start, end = self._number_around(text, at)
                done = end
                new = self._rewrite(text, start, end)
                if new is not None and new != text[start:end]:
                    out.append(Edit(start, end, text[start:end], new, _marks_rule(text[start:end])))
        return out

    def _number_around(self, text: str, at: int) -> tuple[int, int]:
        """The span of the number (digits and separators, and a percent sign after them)
        that the mark at ``at`` belongs to, without separators at its ends (۱.۵. ends a
        sentence)."""
        chars, separators, percent = self._number_chars, self._old[:2], self._old[2]
        start = at
        while start and text[start - 1] in chars:
            start -= 1
        while text[start] in separators:
            start += 1
        if text[at] == percent:  # right after a digit: the number ends with it
            return start, at + 1
        end = at
        while end < len(text) and text[end] in chars:
            end += 1
        while text[end - 1] in separators:
            end -= 1
        return start, end + (end < len(text) and text[end] == percent)

    def _rewrite(self, text: str, start: int, end: int) -> str | None:
        decimal, thousands, percent = self._old
        # one link of a chain (۱.۲.۳.۴ cut by a letter: x.۱.۵) is no plain number
        if start and text[start - 1] in (decimal, thousands) or (
                end < len(text) and text[end] in (decimal, thousands) and text[end + 1:end + 2].isalnum()):
            return None
        if is_protected(text, start, end):
            return None
        number = text[start:end]
        has_percent = number.endswith(percent)
        body = number[:-1] if has_percent else number
        whole, dot, fraction = body.partition(decimal)
        groups = whole.split(thousands)
        if decimal in fraction or thousands in fraction or len(groups) > 1 and not (
                len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None  # a date, a version, or separators that part no thousands
        new_decimal, new_thousands, new_percent = self._new
        if dot and len(groups) == 1 and (
                text[max(0, start - _TIME_REACH):start].rstrip().endswith(_TIME_WORD)
                or decimal == "." and len(fraction) == 3 and len(whole) <= 3 and whole not in _ZERO):
            # a time keeps its dot (ساعت ۱۴.۳۰), and so does a dot before three digits: a
            # decimal (۱.۱۱۶ میلیون) or the thousands, as prices are often written (۱۲۰.۰۰۰
            # تومان), which the decimal mark ٫ would make 120
            new_decimal = decimal
        return (new_thousands.join(groups) + (new_decimal + fraction if dot else "")
                + (new_percent if has_percent else ""))


def _marks_rule(number: str) -> str:
    separators = _LATIN_MARKS[:2] + _PERSIAN_MARKS[:2]
    percents = _LATIN_MARKS[2] + _PERSIAN_MARKS[2]
    rules = [name for marks, name in ((separators, "digits.separator"), (percents, "digits.percent"))
             if any(c in number for c in marks)]
    return "+".join(rules)


def number_marks_step(policy: str = "persian") -> NumberMarksStep | None:
    """The step that writes a number's marks as its digits are written (None for 'keep')."""
    if policy == "persian":
        return NumberMarksStep(PERSIAN_DIGITS, _LATIN_MARKS, _PERSIAN_MARKS)
    if policy == "latin":
        return NumberMarksStep(LATIN_DIGITS, _PERSIAN_MARKS, _LATIN_MARKS)
    return None
