"""Edits as data: every change a repair step makes is an :class:`Edit` on the input.

Steps report edits in the coordinates of the text they were given. :class:`EditTracker`
carries them back to the coordinates of the original input across the whole pipeline, so
:func:`apply_edits` on the input gives the output and :func:`undo_edits` gives the input back.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (which reads ``old``) by ``new``; ``rule`` names the fix.

    (A named tuple, immutable as a frozen dataclass is, made in a third of the time: the
    repair makes one for each edit, some 9,000 in a pass over farsnews.)
    """

    start: int
    end: int
    old: str
    new: str
    rule: str

    def to_dict(self) -> dict:
        return self._asdict()

    def shifted(self, by: int) -> Edit:
        """The same edit in a text where what it was given in starts at offset ``by``."""
        return Edit(self.start + by, self.end + by, self.old, self.new, self.rule)


#: Edit(...) without the named tuple's ``__new__``, a Python function: for the steps that
#: make an edit per letter (Arabic yeh) or per word (glued ZWNJs), 20% to 30% faster
new_edit = partial(tuple.__new__, Edit)

#: an edit's (start, end), in C: a lambda cost a Python call per edit, and a text with
#: Arabic yeh has an edit per letter
_SPAN = itemgetter(0, 1)
_START = itemgetter(0)


def _joined(rules: Iterable[str]) -> str:
    """Rules joined with '+', in order, each once."""
    return "+".join(dict.fromkeys(rules))


