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
_WORD = re.compile(r"[^\W\d_][\w\u200c]*")
#: what a word holds besides letters (\w is letters, \d and _; a word starts with a letter
#: and so holds every letter after it): the letters are counted from the words, not by a
#: second search of the text for [^\W\d_], the costliest of these (0.06 ms an article)
_NOT_LETTER = re.compile("[\\d_\u200c]")


def quality_signals(text: str) -> dict:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    words = _WORD.findall(text)
    in_words = "".join(words)
    letters = len(in_words) - len(_NOT_LETTER.findall(in_words))
    seen, repeated = set(), 0
    for line in lines:
        repeated += line in seen
        seen.add(line)
    return {
        "persian_letter_share": round(sum(map(len, _PERSIAN.findall(in_words))) / letters, 3)
        if letters else 0.0,
        "repeated_line_share": round(repeated / len(lines), 3) if lines else 0.0,
        # ZWNJs only occur inside words here, so they come off the total
        "mean_word_length": round((len(in_words) - text.count("\u200c")) / len(words), 2)
        if words else 0.0,
        "boilerplate_line_share": round(sum(map(is_boilerplate, lines)) / len(lines), 3) if lines else 0.0,
        "lines": len(lines),
        "words": len(words),
    }
