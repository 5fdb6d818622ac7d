"""PDFs read as posts (documents/pdf/): a Persian line's text in reading order
from where its glyphs are drawn, its spaces, marks, ligatures and brackets, its
paragraphs across pages, without the pages' numbers.

tests/data/pdf holds one article (article.txt) laid out by Chrome and by LibreOffice
(scripts/make_pdf_fixtures.py): each writes a Persian line differently (left to right as
drawn, and in reading order), over three pages each numbered at its foot; LibreOffice
keeps the ZWNJs and justifies with kashidas, Chrome drops the ZWNJs. Both lay it out in
two columns too, and Chrome a ghazal's couplets (verse.txt), hemistichs side by side;
LibreOffice gives it footnotes."""
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

from paknevis import fix
from paknevis.documents import parse_file
from paknevis.documents.pdf import PdfError
from paknevis.documents.pdf.bidi import mirrors, paired, visual_to_logical
from paknevis.documents.pdf.columns import _runs_on, in_columns
from paknevis.documents.pdf.glyphs import UNMAPPED_GLYPH, Glyph, _a_stroke, joins_on, rows_of
from paknevis.documents.pdf.kashidas import without_kashidas
from paknevis.documents.pdf.lines import Line, _spaced, page_lines
from paknevis.documents.pdf.notes import Notes
from paknevis.documents.pdf.paragraphs import paragraphs_of, without_running_lines
from paknevis.documents.pdf.reader import read_pdf_document

PDFS = Path(__file__).parent / "data" / "pdf"
Z = "\u200c"
TITLE, *PARAGRAPHS = (PDFS / "article.txt").read_text(encoding="utf-8").strip().split("\n\n")


@pytest.mark.parametrize("producer, zwnj", [("chrome", ""), ("libreoffice", Z),
                                            ("chrome-columns", ""), ("libreoffice-columns", Z),
                                            ("libreoffice-notes", Z)])
def test_a_pdf_is_read_as_its_source(producer, zwnj):
    """Every paragraph as written, its Latin runs, numbers, handle, guillemets, brackets
    and marks in reading order, joined across lines and pages; the title by its size; the
    pages' numbers left out. (Chrome writes no ZWNJ: its words are read glued, as the
    sample post's are; LibreOffice's kashidas, mapped to a digit or to «>», are the
    layout's.) Set in two columns, the right column is read first, then the left, and a
    paragraph runs on from one to the other: the last page's two lines are still read
    as columns, by the gutter of the pages before. Footnotes, and their numbers raised in
    the text, are left out (as a Word file's are), a note run over to the next page too."""
    post = read_pdf_document(PDFS / f"article-{producer}.pdf")
    assert post.title == TITLE.replace(Z, zwnj)
    assert [line for line in post.body if line.strip()] == [p.replace(Z, zwnj) for p in PARAGRAPHS]
    assert post.links == ["https://www.farsnews.ir/"] and not post.warnings


def test_numbers_an_arabic_comma_apart_are_read_as_written():
    """LibreOffice justifies a line with a kashida after an Arabic comma too, and maps it
    to a digit of its font's subset here («7،96»): known by its ink, a stroke on the
    baseline, it is read as nothing. A line that begins with such a list (9/15، 1/12،
    3/8) reads it number by number, as after a Persian word."""
    title, *lists = (PDFS / "numbers.txt").read_text(encoding="utf-8").strip().split("\n\n")
    post = read_pdf_document(PDFS / "numbers-libreoffice.pdf")
    assert post.title == title
    assert [line for line in post.body if line.strip()] == PARAGRAPHS + lists


def test_verse_is_read_couplet_by_couplet():
    """A ghazal's couplets, each hemistich beside the other: the right one, then the
    left, row by row (not as two columns, which they look like), each a line of its own."""
    title, *couplets = (PDFS / "verse.txt").read_text(encoding="utf-8").strip().split("\n\n")
    post = read_pdf_document(PDFS / "verse.pdf")
    assert post.title == title
    assert [line for line in post.body if line.strip()] == [
        hemistich.replace(Z, "") for couplet in couplets for hemistich in couplet.split("\n")]


def _text_line(y: float, left: float, right: float, words: int = 4, space: float = 4) -> list[Glyph]:
    """A line of Persian glyphs (سسس…, in a size of 12) from ``left`` to ``right``, its
    words ``space`` points apart."""
    width = (right - left - space * (words - 1)) / words
    starts = [left + n * (width + space) for n in range(words)]
    return [Glyph("س", at + k * width / 3, at + (k + 1) * width / 3, y, 12, 0, 0, n, n)
            for n, at in enumerate(starts) for k in range(3)]


def _read_order(rows: list[list[Glyph]]) -> list[tuple[float, float]]:
    """Where the lines of each part stand, in the order in_columns reads them."""
    return [(row[0].y, round(row[0].left)) for part, _ in in_columns(rows, []) for row in part]


def test_columns_are_read_one_after_the_other():
    """Two columns of justified lines, a paragraph ending short in each, flush right (a
    gutter of 18 points): the right column, then the left. A heading across both is
    read before them."""
    heading = _text_line(800, 60, 530, 8)
    rows = [heading, *([*_text_line(780 - 15 * n, 60 if n != 2 else 120, 280),
                        *_text_line(780 - 15 * n, 298 if n != 4 else 400, 530)] for n in range(6))]
    order = _read_order(rows)
    assert order[0] == (800, 60)
    assert [x for _, x in order[1:]] == [298, 298, 298, 298, 400, 298, 60, 60, 120, 60, 60, 60]


def test_a_short_article_in_columns_is_read_column_by_column():
    """Two columns of three lines each (a short article's), the last ending short: read
    one after the other, though three rows are fewer than a run of columns needs where
    its sides are not as wide as one another. A gap that lines up over three lines of one
    column, a word's width from its edge, is no gutter."""
    rows = [[*_text_line(780 - 15 * n, 60 if n != 2 else 150, 280), *_text_line(780 - 15 * n, 298, 530)]
            for n in range(3)]
    assert [x for _, x in _read_order(rows)] == [298, 298, 298, 60, 60, 150]
    words = [[*_text_line(780 - 15 * n, 60, 100, 1), *_text_line(780 - 15 * n, 118, 530)] for n in range(3)]
    assert len(in_columns(words, [])) == 1
    # (a side with no line, its glyphs in the rows of a heading above the run: no columns)
    column = [_text_line(780 - 15 * n, 298, 530) for n in range(3)]
    assert not _runs_on([[[], [], []], column], [(280, 298)], False)


