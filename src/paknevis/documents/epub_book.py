"""An EPUB book read as a post: the book a record, as a Word document is.

The package document (``content.opf``, found from ``META-INF/container.xml``) gives the
title, the author (the first ``dc:creator``), the date and the publisher (the record's
source); its spine, the order in which the chapters are read. The text is the chapters'
in that order, each read as a page's text is (``html_page.plain_lines``: a line a block;
not its head's title), but for the parts a reader does not read through (``linear="no"``:
notes, a cover's page).
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from ..io.decode import DecodeError, decode_bytes
from ..repair.zipped import ZippedError, open_zipped, parse_part, read_part
from .assemble import RawPost, post_of

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}rootfile"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_PAGES = frozenset(("application/xhtml+xml", "text/html"))
#: a chapter's head: its title is the chapter's name for a reading system, not its text
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.S | re.I)


def read_epub_book(path: str | Path, url: str | None = None) -> RawPost:
    """The book at ``path`` as a post: a :class:`ZippedError` (a ValueError) says why a file
    is not an EPUB book."""
    from .html_page import plain_lines  # (loaded with the first book: lxml)

    with open_zipped(path, "META-INF/container.xml", "an EPUB book") as packed:
        container = parse_part(read_part(packed, "META-INF/container.xml"), "META-INF/container.xml")
        package = next((path for el in container.iter(_CONTAINER) if (path := el.get("full-path"))), None)
        names = set(packed.namelist())
        if package not in names:
            raise ZippedError("not an EPUB book (no package document)")
        opf = parse_part(read_part(packed, package), package)
        base = posixpath.dirname(package)
        pages = {item.get("id"): posixpath.normpath(posixpath.join(base, unquote(item.get("href") or "")))
                 for item in opf.iter(_OPF + "item") if item.get("media-type") in _PAGES}
        lines: list[str] = []
        for ref in opf.iter(_OPF + "itemref"):
            name = pages.get(ref.get("idref"))
            if ref.get("linear") != "no" and name in names:
                try:
                    lines += plain_lines(_HEAD.sub("", decode_bytes(read_part(packed, name))[0], count=1))
                except DecodeError as e:
                    raise ZippedError(f"{name} cannot be read ({e})") from None

    def first(tag: str) -> str | None:
        return next((" ".join(text.split()) for el in opf.iter(_DC + tag) if (text := el.text or "").strip()),
                    None)

    title = first("title")
    if not lines and not title:
        raise ValueError("an EPUB book with no text (no chapter of its spine holds any, and no title)")
    return post_of({"title": title, "url": url, "published": first("date"), "author": first("creator"),
                    "source": first("publisher")}, lines)
