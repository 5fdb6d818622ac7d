"""paknevis (پاک‌نویس, "fair copy"): raw Persian web text in, clean correctly written text out."""
from .dates import DateMention, find_dates
from .documents import Document, parse, parse_file
from .repair import Edit, RepairConfig, Repairer, apply_edits, fix, fix_and_explain, undo_edits

__version__ = "0.1.0"

__all__ = ["DateMention", "Document", "Edit", "RepairConfig", "Repairer", "apply_edits",
           "find_dates", "fix", "fix_and_explain", "parse", "parse_file", "undo_edits", "__version__"]
