"""A paragraph whose text stands in pieces (a Word document's runs, an OpenDocument's spans),
repaired whole, each edit put back in the pieces it covers.

A word processor starts a new piece wherever the formatting changes, and often where it
does not (a spelling check, a revision's mark): ``میشود`` may be ``می`` in one piece and
``شود`` in the next. So the paragraph is repaired as ``fix`` repairs a line, and each edit,
made as small as it can be (``ميخوانم`` -> ``می‌خوانم`` is ``ي`` -> ``ی‌``), goes to the
piece it starts in (an insertion where two pieces meet, as a ZWNJ between ``می`` and
``شود``, to the first, whose letter it follows); what it replaces in the pieces after is
taken out of them. A break (a tab, a line break) parts the text as a line break does, and
an object in the text (a field, a footnote's mark) stands in it as U+FFFC, the object
replacement character, which repair leaves, and the spaces by it: no edit crosses either.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .edits import Edit
from .strings import StringRepair, StringsRepair
from .zipped import parse_part

if TYPE_CHECKING:
    from lxml import etree

#: A piece of a paragraph's text, and what writes it back (None: a break or an object, kept)
Piece = tuple[str, Callable[[str], None] | None]
BREAK: Piece = ("\n", None)
OBJECT: Piece = ("\ufffc", None)


def text_of(pieces: list[Piece]) -> str:
    """A paragraph's text: its pieces' texts, a line break for a break, U+FFFC for an object."""
    return "".join(text for text, _ in pieces)


def repair_part(name: str, data: bytes, repair: StringsRepair,
                paragraphs: Callable[[etree._Element], Iterable[list[Piece]]],
                standalone: bool | None = None) -> tuple[bytes | None, list[StringRepair]]:
    """A zipped document's part (its name and bytes) with the ``paragraphs`` of its XML
    repaired (see :func:`repair_paragraphs`): the part written again (None where none
    changed, its declaration ``standalone`` as the format writes it) and the repairs."""
    from lxml import etree

    root = parse_part(data, name)
    repairs = repair_paragraphs(list(paragraphs(root)), name, repair)
    if not repairs:
        return None, []
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=standalone), repairs


def repair_paragraphs(paragraphs: list[list[Piece]], place: str,
                      repair: StringsRepair) -> list[StringRepair]:
    """Repair each paragraph with ``repair`` (which must give the edits) and write each
    changed one back into its pieces; its repair names it by its number (from 1) and
    ``place``."""
    texts = [text_of(pieces) for pieces in paragraphs]
    afters, edits = repair(texts)
    repairs = []
    for n, (pieces, before, after) in enumerate(zip(paragraphs, texts, afters, strict=True), 1):
        if after != before:
            _put_back(pieces, edits[n - 1])
            repairs.append(StringRepair(n, place, before, edits[n - 1]))
    return repairs


def _put_back(pieces: list[Piece], edits: list[Edit]) -> None:
    """Apply ``edits`` (in the coordinates of the paragraph's text) to its pieces."""
    bounds, at = [], 0
    for text, _ in pieces:
        bounds.append((at, at + len(text)))
        at += len(text)
    changes: list[list[tuple[int, int, str]]] = [[] for _ in pieces]  # each piece's own edits
    for e in smallest(edits):
        first = True
        for i, (start, end) in enumerate(bounds):
            if pieces[i][1] is None:
                continue
            # the piece it starts in (an insertion where two meet: the first), then those it runs on into
            if first and (start <= e.start < end or e.start == e.end == end):
                changes[i].append((e.start - start, min(e.end, end) - start, e.new))
                first = False
            elif not first and start < e.end:
                changes[i].append((0, min(e.end, end) - start, ""))
        # (an edit that starts in no piece would have to start on a break or an object: no
        # edit touches one)
    for (text, write), done in zip(pieces, changes, strict=True):
        if done and write is not None:
            for start, end, new in reversed(done):
                text = text[:start] + new + text[end:]
            write(text)


def smallest(edits: list[Edit]) -> Iterator[Edit]:
    """Each edit as the smallest edits that make it: a word's edit (``ميخوانم`` -> ``می‌خوانم``)
    as its letters' (``ي`` -> ``ی‌``), so that the letters it keeps keep their pieces."""
    for e in edits:
        matcher = SequenceMatcher(None, e.old, e.new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                yield Edit(e.start + i1, e.start + i2, e.old[i1:i2], e.new[j1:j2], e.rule)