def _ordered(edits: Iterable[Edit]) -> list[Edit]:
    # stable: two insertions at one offset keep the order they were given in
    return sorted(edits, key=_SPAN)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits given in ``text``'s coordinates.

    >>> apply_edits("ab", [Edit(1, 1, "", "-", "demo")])
    'a-b'
    """
    return _apply_in_order(text, _ordered(edits))


def _apply_in_order(text: str, edits: list[Edit]) -> str:
    """:func:`apply_edits` of edits already in order (the tracker's, sorted once a step)."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos or text[e.start:e.end] != e.old:
            raise ValueError(f"edit {e} does not fit the text")
        out += (text[pos:e.start], e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def undo_edits(output: str, edits: Iterable[Edit]) -> str:
    """Take edits back: from the output of :func:`apply_edits` to its input.

    >>> undo_edits("a-b", [Edit(1, 1, "", "-", "demo")])
    'ab'
    """
    out: list[str] = []
    pos = shift = 0
    for e in _ordered(edits):
        at = e.start + shift  # where this edit's new text sits in the output
        out += (output[pos:at], e.old)
        pos = at + len(e.new)
        shift += len(e.new) - (e.end - e.start)
    out.append(output[pos:])
    return "".join(out)


@dataclass(slots=True)
class _Piece:
    text: str | None  # None for an untouched slice of the input: it reads input[start:end]
    start: int  # span of the original input this piece stands for
    end: int
    rule: str | None  # None: an untouched slice of the input
    edit: Edit | None = None  # the first step's edit it is, while no later step touched it

    def length(self) -> int:
        return self.end - self.start if self.text is None else len(self.text)


class EditTracker:
    """The current text as pieces that remember which part of the input they came from.
    Untouched pieces hold only their span: slicing the input at each edit would copy it
    once per edit, quadratic in a long text with many edits.

    Each step's edits (in current coordinates) replace pieces; an edit that reaches into
    text an earlier step produced absorbs that piece, and the two rules are joined with
    '+', so :meth:`edits` always replays exactly from the original input.

    Letters swapped one for one before any other change (Arabic yeh and kaf, one edit per
    letter in old Persian web text) cut no pieces: they are kept apart, as ``_swaps``, and
    the untouched pieces read the input with them made (``_base``, at the same offsets).
    On the 545 Fars News articles with Arabic yeh or kaf, ``fix_and_explain`` spent four
    times as long as ``fix``, most of it cutting and walking a piece per letter.
    ``swaps=False`` cuts pieces for them too (to compare).
    """

    def __init__(self, text: str, swaps: bool = True):
        self.original = text
        self._pieces = [_Piece(None, 0, len(text), None)] if text else []
        self._lens = [len(text)] if text else []  # each piece's length in the current text
        self.text = text  # the current text
        self._base = text  # the input with the swaps made: what untouched pieces read
        self._swaps: list[Edit] = []  # the swaps, in order of offset
        self._may_swap = swaps

    def _text_of(self, piece: _Piece) -> str:
        return self._base[piece.start:piece.end] if piece.text is None else piece.text

    def apply(self, edits: Iterable[Edit]) -> None:
        """Apply one step's edits, given in the coordinates of the current text."""
        edits = _ordered(edits)
        if not edits:
            return
        if len(self._pieces) == 1 and self._pieces[0].rule is None:  # the input as it came
            if self._may_swap and all(e.end - e.start == 1 == len(e.new) for e in edits):
                self._add_swaps(edits)
                self.text = self._base  # (untouched but for swaps, the text is the base)
                return
            self._apply_to_untouched(edits)
        else:
            self._apply(edits)
        # the new text from the old one and the edits: joining the pieces would cost a call
        # per piece
        self.text = _apply_in_order(self.text, edits)

    def _add_swaps(self, edits: list[Edit]) -> None:
        """One-for-one letters in the untouched text, whose offsets are the input's."""
        self._base = _apply_in_order(self._base, edits)
        if not self._swaps:  # the first such step (nearly always the only one)
            self._swaps = edits
            return
        swaps = {e.start: e for e in self._swaps}
        for e in edits:  # a letter swapped again: one edit from the input's letter
            first = swaps.get(e.start)
            swaps[e.start] = e if first is None else Edit(
                e.start, e.end, first.old, e.new, _joined((first.rule, e.rule)))
        self._swaps = [swaps[at] for at in sorted(swaps)]

    def _swaps_in(self, start: int, end: int) -> list[Edit]:
        """The swaps inside the input's ``[start, end)``."""
        if not self._swaps:
            return []
        swaps = self._swaps
        return swaps[bisect_left(swaps, start, key=_START):bisect_left(swaps, end, key=_START)]

    def _rules_of(self, piece: _Piece) -> list[str]:
        """The rules that made a piece: its own, or those of the swaps in an untouched one."""
        return [piece.rule] if piece.rule else [e.rule for e in self._swaps_in(piece.start, piece.end)]

    def _apply_to_untouched(self, edits: list[Edit]) -> None:
        """The first step that changes more than swaps letters: its edits cut the one
        untouched piece (a loop that does only that)."""
        pieces, lens, pos = [], [], 0
        for ed in edits:
            if ed.start > pos:
                pieces.append(_Piece(None, pos, ed.start, None))
                lens.append(ed.start - pos)
            if swapped := self._swaps_in(ed.start, ed.end):
                rule = _joined([*(e.rule for e in swapped), ed.rule])
                pieces.append(_Piece(ed.new, ed.start, ed.end, rule))
            else:
                pieces.append(_Piece(ed.new, ed.start, ed.end, ed.rule, ed))
            lens.append(len(ed.new))
            pos = ed.end
        if pos < len(self.original):
            pieces.append(_Piece(None, pos, len(self.original), None))
            lens.append(len(self.original) - pos)
        self._pieces, self._lens = pieces, lens

    def _apply(self, edits: list[Edit]) -> None:
        # Right to left, so offsets left of each edit still hold. The pieces not yet passed
        # are pieces[:hi] and then `pushed` (pieces made by this step, with their length in
        # the current text: a piece merged by an edit to its right keeps the length it had
        # before this step). The untouched stretch between two edits is passed in one
        # slice, found by bisection, not piece by piece. A piece is split only strictly
        # inside it, so no empty untouched piece arises.
        pieces, lens = self._pieces, self._lens
        starts = list(accumulate(lens, initial=0))  # current offset of each piece
        hi = len(pieces)
        pushed: list[tuple[_Piece, int]] = []
        # the pieces passed, a slice at a time, last one first, with their new lengths
        passed: list[tuple[list[_Piece], list[int]]] = []
        cur = starts[hi]  # current offset where the pieces not yet passed end

        def pop() -> tuple[_Piece, int]:
            nonlocal hi
            if pushed:
                return pushed.pop()
            hi -= 1
            return pieces[hi], lens[hi]

        def last() -> _Piece | None:
            return pushed[-1][0] if pushed else pieces[hi - 1] if hi else None

        p: _Piece | None
        for ed in reversed(edits):
            s, e = ed.start, ed.end
            while pushed and cur - pushed[-1][1] >= e:  # pieces that start at or after e
                p, n = pushed.pop()
                passed.append(([p], [p.length()]))
                cur -= n
            if not pushed:
                j = bisect_left(starts, e, 0, hi)
                if j < hi:
                    passed.append((pieces[j:hi], lens[j:hi]))
                    hi, cur = j, starts[j]
            p = last()
            if p is not None and cur > e and p.rule is None:  # untouched piece straddles e
                p, n = pop()
                k = n - (cur - e)
                passed.append(([_Piece(None, p.start + k, p.end, None)], [n - k]))
                pushed.append((_Piece(None, p.start, p.start + k, None), k))
                cur = e
            covered: list[_Piece] = []
            covered_end = cur
            while (pushed or hi) and cur > s:
                p, n = pop()
                cur -= n
                if cur < s and p.rule is None:  # untouched piece straddles s
                    k = s - cur
                    pushed.append((_Piece(None, p.start, p.start + k, None), k))
                    p = _Piece(None, p.start + k, p.end, None)
                    cur = s
                covered.append(p)
            covered.reverse()
            if covered:
                joined = "".join(map(self._text_of, covered))
                text = joined[: s - cur] + ed.new + joined[e - cur:]
                start, end = covered[0].start, covered[-1].end
                rules = [rule for p in covered for rule in self._rules_of(p)] + [ed.rule]
            else:  # a pure insertion at a piece boundary
                p = last()
                start = end = p.end if p is not None else 0
                text, rules = ed.new, [ed.rule]
            pushed.append((_Piece(text, start, end, _joined(rules)), covered_end - cur))
            cur = covered_end
        new_pieces, new_lens = pieces[:hi], lens[:hi]
        for p, _ in pushed:
            new_pieces.append(p)
            new_lens.append(p.length())
        for passed_pieces, passed_lens in reversed(passed):
            new_pieces += passed_pieces
            new_lens += passed_lens
        self._pieces, self._lens = new_pieces, new_lens

    def edits(self) -> list[Edit]:
        """The edits that turn the original input into the current text."""
        out: list[Edit] = []
        for p in self._pieces:
            if p.rule is not None:
                self._add(out, p.start, p.end, p.text or "", p.rule, p.edit)  # (a made piece has text)
            elif swaps := self._swaps_in(p.start, p.end):
                first = swaps[0]
                self._add(out, first.start, first.end, first.new, first.rule, first)
                out += swaps[1:]  # (a swap never joins the next: neither is an insertion)
        return [e for e in out if e.old != e.new]

    def _add(self, out: list[Edit], start: int, end: int, text: str, rule: str, edit: Edit | None) -> None:
        """Add the edit of a piece (``edit``, if it is still as a step made it) to ``out``."""
        if out and out[-1].end == start and (start == end or out[-1].start == out[-1].end):
            last = out.pop()  # touching insertions/edits become one, to keep order exact
            rules = _joined(last.rule.split("+") + rule.split("+"))
            out.append(Edit(last.start, end, self.original[last.start:end], last.new + text, rules))
        elif edit is not None:  # as the first step made it: no need to make it again
            out.append(edit)
        else:
            out.append(Edit(start, end, self.original[start:end], text, rule))
