"""A line's text in reading order, from its glyphs' texts in the order they are drawn: its
runs laid out against the line's direction turned back; and a paragraph's brackets paired."""
from __future__ import annotations

import re
import unicodedata

#: the bracket pairs read by where they stand
_PAIRS = {"(": "()", ")": "()", "[": "[]", "]": "[]", "{": "{}", "}": "{}", "«": "«»", "»": "«»"}
_BRACKET = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
#: the opening one of each pair
_OPENING = "([{«"
#: what ends a sentence or a clause
_STOPS = ",.;:!?،؛؟"
#: what never begins a line
_TRAILING = _STOPS + ")]}»"
#: what may follow a closing bracket as a space does
_SPACE_OR_STOP = " " + _STOPS
#: What a reading of a bracket costs against a space on one side of it and a word on the
#: other (a bracket opens before a word: «ما), against the glyph the file maps it to
#: (where its glyphs show which a file maps: ``mirrors``), and what one left unpaired
#: costs: more than half as much as against its spaces, so that a reading against them
#: pays where it pairs two (گفت:« ایران…», اعظم( ص)), not where it pairs one.
_AGAINST_SPACES, _AGAINST_GLYPH, _UNPAIRED = 10, 12, 8
#: brackets open at once, at most (deeper is a file's mistake, not a text's); and what one
#: opened inside another costs, so that of two readings otherwise alike, (a) (b) is taken
_DEPTH, _NESTED = 6, 1


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
    # (the last strong letter's kind, as read: at a Persian line's start, a Persian word's,
    # as at the end of the line before it in its paragraph: 9/15، 1/12 beginning a line are
    # two numbers, as after a word)
    i, before = 0, "AL" if rtl else "L"
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


def mirrors(texts: list[str]) -> bool | None:
    """Does a file map a bracket's glyph, in these right-to-left paragraphs, to the
    other of its pair (its mirrored shape, as drawn: the opening one of «ما» to »)? So
    where the brackets whose spaces tell what they are (_costs) show it two to one, three
    or more of them; None where they do not."""
    mirrored = kept = 0
    for text in texts:
        for at in _brackets(text).values():
            for n in at:
                opening, closing = _costs(text, n)
                if opening != closing:
                    if (text[n] in _OPENING) == (opening < closing):
                        kept += 1
                    else:
                        mirrored += 1
    if mirrored + kept < 3:
        return None
    return True if mirrored >= 2 * kept else False if kept >= 2 * mirrored else None


def paired(text: str, mirrored: bool | None = None) -> str:
    """Brackets and guillemets read as opening or closing by the spaces around them and
    by the glyphs the file maps them to (if ``mirrored`` says how: which of a pair a file
    maps a mirrored glyph to differs from producer to producer), each pair apart, so that
    as many as may close one opened before them: a writer's spaces may stand on the wrong
    side of one (گفت:« ایران…», اعظم( ص)).

    >>> paired("امام خمینی)ره) و »ما«")
    'امام خمینی(ره) و «ما»'
    >>> paired("نوشت:» ایران کشور ماست« و پیامبر اعظم) ص) گفت")
    'نوشت:« ایران کشور ماست» و پیامبر اعظم( ص) گفت'
    >>> paired("نوشت:» ایران", mirrored=True), paired("۱) ایران ۲) عراق ۳) ترکیه")
    ('نوشت:« ایران', '۱) ایران ۲) عراق ۳) ترکیه')
    """
    brackets = _brackets(text)
    if not brackets:
        return text
    out = list(text)
    for pair, at in brackets.items():
        costs = []
        for n in at:
            opening, closing = _costs(text, n)
            if mirrored is not None and not _by_numbers_or_latin(text, n):
                if (text[n] in _OPENING) != mirrored:
                    closing += _AGAINST_GLYPH
                else:
                    opening += _AGAINST_GLYPH
            costs.append((opening, closing))
        for n, opens in zip(at, _balanced(costs), strict=True):
            out[n] = pair[0] if opens else pair[1]
    return "".join(out)


def _brackets(text: str) -> dict[str, list[int]]:
    """Where each pair's brackets stand in ``text``, by pair (``"()"``: its offsets)."""
    found: dict[str, list[int]] = {}
    for m in _BRACKET.finditer(text):
        found.setdefault(_PAIRS[m.group()], []).append(m.start())
    return found


def _by_numbers_or_latin(text: str, n: int) -> bool:
    """Does the bracket at ``n`` touch a number or a Latin letter? The algorithm may have
    laid it out left to right with them, unmirrored, whatever the file's other glyphs show
    («LADY OF HEAVEN» in a Persian line; Chromium's برنت )Brent crude))."""
    return any(_kind(c) in ("L", "EN", "AN") for c in text[n - 1:n] + text[n + 1:n + 2])


def _costs(text: str, n: int) -> tuple[int, int]:
    """What reading the bracket at ``n`` as opening, and as closing, costs by its spaces:
    against a space on one side and a word on the other, the more against a list item's
    number or letter (۱) …، الف) …); else nothing (خمینی(ره)."""
    before = text[n - 1] if n else " "
    after = text[n + 1] if n + 1 < len(text) else " "
    # (a bracket beside it, whichever of its pair it is, as a space before one that opens
    # and after one that closes, else as a word: ((بسم, (ره)», (۸۲)))
    if after not in _SPACE_OR_STOP and (before == " " or before in _PAIRS):
        return 0, _AGAINST_SPACES
    if before != " " and (after in _SPACE_OR_STOP or after in _PAIRS):
        word = text[text.rfind(" ", 0, n) + 1:n]  # (a list item's number or letter: ۱) …، الف) …)
        item = word.isdigit() or word == "الف" or len(word) == 1 and word.isalpha()
        return _AGAINST_SPACES + (3 * _UNPAIRED if item else 0), 0
    return 0, 0


def _balanced(costs: list[tuple[int, int]]) -> list[bool]:
    """For brackets of one pair with these costs (opening, closing), which open: the
    cheapest reading, each left unpaired counted (_UNPAIRED), by a dynamic program over
    how many are open (at most _DEPTH). Of readings that cost the same, the one that
    leaves fewer open at the end."""
    best = {0: 0}  # how many are open -> the least cost of getting there
    steps: list[dict[int, tuple[int, bool]]] = []  # how many open -> (how many before, opens)
    for opening, closing in costs:
        step: dict[int, tuple[int, bool]] = {}
        now: dict[int, int] = {}
        for depth, cost in sorted(best.items()):
            for to, more, opens in ((depth + 1, opening + (_NESTED if depth else 0), True),
                                    (max(depth - 1, 0), closing + (_UNPAIRED if depth == 0 else 0), False)):
                if to <= _DEPTH and (to not in now or cost + more < now[to]):
                    now[to], step[to] = cost + more, (depth, opens)
        steps.append(step)
        best = now
    depth = min(best, key=lambda d: (best[d] + _UNPAIRED * d, d))
    read = []
    for step in reversed(steps):
        depth, opens = step[depth]
        read.append(opens)
    return read[::-1]
