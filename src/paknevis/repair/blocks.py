"""Texts too large to repair in one call, repaired a block of whole lines at a time.

``fix`` needs working memory of about twenty times the text it is given (1.9 GB for a
106 MB file, ``benchmarks/large_input.py``), so a file of some gigabytes would not fit.
Cut into blocks of lines, it is repaired in bounded memory, and each block can be written
out as soon as it is done.

Repair never adds or removes a line break, and no step looks across one, but for one
judgement: the writer's habit with ZWNJ (see ``zwnj.habit``), which
each block makes on its own evidence. Blocks are counted in lines, not characters, so
that a second pass cuts its input where the first pass cut, and stays idempotent.
:func:`repair_blocks` repairs them in order, in this process or on a pool of processes.

>>> list(line_blocks("a\\nb\\nc", lines=2)), list(line_blocks(["a\\nb", "\\nc\\n"], lines=1))
(['a\\nb\\n', 'c'], ['a\\n', 'b\\n', 'c\\n'])
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from multiprocessing.pool import Pool
from typing import NamedTuple

from .edits import Edit
from .pipeline import repairer

#: Lines per block: a few hundred paragraphs are ample evidence of a writer's habit, and a
#: block of web paragraphs (or of one-document-a-line corpus rows) stays a few megabytes.
BLOCK_LINES = 256
#: The most characters a block may hold. Repair needs about twenty times a block in memory,
#: so this keeps one huge line (a whole site on one line) within about 1.3 GB: past it the
#: input is refused with a message that says what to do, not killed for want of memory.
MAX_BLOCK_CHARS = 64_000_000


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


class RepairedBlock(NamedTuple):
    """One block as :func:`repair_blocks` gives it back."""

    size: int  # the block's length in characters
    changed: bool
    result: str | list[Edit]  # the repaired text, or the edits that make it


@contextmanager
def worker_pool(workers: int, options: dict | None = None) -> Iterator[Pool | None]:
    """A pool of ``workers`` processes for :func:`repair_blocks` (None for one), forked once
    the tables for ``options`` are loaded, so that they share them. One pool serves every
    input of a run: forking one per file would cost more than a small file's repair."""
    if workers == 1:
        yield None
        return
    repairer(**(options or {}))
    with mp.get_context("fork").Pool(workers) as pool:
        yield pool


def repair_blocks(blocks: Iterable[str], options: dict | None = None, *, explain: bool = False,
                  pool: Pool | None = None) -> Iterator[RepairedBlock]:
    """Repair each block with the :class:`RepairConfig` ``options``, in order, here or on a
    :func:`worker_pool`; with ``explain``, give each block's edits."""
    work = partial(_repair_block, options or {}, explain)
    if pool is None:
        yield from map(work, blocks)
        return
    # imap reads ahead only as far as its task pipe holds, so memory stays bounded. Eight
    # blocks a task: on a 106 MB file two workers took 10.6 s with one block a task, 8.8 s
    # with eight, against 14.2 s for one process.
    for done in pool.imap(partial(_map, work), _batches(blocks, 8)):
        yield from done


def _repair_block(options: dict, explain: bool, block: str) -> RepairedBlock:
    rep = repairer(**options)
    if explain:
        fixed, edits = rep.fix_and_explain(block)
        return RepairedBlock(len(block), fixed != block, edits)
    fixed = rep.fix(block)
    return RepairedBlock(len(block), fixed != block, fixed)


def _map(work, items: list) -> list:
    return list(map(work, items))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size``; if reading them fails, the items read before still
    come, then the error (as they would one at a time)."""
    batch = []
    try:
        for item in items:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch
