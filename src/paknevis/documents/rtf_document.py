"""An RTF document (.rtf, and the many named .doc) read as a post: its paragraphs.

Word saves RTF, WordPad writes it, and sites long offered their documents as RTF named
.doc. Its text is read by striprtf: Persian as Unicode escapes (``\\u1587``), or as bytes
of a code page, the document's (``\\ansicpg1256``) or a font's (``\\fcharset178``:
Arabic); a field by its result, not its code; not footnotes, headers, pictures or the
text of a shape (a text box: striprtf passes over a shape's instructions, which hold it). A
table's cells are paragraphs, as in a Word document (striprtf would join them with
``|``). The first line is the title, as in a text post
(:mod:`~paknevis.documents.text_post`); a hyperlink's address is among the record's links.
"""
from __future__ import annotations

import re
from pathlib import Path

from .assemble import RawPost
from .text_post import read_paragraphs

#: how an RTF document begins (after a byte-order mark or spaces some writers put first)
RTF = re.compile(rb"(?:\xef\xbb\xbf)?\s*\{\\rtf")
#: a table's cell ends, as a paragraph does; an escaped backslash is matched first, so that
#: «\\cell» (a backslash, then the word) is left as it is
_CELL = re.compile(r"\\(?:(\\)|(?:nest)?cell(?![a-zA-Z]))")
#: a hyperlink field's code and its address
_HYPERLINK = re.compile(r'\\fldinst\s*\{?[^{}"]*HYPERLINK\s+"(https?://[^"]+)"')
#: the document's code page, and whether a font is Arabic (its bytes then cp1256)
_CODE_PAGE, _ARABIC_FONT = re.compile(r"\\ansicpg(\d+)"), re.compile(r"\\fcharset(?:178|180)\b")


class RtfError(ValueError):
    """A file that is no RTF document."""


def is_rtf(name: str) -> bool:
    """Does a file's name say it is an RTF document?"""
    return name.lower().endswith(".rtf")


def read_rtf_document(path: str | Path, url: str | None = None) -> RawPost:
    """The post in the RTF document at ``path``: an :class:`RtfError` (a ValueError) says
    why a file is not one."""
    from striprtf.striprtf import rtf_to_text

    data = Path(path).read_bytes()
    if not RTF.match(data):
        raise RtfError("not an RTF document (it does not begin with {\\rtf)")
    rtf = _decoded(data)
    text = rtf_to_text(_CELL.sub(lambda m: m[0] if m[1] else r"\par ", rtf), encoding=_bytes_encoding(rtf),
                       errors="replace")
    post = read_paragraphs([(line.strip("\t"), None) for line in text.splitlines()], url)
    post.links = list(dict.fromkeys(_HYPERLINK.findall(rtf)))
    return post


def _decoded(data: bytes) -> str:
    """RTF is written in ASCII, its other characters escaped; a writer that put them as
    bytes wrote them in UTF-8, or in the document's code page."""
    if data.isascii():
        return data.decode("ascii")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode(_bytes_encoding(data.decode("latin-1")), "replace")


def _bytes_encoding(rtf: str) -> str:
    """The code page of the document's escaped bytes (``\\'d3``), where no font says its
    own: the document's, but Arabic's where the document names none or Western European
    and has an Arabic font (a Persian document written on an English Windows)."""
    m = _CODE_PAGE.search(rtf[:4096])
    page = f"cp{m[1]}" if m else "cp1252"
    return "cp1256" if page == "cp1252" and _ARABIC_FONT.search(rtf[:65536]) else page
