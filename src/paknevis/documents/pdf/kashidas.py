"""A kashida drawn to justify a line, read as nothing: it is the layout's, not the text's."""
from __future__ import annotations

from itertools import pairwise

from .glyphs import UNMAPPED_GLYPH, Glyph

#: the kashida (tatweel), as a file may map a kashida's glyph (XeTeX's)
_KASHIDA = "\u0640"


def without_kashidas(row: list[Glyph]) -> list[Glyph]:
    """The row, with the glyphs no letter is known for left out, and a kashida drawn to
    justify a line in a word read as nothing: it is the layout's, not the text's.
    LibreOffice maps a kashida's glyph to no letter, to a sign or a Latin letter («حس>>اب»,
    «نظrامی»: one glyph or several, touching; see _may_be_kashida) or to a digit («ک7رده»,
    drawn over the letters on both its sides), which no word holds there: between two
    letters that join. So is one mapped to the kashida (U+0640) there, as where XeTeX's
    font Amiri draws one between ل and ک (عبدالـکریم is read عبدالکریم); beside a letter
    that does not join, it is the text's (ــ as a dash). One whose ink shows it
    (``Glyph.stroke``) is known whatever it is mapped to; elsewhere, as after a comma
    («96، 8»: LibreOffice puts one there too), it is left out with the glyphs of no
    letter, and the gap it took is a space."""
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
            kashidas = all(k.text != UNMAPPED_GLYPH or k.stroke for k in run)
            if a.joins is not None and b.joins and _touching([a, *run, b], 0.9 if kashidas else 0.3):
                for k in run:
                    k.text, k.joins = "", True  # (kept, empty: it joins the letters on its sides)
            n = end + 1
            continue
        b = row[n + 1]
        if (len(g.text) == 1 and g.text.isdigit() and a.joins is not None and b.joins
                and g.left < a.right and b.left < g.right):
            g.text, g.joins = "", True
        n += 1
    return [g for g in row if g.text != UNMAPPED_GLYPH]


def _may_be_kashida(text: str) -> bool:
    """Is this what a kashida's glyph may be mapped to? The kashida, or, by LibreOffice,
    no letter, a Latin letter (which one depends on the font's subset: «نظrامی»,
    «گلZزار») or a sign no text puts inside a word («حس>>اب»; not a bracket, a colon or
    a slash: «امام(ره)», «گفت:پیرو»)."""
    return text in (UNMAPPED_GLYPH, _KASHIDA) or (
        len(text) == 1 and text.isascii() and (text.isalpha() or text in "<>\\"))


def _touching(glyphs: list[Glyph], over: float = 0.3) -> bool:
    """Does each glyph touch the next, drawn over no more than ``over`` of it (drawn over
    one, a kashida is a glyph drawn twice)? The first and last are letters: overlapping
    them, only what the glyphs between allow."""
    def width(g: Glyph) -> float:
        return g.right - g.left if g is not glyphs[0] and g is not glyphs[-1] else float("inf")

    return all(b.left - a.right < 0.1 * glyphs[0].size and a.right - b.left < over * min(width(a), width(b))
               for a, b in pairwise(glyphs))
