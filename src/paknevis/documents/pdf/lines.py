"""A page's lines in reading order, each with its text: the glyphs on one baseline, column by
column, cut where they stand as far apart as a table's cells, their spaces read from the
gaps between them (and, where the gaps do not tell, from the word table)."""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from .bidi import visual_to_logical
from .columns import in_columns
from .glyphs import Glyph, edges_of, is_rtl, joins_on
from .kashidas import without_kashidas

#: a space's width (in font sizes) where a page shows none; glyphs further apart than
#: _CELL on a row stand in two cells of a table, or are two hemistichs of a couplet
_SPACE, _CELL = 0.25, 2.5
#: a space's width (in font sizes) at most, in a line not stretched to justify it, where
#: the page does not show one
_NATURAL = 0.3
#: ... and at least, in any line: a narrower gap where the file has a space is no
#: space's width (pdfium moves a space across a mark or a bracket: see _spaced)
_NARROWEST = 0.15
#: where a line's glyphs do not tell for sure whether a space stands, and where they say
#: it does (noncharacters: no text holds them)
UNSURE, UNSURE_SPACE = "\ufdd2", "\ufdd3"
_UNSURE_EITHER = re.compile(f"([{UNSURE}{UNSURE_SPACE}])")
#: the mark a lam-alef often carries (کاملاً), whose glyph's box pdfium places off it (_spaced)
_TANWIN = "\u064b"
#: a word as the word table writes its keys: without marks, ZWNJ or tatweel, in Persian
#: letters (a PDF holds what was typed: ي، ك)
_AS_TABLE_WRITES = {**dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x200C, 0x0640]),
                    ord("ي"): "ی", ord("ى"): "ی", ord("ك"): "ک"}
#: the letters at a line's end, and at its start (a word's, without its point or comma)
_WORD_END, _WORD_START = re.compile(r"[^\W\d_]+$"), re.compile(r"[^\W\d_]+")


@dataclass
class Line:
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


def page_lines(page: list[list[Glyph]], gutters: list[tuple[float, float]]) -> list[Line]:
    """A page's lines in reading order, from its rows (see rows_of): its columns one after
    the other, and in each, top to bottom, the glyphs on one baseline, cut where they stand
    as far apart as a table's cells. (``gutters``: those between columns found on the
    pages before: see in_columns.)"""
    parts = in_columns(page, gutters)
    for rows, _ in parts:
        for row in rows:
            baseline = statistics.median(g.y for g in row)
            for g in row:
                g.joins = joins_on(g)
                g.displaced = abs(g.y - baseline) > 0.04 * g.size
    parts = [([kept for row in rows if (kept := without_kashidas(row))], edges) for rows, edges in parts]
    lines: list[Line] = []
    for (rows, edges), spaces in zip(parts, _row_spaces([rows for rows, _ in parts]), strict=True):
        first = len(lines)
        sizes = [statistics.median(g.size for g in row) for row in rows]
        for row, size, rtl, space in zip(rows, sizes, _directions(rows, sizes), spaces, strict=True):
            cut = [n for n in range(1, len(row)) if row[n].left - row[n - 1].right > _CELL * size]
            cells = [row[a:b] for a, b in pairwise([0, *cut, len(row)])]
            lines += [_line(cell, size, rtl, space) for cell in (reversed(cells) if rtl else cells)]
            if cut and min(map(len, cells)) > 1:  # (not a glyph alone, far from its line: a mark's)
                for line in lines[-len(cells):]:
                    line.cell = True
        for line in lines[first:]:
            line.edges = edges
        if first and first < len(lines):
            lines[first].new_part = True
    return lines


def _row_spaces(parts: list[list[list[Glyph]]]) -> list[list[float]]:
    """A space's width in each row of a page's parts (its columns), in font sizes: the
    row's own, where its glyphs show it (see _space_width). A justified line's spaces are
    stretched, each line's its own: one gap shows them, else the gaps where the file has
    its spaces (_filed_space), else the page's. A line that stops short of its part's
    width (a paragraph's last), or in a part not justified (a title above the columns), is
    not stretched: where it shows too little, its spaces are those of such lines on the
    page, or no wider than _NATURAL (in narrow columns, the stretched spaces of the rest
    are twice as wide: a title's spaces, half as wide, were read as none, پرسپولیسیها با
    35نفرعازم)."""
    space = _space_width([row for rows in parts for row in rows])
    shorts = [_short(rows) for rows in parts]
    unstretched = [row for rows, short in zip(parts, shorts, strict=True)
                   for row, is_short in zip(rows, short, strict=True) if is_short]
    natural = min(space, _space_width(unstretched, 2, _NATURAL))
    out = []
    for rows, short in zip(parts, shorts, strict=True):
        justified = _justified(rows)
        out.append([_space_width([row], 1, _filed_space(row, space)) if justified and not is_short
                    else _space_width([row], 2, natural) for row, is_short in zip(rows, short, strict=True)])
    return out


