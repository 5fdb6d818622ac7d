"""A large XML file of many posts (a feed, a Wikipedia dump, a TEI corpus) read a post at a time.

The file is cut at its posts' tags (``<page>…</page>``, ``<item>…</item>``), found in its
bytes, and each post is parsed on its own by lxml: no entity resolved and nothing fetched
(the file is untrusted input), broken XML recovered as far as lxml can. So memory stays
bounded however long the file, and damage stays where it is:

- a post whose XML is broken is read as far as lxml recovers it, with a warning, and the
  posts after it are read as if nothing had happened (one parse of the whole file, as
  before, stopped at the first fault it could not recover from, and the posts after it
  were lost without a word);
- a post whose opening tag is lost (its closing tag is found between two posts) is
  reported, with where it was, to be a reject;
- a post that the file ends inside (a download cut off) is read as far as it goes, with a
  warning (``CUT_SHORT``).
"""
from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, Protocol
from xml.sax.saxutils import quoteattr

_HEAD = 1 << 16  # what is looked at to tell a file's encoding
BLOCK = 1 << 20  # what is read at a time (here and in .json_stream)
#: the warning of a post that the file ends inside (a download cut off): it is read as
#: far as it goes, and may lack its end
CUT_SHORT = "text: the file ends inside it, so it may be cut short"
#: the warning of a post whose XML is broken (a tag or a character damaged): lxml recovers
#: what it can, and what it cannot is lost
BROKEN_XML = "text: its XML is broken ("
BROKEN = BROKEN_XML + "{}), so part of it may be lost"
#: the warning of a post with bytes that are no UTF-8 in a UTF-8 file: each is U+FFFD
NOT_UTF8 = "text: bytes that are no UTF-8 (damaged) are read as U+FFFD"
_DAMAGE = re.compile(r"text: (the file ends inside it), so it may be cut short"
                     r"|text: (its XML is broken \(.*\)), so part of it may be lost", re.DOTALL)
_DECLARED = re.compile(rb"\s*<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9._-]+)")
_DECLARATION = re.compile(rb"\s*<\?xml[^>]*\?>")
#: what may come before the root element: a declaration, comments, instructions, a doctype
#: (a TEI P4 file's, its entities inside)
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE(?:[^\[>]|\[.*?\])*>\s*)*", re.S)
#: an error of lxml's that loses no text: an entity that no DTD declares (&nbsp; in a feed)
_HARMLESS = frozenset({"ERR_UNDECLARED_ENTITY"})


def damage_of(warning: str) -> str | None:
    """What a post's warning (``CUT_SHORT``, ``BROKEN``) says of the damage that may have
    cost it its text, as a reject's reason ends: «the file ends inside it», «its XML is
    broken (expected '>')»; None for any other warning."""
    m = _DAMAGE.fullmatch(warning)
    return (m[1] or m[2]) if m else None


def begins_as(roots: bytes) -> Callable[[bytes], bool]:
    """A test of a file's first kilobytes: do they begin, after a declaration, comments,
    instructions or a doctype (and a byte-order mark), with a root element of one of these
    names (a regex alternation)?"""
    start = re.compile(_PROLOG.pattern + rb"<(?:" + roots + rb")\b", re.S)
    return lambda head: start.match(head.removeprefix(codecs.BOM_UTF8)) is not None


