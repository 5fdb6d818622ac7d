"""EPUB books repaired as EPUB books: the text a reader sees, and the book's title and
description, repaired; the rest as it was.

An EPUB is a zip file of XHTML chapters, a package document (``content.opf``: the title, the
author, the list of parts), a table of contents (``nav.xhtml``, or ``toc.ncx`` in EPUB 2),
styles, fonts and images. Each chapter and the nav document is repaired as a page
(:mod:`~paknevis.repair.html_text`: the text between tags, titles and alt texts; the markup
byte for byte), the package document's title, description and subjects and the table of
contents' labels as XML (:mod:`~paknevis.repair.xml_text`). Every other part is copied byte
for byte (:mod:`~paknevis.repair.zipped`).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import partial
from typing import Unpack

from ..io.decode import Source
from .config import RepairOptions
from .html_text import repair_html
from .pipeline import Repairer, repairer
from .strings import StringRepair
from .xml_text import repair_xml
from .zipped import ZippedError, open_zipped, rewrite_zipped

_PAGES = re.compile(r".*\.(?:xhtml|html|htm)", re.IGNORECASE)
#: The elements of the other parts that hold a reader's text: the package document's
#: metadata, the EPUB 2 table of contents' labels
_XML_FIELDS = {".opf": ("dc:title", "dc:description", "dc:subject"), ".ncx": ("text",)}


def is_epub(name: str) -> bool:
    """Does a file's name say it is an EPUB book?"""
    return name.lower().endswith(".epub")


def repair_epub(source: Source, sink: Source | None, repairer: Repairer) -> Iterator[StringRepair]:
    """Write ``source``, an EPUB book, to ``sink`` (none: write nothing) with its text
    repaired by ``repairer``. Give each text that changed, with its edits, at its line in
    its part and its place, the part's name and the text's (``OEBPS/ch1.xhtml#text``,
    ``OEBPS/content.opf#dc:title``)."""
    with open_zipped(source, "META-INF/container.xml", "an EPUB book") as packed:
        yield from rewrite_zipped(packed, sink, _holds_text, partial(_repair_part, repairer=repairer))


def fix_epub(source: Source, destination: Source, **options: Unpack[RepairOptions]) -> int:
    """Write ``source``, an EPUB book, to ``destination`` with the text a reader sees, and
    its title and description, repaired as :func:`~paknevis.fix` repairs a text; its
    markup and every other part as they were. Return how many texts changed. A
    :class:`~paknevis.repair.zipped.ZippedError` says why a file is not an EPUB book."""
    return sum(1 for _ in repair_epub(source, destination, repairer(**options)))


def _holds_text(name: str) -> bool:
    return _PAGES.fullmatch(name) is not None or name.lower().endswith(tuple(_XML_FIELDS))


def _repair_part(name: str, data: bytes, repairer: Repairer) -> tuple[bytes | None, list[StringRepair]]:
    """A part repaired (None where nothing changed), and each text's repair. (Its edits are
    always asked for: a part that changed must say so.)"""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        text = data[len(bom):].decode("utf-8")
    except UnicodeDecodeError as e:
        raise ZippedError(f"{name} is not UTF-8, as an EPUB book's text must be ({e})") from None
    if _PAGES.fullmatch(name):
        fixed, repairs = repair_html(text, repairer, explain=True)
    else:
        fields = next(f for end, f in _XML_FIELDS.items() if name.lower().endswith(end))
        fixed, repairs = repair_xml(text, repairer, explain=True, fields=fields)
    if fixed == text:
        return None, []
    return bom + fixed.encode("utf-8"), [r._replace(place=f"{name}#{r.place}") for r in repairs]
