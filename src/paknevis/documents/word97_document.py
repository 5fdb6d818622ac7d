"""A Word 97-2003 document (.doc) read as a post: the paragraphs of its main text and its
text boxes.

Offices, courts and universities kept their papers in Word's binary format for two decades,
and their archives still hold folders of .doc files. The file is an OLE compound file
(read by olefile); its text stands in pieces (the piece table, in the ``Clx`` of the table
stream), each at an offset of the ``WordDocument`` stream, as UTF-16 or, where every
character fits, as one byte a character (Persian text is UTF-16). The main text is the
first ``ccpText`` characters; footnotes, headers and comments follow it and are not the
post, as in a .docx (:mod:`~paknevis.documents.word_document`); the text boxes' story
after them is, its paragraphs after the main text's (where each box is anchored is not
read).

A paragraph ends at a carriage return, a table's cell or row at U+0007, a page or section
at U+000C; U+000B is a line break. A field (a link, a page number, a date) stands as
U+0013 code U+0014 result U+0015: its result is the text, its code is not. The marks that
stand for a picture, an object or a footnote's number carry no text. The title is the
first paragraph styled Title, else Heading 1, as in a .docx (styles by their names, which
Word keeps in English: the style sheet gives each style's, and the paragraphs' properties,
in pages of 512 bytes, each paragraph's style); else the first line, as in a text post
(:mod:`~paknevis.documents.text_post`).

Written here, on the published format ([MS-DOC]), as no well-kept Python library reads a
.doc's text (antiword and catdoc are C programs of the 2000s; LibreOffice converts, at
some 30 ms a file): on the 1,200 articles saved as .doc, 1,200 read right at 26 MB/s as
posts, where catdoc reads 1,193 and antiword 1,180, and LibreOffice 1,200 at 0.44 MB/s
(``benchmarks/word97.py``).
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

from .assemble import RawPost
from .text_post import read_paragraphs

#: a .doc's signature in its FIB, and its flags: the table stream is 1Table, it is encrypted
_WORD_IDENT, _WHICH_TABLE, _ENCRYPTED = 0xA5EC, 0x0200, 0x0100
#: Word 97's FIB version and above (Word 6 and 95 wrote another layout)
_WORD97 = 0xC1
#: FibRgFcLcb97's pairs that give the style sheet, the paragraphs' properties and the Clx
#: (its 2nd, 14th and 34th), and where FibRgLw97's counts of the stories' characters begin
#: (ccpText, its 4th; then the footnotes', headers', macros', comments', endnotes' and text
#: boxes', in the order the stories follow one another)
_STSH, _BTE_PAPX, _CLX, _CCP = 1, 13, 33, 3
#: the styles that make a title, by their names, each with its rank (0 first)
_TITLE_STYLES = {"title": 0, "heading 1": 1}
#: what stands in for a styled paragraph's mark, by its rank, until its paragraph is cut
#: out (noncharacters: no text holds them)
_RANKED = ("\ufdd0", "\ufdd1")
#: in a compressed piece, the bytes that cp1252 leaves undefined stand for themselves
_UNDEFINED = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}
#: what ends a paragraph: a carriage return, a cell's or row's end, a page or section break
_PARAGRAPH_END = re.compile("[\r\x07\x0c]")
#: the marks that carry no text (a picture, an object, a footnote's number, a field's mark
#: with no field, …); a non-breaking hyphen is a hyphen, an optional hyphen the soft hyphen
#: (Persian sites type it for a ZWNJ: repair judges it as in any text), a line break a
#: line break
_NO_TEXT = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1E)])
_MARKS = str.maketrans({**_NO_TEXT, 0x0B: "\n", 0x1E: "-", 0x1F: "\xad"})
_FIELD = re.compile("[\x13\x14\x15]")
#: a hyperlink field's code and its address (\l: a place in the document, no link)
_HYPERLINK = re.compile('\x13 ?HYPERLINK +"(https?://[^"\x13-\x15]+)"')


#: an OLE compound file's first bytes
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Word97Error(ValueError):
    """A file that is no Word 97-2003 document, or one that cannot be read."""


def is_word97(name: str) -> bool:
    """Does a file's name say it is a Word 97-2003 document (or template)?"""
    return name.lower().endswith((".doc", ".dot"))


def read_word97_document(path: str | Path, url: str | None = None) -> RawPost:
    """The post in the Word 97-2003 document at ``path``, and the links of its text's
    hyperlinks: a :class:`Word97Error` (a ValueError) says why a file is not one."""
    text, ranks = _read(path)
    cuts = sorted(ranks)  # (a styled paragraph's mark carries its rank: one pass, however many)
    text = "".join(text[a:b] + (_RANKED[ranks[b]] if b in ranks else "")
                   for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True))
    post = read_paragraphs([(p.rstrip("".join(_RANKED)), _RANKED.index(p[-1]) if p[-1:] in _RANKED else None)
                            for p in paragraphs_of(text)], url)
    post.links = list(dict.fromkeys(_HYPERLINK.findall(text)))
    return post


