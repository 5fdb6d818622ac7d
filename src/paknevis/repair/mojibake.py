"""Mojibake: Persian that was read with the wrong encoding and saved again.

UTF-8 read as a single-byte encoding turns each Persian letter into two signs, the first
for one of the bytes D8-DB that start an Arabic-script letter, the second for a byte 80-BF.
Two such readings are common, and both are decoded:

* **Windows-1256**, the Arabic-script code page of Windows, as pages declared in it or
  opened with it show UTF-8: ``ط³ظ„ط§ظ…`` for ``سلام``. Its signs for D8-DB are Arabic
  letters (ط ظ ع غ), and so are some for 80-BF (پ ک), so that real Persian could look like
  a pair (``عک`` in ``عکس`` is ژ read so): a run is decoded only if it holds a Latin sign
  that no Persian word has beside a letter (``§`` of ا, ``Œ`` of ی), and only into Persian.
* **Windows-1252 or Latin-1**, as old databases and CMSs stored it: ``Ø³Ù„Ø§Ù…``. Latin
  letters do not look like Persian: a run is decoded where it holds an Arabic-script
  character, so that ``Ørsted`` or a lone ``Â«`` stay.

In both, a ZWNJ becomes ``â€Œ`` and a « ``Â«`` or ``آ«``. Each run of pairs and triples is
turned back into its bytes and decoded as UTF-8; a run garbled twice the second way
(``Ã˜Â³``) is decoded twice.

Old Persian sites wrote Windows-1256 itself, one byte a letter, which Windows-1252 shows as
``ÇíÑÇä`` (ایران). Latin-1's letters then stand for Persian ones (ä for ن, æ for و), so
such a run is read back only where it is clearly no Latin word: three letters or more with
a capital among them; a shorter word (``æ``, ``ÇÒ``) only beside such a word in its line.
Finnish ``öljymäärä`` and Danish ``æøå`` stay.

ftfy's ``fix_encoding`` does the Windows-1252 reading, but weighs the whole text around a
run before it decides, so that a change elsewhere in the line (an NBSP that the spacing
step makes a space) could change its decision on a second pass: ``fix`` would not be
idempotent (hypothesis found ``"\\xa0Ø³Ù„Ø§Ù…"``). It has neither Windows-1256 reading:
ftfy 6.3.1 leaves ``ÇíÑÇä`` as it is, and turns the „ of ``ظ„`` (ل) into a plain quote,
after which nothing can decode it. This decoder looks at each run alone, at most at its line.

>>> from paknevis import fix
>>> fix("Ø³Ù„Ø§Ù… Ø¯Ù†ÛŒØ§ Ùˆ Ú©ØªØ§Ø¨â€ŒÙ‡Ø§")
'سلام دنیا و کتاب\\u200cها'
>>> fix("ط³ظ„ط§ظ… ط¯ظ†غŒط§ ظˆ ع©طھط§ط¨â€Œظ‡ط§")
'سلام دنیا و کتاب\\u200cها'
>>> fix("ÇíÑÇä æ ÚÑÇÞ")
'ایران و عراق'
"""
from __future__ import annotations

import re

from .chars import ALL_DIGITS, COMBINING_MARKS, PERSIAN_LETTERS, ZWNJ
from .lines import line_around
from .runs import CharRuns
from .step import RegexStep


def _byte_table(*encodings: str) -> dict[str, int]:
    """The sign each byte 80-FF becomes when UTF-8 is read in one of ``encodings``. A byte
    an encoding leaves out stays the C1 control of its number, as Latin-1 reads it."""
    out = {}
    for b in range(0x80, 0x100):
        for encoding in encodings:
            out[bytes([b]).decode(encoding, errors="ignore") or chr(b)] = b
    return out


def _run_pattern(byte_of: dict[str, int], leads_of_two: range | tuple,
                 leads_of_three: range | tuple) -> str:
    """Runs of the pairs and triples that Arabic-script UTF-8 becomes in one reading."""
    def signs(*bytes_: int) -> str:
        return re.escape("".join(c for c, b in byte_of.items() if b in bytes_))

    cont = f"[{signs(*range(0x80, 0xC0))}]"
    two = f"[{signs(*leads_of_two)}]{cont}"  # Arabic-script letters (D8-DB), « » NBSP (C2)
    three = f"[{signs(*leads_of_three)}]{cont}{cont}"  # ZWNJ, dashes, quotes (E2), BOM (EF)
    # A run does not start right after a lead sign: that sign would be the first half of a
    # pair whose second half the run took. It is taken whole, with no way back ("++"): a
    # run that had to hold an Arabic pair somewhere was tried again from each of its pairs,
    # and a line of 8,000 «s took 1.6 s. Whether it is Persian is asked of the decoded run.
    return f"(?<![{signs(*leads_of_two, *leads_of_three)}])(?:{two}|{three})++"


