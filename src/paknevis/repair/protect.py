"""Spans that repair must not touch: URLs, e-mail addresses, @handles and Latin words.

Steps that change digits or spacing ask :func:`is_protected` whether a match lies inside
such a span of its whitespace-delimited word. The answer depends only on that word, never
on how near the match is to something, so a second pass of ``fix`` agrees with the first.
"""
from __future__ import annotations

import re

URL = r"(?:https?://|www\.)\S+"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
HANDLE = r"@[A-Za-z0-9_]+"
LATIN_WORD = r"[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*"
# Each kind scanned on its own: in one alternation a Latin word ("5www.x.com") can swallow
# the start of a URL and hide it, and whether it does depends on the digit before it, which
# this very step may change (fix would then not be idempotent).
_SPANS = [re.compile(p) for p in (URL, EMAIL, HANDLE, LATIN_WORD)]
_MAYBE = re.compile(r"[A-Za-z]")  # every protected span has a Latin letter
_SPACES = frozenset(" \n\t")  # what separates words here


def word_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The whitespace-delimited word that holds ``text[start:end]``, and where it starts."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("\t", 0, start)) + 1
    right = len(text)
    for sep in " \n\t":
        k = text.find(sep, end)
        if k != -1 and k < right:
            right = k
    return text[left:right], left


def is_protected(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` lies in a URL, e-mail, handle or Latin word.

    >>> is_protected("به www.x.ir/12 بروید", 11, 13), is_protected("ویروس COVID-19 در", 12, 14)
    (True, True)
    >>> is_protected("تظاهرات 8 فوریه", 8, 9), is_protected("7،می،می@", 4, 5)
    (False, False)
    >>> is_protected("5www.x.com/12۵", 13, 14)  # the URL after "5" is still a URL
    True
    """
    if ((start == 0 or text[start - 1] in _SPACES) and (end == len(text) or text[end] in _SPACES)
            and not _MAYBE.search(text, start, end)):
        return False  # a word of its own with no Latin letter: most numbers in running text
    word, offset = word_around(text, start, end)
    if not _MAYBE.search(word):
        return False
    rel = start - offset
    return any(m.start() <= rel < m.end() for span in _SPANS for m in span.finditer(word))
