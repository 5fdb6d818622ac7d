"""A PDF document read as a post: its text in the order it is read, not drawn.

A PDF says where each glyph is drawn, not which comes first. Producers write a Persian
line's glyphs left to right as drawn (Chrome) or in reading order (LibreOffice), and
readers that follow the file's order give Persian backwards (pdfminer.six, pypdf) or turn
some runs of a line and not others (pdfium's own text). So each glyph's letters and place
are taken from pdfium (pypdfium2), and the text is put together here, from the page:

- a page set in columns is read column by column, the first the right one in Persian: a
  gutter is a strip no glyph stands on over a run of lines, with lines of text flush
  against it (not verse, whose hemistichs stand side by side, nor a table's short cells);
- a line is the glyphs on one baseline; in it, glyphs stand left to right, a ligature's
  letters (one glyph, لا) and a letter's marks and ZWNJ with it;
- a line is read back as the Unicode bidirectional algorithm lays one out: a Persian line
  right to left, a run of Latin words or of digits in it left to right (a paragraph's
  direction, where its letters do not tell, by the side its lines are flush with);
- a space stands where two glyphs are further apart than half the line's space (the
  file's own spaces decide where the gap could be a letter's side; where pdfium's box is
  no glyph's, the word table decides: کاملاً);
- a kashida that justifies a line is the layout's, not the text's;
- a bracket or guillemet opens where it stands before a word and closes after one (a
  producer maps a mirrored glyph to either, and pdfium mirrors some again);
- a paragraph ends where the next line is further below than the lines' pitch, in another
  size, or could have begun on the line before (it stopped short of the column's edge by
  more than the next line's first word); pages and columns run on; a table's cell and a
  hemistich are paragraphs of their own;
- a page's number, and a line repeated at the top or bottom of most pages, are left out;
  so are its footnotes, and the numbers raised in the text that call them
  (:mod:`~paknevis.documents.pdf_notes`);
- the title is the first page's largest text, where it is larger than the body's; else
  the first line, as in a text post (:mod:`~paknevis.documents.text_post`).

A link's address (a URI action) is among the record's links. Not read: a scanned page (a
picture: no text; paknevis does no OCR), a font that does not say which letters its glyphs
are (a reject says so), a soft hyphen (pdfium gives none: repair puts a ZWNJ back).

Written here, as no reader of PDFs gives Persian in reading order: of the 1,200 articles
printed by Chromium, 1,095 read right, and 10 by poppler's pdftotext; of those exported by
LibreOffice, 1,124 and 10; set in two columns, 1,065 and 1,084 (pdftotext: 10 and 10);
by LibreOffice with footnotes, 1,124 and 9 (``benchmarks/pdf_text.py``)."""
from __future__ import annotations

import bisect
import ctypes
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from .assemble import RawPost
from .pdf_notes import Notes
from .text_post import read_paragraphs

#: how a PDF begins (its header may follow some bytes of other data: readers look in the
#: first kilobyte)
PDF = re.compile(rb"%PDF-\d")
#: a space's width (in font sizes) where a page shows none; glyphs further apart than
#: _CELL on a row stand in two cells of a table, or are two hemistichs of a couplet
_SPACE, _CELL = 0.25, 2.5
#: a gutter between columns is at least this wide (in font sizes: wider than most of a
#: justified line's spaces, which a run of lines does not line up); a run of columns is
#: more than this many rows, one side holding that many lines at least; in one side, half
#: the lines fill this share of its width (see _runs_on)
_GUTTER, _COLUMN_ROWS, _FULL = 0.7, 3, 0.6
#: a column's line stands flush against a gutter within this share of its size
_FLUSH = 0.3
#: a row further below the one before than this (in font sizes) is not in their columns
_APART = 4
#: the letters that do not join the letter after them: after one, a word's next letter
#: stands apart by the glyph's side, as a space may
_RIGHT_JOINING = frozenset("اآأإٱدذرزژوؤةءۀ")
#: a lam-alef ligature's letters as pdfium gives them where it turned their run around
#: (lam comes first, in every word that has one)
_LAM_ALEF = re.compile("^([اآأإٱ])(ل)$")
#: a line on the same baseline as the one before within this share of its size; a mark
#: may be drawn raised or lowered from its letter's by up to the second
_BASELINE, _MARK_RAISED = 0.3, 0.6
#: a paragraph's lines follow one another at its pitch; a gap this much wider ends it
_WIDER = 1.15
#: the bracket pairs read by where they stand
_PAIRS = {"(": "()", ")": "()", "[": "[]", "]": "[]", "{": "{}", "}": "{}", "«": "«»", "»": "«»"}
#: a page number alone on its line (۱۲, - 12 -, صفحه ۱۲, ۱۲ از ۳۰, Page 12 of 30)
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:صفحه|page)\s*)?\d+(?:\s*(?:از|of|/)\s*\d+)?[-–—\s]*",
                          re.IGNORECASE)
