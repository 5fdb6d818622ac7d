"""Runs of characters from a set: where in a text they stand, found in C (``_runs.c``).

A step that looks through the whole text for a few characters (Latin digits; the rare
characters the letter steps act on) spent most of its time in re's scan for a class,
about 5 ns a character; ``_runs.c`` does the same scan five to seven times as fast. Where
it is not built, :attr:`CharRuns.in_c` is false and the steps use their regex instead.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Mapping

try:
    from ._runs import any_of as _c_any_of
    from ._runs import char_edits as _c_char_edits
    from ._runs import runs as _c_runs
    from ._runs import runs_each as _c_runs_each
    from ._runs import shift_apart as _c_shift_apart
except ImportError:  # built without a C compiler: the same in Python
    _c_runs = _c_runs_each = _c_any_of = _c_shift_apart = _c_char_edits = None  # type: ignore[assignment]

_BMP = 0x10000


class CharRuns:
    """The runs of characters of ``chars`` (BMP characters only) in a text, as a flat list
    ``[start, end, start, end, ...]``: the spans of ``re.finditer("[chars]+", text)``.

    >>> CharRuns("0123456789")("سال 2025 و 12")
    [4, 8, 11, 13]
    """

    def __init__(self, chars: str, after: str = "", before: str = ""):
        """With ``after``, only the runs right after one of its characters, and with
        ``before``, only those right before one (neither may share a character with
        ``chars``): ``CharRuns(".%", after="0123456789")`` finds the marks of numbers."""
        if any(ord(c) >= _BMP for c in chars + after + before):
            raise ValueError("CharRuns takes BMP characters only")
        if set(chars) & set(after + before):
            raise ValueError("CharRuns: a character both in chars and in after or before")
        body, ahead, behind = ("".join(map(re.escape, sorted(set(s)))) for s in (chars, before, after))
        self._pattern = re.compile((f"(?<=[{behind}])" if after else "") + f"[{body}][{body}]*"
                                   + (f"(?=[{ahead}])" if before else ""))
        self.in_c = _c_runs is not None
        if self.in_c:
            self._bitmaps = (_bitmap(chars), _bitmap(after) if after else None,
                             _bitmap(before) if before else None)

    @classmethod
    def of_class(cls, body: str) -> CharRuns:
        """For the characters of a regex class body (``"0-9٠-٩"``)."""
        member = re.compile(f"[{body}]").fullmatch
        return cls("".join(filter(member, map(chr, range(_BMP)))))

    def if_in_c(self) -> CharRuns | None:
        """This, where the search runs in C; None where it would run by regex, as the
        step's own regex does just as well."""
        return self if self.in_c else None

    def __call__(self, text: str) -> list[int]:
        if self.in_c:
            return _c_runs(text, *self._bitmaps)
        return [n for m in self._pattern.finditer(text) for n in m.span()]

    def found_in(self, text: str) -> bool:
        """Is there a run in ``text``? Without ``after`` and ``before``, the search stops at
        the first character of the set.

        >>> CharRuns("0123456789").found_in("سال 2025"), CharRuns("0123456789").found_in("سال")
        (True, False)
        """
        if self.in_c and self._bitmaps[1] is None and self._bitmaps[2] is None:
            return _c_any_of(text, self._bitmaps[0])
        return self._pattern.search(text) is not None


def spans(runs: list[int]) -> list[tuple[int, int]]:
    """The flat ``[start, end, start, end, ...]`` of a search as (start, end) pairs.

    >>> spans([4, 8, 11, 13])
    [(4, 8), (11, 13)]
    """
    return list(zip(runs[::2], runs[1::2], strict=True))


def _bitmap(chars: str) -> bytes:
    """A byte for each BMP character, 1 for those of ``chars`` (as _runs.c reads it)."""
    table = bytearray(_BMP)
    for c in map(ord, chars):
        table[c] = 1
    return bytes(table)


