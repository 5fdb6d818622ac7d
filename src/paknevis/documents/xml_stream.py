"""A large XML file of many posts (a feed, a Wikipedia dump) read an element at a time.

One reader for both: lxml's ``iterparse``, no entity resolved and nothing fetched (the
file is untrusted input), a broken file read as far as it goes (``recover``), a post that
a file cut short ends inside so marked, and each post dropped once read (:func:`drop`), so
memory stays bounded however long the file.
"""
from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

_HEAD = 1 << 16  # what is looked at to tell a file's encoding
#: the warning of a post that the file ends inside (a download cut off): it is read as
#: far as it goes, and may lack its end
CUT_SHORT = "text: the file ends inside it, so it may be cut short"
_DECLARED = re.compile(rb"\s*<\?xml[^>]*\bencoding\s*=")


def begins_as(roots: bytes) -> Callable[[bytes], bool]:
    """A test of a file's first kilobytes: do they begin, after a declaration, comments,
    instructions or a doctype (a TEI P4 file's, its entities inside; and a byte-order mark),
    with a root element of one of these names (a regex alternation)?"""
    start = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE(?:[^\[>]|\[.*?\])*>\s*)*<(?:"
                       + roots + rb")\b", re.S)
    return lambda head: start.match(head.removeprefix(codecs.BOM_UTF8)) is not None


def elements(source: BinaryIO) -> Iterator[tuple[Any, bool]]:
    """Each element of the XML read from ``source``, as it ends (comments left out), and
    whether the file ends inside it (see ``CUT_SHORT``)."""
    from lxml import etree  # (0.1 s: loaded where a file is read, not where one is looked at)

    buffered = io.BufferedReader(source, buffer_size=_HEAD)  # type: ignore[type-var]
    read = _Watched(buffered)
    for _, el in etree.iterparse(read, events=("end",), resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=True, recover=True,
                                 encoding=_undeclared_encoding(buffered.peek(_HEAD))):
        if isinstance(el.tag, str):
            # The parser reads on only once it has given every element that the bytes read
            # so far end: those it gives after it has read to the end of the file are the
            # ones that the end, not their closing tags, closed.
            yield el, read.ended


def marked(post: dict[str, Any], cut: bool) -> dict[str, Any]:
    """``post``, with the ``CUT_SHORT`` warning where the file ends inside it (``cut``, as
    :func:`elements` tells)."""
    return post | {"warnings": [CUT_SHORT]} if cut else post


class _Watched:
    """A file read whose reader notes when it has read to its end."""

    def __init__(self, source: BinaryIO):
        self.source, self.ended = source, False

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.ended = self.ended or not data
        return data


def drop(el: Any) -> None:
    """Clear a post read, and drop the posts read before it from their parent."""
    el.clear()
    while el.getprevious() is not None:
        del el.getparent()[0]


def _undeclared_encoding(head: bytes) -> str | None:
    """The encoding of a file that names none and is no UTF-8 (as XML would have it):
    Windows-1256, as old Persian sites write, and as paknevis reads a text file."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _DECLARED.match(head):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 3:  # (not a character cut at the end of what was looked at)
            return "windows-1256"
    return None
