"""The ZWNJ step's scan in C (_scan.c), as zwnj/restorer.py calls it."""
from collections.abc import Mapping
from typing import Any

class WordTable:
    """Pieces the scan decides on sight: 0 for a quiet word, -1 for a joinable pair, i > 0
    for the left side of pairs (``left_rights[i]``). Keys must lie in the BMP."""

    def __init__(self, items: Mapping[str, int], word_chars: str, /) -> None: ...
    def get(self, key: str, /) -> int | None: ...

def scan(text: str, table: WordTable, left_rights: list[Any], busy: Any,
         /) -> list[tuple[int, int, int, Any]]:
    """(index, start, end, busy value) of each piece of ``text`` to visit."""
