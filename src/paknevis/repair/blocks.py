"""Texts too large to repair in one call, repaired a block of whole lines at a time.

``fix`` needs working memory of about twenty times the text it is given (a 26 MB file
took 570 MB), so a file of some hundred megabytes would not fit. Cut into blocks of lines,
it is repaired in bounded memory, and each block can be written out as soon as it is done.

Repair never adds or removes a line break, and no step looks across one, but for one
judgement: the writer's habit with ZWNJ (see ``zwnj._follow_the_writers_habit``), which
each block makes on its own evidence. Blocks are counted in lines, not characters, so
that a second pass cuts its input where the first pass cut, and stays idempotent.

>>> [block for _, block in line_blocks("a\\nb\\nc", lines=2)]
['a\\nb\\n', 'c']
"""
from __future__ import annotations

from collections.abc import Iterator

#: Lines per block: a few hundred paragraphs are ample evidence of a writer's habit, and a
#: block of web paragraphs (or of one-document-a-line corpus rows) stays a few megabytes.
BLOCK_LINES = 256


def line_blocks(text: str, lines: int = BLOCK_LINES) -> Iterator[tuple[int, str]]:
    """``text`` cut after every ``lines``-th line break: (offset of the block, block)."""
    if lines < 1:
        raise ValueError("lines must be at least 1")
    start, n = 0, len(text)
    while start < n:
        end = start
        for _ in range(lines):
            end = text.find("\n", end) + 1
            if not end:
                end = n
                break
        yield start, text[start:end]
        start = end
