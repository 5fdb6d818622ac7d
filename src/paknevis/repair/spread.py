"""A text that stands in pieces (a Word document's runs, the texts of a page between its
inline tags), repaired whole: each edit put back into the pieces it covers.

A word processor starts a new piece wherever the formatting changes, and a page wherever a
tag stands: ``ميخوانم`` may be ``مي`` in bold and ``خوانم`` after it. Repaired one piece at a
time, neither is a word; repaired whole, the edit (``ميخوانم`` -> ``می‌خوانم``) is first
made as small as it can be (``ي`` -> ``ی‌``), so the letters it keeps keep their pieces,
and then goes to the piece it starts in: an insertion where two pieces meet (a ZWNJ between
``می`` and ``خوانم``) to the first, whose letter it follows. What it replaces in the pieces
after is taken out of them.

>>> from paknevis.repair.edits import Edit
>>> spread(["مي", "خوانم"], [Edit(0, 7, "ميخوانم", "می\u200cخوانم", "letters+zwnj")])
['می\u200c', 'خوانم']
>>> spread(["سلام،", "دنیا"], [Edit(5, 5, "", " ", "spacing")], closed={1})
['سلام،', ' دنیا']
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Iterator
from difflib import SequenceMatcher
from itertools import accumulate

from .edits import Edit
from .fold import ONE_FOR_ONE


def spread(pieces: list[str], edits: list[Edit], kept: Container[int] = (),
           closed: Container[int] = ()) -> list[str]:
    """``pieces`` (whose text, joined, ``edits`` are in the coordinates of) with ``edits``
    made in them; no edit starts in a piece whose number is in ``kept`` (a line break, an
    object), which stays as it is. A space inserted before a piece whose number is in
    ``closed`` (one that follows an element's end: ``</b>``, Markdown's closing ``**``) goes
    to it, outside the element, where Markdown still reads the emphasis (``**سلام، **`` is none)."""
    ends = list(accumulate(len(text) for text in pieces))
    changes: list[list[tuple[int, int, str]]] = [[] for _ in pieces]  # each piece's own edits
    for edit in edits:
        i = bisect_right(ends, edit.start)  # the piece it starts in
        # most edits lie inside one piece, and need not be cut (but at an edge, where which
        # piece takes an insertion is to be decided)
        inside = i < len(pieces) and (edit.end < ends[i] or edit.end == ends[i] and i + 1 not in closed)
        if inside and i not in kept and not (edit.start == edit.end and i and edit.start == ends[i - 1]):
            start = ends[i] - len(pieces[i])
            changes[i].append((edit.start - start, edit.end - start, edit.new))
            continue
        for e in smallest([edit]):
            first = True
            for i, end in enumerate(ends):
                start = end - len(pieces[i])
                if i in kept:
                    continue
                # the piece it starts in (an insertion where two meet: the first), then those it runs on into
                if first and (start <= e.start < end or e.start == e.end == end and not (
                        i + 1 in closed and e.new.isspace())):
                    changes[i].append((e.start - start, min(e.end, end) - start, e.new))
                    first = False
                elif not first and start < e.end:
                    changes[i].append((0, min(e.end, end) - start, ""))
    out = []
    for text, done in zip(pieces, changes, strict=True):
        for start, end, new in reversed(done):
            text = text[:start] + new + text[end:]
        out.append(text)
    return out


def smallest(edits: list[Edit]) -> Iterator[Edit]:
    """Each edit as the smallest edits that make it: a word's edit (``ميخوانم`` -> ``می‌خوانم``)
    as its letters' (``ي`` -> ``ی``, and a ZWNJ inserted), so that the letters it keeps keep
    their pieces; a character replaced by its like (a letter's or a digit's other form, as
    :mod:`~paknevis.repair.fold` has them) is an edit of its own, so that a number's digits
    stay in their pieces too.

    >>> [(e.start, e.old, e.new) for e in smallest([Edit(3, 6, "12ي", " ۱۲ی", "x")])]
    [(3, '', ' '), (3, '1', '۱'), (4, '2', '۲'), (5, 'ي', 'ی')]
    """
    for e in edits:
        old, new = e.old.translate(ONE_FOR_ONE), e.new.translate(ONE_FOR_ONE)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag != "equal":
                yield Edit(e.start + i1, e.start + i2, e.old[i1:i2], e.new[j1:j2], e.rule)
                continue
            for k in range(i2 - i1):  # (alike: the same, or each character's like)
                if e.old[i1 + k] != e.new[j1 + k]:
                    yield Edit(e.start + i1 + k, e.start + i1 + k + 1, e.old[i1 + k], e.new[j1 + k], e.rule)

