"""A page set in columns, read column by column: where its gutters are, and which runs of
rows they cut into columns of text (not verse side by side, nor a table's cells)."""
from __future__ import annotations

import bisect
import re
import statistics
import unicodedata
from collections import Counter

from .glyphs import Glyph, edges_of, is_rtl, rows_of

#: a gutter between columns is at least this wide (in font sizes: wider than most of a
#: justified line's spaces, which a run of lines does not line up); a run of columns is
#: more than this many rows, one side holding that many lines at least; in one side, half
#: the lines fill this share of its width (see _runs_on)
_GUTTER, _COLUMN_ROWS, _FULL = 0.7, 3, 0.6
#: ... or more than this many, in columns as wide as one another within this share
_FEW_ROWS, _EVEN = 2, 0.15
#: a column's line stands flush against a gutter within this share of its size
_FLUSH = 0.3
#: ... or is a paragraph's first line, indented from it by less than this many sizes
_INDENT = 4
#: a glyph may reach over a gutter's edge by this share of its size (see _runs)
_REACH = 0.15
#: a row further below the one before than this (in font sizes) is not in their columns
_APART = 4


def in_columns(rows: list[list[Glyph]], known: list[tuple[float, float]],
               ) -> list[tuple[list[list[Glyph]], tuple[float, float] | None]]:
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
    parts: list[tuple[list[list[Glyph]], tuple[float, float] | None]] = []
    done = 0  # (the rows before are in parts)
    for start, end, gutters in runs:
        start, strips, sides = _sides(rows, masks, sizes, left, start, end, gutters, done)
        if not _runs_on(sides, strips, all(any(a < b_ and a_ < b for a_, b_ in known) for a, b in strips)):
            continue
        if start > done:
            parts.append((rows[done:start], None))
        glyphs = [[g for row in side for g in row] for side in sides]
        letters = Counter(unicodedata.bidirectional(c) for side in glyphs for g in side for c in g.text)
        for side in reversed(glyphs) if is_rtl(letters) else glyphs:
            parts.append((rows_of(side), (min(g.left for g in side), max(g.right for g in side))))
        done = end
    if done < len(rows):
        parts.append((rows[done:], None))
    return parts


def _sides(rows: list[list[Glyph]], masks: list[int], sizes: list[float], left: float, start: int, end: int,
           gutters: list[tuple[int, int]], done: int,
           ) -> tuple[int, list[tuple[float, float]], list[list[list[Glyph]]]]:
    """A run's first row (without a heading's last line before its own size; with the
    rows above, after ``done``, on one side of its gutters), its gutters' strips, and its
    glyphs on each side of them, row by row."""
    strip = _inset(gutters, 1)  # (a glyph's edge is rounded to a point)
    size = statistics.median(sizes[start:end])
    while start < end and abs(sizes[start] - size) > 0.1 * size:
        start += 1
    while start > done and not masks[start - 1] & strip and abs(sizes[start - 1] - size) < 0.1 * size:
        start -= 1
    strips = [(left + a, left + b) for a, b in gutters]
    middles = [(a + b) / 2 for a, b in strips]
    return start, strips, [[[g for g in row if bisect.bisect(middles, (g.left + g.right) / 2) == k]
                            for row in rows[start:end]] for k in range(len(gutters) + 1)]