_LATIN = _byte_table("latin-1", "cp1252")
_ARABIC = _byte_table("cp1256")
_LATIN_SIGNS = re.compile(f"[{re.escape(''.join(_LATIN))}]+")
_LATIN_RUN = re.compile(_run_pattern(_LATIN, range(0xC2, 0xE0), range(0xE0, 0xF0)))
# A run of Latin signs is taken whole (it may be UTF-8 or Windows-1256 bytes read so, and
# the two are told apart on the whole); else a run of Windows-1256 pairs. Windows-1256 shows
# most lead bytes as Arabic letters (ا ب د…), which a garbled word may touch: only those
# that Persian text starts a character with (C2, D8-DB, E2, EF) begin one of its pairs, so
# that a run stops where real Persian glued to it begins.
_RUN = re.compile(f"({_LATIN_SIGNS.pattern})"
                  f"|({_run_pattern(_ARABIC, (0xC2, 0xD8, 0xD9, 0xDA, 0xDB), (0xE2, 0xEF))})")

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
#: Windows-1256 signs for 80-BF that real Persian may put right after a letter: they are no
#: evidence of mojibake (``غلیظ…`` is not ``غلیم``).
_NO_EVIDENCE = "…–—‘’“”•\u00ad\u00a0«»"
#: Windows-1256 signs for 80-BF that are no Arabic-script letter, and Urdu ں (of ؟): one
#: of them in a run is the evidence that it is mojibake.
_EVIDENCE = frozenset(c for c, b in _ARABIC.items() if b < 0xC0 and not _ARABIC_SCRIPT.match(c)
                      and c not in _NO_EVIDENCE + ZWNJ + "\u200d") | {"ں"}
_CAPITALS = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")
_ARABIC_LETTERS = frozenset(c for c in map(chr, range(0x0621, 0x06D4)) if c.isalpha())
#: What a run read as Windows-1256 may decode to: Persian text, with the letters and
#: invisibles that the letter step folds or drops (``ع…`` decodes to the Pashto letter څ,
#: and stays).
_PERSIAN_TEXT = frozenset(PERSIAN_LETTERS + COMBINING_MARKS + ALL_DIGITS + "يكىڪہھەـ،؛؟"
                          + ZWNJ + "\u200d\u200e\u200f\ufeff" + _NO_EVIDENCE)


#: The signs a run must hold to be decoded: one of Windows-1256's evidence, or a Latin
#: capital (UTF-8 read as Windows-1252 starts each Arabic-script letter with Ø Ù Ú Û, or
#: Ã read so twice; a clear Windows-1256 word holds one). A text with none is passed by.
#: A line without one is so left in any text, as it would be alone: `paknevis fix` cuts a
#: file into blocks of lines. (The test was of ØÙÚÛ§Œˆ Ç: a garbled ``علي`` alone on its
#: line was decoded only in a text with one of them elsewhere.) In C, 0.7 ms on the web texts.
_DECODABLE = CharRuns("".join(_EVIDENCE | _CAPITALS))


def garbled(text: str) -> bool:
    """Does ``text`` hold a run this step would decode? After the other steps it may, where
    one put a decoded sign beside a lead sign: the pipeline then runs once more."""
    return _DECODABLE.found_in(text) and any(_decode(m) is not None for m in _RUN.finditer(text))


def _decode(m: re.Match) -> str | None:
    if m.lastindex == 1:
        return _decode_latin_signs(m)
    run = m.group()
    if not any(map(_EVIDENCE.__contains__, run)):
        return None  # a lone آ« stays too: a quoted آ («آ») would lose its letter
    return _utf8_by_char(run, _ARABIC, persian_only=True)


def _decode_latin_signs(m: re.Match) -> str | None:
    """A run of the signs Windows-1252 and Latin-1 show for bytes 80-FF: UTF-8 read so
    (``Ø³Ù„Ø§Ù…``), or Windows-1256 read so (``ÓáÇã``), the Persian encoding of old sites.

    UTF-8 if the run is UTF-8 whole and Persian, once or twice garbled so (``Ã˜Â³`` is
    ``Ø³``, which is س); else Windows-1256 if the run is clearly Persian so read (a pair in
    it may be UTF-8 by chance: ``Ú˜`` of عک is ژ), or it is a short word in a line with a
    clear one (``æ`` is و there, ``¿`` is ؟, but a Norwegian ``å`` stays); else its
    stretches of UTF-8."""
    run = m.group()
    whole = _utf8_whole(run)
    if whole is not None and not _ARABIC_SCRIPT.search(whole):
        whole = _utf8_whole(whole)  # garbled twice: the signs of signs
    if whole is not None and _ARABIC_SCRIPT.search(whole):
        return whole
    legacy = _windows_1256(run)  # (« » NBSP read the same: no change, and no next pass)
    if legacy not in (None, run) and (_strong(run, legacy) or _line_has_strong_run(m)):
        return legacy
    if len(run) > 1:
        decoded = _LATIN_RUN.sub(lambda r: _utf8_by_char(r.group(), _LATIN, False) or r.group(), run)
        return decoded if decoded != run else None
    return None


def _utf8_whole(signs: str) -> str | None:
    """``signs`` as the UTF-8 they show read as Windows-1252 or Latin-1, if they are that."""
    if not _LATIN.keys() >= set(signs):
        return None
    try:
        return bytes(map(_LATIN.__getitem__, signs)).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _letters(text: str) -> int:
    """How many Arabic-script letters ``text`` has."""
    return sum(map(_ARABIC_LETTERS.__contains__, text))


def _windows_1256(run: str) -> str | None:
    """``run`` read back as Windows-1256, if that is Persian.

    Whether a run is decoded depends on nothing outside it but its line: the steps after
    this one move what stands beside a run (a handle's @, a space after «), and a second
    pass must decide as the first did."""
    decoded = bytes(map(_LATIN.__getitem__, run)).decode("cp1256")
    return decoded if _PERSIAN_TEXT.issuperset(decoded) else None


def _strong(run: str, decoded: str) -> bool:
    """Is a run that reads as Persian clearly no Latin word? Three letters or more, and a
    capital among lower-case signs (``ÇíÑÇä``): Finnish ``ää`` or Danish ``æøå`` are not.
    Shorter words (از، به، و) are read so beside a clear one in their line."""
    return _letters(decoded) > 2 and any(map(_CAPITALS.__contains__, run))


#: The line last looked at: its text, start, end, and whether it holds a clear word. Runs
#: come in order, so a long line of short runs is read once, not once for each of them.
_line_seen: tuple = (None, 0, 0, False)


def _line_has_strong_run(m: re.Match) -> bool:
    """Does the line of ``m`` hold a clear Windows-1256 word (see ``_strong``)? A line, not
    the text, so that repair in blocks of lines decides the same."""
    global _line_seen
    text, at = m.string, m.start()
    seen_text, start, end, strong = _line_seen
    if seen_text is not text or not start <= at < end:
        start, end = line_around(text, at)
        strong = any((decoded := _windows_1256(run)) is not None and _strong(run, decoded)
                     for run in _LATIN_SIGNS.findall(text, start, end))
        _line_seen = (text, start, end, strong)
    return strong


def _utf8_by_char(run: str, byte_of: dict[str, int], persian_only: bool) -> str | None:
    """``run`` decoded as UTF-8 character by character: one that is no UTF-8 (E0 80 80), or
    with ``persian_only`` no Persian (¡ of آ، where a garbled word touches a real one),
    keeps its signs. None if no Arabic-script character comes of it (« alone may be a
    French «)."""
    out, persian, i = [], False, 0
    while i < len(run):
        size = 2 if byte_of[run[i]] < 0xE0 else 3
        signs = run[i:i + size]
        try:
            char = bytes(map(byte_of.__getitem__, signs)).decode("utf-8")
        except UnicodeDecodeError:
            char = signs
        if char is not signs and (not persian_only or char in _PERSIAN_TEXT):
            out.append(char)
            persian = persian or bool(_ARABIC_SCRIPT.match(char))
        else:
            out.append(signs)
        i += size
    return "".join(out) if persian else None


mojibake_step = RegexStep("mojibake", _RUN, _decode, "letters.mojibake", precheck=_DECODABLE.found_in)
"""Persian garbled by a wrong decoding (UTF-8 read as Windows-1256, 1252 or Latin-1, or
Windows-1256 read as Windows-1252 or Latin-1) is decoded."""