_DIGIT = re.compile(r"\d")
#: a glyph pdfium can map to no letter, in its place until it is known for a kashida or
#: dropped; where a line's glyphs do not tell for sure whether a space stands, and where
#: they say it does (noncharacters: no text holds them)
_UNMAPPED_GLYPH = "\ufdd4"
_UNSURE, _UNSURE_SPACE = "\ufdd2", "\ufdd3"
_UNSURE_EITHER = re.compile(f"([{_UNSURE}{_UNSURE_SPACE}])")
#: a word as the word table writes its keys: without marks, ZWNJ or tatweel, in Persian
#: letters (a PDF holds what was typed: ي، ك)
_AS_TABLE_WRITES = {**dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x200C, 0x0640]),
                    ord("ي"): "ی", ord("ى"): "ی", ord("ك"): "ک"}
#: the letters at a line's end, and at its start (a word's, without its point or comma)
_WORD_END, _WORD_START = re.compile(r"[^\W\d_]+$"), re.compile(r"[^\W\d_]+")
#: what ends a sentence or a clause, and never begins a line
_TRAILING = ",.;:!?)]}»،؛؟"
#: a line that ends in a handle's or hashtag's sign, its name on the next (laid out so
#: where a line may break after it)
_JOINED = re.compile(r"(?<=[@#]) (?=\w)")
#: a share of a page's glyphs that pdfium cannot map to letters, beyond which it is unread
_UNMAPPED = 0.5
#: spaces, and the line ends pdfium puts in
_SPACES = frozenset((0x09, 0x0A, 0x0D, 0x20, 0xA0))


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


@dataclass
class _Glyph:
    """A glyph: its letters (a ligature's several, a letter with its marks) and place."""

    text: str
    left: float
    right: float
    y: float  #: the baseline
    size: float  #: the font's size
    index: int  #: pdfium's index of its first letter
    origin: float  #: where it is drawn from (its letters share it where they are one glyph)
    word: int  #: how many spaces come before it in the file's text
    run: int  #: how many of them a line may break at (not a no-break space)
    joins: bool | None = None  #: would it join a letter after it (None: no Persian letter); set with its line
    ligature: bool = False  #: several letters (pdfium may put them across a space in its text)
    #: a glyph whose box pdfium shared among its letters: its edges are no glyph's (the lam
    #: and alef of «لاً», in Chrome's PDFs)
    split: bool = False
    #: off its line's baseline (a letter with its mark, drawn as one glyph: pdfium reads it
    #: as a line of its own, and may give it a part of the glyph's box)
    displaced: bool = False
    #: beside a note's number, left out (see pdf_notes): the gap where it stood, wider
    #: than a space, is no measure of the line's spaces
    by_number: bool = False


@dataclass
class _Line:
    text: str
    left: float
    right: float
    y: float
    size: float
    rtl: bool
    #: the width of the line's first word, as read (where it would have fit on the line before)
    first_word: float
    #: its column's left and right, where the page is set in columns (None: the page's)
    edges: tuple[float, float] | None = None
    #: the first line of a part of the page read after another (a column): where it stands
    #: against the line before is no sign of a paragraph's end
    new_part: bool = False
    #: one of the cells its row is cut into (a table's, or a couplet's hemistichs)
    cell: bool = False


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
    pages: list[list[_Line]] = []
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
            found, lost = _page_glyphs(page)  # (those of no letter among them, in their places)
            glyphs, unmapped = glyphs + len(found), unmapped + lost
            pages.append(_lines(notes.without(_rows(found)), gutters))
            links += _links(pdf, page)
            page.close()
    finally:
        pdf.close()
    if not glyphs:
        raise PdfError("a PDF with no text: its pages are pictures (scanned?), which paknevis does not read")
    if unmapped > _UNMAPPED * glyphs:
        raise PdfError("a PDF whose fonts do not say which letters their glyphs are: its text cannot be read")
    post = read_paragraphs(_paragraphs(_without_running_lines(pages)), url)
    post.links = list(dict.fromkeys(links))
    if unread:
        post.warnings.append(f"pdf: page {', '.join(map(str, unread))} damaged, and not read")
    return post


