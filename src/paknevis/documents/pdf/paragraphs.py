"""A document's paragraphs from its pages' lines: without the pages' numbers and running
heads, a paragraph running on over pages and columns, the title the first page's largest text."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from itertools import pairwise

from .bidi import mirrors, paired
from .lines import UNSURE_SPACE, Line, settle_unsure

#: a paragraph's lines follow one another at its pitch; a gap this much wider ends it
_WIDER = 1.15
#: a page number alone on its line (۱۲, - 12 -, صفحه ۱۲, ۱۲ از ۳۰, Page 12 of 30)
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:(?:صفحه|page)\s*)?\d+(?:\s*(?:از|of|/)\s*\d+)?[-–—\s]*",
                          re.IGNORECASE)
_DIGIT = re.compile(r"\d")
#: ... standing further from the page's other lines than this (in its size): 1.7 in
#: LibreOffice's footer, 3 or more in Chrome's; a text's lines follow at 1.2 to 1.5
_APART = 1.6
#: a line that ends in a handle's or hashtag's sign, its name on the next (laid out so
#: where a line may break after it)
_JOINED = re.compile(r"(?<=[@#]) (?=\w)")


def without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without their numbers (standing apart from the text, at its top or
    bottom), and without a line there that is on most of them (a running head, a footer:
    its numbers may change from page to page)."""
    def ends(lines: list[Line]) -> list[Line]:
        return [*lines[:1], *lines[-1:]] if len(lines) > 1 else lines

    seen = Counter(key for lines in pages for key in {_DIGIT.sub("#", line.text) for line in ends(lines)})
    running = {key for key, n in seen.items() if n >= 3 and n * 2 >= len(pages)}

    # (a letter alone may be a line's, clipped from the next page)
    def apart(line: Line, lines: list[Line]) -> bool:
        return bool(_PAGE_NUMBER.fullmatch(line.text) and _stands_apart(line, lines)
                    or _DIGIT.sub("#", line.text) in running
                    or len(line.text.strip()) == 1 and line.text.strip().isalpha())

    kept = []
    for lines in pages:
        first, last = 0, len(lines)
        while first < last and apart(lines[first], lines):
            first += 1
        while last > first and apart(lines[last - 1], lines):
            last -= 1
        kept.append(lines[first:last])
    return kept


def _stands_apart(line: Line, lines: list[Line]) -> bool:
    """Does ``line`` stand further from the page's other lines above or below (but those
    beside it: a footer's other cells) than a paragraph's lines from one another (_APART
    of its size), as a page's number in its footer does? A number that ends the text at
    the foot of its column, at the text's pitch, does not (انتهای‌پیام/86011/ت10/ض then
    1002, on the line after)."""
    return all(not 0.5 * line.size <= abs(other.y - line.y) <= _APART * line.size for other in lines)


def paragraphs_of(pages: list[list[Line]]) -> list[tuple[str, int | None]]:
    """The document's paragraphs, each with its rank as a title (0, the first page's
    largest text where it is larger than the body's; else None), their brackets paired."""
    every = [line for lines in pages for line in lines]
    if not every:
        return []
    sizes: Counter = Counter()
    for line in every:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    body_lines = [line for line in every if abs(line.size - body) < 0.1 * body] or every
    left, right = min(line.left for line in body_lines), max(line.right for line in body_lines)
    pitches = [(a.y - b.y) / body for lines in pages for a, b in pairwise(lines)
               if abs(a.size - body) < 0.1 * body and abs(b.size - body) < 0.1 * body
               and 0 < a.y - b.y < 3 * body]
    pitch = statistics.median(pitches) if pitches else 1.5  # (in font sizes)
    top = max((line.size for line in pages[0]), default=body)
    title = top if top > 1.15 * body else None
    paragraphs: list[tuple[list[str], int | None, bool]] = []  # (its lines, its rank, right to left?)
    before: Line | None = None
    titled = False
    for page, lines in enumerate(pages):
        for n, line in enumerate(lines):
            same_page = n > 0 and not line.new_part
            if before is None or _ends_paragraph(before, line, left, right, pitch, same_page=same_page):
                first_title = (page == 0 and title is not None and abs(line.size - title) < 0.05 * title
                               and not titled)
                titled = titled or first_title
                paragraphs.append(([line.text], 0 if first_title else None, line.rtl))
            elif _broke_word(before, left, right):
                paragraphs[-1][0][-1] += UNSURE_SPACE + line.text  # (the word table decides)
            else:
                paragraphs[-1][0].append(line.text)
            before = line
    texts = [_JOINED.sub("", settle_unsure(" ".join(lines))) for lines, _, _ in paragraphs]
    # (its brackets read a paragraph at a time, as one may close on the next line; and
    # by the glyphs the file maps them to, where its right-to-left paragraphs show how)
    mirrored = mirrors([text for text, (_, _, rtl) in zip(texts, paragraphs, strict=True) if rtl])
    return [(paired(text, mirrored if rtl else None), rank)
            for text, (_, rank, rtl) in zip(texts, paragraphs, strict=True)]


def _ends_paragraph(a: Line, b: Line, left: float, right: float, pitch: float, *, same_page: bool) -> bool:
    """Does line ``b`` begin a paragraph after ``a``? (Across a page or a column, where
    ``a`` stopped short of its column's edge, ``left`` or ``right`` where the page has one
    column: the page's end is no sign.) A table's cell, or a hemistich, is one of its own."""
    if abs(a.size - b.size) > 0.1 * a.size or a.rtl != b.rtl or a.cell or b.cell:
        return True
    if same_page and not 0 < a.y - b.y <= _WIDER * pitch * a.size:
        return True
    return _room(a, left, right) > b.first_word + 0.5 * b.size  # (with a space before the word, and slack)


def _broke_word(a: Line, left: float, right: float) -> bool:
    """May a word have been broken at the end of line ``a``, its paragraph going on on the
    next? So it may where ``a`` is one word, as wide as its column but for a letter's room:
    one too long for any line (اشتغالزایی،عمرانی،فرهنگی،اقتصادی), which LibreOffice breaks
    between two letters. (A word alone on its line because the next did not fit leaves
    more room.) But a word as wide as a column may also be whole, where the column was
    made as wide as it (Chromium's): the word table decides (see settle_unsure), and
    where it does not know the two halves as one, they stay apart."""
    return " " not in a.text.strip() and _room(a, left, right) < a.size


def _room(a: Line, left: float, right: float) -> float:
    """Where line ``a`` stopped short of its column's edge (``left`` or ``right``, the
    page's, where the page has one column)."""
    left, right = a.edges or (left, right)
    return a.left - left if a.rtl else right - a.right
