"""Documents that are zip files of parts (a Word document, an OpenDocument text, an EPUB
book), written again with the parts that hold text repaired and every other part copied
byte for byte: the zip's entries keep their order, names, dates and compression (an
EPUB's ``mimetype`` stays first and stored, as readers need it).
"""
from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..io.decode import Source
from .strings import StringRepair

if TYPE_CHECKING:
    from lxml import etree

#: Repairs one part (its name and bytes): the part written again (None where nothing
#: changed) and the repairs of its texts
PartRepair = Callable[[str, bytes], tuple[bytes | None, list[StringRepair]]]
#: A part larger than this, unpacked, is refused (a zip bomb, or no document a person wrote)
MAX_PART_BYTES = 512 * 1024 * 1024


class ZippedError(ValueError):
    """A file to repair as a zipped document (a Word or OpenDocument text, an EPUB book) that is
    not one."""


def open_zipped(source: Source, needed: str, what: str) -> zipfile.ZipFile:
    """``source`` opened as a zip file that holds the part ``needed``, or a
    :class:`ZippedError` that says it is not ``what`` ("a Word document")."""
    try:
        packed = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, NotImplementedError) as e:  # (a zip version it cannot read)
        raise ZippedError(f"not {what} (not a zip file: {e})") from None
    if needed not in packed.namelist():
        packed.close()
        raise ZippedError(f"not {what} (no {needed} in the zip file)")
    return packed


def read_part(packed: zipfile.ZipFile, info: zipfile.ZipInfo | str) -> bytes:
    """A part, unpacked, or a :class:`ZippedError`."""
    if isinstance(info, str):
        info = packed.getinfo(info)
    if info.file_size > MAX_PART_BYTES:
        raise ZippedError(f"{info.filename} unpacks to {info.file_size:,} bytes, more than the "
                          f"{MAX_PART_BYTES:,} a document's part may have")
    try:
        return packed.read(info)
    # (damaged data; a method zipfile cannot unpack, such as Deflate64; a password)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as e:
        raise ZippedError(f"{info.filename} cannot be read ({e})") from None


def rewrite_zipped(packed: zipfile.ZipFile, sink: Source | None, holds_text: Callable[[str], bool],
                   repair: PartRepair) -> Iterator[StringRepair]:
    """Write ``packed`` to ``sink`` (none: write nothing) with each part whose name
    ``holds_text`` repaired by ``repair``; give the repairs, part by part."""
    out = None if sink is None else zipfile.ZipFile(sink, "w")
    try:
        for info in packed.infolist():
            data = read_part(packed, info)
            if holds_text(info.filename):
                fixed, repairs = repair(info.filename, data)
                data = data if fixed is None else fixed
                yield from repairs
            if out is not None:
                out.writestr(info, data)
    finally:
        if out is not None:
            out.close()


def parse_part(data: bytes, name: str) -> etree._Element:
    """A part's XML (no entity resolved, nothing fetched), or a :class:`ZippedError`."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ZippedError(f"{name} is no XML ({e})") from None
