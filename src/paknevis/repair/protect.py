"""Spans that repair must not touch: URLs, e-mail addresses, @handles, Latin words, HTML
character references (``&#8204;``, left encoded in text that holds markup), IP addresses
and emoticons.

Steps that change digits or spacing ask :func:`is_protected` whether a match lies inside
such a span of its whitespace-delimited word. The answer depends only on that word, never
on how near the match is to something, so a second pass of ``fix`` agrees with the first.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .chars import ALL_DIGITS

#: A URL runs to the end of its word, but never over < > or a double quote, which no URL
#: holds (RFC 3986 escapes them): the markup or quote it touches (https://x.ir</a>, a
#: feed's <link>https://x.ir/</link><title>كتاب) is text again after it.
URL_BODY = r'[^\s<>"]+'
URL = rf"(?:https?://|www\.){URL_BODY}"
# The e-mail and Latin-word patterns start only where a run of their characters starts:
# from inside a run they would find nothing new, and trying every position of a long run
# (a line of "x1x1x1...") made one scan quadratic and the digit step cubic.
EMAIL = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
HANDLE = r"@[A-Za-z0-9_]+"
LATIN_WORD = r"(?<![A-Za-z0-9_])[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*"
REFERENCE = r"&#[0-9]+;|&#[xX][0-9A-Fa-f]+;"
#: An IPv4 address in Latin digits, which is copied, not read (سرور 192.168.1.1): its
#: digits stay Latin, as a URL's do. (Not a date or a version, whose parts may pass 255;
#: nor a part of a longer number in any digits, which the digit step may make Latin.)
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
IPV4 = rf"(?<![{ALL_DIGITS}.]){_OCTET}(?:\.{_OCTET}){{3}}(?!\.?[{ALL_DIGITS}])"
#: An emoticon at a word's end, whose mouth is a bracket (:( ;-) =)) or, read right to
#: left, a whole word (): (:): its bracket is no bracket and its ; no Persian semicolon
#: (the spacing steps made ``بود :( ولی`` into ``بود :(ولی``). Not after a digit (۱۲:(
#: opens a bracket after a time) nor before more of the word (گفت:(ماده ۲) does; a line's
#: \r is none: the word ends at \n). And a heart, a word of its own: its 3 is no digit.
EMOTICON = (f"(?<![:;={ALL_DIGITS}])" r"[:;=][-^']?[()\[\]]+(?=\r?\Z)"
            r"|\A[()\[\]]+[-^']?[:;=](?=\r?\Z)|\A</?3+(?=\r?\Z)")
# Each kind scanned on its own: in one alternation a Latin word ("5www.x.com") can swallow
# the start of a URL and hide it, and whether it does depends on the digit before it, which
# this very step may change (fix would then not be idempotent).
_URL = re.compile(URL)
_SPANS = [_URL, *(re.compile(p) for p in (EMAIL, HANDLE, LATIN_WORD, REFERENCE))]
_EMOTICON = re.compile(EMOTICON)
_IPV4 = re.compile(IPV4)
#: the brackets that may be an emoticon's mouth (the spacing steps ask about these only)
EMOTICON_MOUTHS = frozenset("()[]")
_EMOTICON_STARTS = EMOTICON_MOUTHS | {"<"}
# Every other protected span has a Latin letter, an @ (a handle of digits, @7, has no
# letter) or is a reference. (Without the @, whether @7 was a handle hung on a Latin letter
# elsewhere in its word, which spacing may cut off: fix was not idempotent, hypothesis
# found it.) A span that may be anything protected has one of those, or an emoticon's eyes.
_MAYBE = re.compile(r"[A-Za-z@]|&#")
_MAYBE_ANY = re.compile(r"[A-Za-z@:;=]|&#")
_SPACES = frozenset(" \n\t")  # what separates words here


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Does ``offset`` lie in one of ``spans``, which are in order and do not overlap (as
    ``url_spans`` and ``protected_spans`` give them)? A binary search: a line of base64
    (some 1,500 Latin words and 13,000 numbers in one word of 100,000 characters) took 3.6 s
    in the digit step while each question went through every span."""
    i = bisect_right(spans, (offset, _NO_END))
    return bool(i) and offset < spans[i - 1][1]