def _runs(rows: list[list[Glyph]], masks: list[int], sizes: list[float],
          ) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of rows (the first, and past the last) that no glyph stands on in some strips
    between their glyphs (the gutters, in ``masks``' points), each strip wider than _GUTTER.
    A row with no gutter (a heading over two of three columns) begins no run with the row
    after it where that row is in another size, or shows more gutters alone than with it
    (a column's short first line, above the next column's, does begin one)."""
    size = statistics.median(sizes)
    width, reach = max(1, round(_GUTTER * size)), round(_REACH * size)
    runs: list[tuple[int, int, list[tuple[int, int]]]] = []
    start, seen = 0, 0  # (the run's first row, and its rows' glyphs, as bits)
    gutters: list[tuple[int, int]] = []
    for n, mask in enumerate(masks):
        inside = mask
        if n - start > _COLUMN_ROWS:  # (gutters a run of rows shows: a glyph may reach over their edges)
            inside &= ~(_inset(gutters, 0) & ~_inset(gutters, reach))  # (but their edges' points)
        below = n > 0 and rows[n - 1][0].y - rows[n][0].y < _APART * sizes[n]
        found = below and _gutters(seen | inside, width)
        if found and (gutters or abs(sizes[start] - sizes[n]) < 0.1 * sizes[n]
                      and len(found) >= len(_gutters(mask, width))):
            seen, gutters = seen | inside, found
        else:
            if gutters:
                runs.append((start, n, gutters))
            start, seen, gutters = n, mask, _gutters(mask, width)
    if gutters:
        runs.append((start, len(rows), gutters))
    return _joined(runs, masks, width, reach)


def _joined(runs: list[tuple[int, int, list[tuple[int, int]]]], masks: list[int], width: int, reach: int,
            ) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The runs, each that follows the one before with gutters in the same strips (``width``
    but a point, in common) made one, where no row between them stands in those strips but
    ``reach`` from their edges, and the two are more than _COLUMN_ROWS rows: a glyph
    that reaches over a gutter's edge (Amiri's آ's stroke), or a point's difference where
    a gutter is just wide enough, narrows it too much to be seen with the rows above and
    below, and the columns' halves would be read one after the other, the right's and the
    left's above, then below. (Two runs shorter than a run of columns make none.)"""
    groups: list[tuple[list[tuple[int, int, list[tuple[int, int]]]], list[tuple[int, int]]]] = []
    for run in runs:
        start, _, gutters = run
        if groups and len(groups[-1][1]) == len(gutters):
            runs_before, strips = groups[-1]
            both = [(max(a, c), min(b, d)) for (a, b), (c, d) in zip(strips, gutters, strict=True)]
            inner = _inset(both, reach)
            if all(b - a >= width - 1 for a, b in both) and not any(
                    mask & inner for mask in masks[runs_before[-1][1]:start]):
                groups[-1] = ([*runs_before, run], both)
                continue
        groups.append(([run], gutters))
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    for group, strips in groups:
        first, last = group[0][0], group[-1][1]
        out += [(first, last, strips)] if last - first > _COLUMN_ROWS else group
    return out


def _inset(gutters: list[tuple[int, int]], points: int) -> int:
    """The points of these gutters but ``points`` at each of their edges, as the bits of an int."""
    return sum(((1 << max(0, b - a - 2 * points)) - 1) << (a + points) for a, b in gutters)


def _covered(row: list[Glyph], left: float) -> int:
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


def _even(sides: list[list[list[Glyph]]]) -> bool:
    """Are the sides of gutters (each side, its glyphs in each row of a run) as wide as one
    another, within _EVEN of the widest, as a page's columns are? (Not if one is empty.)"""
    lines = [[row for row in side if row] for side in sides]
    if not all(lines):
        return False
    widths = [right - left for left, right in map(edges_of, lines)]
    return min(widths) >= (1 - _EVEN) * max(widths)


def _runs_on(sides: list[list[list[Glyph]]], gutters: list[tuple[float, float]], known: bool) -> bool:
    """Do these sides of gutters (each side, its glyphs in each row of a run) hold text
    that runs on from line to line, column by column?

    - The run is more than _COLUMN_ROWS rows, and each side holds a line at least (a
      column's last line may stand alone at the top of the next). Where the gutters are
      ``known`` (found on a page before), two rows are enough, and the flush lines alone
      tell. Where the sides are as wide as one another (_even), as columns are, more than
      _FEW_ROWS rows are enough (a short article's), and two flush lines tell: not where
      a page of one column has a gap of its words line up over a few rows.
    - Beside each gutter, one side's lines stand flush against it (a justified column's
      lines on both; a ragged one's on the side its lines begin), or indented from it as
      paragraphs' first lines are (_indents). Word spaces that happen to line up in a page
      of one column do not.
    - In one side at least, half the lines fill _FULL of its width (in a table, none: its
      cells are short).
    - A line at least is flush with one of its column's edges and stops short of the
      other, as a paragraph's lines do where ragged, or its last line does. (Verse set
      side by side looks alike, a couplet's hemistichs side by side in a row, but each
      hemistich is centred, or justified to both edges.)"""
    least = 1 if known else _FEW_ROWS if _even(sides) else _COLUMN_ROWS
    if len(sides[0]) <= least:
        return False
    filled = ragged = known
    for side in sides:
        lines = [row for row in side if row]
        if not lines:
            return False
        left, right = edges_of(lines)
        full = sum(row[-1].right - row[0].left >= _FULL * (right - left) for row in lines)
        filled = filled or 2 * full >= len(lines)
        ragged = ragged or any(min(edges) < 0.5 * row[0].size and max(edges) > row[0].size
                               for row in lines for edges in [(row[0].left - left, right - row[-1].right)])
    indents = _indents(sides)
    for (a, b), before, after in zip(gutters, sides, sides[1:], strict=False):
        edges = ([(row[-1].right - a, row[-1].size) for row in before if row],
                 [(row[0].left - b, row[0].size) for row in after if row])
        flush = [sum(abs(gap) < _FLUSH * size or round(abs(gap)) in indents for gap, size in side)
                 for side in edges]
        if not any(len(side) >= least and 5 * n >= 4 * len(side)  # (of _COLUMN_ROWS lines at least)
                   for side, n in zip(edges, flush, strict=True)):
            return False  # (four lines in five, flush or indented)
    return filled and ragged


def _indents(sides: list[list[list[Glyph]]]) -> set[int]:
    """The gaps (in points) by which paragraphs' first lines are indented from their
    column's edge: under _INDENT sizes, and found twice or more, to a point, at the columns'
    edges (a paragraph's first line stands off the gutter as much as another's stands off
    the page's edge). LaTeX's and Word's columns indent, and a news article's paragraphs
    are short: a fifth of a column's lines or more may be first lines."""
    gaps: Counter = Counter()
    for side in sides:
        lines = [row for row in side if row]
        if lines:
            left, right = edges_of(lines)
            gaps.update(round(gap) for row in lines for gap in (row[0].left - left, right - row[-1].right)
                        if _FLUSH * row[0].size <= gap < _INDENT * row[0].size)
    return {gap + d for gap in gaps if gaps[gap - 1] + gaps[gap] + gaps[gap + 1] > 1 for d in (-1, 0, 1)}