def test_three_columns_under_a_heading_over_two_are_read_one_after_the_other():
    """Three columns (gutters of 18 points), under a heading over the right two, as a
    page's title stands where it is short: the heading, then each column, right to left.
    (The heading once took the run of rows with it, which kept only the gutter it does
    not cross, and read the right two columns row by row.)"""
    heading = _text_line(800, 250, 530, 6)
    rows = [heading, *([*_text_line(780 - 15 * n, 60 if n != 3 else 120, 204),
                        *_text_line(780 - 15 * n, 222, 366),
                        *_text_line(780 - 15 * n, 384 if n != 4 else 450, 530)] for n in range(6))]
    order = _read_order(rows)
    assert order[0] == (800, 250)
    assert [x for _, x in order[1:]] == [384] * 4 + [450, 384] + [222] * 6 + [60] * 3 + [120, 60, 60]


def test_three_columns_under_a_larger_heading_whose_lines_stand_apart():
    """As Chromium prints three columns under a title in a larger size: the title over the
    right two, the right column's lines 6 points below the others' (a row at the top holds
    the left two columns' first lines alone, with one gutter, as the title leaves it)."""
    heading = [Glyph("س", x, x + 9, 800, 18, 0, x, n // 3, n // 3) for n, x in enumerate(range(250, 520, 10))]
    glyphs = [*heading, *(g for n in range(6) for g in (
        *_text_line(780 - 15 * n, 60, 204), *_text_line(780 - 15 * n, 222, 366),
        *_text_line(774 - 15 * n, 384 if n != 4 else 450, 530)))]
    order = _read_order(rows_of(glyphs))
    assert order[0] == (800, 250)
    assert [x for _, x in order[1:]] == [384] * 4 + [450, 384] + [222] * 6 + [60] * 6


def test_columns_whose_paragraphs_indent_their_first_lines_are_read_one_after_the_other():
    """As XeLaTeX sets two columns (10 points apart; a news article's short paragraphs,
    each first line indented 18 points at its right): a third of each column's lines
    stand off the gutter, where four in five flush against it tell a column. The indent,
    found again at the page's edge, is a first line's (they had been read row by row
    across both columns)."""
    def line(n: int, left: float, right: float) -> list[Glyph]:  # (a paragraph: indented, full, short)
        return _text_line(780 - 15 * n, left + 100 * (n % 3 == 2), right - 18 * (n % 3 == 0))

    rows = [[*line(n, 60, 288), *line(n, 298, 530)] for n in range(9)]
    assert [x for _, x in _read_order(rows)] == [298, 298, 398] * 3 + [60, 60, 160] * 3


@pytest.mark.parametrize("reaching", [1, 5])
def test_a_glyph_reaching_over_a_narrow_gutters_edge_leaves_the_columns_whole(reaching):
    """Amiri's آ, beginning a line of the left column, reaches a point and a half over a
    gutter of 9 points (XeLaTeX's columns, 10 points apart): near the run's top or further
    down, the rows above and below it are still one run of columns, the right read whole,
    then the left (their halves had been read one after the other)."""
    rows = [[*_text_line(780 - 15 * n, 160 if n == 9 else 60, 289.5 if n == reaching else 288),
             *_text_line(780 - 15 * n, 400 if n == 9 else 297, 530)] for n in range(10)]
    assert [x for _, x in _read_order(rows)] == [297] * 9 + [400] + [60] * 9 + [160]


def test_a_justified_lines_spaces_are_its_own_and_a_last_lines_are_not_stretched():
    """A narrow column, justified: its lines' spaces stretched to 1.2 of the size, one line's
    to 0.45; its last line's not stretched (0.25). Each line's words are read apart, where
    one gap each shows its spaces (two gaps did: a line of two words was read glued, as
    was a last line in the page's stretched spaces)."""
    rows = [*(_text_line(780 - 15 * n, 60, 200, 3, 14.4) for n in range(4)),
            _text_line(720, 60, 200, 2, 5.4), _text_line(705, 150, 200, 2, 3)]
    assert [line.text for line in page_lines(rows, [])] == ["سسس سسس سسس"] * 4 + ["سسس سسس"] * 2


def test_a_title_over_justified_columns_keeps_its_narrow_spaces():
    """A title over three narrow justified columns, as LibreOffice sets an article: the
    columns' spaces stretched to their letters' size (but in a paragraph's last line), the
    title's a third of its own. Its words end in letters that never join (د), so its gaps
    do not show a space's width. Its spaces are not stretched: read as the page's
    stretched ones, they were too narrow for spaces (پرسپولیسیها با 35نفرعازم)."""
    def column(n: int, left: float, right: float) -> list[Glyph]:  # (its 4th line a last one)
        return _text_line(780 - 15 * n, left + 60 * (n == 3), right, 3 + n % 2, 4 if n == 3 else 12)

    title = _drawn("دسد دسد دسد دسد", 800, 300, 18)
    columns = [[*column(n, 60, 204), *column(n, 222, 366), *column(n, 384, 530)] for n in range(6)]
    assert [line.text for line in page_lines([title, *columns], [])] == ["دسد دسد دسد دسد"] + [
        "سسس سسس سسس", "سسس سسس سسس سسس"] * 9


def test_a_justified_line_whose_gaps_do_not_show_its_spaces_takes_the_files():
    """A justified column, its lines' spaces stretched to their letters' size, but one
    line's to a third of it, whose words end in letters that never join and digits: no
    two letters that would have joined show its spaces. The gaps where the file has its
    spaces do (with the page's, it was read روز22اسفند)."""
    rows = [_text_line(780 - 15 * n, 100, 194, 3 + n % 2, 12) for n in range(6)]
    rows[2] = _drawn("دسد 22 دسد 22 دسد", 750, 100)
    assert [line.text for line in page_lines(rows, [])][2] == "دسد 22 دسد 22 دسد"


def test_neither_verse_nor_spaces_in_line_are_columns():
    """Hemistichs side by side, centred in their halves: read row by row. Two lines of
    one column whose wide spaces line up, over a paragraph's last line: one column."""
    verse = [[*_text_line(780 - 20 * n, 80 + 5 * n, 260 - 5 * n),
              *_text_line(780 - 20 * n, 320 + 3 * n, 500 - 3 * n)]
             for n in range(6)]
    assert len(in_columns(verse, [])) == 1
    prose = [_text_line(780, 60, 530, 5, 10), _text_line(765, 60, 530, 5, 10), _text_line(750, 400, 530)]
    assert len(in_columns(prose, [])) == 1


def _drawn(visual: str, y: float, left: float, size: float = 12) -> list[Glyph]:
    """Glyphs as drawn, left to right from ``left``, each half ``size`` wide; a space is a
    gap of a third of it."""
    glyphs, x, word = [], left, 0
    for c in visual:
        if c == " ":
            x, word = x + size / 3, word + 1
            continue
        glyphs.append(Glyph(c, x, x + size / 2, y, size, 0, x, word, word))
        x += size / 2
    return glyphs


def _page(numbers: list[Glyph], notes: list[Glyph], lines: int = 6) -> list[list[Glyph]]:
    """A page's rows: ``lines`` lines of Persian text (12 points, 15 apart) from 700 down,
    the glyphs in ``numbers``, ``notes`` and the page's number at its foot."""
    text = [g for n in range(lines) for g in _drawn("سسسس سسسس سسسس سسسس", 700 - 15 * n, 400)]
    return rows_of([*text, *numbers, *notes, *_drawn("۵", 500, 450, 10)])


def _read(rows: list[list[Glyph]]) -> list[str]:
    return ["".join(g.text for g in row) for row in rows]


@pytest.mark.parametrize("numbers, notes", [
    # LibreOffice: the number in the text a row of its own, raised over its line, after a
    # Persian word (the letter to its right); in the note, the first glyph it is read from
    ([Glyph("2", 452, 455.5, 689.5, 7, 0, 452, 0, 0)],
     [*_drawn("سسس سسس 2", 600, 420, 10), *_drawn("سسس سسس", 588, 430, 10)]),
    # Word: in the text raised in its line's row (Persian digits), in the note raised too
    ([Glyph("۱", 452, 456, 688, 8, 0, 452, 0, 0), Glyph("۲", 452, 456, 628, 8, 0, 452, 0, 0)],
     [*_drawn("سسس سسس", 600, 420, 10), *_drawn("۱", 604, 471, 6),
      *_drawn("سسس سسس", 588, 420, 10), *_drawn("۲", 592, 471, 6)]),
    # a browser's sup: 0.83 of the line's size, raised 0.29 of it
    ([Glyph("3", 451, 456, 688.5, 10, 0, 451, 0, 0)], [*_drawn("سسس سسس 3", 600, 420, 10)]),
    # in brackets, as a wiki's page prints a reference, and in the note
    ([Glyph(c, left, left + w, 688.5, 10, 0, left, 0, 0)
      for c, left, w in (("]", 452, 0.8), ("۱", 452.8, 2.2), ("[", 455, 0.8))],
     [*_drawn("سسس سسس ]۱[", 600, 420, 10)]),
])
def test_footnotes_and_the_numbers_calling_them_are_left_out(numbers, notes):
    """A page's footnotes (smaller, at its foot under a gap, each begun by a number that
    stands raised in the text, its brackets with it) are not its text: left out, with the
    numbers; the page's number is kept for _without_running_lines. A note that runs over
    to the next page, in their size, is left out there too; small print at a foot with no
    note before it is kept."""
    line = "س" * 16
    notes_seen = Notes()
    assert _read(notes_seen.without(_page(numbers, notes))) == [line] * 6 + ["۵"]
    going_on = _page([], _drawn("سسس سسس", 600, 420, 10), lines=2)
    assert _read(notes_seen.without(going_on)) == [line, line, "۵"]
    assert _read(Notes().without(going_on)) == [line, line, "سسسسسس", "۵"]


def test_a_raised_number_after_a_digit_or_latin_letter_is_kept():
    """A power (۱۰⁶ تومان, m²) stands nearest its digit or letter, to its left: it is
    kept, even where a note on its page has its number (that note's own number, after a
    Persian word, is left out)."""
    power = rows_of([*_drawn("سسس ۱۰", 700, 400), Glyph("۶", 434.5, 438, 703, 8, 0, 434.5, 1, 1),
                    *_drawn("سسسس", 700, 442)])
    assert _read(Notes().without(power)) == ["سسس۱۰۶سسسس"]
    latin = rows_of([*_drawn("سسسس", 700, 400), *_drawn("m", 700, 432),
                    Glyph("2", 438, 441, 703, 8, 0, 438, 1, 1)])
    assert _read(Notes().without(latin)) == ["سسسسm2"]
    squared = [*_drawn("سسسس", 715, 400), *_drawn("m", 715, 432), Glyph("2", 438, 441, 718, 8, 0, 438, 1, 1)]
    called = Glyph("2", 452, 455.5, 674.5, 7, 0, 452, 0, 0)  # (over the page's third line)
    page = _page([*squared, called], _drawn("سسس سسس 2", 600, 420, 10))
    assert _read(Notes().without(page)) == ["سسسسm2", *["س" * 16] * 6, "۵"]


@pytest.mark.parametrize("drawn, read", [
    # a kashida LibreOffice maps to a Latin letter or a sign, touching two letters that join
    ("ل|Z|ی|ب|ر|د|ا", "لیبردا"), ("ب|>|>|س|ح", "بسح"), ("ن|ا|م|ا|r|ظ|ن", "ناماظن"),
    # one mapped to the kashida, as XeTeX's, drawn by the font Amiri between ل and ک (عبدالکریم)
    ("م|ی|ر|ک|\u0640|ل|ا|د|ب|ع", "میرکلادبع"),
    # a kashida beside a letter that does not join, or at a word's edge, is the text's
    ("ا|\u0640|\u0640|[", "اــ["), ("\u0640|ب", "\u0640ب"),
    # a bracket, a colon or a slash glued to a word is the text's
    (")|ه|ر|(|م|ا|م|ا", ")هر(ماما"), ("و|ر|ی|پ|:|ت|ف|گ", "وریپ:تفگ"), ("ش|ا|م|ا|د|/|ت|ل", "شاماد/تل"),
])
def test_a_kashida_mapped_to_a_sign_or_a_latin_letter_is_read_as_nothing(drawn, read):
    """A row of glyphs (left to right, each touching the next, as in a justified line)."""
    row, x = [], 100.0
    for n, text in enumerate(drawn.split("|")):
        width = 5.0 if "\u0600" <= text <= "\u06ff" else 2.0
        row.append(Glyph(text, x, x + width, 700, 12, n, x, 0, 0))
        row[-1].joins = joins_on(row[-1])
        x += width
    assert "".join(g.text for g in without_kashidas(row)) == read


def test_letters_are_read_in_the_order_they_are_drawn_from_where_one_reaches_over_the_next():
    """The font Amiri (in XeTeX's PDFs) draws کنار with its ک's stroke over the ن: the
    ک's box begins left of the ن's, but it is drawn from a point right of it (its
    origin). Read by their boxes' left edges, the word was نکار."""
    drawn = [("ر", 188.37, 194.12, 189.35), ("ا", 194.12, 197.18, 194.12),
             ("ن", 196.35, 199.92, 196.86), ("ک", 195.77, 203.65, 199.48)]
    glyphs = [Glyph(text, left, right, 700, 12, n, origin, 0, 0)
              for n, (text, left, right, origin) in enumerate(drawn)]
    assert ["".join(g.text for g in reversed(row)) for row in rows_of(glyphs)] == ["کنار"]


def test_a_kashida_drawn_out_over_itself_and_the_next_letter_is_read_as_nothing():
    """As LibreOffice draws one in a narrow justified column (where its file has notes):
    twice, each over most of the other and of the letter it draws out (pdfium's boxes)."""
    boxes = [("ه", 306.3, 312.85), ("M", 312.59, 316.34), ("M", 314.09, 317.84), ("ب", 317.59, 321.04)]
    row = [Glyph(text, left, right, 700, 12, n, left, 0, 0) for n, (text, left, right) in enumerate(boxes)]
    for g in row:
        g.joins = joins_on(g)
    assert "".join(g.text for g in without_kashidas(row)) == "هب"


@pytest.mark.parametrize("ink, stroke", [
    ((100.0, 103.74, 700.0, 701.08), True),  # a kashida's (DejaVu Sans, 12 points): flat, on the baseline
    ((100.0, 103.0, 703.1, 704.0), False),  # a hyphen's: raised
    ((100.0, 104.9, 698.1, 698.9), False),  # an underscore's: lowered
    ((100.0, 101.2, 700.0, 701.2), False),  # a dot's: as high as wide
    ((100.0, 103.1, 700.0, 700.0), False),  # none (a glyph that draws nothing)
])
def test_a_kashida_is_known_by_its_ink(ink, stroke):
    assert _a_stroke(*ink, baseline=700.0, size=12.0) is stroke


def test_a_kashida_known_by_its_ink_is_read_as_nothing_in_a_word_and_after_a_comma():
    """Drawn out over most of the letter after it (in a narrow column) and still a
    kashida, whatever the file maps it to; after a comma, to its left, left out: the gap
    is the space after the comma."""
    def glyph(text: str, left: float, right: float, stroke: bool = False) -> Glyph:
        g = Glyph(text, left, right, 700, 12, 0, left, 0, 0, stroke=stroke)
        g.joins = joins_on(g)
        return g

    drawn_out = [glyph("ه", 306.3, 312.85), glyph(UNMAPPED_GLYPH, 312.59, 316.34, True),
                 glyph(UNMAPPED_GLYPH, 314.09, 317.84, True), glyph("ب", 317.59, 321.04)]
    assert "".join(g.text for g in without_kashidas(drawn_out)) == "هب"
    # (as in «96، 8»: the 8, the kashida drawn from under the comma, the comma, 96)
    comma = [glyph("8", 267.7, 273.1), glyph(UNMAPPED_GLYPH, 276.8, 280.5, True), glyph("،", 278.6, 280.3),
             glyph("9", 281.7, 287.1), glyph("6", 288.4, 293.8)]
    assert [g.text for g in without_kashidas(comma)] == ["8", "،", "9", "6"]


def test_a_lam_alef_with_tanwin_goes_with_the_word_it_ends():
    """Chrome's «احتمالاً در»: the file puts the space before لاً, pdfium gives the
    ligature one box for its letters (split), off the glyph, nearer the next word: the
    words on its sides decide, as the word table knows them (pdfium's boxes, 16 points)."""
    drawn = [("ه", 180.69, 186.97, 95), ("د", 187.7, 193.39, 95), ("ن", 193.15, 197.0, 95),
             ("ي", 196.76, 199.8, 95), ("آ", 199.77, 203.98, 95), ("ر", 206.08, 212.36, 94),
             ("د", 212.36, 217.7, 94), ("لاً", 218.59, 223.31, 94), ("ا", 228.68, 231.32, 93),
             ("م", 231.09, 238.25, 93), ("ت", 238.03, 241.88, 93), ("ح", 241.64, 248.29, 93),
             ("ا", 249.16, 252.49, 93), ("و", 255.03, 261.31, 92)]
    row = [Glyph(text, left, right, 703.64 if text == "لاً" else 701.88, 16.0, n, left, word, word,
                 ligature=text == "لاً", split=text == "لاً")
           for n, (text, left, right, word) in enumerate(drawn)]
    assert [line.text for line in page_lines([row], [])] == ["و احتمالاً در آينده"]


def _chrome_row(drawn: list[tuple[str, float, float, int]], y: float, size: float) -> list[Glyph]:
    """A row of glyphs as pdfium gives Chrome's (left to right: text, left, right, how many
    spaces the file has before it), its lam-alefs in one box it shares among their letters."""
    return [Glyph(text, left, right, y, size, n, left, word, word, ligature=len(text) > 1, split=text == "لا")
            for n, (text, left, right, word) in enumerate(drawn)]


@pytest.mark.parametrize("drawn, y, size, read", [
    # (the gap after لا three quarters of a space, and گوآتمالا a name the word table does
    # not know: read by the gap as گوآتمالادر)
    ([("ر", 300.97, 307.24, 103), ("د", 307.24, 312.58, 103), ("لا", 315.6, 321.21, 102),
      ("ا", 323.57, 326.21, 102), ("م", 325.98, 333.14, 102), ("ت", 332.91, 335.95, 102),
      ("آ", 335.93, 340.14, 102), ("و", 339.19, 345.99, 102), ("گ", 345.77, 351.59, 102)], 606.63, 16.0,
     "گوآتمالا در"),
    # (the word table knows با and لاده, and not بالاده: it had read با لاده)
    ([("ه", 219.45, 225.72, 32), ("د", 225.72, 231.06, 32), ("لا", 231.06, 236.68, 32),
      ("ا", 239.03, 241.67, 32), ("ب", 241.44, 243.84, 32), ("و", 247.42, 253.7, 31)], 756.63, 16.0,
     "و بالاده"),
])
def test_beside_a_bare_lam_alef_the_files_spaces_tell(drawn, y, size, read):
    """Where pdfium shares a lam-alef's box among its letters (Chrome's PDFs), its gaps
    do not tell a space; beside one with no mark, the file's own spaces do (pdfium's
    boxes for Chrome's files)."""
    assert [line.text for line in page_lines([_chrome_row(drawn, y, size)], [])] == [read]


def test_a_space_is_read_where_an_alef_with_madda_reaches_over_it():
    """آ's stroke reaches over much of the space before it: in Chrome's title «رویس
    جایگزین سانچس در آرسنال» (32 points), the gap before آ is 0.39 of the line's spaces."""
    drawn = [("ل", 252.45, 269.89, 4), ("ا", 271.78, 277.8, 4), ("ن", 276.6, 285.04, 4),
             ("س", 283.84, 302.94, 4), ("ر", 303.18, 316.14, 4), ("آ", 314.89, 324.08, 4),
             ("ر", 327.44, 340.4, 3), ("د", 340.39, 351.07, 3), ("س", 358.23, 388.28, 2),
             ("چ", 387.08, 403.78, 2), ("ن", 402.57, 408.14, 2), ("ا", 411.75, 417.77, 2),
             ("س", 416.56, 435.67, 2), ("ن", 444.62, 462.16, 1), ("ی", 460.94, 467.76, 1),
             ("ز", 466.85, 482.07, 1), ("گ", 480.86, 495.34, 1), ("ی", 494.12, 500.93, 1),
             ("ا", 503.29, 509.32, 1), ("ج", 508.11, 522.17, 1), ("س", 530.7, 560.75, 0),
             ("ی", 559.54, 566.36, 0), ("و", 565.46, 578.42, 0), ("ر", 577.05, 590.01, 0)]
    row = _chrome_row(drawn, 804.63, 32.0)
    assert [line.text for line in page_lines([row], [])] == ["رویس جایگزین سانچس در آرسنال"]


def _xetex_row(drawn: list[tuple[str, float, float, float, int]], y: float) -> list[Glyph]:
    """A row of glyphs as pdfium gives XeTeX's (left to right: text, left, right, origin,
    how many spaces the file has before it), in Amiri, 11.96 points."""
    return [Glyph(text, left, right, y, 11.9552, n, origin, word, word)
            for n, (text, left, right, origin, word) in enumerate(drawn)]


def test_a_space_is_read_where_an_alef_with_madda_ending_a_word_reaches_over_it():
    """In XeTeX's line, the آ ending the first word reaches over most of the space after
    it: 0.4 of the row's."""
    drawn = [("ی", 70.87, 80.00, 70.87, 17), ("ا", 80.00, 82.59, 80.00, 17),
             ("ر", 81.60, 86.55, 82.59, 17), ("ب", 85.65, 88.27, 86.17, 17),
             ("ر", 90.22, 95.97, 91.20, 16), ("و", 95.05, 100.36, 95.97, 16),
             ("ش", 99.82, 107.16, 100.10, 16), ("ک", 106.58, 114.77, 106.89, 16),
             ("و", 116.70, 122.48, 117.69, 15), ("د", 122.48, 127.86, 122.48, 15),
             ("ی", 130.79, 139.92, 130.79, 14), ("ا", 139.92, 142.98, 139.92, 14),
             ("ه", 142.12, 148.06, 142.66, 14), ("ی", 148.07, 157.21, 148.07, 13),
             ("ر", 156.23, 161.98, 157.21, 13), ("ا", 161.98, 164.79, 161.98, 13),
             ("ک", 163.28, 170.97, 164.21, 13), ("م", 170.08, 174.30, 170.54, 13),
             ("ه", 172.54, 178.51, 173.12, 13), ("ت", 181.43, 191.06, 181.43, 12),
             ("ی", 190.06, 194.18, 190.66, 12), ("و", 194.26, 199.56, 195.18, 12),
             ("ق", 199.06, 204.03, 199.30, 12), ("ت", 203.37, 206.21, 203.82, 12),
             ("ه", 209.03, 213.44, 209.03, 11), ("ر", 212.46, 218.21, 213.44, 11),
             ("ا", 218.21, 221.27, 218.21, 11), ("ب", 220.65, 223.22, 220.95, 11),
             ("ر", 223.24, 228.99, 224.22, 11), ("د", 228.99, 234.37, 228.99, 11),
             ("س", 237.29, 250.55, 237.29, 10), ("ی", 249.88, 253.41, 250.19, 10),
             ("ل", 252.33, 255.82, 253.11, 10), ("گ", 254.46, 262.15, 255.39, 10),
             ("ن", 261.42, 263.99, 261.72, 10), ("ا", 263.99, 266.58, 263.99, 10),
             ("ر", 268.52, 273.47, 269.51, 9), ("ی", 272.57, 276.11, 273.09, 9),
             ("ز", 275.20, 280.95, 276.18, 9), ("و", 279.96, 285.74, 280.95, 9),
             ("ت", 285.75, 296.62, 285.75, 8), ("س", 296.03, 303.37, 296.31, 8),
             ("نخ", 302.75, 310.77, 303.75, 8), ("»", 313.69, 318.65, 313.69, 7),
             ("ن", 318.65, 325.49, 318.65, 7), ("و", 324.50, 330.27, 325.49, 7),
             ("ر", 330.27, 336.15, 330.27, 7), ("م", 335.71, 340.06, 335.92, 7),
             ("ا", 340.06, 342.87, 340.06, 7), ("ک", 341.17, 349.31, 342.30, 7),
             ("د", 352.24, 358.87, 352.24, 6), ("ی", 356.75, 360.03, 357.99, 6),
             ("و", 360.10, 365.41, 361.02, 6), ("ی", 364.84, 367.92, 365.14, 6),
             ("د", 367.41, 372.79, 367.41, 6), ("«", 372.79, 377.76, 372.79, 6),
             ("و", 379.70, 385.48, 380.70, 5), ("ه", 388.41, 393.23, 388.41, 4),
             ("س", 392.37, 399.01, 392.94, 4), ("ن", 398.67, 401.44, 398.82, 4),
             ("ا", 401.44, 404.03, 401.44, 4), ("ر", 403.03, 408.43, 404.03, 4),
             ("ف", 407.88, 411.66, 408.13, 4), ("ر", 413.61, 419.36, 414.59, 3),
             ("و", 418.44, 423.75, 419.36, 3), ("ه", 423.13, 428.46, 423.48, 3),
             ("م", 427.69, 431.91, 428.15, 3), ("ج", 429.87, 436.87, 430.73, 3),
             ("س", 436.89, 450.14, 436.89, 2), ("ی", 449.48, 453.00, 449.79, 2),
             ("ئ", 452.15, 455.58, 452.70, 2), ("ر", 454.60, 460.35, 455.58, 2),
             ("»", 463.27, 468.23, 463.27, 1), ("د", 468.23, 474.86, 468.23, 1),
             ("ن", 473.27, 476.02, 473.98, 1), ("ا", 476.02, 482.11, 476.02, 1),
             ("ل", 479.61, 483.69, 480.08, 1), ("و", 482.70, 488.47, 483.69, 1),
             ("ا", 488.47, 491.07, 488.47, 1), ("آ", 492.23, 497.68, 494.01, 0),
             ("و", 495.68, 500.99, 496.60, 0), ("س", 500.15, 506.80, 500.73, 0),
             ("ن", 506.45, 509.23, 506.61, 0), ("ا", 509.23, 511.82, 509.23, 0),
             ("ر", 510.82, 516.22, 511.82, 0), ("ف", 515.67, 519.45, 515.92, 0),
             ("«", 519.45, 524.41, 519.45, 0)]
    assert [line.text for line in page_lines([_xetex_row(drawn, 706.38)], [])] == [
        "«فرانسوآ اولاند» رئیسجمهور فرانسه و «دیوید کامرون» نخستوزیر انگلیس درباره تقویت"
        " همکاریهای دو کشور برای"]


def test_a_space_is_read_after_a_letter_whose_tail_reaches_under_the_next_word():
    """Amiri draws و's tail a point left of where the letter is drawn from, under the next
    word: in XeLaTeX's columns, «و پرورش» stood 0.08 of a size apart by their boxes, a
    third of the row's space, and was read as one word. From where و is drawn they stand
    0.16 apart, and the file's space decides; without one, no space (a ZWNJ's place)."""
    pe, vav = _xetex_row([("پ", 382.65, 386.16, 383.16, 1), ("و", 387.09, 392.87, 388.09, 0)], 636.77)
    for g in (pe, vav):
        g.joins = joins_on(g)
    assert _spaced(pe, vav, 0.2365)
    pe.word = 0
    assert not _spaced(pe, vav, 0.2365)


def test_letters_touching_where_a_zwnj_parts_them_show_no_space():
    """XeTeX draws پرونده‌ها's two ه touching, and pdfium puts a space between them in
    its text: the gap, none wide, is no measure of the row's spaces (every gap had been
    read as a space: پرونده ها)."""
    drawn = [("د", 389.75, 395.13, 389.75, 6), ("و", 394.21, 399.51, 395.13, 6),
             ("ش", 398.96, 406.04, 399.25, 6), ("ي", 406.05, 414.18, 406.05, 5),
             ("م", 411.47, 416.36, 411.74, 5), ("ه", 419.84, 424.25, 419.84, 4),
             ("د", 424.25, 429.63, 424.25, 4), ("و", 428.71, 434.02, 429.63, 4),
             ("ش", 433.48, 440.82, 433.75, 4), ("گ", 440.23, 448.42, 440.54, 4),
             ("ا", 451.91, 454.97, 451.91, 3), ("ن", 454.35, 456.92, 454.65, 3),
             ("ا", 456.92, 459.52, 456.92, 3), ("و", 458.52, 464.30, 459.52, 3),
             ("ا", 467.79, 470.85, 467.79, 2), ("ه", 469.99, 475.93, 470.53, 2),
             ("ه", 475.94, 480.35, 475.94, 1), ("د", 480.35, 486.98, 480.35, 1),
             ("ن", 485.39, 488.14, 486.10, 1), ("و", 487.15, 492.92, 488.14, 1),
             ("ر", 491.93, 496.88, 492.92, 1), ("پ", 495.98, 499.49, 496.49, 1),
             ("-", 502.08, 506.48, 502.08, 0)]
    read = [line.text for line in page_lines([_xetex_row(drawn, 250.87)], [])]
    assert read == ["- پروندهها وانا گشوده ميشود"]


def test_a_space_is_read_after_a_letter_drawn_with_its_mark_where_the_file_has_one():
    """A letter drawn with its mark as one glyph (نُ), off the baseline in pdfium's
    reading: its box may end short of the glyph (جدّی), and a gap after it of less than
    three quarters of a space had been read as none; a joining letter's of more than half
    one, where the file has one, is one (Chrome's «محصول نُرمال», 16 points: 0.72 of a
    space)."""
    drawn = [("ل", 377.77, 386.48, 45), ("ا", 387.61, 390.25, 45), ("م", 390.02, 395.6, 45),
             ("ر", 396.05, 403.29, 45), ("نُ", 403.23, 406.66, 45), ("ل", 409.53, 418.24, 44),
             ("و", 417.75, 424.55, 44), ("ص", 424.33, 434.96, 44), ("ح", 434.73, 442.7, 44),
             ("م", 442.47, 448.05, 44)]
    row = [Glyph(text, left, right, 701.0 if text == "نُ" else 701.88, 16.0, n, left, word, word)
           for n, (text, left, right, word) in enumerate(drawn)]
    assert [line.text for line in page_lines([row], [])] == ["محصول نُرمال"]


@pytest.mark.parametrize("drawn", [
    # (in «وَ عِیسَى», 16 points: two 2.64 points above, two as far below, which had stood
    # as far from the highest as a line apart)
    [("ی", 383.13), ("سَ", 385.77), ("ی", 383.13), ("عِ", 385.77), ("وَ", 380.49), ("ع", 383.13),
     ("وَ", 380.49), ("ل", 383.13)],
    # (in «لاَ تَقْرَبُواْ»: أَ 5.27 points above, nearer its own line than the one above)
    [("ی", 734.13), ("أَ", 739.4), ("ل", 734.13), ("لاَ", 735.89), ("ت", 734.13)],
])
def test_letters_drawn_with_their_vowels_off_the_baseline_stay_on_their_line(drawn):
    """Chrome draws a voweled letter (وَ, أَ) as one glyph, which pdfium puts off its
    line's baseline, above it or below."""
    line = [Glyph(text, 100 + 10 * n, 108 + 10 * n, y, 16.0, n, 100 + 10 * n, 0, 0)
            for n, (text, y) in enumerate(drawn)]
    above = Glyph("ب", 100, 108, drawn[0][1] + 14.25, 16.0, 9, 100, 0, 0)
    assert [[g.text for g in row] for row in rows_of([above, *line])] == [["ب"], [g.text for g in line]]


def test_a_line_drawn_under_the_pages_foot_is_not_read(tmp_path):
    """Where Chrome breaks a page, it draws a line's tallest glyphs on the page before
    too, under its foot, clipped: they are not on the page, and are not read there."""
    text = b"BT /F1 24 Tf 72 700 Td (Persian text) Tj ET BT /F1 24 Tf 72 -6 Td (clipped) Tj ET"
    (tmp_path / "foot.pdf").write_bytes(_pdf(text, _HELVETICA))
    assert read_pdf_document(tmp_path / "foot.pdf").raw_text == "Persian text"


def test_chromes_voweled_verses_keep_each_letter_and_the_words_beside_them_their_spaces():
    """voweled-chrome.pdf: Chrome's, of the project's own text quoting three Quranic
    verses with their vowels (voweled.txt). Each letter is read in its place, with its
    marks (in their canonical order: pdfium gives a shadda and a vowel either way), and
    nothing more: not the tallest glyphs of page 2's first line that Chrome draws at page
    1's foot too, clipped away (read «آ 1 کُ»). ۀ is read as typed, not as pdfium
    decomposes it (ە and a hamza). The words around lam-alefs, آ and نُ keep their spaces;
    the verses' own spaces, beside letters drawn with their vowels, are still read wrong."""
    import unicodedata

    title, *paragraphs = (PDFS / "voweled.txt").read_text(encoding="utf-8").strip().split("\n\n")
    post = read_pdf_document(PDFS / "voweled-chrome.pdf")
    assert post.title == title.replace(Z, "")

    def letters(text: str) -> str:
        return unicodedata.normalize("NFD", "".join(text.split()).replace(Z, ""))

    assert letters(post.raw_text) == letters(" ".join([title, *paragraphs]))
    for words in ["نامۀ مدرسه", "در آرسنال", "از گوآتمالا در", "از بالاده در", "حتماً لازم",
                  "محصول نُرمال"]:
        assert words in post.raw_text


def test_the_record_of_either_pdf_is_the_repaired_article():
    """Repair puts back the ZWNJs Chrome's PDF lost: the two records are one, the article
    repaired."""
    chrome, libreoffice = (parse_file(PDFS / f"article-{p}.pdf") for p in ("chrome", "libreoffice"))
    assert chrome.title == libreoffice.title == fix(TITLE)
    assert chrome.text == libreoffice.text == "\n\n".join(fix(p) for p in PARAGRAPHS)
    assert "@BaharIran7" in chrome.mentions and chrome.dates[0]["value"] == "2025-02-01"


@pytest.mark.parametrize("drawn, read", [
    # a Persian line drawn right to left; Latin, numbers, an address read left to right in it
    (list("BaharIran7@ باسح"), "حساب @BaharIran7"),
    (list("www.farsnews.ir یناشن"), "نشانی www.farsnews.ir"),
    # after a Persian word, two numbers with a dash between are two runs (the algorithm's
    # Arabic numbers); a decimal point or a thousands comma holds one together
    (list("۹۸-۹۹ لاس"), "سال ۹۹-۹۸"),
    (list("1,250 ام"), "ما 1,250"),
    # numbers an Arabic comma apart are as many runs, at a line's start as after a word
    (list("و 3/8 ،1/12 ،9/15"), "9/15، 1/12، 3/8 و"),
    # a Latin sentence's comma at a line's end, laid out with it in a Persian paragraph
    (list("cut output by 2 million barrels a day,"), "cut output by 2 million barrels a day,"),
])
def test_visual_to_logical(drawn, read):
    assert visual_to_logical(drawn, True) == read


@pytest.mark.parametrize("mapped, read", [
    # which of a pair a mirrored glyph is mapped to differs from producer to producer
    ("برنت )Brent crude(", "برنت (Brent crude)"), ("برنت )Brent crude)", "برنت (Brent crude)"),
    ("امام خمینی)ره) فرمودند: »جدّ«", "امام خمینی(ره) فرمودند: «جدّ»"),
    ("[۱] و (۲)", "[۱] و (۲)"),
    # a writer's space on the wrong side of one of a pair: read against it, where that
    # pairs two; not a list's items, which pair none
    ("نوشت:» ایران کشور ماست« و پیامبر اعظم) ص) گفت", "نوشت:« ایران کشور ماست» و پیامبر اعظم( ص) گفت"),
    ("(با خنده )من شوخی کردم", "(با خنده )من شوخی کردم"),
    ("۱) ایران ۲) عراق ۳) ترکیه", "۱) ایران ۲) عراق ۳) ترکیه"), ("الف) ایران ب) عراق", "الف) ایران ب) عراق"),
    ("از (الف) و (ب) و ۲) ج", "از (الف) و (ب) و ۲) ج"),  # (pairs side by side, not one in another)
])
def test_brackets_open_before_a_word_and_close_after_one(mapped, read):
    assert paired(mapped) == read


def test_brackets_are_read_by_the_glyphs_a_file_maps_them_to_where_its_paragraphs_show_how():
    # this file maps an opening bracket to its mirrored glyph (as drawn), as three of its
    # brackets with a space on one side show: so one with its spaces the wrong way round opens
    texts = ["او گفت: »ما« و امام خمینی )ره( فرمودند", "نوشت:» ایران"]
    assert mirrors(texts) is True
    assert mirrors([text.translate(str.maketrans("»«)(", "«»()")) for text in texts]) is False
    assert mirrors(["نوشت:» ایران"]) is None  # (one is no evidence)
    assert paired("نوشت:» ایران", mirrors(texts)) == "نوشت:« ایران"
    assert paired("نوشت:» ایران") == "نوشت:» ایران"  # (its spaces alone: it closes)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="()«»[] اب1a.:،", max_size=40), st.sampled_from([None, True, False]))
def test_pairing_turns_brackets_only(text, mirrored):
    # each bracket is read as one of its own pair, nothing else changes, and a text read
    # by its spaces alone is read so again
    read = paired(text, mirrored)
    assert len(read) == len(text)
    for a, b in zip(text, read, strict=True):
        assert a == b or {a, b} in ({"(", ")"}, {"[", "]"}, {"«", "»"})
    assert paired(read) == read if mirrored is None else True


def test_a_bracket_closes_on_the_line_after_the_one_it_opened_on():
    def line(text: str, y: float) -> Line:
        return Line(text, 100.0, 500.0, y, 12.0, True, 30.0)

    pages = [[line("او گفت: »ما به آنجا", 700.0), line("رفتیم «و برگشتیم", 685.0)]]
    assert paragraphs_of(pages) == [("او گفت: «ما به آنجا رفتیم »و برگشتیم", None)]


@pytest.mark.parametrize(("first", "second", "read"), [
    # LibreOffice breaks a word too long for its column between two letters
    ("فرهنگی،ا", "قتصادی و نیز", "فرهنگی،اقتصادی و نیز"),
    ("عکاسی،گرافی", "ک، موسیقی", "عکاسی،گرافیک، موسیقی"),
    # Chromium makes the column as wide as the word: two words the table does not know as one
    ("فرهنگی،اقتصادی", "و نیز", "فرهنگی،اقتصادی و نیز"),
    ("پاکستان", "محدودیت‌هایی", "پاکستان محدودیت‌هایی"),
])
def test_a_word_as_wide_as_its_column_goes_on_on_the_next_line_where_the_table_knows_it(first, second, read):
    column = (100.0, 250.0)

    def lines(left: float) -> list[Line]:  # (the next line's first word as wide as the column)
        return [Line(first, left, 250.0, 700.0, 12.0, True, 150.0, edges=column),
                Line(second, 100.0, 250.0, 685.0, 12.0, True, 150.0, edges=column)]

    # (the word alone on its line leaves less than a letter's room at the column's left)
    assert paragraphs_of([lines(105.0)]) == [(read, None)]
    # a word alone on its line, leaving more room: the break is a space
    assert paragraphs_of([lines(200.0)]) == [(f"{first} {second}", None)]


def test_a_number_alone_is_the_pages_only_where_it_stands_apart():
    """A number on a line of its own at a page's foot is its number where it stands
    apart from the text, as in LibreOffice's footer (1.7 of its size below); at the
    text's pitch, it ends the text, and is kept (the news agency's code 1002 was lost)."""
    def page(last: float, *footer: str) -> list[Line]:
        lines = (("گزارش از تهران", 700.0), ("انتهای‌پیام/86011/ت10/ض", 685.0),
                 *((cell, last) for cell in footer), ("1002", last))
        return [Line(text, 100.0, 500.0, y, 12.0, True, 30.0) for text, y in lines]

    def read(page: list[Line]) -> list[str]:
        return [line.text for line in without_running_lines([page])[0]]

    assert read(page(664.0))[-1] == "انتهای‌پیام/86011/ت10/ض"
    assert read(page(664.0, "خبرگزاری فارس"))[-1] == "خبرگزاری فارس"  # (a cell beside it)
    assert read(page(670.0))[-1] == "1002"


def test_a_left_to_right_line_reads_its_persian_words_back():
    drawn = [*"Tehran (", *"تهران"[::-1], *") 2025"]
    assert visual_to_logical(drawn, False) == "Tehran (تهران) 2025"


def test_files_that_are_no_readable_pdf_say_why(tmp_path):
    (tmp_path / "page.pdf").write_text("<html><body>متن</body></html>", encoding="utf-8")
    (tmp_path / "cut.pdf").write_bytes((PDFS / "article-chrome.pdf").read_bytes()[:900])
    (tmp_path / "scanned.pdf").write_bytes(_pdf(b""))
    text = b"BT /F1 24 Tf 72 700 Td (ABAB BA) Tj ET"
    (tmp_path / "unmapped.pdf").write_bytes(_pdf(text, _GLYPHS_OF_NO_LETTER))
    reasons = {}
    for name in ("page.pdf", "cut.pdf", "scanned.pdf", "unmapped.pdf"):
        with pytest.raises(PdfError) as e:
            read_pdf_document(tmp_path / name)
        reasons[name] = str(e.value)
    with pytest.raises(PdfError) as e:
        read_pdf_document(PDFS / "encrypted.pdf")
    assert reasons == {"page.pdf": "not a PDF (it does not begin with %PDF)",
                       "cut.pdf": "a damaged PDF: pdfium cannot open it (data format error)",
                       "scanned.pdf": "a PDF with no text: its pages are pictures (scanned?), which "
                                      "paknevis does not read",
                       "unmapped.pdf": "a PDF whose fonts do not say which letters their glyphs are: its "
                                       "text cannot be read"}
    assert str(e.value) == "an encrypted PDF: it needs a password"


#: a font of two glyphs (squares) named g1 and g2, which say no letter (no ToUnicode map,
#: names no list knows), as an old Persian font embedded without its map draws letters
_GLYPHS_OF_NO_LETTER = [
    b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] "
    b"/CharProcs << /g1 6 0 R /g2 6 0 R >> /Encoding << /Type /Encoding /Differences [65 /g1 /g2] >> "
    b"/FirstChar 65 /LastChar 66 /Widths [1000 1000] >>",
    b"<< /Length 38 >>\nstream\n1000 0 0 0 750 750 d1 0 0 750 750 re f\nendstream"]


def _pdf(content: bytes, font: list[bytes] | None = None) -> bytes:
    """A PDF of one page that draws ``content`` (nothing: as a scan's page holds a picture,
    no text), with ``font`` as its font F1."""
    resources = b" /Resources << /Font << /F1 5 0 R >> >>" if font else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R%s >>" % resources,
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content), *(font or [])]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_HELVETICA = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]


