"""An EPUB book read as a post: the book a record, as a Word document is.

The package document (``content.opf``, found from ``META-INF/container.xml``) gives the
title, the author (the first ``dc:creator``), the date and the publisher (the record's
source); its spine, the order in which the chapters are read. The text is the chapters'
in that order, each read as a page's text is (``html_page.plain_lines``: a line a block;
not its head's title), but for the parts a reader does not read through (``linear="no"``:
notes, a cover's page). A chapter that the file lacks is a warning of the record; a book
with no text, a reader's error.
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
        items = {item.get("id"): item for item in opf.iter(_OPF + "item")}
        lines: list[str] = []
        missing: list[str] = []  # (a chapter of the spine that the book does not hold)
        for ref in opf.iter(_OPF + "itemref"):
            item = items.get(ref.get("idref"))
            if item is None:
                missing.append(f"{ref.get('idref')!r} (no item of the manifest)")
                continue
            name = posixpath.normpath(posixpath.join(base, unquote(item.get("href") or "")))
            if ref.get("linear") == "no" or item.get("media-type") not in _PAGES:
                continue  # (read apart, or no page: an image's)
            if name not in names:
                missing.append(name)
            else:
                try:
                    lines += plain_lines(_HEAD.sub("", decode_bytes(read_part(packed, name))[0], count=1))
                except DecodeError as e:
                    raise ZippedError(f"{name} cannot be read ({e})") from None

    def first(tag: str) -> str | None:
        return next((" ".join(text.split()) for el in opf.iter(_DC + tag) if (text := el.text or "").strip()),
                    None)

    if not lines:  # (a reject, as a Word document's or a feed item's with no text)
        raise ValueError("an EPUB book with no text (no chapter of its spine holds any"
                         + (f"; not in the file: {', '.join(missing)})" if missing else ")"))
    post = post_of({"title": first("title"), "url": url, "published": first("date"),
                    "author": first("creator"), "source": first("publisher")}, lines)
    post.warnings += [f"text: the chapter {name} of the spine is not in the file" for name in missing]
    return post
