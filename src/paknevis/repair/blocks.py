"""Texts too large to repair in one call, repaired a block of whole lines at a time.

``fix`` needs working memory of about twenty times the text it is given (about 540 MB for a
26 MB file, ``benchmarks/memory.py``), so a file of some hundred megabytes would not fit.
Cut into blocks of lines, it is repaired in bounded memory, and each block can be written
out as soon as it is done.

Repair never adds or removes a line break, and no step looks across one, but for one
judgement: the writer's habit with ZWNJ (see ``zwnj._follow_the_writers_habit``), which
each block makes on its own evidence. Blocks are counted in lines, not characters, so
that a second pass cuts its input where the first pass cut, and stays idempotent.

>>> list(line_blocks("a\\nb\\nc", lines=2)), list(line_blocks(["a\\nb", "\\nc\\n"], lines=1))
(['a\\nb\\n', 'c'], ['a\\n', 'b\\n', 'c\\n'])
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Lines per block: a few hundred paragraphs are ample evidence of a writer's habit, and a
#: block of web paragraphs (or of one-document-a-line corpus rows) stays a few megabytes.
BLOCK_LINES = 256


def line_blocks(text: str | Iterable[str], lines: int = BLOCK_LINES) -> Iterator[str]:
    """``text`` (a string, or chunks of one as they are read) cut after every ``lines``-th
    line break; the blocks put together give the text back."""
    if lines < 1:
        raise ValueError("lines must be at least 1")
    parts: list[str] = []  # the block so far ...
    breaks = 0  # ... and its line breaks
    for chunk in [text] if isinstance(text, str) else text:
        start = 0
        while True:
            end = start
            while breaks < lines and (end := chunk.find("\n", end) + 1):
                breaks += 1
            if breaks < lines:  # the chunk ends inside this block
                parts.append(chunk[start:])
                break
            parts.append(chunk[start:end])
            yield "".join(parts)
            parts, breaks, start = [], 0, end
    if any(parts):
        yield "".join(parts)
