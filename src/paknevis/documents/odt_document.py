"""An OpenDocument text (.odt: LibreOffice's, and Word's "OpenDocument Text") read as a post,
as a Word document is (:mod:`~paknevis.documents.word_document`): the paragraphs and
headings of its body, and its title.

The title is the first paragraph styled Title, else the first heading of level 1 (styles
are told by their names, which LibreOffice keeps in English in every language: Title,
Heading_20_1, and the automatic styles a paragraph's formatting makes, P1, by the style
they derive from). A paragraph's text is what a reader reads in it: its spans' and links'
text, a field's (a date), a space for a run of spaces (``text:s``: repair makes a run one),
a tab or a line break; a link's address is among the record's links. Not the post:
footnotes and comments, text deleted in tracked changes, and the indexes LibreOffice makes
(a table of contents repeats the headings). A frame's text box is read as its own
paragraphs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..repair.odt_text import open_odt
from ..repair.zipped import parse_part, read_part
from .assemble import RawPost
from .text_post import read_paragraphs

_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
#: What holds paragraphs that are not the post's text
_NOT_BODY = frozenset((_T + "note", _OFFICE + "annotation", _T + "tracked-changes", _T + "table-of-content",
                       _T + "illustration-index", _T + "table-index", _T + "object-index",
                       _T + "user-index", _T + "alphabetical-index", _T + "bibliography"))
#: What stands in a paragraph but is not its text (a frame's paragraphs are read on their own)
_NOT_TEXT = _NOT_BODY | {_DRAW + "frame", _OFFICE + "annotation-end"}
_TITLE_RANKS = {"Title": 0, "Heading_20_1": 1}


def read_odt_document(path: str | Path, url: str | None = None) -> RawPost:
    """The post in the OpenDocument text at ``path``: a :class:`ZippedError` (a ValueError)
    says why a file is not one."""
    with open_odt(path) as packed:
        root = parse_part(read_part(packed, "content.xml"), "content.xml")
    # (an automatic style, P1, and the style it derives from)
    derived = {style.get(_S + "name"): style.get(_S + "parent-style-name")
               for style in root.iter(_S + "style")}
    post = read_paragraphs([(_text(p), _title_rank(p, derived)) for p in root.iter(_T + "p", _T + "h")
                            if not _in_notes(p)], url)
    post.links = list(dict.fromkeys(href for a in root.iter(_T + "a") if not _in_notes(a) and (
        href := a.get(_XLINK + "href") or "").startswith(("http://", "https://"))))
    return post


def _in_notes(el: Any) -> bool:
    """Does ``el`` stand in what is not the post's text (a footnote, a comment, an index)?"""
    return any(up.tag in _NOT_BODY for up in el.iterancestors())


def _title_rank(p: Any, derived: dict[str, str | None]) -> int | None:
    """0 for a paragraph styled Title, 1 for a heading of level 1, else None."""
    style = p.get(_T + "style-name")
    rank = _TITLE_RANKS.get(derived.get(style) or style or "")
    if rank is None and p.tag == _T + "h" and p.get(_T + "outline-level") == "1":
        return 1
    return rank


def _text(el: Any) -> str:
    """The text of a paragraph (or of what is in it) as a reader reads it."""
    out = [el.text or ""]
    for child in el:
        if child.tag == _T + "s":
            out.append(" ")
        elif child.tag == _T + "tab":
            out.append("\t")
        elif child.tag == _T + "line-break":
            out.append("\n")
        elif isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)
