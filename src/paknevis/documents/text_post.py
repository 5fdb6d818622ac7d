"""Plain-text posts as scrapers save them: date header, title (often twice), body, footer.

    ۱۴۰۳ بهمن ۱۳, شنبه
    <blank>
    ایلاف لندن - موسی افشار: تظاهرات 8 فوریه ...   <- the title, with a byline
       ایلاف لندن - موسی افشار: تظاهرات 8 فوریه ... <- the same title again, in the body
    body paragraphs, hashtag lines, and a footer line linking the blog to Twitter

A letter, a report or a thesis opens with an invocation above its title (بسمه تعالی، به نام
خدا): it is no title, and stays at the top of the text.
"""
from __future__ import annotations

import re

from ..dates import english_date, find_dates
from .assemble import RawPost

_MAX_TITLE = 200  # characters: a longer first line is a paragraph, not a title
#: an invocation, as written above a document's title (unrepaired: ي or ی, with or without
#: its marks, its words apart, glued or with a ZWNJ); «به نام» only before God's names
#: («به نام پدر» may be a title)
_GAP = "[\\s\u200c]*"  # (between an invocation's words: a space, none or a ZWNJ)
_INVOCATION = re.compile(
    rf"(?:با?{_GAP}سمه{_GAP}تعال[یيى]|بسم{_GAP}الله(?:{_GAP}الرحمن{_GAP}الرح[یيى]م)?|هو(?:{_GAP}ال\w+)?"
    rf"|به{_GAP}نام{_GAP}(?:خدا|خداوند|ایزد|یزدان|او|حق)(?:[\s\u200c]+\w+){{0,4}}){_GAP}[.!:]*")
_MARKS = dict.fromkeys(range(0x064B, 0x0653))  # (harakat: بِسْمِ اللَّهِ)


def is_date_line(line: str) -> bool:
    """A line that is (almost) only a date: the platform's date header, in Persian or, from
    a platform with an English interface, all in English words."""
    found = [m for m in find_dates(line) if m.kind in ("date", "datetime")]
    covered = sum(m.end - m.start for m in found)
    return bool(found) and covered >= 0.6 * len(line.strip()) or english_date(line) is not None


def read_text_post(text: str, url: str | None = None) -> RawPost:
    lines = text.splitlines()
    i = 0

    def next_nonblank() -> int:
        nonlocal i
        while i < len(lines) and not lines[i].strip():
            i += 1
        return i

    raw = RawPost(raw_text=text, url=url)
    invocations = []
    while next_nonblank() < len(lines) and _is_invocation(lines[i]):
        invocations.append(lines[i])
        i += 1
    if next_nonblank() < len(lines) and is_date_line(lines[i]):
        raw.date_line = lines[i].strip()
        i += 1
    if next_nonblank() < len(lines):
        first = lines[i].strip()
        followed_by_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        if len(first) <= _MAX_TITLE and followed_by_blank and i + 1 < len(lines):
            raw.title = first
            i += 1
    raw.body = [*invocations, *lines[i:]]
    return raw


def _is_invocation(line: str) -> bool:
    return _INVOCATION.fullmatch(line.strip().translate(_MARKS)) is not None


def read_paragraphs(paragraphs: list[tuple[str, int | None]], url: str | None = None) -> RawPost:
    """A word processor's document as a post: its paragraphs, each with its rank as a title
    (0 first: a paragraph styled Title, then Heading 1; None, no title). The title is the
    first of the best rank; without one, the first line is the title as in a text post,
    and a date line above the title is the post's date (the title goes after the date line
    and the invocations above it, where a text post's is). A ValueError where no paragraph
    holds any text: a corpus run's reject, as a feed's item with no text is, not an empty
    record."""
    if not any(text.strip() for text, _ in paragraphs):
        raise ValueError("a document with no text (no paragraph holds any)")
    lines: list[str] = []
    title_at: tuple[int, int] | None = None  # (the title's line, its rank)
    for text, rank in paragraphs:
        if rank is not None and text.strip() and (title_at is None or rank < title_at[1]):
            title_at = (len(lines), rank)
        lines.append(text)
    title = None if title_at is None else lines.pop(title_at[0])
    lines = [line for line in lines if line.strip()]
    if title is not None:  # where a text post's title is: after its invocations and date line
        at = next((n for n, line in enumerate(lines) if not _is_invocation(line)), len(lines))
        lines.insert(at + (at < len(lines) and is_date_line(lines[at])), title)
    return read_text_post("\n\n".join(lines), url)
