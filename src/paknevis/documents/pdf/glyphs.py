"""A PDF page's glyphs, as pdfium gives them: each one's letters (a ligature's several, a
letter with its marks and a ZWNJ after it) and where it stands; and the rows they stand in."""
from __future__ import annotations

import bisect
import ctypes
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

#: the letters that do not join the letter after them: after one, a word's next letter
#: stands apart by the glyph's side, as a space may
_RIGHT_JOINING = frozenset("اآأإٱدذرزژوؤةءۀ")
#: a lam-alef ligature's letters as pdfium gives them where it turned their run around
#: (lam comes first, in every word that has one)
_LAM_ALEF = re.compile("^([اآأإٱ])(ل)$")
#: a line on the same baseline as the one before within this share of its size; a mark
#: may be drawn raised or lowered from its letter's by up to the second
_BASELINE, _MARK_RAISED = 0.3, 0.6
#: a mark on a letter (a vowel, a shadda, a hamza), pdfium may draw with it as one glyph (see rows_of)
_VOWELED = re.compile("[\u064b-\u065f\u0670]")
#: ۀ as pdfium gives it, decomposed (ە, a letter no Persian word has, and a hamza above):
#: composed again where the hamza goes with its letter (_marks_onto)
_HAMZA_ABOVE = "\u0654"
_HEH_YEH_DECOMPOSED = "\u06d5" + _HAMZA_ABOVE
#: a page's margins, in shares of its height, at most: where glyphs may be drawn clipped away
_MARGIN = 0.2
#: a glyph pdfium can map to no letter, in its place until it is known for a kashida or
#: dropped (a noncharacter: no text holds one)
UNMAPPED_GLYPH = "\ufdd4"
#: spaces, and the line ends pdfium puts in
_SPACES = frozenset((0x09, 0x0A, 0x0D, 0x20, 0xA0))
#: a kashida's stroke, in shares of its font's size: ink at most this high, on the baseline
#: (within the second), and more than twice as wide as high (a period's ink is a dot; an
#: ellipsis, as wide, pdfium maps to periods, which are not asked)
_STROKE_HEIGHT, _STROKE_ON_BASELINE = 0.15, 0.03


@dataclass
class Glyph:
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
    #: beside a note's number, left out (see :mod:`.notes`): the gap where it stood, wider
    #: than a space, is no measure of the line's spaces
    by_number: bool = False
    #: a glyph of no letter (UNMAPPED_GLYPH) whose ink is a kashida's stroke (see _a_stroke)
    stroke: bool = False


