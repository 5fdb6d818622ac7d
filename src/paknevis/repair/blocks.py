"""Files too large to repair in one call, repaired a block of whole lines at a time.

Cut into blocks of lines (see ``lines.line_blocks``), a file of some gigabytes is repaired
in bounded memory, and each block can be written out as soon as it is done.
:func:`repair_blocks` repairs them in order, in this process or on a pool of processes.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from multiprocessing.pool import Pool
from typing import NamedTuple

from .edits import Edit
from .forms import TEXT, Form
from .pipeline import repairer
from .strings import StringRepair, StringsRepair, repair_strings


class RepairedBlock(NamedTuple):
    """One block as :func:`repair_blocks` gives it back."""

    size: int  # the block's length in characters
    changed: bool
    text: str  # the repaired text ("" where the edits were asked for)
    edits: list[Edit]  # the edits that make it (where they were asked for) ...
    strings: list[StringRepair]  # ... or, of JSON, tables, pages and posts, each string's


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
                  pool: Pool | None = None, form: Form = TEXT) -> Iterator[RepairedBlock]:
    """Repair each block with the :class:`RepairConfig` ``options``, in order, here or on a
    :func:`worker_pool`; with ``explain``, give each block's edits (or, for a ``form`` not
    text, each string's)."""
    work = partial(_repair_block, options or {}, explain, form)
    if pool is None:
        yield from map(work, blocks)
        return
    # imap reads ahead only as far as its task pipe holds, so memory stays bounded. Eight
    # blocks a task: on a 106 MB file two workers took 10.6 s with one block a task, 8.8 s
    # with eight, against 14.2 s for one process.
    for done in pool.imap(partial(_map, work), _batches(blocks, 8)):
        yield from done


def strings_repair(options: dict | None = None, *, explain: bool = False,
                   pool: Pool | None = None) -> StringsRepair:
    """A function that repairs a list of strings with the :class:`RepairConfig` ``options``
    (as ``strings.repair_strings`` does: the strings, and with ``explain``, each one's
    edits), here or on a :func:`worker_pool`, 128 strings a task (on a Parquet shard of
    35 MB of articles, 1,200 a row group, two workers took 2.48 s with 128, 2.60 s with 512)."""
    work = partial(_repair_strings, options or {}, explain)
    if pool is None:
        return work

    def on_pool(texts: list[str]) -> tuple[list[str], list[list[Edit]]]:
        fixed: list[str] = []
        edits: list[list[Edit]] = []
        for done, done_edits in pool.map(work, [texts[at:at + 128] for at in range(0, len(texts), 128)]):
            fixed += done
            edits += done_edits
        return fixed, edits
    return on_pool


def _repair_strings(options: dict, explain: bool, texts: list[str]) -> tuple[list[str], list[list[Edit]]]:
    return repair_strings(texts, repairer(**options), explain)


def _repair_block(options: dict, explain: bool, form: Form, block: str) -> RepairedBlock:
    rep = repairer(**options)
    if form.kind != "text":
        fixed, strings = form.repair(block, rep, explain)
        return RepairedBlock(len(block), fixed != block, "" if explain else fixed, [], strings)
    if explain:
        fixed, edits = rep.fix_and_explain(block)
        return RepairedBlock(len(block), fixed != block, "", edits, [])
    fixed = rep.fix(block)
    return RepairedBlock(len(block), fixed != block, fixed, [], [])


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
