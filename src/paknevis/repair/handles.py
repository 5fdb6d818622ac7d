"""Handles and hashtags broken by bidi reordering or by a stray space.

A Latin handle in a right-to-left line is often saved in visual order: ``@BaharIran7``
comes out as ``BaharIran@ 7`` (the @ and the trailing digits trade places). Hashtags lose
their word to a space: ``# مجاهدین_خلق``. Markdown headings (``#`` at the start of a
line, before words that no ``_`` joins) are not hashtags and stay.

>>> from paknevis import fix
>>> fix("توئیتر BaharIran@ 7 و @ IranNews")
'توئیتر @BaharIran7 و @IranNews'
>>> fix("🍏# مجاهدین_خلق")
'🍏#مجاهدین_خلق'
>>> fix("سلام@BaharIran7 و ایران#آزادی")
'سلام @BaharIran7 و ایران #آزادی'
"""
from __future__ import annotations

import re
import string

from .chars import ALL_DIGITS, PERSIAN_LETTERS
from .protect import is_protected
from .step import RegexStep

# Digits of every script, as the digit step (which runs later) may turn one into another:
# a word it makes Latin ("a۱۴BaharIran@ 7" -> "a14BaharIran@ 7") must already have been
# seen as a handle, or a second pass of fix would differ from the first.
# With no digits after it, not before a domain: "ali@ x.ir" is an e-mail address with a
# stray space, not a handle.
_MANGLED_HANDLE = re.compile(
    f"(?<![\\w@.])([A-Za-z][A-Za-z{ALL_DIGITS}_]{{0,29}})@"
    f"(?: ([{ALL_DIGITS}]{{1,4}})|(?!\\s*[A-Za-z0-9-]+\\.[A-Za-z]))(?=\\s|$)")

# A handle that lost its word to a space (سلام @ BaharIran7; its digits of any script, as
# above). Not after a Latin word or a number: "at" in English (I'm @ home), or an address
# typed with spaces (ali @ x.ir), stays.
_SPACED_HANDLE = re.compile(
    f"(?<![\\w@.])@[ \u00a0]+(?=[A-Za-z_][A-Za-z{ALL_DIGITS}_]{{0,29}}(?![\\w@]|\\.[A-Za-z0-9]))")


def _mangled_handle(m: re.Match) -> str | None:
    if m.group().startswith("@"):
        text, i = m.string, m.start()
        while i and text[i - 1] in " \u00a0":
            i -= 1
        last = text[i - 1:i]
        # (a digit of any script: the digit step may make one Latin, and a second pass
        # must judge as the first)
        return None if last.isdigit() or last.isascii() and last.isalpha() else "@"
    return "@" + m.group(1) + (m.group(2) or "")


def _handle_rule(m: re.Match) -> str:
    return "handles.spaced_handle" if m.group().startswith("@") else "handles.bidi_handle"


# The patterns start with a lookbehind, which re tries at every position of a text with
# an @ or a # in it: they are tried only where a match may start (step.RegexStep). On the
# farsnews articles with a hashtag and a handle added to each, the three steps took 500 ms,
# as long as all the others together.
# (Each sign is looked for on its own: re finds a literal at memchr speed, and "[@#]" took
# 24 ms over those articles.)
_AT, _HASH = re.compile("@"), re.compile("#")
_HANDLE_CHARS = frozenset(string.ascii_letters + "_" + ALL_DIGITS)


def _handle_starts(text: str):
    """Where a handle may start: each @, and the Latin word against it (BaharIran@ 7)."""
    for m in _AT.finditer(text):
        at = start = m.start()
        while start and text[start - 1] in _HANDLE_CHARS:  # (each word is walked once)
            start -= 1
        if start < at:
            yield start
        yield at


def _starts_at(*signs: re.Pattern):
    return lambda text: sorted(m.start() for sign in signs for m in sign.finditer(text))


handle_step = RegexStep(
    "handle", re.compile(f"{_MANGLED_HANDLE.pattern}|{_SPACED_HANDLE.pattern}"), _mangled_handle,
    _handle_rule, precheck=lambda text: "@" in text, starts=_handle_starts)

# A handle or hashtag typed against the Persian word before it (سلام@ali، ایران#آزادی) is
# a word of its own: a space goes between them. (No e-mail address has a Persian letter
# before its @, and a domain after it, علی@x.com, is no handle; a URL's fragment,
# ویکی/ایران#تاریخ, is protected.)
_GLUED_TAG = re.compile(
    f"(?<=[{PERSIAN_LETTERS}])(?=@[A-Za-z_][A-Za-z0-9_]*+(?!\\.[A-Za-z])|#[{PERSIAN_LETTERS}A-Za-z])")


def _space_before_tag(m: re.Match) -> str | None:
    return None if is_protected(m.string, m.start() - 1, m.start()) else " "


glued_tag_step = RegexStep("glued_tag", _GLUED_TAG, _space_before_tag, "handles.glued_tag",
                           precheck=lambda text: "@" in text or "#" in text,
                           starts=_starts_at(_AT, _HASH))

# At the start of a line, "# word" is a Markdown heading, unless its word (letters, digits
# and ZWNJs: not a bracket, which spacing may move against it) joins words with "_", as
# hashtags do and headings do not (# مجاهدین_خلق). Before a preposition or
# conjunction the # is the sign itself, which no hashtag is made of (این # را ببین).
_NO_TAG_WORD = "(?:{})(?![{}])".format("|".join("و به از که در با را تا یا".split()), PERSIAN_LETTERS)
_SPACED_HASHTAG = re.compile(
    f"(?:(?<=[^\\w#&\\n])|(?<![^\\n])(?=#[ \u00a0]+[\\w\u200c]*_))#[ \u00a0]+"
    f"(?=[{PERSIAN_LETTERS}A-Za-z])(?!{_NO_TAG_WORD})")

hashtag_step = RegexStep("hashtag", _SPACED_HASHTAG, lambda m: "#", "handles.spaced_hashtag",
                         precheck=lambda text: "#" in text, starts=_starts_at(_HASH))
