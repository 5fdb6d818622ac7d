"""A large JSON array of posts cut into its items, each parsed on its own (orjson), so that
damage costs the item it is in: by its layout where it is written an item to an indented
block (as Telegram Desktop writes an export's messages and X an archive's tweets), else by
its braces.

JSON's strings hold no line break (it is written ``\\n``), so a line that begins with the
items' indent and then ``{`` or ``}`` opens or closes an item; the braces inside an item are
indented more. (An item written on one line, ``{ … },``, ends where the next begins, or
where the array ends.)

An array written otherwise (on one line: ``json.dump(posts, f)``) has no such lines. Its
items are found by their braces, outside strings (:func:`array_items`). A damaged byte may
throw that count off (a stray quote turns strings inside out): the reader then looks for the
next item where ``, {`` (or, first, the next ``{``: the comma may be the damage) begins one
that parses alone and opens with the first item's key, and the bytes between are one
reject. A string or a number among the items is a reject of its own.
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
#: what may stand between two items
_SPACE = b" \t\r\n,"


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
    return bool(between.strip(_SPACE))


def _parsed(item: bytes, where: int) -> tuple[Any, str | None]:
    try:
        return orjson.loads(item), None
    except orjson.JSONDecodeError as e:
        return None, f"whose JSON is broken ({e}; at byte {where:,} of the array)"


#: what the brace count looks at: quotes, a string's escapes, braces and brackets
_STRUCTURE = re.compile(rb'["\\{}\[\]]')
#: the most an item may hold: one that runs longer has lost a closing brace
MAX_ITEM = 64 << 20
#: how much of what is held stays when the next item is looked for in the next block (a
#: comma and the spaces after it, cut by the block's end)
_TAIL = 1024
#: where, after damage, the next item may begin: «, {»
_BOUNDARY = re.compile(rb",\s*\{")
#: a string, a number, true, false or null among the items, and the comma or ] after it
_SCALAR = re.compile(rb'(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)[ \t\r\n]*(?=[,\]])')
#: an object's first key
_OPENING_KEY = re.compile(rb'\{\s*("(?:[^"\\]|\\.)*")\s*:')


def array_items(source: Readable, after: bytes = b"") -> Iterator[tuple[Any, str | None]]:
    """Each item of the array that ``source`` goes on with (its ``[`` read before), however
    it is written: (the item, None), or (None, why there is none, as the end of a phrase:
    "whose JSON is broken (…)", "that the file ends inside (…)", "that is no object (…)"),
    in order. ``after``: what closes the file after the array's ``]``, spaces aside (``}``
    where the array is an object's last value). The array is read a block at a time: what
    is held is the item being read (at most MAX_ITEM: one longer has lost a brace) or, after
    damage, what is being looked through for the next item that parses (the rest of the
    file only where the first item is too damaged to show its key, which the last's then
    stands for)."""
    closing = b"]" + after
    buf, base, ended, first_key, at = bytearray(), 0, False, None, 0
    scan: tuple[int, int, bool] | None = None  # (where the count of the item at ``at`` stopped)
    while True:
        while at < len(buf) and buf[at] in _SPACE:
            at += 1
        opens = at < len(buf) and buf[at] in b"{["
        end = None
        if opens:  # (going on where the count stopped before the last block was read)
            end, pos, depth, in_string = _scan(buf, *(scan or (at, 0, False)), len(buf))
            scan = None if end is not None else (pos, depth, in_string)
        # (an item that runs longer than any post does is damage: a brace that never closes)
        too_long = opens and end is None and len(buf) - at > MAX_ITEM
        # (a ] with more after it than closes the file is damage: a stray, read past below)
        closes = at < len(buf) and buf[at] == ord("]") and _closes(buf[at:], closing)
        scalar = None if opens or closes else _SCALAR.match(buf, at)
        if (at == len(buf) or opens and end is None and not too_long or closes or not opens and scalar is None
                ) and not ended:
            block = source.read(BLOCK)
            ended = not block
            buf += block
            continue
        if at == len(buf) or closes:
            return
        item, why = _parsed(bytes(buf[at:end]), base + at) if end is not None else (None, "")
        if end is not None and why is None and isinstance(item, dict):
            if first_key is None and item:
                first_key = next(iter(item))
            yield item, None
            at = end
        elif isinstance(item, list):  # an array among the objects: its objects are items
            if item and all(isinstance(post, dict) for post in item):
                yield from ((post, None) for post in item)
            else:
                yield None, f"that is no object (at byte {base + at:,} of the array)"
            at = end  # type: ignore[assignment]
        elif scalar is not None:  # a string or a number among the objects
            yield None, f"that is no object (at byte {base + at:,} of the array)"
            at = scalar.end()
        else:  # damaged, or no object: the bytes as far as the next item that parses are one reject
            where = base + at
            keys = {key for key in [first_key or _first_key(buf, at)] if key is not None}
            if not keys:  # (the first item too damaged to show its key: the last's, at the file's end)
                buf += source.read()
                ended = True
                keys = {key for key in [_last_key(buf, at, closing)] if key is not None}
            # the next item, looked for a block at a time: what has been looked through goes
            again, pos, brace = None, at + 1, True
            while True:
                again, pos, brace = _next_item(buf, pos, keys, brace, more=not ended)
                if again is not None or ended:
                    break
                del buf[:pos]
                base, pos = base + pos, 0
                block = source.read(BLOCK)
                ended = not block
                buf += block
            if not opens:  # an opening brace lost
                yield None, f"that is no object (at byte {where:,} of the array)"
            elif again is None and end is None:
                yield None, f"that the file ends inside (at byte {where:,} of the array)"
                return
            else:
                yield None, why or f"whose JSON is broken (at byte {where:,} of the array)"
            at = again if again is not None else len(buf)  # (no item after it: the rest is its)
        del buf[:at]  # (what has been read goes: what is held stays bounded)
        base += at
        at, scan = 0, None


def _item_end(buf: bytes | bytearray, begin: int) -> int | None:
    """Where the object whose ``{`` is at ``begin`` ends (after its ``}``), by its braces
    and brackets outside strings; None where ``buf`` ends first, or where it runs longer
    than an item may (MAX_ITEM)."""
    return _scan(buf, begin, 0, False, min(len(buf), begin + MAX_ITEM))[0]


def _scan(buf: bytes | bytearray, at: int, depth: int, in_string: bool, stop: int
          ) -> tuple[int | None, int, int, bool]:
    """Go on counting an object's braces from ``at`` (``depth`` deep, in a string or not)
    up to ``stop``: (where it ends, after its ``}``, or None) and where the count stopped,
    its depth and whether in a string (so that it goes on there when more is read: an item
    is scanned once, however many blocks it takes)."""
    while (m := _STRUCTURE.search(buf, at, stop)) is not None:
        c, at = buf[m.start()], m.end()
        if in_string:
            if c == 0x5C:  # a backslash: the next byte is escaped
                at += 1
            elif c == 0x22:
                in_string = False
        elif c == 0x22:
            in_string = True
        elif c in b"{[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return at, at, 0, False
    return None, max(at, stop), depth, in_string


def _first_key(buf: bytes | bytearray, begin: int) -> str | None:
    """The first key of the object at ``begin``, as written (a damaged item's, when no item
    before it was read: the items after it open with the same key), or None."""
    m = _OPENING_KEY.match(buf, begin)
    if m is None:
        return None
    try:
        key = orjson.loads(m.group(1))
    except orjson.JSONDecodeError:
        return None
    return key if isinstance(key, str) else None


def _closes(rest: bytes | bytearray, closing: bytes) -> bool:
    """Does ``rest`` close the file, spaces aside: ``closing``, or the start of it where the
    file is cut short after its array (nothing of an item is lost)?"""
    bare = bytes(rest).translate(None, b" \t\r\n")
    return bare[:1] == b"]" and closing.startswith(bare)


def _last_key(buf: bytes | bytearray, after: int, closing: bytes) -> str | None:
    """The first key of the array's last item (the one that ends where ``closing`` closes
    the file), where the first item is too damaged to show its own."""
    for m in reversed(list(_BOUNDARY.finditer(buf, after + 1))):
        end = _item_end(buf, m.end() - 1)
        if end is not None and _closes(buf[end:], closing):
            return _first_key(buf, m.end() - 1)
    return None


def _next_item(buf: bytes | bytearray, start: int, keys: set[str], brace: bool, more: bool
               ) -> tuple[int | None, int, bool]:
    """Where, from ``start`` on, after a damaged item, the next item begins: with ``brace``,
    the first ``{`` (where the damage is the comma between two items: «}" {»), then a ``{``
    after a comma, whose object parses alone and opens with one of ``keys``, the items'
    first key (an object inside an item, «[{…}, {…}]», opens with another). Given with where
    to look on from, once ``more`` is read (an object whose end is not read yet; else near
    the end of what is held, where a comma may stand), and whether the first ``{`` is still
    to be looked at: (where, or None; where to look on from; brace)."""
    first = buf.find(b"{", start) if brace else -1
    # (each with where to look on from: a boundary's comma, so that it is one again)
    boundaries = ((m.end() - 1, m.start()) for m in _BOUNDARY.finditer(buf, start))
    for begin, again in itertools.chain([(first, first)] if first >= 0 else [], boundaries):
        end = _item_end(buf, begin)
        if end is None and more and len(buf) - begin <= MAX_ITEM:
            return None, again, begin == first  # (its end is still to be read)
        item, why = _parsed(bytes(buf[begin:end]), 0) if end is not None else (None, "")
        if why is None and isinstance(item, dict) and next(iter(item), None) in keys:
            return begin, begin, False
    return None, max(start, len(buf) - _TAIL), brace and first < 0
