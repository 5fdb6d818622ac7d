"""Persian punctuation: a Latin comma, semicolon or question mark typed in Persian text.

Persian writes ، ؛ ؟ (U+060C, U+061B, U+061F); a keyboard in the Latin layout, or a
phone's, types , ; ? instead: ``چرا?``, ``تهران, اصفهان``. A mark is Persian text's when a
Persian word ends before it (past spaces, closing quotes and brackets, and other marks, as
in ``چرا?!``) and no Latin word follows it. So ``Hello, world``, ``ایران, Iran``, a URL's
``?id=1`` and a number's ``۱۲,۵۰۰`` (the digit step's) stay, and so does a comma after a
number, as in a date a template wrote (``۱۴۰۳ بهمن ۱۳, شنبه``).

>>> persian_punctuation_step.apply("چرا? تهران ,اصفهان; شیراز. Hello, world")
'چرا؟ تهران ،اصفهان؛ شیراز. Hello, world'
"""
from __future__ import annotations

from .chars import COMBINING_MARKS, PERSIAN_LETTER_SET, ZWNJ
from .edits import Edit
from .protect import is_protected
from .runs import CharRuns
from .step import EditsStep

_PERSIAN = {",": "،", ";": "؛", "?": "؟"}
_MARKS = ",;?!،؛؟"
#: What may stand between a Persian word and its mark: spaces, closing quotes and brackets,
#: other marks, harakat (kept with keep_diacritics), and what later steps take out (a ZWNJ
#: or ZWJ at a word's edge), so that a second pass decides as the first did
_BEHIND = frozenset(f" \t)]}}»”\"{ZWNJ}\u200d{_MARKS}{COMBINING_MARKS}")
#: What may stand between a mark and the next word
_AHEAD = frozenset(f" \t{ZWNJ}\u200d{_MARKS}")
#: What starts no Persian text after a mark: a Latin word, a handle (which the handle step
#: may make of ``BaharIran@ 7``), a URL's query
_LATIN_START = frozenset("@=&/_")


class PersianPunctuationStep(EditsStep):
    """``, ; ?`` written ``، ؛ ؟`` after a Persian word and before no Latin one."""

    name = "persian_punctuation"
    triggers = ",;?"  # it acts on these only, and writes none: one of the rare-character steps
    _runs = CharRuns(triggers)  # where they stand, found in C

    def edits(self, text: str) -> list[Edit]:
        runs = self._runs(text)
        spans = list(zip(runs[::2], runs[1::2], strict=True))
        out = []
        for (start, end), persian_before, latin_after in zip(
                spans, _persian_word_before(text, spans), _latin_word_after(text, spans), strict=True):
            if persian_before and not latin_after and not is_protected(text, start, end):
                out += (Edit(i, i + 1, text[i], _PERSIAN[text[i]], "punctuation.persian")
                        for i in range(start, end))
        return out


# Each run of marks looks past spaces and marks to the word before it and the word after it.
# A look that reaches the run before (or after) it has that run's answer: so each character
# is passed once, where "? ? ? ?…" would be quadratic.

def _persian_word_before(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    answers, last_end, last = [], -1, False
    for start, end in spans:
        i = start
        while i and text[i - 1] in _BEHIND and i != last_end:
            i -= 1
        last = last if i == last_end else bool(i) and text[i - 1] in PERSIAN_LETTER_SET
        answers.append(last)
        last_end = end
    return answers


def _latin_word_after(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    answers, next_start, following = [], -1, False
    for start, end in reversed(spans):
        i = end
        while i < len(text) and text[i] in _AHEAD and i != next_start:
            i += 1
        if i != next_start:
            following = i < len(text) and _starts_latin(text[i])
        answers.append(following)
        next_start = start
    answers.reverse()
    return answers


def _starts_latin(ch: str) -> bool:
    return ch in _LATIN_START or ch.isascii() and ch.isalpha()


persian_punctuation_step = PersianPunctuationStep()
