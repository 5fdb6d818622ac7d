"""A repair's edits shown for a person to review, as ``git diff --word-diff`` shows a
change: each line that repair changes, with what it took out in ``[-…-]`` and what it put
in ``{+…+}``.

An edit is shown with the whole words it touches: a ZWNJ put in or taken out is invisible
by itself, but a word written otherwise is not (``[-می شود-]{+می‌شود+}``). Other invisible
characters in a change are named by their code point (``[-<U+00A0>-]{+ +}``, an NBSP made
a space), as nothing would show them; and so is a ZWNJ where it parts no two joined letters
(at a word's edge, doubled, after ا or ر), as nothing shows it either.

>>> from paknevis import fix_and_explain
>>> text = "کتابها را\\nمی خوانم"
>>> list(word_diff(text, fix_and_explain(text)[1]))
[(1, '[-کتابها-]{+کتاب\\u200cها+} را'), (2, '[-می خوانم-]{+می\\u200cخوانم+}')]
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from .chars import NON_JOINERS, ZWNJ
from .edits import Edit, apply_edits
from .lines import line_around

_SHOWN = frozenset("\t")  # (which isprintable() is False for)
#: the markers of git's plain word diff, and the same coloured as git colours them
PLAIN = ("[-", "-]", "{+", "+}")
COLOR = ("\x1b[31m[-", "-]\x1b[m", "\x1b[32m{+", "+}\x1b[m")


def word_diff(text: str, edits: Sequence[Edit], markers: tuple[str, str, str, str] = PLAIN,
              ) -> Iterator[tuple[int, str]]:
    """For each line of ``text`` that ``edits`` (given in its offsets, as
    ``fix_and_explain`` gives them) change: its number, from 1, and the line with each
    change marked by ``markers`` (before and after what was, then what is)."""
    spans = _word_spans(text, edits)
    i, line, counted = 0, 1, 0  # (the line that offset ``counted`` is in: counted on, not over)
    while i < len(spans):
        # the line of the first span not shown yet, and every span that starts in it
        start, end = line_around(text, spans[i][0])
        shown: list[str] = []
        pos = start
        while i < len(spans) and spans[i][0] <= end:
            a, b, inside = spans[i]
            if b > end:  # (no step joins two lines: to be sure)
                end = line_around(text, b)[1]
            old, new = text[a:b], apply_edits(text[a:b], [e.shifted(-a) for e in inside])
            shown += (text[pos:a], markers[0], visible(old), markers[1],
                      markers[2], visible(new), markers[3])
            pos, i = b, i + 1
        shown.append(text[pos:end])
        line, counted = line + text.count("\n", counted, start), start
        yield line, "".join(shown)


def _word_spans(text: str, edits: Sequence[Edit]) -> list[tuple[int, int, list[Edit]]]:
    """The stretches of ``text`` to show changed: each edit widened to the words it
    touches, those that meet or overlap made one, with the edits inside each."""
    spans: list[tuple[int, int, list[Edit]]] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        a, b = e.start, e.end
        while a > 0 and _in_word(text[a - 1]):
            a -= 1
        while b < len(text) and _in_word(text[b]):
            b += 1
        if spans and a <= spans[-1][1]:  # (a run of words, each typed with two spaces after)
            start, end, inside = spans[-1]
            inside.append(e)
            spans[-1] = (start, max(end, b), inside)
        else:
            spans.append((a, b, [e]))
    return spans


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in (ZWNJ, "\u200d") or unicodedata.category(ch) == "Mn"


def visible(text: str) -> str:
    """``text`` with each invisible character but the space and the tab named, and a ZWNJ
    but one that shows, between a letter that joins the next and a letter.

    >>> visible("می‌شود، کتاب‌ ها، دیوار‌ها")
    'می‌شود، کتاب<U+200C> ها، دیوار<U+200C>ها'
    """
    return "".join(ch if ch.isprintable() or ch in _SHOWN or ch == ZWNJ and _parts_letters(text, i)
                   else f"<U+{ord(ch):04X}>" for i, ch in enumerate(text))


def _parts_letters(text: str, i: int) -> bool:
    """Does the ZWNJ at ``i`` part two letters that would join (its only visible effect)?"""
    before = i - 1
    while before >= 0 and unicodedata.category(text[before]) == "Mn":
        before -= 1
    return (before >= 0 and i + 1 < len(text) and _arabic_letter(text[before])
            and text[before] not in NON_JOINERS and _arabic_letter(text[i + 1]))


def _arabic_letter(ch: str) -> bool:
    return "\u0620" <= ch <= "\u06ff" and unicodedata.category(ch) == "Lo"