class RunsTogether:
    """What each of several :class:`CharRuns` finds in a text, in one pass over it (in C):
    a step that looks for three kinds of place reads the text once.

    >>> RunsTogether(CharRuns("0123456789"), CharRuns(".", after="0123456789"))("3.5 و 12.")
    ([0, 1, 2, 3, 6, 8], [1, 2, 8, 9])
    """

    def __init__(self, *searches: CharRuns):
        self._searches = searches
        self.in_c = _c_runs_each is not None and all(s.in_c for s in searches)
        if self.in_c:
            self._specs = tuple(s._bitmaps for s in searches)
            union = 0  # the bitmap of every set's characters: the only runs looked into
            for bitmap, _, _ in self._specs:
                union |= int.from_bytes(bitmap, "little")
            self._union = union.to_bytes(_BMP, "little")

    def __call__(self, text: str) -> tuple[list[int], ...]:
        if self.in_c:
            return _c_runs_each(text, self._union, self._specs)
        return tuple(search(text) for search in self._searches)


def between_words(text: str, start: int, end: int, sides: frozenset[str]) -> bool:
    """Is ``text[start:end]`` a word of its own between two words, a space on each side and
    a character of ``sides`` beyond each?

    >>> between_words("سال 2025 بود", 4, 8, frozenset("لب"))
    True
    """
    return (start > 1 and end + 1 < len(text) and text[start - 1] == " " == text[end]
            and text[start - 2] in sides and text[end + 1] in sides)


class ShiftApart:
    """The runs of ``chars`` in a text, those that are a word of their own between two words
    (a space on each side, and a character of ``sides`` beyond each) shifted by ``delta``:
    ``(text, the other runs)``. For the digit step, Latin digits between two Persian
    words (سال 2025 بود), most of the runs it finds, made Persian in C (``in_c``). Only
    characters below U+0100 are shifted, and only in a text that has wider ones.

    >>> ShiftApart("0123456789", sides="سلبود", delta=0x06C0)("سال 2025 بود، 3.")
    ('سال ۲۰۲۵ بود، 3.', [14, 15])
    """

    def __init__(self, chars: str, sides: str, delta: int):
        if not 0x100 <= delta <= 0xFF00:
            raise ValueError("ShiftApart: delta must take the characters below U+0100 into the BMP")
        self.in_c = _c_shift_apart is not None
        self._runs = CharRuns(chars)
        self._sides, self._delta = frozenset(sides), delta
        if self.in_c:
            self._args = (self._runs._bitmaps[0], _bitmap(sides), delta)

    def __call__(self, text: str) -> tuple[str, list[int]]:
        if self.in_c:
            return _c_shift_apart(text, *self._args)
        wide = bool(text) and max(text) > "\xff"
        parts: list[str] = []
        other: list[int] = []
        sides, pos = self._sides, 0
        for start, end in spans(self._runs(text)):
            run = text[start:end]
            if wide and max(run) < "\u0100" and between_words(text, start, end, sides):
                parts += (text[pos:start], "".join(chr(ord(c) + self._delta) for c in run))
                pos = end
            else:
                other += (start, end)
        return ("".join(parts) + text[pos:] if parts else text), other


class CharEdits:
    """An edit for each character of a table in a text, in order: ``cls(i, i + 1, old,
    new, rule)`` where ``table[old]`` is ``(new, rule)`` (BMP characters), and
    ``cls`` a tuple type (the named tuple ``Edit``). Made in C where it is built: the
    Arabic yeh and kaf of an old article are an edit a letter.

    >>> CharEdits({"ي": ("ی", "yeh")}, tuple)("علي")
    [(2, 3, 'ي', 'ی', 'yeh')]
    """

    def __init__(self, table: Mapping[str, tuple[str, str]], cls: type[tuple]):
        if any(ord(c) >= _BMP for c in table):
            raise ValueError("CharEdits takes BMP characters only")
        self._cls = cls
        self._entries = {c: (c, new, rule) for c, (new, rule) in table.items()}
        self._find = re.compile("[" + "".join(map(re.escape, table)) + "]" if table else "(?!)").finditer
        self.in_c = _c_char_edits is not None
        if self.in_c:
            index = array("H", bytes(2 * _BMP))  # k for the character of the k-th entry
            for k, c in enumerate(self._entries, 1):
                index[ord(c)] = k
            self._args = (index.tobytes(), tuple(self._entries.values()), cls)

    def __call__(self, text: str) -> list:
        if self.in_c:
            return _c_char_edits(text, *self._args)
        new, entries = tuple.__new__, self._entries
        return [new(self._cls, (m.start(), m.end(), *entries[m.group()])) for m in self._find(text)]
