"""OpenDocument texts (.odt: LibreOffice, and Word's "OpenDocument Text") repaired as such:
each paragraph's text repaired, its spans' formatting and the rest of the file as they were.

An .odt file is a zip of XML parts. A paragraph (``<text:p>``, a heading ``<text:h>``)
holds its text directly and in spans and links (``<text:span>``, ``<text:a>``), which a
word processor starts wherever the formatting changes: the paragraph is repaired whole and
each edit put back in the pieces it covers (:mod:`~paknevis.repair.paragraphs`). A run of
spaces (``<text:s/>``), a tab or a line break parts its text as a line break does. A
footnote's, a comment's and a frame's paragraphs are their own; fields (a date, a page
number) are not text, and stay, as do the spaces by them.

Repaired: the body (``content.xml``), the headers and footers (``styles.xml``), and the
document's title, subject, description and keywords (``meta.xml``). Every other part is
copied byte for byte (:mod:`~paknevis.repair.zipped`).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Unpack

from ..io.decode import Source
from .config import RepairOptions
from .paragraphs import BREAK, DC, OBJECT, Piece, properties, repair_part
from .pipeline import repairer
from .strings import StringRepair, StringsRepair, repair_strings
from .zipped import open_zipped, rewrite_zipped

if TYPE_CHECKING:
    import zipfile

    from lxml import etree

_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_PARAGRAPHS = (_T + "p", _T + "h")
_BREAKS = frozenset((_T + "s", _T + "tab", _T + "line-break"))
#: The elements inside a paragraph whose text is the paragraph's
_INLINE = frozenset((_T + "span", _T + "a", _T + "meta"))
_TEXT_PARTS = frozenset(("content.xml", "styles.xml", "meta.xml"))
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
#: the properties a reader sees (meta.xml)
_PROPERTIES = (DC + "title", DC + "subject", DC + "description", _META + "keyword")


def is_odt(name: str) -> bool:
    """Does a file's name say it is an OpenDocument text?"""
    return name.lower().endswith(".odt")


def repair_odt(source: Source, sink: Source | None, repair: StringsRepair) -> Iterator[StringRepair]:
    """Write ``source``, an OpenDocument text, to ``sink`` (none: write nothing) with the
    text of each paragraph repaired by ``repair``, which must give the edits. Give each
    paragraph that changed, at its number (from 1) in its part, and the part's name
    (``content.xml``), with its edits."""
    with open_odt(source) as packed:
        yield from rewrite_zipped(packed, sink, _TEXT_PARTS.__contains__,
                                  partial(repair_part, repair=repair, paragraphs=_pieces))


def open_odt(source: Source) -> zipfile.ZipFile:
    """``source`` opened as an OpenDocument text's zip file, or a
    :class:`~paknevis.repair.zipped.ZippedError`."""
    return open_zipped(source, "content.xml", "an OpenDocument text")


def fix_odt(source: Source, destination: Source, **options: Unpack[RepairOptions]) -> int:
    """Write ``source``, an OpenDocument text (.odt), to ``destination`` with the text of
    each paragraph repaired as :func:`~paknevis.fix` repairs a line, its spans' formatting
    and the rest of the file as they were. Return how many paragraphs changed. A
    :class:`~paknevis.repair.zipped.ZippedError` says why a file is not one."""
    repair = partial(repair_strings, repairer=repairer(**options), explain=True)
    return sum(1 for _ in repair_odt(source, destination, repair))


def _pieces(root: etree._Element) -> Iterator[list[Piece]]:
    if root.tag == "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}document-meta":
        return properties(root, _PROPERTIES)
    return map(_paragraph, root.iter(*_PARAGRAPHS))


def _paragraph(p: etree._Element) -> list[Piece]:
    """The pieces of a paragraph's text, in order: its own text, and its spans' and links'
    (each element's text, then the text after it), with a break for each run of spaces,
    tab or line break, and an object for what else holds text."""
    pieces: list[Piece] = []

    def walk(element: etree._Element) -> None:
        if element.text:
            pieces.append((element.text, partial(setattr, element, "text")))
        for child in element:
            if child.tag in _INLINE:
                walk(child)
            elif child.tag in _BREAKS:
                pieces.append(BREAK)
            elif child.text or len(child):
                # (a field's, a note's or a frame's text is not the paragraph's to repair, and
                # it stands in the text as an object; a bookmark or a change mark, empty, is nothing)
                pieces.append(OBJECT)
            if child.tail:
                pieces.append((child.tail, partial(setattr, child, "tail")))

    walk(p)
    return pieces