def test_a_glyph_drawn_far_off_the_page_is_not_read(tmp_path):
    """Bytes changed in a file may put a glyph billions of points off its page, or make it
    as wide (hypothesis found one): it is not on the page, and is not read (the search for
    columns had held a bit for each point it stood on, and ran out of memory: MemoryError).
    A page whose box does not begin at 0 is read whole."""
    data = bytearray((PDFS / "article-chrome.pdf").read_bytes())
    for at, byte in [(66496, 118), (13178, 237), (4852, 52), (588, 243), (30292, 229), (49004, 20),
                     (38492, 119), (15625, 25)]:  # (a glyph 201,347,743,680 points wide, on a page of 420)
        data[at] = byte
    (tmp_path / "far.pdf").write_bytes(data)
    assert "نشست" in read_pdf_document(tmp_path / "far.pdf").raw_text
    text = b"BT /F1 24 Tf 1072 700 Td (Persian text) Tj ET"
    moved = _pdf(text, _HELVETICA).replace(b"[0 0 595 842]", b"[1000 0 1595 842]")
    (tmp_path / "moved.pdf").write_bytes(moved)
    assert read_pdf_document(tmp_path / "moved.pdf").raw_text == "Persian text"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 82000), st.integers(0, 255)), min_size=1, max_size=20))
