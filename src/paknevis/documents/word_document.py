"""A Word document (.docx) read as a post: the paragraphs of its body, and its title.

Newsrooms, offices and authors write in Word, and their archives are folders of .docx
files. The body's paragraphs are the post's lines (a table's cells and a text box are
paragraphs too, the box once, not again in Word's copy of it for old readers; headers,
footers and footnotes are not the post; the addresses of its hyperlinks are the record's
links). The title is the first paragraph styled as a title (Word's Title, else Heading 1:
styles are told by their names, which Word keeps in English in every language, not by
their ids); without one, the first line is the title as in a text post
(:mod:`~paknevis.documents.text_post`), and a date line above the title is the post's
date. The document's properties are not read: their title and author are most often a
template's or a computer's ("Microsoft Word - Document1", "User").
"""
from __future__ import annotations

import re
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


#: a hyperlink's address in a field's code (HYPERLINK "https://…"; \l: a place in the document)
_HYPERLINK_FIELD = re.compile(r'HYPERLINK +"(https?://[^"]+)"')


def read_word_document(path: str | Path, url: str | None = None) -> RawPost:
    """The post in the Word document at ``path``: a :class:`ZippedError` (a ValueError) says
    why a file is not one."""
    with open_docx(path) as packed:
        root = parse_part(read_part(packed, "word/document.xml"), "word/document.xml")
        styles = _title_styles(packed)
        post = read_paragraphs([(text_of(pieces), styles.get(_style(p) or ""))
                                for p, pieces in paragraphs_of(root)
                                if next(p.iterancestors(_FALLBACK), None) is None], url)
        post.links = _links(packed, root)
        return post


def _links(packed, root) -> list[str]:
    """The web addresses of the body's hyperlinks, in order, each once: a w:hyperlink's, by
    its relationship to an external target, and a HYPERLINK field's."""
    rels = "word/_rels/document.xml.rels"
    targets = {} if rels not in packed.namelist() else {
        rel.get("Id"): rel.get("Target") for rel in parse_part(read_part(packed, rels), rels)
        if rel.get("TargetMode") == "External"}
    w = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    found: list[str] = []
    code: list[str] = []  # (a field's code, which Word may write in many runs)
    for el in root.iter(w + "hyperlink", w + "instrText"):
        if el.tag == w + "instrText":
            code.append(el.text or "")
            continue
        found += _HYPERLINK_FIELD.findall("".join(code))
        code = []
        # (r:id, in the transitional or the strict namespace of relationships)
        rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
        found.append(targets.get(rid) or "")
    found += _HYPERLINK_FIELD.findall("".join(code))
    return list(dict.fromkeys(link for link in found if link.startswith(("http://", "https://"))))


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
