"""Documents: posts and pages in, repaired records out."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Unpack

from ..io import UTF8_CUT, DecodeError, mend_surrogates, read_text
from ..repair import RepairOptions
from ..repair.docx_text import is_docx
from ..repair.epub_text import is_epub
from ..repair.odt_text import is_odt
from .assemble import RawPost, assemble, post_of
from .feed import looks_like_feed
from .pdf import is_pdf, starts_as_pdf
from .record import Document, HtmlError
from .rtf_document import RTF, is_rtf
from .tei_document import body_of, looks_like_tei, read_tei
from .telegram_export import looks_like_telegram_export, looks_like_telegram_page
from .text_post import read_text_post
from .twitter_archive import looks_like_twitter_archive
from .wiki_dump import looks_like_wiki_dump
from .word97_document import OLE, is_word97

#: an XML declaration's encoding (of a text read already: what its bytes were is no matter)
_DECLARED_ENCODING = re.compile(r"""\A(\ufeff?\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")
_HTML = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<div|<p[ >]|<article)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return _HTML.match(text[:2000]) is not None


def parse(text: str, *, url: str | None = None, kind: str | None = None,
          **options: Unpack[RepairOptions]) -> Document:
    """One post or page (plain text, HTML, or a TEI document's text) as a repaired
    :class:`Document`.

    ``kind`` is 'text' or 'html'; by default it is told from the content, and a text that
    begins as a TEI document does is read as one (:mod:`~paknevis.documents.tei_document`).
    ``options`` are :func:`paknevis.fix`'s, for the title and the text (``words=``,
    ``digits='latin'``, ``skip=``; see :class:`paknevis.RepairConfig`).
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    if not text.strip():
        raise ValueError("empty document")
    head = text[:4096].encode("utf-8", "replace")
    if kind is None and (many := _many_posts(text, head)):  # (a kind given is read so)
        raise ValueError(many)
    text = mend_surrogates(text)  # (lxml stops at a lone one, and a record could not be written)
    if kind is None and looks_like_tei(head):
        return _tei_text(text, url, options)
    kind = kind or ("html" if looks_like_html(text) else "text")
    if kind == "html":
        from .html_page import read_html_page  # (loaded on the first page: see HtmlError)

        return assemble(read_html_page(text, url), **options)
    return assemble(read_text_post(text, url), **options)


_MANY = "{} holds many posts, not one: 'paknevis process' makes a record of each"
#: the files of many posts, as their first kilobytes tell them
_MANY_POSTS = (("a news feed (RSS, Atom)", looks_like_feed), ("a Wikipedia dump", looks_like_wiki_dump),
               ("a Telegram export", looks_like_telegram_export),
               ("a page of a Telegram export", looks_like_telegram_page),
               ("an X (Twitter) archive's tweets file", looks_like_twitter_archive))


def _many_posts(text: str, head: bytes) -> str | None:
    """Why ``text`` is no post, if it is a file of posts: a feed, a Wikipedia dump, a
    Telegram export, an X archive's tweets, or JSON (a dump's lines, an array of posts);
    else None."""
    from ..repair.json_text import looks_like_json

    what = next((what for what, looks in _MANY_POSTS if looks(head)), None)
    if what:
        return _MANY.format(what)
    if looks_like_json(text[:4096]):
        return ("JSON, whose posts 'paknevis process' makes records of (--text-field names the "
                "field of their text)")
    return None


def _tei_text(text: str, url: str | None, options: RepairOptions) -> Document:
    """The one text of a TEI document, as a repaired :class:`Document`."""
    posts = list(read_tei(io.BytesIO(_DECLARED_ENCODING.sub(r"\1", text, count=1).encode("utf-8"))))
    if len(posts) != 1:
        raise ValueError("a TEI corpus holds many texts, not one: 'paknevis process' makes a record of each"
                         if posts else "no TEI text in the document")
    fields = posts[0]
    if isinstance(fields, str):  # (a text whose tags are lost: why)
        raise ValueError(fields)
    body = body_of(fields)
    return assemble(post_of({**fields, "url": fields["url"] or url}, body), **options)


def word_format(path: str | Path) -> str:
    """A word processor's document's format, "doc", "docx" or "rtf", by what the file begins
    with (a compound file, a zip file, {\rtf), whatever its name says: a .doc renamed .docx,
    or RTF named .doc, is common. Where it begins as none, a .docx is one (its reader then
    says why), and a .doc or an .rtf is "text": sites long served pages and text as .doc."""
    with open(path, "rb") as f:
        head = f.read(64)
    if head.startswith(OLE):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if RTF.match(head):
        return "rtf"
    return "docx" if is_docx(str(path)) else "text"


def parse_file(path: str | Path, *, url: str | None = None, **options: Unpack[RepairOptions]) -> Document:
    """Read a file (see :func:`paknevis.io.read_text`) and :func:`parse` it; a Word document
    (.docx, or Word 97-2003's .doc), an RTF document (.rtf), an OpenDocument text (.odt),
    an EPUB book or a PDF is read as one (:mod:`~paknevis.documents.word_document`,
    :mod:`~paknevis.documents.word97_document`, :mod:`~paknevis.documents.rtf_document`,
    :mod:`~paknevis.documents.odt_document`, :mod:`~paknevis.documents.epub_book`,
    :mod:`~paknevis.documents.pdf`)."""
    if Path(path).stat().st_size == 0:  # (as a text file's: not "not a zip file")
        raise DecodeError("empty file")
    if is_pdf(str(path)) or starts_as_pdf(path):
        from .pdf.reader import read_pdf_document

        return assemble(read_pdf_document(path, url), **options)
    misnamed = False  # (a page or a text named .doc or .rtf: read as what it is, with a warning)
    if is_docx(str(path)) or is_word97(str(path)) or is_rtf(str(path)):
        from .rtf_document import read_rtf_document
        from .word97_document import read_word97_document
        from .word_document import read_word_document

        read = {"docx": read_word_document, "doc": read_word97_document, "rtf": read_rtf_document}
        if (found := word_format(path)) != "text":
            return assemble(read[found](path, url), **options)
        misnamed = True
    if is_odt(str(path)):
        from .odt_document import read_odt_document

        return assemble(read_odt_document(path, url), **options)
    if is_epub(str(path)):
        from .epub_book import read_epub_book

        return assemble(read_epub_book(path, url), **options)
    text, encoding = read_text(path)
    kind = "html" if Path(path).suffix.lower() in (".html", ".htm") else None
    if looks_like_telegram_page(text[:4096].encode("utf-8", "replace")):  # (named as a page, it is many)
        raise ValueError(_MANY.format("a page of a Telegram export"))
    doc = parse(text, url=url, kind=kind, **options)
    if encoding == UTF8_CUT:
        doc.warnings.append("file: ends inside a character, whose bytes are left out")
    if misnamed:
        doc.warnings.append(f"file: named {Path(path).suffix}, but a text or a page, and read as one")
    return doc


__all__ = ["Document", "HtmlError", "RawPost", "assemble", "looks_like_html", "parse", "parse_file",
           "post_of", "starts_as_pdf", "word_format"]
