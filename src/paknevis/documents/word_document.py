"""A Word document (.docx) read as a post: the paragraphs of its body, and its title.

Newsrooms, offices and authors write in Word, and their archives are folders of .docx
files. The body's paragraphs are the post's lines (a table's cells and a text box are
paragraphs too, the box once, not again in Word's copy of it for old readers; headers,
footers and footnotes are not the post). The title is the first paragraph styled
as a title (Word's Title, else Heading 1: styles are told by their names, which Word keeps in
English in every language, not by their ids); without one, the first line is the title as
in a text post (:mod:`~paknevis.documents.text_post`), and a date line above the title is
the post's date. The document's properties are not read: their title and author are most
often a template's or a computer's ("Microsoft Word - Document1", "User").
"""
from __future__ import annotations

from pathlib import Path

from ..repair.docx_text import open_docx, paragraphs_of
from ..repair.paragraphs import text_of
from ..repair.zipped import parse_part, read_part
from .assemble import RawPost
from .text_post import read_paragraphs

_TITLE_STYLES = ("title", "heading 1")  # in the order looked for
#: Where Word writes a text box again for readers that know no text boxes (its paragraphs
#: are a copy of those in the box, which stand in mc:Choice)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_word_document(path: str | Path, url: str | None = None) -> RawPost:
    """The post in the Word document at ``path``: a :class:`ZippedError` (a ValueError) says
    why a file is not one."""
    with open_docx(path) as packed:
        root = parse_part(read_part(packed, "word/document.xml"), "word/document.xml")
        styles = _title_styles(packed)
        return read_paragraphs([(text_of(pieces), styles.get(_style(p) or ""))
                                for p, pieces in paragraphs_of(root)
                                if next(p.iterancestors(_FALLBACK), None) is None], url)


def _title_styles(packed) -> dict[str, int]:
    """The ids of the styles named Title and Heading 1, each with its rank (0 first)."""
    if "word/styles.xml" not in packed.namelist():
        return {}
    found: dict[str, int] = {}
    root = parse_part(read_part(packed, "word/styles.xml"), "word/styles.xml")
    for style in root:
        w = style.tag[:style.tag.index("}") + 1] if style.tag.startswith("{") else ""
        name = style.find(w + "name")
        if name is not None and (value := (name.get(w + "val") or "").lower()) in _TITLE_STYLES:
            found[style.get(w + "styleId") or ""] = _TITLE_STYLES.index(value)
    return found


def _style(p) -> str | None:
    """The id of a paragraph's style, if it has one."""
    w = p.tag[:-1]
    style = p.find(f"{w}pPr/{w}pStyle")
    return None if style is None else style.get(w + "val")
