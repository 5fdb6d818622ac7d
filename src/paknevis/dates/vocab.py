"""The words of Persian dates: months of three calendars, weekdays, ordinals, numbers.

Each word is written once in its standard spelling; :func:`flex` turns it into a regex that
also accepts the ways web text writes it (Arabic yeh/kaf, ZWNJ deleted or spaced).
"""
from __future__ import annotations

import re

ZWNJ = "\u200c"

JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
GREGORIAN_MONTHS = {
    "ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "فبریه": 2, "مارس": 3, "مارچ": 3, "آوریل": 4,
    "آپریل": 4, "مه": 5, "می": 5, "ژوئن": 6, "ژوین": 6, "جون": 6, "ژوئیه": 7, "ژوییه": 7,
    "جولای": 7, "اوت": 8, "آگوست": 8, "اگوست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11,
    "دسامبر": 12,
}
#: Month names that are also common words (مه 'fog', می the verb prefix, دی 'yesterday'
#: in poetry, تیر 'arrow', مهر 'seal'): taken as months only beside a day or a year.
AMBIGUOUS_MONTHS = {"مه", "می", "جون", "دی", "تیر", "مهر"}
HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربیع‌الاول": 3, "ربیع‌الثانی": 4, "ربیع‌الآخر": 4,
    "جمادی‌الاول": 5, "جمادی‌الاولی": 5, "جمادی‌الثانی": 6, "جمادی‌الآخر": 6, "جمادی‌الثانیه": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذی‌القعده": 11, "ذیقعده": 11,
    "ذی‌الحجه": 12, "ذیحجه": 12,
}
#: jdatetime's weekday numbers: Saturday is 0.
WEEKDAYS = {"شنبه": 0, "یکشنبه": 1, "یک‌شنبه": 1, "دوشنبه": 2, "سه‌شنبه": 3, "چهارشنبه": 4,
            "پنجشنبه": 5, "پنج‌شنبه": 5, "جمعه": 6}

UNITS = {"یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7,
         "هشت": 8, "نه": 9}
TEENS = {"ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
         "پونزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19}
TENS = {"بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80,
        "نود": 90}
HUNDREDS = {"صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500}

#: Ordinal day words: یکم … سی‌ویکم, and اول for the first.
ORDINALS: dict[str, int] = {"اول": 1, "یکم": 1, "دوم": 2, "سوم": 3, "سیم": 3}
for _w, _n in {**UNITS, **TEENS, **TENS}.items():
    if _n >= 4 and _w not in ("یه", "شیش", "پونزده", "هیجده"):
        ORDINALS[_w + "م"] = _n
ORDINALS["سی‌ام"] = 30
for _tens in ("بیست", "سی"):
    for _w, _n in {"یکم": 1, "دوم": 2, "سوم": 3, **{k + "م": v for k, v in UNITS.items()
                                                  if v >= 4 and k not in ("یه", "شیش")}}.items():
        if TENS[_tens] + _n <= 31:
            ORDINALS[f"{_tens} و {_w}"] = TENS[_tens] + _n
            ORDINALS[f"{_tens}‌و{_w}"] = TENS[_tens] + _n


_LETTER_CLASSES = {"ی": "[یيى]", "ک": "[کك]", "ٔ": "ٔ?"}


def _letter_class(ch: str) -> str:
    return _LETTER_CLASSES.get(ch, re.escape(ch))


def flex(word: str) -> str:
    """A regex for ``word`` as the web writes it: Arabic yeh/kaf, and each ZWNJ or space of
    the standard spelling written as ZWNJ, space or nothing.

    >>> bool(re.fullmatch(flex("سه‌شنبه"), "سه شنبه")), bool(re.fullmatch(flex("سه‌شنبه"), "سهشنبه"))
    (True, True)
    """
    out = []
    for ch in word:
        if ch in (ZWNJ, " "):
            out.append(f"[{ZWNJ} ]?")
        else:
            out.append(_letter_class(ch))
    return "".join(out)


def alternation(words) -> str:
    """One regex group for many words, longest first (so ربیع‌الاول wins over ربیع)."""
    return "(?:" + "|".join(flex(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def fold(word: str) -> str:
    """The lookup key of a matched word: Persian letters, no ZWNJ or space."""
    return word.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک").replace(ZWNJ, "").replace(" ", "")


def folded(table: dict[str, int]) -> dict[str, int]:
    return {fold(k): v for k, v in table.items()}