def _filed_space(row: list[Glyph], page: float) -> float:
    """A justified line's space where no two letters that would have joined show it (its
    words end in ا، د، ر، و or digits): the median of the gaps where the file puts its
    spaces, if two or more are as wide as a narrow space; else ``page``'s."""
    gaps = [gap for _, _, gap in _filed_gaps(row)]
    return statistics.median(gaps) if len(gaps) >= 2 else page


def _filed_gaps(row: list[Glyph]) -> list[tuple[Glyph, Glyph, float]]:
    """Each two glyphs side by side where the file puts a space between them, and their
    gap (in font sizes), but a gap narrower than any space (_NARROWEST: pdfium moves a
    space across a mark or a bracket; XeTeX draws two letters a ZWNJ parts touching,
    پرونده‌ها, and pdfium puts a space in its text there)."""
    return [(a, b, gap) for a, b in pairwise(row)
            if a.word != b.word and (gap := (b.left - a.right) / a.size) > _NARROWEST]


def _short(rows: list[list[Glyph]]) -> list[bool]:
    """Does each row stop short of its part's width, as its lines in the text's size stand
    (a paragraph's last line, a ragged line: its spaces are not stretched to justify it)?"""
    if not rows:
        return []
    size = statistics.median_low(row[0].size for row in rows)
    text = [row for row in rows if abs(row[0].size - size) < 0.1 * size]
    left, right = edges_of(text)
    return [row[-1].right - row[0].left < right - left - row[0].size for row in rows]


def _justified(rows: list[list[Glyph]]) -> bool:
    """Are most of a part's rows flush with both its edges (justified: a line's spaces are
    stretched, each line's its own)?"""
    if len(rows) < 3:
        return False
    left, right = edges_of(rows)
    flush = sum(row[0].left - left < 0.25 * row[0].size and right - row[-1].right < 0.25 * row[0].size
                for row in rows)
    return 5 * flush >= 3 * len(rows)


def _directions(rows: list[list[Glyph]], sizes: list[float]) -> list[bool]:
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
    page_rtl = is_rtl(sum(kinds, Counter()))
    left, right = edges_of(rows)
    directions, below = [], None  # (what the nearest line below that tells says: bottom up)
    for row, size, kind in zip(reversed(rows), reversed(sizes), reversed(kinds), strict=True):
        flush_left, flush_right = row[0].left - left < size, right - row[-1].right < size
        if flush_left != flush_right:
            below = flush_right
        if is_rtl(kind):
            directions.append(True)
        elif not kind["AL"] + kind["R"] and not page_rtl:
            directions.append(False)
        else:
            directions.append(page_rtl if below is None else below)
    return directions[::-1]


def _space_width(rows: list[list[Glyph]], least: int = 5, page: float = _SPACE) -> float:
    """A space's width in these lines (a page's, or a line's: a justified line's spaces
    are its own), in font sizes: where two letters stand apart that would have joined and
    the file puts a space between them (the surest spaces, but a gap narrower than any:
    see _filed_gaps; XeTeX's row's space had been read as none wide, and its ZWNJs as
    spaces); not where a note's number stood. ``page``'s where fewer than ``least`` tell."""
    gaps = [gap for row in rows for a, b, gap in _filed_gaps(row)
            if b.joins and a.joins is not None and not (a.by_number and b.by_number)]
    return statistics.median(gaps) if len(gaps) >= least else page


