"""Wrong ZWNJs: after a letter that never joins, doubled, or at a word's edge.
"""
from __future__ import annotations

import re

from ..chars import KASHIDA, NON_JOINERS, PERSIAN_LETTERS, ZWNJ
from ..edits import Edit, apply_edits
from ..protect import apply_outside_urls, outside_urls, url_spans

# A ZWNJ that does nothing or is wrong: after a letter that never joins, not between two
# letters (word edges, next to spaces, digits or punctuation), or doubled.
# A kashida that is left is a dash (see letters.py), and joins on both sides as a letter
# does: a ZWNJ beside it keeps it off the letter (سیاسی‌ـ انتظامی، الف‌ــ), and is judged as
# one between two letters.
_L = PERSIAN_LETTERS + KASHIDA
_JOINING = "".join(c for c in PERSIAN_LETTERS if c not in NON_JOINERS) + KASHIDA
_MARKS = "\u064b-\u0655\u0670"
_MARK_SET = frozenset(chr(c) for c in range(0x064B, 0x0656)) | {"\u0670"}
# A ZWNJ that may be wrong: doubled, not followed by a letter, or not after a joining
# letter. It starts with the literal ZWNJ, so clean text is skipped at C speed.
_WRONG_ZWNJ = re.compile(f"\u200c(?:\u200c|(?![{_L}])|(?<![{_JOINING}{_MARKS}]\u200c))")


def _letter_before(text: str, i: int) -> str:
    """The letter before offset ``i``, looking past the marks on it ('' if none)."""
    i -= 1
    while i >= 0 and text[i] in _MARK_SET:
        i -= 1
    return text[i] if i >= 0 and text[i] in _L else ""


def _between_joining_letters(text: str, start: int, end: int) -> bool:
    before = _letter_before(text, start)
    return bool(before) and before not in NON_JOINERS and end < len(text) and text[end] in _L


class WrongZwnjStep:
    """Remove ZWNJs that do nothing or are wrong; make a doubled one single.

    >>> WrongZwnjStep().apply("ابزار\u200cها \u200cکتاب")
    'ابزارها کتاب'
    """

    name = "wrong_zwnj"

    def edits(self, text: str) -> list[Edit]:
        return outside_urls(self._judge_runs(text, _WRONG_ZWNJ), text)

    def apply(self, text: str) -> str:
        if ZWNJ not in text:
            return text
        # A URL keeps its ZWNJs. (No ZWNJ is judged across a URL's edge: one ends at a
        # space, and a ZWNJ against its start stands before a Latin letter, as at a text's end.)
        urls = url_spans(text)
        return apply_outside_urls(text, urls, self._apply) if urls else self._apply(text)

    def _apply(self, text: str) -> str:
        # A ZWNJ that a letter follows is judged in Python, and the (many more) ZWNJs at
        # a word's end go in C: 5,783 wrong ZWNJs in farsnews, 14 ms -> 5.
        inner = self._judge_runs(text, _INNER_WRONG_ZWNJ)
        return _EDGE_ZWNJ.sub("", apply_edits(text, inner) if inner else text)

    @staticmethod
    def _judge_runs(text: str, candidates: re.Pattern) -> list[Edit]:
        """Edits for the runs of ZWNJs that start where ``candidates`` matches."""
        out = []
        done = 0  # end of the last run judged
        for m in candidates.finditer(text):
            s = m.start()
            if s < done:
                continue
            e = s + 1
            while e < len(text) and text[e] == ZWNJ:
                e += 1
            done = e
            if _between_joining_letters(text, s, e):
                if e - s > 1:
                    out.append(Edit(s, e, text[s:e], ZWNJ, "zwnj.doubled"))
            else:
                out.append(Edit(s, e, text[s:e], "", "zwnj.wrong_place"))
        return out


#: A run of ZWNJs that no letter follows: wrong whatever comes before it.
_EDGE_ZWNJ = re.compile(f"\u200c\u200c*(?![\u200c{_L}])")  # not "+": see step.py
#: A ZWNJ that a letter follows and that may still be wrong: doubled, or not right after a
#: joining letter (or a mark), as ``_WRONG_ZWNJ`` finds them.
_INNER_WRONG_ZWNJ = re.compile(f"\u200c(?:\u200c|(?<![{_JOINING}{_MARKS}]\u200c)(?=[{_L}]))")


wrong_zwnj_step = WrongZwnjStep()
