"""paknevis (پاک‌نویس, "fair copy"): raw Persian web text in, clean correctly written text out."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .repair import (
    Edit,
    RepairConfig,
    Repairer,
    apply_edits,
    fix,
    fix_and_explain,
    fix_docx,
    fix_epub,
    fix_html,
    fix_json,
    fix_markdown,
    fix_odt,
    fix_parquet,
    fix_table,
    fix_wikitext,
    fix_xml,
    undo_edits,
)

if TYPE_CHECKING:
    from .dates import DateMention, find_dates
    from .documents import Document, parse, parse_file
    from .entities import EntityMention, find_entities

__version__ = "0.1.0"

__all__ = ["DateMention", "Document", "Edit", "EntityMention", "RepairConfig", "Repairer", "apply_edits",
           "find_dates", "find_entities", "fix", "fix_and_explain", "fix_docx", "fix_epub", "fix_html",
           "fix_json", "fix_markdown", "fix_odt", "fix_parquet", "fix_table", "fix_wikitext", "fix_xml",
           "parse", "parse_file", "undo_edits", "__version__"]

#: Loaded on first use: ``fix`` needs none of these parts, and documents bring in trafilatura
#: (importing paknevis took 0.21 to 0.23 s with them, 0.06 s without).
_LAZY = {"DateMention": "dates", "find_dates": "dates", "EntityMention": "entities",
         "find_entities": "entities", "Document": "documents", "parse": "documents",
         "parse_file": "documents"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'paknevis' has no attribute {name!r}")
    value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
