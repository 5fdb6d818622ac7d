"""Mojibake: Persian that was read with the wrong encoding and saved again.

Old databases and CMSs that decoded UTF-8 as Windows-1252 or Latin-1 leave ``Ø³Ù„Ø§Ù…``
for ``سلام``: each Persian letter becomes two Latin-1 signs, the first one of Ø Ù Ú Û
(the bytes D8-DB that start an Arabic-script letter in UTF-8), the second a sign for a
byte 80-BF (``³``, ``„``, the C1 controls of Latin-1); a ZWNJ becomes ``â€Œ``, a « ``Â«``.
Each run of such pairs and triples is turned back into those bytes and decoded, where it
holds an Arabic-script character: ``Ørsted`` or a lone ``Â«`` stay.

ftfy's ``fix_encoding`` does this too, but weighs the whole text around a run before it
decides, so that a change elsewhere in the line (an NBSP that the spacing step makes a
space) could change its decision on a second pass: ``fix`` would not be idempotent
(hypothesis found ``"\\xa0Ø³Ù„Ø§Ù…"``). This decoder looks at the run alone.

>>> from paknevis import fix
>>> fix("Ø³Ù„Ø§Ù… Ø¯Ù†ÛŒØ§ Ùˆ Ú©ØªØ§Ø¨â€ŒÙ‡Ø§")
'سلام دنیا و کتاب\\u200cها'
"""
from __future__ import annotations

import re

from .step import RegexStep

#: The sign each byte 80-FF becomes when UTF-8 is read as Windows-1252, or as Latin-1
#: (which keeps 80-9F as C1 controls, and so do the five bytes Windows-1252 leaves out).
_BYTE_OF: dict[str, int] = {}
for _b in range(0x80, 0x100):
    _BYTE_OF[bytes([_b]).decode("latin-1")] = _b
    _BYTE_OF[bytes([_b]).decode("cp1252", errors="ignore") or chr(_b)] = _b


def _signs(low: int, high: int) -> str:
    return re.escape("".join(c for c, b in _BYTE_OF.items() if low <= b <= high))


_CONT = f"[{_signs(0x80, 0xBF)}]"
_TWO = f"[{_signs(0xC2, 0xDF)}]{_CONT}"  # Arabic-script letters (D8-DB), « » NBSP
_THREE = f"[{_signs(0xE0, 0xEF)}]{_CONT}{_CONT}"  # ZWNJ, dashes, quotes
# A run does not start right after a lead sign: that sign would be the first half of a pair
# whose second half the run took. It is taken whole, with no way back ("++"): a run that
# had to hold an Arabic pair somewhere was tried again from each of its pairs, and a line of
# 8,000 «s took 1.6 s. Whether it holds one is asked of the decoded run.
_RUN = re.compile(f"(?<![{_signs(0xC2, 0xEF)}])(?:{_TWO}|{_THREE})++")
_LEAD_SIGNS = "ØÙÚÛ"  # D8-DB as both encodings show them: no run to decode is without one
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def _has_lead_sign(text: str) -> bool:
    return any(map(text.__contains__, _LEAD_SIGNS))


def garbled(text: str) -> bool:
    """Does ``text`` hold a run this step would decode? After the other steps it may, where
    one put a decoded sign beside a lead sign: the pipeline then runs once more."""
    return _has_lead_sign(text) and any(_decode(m) is not None for m in _RUN.finditer(text))


def _decode(m: re.Match) -> str | None:
    try:
        text = bytes(map(_BYTE_OF.__getitem__, m.group())).decode("utf-8")
    except UnicodeDecodeError:  # a triple that is no UTF-8 (E0 80 80): not mojibake
        return None
    return text if _ARABIC_SCRIPT.search(text) else None  # « alone may be a French «


mojibake_step = RegexStep("mojibake", _RUN, _decode, "letters.mojibake", precheck=_has_lead_sign)
