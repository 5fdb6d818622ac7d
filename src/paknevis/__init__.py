"""paknevis (پاک‌نویس, "fair copy"): raw Persian web text in, clean correctly written text out."""
from .repair import Edit, RepairConfig, Repairer, apply_edits, fix, fix_and_explain, undo_edits

__version__ = "0.1.0"

__all__ = ["Edit", "RepairConfig", "Repairer", "apply_edits", "fix", "fix_and_explain",
           "undo_edits", "__version__"]
