"""The pieces of a text as the ZWNJ step reads it: what stands between two spaces (a word,
or words and punctuation), what the step needs to know of each, and where one ends."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..chars import WORD_CHARS


class Piece(NamedTuple):
    """What the ZWNJ step needs to know of one space-delimited piece of text."""

    edits: tuple  # (offset, old, new, rule) for each word in it to repair
    first: str | None  # key of its first word, if it starts with one
    last: str | None  # key of its last word, if it ends with one
    single: bool  # is it one word (and nothing else)?
    ends_join: bool  # may its first word be the right side of a rule's join (ها، تر، ام…)?
    starts_join: bool  # may its last word be the left side of a rule's join (می، نمی، بی)?
    pair_left: bool  # is its last word the left side of a joinable pair (بین in بین المللی)?
    #: its edits before a word that an ezafe hardly ever precedes (``HEH_AI_BEFORE``), if
    #: they differ: its last word then read as a word in ه and ای (زمینهای را -> زمینه‌ای
    #: را، زمینهای از -> زمینه‌ای از; see ``heh_where_no_ezafe``)
    before_no_ezafe: tuple | None = None
    #: is it one word, شده, that may end an adjective typed apart (انجام شده در)? It is
    #: looked at only where what follows shows the adjective (``Context.shows_adjective``).
    participle: bool = False

    def __contains__(self, next_key: object) -> bool:
        """True: the scan asks each busy piece whether the word after it may join it (see
        ``ZwnjRestorer._scan_py``), and a piece with work of its own is visited whatever follows."""
        return True


class Memo(dict):
    """A dict that makes a missing value with ``make`` and keeps it, so that a lookup in
    C (``map(memo.__getitem__, keys)``) computes only what it has not seen. Past ``limit``
    entries it starts afresh: web text never runs out of new words and numbers."""

    __slots__ = ("make", "limit")

    def __init__(self, make, limit: int = 200_000):
        super().__init__()
        self.make, self.limit = make, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value


def piece_end(text: str, start: int) -> int:
    """Where the piece that starts at ``start`` ends: at a space, a newline or the end."""
    end = text.find(" ", start)
    if end < 0:
        end = len(text)
    newline = text.find("\n", start, end)
    return end if newline < 0 else newline


def piece_start_before(text: str, start: int) -> int:
    """Where the piece before the one at ``start`` (> 0) starts. The newline is looked for
    only after the space: from the text's start, in a text without one, each call read
    the whole text before it (a line of 1,000,000 characters of مسخره کننده: 1.1 s)."""
    space = text.rfind(" ", 0, start - 1)
    return max(space, text.rfind("\n", space + 1, start - 1)) + 1


_W = WORD_CHARS
WORD = re.compile(f"[{_W}]+")
#: A piece with at most one word, and anything else (digits, punctuation) only around it.
ONE_WORD = re.compile(f"[^{_W}]*(?:([{_W}]+)[^{_W}]*)?")
