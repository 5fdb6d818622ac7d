"""A large JSON array of posts, written an item to an indented block (as Telegram Desktop
writes an export's messages and X an archive's tweets), cut into its items by that layout
and each item parsed on its own (orjson), so that damage costs the item it is in.

JSON's strings hold no line break (it is written ``\\n``), so a line that begins with the
items' indent and then ``{`` or ``}`` opens or closes an item; the braces inside an item are
indented more. (An item written on one line, ``{ … },``, ends where the next begins, or
where the array ends.) An array written otherwise (on one line) has no such lines: its reader
streams it with ijson, where a damaged byte ends the reading (what came before is kept).
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import orjson

from .xml_stream import BLOCK, Readable

#: after an array's [, a line break: its items are on lines of their own
_BROKEN_LINE = re.compile(rb"[ \t\r]*\n")
#: a line that opens an object
_OPENING = re.compile(rb"\n([ \t]*)\{")


def items_indent(data: bytes, after: int) -> bytes | None:
    """The indent of the items of the array whose ``[`` ends at ``after`` in ``data``: of
    the lines that open an object in what ``data`` holds of it, the least indent that two
    share (an object inside an item is indented more; one line may be damaged), or the one.
    None where the array is written on one line, or has no object."""
    if not _BROKEN_LINE.match(data, after):
        return None
    indents = Counter(m.group(1) for m in itertools.islice(_OPENING.finditer(data, after), 200))
    shared = [indent for indent, count in indents.items() if count > 1] or list(indents)
    return min(shared, key=len) if shared else None


def laid_out_items(source: Readable, indent: bytes) -> Iterator[tuple[Any, str | None]]:
    """Each item of the array that ``source`` goes on with (its ``[`` read before), its
    items indented by ``indent``: (the item, None), or (None, why there is none, as the end
    of a phrase: "whose JSON is broken (…)", "that the file ends inside (…)", "whose opening
    brace is lost (…)", "that is no object laid out as the others (…)"), in order."""
    marks = re.compile(rb"\n" + re.escape(indent) + rb"([{}])")
    buf, base, at, start, ended = bytearray(), 0, 0, -1, False
    while True:
        m = marks.search(buf, at)
        if m is None:
            if not ended:
                block = source.read(BLOCK)
                ended = not block
                at = max(at, len(buf) - len(indent) - 2)  # (a mark may be cut between two reads)
                buf += block
                continue
            if start >= 0:  # an item whose closing brace ends no line: the last, or cut short
                close = buf.rfind(b"]")  # (the array's: after the item, if the file goes on to it)
                end = close if close > start else len(buf)
                item, why = _parsed(bytes(buf[start:end]).rstrip(), base + start)
                yield (item, None) if why is None else (
                    None, f"that the file ends inside (at byte {base + start:,} of the array)")
            elif _stray(buf.partition(b"]")[0]):
                yield None, f"that is no object laid out as the others (at byte {base:,} of the array)"
            return
        if m.group(1) == b"{":
            if start >= 0:  # an item that the next begins before its brace ends a line
                yield _parsed(bytes(buf[start:m.start()]).rstrip(b" \t\r\n,"), base + start)
            elif _stray(buf[:m.start()]):  # (a string or a number among the objects)
                yield None, f"that is no object laid out as the others (at byte {base:,} of the array)"
            del buf[:m.start()]  # (the item begins the buffer: what it holds stays bounded)
            base += m.start()
            start = 1 + len(indent)
            at = start + 1
            continue
        if start < 0:  # a closing brace with no opening: an item whose opening is lost
            yield None, f"whose opening brace is lost (at byte {base + m.start():,} of the array)"
        else:
            yield _parsed(bytes(buf[start:m.end()]), base + start)
            start = -1
        del buf[:m.end()]  # (what comes next stands after it)
        base += m.end()
        at = 0


def _stray(between: bytes | bytearray) -> bool:
    """Is there more than commas and spaces between two items?"""
    return bool(between.strip(b" \t\r\n,"))


def _parsed(item: bytes, where: int) -> tuple[Any, str | None]:
    try:
        return orjson.loads(item), None
    except orjson.JSONDecodeError as e:
        return None, f"whose JSON is broken ({e}; at byte {where:,} of the array)"
