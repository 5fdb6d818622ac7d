"""A line's text in reading order, from its glyphs' texts in the order they are drawn: its
runs laid out against the line's direction turned back, its brackets paired."""
from __future__ import annotations

import unicodedata
from collections import Counter

#: the bracket pairs read by where they stand
_PAIRS = {"(": "()", ")": "()", "[": "[]", "]": "[]", "{": "{}", "}": "{}", "«": "«»", "»": "«»"}
#: what ends a sentence or a clause, and never begins a line
_TRAILING = ",.;:!?)]}»،؛؟"


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


def paired(text: str) -> str:
    """Brackets and guillemets opened before a word and closed after one, as they stand,
    and where that does not tell (خمینی(ره)), closing the one open: which of a pair a
    file maps a mirrored glyph to differs from producer to producer.

    >>> paired("امام خمینی)ره) و »ما«")
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
