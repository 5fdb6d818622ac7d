"""A PDF document read as a post: its text in the order it is read, not drawn.

A PDF says where each glyph is drawn, not which comes first. Producers write a Persian
line's glyphs left to right as drawn (Chrome) or in reading order (LibreOffice), and
readers that follow the file's order give Persian backwards (pdfminer.six, pypdf) or turn
some runs of a line and not others (pdfium's own text). So each glyph's letters and place
are taken from pdfium (pypdfium2), and the text is put together here, from the page, a
module a step (:mod:`.reader` runs them, page by page):

- :mod:`.glyphs`: a line is the glyphs on one baseline (a row); in it, glyphs stand left
  to right, by where each is drawn from (a letter's stroke may reach over the next), a
  ligature's letters (one glyph, لا) and a letter's marks and ZWNJ with it; a
  letter drawn with its vowel (وَ), which pdfium puts off the baseline, on the nearest
  line; a glyph clipped away, or drawn under the page's foot, is not read;
- :mod:`.notes`: a page's footnotes, and the numbers raised in the text that call them,
  are left out;
- :mod:`.columns`: a page set in columns is read column by column, the first the right
  one in Persian: a gutter is a strip no glyph stands on over a run of lines (three where
  its sides are as wide as one another: a short article's), with lines of text flush
  against it (not verse, whose hemistichs stand side by side, nor a table's short cells);
- :mod:`.kashidas`: a kashida between two letters that join is the layout's, not the
  text's (known by its ink, a stroke on the baseline, whatever letter or sign the file
  maps it to, or mapped to the kashida);
- :mod:`.lines`: a space stands where two glyphs are further apart than half the line's
  space (a justified line's its own, shown by a gap between two letters that would have
  joined or else by the gaps where the file has its spaces; a title's or a paragraph's
  last line's, not stretched, those of such lines on the page; the file's own spaces
  decide where the gap could be a letter's side, and beside a lam-alef whose box pdfium
  shares among its letters; where such a box stands beside a mark or a sign, the word
  table decides: کاملاً);
- :mod:`.bidi`: a line is read back as the Unicode bidirectional algorithm lays one out:
  a Persian line right to left, a run of Latin words or of digits in it left to right (a
  paragraph's direction, where its letters do not tell, by the side its lines are flush
  with); a paragraph's brackets and guillemets are read as few left unpaired as may be,
  by the spaces around them (one opens before a word and closes after one) and by the
  glyphs the file maps them to, where its right-to-left paragraphs show how (a producer
  maps a mirrored glyph to either, and pdfium mirrors some again): so a writer's space on
  the wrong side of one (گفت:« ایران…») is read against where that pairs it;
- :mod:`.paragraphs`: a paragraph ends where the next line is further below than the
  lines' pitch, in another size, or could have begun on the line before (it stopped short
  of the column's edge by more than the next line's first word); pages and columns run
  on; a word as wide as its column, broken between two letters, goes on on the next line
  where the word table knows it whole; a table's cell and a hemistich are paragraphs of
  their own. A page's number (a
  number alone, standing apart from the text at its top or bottom), and a line repeated
  there on most pages, are left out. The title is the first
  page's largest text, where it is larger than the body's; else the first line, as in a
  text post (:mod:`~paknevis.documents.text_post`).

A link's address (a URI action) is among the record's links. Not read: a scanned page (a
picture: no text; paknevis does no OCR), a font that does not say which letters its glyphs
are (a reject says so), a soft hyphen (pdfium gives none: repair puts a ZWNJ back).

Written here, as no reader of PDFs gives Persian in reading order: of the 1,200 articles
printed by Chromium, 1,159 read right, and 10 by poppler's pdftotext; of those exported by
LibreOffice, 1,162 and 10; set in two columns, 1,138 and 1,143 (pdftotext: 10 and 10);
in three, 1,133 and 1,117 (10 and 11); by LibreOffice with footnotes, 1,162 and 9; set
by XeLaTeX (XePersian), 1,136 and 0, and in two columns 1,124 and 0
(``benchmarks/pdf_text.py``, session 69)."""
from __future__ import annotations

import re
from pathlib import Path

#: how a PDF begins (its header may follow some bytes of other data: readers look in the
#: first kilobyte)
PDF = re.compile(rb"%PDF-\d")


class PdfError(ValueError):
    """A file that is no PDF, or one whose text cannot be read."""


def is_pdf(name: str) -> bool:
    """Does a file's name say it is a PDF?"""
    return name.lower().endswith(".pdf")


def starts_as_pdf(path: str | Path) -> bool:
    """Does the file begin as a PDF does, whatever its name (a PDF saved with no suffix)?
    (Named .pdf, its header may come later: see PDF.)"""
    with open(path, "rb") as f:
        return f.read(5) == b"%PDF-"
