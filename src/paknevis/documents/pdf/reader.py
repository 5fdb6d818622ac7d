"""A PDF document read as a post (see :mod:`paknevis.documents.pdf`): its pages' glyphs,
lines and paragraphs, its links, and why a file cannot be read."""
from __future__ import annotations

import ctypes
import re
from pathlib import Path

from ..assemble import RawPost
from ..text_post import read_paragraphs
from . import PDF, PdfError
from .glyphs import page_glyphs, rows_of
from .lines import Line, page_lines
from .notes import Notes
from .paragraphs import paragraphs_of, without_running_lines

#: a share of a page's glyphs that pdfium cannot map to letters, beyond which it is unread
_UNMAPPED = 0.5


def read_pdf_document(path: str | Path, url: str | None = None) -> RawPost:
    """The post in the PDF at ``path``, and its links: a :class:`PdfError` (a ValueError)
    says why a file is not one, or cannot be read."""
    import pypdfium2 as pdfium

    with open(path, "rb") as f:
        if not PDF.search(f.read(1024)):
            raise PdfError("not a PDF (it does not begin with %PDF)")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise PdfError("an encrypted PDF: it needs a password") from None
        why = re.search(r"PDFium: ([^)]*)", str(e))
        raise PdfError(f"a damaged PDF: pdfium cannot open it ({why[1].lower() if why else e})") from None
    pages: list[list[Line]] = []
    links: list[str] = []
    unread: list[int] = []  # (pages pdfium cannot load: a damaged file's)
    unmapped = glyphs = 0
    gutters: list[tuple[float, float]] = []  # (between the columns of the pages read so far)
    notes = Notes()  # (the pages' footnotes, left out)
    try:
        for n in range(len(pdf)):
            try:
                page = pdf[n]
            except pdfium.PdfiumError:
                unread.append(n + 1)
                continue
            found, lost = page_glyphs(page)  # (those of no letter among them, in their places)
            glyphs, unmapped = glyphs + len(found), unmapped + lost
            pages.append(page_lines(notes.without(rows_of(found)), gutters))
            links += _links(pdf, page)
            page.close()
    finally:
        pdf.close()
    if not glyphs:
        raise PdfError("a PDF with no text: its pages are pictures (scanned?), which paknevis does not read")
    if unmapped > _UNMAPPED * glyphs:
        raise PdfError("a PDF whose fonts do not say which letters their glyphs are: its text cannot be read")
    post = read_paragraphs(paragraphs_of(without_running_lines(pages)), url)
    post.links = list(dict.fromkeys(links))
    if unread:
        post.warnings.append(f"pdf: page {', '.join(map(str, unread))} damaged, and not read")
    return post


def _links(pdf, page) -> list[str]:  # noqa: ANN001  (a pypdfium2 PdfDocument and PdfPage)
    """The web addresses a page's links go to."""
    import pypdfium2.raw as raw

    found, at, link = [], ctypes.c_int(0), raw.FPDF_LINK()
    while raw.FPDFLink_Enumerate(page, at, link):
        action = raw.FPDFLink_GetAction(link)
        if action and raw.FPDFAction_GetType(action) == raw.PDFACTION_URI:
            size = raw.FPDFAction_GetURIPath(pdf, action, None, 0)
            buf = ctypes.create_string_buffer(size)
            raw.FPDFAction_GetURIPath(pdf, action, buf, size)
            address = buf.raw[:size].rstrip(b"\0").decode("latin-1")
            if address.lower().startswith(("http://", "https://")):
                found.append(address)
    return found
