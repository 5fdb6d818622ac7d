"""Inputs of a corpus run, as a stream of :class:`Item`: files, folders, JSONL dumps.

Nothing is read whole: folders are walked lazily and JSONL dumps line by line, so memory
does not grow with the corpus. A JSONL line that is not JSON is still an item (it becomes
a reject with its reason), so every input is accounted for.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
DUMP_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Item:
    """One input: a file to read, or one line of a JSONL dump."""

    ref: str  #: where it came from: 'path' or 'path:line'
    path: str | None = None  #: a file to read and parse
    line: str | None = None  #: a JSONL line, as text


def iter_items(inputs: list[str | Path]) -> Iterator[Item]:
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(DOCUMENT_SUFFIXES):
                        yield Item(ref=str(Path(root) / name), path=str(Path(root) / name))
        elif path.suffix.lower() in DUMP_SUFFIXES and path.is_file():
            with open(path, "rb") as f:
                for n, raw in enumerate(f, 1):
                    if raw.strip():
                        yield Item(ref=f"{path}:{n}", line=raw.decode("utf-8", "replace"))
        else:  # a document file, or a path that does not exist (a reject, not a crash)
            yield Item(ref=str(path), path=str(path))