def test_a_damaged_pdf_is_read_or_says_why(tmp_path, changes):
    """Bytes changed anywhere: a post, or a PdfError (or no text) that says why; never
    another exception, nor a crash."""
    data = bytearray((PDFS / "article-chrome.pdf").read_bytes())
    for at, byte in changes:
        data[at % len(data)] = byte
    (tmp_path / "damaged.pdf").write_bytes(data)
    try:
        post = read_pdf_document(tmp_path / "damaged.pdf")
    except ValueError as e:  # (PdfError, or no paragraph holds any text)
        assert str(e)
    else:
        assert post.raw_text.strip()


def test_parse_process_and_fix_on_pdfs(tmp_path):
    """parse reads a PDF (by its bytes, whatever its name); process makes a record of
    each in a folder and a reject, with its reason, of one it cannot read; fix says it
    cannot write one."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "article.pdf").write_bytes((PDFS / "article-libreoffice.pdf").read_bytes())
    (folder / "locked.pdf").write_bytes((PDFS / "encrypted.pdf").read_bytes())
    (folder / "saved-without-suffix").write_bytes((PDFS / "article-chrome.pdf").read_bytes())
    r = run("parse", str(folder / "saved-without-suffix"))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["title"] == fix(TITLE)
    r = run("process", str(folder), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    [record] = map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
    assert (Path(record["input"]).name, record["title"]) == ("article.pdf", fix(TITLE))
    [reject] = map(json.loads, (tmp_path / "out.rejects.jsonl").read_text().splitlines())
    assert (Path(reject["input"]).name, reject["reason"]) == (
        "locked.pdf", "an encrypted PDF: it needs a password")
    r = run("fix", str(folder / "article.pdf"))
    assert r.returncode == 2 and not r.stdout
    assert "article.pdf: a PDF, which paknevis fix cannot write" in r.stderr.decode()