_NO_END = float("inf")  # (offset, _NO_END) sorts after every span that starts at offset


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap or touch made one (a Latin word in a URL)."""
    if len(spans) < 2:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


#: The two kinds of URL apart: a pattern that starts with a literal is looked for at memchr
#: speed, and URL's alternation at every position (farsnews, with a URL added to each
#: article: 26 ms against 10).
_SCHEME_URL, _WWW_URL = re.compile(r"https?://" + URL_BODY), re.compile(r"www\." + URL_BODY)


def url_spans(text: str) -> list[tuple[int, int]]:
    """The URLs in ``text``, as offsets (as ``URL`` finds them). Tests in C first: most
    texts have none, and a URL has a p (http, ftp) or a w (www), which Persian text hardly
    has; a search for those runs at memchr speed, where one for "://" takes longer (3 ms
    over farsnews)."""
    scheme = "p" in text and "://" in text
    www = "w" in text and "www." in text
    if not (scheme or www):
        return []
    if not (scheme and www):
        return [m.span() for m in (_SCHEME_URL if scheme else _WWW_URL).finditer(text)]
    spans, end = [], 0
    # both end where the word does: of two in one word, the first is the URL (x.ir/?u=http://)
    for start, stop in sorted(m.span() for url in (_SCHEME_URL, _WWW_URL) for m in url.finditer(text)):
        if start >= end:
            spans.append((start, stop))
            end = stop
    return spans


def apply_outside_urls(text: str, urls: list[tuple[int, int]], apply) -> str:
    """``text`` with ``apply`` (text -> text) run on the stretches between ``urls``."""
    out: list[str] = []
    pos = 0
    for start, end in urls:
        out += (apply(text[pos:start]), text[start:end])
        pos = end
    out.append(apply(text[pos:]))
    return "".join(out)


def outside_urls(edits: list, text: str) -> list:
    """``edits`` without those that start inside a URL of ``text``."""
    if not edits or not (urls := url_spans(text)):
        return edits
    return [e for e in edits if not in_spans(e.start, urls)]


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the whitespace-delimited word that holds ``text[start:end]`` starts and ends.

    Each search stops at the nearest space, so the cost is the word's length, not the
    text's (tabs and newlines are rare, and a search for one alone runs to the text's edge).
    """
    left = text.rfind(" ", 0, start) + 1
    left = max(left, text.rfind("\n", left, start) + 1, text.rfind("\t", left, start) + 1)
    right = text.find(" ", end)
    right = len(text) if right == -1 else right
    for sep in "\n\t":
        k = text.find(sep, end, right)
        if k != -1:
            right = k
    return left, right


def protected_spans(word: str) -> list[tuple[int, int]]:
    """The URLs, e-mail addresses, handles, Latin words, IP addresses and emoticons in
    ``word``, as offsets, in order (one that overlaps another made one with it)."""
    spans = [m.span() for span in _SPANS for m in span.finditer(word)] if _MAYBE.search(word) else []
    if "." in word:  # (an IP address in a URL is in the URL's span already)
        spans += [m.span() for m in _IPV4.finditer(word)]
    # (tested by its ends first: a colon ends many a Persian word, گفت:)
    if word and (word[0] in _EMOTICON_STARTS or word.rstrip("\r")[-1:] in EMOTICON_MOUTHS) and (
            m := _EMOTICON.search(word)):
        spans.append(m.span())
    return _union(spans)


# The last word judged, as (text, start, end, spans): a word with many numbers in it (a
# long line with no space) is scanned once, not once per number. One tuple, replaced whole,
# so that threads sharing it never see half an update. It holds the last text until the
# next call: a reference, not an id, which a new text could reuse.
_last_word: tuple = (None, 0, 0, ())


def is_protected(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` lies in a URL, e-mail, handle, Latin word, IP address or
    emoticon.

    >>> is_protected("به www.x.ir/12 بروید", 11, 13), is_protected("ویروس COVID-19 در", 12, 14)
    (True, True)
    >>> is_protected("تظاهرات 8 فوریه", 8, 9), is_protected("7،می،می@", 4, 5)
    (False, False)
    >>> is_protected("5www.x.com/12۵", 13, 14)  # the URL after "5" is still a URL
    True
    """
    global _last_word
    if ((start == 0 or text[start - 1] in _SPACES) and (end == len(text) or text[end] in _SPACES)
            and not _MAYBE_ANY.search(text, start, end)):
        return False  # a word of its own with no Latin letter: most numbers in running text
    cached_text, left, right, spans = _last_word
    if not (cached_text is text and left <= start and end <= right):
        left, right = word_bounds(text, start, end)
        spans = protected_spans(text[left:right])
        _last_word = (text, left, right, spans)
    return in_spans(start - left, spans)
