"""Simple quality signals for corpus filtering (values only; thresholds are the user's).

>>> q = quality_signals("سلام دنیا\\nسلام دنیا\\nبه دنیا خوش آمدید")
>>> q["repeated_line_share"], q["lines"], q["words"]
(0.333, 3, 8)
"""
from __future__ import annotations

import re

from .boilerplate import is_boilerplate

# Runs, not single characters: the same counts with one list item per word, not per letter.
_PERSIAN = re.compile("[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC]+")  # letters only
_LETTER = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_][\w\u200c]*")


def quality_signals(text: str) -> dict:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    letters = sum(map(len, _LETTER.findall(text)))
    words = _WORD.findall(text)
    seen, repeated = set(), 0
    for line in lines:
        repeated += line in seen
        seen.add(line)
    return {
        "persian_letter_share": round(sum(map(len, _PERSIAN.findall(text))) / letters, 3)
        if letters else 0.0,
        "repeated_line_share": round(repeated / len(lines), 3) if lines else 0.0,
        # ZWNJs only occur inside words here, so they come off the total
        "mean_word_length": round((sum(map(len, words)) - text.count("\u200c")) / len(words), 2)
        if words else 0.0,
        "boilerplate_line_share": round(sum(map(is_boilerplate, lines)) / len(lines), 3) if lines else 0.0,
        "lines": len(lines),
        "words": len(words),
    }