def posts(source: BinaryIO, names: tuple[str, ...]) -> Iterator[tuple[Any, str | None]]:
    """The XML read from ``source``: first the elements of its head (what stands before
    its first post: a feed's title, a dump's site), each with None; then each post (an
    element named one of ``names``, with or without a prefix) with its warning
    (``CUT_SHORT``, ``BROKEN``, ``NOT_UTF8``) or None; for a post whose tags are lost,
    why (a str) and None."""
    from lxml import etree  # (0.1 s: loaded where a file is read, not where one is looked at)

    segments = _Cutter(_utf8(source), names).segments()
    head = next(segments)[1]
    prolog = _PROLOG.match(head)
    start = prolog.end() if prolog else 0
    # the declaration goes: the bytes are UTF-8 now, whatever it says
    before = _DECLARATION.sub(b"", head[:start], count=1)

    opened, closed = b"", b""
    if head[start:].strip():  # a root that holds the posts (a dump, a feed, a corpus)
        root, ancestors = _head(before + head[start:])
        if root is not None:
            for el in list(root.iter()):  # (a post in the head: one whose opening tag is
                if el is not root and isinstance(el.tag, str) and etree.QName(el).localname in names:
                    el.getparent().remove(el)  # damaged, said so by its closing tag: no post)
            yield from ((el, None) for el in root.iter() if isinstance(el.tag, str))
        if ancestors:  # each post is parsed in an element that declares what its ancestors declare
            declared = "".join(f" xmlns{':' + prefix if prefix else ''}={quoteattr(uri)}"
                               for prefix, uri in ancestors[-1].nsmap.items())
            opened, closed = f"<_{declared}>".encode(), b"</_>"
    reader = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                             recover=True, encoding="utf-8")
    lost = "a <{}> whose opening tag is broken, read as none (at byte {:,} of the file)"
    for kind, data, at in segments:
        if kind == "lost":
            yield lost.format(names[0], at), None
            continue
        warning = None
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data, warning = data.decode("utf-8", "replace").encode("utf-8"), NOT_UTF8
        root = etree.fromstring(before + opened + data + closed, reader)
        post = next((el for el in root if isinstance(el.tag, str)), None) if opened else root
        if post is None or etree.QName(post).localname not in names:
            yield lost.format(names[0], at), None
            continue
        errors = [e for e in reader.error_log if e.level_name != "WARNING" and e.type_name not in _HARMLESS]
        if kind == "cut":
            warning = CUT_SHORT
        elif errors:
            warning = BROKEN.format(errors[0].message.strip())
        yield post, warning


def marked(post: dict[str, Any], warning: str | None) -> dict[str, Any]:
    """``post``, with the warning :func:`posts` gave it, if any."""
    return post | {"warnings": [warning]} if warning else post


def _head(head: bytes) -> tuple[Any, list[Any]]:
    """The head's root element, and the elements it leaves open (outermost first): the
    posts' ancestors."""
    from lxml import etree

    reader = etree.XMLPullParser(events=("start", "end"), resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=True, recover=True, encoding="utf-8")
    reader.feed(head)
    ancestors: list[Any] = []
    for event, el in reader.read_events():
        if event == "start":
            ancestors.append(el)
        elif ancestors:
            ancestors.pop()
    return reader.close(), ancestors


class Readable(Protocol):
    """What is read from: a file, or one decoded on the way (``_Recoded``)."""

    def read(self, size: int = -1, /) -> bytes: ...


