"""A TEI document (the Text Encoding Initiative's XML, in which archives, libraries and
corpus projects keep texts) read as posts: a TEI file one, a teiCorpus one for each text
(TEI P5's, and the older P4's ``TEI.2``, after its doctype).

A TEI text has a header that says what it is and a body marked up paragraph by
paragraph. Read as text, its record was its XML. Here a text is a post: the header's title
and author; the date of its source (a newspaper's issue, a manuscript), else of its
creation, else of its publication; the source's title (the newspaper) as its source, and
an address its header gives (``idno type="URI"``) as its url. Its lines are the body's
paragraphs, headings, verse lines, list items and the like, each read as a reader reads it:
a note, a deletion, a variant reading, a running head (``fw``) and a figure's description
left out; of a choice (``sic`` and ``corr``, ``abbr`` and ``expan``, ``orig`` and ``reg``)
its corrected, expanded or regular reading; a line, page or column break a space, but in a
word (``break="no"``). The file is read a text at a time
(:mod:`~paknevis.documents.xml_stream`: no entity resolved, nothing fetched, a broken text
read as far as it goes and the texts after it read whole).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .xml_stream import begins_as, marked, posts

looks_like_tei = begins_as(rb"TEI|teiCorpus")

#: Elements that are lines of their own: what a reader reads as a paragraph
_BLOCKS = frozenset(("p", "head", "l", "item", "ab", "speaker", "stage", "cell", "byline", "dateline",
                     "salute", "signed", "trailer", "docAuthor", "docDate"))
#: Elements whose text is no part of the text read (a variant reading: an apparatus's rdg)
_LEFT_OUT = frozenset(("note", "del", "fw", "figDesc", "rdg", "teiHeader"))
#: Of a choice, the reading taken, in this order; else its first
_READINGS = ("corr", "expan", "reg")
_BREAKS = frozenset(("lb", "pb", "cb"))
_URI_TYPES = frozenset(("uri", "url"))
#: a text's element: TEI P5's, and TEI P4's (no namespace, after a doctype)
_TEXTS = frozenset(("TEI", "TEI.2"))


def read_tei(source: BinaryIO) -> Iterator[dict[str, Any] | str]:
    """Each text of the TEI document read from ``source``: its ``title``, ``url``,
    ``published`` and ``author`` as written, its source's title as its ``source``, and its
    body as ``lines``; or, for a text whose tags are lost, why."""
    from lxml import etree

    for el, warning in posts(source, ("TEI", "TEI.2")):
        if isinstance(el, str):  # (a text whose tags are lost: why, its reject's reason)
            yield el
        elif etree.QName(el).localname in _TEXTS:
            yield marked(_text_of(el, etree.QName(el).namespace), warning)


def body_of(text: dict[str, Any]) -> list[str]:
    """The lines of a text that :func:`read_tei` read, taken out of it: the post's body; a
    ValueError where it has none."""
    lines: list[str] = text.pop("lines")
    if not lines:
        raise ValueError("a TEI text with no text (nothing in its body)")
    return lines


def _text_of(tei, namespace: str | None) -> dict[str, Any]:
    ns = f"{{{namespace}}}" if namespace else ""

    def found(path: str) -> Iterator[Any]:
        """The elements at ``path`` (names without the namespace) with something in them."""
        steps = "/".join(ns + step if step else "" for step in path.split("/"))
        return (el for el in tei.iterfind(steps) if _read(el) or el.get("when"))

    def first(*paths: str):
        return next((el for path in paths for el in found(path)), None)

    title = _read(first("teiHeader/fileDesc/titleStmt/title[@type='main']",
                        "teiHeader/fileDesc/titleStmt/title"))
    date = first("teiHeader/fileDesc/sourceDesc//date", "teiHeader/profileDesc/creation//date",
                 "teiHeader/fileDesc/publicationStmt/date")
    # (the source's title: a newspaper's, not the article's own that a biblStruct repeats)
    source = next((t for el in found("teiHeader/fileDesc/sourceDesc//title")
                   if (t := _read(el)) != title), None)
    url = next((el for el in found("teiHeader//idno") if (el.get("type") or "").lower() in _URI_TYPES), None)
    lines: list[str] = []
    for body in tei.iterfind(f"{ns}text//{ns}body"):
        _lines(body, lines)
    return {"title": title, "url": _read(url), "author": _read(first("teiHeader/fileDesc/titleStmt/author")),
            "source": source, "published": None if date is None else date.get("when") or _read(date),
            "lines": lines}


def _read(el) -> str | None:
    """The text of ``el`` as a reader reads it (see the module doc), its spaces made one."""
    if el is None:
        return None
    words: list[str] = []
    _walk(el, words.append, lambda: None)
    return " ".join("".join(words).split()) or None


def _lines(body, lines: list[str]) -> None:
    """The lines of a text's ``body`` (each of :data:`_BLOCKS`, a block inside one parting
    it), added to ``lines``."""
    buffer: list[str] = []

    def end_line() -> None:
        line = " ".join("".join(buffer).split())
        if line:
            lines.append(line)
        buffer.clear()

    _walk(body, buffer.append, end_line)


def _walk(el, write, end_line) -> None:
    """Write the text of ``el`` as a reader reads it, and end a line at each block's edges."""
    from lxml import etree

    name = etree.QName(el).localname
    block = name in _BLOCKS
    if block:
        end_line()
    readings = [child for child in el if isinstance(child.tag, str)] if name == "choice" else []
    if name in _BREAKS:
        write("" if el.get("break") == "no" else " ")
    elif readings:
        _walk(next((c for reading in _READINGS for c in readings if etree.QName(c).localname == reading),
                   readings[0]), write, end_line)
    elif name not in _LEFT_OUT:
        write(el.text or "")
        for child in el:
            if isinstance(child.tag, str):  # (not a comment)
                _walk(child, write, end_line)
            write(child.tail or "")
    if block:
        end_line()