def main_text(path: str | Path) -> str:
    """The main text of the .doc at ``path``, and its text boxes' after it, their characters
    as Word stores them."""
    return _read(path)[0]


def _read(path: str | Path) -> tuple[str, dict[int, int]]:
    """The main text of the .doc at ``path``, and the ranks as a title of its paragraphs
    styled Title or Heading 1, by where their marks are."""
    import olefile

    with open(path, "rb") as f:
        head = f.read(8)
    if head != OLE:
        raise Word97Error("not a Word 97-2003 document (no OLE compound file's signature)")
    try:
        word, table = _streams(olefile, path)
        ccps, pairs = _fib(word)
        fc_clx, lcb_clx = pairs[_CLX]
        pieces = _pieces(table[fc_clx:fc_clx + lcb_clx])
        main = _text(word, pieces, 0, ccps[0])
        boxes = _text(word, pieces, sum(ccps[:6]), sum(ccps[:7])) if ccps[6] > 0 else ""
        marks = _title_marks(word, table, pairs, pieces, ccps[0])
        return main + ("\r" + boxes if boxes.strip() else ""), marks
    except Word97Error:
        raise
    # (a damaged compound file: olefile says why, in an OSError or, where a field it reads is
    # out of all bounds, a ValueError; a FIB or a piece table cut short)
    except (OSError, ValueError, struct.error, IndexError) as e:
        raise Word97Error(f"a damaged Word document ({e})") from None


def _streams(olefile, path: str | Path) -> tuple[bytes, bytes]:
    """The WordDocument stream of the .doc at ``path``, and its table stream."""
    with olefile.OleFileIO(str(path)) as ole:
        if not ole.exists("WordDocument"):
            raise Word97Error("not a Word document (an OLE file with no WordDocument stream: Excel's, "
                              "PowerPoint's?)")
        word = ole.openstream("WordDocument").read()
        if len(word) < 32 or struct.unpack_from("<H", word)[0] != _WORD_IDENT:
            raise Word97Error("not a Word document (its WordDocument stream has no Word signature)")
        n_fib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 10)[0]
        if n_fib < _WORD97:
            raise Word97Error("a Word 6 or Word 95 document, which paknevis does not read: save it "
                              "as .docx")
        if flags & _ENCRYPTED:
            raise Word97Error("an encrypted Word document (a password opens it)")
        table_name = "1Table" if flags & _WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise Word97Error(f"a Word document with no {table_name} stream (damaged)")
        return word, ole.openstream(table_name).read()


def _fib(word: bytes) -> tuple[tuple[int, ...], list[tuple[int, int]]]:
    """The FIB's counts of the stories' characters (the main text's, the footnotes', …, the
    text boxes'), and its pairs of where a structure is in the table stream and its length
    (the Clx's, the style sheet's, …)."""
    at = 32  # (after FibBase)
    csw = struct.unpack_from("<H", word, at)[0]
    at += 2 + 2 * csw  # (after fibRgW)
    cslw = struct.unpack_from("<H", word, at)[0]
    ccps = struct.unpack_from("<7i", word, at + 2 + 4 * _CCP) if cslw >= _CCP + 7 else None
    if ccps is None or min(ccps) < 0:
        raise Word97Error("a damaged Word document (its FIB counts no text)")
    at += 2 + 4 * cslw  # (after fibRgLw)
    cb_rg_fc_lcb = struct.unpack_from("<H", word, at)[0]
    if cb_rg_fc_lcb <= _CLX:
        raise Word97Error("a damaged Word document (its FIB gives no piece table)")
    values = struct.unpack_from(f"<{2 * cb_rg_fc_lcb}I", word, at + 2)
    return ccps, list(zip(values[::2], values[1::2], strict=True))


def _title_marks(word: bytes, table: bytes, pairs: list[tuple[int, int]],
                 pieces: list[tuple[int, int, int, bool]], ccp_text: int) -> dict[int, int]:
    """Where the marks of the main text's paragraphs styled Title or Heading 1 are (their
    characters' places), each with its rank; none where the styles cannot be read (the
    text can: its first line is then the title)."""
    try:
        ranks = _title_styles(table[pairs[_STSH][0]:sum(pairs[_STSH])])
        styles = _paragraph_styles(word, table[pairs[_BTE_PAPX][0]:sum(pairs[_BTE_PAPX])]) if ranks else []
    except (struct.error, IndexError):
        return {}
    marks = {}
    for fc_end, istd in styles:
        if (rank := ranks.get(istd)) is None:
            continue
        for first, end, fc, compressed in pieces:  # (the mark's offset in the stream, as a place)
            size = 1 if compressed else 2
            cp = first + (fc_end - fc) // size - 1
            if fc < fc_end <= fc + (end - first) * size and cp < ccp_text:
                marks[cp] = rank
    return marks


