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

from .chars import PERSIAN_DIGITS, PERSIAN_LETTERS
from .protect import PROTECTED
from .step import RegexStep, TableStep

_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_L = PERSIAN_LETTERS
_LD = PERSIAN_LETTERS + PERSIAN_DIGITS + "0-9"
_OPENING = "(\\[{«“"
_CLOSING = ")\\]}»”"


def _keep_or(new: str):
    def replace(m: re.Match) -> str | None:
        return None if m.group("keep") else new
    return replace


odd_space_step = TableStep("odd_space", {c: " " for c in _ODD_SPACES},
                           {c: "spacing.odd_space" for c in _ODD_SPACES})

trailing_space_step = RegexStep(
    "trailing_space", re.compile(r"[ \t]+(?=\r?\n|\Z)"), lambda m: "", "spacing.trailing")

space_run_step = RegexStep(
    "space_run", re.compile(r"(?<=\S) {2,}(?=\S)"), lambda m: " ", "spacing.run")

# A space before closing punctuation, after a Persian letter or digit. Dots and colons
# only after letters, so that "۱۰ : ۳۰" style times and numbers are not glued.
space_before_punct_step = RegexStep(
    "space_before_punct",
    re.compile(f"{PROTECTED}|(?:(?<=[{_LD}]) +(?=[،؛؟!?{_CLOSING}])|(?<=[{_L}]) +(?=[.:](?:\\s|$)))"),
    _keep_or(""), "spacing.before_punctuation")

space_after_opening_step = RegexStep(
    "space_after_opening", re.compile(f"(?<=[{_OPENING}]) +(?=[{_LD}])"), lambda m: "",
    "spacing.after_opening")

# No space after punctuation that is followed by a Persian letter: "خوبی؟بله".
missing_space_step = RegexStep(
    "missing_space",
    re.compile(f"{PROTECTED}|(?:(?<=[،؛؟])|(?<=[{_L}][.!:]))(?=[{_L}{_OPENING}])"),
    _keep_or(" "), "spacing.after_punctuation")

SPACING_STEPS = (odd_space_step, trailing_space_step, space_run_step, space_before_punct_step,
                 space_after_opening_step, missing_space_step)
