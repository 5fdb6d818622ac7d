"""Spans that repair must not touch: URLs, e-mail addresses, @handles and Latin words.

Steps that would otherwise change digits or spacing inside them put this pattern first in
an alternation, so a match of it is consumed and left as it is.
"""
from __future__ import annotations

URL = r"(?:https?://|www\.)[^\s<>\"'«»]+"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
HANDLE = r"@[A-Za-z0-9_]+"
LATIN_WORD = r"[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?:[.\-][A-Za-z0-9_]+)*"

#: One regex group (named ``keep``) that matches any protected span.
PROTECTED = f"(?P<keep>{URL}|{EMAIL}|{HANDLE}|{LATIN_WORD})"
