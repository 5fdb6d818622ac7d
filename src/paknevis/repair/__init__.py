"""Repair: ``str -> str`` functions that put Persian web text right (and, for Parquet, Word
documents and EPUB books, file to file). Knows nothing of documents' records."""
from typing import Unpack

from .compiled import check_build
from .config import RepairConfig, RepairOptions
from .csv_text import CsvError, fix_table
from .docx_text import fix_docx
from .edits import Edit, apply_edits, undo_edits
from .epub_text import fix_epub
from .html_text import fix_html
from .json_text import JsonError, fix_json
from .markdown_text import fix_markdown
from .odt_text import fix_odt
from .parquet_text import ParquetError, fix_parquet
from .pipeline import Repairer, repairer
from .wikitext import fix_wikitext
from .xml_text import fix_xml
from .zipped import ZippedError
from .zwnj import Lexicon

check_build()  # (a module compiled before its source changed: say so, not run old code)


def fix(text: str, **options: Unpack[RepairOptions]) -> str:
    """Return ``text`` with its letters, digits, spacing, handles and ZWNJs put right.

    Options are the fields of :class:`RepairConfig` (``digits='latin'``, ``zwnj=False``, …).
    ``fix`` is idempotent and never removes letters: only what is missing is inserted and
    what is wrong is replaced.

    >>> fix("شکستهای اخیر در منطقه، با استقبال بینالمللی روبهرو شده است")
    'شکست\u200cهای اخیر در منطقه، با استقبال بین\u200cالمللی روبه\u200cرو شده است'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix() takes a str, not {type(text).__name__}")
    return repairer(**options).fix(text)


def fix_and_explain(text: str, **options: Unpack[RepairOptions]) -> tuple[str, list[Edit]]:
    """Like :func:`fix`, and also the list of edits, each with its span in ``text``.

    ``apply_edits(text, edits) == fixed`` and ``undo_edits(fixed, edits) == text``.

    >>> fixed, edits = fix_and_explain("میشود")
    >>> [(e.start, e.end, e.old, e.new, e.rule) for e in edits]
    [(0, 5, 'میشود', 'می\u200cشود', 'zwnj.word')]
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_and_explain() takes a str, not {type(text).__name__}")
    return repairer(**options).fix_and_explain(text)


__all__ = ["CsvError", "Edit", "JsonError", "Lexicon", "ParquetError", "RepairConfig", "RepairOptions",
           "Repairer", "ZippedError", "apply_edits", "fix", "fix_and_explain", "fix_docx", "fix_epub",
           "fix_html", "fix_json", "fix_markdown", "fix_odt", "fix_parquet", "fix_table", "fix_wikitext",
           "fix_xml", "undo_edits"]
