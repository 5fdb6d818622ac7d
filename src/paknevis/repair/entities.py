"""HTML character references that scrapers leave in text: ``&zwnj;``, ``&nbsp;``, ``&#8204;``.

A scraper that copies a page's source rather than its rendered text leaves Persian with its
half-spaces as ``&zwnj;`` (می&zwnj;شود), its spaces as ``&nbsp;`` and its quotes as
``&quot;``. Each reference becomes the character it stands for, which the later steps then
treat as any other (a ZWNJ, an odd space, an Arabic yeh from ``&#1610;``). As in ftfy's
``unescape_html``: only references that end in ``;`` and name a character, and not in a
line that holds a ``<``, which is markup, where references belong (a line, as every step
judges: JSON strings and table cells are repaired as the lines of one text, and a ``<`` in
one kept the references of the others); nor ``&lt;`` and ``&gt;``, which would make markup
of text. A reference escaped again (``&amp;zwnj;``) is decoded whole, so that a second
pass finds nothing to do; one that a later step makes whole, by deleting what stood
inside it, makes the pipeline run again (see :func:`decodable`).

>>> from paknevis import fix
>>> fix("می&zwnj;شود و کتاب&#8204;ها &amp; دفتر")
'می\\u200cشود و کتاب\\u200cها & دفتر'
"""
from __future__ import annotations

import html
import re

from .step import RegexStep

_REFERENCE = re.compile(
    r"&(?:amp;)*(#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")


def _decode(m: re.Match) -> str | None:
    if _in_markup(m.string, m.start()):
        return None
    escaped, reference = m.group(), "&" + m.group(1)
    char = html.unescape(reference)
    if char in _MARKUP_CHARACTERS:
        return None
    if _is_character(reference, char):
        return char
    # an unknown name: only the escaped ampersands before it are decoded (&amp;foo; -> &foo;)
    return reference if escaped != reference else None


#: what references to < and > stand for stays so: decoded, text would become markup (a
#: Markdown post's "&lt;p&gt;", which its reader sees as <p>, would be a tag)
_MARKUP_CHARACTERS = frozenset("<>")


def _is_character(reference: str, char: str) -> bool:
    """Did ``reference`` stand for a character, and not for an unknown name, a control code
    (which html.unescape drops) or a code point out of range (U+FFFD)?"""
    if char == reference or not char:
        return False
    return char != "\ufffd" or reference.lower() in ("&#65533;", "&#xfffd;")


class _LineMarkup:
    """Does the line at an offset hold a ``<``? Asked once a line: a step's matches come in
    order, and the answer for the last line is kept (as one tuple: a thread that repairs
    another text meanwhile finds it is not its own)."""

    def __init__(self) -> None:
        self._last: tuple[str, int, int, bool] = ("", 0, -1, False)

    def __call__(self, text: str, at: int) -> bool:
        last_text, start, end, markup = self._last
        if last_text is not text or not start <= at <= end:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            markup = text.find("<", start, end) != -1
            self._last = (text, start, end, markup)
        return markup


_in_markup = _LineMarkup()


def decodable(text: str) -> bool:
    """Does ``text`` hold a reference that this step would decode? After the other steps it
    may, where one deleted what stood inside a reference (``&amp;\ufeffzwnj;``, the BOM
    between): the pipeline then runs once more."""
    return _has_ampersand(text) and any(_decode(m) is not None for m in _REFERENCE.finditer(text))


def _has_ampersand(text: str) -> bool:
    return "&" in text


# (a precheck, not triggers: this step writes what later steps act on, so it is no step for
# the group of rare characters, whose steps write nothing another reads)
entity_step = RegexStep("html_entity", _REFERENCE, _decode, "letters.html_entity",
                        precheck=_has_ampersand)