def _page_glyphs(page) -> tuple[list[_Glyph], int]:  # noqa: ANN001  (a pypdfium2 PdfPage)
    """A page's glyphs (a ligature's letters, a letter's marks, as one), and how many
    glyphs pdfium could not map to a letter. Spaces and line ends are not glyphs here."""
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        # (pdfium's calls bound once, on the page's bare handle: a page may have thousands of glyphs)
        handle, at_box, at_x, at_y = text.raw, ctypes.byref(box), ctypes.byref(x), ctypes.byref(y)
        unicode_of, unmapped = raw.FPDFText_GetUnicode, raw.FPDFText_HasUnicodeMapError
        box_of, origin_of = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        size_of = raw.FPDFText_GetFontSize
        left, _, right, _ = page.get_bbox()  # (where the page is: its box need not begin at 0)
        width = right - left
        letters: list[_Glyph] = []
        # (a mark, its left and right, where it is drawn from, its baseline, its word)
        marks: list[tuple[str, float, float, float, float, int]] = []
        lost = word = run = 0
        for i in range(raw.FPDFText_CountChars(handle)):
            u = unicode_of(handle, i)
            if u in _SPACES:  # (the file's own: pdfium's guessed spaces and line ends are no sign)
                if not raw.FPDFText_IsGenerated(handle, i):
                    word += 1
                    run += u != 0xA0
                continue
            if unmapped(handle, i):  # (kept in its place: it may be a kashida, see _kashidas)
                lost += 1
                letter = _UNMAPPED_GLYPH
            elif u < 0x20 or u in (0x200B, 0xFFFE, 0xFFFF) or 0xD800 <= u < 0xE000:
                continue
            else:
                letter = chr(u)
            box_of(handle, i, at_box)
            if not left - width < box.left <= box.right < right + width:  # (off the page: a damaged file's)
                continue
            origin_of(handle, i, at_x, at_y)
            if letter == "\u200c" or unicodedata.combining(letter):
                marks.append((letter, box.left, box.right, x.value, y.value, word))
                continue
            glyph = _Glyph(letter, box.left, box.right, y.value, size_of(handle, i), i, x.value, word, run)
            shared = bool(letters) and _same_origin(letters[-1], glyph)
            if (letters and _UNMAPPED_GLYPH not in (letter, letters[-1].text)
                    and (shared or _same_glyph(letters[-1], glyph))):
                last = letters[-1]
                last.text = _LAM_ALEF.sub(r"\2\1", last.text + letter)
                last.ligature, last.split = True, last.split or shared
                last.left, last.right = min(last.left, glyph.left, glyph.origin), max(last.right, glyph.right)
            else:
                letters.append(glyph)
    finally:
        text.close()
    if marks:
        _marks_onto(letters, marks)
    return letters, lost


def _same_glyph(a: _Glyph, b: _Glyph) -> bool:
    """Are two letters, one after the other, one glyph (a ligature, to which pdfium gives
    each of its letters the glyph's box)? (Where pdfium splits a ligature's box among its
    letters, they are read as any letters side by side.)"""
    overlap = min(a.right, b.right) - max(a.left, b.left)
    return (a.word == b.word and overlap > 0.8 * max(a.right - a.left, b.right - b.left)
            and abs(a.y - b.y) < _BASELINE * a.size)


def _same_origin(a: _Glyph, b: _Glyph) -> bool:
    """Are two letters, one after the other, drawn from one point (one glyph, whose box
    pdfium shares among them: the first's share is narrow, under half the font's size)?"""
    return abs(a.origin - b.origin) < 0.01 and abs(a.y - b.y) < 0.01 and a.right - a.left < 0.5 * a.size