def page_glyphs(page) -> tuple[list[Glyph], int]:  # noqa: ANN001  (a pypdfium2 PdfPage)
    """A page's glyphs (a ligature's letters, a letter's marks, as one), and how many
    glyphs pdfium could not map to a letter. Spaces and line ends are not glyphs here."""
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        ink = [ctypes.c_double() for _ in range(4)]
        at_ink = [ctypes.byref(edge) for edge in ink]
        # (pdfium's calls bound once, on the page's bare handle: a page may have thousands of glyphs)
        handle, at_box, at_x, at_y = text.raw, ctypes.byref(box), ctypes.byref(x), ctypes.byref(y)
        unicode_of, unmapped = raw.FPDFText_GetUnicode, raw.FPDFText_HasUnicodeMapError
        box_of, origin_of = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        size_of, ink_of = raw.FPDFText_GetFontSize, raw.FPDFText_GetCharBox
        left, bottom, right, top = page.get_bbox()  # (where the page is: its box need not begin at 0)
        width, margin = right - left, _MARGIN * (top - bottom)
        object_of = raw.FPDFText_GetTextObject
        clips: dict[int, tuple[float, float, float, float] | None] = {}  # (by text object)
        letters: list[Glyph] = []
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
            if unmapped(handle, i):  # (kept in its place: it may be a kashida, see without_kashidas)
                lost += 1
                letter = UNMAPPED_GLYPH
            elif u in (0x200B, 0xFFFE, 0xFFFF) or 0xD800 <= u < 0xE000:
                continue
            else:
                letter = chr(u)
            box_of(handle, i, at_box)
            if not left - width < box.left <= box.right < right + width:  # (off the page: a damaged file's)
                continue
            origin_of(handle, i, at_x, at_y)
            if not bottom <= y.value <= top:  # (drawn under the page's foot: see _clipped)
                continue
            if not bottom + margin < y.value < top - margin:  # (only there: pdfium's calls cost)
                if _clipped(x.value, y.value, object_of(handle, i), clips, raw):
                    continue
            if letter == "\u200c" or unicodedata.combining(letter):
                marks.append((letter, box.left, box.right, x.value, y.value, word))
                continue
            size = size_of(handle, i)
            # (a kashida a file maps to a code of its font's subset, as a letter, sign or control
            # code, or to none: which one, its ink shows; a period's is not asked, see _a_stroke)
            stroke = False
            if u < 0x100 and u != 0x2E:
                ink_of(handle, i, *at_ink)
                ink_left, ink_right, ink_bottom, ink_top = (edge.value for edge in ink)
                stroke = _a_stroke(ink_left, ink_right, ink_bottom, ink_top, y.value, size)
                if stroke:
                    letter = UNMAPPED_GLYPH
                elif u < 0x20:
                    continue
            glyph = Glyph(letter, box.left, box.right, y.value, size, i, x.value, word, run, stroke=stroke)
            shared = bool(letters) and _same_origin(letters[-1], glyph)
            if (letters and UNMAPPED_GLYPH not in (letter, letters[-1].text)
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


def _clipped(x: float, y: float, obj, clips: dict[int, tuple[float, float, float, float] | None],
             raw) -> bool:  # noqa: ANN001
    """Is a glyph's origin (``x``, ``y``) outside its text object's clip path: not drawn?
    (Not its box's middle: a letter's mark may reach far over its line.) Where Chrome
    breaks a page, it draws a line's tallest glyphs (آ, کُ) on the page before too, under
    its text, clipped away: in its margin, or under its foot. (``clips``: each text
    object's, as found: None where it has none.)"""
    key = ctypes.cast(obj, ctypes.c_void_p).value or 0
    if key not in clips:
        clip, at_x, at_y = raw.FPDFPageObj_GetClipPath(obj), ctypes.c_float(), ctypes.c_float()
        bounds = []  # (each path's: the clip is where they all are)
        for n in range(raw.FPDFClipPath_CountPaths(clip)):  # (-1 where the object has no clip)
            xs, ys = [], []
            for segment in range(raw.FPDFClipPath_CountPathSegments(clip, n)):
                raw.FPDFPathSegment_GetPoint(raw.FPDFClipPath_GetPathSegment(clip, n, segment), at_x, at_y)
                xs.append(at_x.value)
                ys.append(at_y.value)
            if xs:
                bounds.append((min(xs), min(ys), max(xs), max(ys)))
        clips[key] = (max(b[0] for b in bounds), max(b[1] for b in bounds),
                      min(b[2] for b in bounds), min(b[3] for b in bounds)) if bounds else None
    shown = clips[key]
    if shown is None:
        return False
    left, bottom, right, top = shown
    return not (left <= x <= right and bottom <= y <= top)


def _a_stroke(left: float, right: float, bottom: float, top: float, baseline: float, size: float) -> bool:
    """Is a glyph's ink (pdfium's tight box) a kashida's stroke: flat, on the baseline?
    LibreOffice maps the kashidas it justifies a line with to no letter, or to whichever
    Latin letter, digit or sign its font's subset has at their code («نظrامی», «ساز(7)9،»,
    a whole article's to «(»). No such glyph is flat on the baseline: a hyphen is raised,
    an underscore lowered."""
    height = top - bottom
    return (0 < height < _STROKE_HEIGHT * size and right - left > 2 * height
            and abs(bottom - baseline) < _STROKE_ON_BASELINE * size)


def _same_glyph(a: Glyph, b: Glyph) -> bool:
    """Are two letters, one after the other, one glyph (a ligature, to which pdfium gives
    each of its letters the glyph's box)? (Where pdfium splits a ligature's box among its
    letters, they are read as any letters side by side.)"""
    overlap = min(a.right, b.right) - max(a.left, b.left)
    return (a.word == b.word and overlap > 0.8 * max(a.right - a.left, b.right - b.left)
            and abs(a.y - b.y) < _BASELINE * a.size)


def _same_origin(a: Glyph, b: Glyph) -> bool:
    """Are two letters, one after the other, drawn from one point (one glyph, whose box
    pdfium shares among them: the first's share is narrow, under half the font's size)?"""
    return abs(a.origin - b.origin) < 0.01 and abs(a.y - b.y) < 0.01 and a.right - a.left < 0.5 * a.size


def _marks_onto(letters: list[Glyph], marks: list[tuple[str, float, float, float, float, int]]) -> None:
    """Each mark (a fatha, a shadda) goes with the letter it is drawn on: the one drawn
    from the same point (one glyph, whose box pdfium shares among them), else on its
    baseline the one under its middle, else the nearest, of its word's where one is under
    it (pdfium may put a mark far from its letter in its text, even across a line). A ZWNJ goes after
    the letter whose left it stands at (the one before it, in a Persian line). A mark
    edge to edge with its letter widens it (pdfium may share a glyph's width between a
    letter and its mark, as in «دّ»: the letter would seem to stand apart from the next)."""
    by_baseline: dict[int, list[Glyph]] = {}  # (by their baselines, four points apart)
    for g in letters:
        if g.text != UNMAPPED_GLYPH:
            by_baseline.setdefault(int(g.y // 4), []).append(g)

    def distance(g: Glyph, at: float, mark: str) -> float:
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
            if mark == _HAMZA_ABOVE:
                under.text = under.text.replace(_HEH_YEH_DECOMPOSED, "ۀ")
            if mark != "\u200c" and min(abs(right - under.left), abs(left - under.right)) < 0.02 * under.size:
                under.left, under.right = min(under.left, left), max(under.right, right)


def rows_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline, top to bottom; in each, left to right. pdfium puts a letter
    drawn with its vowel as one glyph (وَ، أَ, in voweled Arabic) off its line's
    baseline, by up to half a size above it or a quarter below: such a glyph goes on the
    row whose baseline (where most of its glyphs stand) is nearest (one above a line and
    one below may stand further apart than one row's glyphs do, and one raised may stand
    as near the line above as its own: Chrome's had been read as lines of their own)."""
    voweled = [g for g in glyphs if len(g.text) > 1 and _VOWELED.search(g.text)]
    if not voweled:
        return _rows(glyphs)
    apart = set(map(id, voweled))
    rows = _rows([g for g in glyphs if id(g) not in apart])
    heights = [Counter(g.y for g in row).most_common(1)[0][0] for row in rows][::-1]  # (rising)
    far = []  # (near no row's baseline: rows of their own)
    for g in voweled:
        n = bisect.bisect(heights, g.y)
        k = min((k for k in (n - 1, n) if 0 <= k < len(heights)), key=lambda k: abs(heights[k] - g.y),
                default=None)
        if k is not None and abs(heights[k] - g.y) < _MARK_RAISED * g.size:
            row = rows[len(heights) - 1 - k]
            row.insert(bisect.bisect(row, _left_to_right(g), key=_left_to_right), g)
        else:
            far.append(g)
    return sorted([*rows, *_rows(far)], key=lambda row: -statistics.median(g.y for g in row))


def _left_to_right(g: Glyph) -> tuple[float, float, float, int]:
    """Where a glyph is drawn from, rather than its box's left edge: a letter's stroke
    may reach over the next (Amiri's ک over the ن of کنار, in XeTeX's PDFs)."""
    return g.origin, g.left, g.right, g.index


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline, top to bottom; in each, left to right."""
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -g.y):
        if rows and abs(rows[-1][0].y - g.y) < _BASELINE * max(g.size, rows[-1][0].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    for row in rows:
        row.sort(key=_left_to_right)
    return rows


def joins_on(g: Glyph) -> bool | None:
    """Would this glyph's last letter join a letter after it (None: it is no Persian
    letter)? In a right-to-left line, the letter after it stands to its left."""
    letter = g.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")[-1:]
    if not letter or unicodedata.bidirectional(letter) != "AL" or not letter.isalpha():
        return None
    return letter not in _RIGHT_JOINING


def edges_of(rows: list[list[Glyph]]) -> tuple[float, float]:
    """The left and right of these rows (each its glyphs, left to right): of a page's part."""
    return min(row[0].left for row in rows), max(row[-1].right for row in rows)


def is_rtl(kinds: Counter) -> bool:
    """Letters' bidirectional kinds: are they mostly right to left?"""
    return kinds["R"] + kinds["AL"] >= kinds["L"]
