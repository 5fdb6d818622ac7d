"""A PDF page's footnotes, and the numbers in its text that call them, told apart from the
text (see :mod:`paknevis.documents.pdf`, which reads the page's rows of glyphs).

A footnote is set at the page's foot, under the text and apart from it (a rule, a gap), in
a smaller size, and begins with its number; the number stands in the text after its word,
raised and smaller still. Read as lines, the notes ran into the text (a paragraph that
goes on over the page had a note in its middle) and each number was a line of its own.
The record of a Word or OpenDocument file leaves its notes out, as notes are not the
post's text (:mod:`~paknevis.documents.word_document`): a PDF's are left out too, where
they are notes for sure:

- a block of rows in a smaller size at the page's foot (above its number), further below
  the text than its lines are apart, is the page's notes where one of them begins with a
  number that stands raised in the page's text, or where they go on from the notes of the
  page before, in their size (a long note runs over the page: its rest has no number);
- a raised number (with its brackets: [۱], as a wiki's page prints a reference) is left
  out where it stands after a Persian word or a point (a note's, or an endnote's: no part
  of the word), or where the notes have it. After a digit or a Latin letter, it may be a
  power (۱۰⁶, m²), and is kept.
"""
from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from .glyphs import Glyph, is_rtl

#: a note's number in the text is at most this share of its line's size (Word sets it in
#: about 0.65, LibreOffice 0.58, a browser a sup in 0.83), its baseline raised from the
#: line's by a share of the line's size between these two
_NUMBER_SIZE, _RAISED = 0.85, (0.15, 0.7)
#: notes are set smaller than the text: at most this share of its size
_NOTE_SIZE = 0.92
#: notes stand further below the text's last line than this many of its lines' pitch
_BELOW = 1.3
#: what a note's number may follow in the text, besides a Persian letter (a point, a
#: closing bracket or quote, in reading order)
_CALLED_AFTER = frozenset(".،؛:!؟)»\"")


@dataclass
class _Number:
    """A number raised in the text: its glyphs, the number, the glyphs of its line beside
    it, and what it stands nearest: a Persian word or a point after it ("word"), a digit
    or a Latin letter before it ("power"), or neither."""

    glyphs: list[Glyph]
    value: int
    beside: list[Glyph]
    after: Literal["word", "power", ""]


