"""A text cut into blocks of whole lines, to be repaired a block at a time.

Repair never adds or removes a line break, and no step looks across one (the writer's
habit with ZWNJ is judged a line at a time too, see ``zwnj.habit``): a text comes out as
its blocks do, wherever they are cut, and a block only bounds the memory a repair takes.
``fix`` cuts a text of more lines than a block so (see ``pipeline.Repairer``); ``paknevis
fix`` cuts a file as it reads it (``blocks.repair_blocks``).

>>> list(line_blocks("a\\nb\\nc", lines=2)), list(line_blocks(["a\\nb", "\\nc\\n"], lines=1))
(['a\\nb\\n', 'c'], ['a\\n', 'b\\n', 'c\\n'])
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Lines per block: a block of web paragraphs (or of one-document-a-line corpus rows)
#: stays a few megabytes.
BLOCK_LINES = 256
#: The most characters a block may hold. Repair needs about twenty times a block in memory,
#: so this keeps one huge line (a whole site on one line) within about 1.3 GB: past it the
#: input is refused with a message that says what to do, not killed for want of memory.
MAX_BLOCK_CHARS = 64_000_000


def line_around(text: str, at: int) -> tuple[int, int]:
    """Where the line that holds offset ``at`` starts and ends (before its line break).

    >>> line_around("الف\\nب ج\\nد", 5)
    (4, 7)
    """
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


class BlockTooLarge(ValueError):
    """A block of lines holds more than ``max_chars`` characters."""


def line_blocks(text: str | Iterable[str], lines: int = BLOCK_LINES,
                max_chars: int = MAX_BLOCK_CHARS) -> Iterator[str]:
    """``text`` (a string, or chunks of one as they are read) cut after every ``lines``-th
    line break; the blocks put together give the text back. A block of more than
    ``max_chars`` characters is a :class:`BlockTooLarge`, raised before it is all read."""
    if lines < 1:
        raise ValueError("lines must be at least 1")
    parts: list[str] = []  # the block so far ...
    breaks = size = 0  # ... its line breaks and its characters
    first = 1  # the number of its first line
    for chunk in [text] if isinstance(text, str) else text:
        start = 0
        while True:
            end = start
            while breaks < lines and (end := chunk.find("\n", end) + 1):
                breaks += 1
            part = chunk[start:end] if breaks == lines else chunk[start:]
            size += len(part)
            if size > max_chars:
                last = first + breaks - (breaks == lines)  # the line that crossed the limit
                where = f"line {first:,} holds" if last == first else f"lines {first:,} to {last:,} hold"
                raise BlockTooLarge(f"{where} more than {max_chars:,} characters, too many to "
                                    "repair at once: break the text into shorter lines")
            parts.append(part)
            if breaks < lines:  # the chunk ends inside this block
                break
            yield "".join(parts)
            parts, breaks, size, start, first = [], 0, 0, end, first + lines
    if any(parts):
        yield "".join(parts)
