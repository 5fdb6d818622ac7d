r"""Lines in Urdu, Pashto or Sorani Kurdish pass through repair untouched.

These languages write letters on purpose that Persian repair folds (Urdu's ہ ھ, Kurdish
ە, Pashto's ي), and Persian ZWNJs and digits have no place in them. A Persian page may
quote them, and a web corpus mixes them in. A line with a letter that Persian never writes
and they do (Urdu ے ں ٹ, Pashto ښ ۍ ټ, Kurdish ێ ۆ ڵ ڕ) is theirs: ``fix`` leaves it as
it is and repairs the Persian lines around it. (Arabic has no such letter of its own, and
folding the yeh and kaf of an Arabic quote is what Persian editors do.)

>>> from paknevis import fix
>>> fix("خبر میشود\nپێشمەرگە ھاتن\nپاکستان کی حکومت نے کہا ہے")
'خبر می\u200cشود\nپێشمەرگە ھاتن\nپاکستان کی حکومت نے کہا ہے'
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .runs import CharRuns

#: Letters of Urdu, Pashto and Sorani Kurdish that Persian never writes, and the
#: presentation forms of each (from PDFs), which repair would turn into the letter.
#: Not ە or ڤ: Persian text typed on a Kurdish keyboard has them for ه and و.
_LETTERS = "ےںٹڈڑۓ" + "ټډړږښګڼۍېځڅ" + "ێۆڵڕ"
FOREIGN_LETTERS = _LETTERS + "".join(
    chr(cp) for cp in [*range(0xFB50, 0xFDF0), *range(0xFE70, 0xFEFF)]
    if set(unicodedata.normalize("NFKC", chr(cp))) & set(_LETTERS))
#: Urdu letters that are also what UTF-8 read as Windows-1256 makes of the second byte of
#: a letter, after ط ظ ع غ (؟ becomes طں, Arabic ي ظٹ): there they are mojibake, which
#: repair decodes (mojibake.py), and no Urdu.
_MOJIBAKE_SIGNS = "ںٹڈڑ"
_FOREIGN = "(?:[{}]|(?<![طظعغ])[{}])".format(
    "".join(c for c in FOREIGN_LETTERS if c not in _MOJIBAKE_SIGNS), _MOJIBAKE_SIGNS)
_FOREIGN_LETTER = re.compile(_FOREIGN)
_FOREIGN_LINE = re.compile(f"^.*{_FOREIGN}.*$", re.M)


_foreign_runs = CharRuns(FOREIGN_LETTERS).if_in_c()


def has_foreign_letter(text: str) -> bool:
    """The letters are looked for in C (runs.py: 1.9 ms on farsnews, where one ``in`` per
    letter took 4.7 and a regex class more), and the regex only where one is."""
    found = _foreign_runs(text) if _foreign_runs is not None else any(map(text.__contains__, FOREIGN_LETTERS))
    return bool(found) and bool(_FOREIGN_LETTER.search(text))


def persian_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``text`` that repair may touch: the runs of whole lines between the
    foreign ones (each without the line break that ends it, so that the run is repaired
    as the same lines would be in a text of their own)."""
    start = 0
    for m in _FOREIGN_LINE.finditer(text):
        if m.start() - 1 > start:
            yield start, m.start() - 1  # the line break before the foreign line stays
        start = m.end() + 1
    if start < len(text):
        yield start, len(text)