class Notes:
    """A document's footnotes, page by page: :meth:`without` gives a page's rows without
    them, from what the pages before tell (the text's size, the notes' size)."""

    def __init__(self) -> None:
        self.sizes: Counter = Counter()  # (of the glyphs of the pages' upper halves read so far)
        self.size_before: float | None = None  # (of the page before's notes)

    def without(self, rows: list[list[Glyph]]) -> list[list[Glyph]]:
        """A page's rows (top to bottom, each left to right) without its notes and the
        numbers that call them. (The text's size is the commonest in the upper halves of
        the pages so far: a page may hold more of its notes than of its text, not above them.)"""
        self.sizes.update(round(g.size, 1) for row in rows[:(len(rows) + 1) // 2] for g in row)
        size_before, self.size_before = self.size_before, None
        if len(rows) < 2:
            return rows
        numbers = _raised_numbers(rows)
        start, end = _foot(rows, self.sizes.most_common(1)[0][0])
        called: set[int] = set()
        if start < end:
            size = statistics.median(g.size for row in rows[start:end] for g in row)
            called = {n.value for n in numbers} & _note_numbers(rows[start:end], size)
            if called or size_before is not None and abs(size - size_before) < 0.05 * size:
                self.size_before = size
            else:
                start = end
        gone = [n for n in numbers if n.after == "word" or n.value in called and n.after != "power"]
        for g in (g for n in gone for g in n.beside):
            g.by_number = True
        dropped = {id(g) for n in gone for g in n.glyphs}
        kept = [[g for g in row if id(g) not in dropped] for row in rows[:start] + rows[end:]]
        return [row for row in kept if row]


def _raised_numbers(rows: list[list[Glyph]]) -> list[_Number]:
    """The numbers raised over a line, smaller than its glyphs, with the brackets around
    them ([۱], as a wiki's page prints its references): a row of their own (raised far
    enough from its line), or in the line's row."""
    found = []
    for n, row in enumerate(rows):
        if n + 1 < len(rows) and all(map(_in_number, row)):  # (a row of its own, over the line below)
            line = rows[n + 1]
            size, baseline = _size(line), statistics.median(g.y for g in line)
            over = line[0].left - size < row[0].left < line[-1].right
            if over and all(_raised(g, size, baseline) for g in row):
                found += [_number(run, line) for run in _number_runs(row)]
            continue
        size, baseline = _size(row), statistics.median(g.y for g in row)
        raised = [g for g in row if _in_number(g) and _raised(g, size, baseline)]
        found += [_number(run, row) for run in _number_runs(raised)]
    return found


def _foot(rows: list[list[Glyph]], body: float) -> tuple[int, int]:
    """Where the rows in a smaller size at the page's foot begin and end (above the page's
    number, which has no letter), further below the text than _BELOW of its lines' pitch;
    the same (no such rows) where there are none."""
    end = len(rows)
    while end > 1 and len(rows[end - 1]) <= 12 and not _has_letters(rows[end - 1]):
        end -= 1
    start = end
    while start > 0 and _size(rows[start - 1]) < _NOTE_SIZE * body:
        start -= 1
    text = [row[0].y for row in rows[:start] if abs(_size(row) - body) < 0.1 * body]
    if start == end or not text:
        return end, end
    # (a line's usual pitch where the page has one line of text: the last of a paragraph run over)
    pitch = statistics.median(a - b for a, b in pairwise(text)) if len(text) > 1 else 1.2 * body
    return (start, end) if text[-1] - rows[start][0].y > _BELOW * pitch else (end, end)


def _note_numbers(rows: list[list[Glyph]], size: float) -> set[int]:
    """The numbers the notes' rows begin with (in brackets or not): on the side their
    letters are read from (apart from a number the note begins with), or raised over it,
    in a row of their own."""

    found: set[int] = set()
    for row in rows:
        if all(map(_in_number, row)):
            if _size(row) < _NUMBER_SIZE * size:
                found.update(map(_value, _number_runs(row)))
            continue
        rtl = is_rtl(Counter(unicodedata.bidirectional(c) for g in row for c in g.text))
        first = []
        for g in row[::-1] if rtl else row:
            if not _in_number(g):
                break
            first.append(g)
        runs = _number_runs(sorted(first, key=lambda g: g.left))
        if runs and len(first) < len(row):
            found.add(_value(runs[-1] if rtl else runs[0]))
    return found


def _has_letters(row: list[Glyph]) -> bool:
    return any(c.isalpha() for g in row for c in g.text)


def _size(row: list[Glyph]) -> float:
    return statistics.median(g.size for g in row)


def _is_digit(g: Glyph) -> bool:
    return len(g.text) == 1 and unicodedata.category(g.text) == "Nd"


def _in_number(g: Glyph) -> bool:
    """Is this glyph a digit, or a bracket a raised number may stand in?"""
    return _is_digit(g) or g.text in ("[", "]", "(", ")")


def _raised(g: Glyph, size: float, baseline: float) -> bool:
    """Is this glyph a line's raised number's (that line's ``size`` and ``baseline``)?"""
    return g.size <= _NUMBER_SIZE * size and _RAISED[0] * size < g.y - baseline < _RAISED[1] * size


def _apart(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs side by side (left to right) in runs, cut where they stand apart."""
    runs: list[list[Glyph]] = []
    for g in glyphs:
        if runs and g.left - runs[-1][-1].right < 0.5 * g.size:
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def _number_runs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """The runs of these glyphs (left to right, digits and brackets) that hold a digit."""
    return [run for run in _apart(glyphs) if any(map(_is_digit, run))]


def _value(digits: list[Glyph]) -> int:
    """The number these digits (left to right, in any script; brackets aside) write."""
    return int("".join(str(unicodedata.digit(g.text)) for g in digits if _is_digit(g)))


def _number(digits: list[Glyph], line: list[Glyph]) -> _Number:
    """A raised number over (or in) a line, and what it stands after: the glyph nearest
    it (within the line's size), a Persian word's or a point to its right, or a digit or
    a Latin letter to its left (a power: ۱۰⁶ تومان, m²; or a note's number after a Latin
    word, kept with it: what is read as a power is never left out). The gap a number
    left out leaves is wider than the line's spaces, and is read as one."""
    left, right, own = digits[0].left, digits[-1].right, {id(g) for g in digits}
    middle, others = (left + right) / 2, [g for g in line if id(g) not in own]
    # (LibreOffice may draw it over the next word's first letter: a side is its middle's)
    after = min((g for g in others if middle <= g.left < right + g.size), key=lambda g: g.left, default=None)
    before = max((g for g in others if left - g.size < g.right <= middle), key=lambda g: g.right,
                 default=None)
    beside, value = [g for g in (before, after) if g is not None], _value(digits)
    if after is not None and (before is None or after.left - right <= left - before.right):
        first = after.text[0]
        word = first in _CALLED_AFTER or unicodedata.bidirectional(first) == "AL" and first.isalpha()
        return _Number(digits, value, beside, "word" if word else "")
    last = before.text[-1] if before else " "
    power = last.isdigit() or unicodedata.bidirectional(last) == "L"
    return _Number(digits, value, beside, "power" if power else "")
