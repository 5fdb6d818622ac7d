"""Word documents repaired as Word documents: each paragraph's text repaired, its runs'
formatting and the rest of the file as they were.

A .docx file is a zip of XML parts. A paragraph's text (``<w:p>``) stands in the text
elements (``<w:t>``) of its runs, which a word processor starts wherever the formatting
changes, and often where it does not (a spelling check, a revision's mark): ``میشود`` may be
``می`` in one run and ``شود`` in the next. So a paragraph is repaired whole, as ``fix``
repairs a line, and each edit goes back to the runs it covers: to the run it starts in (an
insertion where two runs meet, as a ZWNJ between ``می`` and ``شود``, to the first, whose
letter it follows), and what it replaces in the runs after is taken out of them. A tab or a
break inside a paragraph parts its text as a line break does: no edit crosses it.

Repaired: the body, headers, footers, footnotes, endnotes and comments. Not text, and kept:
field codes (``w:instrText``: a hyperlink's address), text deleted in tracked changes
(``w:delText``) and equations. A part repair leaves alone is copied byte for byte; the zip's
entries keep their order, names, dates and compression.

lxml is imported where a file is read: ``import paknevis`` does not load it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import partial
from typing import TYPE_CHECKING, Any, Unpack

from .config import RepairOptions
from .edits import Edit
from .parquet_text import Source, StringsRepair
from .pipeline import repairer
from .strings import StringRepair, repair_strings
from .zipped import ZippedError, open_zipped, rewrite_zipped

if TYPE_CHECKING:
    import zipfile

    from lxml import etree

#: WordprocessingML's namespace, and Strict Open XML's (Word's "Strict Open XML Document")
_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
               "http://purl.oclc.org/ooxml/wordprocessingml/main")
#: Run content that parts a paragraph's text: a tab, a line or page break, a carriage return
_BREAKS = ("tab", "br", "cr", "ptab")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The parts that hold a reader's text
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
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
                                  partial(_repair_part, repair=repair))


def fix_docx(source: Source, destination: Source, **options: Unpack[RepairOptions]) -> int:
    """Write ``source``, a Word document (.docx), to ``destination`` with the text of each
    paragraph repaired as :func:`~paknevis.fix` repairs a line, its runs' formatting and the
    rest of the file as they were. Return how many paragraphs changed. A
    :class:`~paknevis.repair.zipped.ZippedError` says why a file is not a Word document."""
    repair = partial(repair_strings, repairer=repairer(**options), explain=True)
    return sum(1 for _ in repair_docx(source, destination, repair))


def open_docx(source: Source) -> zipfile.ZipFile:
    """``source`` opened as a Word document's zip file, or a :class:`ZippedError`."""
    return open_zipped(source, "word/document.xml", "a Word document")


def _repair_part(name: str, data: bytes, repair: StringsRepair) -> tuple[bytes | None, list[StringRepair]]:
    """A part with its paragraphs repaired (None where none changed), and the repairs."""
    from lxml import etree

    root = parse_part(data, name)
    paragraphs = [pieces for _, pieces in paragraphs_of(root)]
    texts = [text_of(pieces) for pieces in paragraphs]
    afters, edits = repair(texts)
    repairs = []
    for n, (pieces, before, after) in enumerate(zip(paragraphs, texts, afters, strict=True), 1):
        if after != before:
            _put_back(pieces, edits[n - 1])
            repairs.append(StringRepair(n, name, before, edits[n - 1]))
    if not repairs:
        return None, []
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), repairs


def parse_part(data: bytes, name: str) -> etree._Element:
    """A part's XML (no entity resolved, nothing fetched), or a :class:`ZippedError`."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ZippedError(f"{name} is no XML ({e})") from None


def paragraphs_of(root: etree._Element) -> Iterator[tuple[etree._Element, list[tuple[str, Any]]]]:
    """Each paragraph of a part, in order, and the pieces of its text (:func:`text_of`
    joins them)."""
    for w in _NAMESPACES:
        for p in root.iter(f"{{{w}}}p"):
            yield p, _paragraph(p)


def text_of(pieces: list[tuple[str, Any]]) -> str:
    """A paragraph's text: its runs' texts, a line break for a tab or a break."""
    return "".join(text for text, _ in pieces)


def _paragraph(p: etree._Element) -> list[tuple[str, Any]]:
    """The pieces of a paragraph's text: each text element's text with the element, and a
    line break (with None) for each tab or break. A paragraph inside this one (in a text
    box) is its own."""
    w = p.tag[:-1]  # ({namespace}, as the paragraph's)
    pieces: list[tuple[str, Any]] = []
    for node in p.iter(w + "t", *(w + name for name in _BREAKS)):
        if next(node.iterancestors(p.tag)) is p:
            pieces.append((node.text or "", node) if node.tag == w + "t" else ("\n", None))
    return pieces


def _put_back(pieces: list[tuple[str, Any]], edits: list[Edit]) -> None:
    """Apply ``edits`` (in the coordinates of the paragraph's text) to its text elements."""
    bounds, at = [], 0
    for text, _ in pieces:
        bounds.append((at, at + len(text)))
        at += len(text)
    changes: list[list[tuple[int, int, str]]] = [[] for _ in pieces]  # each piece's own edits
    for e in _smallest(edits):
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
        # (an edit that starts in no piece would have to start on a break: no edit touches one)
    for (text, node), done in zip(pieces, changes, strict=True):
        if done:
            for start, end, new in reversed(done):
                text = text[:start] + new + text[end:]
            node.text = text
            if text != text.strip():  # (Word drops a run's edge spaces without it)
                node.set(_XML_SPACE, "preserve")


def _smallest(edits: list[Edit]) -> Iterator[Edit]:
    """Each edit as the smallest edits that make it: a word's edit (``ميخوانم`` -> ``می‌خوانم``)
    as its letters' (``ي`` -> ``ی‌``), so that the letters it keeps keep their runs."""
    for e in edits:
        matcher = SequenceMatcher(None, e.old, e.new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                yield Edit(e.start + i1, e.start + i2, e.old[i1:i2], e.new[j1:j2], e.rule)