def _marks_onto(letters: list[_Glyph], marks: list[tuple[str, float, float, float, float, int]]) -> None:
    """Each mark (a fatha, a shadda) goes with the letter it is drawn on: the one drawn
    from the same point (one glyph, whose box pdfium shares among them), else on its
    baseline the one under its middle, else the nearest, of its word's where one is under
    it (pdfium may put a mark far from its letter in its text, even across a line). A ZWNJ goes after
    the letter whose left it stands at (the one before it, in a Persian line). A mark
    edge to edge with its letter widens it (pdfium may share a glyph's width between a
    letter and its mark, as in «دّ»: the letter would seem to stand apart from the next)."""
    by_baseline: dict[int, list[_Glyph]] = {}  # (by their baselines, four points apart)
    for g in letters:
        if g.text != _UNMAPPED_GLYPH:
            by_baseline.setdefault(int(g.y // 4), []).append(g)

    def distance(g: _Glyph, at: float, mark: str) -> float:
        if mark == "\u200c":
            return abs(g.left - at)
        return 0.0 if g.left <= at <= g.right else min(abs(g.left - at), abs(g.right - at))

    for mark, left, right, origin, y, word in marks:
        at = left if mark == "\u200c" else (left + right) / 2
        near = [g for key in range(int(y // 4) - 3, int(y // 4) + 4) for g in by_baseline.get(key, ())
                if abs(g.y - y) < _MARK_RAISED * g.size]
        if near:
            under = min(near, key=lambda g: (mark == "\u200c" or abs(g.origin - origin) > 0.01 or g.y != y,
                                             distance(g, at, mark), g.word != word, abs(g.y - y)))
            under.text += mark
            if mark != "\u200c" and min(abs(right - under.left), abs(left - under.right)) < 0.02 * under.size:
                under.left, under.right = min(under.left, left), max(under.right, right)


def _rows(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs on one baseline, top to bottom; in each, left to right."""
    rows: list[list[_Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -g.y):
        if rows and abs(rows[-1][0].y - g.y) < _BASELINE * max(g.size, rows[-1][0].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    for row in rows:
        row.sort(key=lambda g: (g.left, g.right, g.index))
    return rows


def _lines(page: list[list[_Glyph]], gutters: list[tuple[float, float]]) -> list[_Line]:
    """A page's lines in reading order, from its rows (see _rows): its columns one after
    the other, and in each, top to bottom, the glyphs on one baseline, cut where they stand
    as far apart as a table's cells. (``gutters``: those between columns found on the
    pages before: see _columns.)"""
    parts = _columns(page, gutters)
    for rows, _ in parts:
        for row in rows:
            baseline = statistics.median(g.y for g in row)
            for g in row:
                g.joins = _joins_on(g)
                g.displaced = abs(g.y - baseline) > 0.04 * g.size
    parts = [([kept for row in rows if (kept := _kashidas(row))], edges) for rows, edges in parts]
    space = _space_width([row for rows, _ in parts for row in rows])
    lines: list[_Line] = []
    for rows, edges in parts:
        first = len(lines)
        sizes = [statistics.median(g.size for g in row) for row in rows]
        for row, size, rtl in zip(rows, sizes, _directions(rows, sizes), strict=True):
            cut = [n for n in range(1, len(row)) if row[n].left - row[n - 1].right > _CELL * size]
            cells = [row[a:b] for a, b in pairwise([0, *cut, len(row)])]
            row_space = _space_width([row], 2, space)
            lines += [_line(cell, size, rtl, row_space) for cell in (reversed(cells) if rtl else cells)]
            if cut and min(map(len, cells)) > 1:  # (not a glyph alone, far from its line: a mark's)
                for line in lines[-len(cells):]:
                    line.cell = True
        for line in lines[first:]:
            line.edges = edges
        if first and first < len(lines):
            lines[first].new_part = True
    return lines


def _columns(rows: list[list[_Glyph]], known: list[tuple[float, float]],
             ) -> list[tuple[list[list[_Glyph]], tuple[float, float] | None]]:
    """A page's rows in the parts read one after the other, each with its column's left and
    right (None: the page's). Where the page is set in columns, each column is a part, in
    the order its letters are read (the right first in Persian).

    A gutter is a strip, wider than _GUTTER of the text's size, that no glyph of a run of
    rows stands on, with glyphs on both its sides: the run is read column by column where
    its columns hold text that runs on from line to line (see _runs_on). A row that
    crosses the strip (a heading over both columns, the page's number) ends the run, as
    does a row far below the one before (a page's foot); a row on one side of it only,
    just above, in the run's size, is its column's first line (columns' lines need not
    share baselines). Gutters found are added to ``known``, the document's: where one
    stands on the page or a page before, a run of a few rows is enough (a last page's few
    lines, or a column's paragraph between two headings)."""
    if len(rows) < 2:
        return [(rows, None)]
    left = min(row[0].left for row in rows)
    masks = [_covered(row, left) for row in rows]
    sizes = [statistics.median(g.size for g in row) for row in rows]
    runs = _runs(rows, masks, sizes)
    done = 0  # (first, the gutters the page shows for sure)
    for start, end, gutters in runs:
        start, strips, sides = _sides(rows, masks, sizes, left, start, end, gutters, done)
        if _runs_on(sides, strips, False):
            known += strips
            done = end
    parts: list[tuple[list[list[_Glyph]], tuple[float, float] | None]] = []
    done = 0  # (the rows before are in parts)
    for start, end, gutters in runs:
        start, strips, sides = _sides(rows, masks, sizes, left, start, end, gutters, done)
        if not _runs_on(sides, strips, all(any(a < b_ and a_ < b for a_, b_ in known) for a, b in strips)):
            continue
        if start > done:
            parts.append((rows[done:start], None))
        glyphs = [[g for row in side for g in row] for side in sides]
        letters = Counter(unicodedata.bidirectional(c) for side in glyphs for g in side for c in g.text)
        for side in reversed(glyphs) if _is_rtl(letters) else glyphs:
            parts.append((_rows(side), (min(g.left for g in side), max(g.right for g in side))))
        done = end
    if done < len(rows):
        parts.append((rows[done:], None))
    return parts


def _sides(rows: list[list[_Glyph]], masks: list[int], sizes: list[float], left: float, start: int, end: int,
           gutters: list[tuple[int, int]], done: int,
           ) -> tuple[int, list[tuple[float, float]], list[list[list[_Glyph]]]]:
    """A run's first row (without a heading's last line before its own size; with the
    rows above, after ``done``, on one side of its gutters), its gutters' strips, and its
    glyphs on each side of them, row by row."""
    # (the gutters but a point at each edge: a glyph's edge is rounded to a point)
    strip = sum(((1 << max(0, b - a - 2)) - 1) << (a + 1) for a, b in gutters)
    size = statistics.median(sizes[start:end])
    while start < end and abs(sizes[start] - size) > 0.1 * size:
        start += 1
    while start > done and not masks[start - 1] & strip and abs(sizes[start - 1] - size) < 0.1 * size:
        start -= 1
    strips = [(left + a, left + b) for a, b in gutters]
    middles = [(a + b) / 2 for a, b in strips]
    return start, strips, [[[g for g in row if bisect.bisect(middles, (g.left + g.right) / 2) == k]
                            for row in rows[start:end]] for k in range(len(gutters) + 1)]


def _runs(rows: list[list[_Glyph]], masks: list[int], sizes: list[float],
          ) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of rows (the first, and past the last) that no glyph stands on in some strips
    between their glyphs (the gutters, in ``masks``' points), each strip wider than _GUTTER."""
    width = max(1, round(_GUTTER * statistics.median(sizes)))
    runs: list[tuple[int, int, list[tuple[int, int]]]] = []
    start, seen, gutters = 0, 0, []  # (the run's rows' glyphs, as bits)
    for n, mask in enumerate(masks):
        found = n > 0 and rows[n - 1][0].y - rows[n][0].y < _APART * sizes[n] and _gutters(seen | mask, width)
        if found:
            seen, gutters = seen | mask, found
        else:
            if gutters:
                runs.append((start, n, gutters))
            start, seen, gutters = n, mask, _gutters(mask, width)
    if gutters:
        runs.append((start, len(rows), gutters))
    return runs


def _covered(row: list[_Glyph], left: float) -> int:
    """The points a row's glyphs stand on, from ``left``, as the bits of an int."""
    bits = 0
    for g in row:
        a, b = int(g.left - left), int(g.right - left) + 1
        bits |= ((1 << (b - a)) - 1) << a
    return bits


def _gutters(bits: int, width: int) -> list[tuple[int, int]]:
    """The runs of at least ``width`` points that no glyph stands on, between glyphs."""
    points = f"{bits:b}"[::-1]  # (the first point first)
    first = points.find("1")
    return [(first + m.start(), first + m.end()) for m in re.finditer(f"0{{{width},}}", points[first:])]


def _runs_on(sides: list[list[list[_Glyph]]], gutters: list[tuple[float, float]], known: bool) -> bool:
    """Do these sides of gutters (each side, its glyphs in each row of a run) hold text
    that runs on from line to line, column by column?

    - The run is more than _COLUMN_ROWS rows, and each side holds a line at least (a
      column's last line may stand alone at the top of the next). Where the gutters are
      ``known`` (found on a page before), two rows are enough, and the flush lines alone
      tell.
    - Beside each gutter, one side's lines stand flush against it (a justified column's
      lines on both; a ragged one's on the side its lines begin). Word spaces that happen
      to line up in a page of one column do not.
    - In one side at least, half the lines fill _FULL of its width (in a table, none: its
      cells are short).
    - A line at least is flush with one of its column's edges and stops short of the
      other, as a paragraph's lines do where ragged, or its last line does. (Verse set
      side by side looks alike, a couplet's hemistichs side by side in a row, but each
      hemistich is centred, or justified to both edges.)"""
    least = 1 if known else _COLUMN_ROWS
    if len(sides[0]) <= least:
        return False
    filled = ragged = known
    for side in sides:
        lines = [row for row in side if row]
        if not lines:
            return False
        left, right = min(row[0].left for row in lines), max(row[-1].right for row in lines)
        full = sum(row[-1].right - row[0].left >= _FULL * (right - left) for row in lines)
        filled = filled or 2 * full >= len(lines)
        ragged = ragged or any(min(edges) < 0.5 * row[0].size and max(edges) > row[0].size
                               for row in lines for edges in [(row[0].left - left, right - row[-1].right)])
    for (a, b), before, after in zip(gutters, sides, sides[1:], strict=False):
        edges = ([(row[-1].right - a, row[-1].size) for row in before if row],
                 [(row[0].left - b, row[0].size) for row in after if row])
        flush = [sum(abs(gap) < _FLUSH * size for gap, size in side) for side in edges]
        if not any(len(side) >= least and 5 * n >= 4 * len(side)  # (of _COLUMN_ROWS lines at least)
                   for side, n in zip(edges, flush, strict=True)):
            return False  # (four lines in five, flush)
    return filled and ragged


def _kashidas(row: list[_Glyph]) -> list[_Glyph]:
    """The row, with the glyphs no letter is known for left out, and a kashida drawn to
    justify a line in a word read as nothing: it is the layout's, not the text's.
    LibreOffice maps a kashida's glyph to no letter, to a sign or a Latin letter («حس>>اب»,
    «نظrامی»: one glyph or several, touching; see _may_be_kashida) or to a digit («ک7رده»,
    drawn over the letters on both its sides), which no word holds there: between two
    letters that join (a kashida mapped as one, U+0640, is read as one: repair takes it
    out, as from any text)."""
    n = 1
    while n < len(row) - 1:
        a, g, end = row[n - 1], row[n], n
        while end < len(row) - 1 and _may_be_kashida(row[end].text):
            end += 1
        if end > n:
            run, b = row[n:end], row[end]
            # (a kashida mapped to a sign may stand over most of the letter after it, whose box
            # takes in its joining stroke, and of the kashida before it, drawn out again; a
            # glyph of no letter so far over another is a mark's)
            mapped = all(k.text != _UNMAPPED_GLYPH for k in run)
            if a.joins is not None and b.joins and _touching([a, *run, b], 0.9 if mapped else 0.3):
                for k in run:
                    k.text, k.joins = "", True  # (kept, empty: it joins the letters on its sides)
            n = end + 1
            continue
        b = row[n + 1]
        if (len(g.text) == 1 and g.text.isdigit() and a.joins is not None and b.joins
                and g.left < a.right and b.left < g.right):
            g.text, g.joins = "", True
        n += 1
    return [g for g in row if g.text != _UNMAPPED_GLYPH]


def _may_be_kashida(text: str) -> bool:
    """Is this what LibreOffice may map a kashida's glyph to? No letter, a Latin letter
    (which one depends on the font's subset: «نظrامی», «گلZزار») or a sign no text puts
    inside a word («حس>>اب»; not a bracket, a colon or a slash: «امام(ره)», «گفت:پیرو»)."""
    return text == _UNMAPPED_GLYPH or len(text) == 1 and text.isascii() and (text.isalpha() or text in "<>\\")


def _touching(glyphs: list[_Glyph], over: float = 0.3) -> bool:
    """Does each glyph touch the next, drawn over no more than ``over`` of it (drawn over
    one, a kashida is a glyph drawn twice)? The first and last are letters: overlapping
    them, only what the glyphs between allow."""
    def width(g: _Glyph) -> float:
        return g.right - g.left if g is not glyphs[0] and g is not glyphs[-1] else float("inf")

    return all(b.left - a.right < 0.1 * glyphs[0].size and a.right - b.left < over * min(width(a), width(b))
               for a, b in pairwise(glyphs))


def _directions(rows: list[list[_Glyph]], sizes: list[float]) -> list[bool]:
    """Is each line (its glyphs, left to right; ``sizes``, its font's) laid out right to left?

    A line mostly of Persian letters is. One mostly of Latin letters (an English sentence,
    or a Persian one full of addresses) may be either: a paragraph's direction is the
    document's, not its letters'. Its edges tell: a right-to-left paragraph's lines are
    flush right and its last stops short at the left, a left-to-right one's the other
    way round; a justified paragraph's lines are flush at both, as its last line tells,
    and a line that does not tell goes with the page's letters."""
    if not rows:
        return []
    kinds = [Counter(unicodedata.bidirectional(c) for g in row for c in g.text) for row in rows]
    page_rtl = _is_rtl(sum(kinds, Counter()))
    left, right = min(row[0].left for row in rows), max(row[-1].right for row in rows)
    directions, below = [], None  # (what the nearest line below that tells says: bottom up)
    for row, size, kind in zip(reversed(rows), reversed(sizes), reversed(kinds), strict=True):
        flush_left, flush_right = row[0].left - left < size, right - row[-1].right < size
        if flush_left != flush_right:
            below = flush_right
        if _is_rtl(kind):
            directions.append(True)
        elif not kind["AL"] + kind["R"] and not page_rtl:
            directions.append(False)
        else:
            directions.append(page_rtl if below is None else below)
    return directions[::-1]


def _joins_on(g: _Glyph) -> bool | None:
    """Would this glyph's last letter join a letter after it (None: it is no Persian
    letter)? In a right-to-left line, the letter after it stands to its left."""
    letter = g.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")[-1:]
    if not letter or unicodedata.bidirectional(letter) != "AL" or not letter.isalpha():
        return None
    return letter not in _RIGHT_JOINING


def _space_width(rows: list[list[_Glyph]], least: int = 5, page: float = _SPACE) -> float:
    """A space's width in these lines (a page's, or a line's: a justified line's spaces
    are its own), in font sizes: where two letters stand apart that would have joined and
    the file puts a space between them (the surest spaces), but where a note's number
    stood; ``page``'s where fewer than ``least`` tell."""
    gaps = [(b.left - a.right) / a.size for row in rows for a, b in pairwise(row)
            if a.word != b.word and b.left > a.right and b.joins and a.joins is not None
            and not (a.by_number and b.by_number)]
    return statistics.median(gaps) if len(gaps) >= least else page


def _spaced(a: _Glyph, b: _Glyph, space: float) -> bool | None:
    """Does a space stand between two glyphs side by side (``a`` to the left)?

    Their gap says it, more than half a space's. But between two letters, a letter that
    does not join the next (ا، د، ر، و) or stands before a ZWNJ that pdfium does not give
    stands apart by its side, as far as a narrow space, and a letter with a long stroke
    (آ) may reach over a space: where the gap could be either, the file's own space
    decides. (The file's spaces alone would not do: pdfium moves a bracket, a point, a
    ligature or a letter's mark across them, and a glyph off its line's baseline.) To the
    right of such a glyph (دّ, drawn as one), pdfium's box may end short of the glyph's,
    and a space is a gap of three quarters of one. Beside a glyph whose box pdfium shared
    among its letters (لاً), neither tells, and it is None: the words on its sides decide."""
    gap = (b.left - a.right) / min(a.size, b.size)
    if (a.split or b.split) and 0.4 * space < gap < 1.5 * space:
        return None  # (neither its gap nor the file's spaces tell for sure: see _unsure)
    if a.displaced:  # (its right edge is no glyph's)
        return gap > 0.75 * space
    if (b.joins is not None and a.joins is not None and 0.4 * space < gap < 0.8 * space
            and not (a.ligature or b.ligature or b.displaced)):
        return a.word != b.word
    return gap > 0.5 * space


def _is_rtl(kinds: Counter) -> bool:
    """Letters' bidirectional kinds: are they mostly right to left?"""
    return kinds["R"] + kinds["AL"] >= kinds["L"]


def _line(glyphs: list[_Glyph], size: float, rtl: bool, space_width: float) -> _Line:
    """One line's text, from its glyphs left to right."""
    cells: list[str] = []
    words: list[tuple[float, float]] = []  # (the left and right of what a line may not break, left to right)
    for n, g in enumerate(glyphs):
        space = n > 0 and _spaced(glyphs[n - 1], g, space_width)
        if space is None:  # (the words decide, else the gap: a space where most of one)
            gap = (g.left - glyphs[n - 1].right) / g.size
            cells.append(_UNSURE_SPACE if gap > 0.8 * space_width else _UNSURE)
        elif space:
            cells.append(" ")
        if not words or space and g.run != glyphs[n - 1].run:
            words.append((g.left, g.right))
        else:
            words[-1] = (words[-1][0], g.right)
        cells.append(g.text)
    first = words[-1] if rtl else words[0]
    return _Line(_unsure(_paired(visual_to_logical(cells, rtl))), glyphs[0].left, glyphs[-1].right,
                 statistics.mean(g.y for g in glyphs), size, rtl, first[1] - first[0])


def _unsure(text: str) -> str:
    """A space, or none, where a line's glyphs do not tell for sure (_UNSURE, or
    _UNSURE_SPACE where the gap is most of a space): none where the two words make one
    that the word table has seen more than once, and as often as the rarer of them (کام +
    لاً: کاملاً; لا + یحه: لایحه); a space where it does not know the two as one but knows
    each (مجلس لایحه; بالا بردن, though it knows بالابردن, seen less often than either);
    else as the gap says (گوآتمالا, a name it does not know)."""
    if _UNSURE not in text and _UNSURE_SPACE not in text:
        return text
    from ..repair.pipeline import shipped_lexicon  # (the repair's own: loaded once)

    table = shipped_lexicon()

    def seen(word: str) -> int:  # (the table leaves out و, a word of one letter and the commonest)
        return 14 if word == "و" else table.freq.get(word, 0) if table.knows(word) else -1

    parts = _UNSURE_EITHER.split(text)
    out = parts[0]
    for mark, part in zip(parts[1::2], parts[2::2], strict=True):
        before = _WORD_END.search(out[out.rfind(" ") + 1:].translate(_AS_TABLE_WRITES))
        after = _WORD_START.match(part.split(" ", 1)[0].translate(_AS_TABLE_WRITES))
        left, right = before[0] if before else "", after[0] if after else ""
        alone = (seen(left), seen(right)) if left and right else (-1, -1)
        if left and right and seen(left + right) >= max(1, min(alone)):
            space = False
        elif left and right and min(alone) >= 0:
            space = True
        else:
            space = mark == _UNSURE_SPACE
        out += (" " if space else "") + part
    return out


def _kind(cell: str) -> str:
    return unicodedata.bidirectional(cell[0]) if cell else "ON"


def visual_to_logical(cells: list[str], rtl: bool) -> str:
    """A line's text from its glyphs' texts in the order they are drawn, left to right.

    A right-to-left line is read from its right end, but a run of Latin words, or of
    digits, in it was laid out left to right, so it is read so again; a left-to-right line
    the other way round. What stands between two glyphs of a run (a space, a point, a
    comma) goes with it; what stands at its ends goes with the line.

    >>> visual_to_logical(list("BaharIran7@ باسح"), True)  # (drawn so: «حساب @BaharIran7»)
    'حساب @BaharIran7'
    >>> visual_to_logical(list("۸۵.۵ رالد"), True)
    'دلار ۸۵.۵'
    """
    seq = cells[::-1] if rtl else list(cells)
    strong = ("L", "EN", "AN") if rtl else ("R", "AL")
    against = ("R", "AL") if rtl else ("L",)
    out: list[str] = []
    i, before = 0, "R" if rtl else "L"  # (the last strong letter's kind, as read)
    lead = next((n for n, cell in enumerate(seq) if cell not in _TRAILING), len(seq))
    if rtl and 0 < lead < len(seq) and _kind(seq[lead]) == "L":
        # (a Latin line's last point or comma, which the algorithm laid out with it: the line
        # goes on after it in the paragraph, so it is no point at the line's start)
        last = _run_end(seq, lead, strong, against, arabic=False)
        out += seq[:last + 1][::-1]
        i = last + 1
    while i < len(seq):
        kind = _kind(seq[i])
        if kind not in strong:
            out.append(seq[i])
            before = kind if kind in ("R", "AL", "L") else before
            i += 1
            continue
        last = _run_end(seq, i, strong, against, arabic=rtl and before == "AL")
        out += seq[i:last + 1][::-1]
        before = next((k for k in map(_kind, reversed(seq[i:last + 1])) if k in ("R", "AL", "L")), before)
        i = last + 1
    return "".join(out)


def _run_end(seq: list[str], i: int, strong: tuple[str, ...], against: tuple[str, ...], *,
             arabic: bool) -> int:
    """Where a run laid out against the line's direction ends, from ``seq[i]``: a run
    with Latin letters goes on over what stands between its letters and numbers; a run of
    numbers alone after a Persian word (Arabic numbers, to the algorithm) only over a
    point or comma between two digits (۹۸-۹۹ is two numbers, «ص27).(1)» three).

    >>> _run_end(list("۹۹-۸۹ و"), 0, ("L", "EN", "AN"), ("R", "AL"), arabic=True)
    1
    >>> _run_end(list("7narIrahaB@"), 0, ("L", "EN", "AN"), ("R", "AL"), arabic=True)
    9
    """
    last = j = i
    while j < len(seq) and _kind(seq[j]) not in against:
        if _kind(seq[j]) in strong:
            last = j
        j += 1
    if not arabic or any(_kind(cell) == "L" for cell in seq[i:last + 1]):
        return last
    j = i
    while j + 1 < len(seq) and (_kind(seq[j + 1]) in ("EN", "AN") or _kind(seq[j + 1]) == "CS"
                                and j + 2 < len(seq) and _kind(seq[j + 2]) in ("EN", "AN")):
        j += 1
    return j


def _paired(text: str) -> str:
    """Brackets and guillemets opened before a word and closed after one, as they stand,
    and where that does not tell (خمینی(ره)), closing the one open: which of a pair a
    file maps a mirrored glyph to differs from producer to producer.

    >>> _paired("امام خمینی)ره) و »ما«")
    'امام خمینی(ره) و «ما»'
    """
    if not any(c in _PAIRS for c in text):
        return text
    out, open_ = list(text), Counter[str]()
    for n, c in enumerate(text):
        if c not in _PAIRS:
            continue
        pair = _PAIRS[c]
        before = text[n - 1] if n else " "
        after = text[n + 1] if n + 1 < len(text) else " "
        if after != " " and (before == " " or before in "([{«"):
            opens = True
        elif before != " " and (after == " " or after in ")]}».,:;،؛!?؟"):
            opens = False
        else:
            opens = open_[pair] == 0
        out[n] = pair[0] if opens else pair[1]
        open_[pair] = open_[pair] + 1 if opens else max(open_[pair] - 1, 0)
    return "".join(out)


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without their numbers, and without a line at the top or bottom that is
    on most of them (a running head, a footer: its numbers may change from page to page)."""
    def ends(lines: list[_Line]) -> list[_Line]:
        return [*lines[:1], *lines[-1:]] if len(lines) > 1 else lines

    seen = Counter(key for lines in pages for key in {_DIGIT.sub("#", line.text) for line in ends(lines)})
    running = {key for key, n in seen.items() if n >= 3 and n * 2 >= len(pages)}

    def apart(line: _Line) -> bool:  # (a letter alone may be a line's, clipped from the next page)
        return bool(_PAGE_NUMBER.fullmatch(line.text) or _DIGIT.sub("#", line.text) in running
                    or len(line.text.strip()) == 1 and line.text.strip().isalpha())

    kept = []
    for lines in pages:
        first, last = 0, len(lines)
        while first < last and apart(lines[first]):
            first += 1
        while last > first and apart(lines[last - 1]):
            last -= 1
        kept.append(lines[first:last])
    return kept


def _paragraphs(pages: list[list[_Line]]) -> list[tuple[str, int | None]]:
    """The document's paragraphs, each with its rank as a title (0, the first page's
    largest text where it is larger than the body's; else None)."""
    every = [line for lines in pages for line in lines]
    if not every:
        return []
    sizes: Counter = Counter()
    for line in every:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    body_lines = [line for line in every if abs(line.size - body) < 0.1 * body] or every
    left, right = min(line.left for line in body_lines), max(line.right for line in body_lines)
    pitches = [(a.y - b.y) / body for lines in pages for a, b in pairwise(lines)
               if abs(a.size - body) < 0.1 * body and abs(b.size - body) < 0.1 * body
               and 0 < a.y - b.y < 3 * body]
    pitch = statistics.median(pitches) if pitches else 1.5  # (in font sizes)
    top = max((line.size for line in pages[0]), default=body)
    title = top if top > 1.15 * body else None
    paragraphs: list[tuple[list[str], int | None]] = []  # (its lines, its rank)
    before: _Line | None = None
    titled = False
    for page, lines in enumerate(pages):
        for n, line in enumerate(lines):
            same_page = n > 0 and not line.new_part
            if before is None or _ends_paragraph(before, line, left, right, pitch, same_page=same_page):
                first_title = (page == 0 and title is not None and abs(line.size - title) < 0.05 * title
                               and not titled)
                titled = titled or first_title
                paragraphs.append(([], 0 if first_title else None))
            paragraphs[-1][0].append(line.text)
            before = line
    return [(_JOINED.sub("", " ".join(texts)), rank) for texts, rank in paragraphs]


def _ends_paragraph(a: _Line, b: _Line, left: float, right: float, pitch: float, *, same_page: bool) -> bool:
    """Does line ``b`` begin a paragraph after ``a``? (Across a page or a column, where
    ``a`` stopped short of its column's edge, ``left`` or ``right`` where the page has one
    column: the page's end is no sign.) A table's cell, or a hemistich, is one of its own."""
    if abs(a.size - b.size) > 0.1 * a.size or a.rtl != b.rtl or a.cell or b.cell:
        return True
    if same_page and not 0 < a.y - b.y <= _WIDER * pitch * a.size:
        return True
    left, right = a.edges or (left, right)
    room = a.left - left if a.rtl else right - a.right  # (where the line stopped short of the column's edge)
    return room > b.first_word + 0.5 * b.size  # (with a space before the word, and slack)


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