class _Cutter:
    """A file's bytes cut into its head (what stands before its first post), then posts and
    what stands between them, by the posts' tags; never inside a comment or CDATA."""

    def __init__(self, source: Readable, names: tuple[str, ...]):
        tags = b"|".join(re.escape(name.encode()) for name in names)
        #: a CDATA section or comment (skipped), or a post's opening or closing tag
        self.marks = re.compile(rb"<!\[CDATA\[|<!--|<(/?)(?:[\w.-]+:)?(?:" + tags + rb")(?=[\s/>])")
        self.source, self.buf, self.base, self.ended = source, bytearray(), 0, False

    def segments(self) -> Iterator[tuple[str, bytes, int]]:
        """("head", bytes, 0) first; then each post as ("post", bytes, where it begins), the
        last as ("cut", …) if the file ends inside it; and ("lost", b"", where) for a
        post's closing tag found between posts (its opening tag lost). A post ends at its
        closing tag, or where the next one begins. What stands between posts is passed over."""
        at, head, lost = 0, True, []
        while True:
            m = self._search(at)
            if m is not None and m.group(0).startswith(b"<!"):
                at = self._skip(m)
                continue
            if m is not None and m.group(1):  # a closing tag between posts
                lost.append(self.base + m.start())
                at = m.end()
                continue
            if head:
                yield "head", bytes(self.buf[:m.start() if m else len(self.buf)]), 0
                head = False
            yield from (("lost", b"", where) for where in lost)
            lost.clear()
            if m is None:
                return
            self._drop(m.start())
            end, whole = self._post_end()
            yield ("post" if whole else "cut"), bytes(self.buf[:end]), self.base
            if not whole:
                return
            self._drop(end)
            at = 0

    def _post_end(self) -> tuple[int, bool]:
        """Where the post that begins the buffer ends, and whether it ends with its closing tag."""
        gt = self._find(b">", 1)
        if gt < 0:
            return len(self.buf), False
        if self.buf[gt - 1:gt] == b"/":  # <item/>
            return gt + 1, True
        at = gt + 1
        while True:
            m = self._search(at)
            if m is None:
                return len(self.buf), False
            if m.group(0).startswith(b"<!"):
                at = self._skip(m)
            elif m.group(1):
                gt = self._find(b">", m.end())
                return (gt + 1, True) if gt >= 0 else (len(self.buf), False)
            else:  # the next post begins before this one ends: it ends there, broken
                return m.start(), True

    def _search(self, at: int) -> re.Match[bytes] | None:
        """The first mark at or after ``at``, reading on as needed (None: none to the end)."""
        while True:
            m = self.marks.search(self.buf, at)
            if m is not None and (m.end() < len(self.buf) or self.ended):
                return m
            if self.ended:
                return None
            at = max(at, len(self.buf) - 64)  # (a mark may be cut between two reads)
            self._read()

    def _find(self, what: bytes, at: int) -> int:
        while (found := self.buf.find(what, at)) < 0 and not self.ended:
            at = max(at, len(self.buf) - len(what))
            self._read()
        return found

    def _skip(self, m: re.Match[bytes]) -> int:
        """Past the end of the comment or CDATA section that ``m`` begins (the end of the
        buffer where the file ends inside it)."""
        end = b"-->" if m.group(0) == b"<!--" else b"]]>"
        found = self._find(end, m.end())
        return found + len(end) if found >= 0 else len(self.buf)

    def _read(self) -> None:
        block = self.source.read(BLOCK)
        if block:
            self.buf += block
        else:
            self.ended = True

    def _drop(self, n: int) -> None:
        del self.buf[:n]
        self.base += n


def _utf8(source: BinaryIO) -> Readable:
    """``source`` as UTF-8 bytes: as it is, its byte-order mark skipped; or decoded from
    UTF-16 (after its mark), from the encoding its declaration names, or, naming none,
    from the one it is written in."""
    buffered = io.BufferedReader(source, buffer_size=_HEAD)  # type: ignore[type-var]
    head = buffered.peek(_HEAD)
    if head.startswith(codecs.BOM_UTF8):
        buffered.read(len(codecs.BOM_UTF8))
        return buffered
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Recoded(buffered, "utf-16")
    declared = _DECLARED.match(head)
    try:
        encoding = codecs.lookup(declared.group(1).decode("ascii")).name if declared else ""
    except LookupError:  # (a name no codec has)
        encoding = ""
    if not encoding or encoding.startswith(("utf-16", "utf-32")):  # (a declaration in ASCII says
        encoding = _undeclared_encoding(head) or "utf-8"  # its bytes are not UTF-16: as if none)
    return buffered if encoding in ("utf-8", "ascii") else _Recoded(buffered, encoding)


class _Recoded:
    """A file in another encoding read as UTF-8 (what cannot be decoded is U+FFFD)."""

    def __init__(self, source: Readable, encoding: str):
        self.source, self.decoder = source, codecs.getincrementaldecoder(encoding)("replace")

    def read(self, size: int = -1) -> bytes:
        while True:
            block = self.source.read(size)
            text = self.decoder.decode(block, final=not block)
            if text or not block:
                return text.encode("utf-8")


def _undeclared_encoding(head: bytes) -> str | None:
    """The encoding of a file that names none and is no UTF-8 (as XML would have it):
    Windows-1256, as old Persian sites write, and as paknevis reads a text file. A UTF-8
    file with a damaged byte or two is still UTF-8: Windows-1256's letters read as UTF-8
    make few characters and many faults."""
    text = head.decode("utf-8", "replace")
    faults = text.count("\ufffd", 0, len(text) - 1)  # (not a character cut at the end of the head)
    letters = sum(ch > "\x7f" for ch in text) - faults
    return "windows-1256" if faults and faults * 10 > letters else None
