"""Corpus runs: many inputs in, one record or one reject (with its reason) out per input."""
from .inputs import Item, iter_items
from .run import RunCounts, process_items

__all__ = ["Item", "RunCounts", "iter_items", "process_items"]
