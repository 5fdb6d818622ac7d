"""Word documents repaired as Word documents: each paragraph's text repaired, its runs'
formatting and the rest of the file as they were.

A .docx file is a zip of XML parts. A paragraph's text (``<w:p>``) stands in the text
elements (``<w:t>``) of its runs, which a word processor starts wherever the formatting
changes: the paragraph is repaired whole and each edit put back in the runs it covers
(:mod:`~paknevis.repair.paragraphs`), so a word's letters keep their formatting. A tab or
a break inside a paragraph parts its text as a line break does.

Repaired: the body, headers, footers, footnotes, endnotes and comments, and the document's
title, subject, description and keywords (``docProps/core.xml``). Not text, and kept:
field codes (``w:instrText``: a hyperlink's address), text deleted in tracked changes
(``w:delText``) and equations. A part repair leaves alone is copied byte for byte; the zip's
entries keep their order, names, dates and compression.

lxml is imported where a file is read: ``import paknevis`` does not load it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Unpack

from ..io.decode import Source
from .config import RepairOptions
from .paragraphs import BREAK, DC, Piece, properties, repair_part
from .pipeline import repairer
from .strings import StringRepair, StringsRepair, repair_strings
from .zipped import open_zipped, rewrite_zipped

if TYPE_CHECKING:
    import zipfile

    from lxml import etree

#: WordprocessingML's namespace, and Strict Open XML's (Word's "Strict Open XML Document")
_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
               "http://purl.oclc.org/ooxml/wordprocessingml/main")
#: Run content that parts a paragraph's text: a tab, a line or page break, a carriage return
_BREAKS = ("tab", "br", "cr", "ptab")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The parts that hold a reader's text, and the document's properties
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml"
                         r"|docProps/core\.xml")
_CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
#: the properties a reader sees (docProps/core.xml)
_PROPERTIES = (DC + "title", DC + "subject", DC + "description", _CORE + "keywords")


def is_docx(name: str) -> bool:
    """Does a file's name say it is a Word document?"""
    return name.lower().endswith(".docx")


def repair_docx(source: Source, sink: Source | None, repair: StringsRepair) -> Iterator[StringRepair]:
    """Write ``source``, a Word document, to ``sink`` (none: write nothing) with the text of
    each paragraph repaired by ``repair``, which must give the edits. Give each paragraph
    that changed, at its number (from 1) in its part, and the part's name
    (``word/document.xml``), with its edits."""
    with open_docx(source) as packed:
        yield from rewrite_zipped(packed, sink, lambda name: _TEXT_PARTS.fullmatch(name) is not None,
                                  partial(repair_part, repair=repair, paragraphs=_pieces, standalone=True))


def fix_docx(source: Source, destination: Source, **options: Unpack[RepairOptions]) -> int:
    """Write ``source``, a Word document (.docx), to ``destination`` with the text of each
    paragraph repaired as :func:`~paknevis.fix` repairs a line, its runs' formatting and the
    rest of the file as they were. Return how many paragraphs changed. A
    :class:`~paknevis.repair.zipped.ZippedError` says why a file is not a Word document."""
    repair = partial(repair_strings, repairer=repairer(**options), explain=True)
    return sum(1 for _ in repair_docx(source, destination, repair))


def open_docx(source: Source) -> zipfile.ZipFile:
    """``source`` opened as a Word document's zip file, or a
    :class:`~paknevis.repair.zipped.ZippedError`."""
    return open_zipped(source, "word/document.xml", "a Word document")


def paragraphs_of(root: etree._Element) -> Iterator[tuple[etree._Element, list[Piece]]]:
    """Each paragraph of a part, in order, and the pieces of its text."""
    for w in _NAMESPACES:
        for p in root.iter(f"{{{w}}}p"):
            yield p, _paragraph(p)


def _pieces(root: etree._Element) -> Iterator[list[Piece]]:
    if root.tag == _CORE + "coreProperties":
        return properties(root, _PROPERTIES)
    return (pieces for _, pieces in paragraphs_of(root))


def _paragraph(p: etree._Element) -> list[Piece]:
    """The pieces of a paragraph's text: each text element's, and a break for each tab or
    break. A paragraph inside this one (in a text box) is its own."""
    w = p.tag[:-1]  # ({namespace}, as the paragraph's)
    pieces: list[Piece] = []
    for node in p.iter(w + "t", *(w + name for name in _BREAKS)):
        if next(node.iterancestors(p.tag)) is p:
            pieces.append((node.text or "", partial(_write, node)) if node.tag == w + "t" else BREAK)
    return pieces


def _write(node: etree._Element, text: str) -> None:
    node.text = text
    if text != text.strip():  # (Word drops a run's edge spaces without it)
        node.set(_XML_SPACE, "preserve")