def _title_styles(stsh: bytes) -> dict[int, int]:
    """The style sheet's styles named Title and Heading 1, by their index, each with its rank."""
    if len(stsh) < 6:
        return {}
    cb_stshi, cstd, cb_base = struct.unpack_from("<HHH", stsh)
    found, at = {}, 2 + cb_stshi
    for istd in range(cstd):
        cb = struct.unpack_from("<H", stsh, at)[0]
        if cb > cb_base:  # (an empty slot is 0 long; a style's name follows its base)
            n = struct.unpack_from("<H", stsh, at + 2 + cb_base)[0]
            name = stsh[at + 4 + cb_base:at + 4 + cb_base + 2 * n].decode("utf-16-le", "replace")
            if (rank := _TITLE_STYLES.get(name.lower())) is not None:
                found[istd] = rank
        at += 2 + cb
    return found


def _paragraph_styles(word: bytes, plc: bytes) -> list[tuple[int, int]]:
    """Each paragraph's end in the stream and its style's index, from the pages of the
    paragraphs' properties (PapxFkp) that the PlcBtePapx ``plc`` points to."""
    n = (len(plc) - 4) // 8
    out = []
    for pn in struct.unpack_from(f"<{n}I", plc, 4 * (n + 1)) if n > 0 else ():
        page = word[(pn & 0x3FFFFF) * 512:(pn & 0x3FFFFF) * 512 + 512]
        crun = page[511]
        ends = struct.unpack_from(f"<{crun + 1}I", page)
        for i in range(crun):
            at = 2 * page[4 * (crun + 1) + 13 * i]  # (0: no properties, the style Normal's)
            istd = struct.unpack_from("<H", page, at + (1 if page[at] else 2))[0] if at else 0
            out.append((ends[i + 1], istd))
    return out


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table: each piece's first and end character, its offset in the
    WordDocument stream, and whether it is compressed (a byte a character)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # (a Prc: formatting, passed over)
        at += 3 + max(0, struct.unpack_from("<h", clx, at + 1)[0])  # (a size below 0: damage)
    if at >= len(clx) or clx[at] != 0x02:
        raise Word97Error("a damaged Word document (no piece table in its Clx)")
    lcb = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + lcb]
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc)
    pieces = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc & 0x40000000)
        pieces.append((cps[i], cps[i + 1], (fc & 0x3FFFFFFF) // 2 if compressed else fc, compressed))
    return pieces


def _text(word: bytes, pieces: list[tuple[int, int, int, bool]], start: int, stop: int) -> str:
    """The characters from ``start`` to ``stop``, read from their pieces."""
    out = []
    for first, end, fc, compressed in pieces:
        if first >= stop or end <= start:
            continue
        skip = max(0, start - first)  # (the piece's characters before start)
        fc, n = fc + skip * (1 if compressed else 2), min(end, stop) - first - skip
        if compressed:
            raw = word[fc:fc + n]
            out.append("".join(_UNDEFINED.get(b) or bytes((b,)).decode("cp1252") for b in raw)
                       if any(b in _UNDEFINED for b in raw) else raw.decode("cp1252"))
        else:
            out.append(word[fc:fc + 2 * n].decode("utf-16-le", "replace"))
    return "".join(out)


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a .doc's main text: its fields' results, not their codes; its
    marks that carry no text left out."""
    return [p.translate(_MARKS) for p in _PARAGRAPH_END.split(_fields_read(text))]


def _fields_read(text: str) -> str:
    """``text`` with each field's result in its place (U+0013 code U+0014 result U+0015;
    fields nest): a field's code is no text."""
    if "\x13" not in text:
        return text
    out, at, shown = [], 0, [True]  # (shown: at each depth, whether this is the result)
    for m in _FIELD.finditer(text):
        if all(shown):
            out.append(text[at:m.start()])
        c, at = m.group(), m.end()
        if c == "\x13":
            shown.append(False)
        elif c == "\x14" and len(shown) > 1:
            shown[-1] = True
        elif c == "\x15" and len(shown) > 1:
            shown.pop()
    if all(shown):
        out.append(text[at:])
    return "".join(out)
