"""A paragraph of a word processor's document, whose text stands in pieces (a Word
document's runs, an OpenDocument's spans), repaired whole as ``fix`` repairs a line, each
edit put back in the pieces it covers (:mod:`~paknevis.repair.spread`). A break (a tab, a
line break) parts the text as a line break does, and an object in the text (a field, a
footnote's mark) stands in it as U+FFFC, the object replacement character, which repair
leaves, and the spaces by it: no edit crosses either.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from .spread import spread
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


#: The namespace of the properties a reader sees of a document (its title), in Word's and
#: OpenDocument's files alike
DC = "{http://purl.org/dc/elements/1.1/}"


def properties(root: etree._Element, tags: tuple[str, ...]) -> Iterator[list[Piece]]:
    """A document's properties of ``tags`` (its title, subject, description, keywords: File >
    Properties, and a desktop search's results), each as a paragraph of one piece."""
    for el in root.iter(*tags):
        if el.text:
            yield [(el.text, partial(setattr, el, "text"))]


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
            kept = {i for i, (_, write) in enumerate(pieces) if write is None}
            spread_texts = spread([text for text, _ in pieces], edits[n - 1], kept)
            for (old, write), new in zip(pieces, spread_texts, strict=True):
                if new != old and write is not None:
                    write(new)
            repairs.append(StringRepair(n, place, before, edits[n - 1]))
    return repairs
