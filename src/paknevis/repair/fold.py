"""Folding: one key for every way a word is typed, for matching (near copies, search).

Unlike :func:`paknevis.fix`, folding throws information away on purpose: ZWNJs, harakat,
kashida, hamza seats, Arabic or Persian letter shapes, digit sets and a number's marks all
collapse, so that ``می‌شود`` and ``میشود``, ``كتاب`` and ``کتاب``, ``۱۴۰۳`` and ``1403``,
``۳٫۵`` and ``3.5``, ``مسئله`` and ``مسأله`` meet. Spaced forms (``می شود``) meet them only
after :func:`paknevis.fix` has put the ZWNJ back, so callers fold repaired text:
``fold(fix(text))``.

>>> fold("می‌شود") == fold("میشود") == fold("ميشود")
True
>>> fold("مسئلهٔ ۱۴۰۳ COVID")
'مسیله 1403 covid'
"""
from __future__ import annotations

import re

from .chars import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS

_TABLE = str.maketrans({
    **{c: "" for c in "\u200c\u200d\u200e\u200f\u061c\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651"
                      "\u0652\u0653\u0654\u0655\u0670\ufeff\u00ad"},
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و", "ء": "",
    **dict(zip(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2, strict=True)),
    "\u066b": ".", "\u066c": ",", "\u066a": "%",  # a number's Persian marks: ۳٫۵، ۱۲٬۵۰۰، ۲۰٪
    "\u00a0": " ",
})


#: The table's one-for-one part: each character that folds to another (ي -> ی, ۱ -> 1), not away
ONE_FOR_ONE = {code: new for code, new in _TABLE.items() if new}
#: (character, what it folds to) for each character the table changes. str.translate looks
#: every character of a text up in the table's dict, about 30 ns a character (0.1 ms a news
#: article, a third of a record's MinHash); a str.replace of each of these characters that
#: the text holds (most hold a few: ZWNJ, آ, digits) gives the same nine times as fast
#: (120 -> 13 ms over 1,200 repaired Fars News articles): the same, as the table writes
#: no character it changes (tests/test_dedup.py holds both).
_REPLACEMENTS = tuple((chr(code), new or "") for code, new in _TABLE.items())


def fold(text: str) -> str:
    """The matching key of ``text`` (see the module doc). Spaces and punctuation stay."""
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text.lower()


def _classes() -> tuple[dict[str, str], str]:
    """For each folded character, the characters that fold to it; and those folded away."""
    sources: dict[str, set[str]] = {}
    gone = []
    for code, new in _TABLE.items():
        ch = chr(code)
        if new:
            sources.setdefault(new, set()).add(ch)
        else:
            gone.append(ch)
    return {k: "".join(sorted(v)) for k, v in sources.items()}, "".join(gone)


_SOURCES, _GONE = _classes()


def fold_pattern(term: str) -> str:
    """A regex that finds, in the *original* text, what folds to ``term``: so that a match
    found in folded text can be highlighted where the reader sees it.

    >>> import re
    >>> re.search(fold_pattern("کتابها"), "این كتاب‌ها را").group()
    'كتاب‌ها'
    """
    gap = f"[{re.escape(_GONE)}]*"
    parts = []
    for ch in term:
        options = ch + _SOURCES.get(ch, "") + (ch.upper() if ch.isascii() else "")
        parts.append(f"[{re.escape(options)}]")
    return gap.join(parts)
