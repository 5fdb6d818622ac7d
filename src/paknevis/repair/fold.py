"""Folding: one key for every way a word is typed, for matching (near copies, search).

Unlike :func:`paknevis.fix`, folding throws information away on purpose: ZWNJs, harakat,
kashida, hamza seats, Arabic or Persian letter shapes and digit sets all collapse, so that
``می‌شود`` and ``میشود``, ``كتاب`` and ``کتاب``, ``۱۴۰۳`` and ``1403``, ``مسئله`` and ``مسأله``
meet. Spaced forms (``می شود``) meet them only after :func:`paknevis.fix` has put the ZWNJ
back, so callers fold repaired text: ``fold(fix(text))``.

>>> fold("می‌شود") == fold("میشود") == fold("ميشود")
True
>>> fold("مسئلهٔ ۱۴۰۳ COVID")
'مسیله 1403 covid'
"""
from __future__ import annotations

from .chars import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS

_TABLE = str.maketrans({
    **{c: "" for c in "\u200c\u200d\u200e\u200f\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651"
                      "\u0652\u0653\u0654\u0655\u0670\ufeff\u00ad"},
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و", "ء": "",
    **dict(zip(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2, strict=True)),
    "\u00a0": " ",
})


def fold(text: str) -> str:
    """The matching key of ``text`` (see the module doc). Spaces and punctuation stay."""
    return text.translate(_TABLE).lower()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, and for each of its characters the offset of the input character it
    came from (plus one entry for the end), so that a match in folded text can be shown,
    highlighted, in the original.

    >>> folded, where = fold_with_offsets("می‌شود")
    >>> folded, where
    ('میشود', [0, 1, 3, 4, 5, 6])
    """
    out, where = [], []
    for i, ch in enumerate(text):
        f = ch.translate(_TABLE).lower()
        out.append(f)
        where.extend([i] * len(f))
    where.append(len(text))
    return "".join(out), where
