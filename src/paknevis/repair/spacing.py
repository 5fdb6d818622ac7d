"""Spacing: odd spaces, runs of spaces, and spaces on the wrong side of punctuation.

Scraped text carries NBSPs and other Unicode spaces, doubled spaces from templates, spaces
typed before ، and ؟ (a habit from typewriters) or after ( and «, and no space after
punctuation. Lines and their indentation are kept: only spaces within a line change.

>>> from paknevis import fix
>>> fix("سلام\u00a0 دنیا ، خوبی ؟( بله )")
'سلام دنیا، خوبی؟ (بله)'
"""
from __future__ import annotations

import re

from .chars import ARABIC_DIGITS, LATIN_DIGITS, PERSIAN_DIGITS, PERSIAN_LETTERS
from .protect import is_protected
from .step import RegexStep, TableStep

_ODD_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_L = PERSIAN_LETTERS
# Spacing runs before digits are unified: every digit set counts the same.
_LD = PERSIAN_LETTERS + PERSIAN_DIGITS + ARABIC_DIGITS + "0-9"
_OPENING = "(\\[{«“"
_CLOSING = ")\\]}»”"


odd_space_step = TableStep("odd_space", {c: " " for c in _ODD_SPACES},
                           {c: "spacing.odd_space" for c in _ODD_SPACES})

trailing_space_step = RegexStep(
    "trailing_space", re.compile(r"[ \t]+(?=\r?\n|\Z)"), lambda m: "", "spacing.trailing",
    precheck=lambda t: " \n" in t or "\t\n" in t or " \r\n" in t or t.endswith((" ", "\t")))

def _line_start(m: re.Match) -> bool:
    """True for indentation: spaces at the start of a line are layout, not a typo."""
    return m.start() == 0 or m.string[m.start() - 1] == "\n"


space_run_step = RegexStep(
    "space_run", re.compile(r"  ++(?=\S)"), lambda m: None if _line_start(m) else " ", "spacing.run",
    precheck=lambda text: "  " in text)


# A space before closing punctuation, after a Persian letter or digit. Dots and colons
# only after letters and before a space or the end, so that "۱۰ : ۳۰" and "3 .5" stay.
_BEFORE_PUNCT = re.compile(f" +(?=[،؛؟!?{_CLOSING}]|[.:](?:\\s|$))")
_LD_SET = frozenset(PERSIAN_LETTERS + PERSIAN_DIGITS + ARABIC_DIGITS + LATIN_DIGITS)


def _before_punct(m: re.Match) -> str | None:
    text, start = m.string, m.start()
    before = text[start - 1] if start else ""
    if text[m.end()] in ".:":
        return "" if before and before in PERSIAN_LETTERS else None
    return "" if before in _LD_SET else None


space_before_punct_step = RegexStep(
    "space_before_punct", _BEFORE_PUNCT, _before_punct, "spacing.before_punctuation",
    # punctuation is rarer than spaces: find it first, then look one back for a space
    precheck=re.compile(f"[،؛؟!?.:{_CLOSING}](?<= .)").search)

space_after_opening_step = RegexStep(
    "space_after_opening", re.compile(f"(?<=[{_OPENING}]) +(?=[{_LD}])"), lambda m: "",
    "spacing.after_opening", precheck=re.compile(f"[{_OPENING}] ").search)

# No space after punctuation that is followed by a Persian letter: "خوبی؟بله". A dot, "!"
# or ":" only after a Persian letter (not in "3.5", "U.S.", URLs).
_MISSING = re.compile(f"[،؛؟.!:](?=[{_L}{_OPENING}])")


def _missing_space(m: re.Match) -> str | None:
    text, start = m.string, m.start()
    if m.group() in ".!:" and not (start and text[start - 1] in PERSIAN_LETTERS):
        return None
    return None if is_protected(text, start, m.end()) else m.group() + " "


missing_space_step = RegexStep("missing_space", _MISSING, _missing_space, "spacing.after_punctuation")

#: The spacing steps after odd spaces (which the pipeline runs with the other steps for rare
#: characters, before wrong ZWNJs are taken out).
SPACING_STEPS = (trailing_space_step, space_run_step, space_before_punct_step,
                 space_after_opening_step, missing_space_step)
