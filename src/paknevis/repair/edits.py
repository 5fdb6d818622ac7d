"""Edits as data: every change a repair step makes is an :class:`Edit` on the input.

Steps report edits in the coordinates of the text they were given. :class:`EditTracker`
carries them back to the coordinates of the original input across the whole pipeline, so
:func:`apply_edits` on the input gives the output and :func:`undo_edits` gives the input back.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (which reads ``old``) by ``new``; ``rule`` names the fix."""

    start: int
    end: int
    old: str
    new: str
    rule: str

    def to_dict(self) -> dict:
        return asdict(self)


def _ordered(edits: Iterable[Edit]) -> list[Edit]:
    # stable: two insertions at one offset keep the order they were given in
    return sorted(edits, key=lambda e: (e.start, e.end))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits given in ``text``'s coordinates.

    >>> apply_edits("ab", [Edit(1, 1, "", "-", "demo")])
    'a-b'
    """
    out, pos = [], 0
    for e in _ordered(edits):
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
    out, pos, shift = [], 0, 0
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

    def length(self) -> int:
        return self.end - self.start if self.text is None else len(self.text)


class EditTracker:
    """The current text as pieces that remember which part of the input they came from.
    Untouched pieces hold only their span: slicing the input at each edit would copy it
    once per edit, quadratic in a long text with many edits.

    Each step's edits (in current coordinates) replace pieces; an edit that reaches into
    text an earlier step produced absorbs that piece, and the two rules are joined with
    '+', so :meth:`edits` always replays exactly from the original input.
    """

    def __init__(self, text: str):
        self.original = text
        self._pieces = [_Piece(None, 0, len(text), None)] if text else []

    def _text_of(self, piece: _Piece) -> str:
        return self.original[piece.start:piece.end] if piece.text is None else piece.text

    @property
    def text(self) -> str:
        return "".join(map(self._text_of, self._pieces))

    def apply(self, edits: Iterable[Edit]) -> None:
        """Apply one step's edits, given in the coordinates of the current text."""
        edits = _ordered(edits)
        # Right to left, so offsets left of each edit still hold. `head` holds the pieces
        # not yet passed, with their length in the current text (a piece merged by an
        # edit to its right keeps the length it had before this step).
        head = [(p, p.length()) for p in self._pieces]
        tail: list[_Piece] = []  # passed pieces, last one first
        cur = sum(n for _, n in head)  # current offset where head ends
        for ed in reversed(edits):
            s, e = ed.start, ed.end
            while head and cur - head[-1][1] >= e:
                p, n = head.pop()
                tail.append(p)
                cur -= n
            if head and cur > e and head[-1][0].rule is None:  # untouched piece straddles e
                p, n = head.pop()
                k = n - (cur - e)
                tail.append(_Piece(None, p.start + k, p.end, None))
                head.append((_Piece(None, p.start, p.start + k, None), k))
                cur = e
            covered: list[_Piece] = []
            covered_end = cur
            while head and cur > s:
                p, n = head.pop()
                cur -= n
                if cur < s and p.rule is None:  # untouched piece straddles s
                    k = s - cur
                    head.append((_Piece(None, p.start, p.start + k, None), k))
                    p = _Piece(None, p.start + k, p.end, None)
                    cur = s
                covered.append(p)
            covered.reverse()
            if covered:
                joined = "".join(map(self._text_of, covered))
                text = joined[: s - cur] + ed.new + joined[e - cur:]
                start, end = covered[0].start, covered[-1].end
                rules = [p.rule for p in covered if p.rule] + [ed.rule]
            else:  # a pure insertion at a piece boundary
                start = end = head[-1][0].end if head else 0
                text, rules = ed.new, [ed.rule]
            merged = _Piece(text, start, end, "+".join(dict.fromkeys(rules)))
            head.append((merged, covered_end - cur))
            cur = covered_end
        pieces = [p for p, _ in head] + tail[::-1]
        self._pieces = [p for p in pieces if p.rule or p.start < p.end]

    def edits(self) -> list[Edit]:
        """The edits that turn the original input into the current text."""
        out: list[Edit] = []
        for p in self._pieces:
            if p.rule is None:
                continue
            if out and out[-1].end == p.start and (p.start == p.end or out[-1].start == out[-1].end):
                last = out.pop()  # touching insertions/edits become one, to keep order exact
                rules = "+".join(dict.fromkeys(last.rule.split("+") + p.rule.split("+")))
                out.append(Edit(last.start, p.end, self.original[last.start:p.end],
                                last.new + p.text, rules))
            else:
                out.append(Edit(p.start, p.end, self.original[p.start:p.end], p.text, p.rule))
        return [e for e in out if e.old != e.new]