def _spaced(a: Glyph, b: Glyph, space: float) -> bool | None:
    """Does a space stand between two glyphs side by side (``a`` to the left)?

    Their gap says it, more than half a space's. But between two letters, a letter that does
    not join the next (ا، د، ر، و) or stands before a ZWNJ that pdfium does not give stands
    apart by its side, as far as a narrow space, and a letter with a long stroke (آ) may
    reach over most of the space before or after it (در آرسنال، فرانسوآ اولاند): where the
    gap could be either, the file's own space decides. (The file's spaces alone would not
    do: pdfium moves a bracket, a point, a ligature or a letter's mark across them, and a
    glyph off its line's baseline.) To the right of such a glyph (دّ, drawn as one),
    pdfium's box may end short of the glyph's (جدّی), and a space is a gap of three quarters
    of one; or of more than half one where the file has one and the glyph's letter joins on
    (نُ in محصول نُرمال: a د's box ends short). Beside a glyph whose box pdfium shared among
    its letters (لا, in Chrome's PDFs), its gaps do not tell: between it and a bare letter
    or digit, the file's spaces do (گوآتمالا در, بالاده). Beside a mark or a sign, where the
    gap could be either, it is None: the words on its sides decide. So too, however narrow
    the gap, beside one with a tanwin (لاً): Chrome's file puts the space after it on its
    other side (مثلاً اگر as مث لاًاگر), and pdfium's box stands off the glyph's, nearer the
    next word."""
    gap = (b.left - a.right) / min(a.size, b.size)
    if b.joins is False and b.left < b.origin and len(a.text) == len(b.text) == 1:
        # (a و's, ر's or ز's tail, in Amiri, reaches left of where it is drawn from, under the
        # next word: the space is the gap from there, و پرورش; not so beside a mark)
        gap = (min(b.origin, b.right) - a.right) / min(a.size, b.size)
    split = [g for g in (a, b) if g.split]
    if split and gap < 1.5 * space:
        if a.text.isalnum() and b.text.isalnum():  # (no mark, no sign: see above)
            return a.word != b.word
        if gap > 0.4 * space or any(_TANWIN in g.text for g in split):
            return None  # (neither its gap nor the file's spaces tell for sure: see settle_unsure)
    if a.displaced:  # (its right edge is no glyph's)
        return gap > 0.75 * space or bool(a.joins and gap > 0.5 * space and a.word != b.word)
    least = 0.25 if "آ" in (a.text[:1], b.text[-1:]) else 0.4  # (آ at the space's side: see above)
    if (b.joins is not None and a.joins is not None and least * space < gap < 0.8 * space
            and not (a.ligature or b.ligature or b.displaced)):
        return a.word != b.word
    return gap > 0.5 * space


def _line(glyphs: list[Glyph], size: float, rtl: bool, space_width: float) -> Line:
    """One line's text, from its glyphs left to right."""
    cells: list[str] = []
    words: list[tuple[float, float]] = []  # (the left and right of what a line may not break, left to right)
    for n, g in enumerate(glyphs):
        space = n > 0 and _spaced(glyphs[n - 1], g, space_width)
        if space is None:  # (the words decide, else the gap: a space where most of one)
            gap = (g.left - glyphs[n - 1].right) / g.size
            cells.append(UNSURE_SPACE if gap > 0.8 * space_width else UNSURE)
        elif space:
            cells.append(" ")
        if not words or space and g.run != glyphs[n - 1].run:
            words.append((g.left, g.right))
        else:
            words[-1] = (words[-1][0], g.right)
        cells.append(g.text)
    first = words[-1] if rtl else words[0]
    return Line(settle_unsure(visual_to_logical(cells, rtl)), glyphs[0].left, glyphs[-1].right,
                statistics.mean(g.y for g in glyphs), size, rtl, first[1] - first[0])


def settle_unsure(text: str) -> str:
    """A space, or none, where a line's glyphs do not tell for sure (UNSURE, or
    UNSURE_SPACE where the gap is most of a space; or where a word may have been broken
    at a line's end, see paragraphs._broke_word): none where the two words make one
    that the word table has seen more than once, and as often as the rarer of them (کام +
    لاً: کاملاً); a space where it does not know the two as one but knows each (حتماً لازم;
    بالا بردن, though it knows بالابردن, seen less often than either); else as the gap
    says (a name it does not know)."""
    if UNSURE not in text and UNSURE_SPACE not in text:
        return text
    from ...repair.pipeline import shipped_lexicon  # (the repair's own: loaded once)

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
            space = mark == UNSURE_SPACE
        out += (" " if space else "") + part
    return out
