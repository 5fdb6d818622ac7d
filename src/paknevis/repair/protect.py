"""Spans that repair must not touch: URLs, e-mail addresses, @handles and Latin words.

Steps that change digits or spacing ask :func:`is_protected` about the whitespace-delimited
word around a match, which costs nothing for the many matches in plain Persian text.
"""
from __future__ import annotations

import re

_PROTECTED_WORD = re.compile(r"[A-Za-z@]|://|^www\.")
# Neighbours that cannot belong to a URL, e-mail, handle or Latin word.
_FREE = frozenset(" \n\t\r()«»،؛؟!\"'") | frozenset(chr(c) for c in range(0x0621, 0x06D0))


def word_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited word that holds ``text[start:end]``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1
    right = len(text)
    for sep in " \n\t":
        k = text.find(sep, end)
        if k != -1 and k < right:
            right = k
    return text[left:right]


def is_protected(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` lies in a URL, e-mail, handle or Latin word.

    >>> is_protected("به www.x.ir/12 بروید", 11, 13), is_protected("ویروس COVID-19 در", 12, 14)
    (True, True)
    >>> is_protected("تظاهرات 8 فوریه", 8, 9)
    False
    """
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _FREE and after in _FREE:  # a word of its own, or inside Persian text
        return False
    return _PROTECTED_WORD.search(word_around(text, start, end)) is not None
