"""Persian punctuation in Persian text: the marks a Latin keyboard types for it.

Persian writes ، ؛ ؟ (U+060C, U+061B, U+061F) and quotes in guillemets «»; a keyboard in
the Latin layout, or a phone's, types , ; ? and straight quotes instead: ``چرا?``,
``تهران, اصفهان``, ``به گزارش "ورزش سه"``.

A mark is Persian text's when a Persian word ends before it (past spaces, closing quotes
and brackets, and other marks, as in ``چرا?!``) and no Latin word follows it. So ``Hello,
world``, ``ایران, Iran``, a URL's ``?id=1`` and a number's ``۱۲,۵۰۰`` (the digit step's)
stay, and so does a comma after a number, as in a date a template wrote (``۱۴۰۳ بهمن ۱۳,
شنبه``).

>>> persian_punctuation_step.apply("چرا? تهران ,اصفهان; شیراز. Hello, world")
'چرا؟ تهران ،اصفهان؛ شیراز. Hello, world'

Straight and curly quotes become guillemets where they pair up on their line around
Persian text (see :class:`PersianQuotesStep`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .chars import COMBINING_MARKS, PERSIAN_LETTER_SET, WORD_BREAKERS, ZWNJ
from .edits import Edit
from .protect import in_spans, is_protected, url_spans
from .runs import CharRuns, spans
from .step import EditsStep

_PERSIAN = {",": "،", ";": "؛", "?": "؟"}
_MARKS = ",;?!،؛؟"
#: What may stand between a Persian word and its mark: spaces, closing quotes and brackets
#: (“ too, which may close a quote, and the quote step after this one make »),
#: other marks, harakat (kept with keep_diacritics), and what later steps take out (a ZWNJ
#: or ZWJ at a word's edge), so that a second pass decides as the first did
_BEHIND = frozenset(f" \t)]}}»“”\"{ZWNJ}\u200d{_MARKS}{COMBINING_MARKS}")
#: What may stand between a mark and the next word
_AHEAD = frozenset(f" \t{ZWNJ}\u200d{_MARKS}")
#: What starts no Persian text after a mark: a Latin word, a handle (which the handle step
#: may make of ``BaharIran@ 7``), a URL's query
_LATIN_START = frozenset("@=&/_")


class PersianPunctuationStep(EditsStep):
    """``, ; ?`` written ``، ؛ ؟`` after a Persian word and before no Latin one."""

    name = "persian_punctuation"
    triggers = ",;?"  # it acts on these only, and writes none: one of the rare-character steps
    _runs = CharRuns(triggers)  # where they stand, found in C

    def edits(self, text: str) -> list[Edit]:
        marks = spans(self._runs(text))
        out: list[Edit] = []
        for (start, end), persian_before, latin_after in zip(
                marks, _persian_word_before(text, marks), _latin_word_after(text, marks), strict=True):
            if persian_before and not latin_after and not is_protected(text, start, end):
                out += (Edit(i, i + 1, text[i], _PERSIAN[text[i]], "punctuation.persian")
                        for i in range(start, end))
        return out


# Each run of marks looks past spaces and marks to the word before it and the word after it.
# A look that reaches the run before (or after) it has that run's answer: so each character
# is passed once, where "? ? ? ?…" would be quadratic.

def _persian_word_before(text: str, marks: list[tuple[int, int]]) -> list[bool]:
    answers, last_end, last = [], -1, False
    for start, end in marks:
        i = start
        while i and text[i - 1] in _BEHIND and i != last_end:
            i -= 1
        last = last if i == last_end else bool(i) and text[i - 1] in PERSIAN_LETTER_SET
        answers.append(last)
        last_end = end
    return answers


def _latin_word_after(text: str, marks: list[tuple[int, int]]) -> list[bool]:
    answers, next_start, following = [], -1, False
    for start, end in reversed(marks):
        i = end
        while i < len(text) and text[i] in _AHEAD and i != next_start:
            i += 1
        if i != next_start:
            following = i < len(text) and _starts_latin(text[i])
        answers.append(following)
        next_start = start
    answers.reverse()
    return answers


def _starts_latin(ch: str) -> bool:
    return ch in _LATIN_START or ch.isascii() and ch.isalpha()


persian_punctuation_step = PersianPunctuationStep()


#: A Latin letter, accented ones too (Café): no pair around one is Persian text's. And
#: Ø Ù Ú Û, which a guillemet after them would make the mojibake of an Arabic letter
#: ("میØ" -> «میØ», whose Ø» the next pass read as ػ and lost the quote)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_OPENING_CURLY, _CLOSING_CURLY = "\u201c", "\u201d"
_CURLY = _OPENING_CURLY + _CLOSING_CURLY


class PersianQuotesStep(EditsStep):
    """Straight quotes around Persian text written as guillemets: ``"ورزش سه"`` ->
    ``«ورزش سه»`` (817 pairs in the Fars News and Varzesh3 articles).

    Only where the quotes of a line pair up, first with second, third with fourth, each
    pair at a word's edges (a space, a text's end or punctuation on its outer side: not
    ``12"``, nor a quote inside a quote, ``"الف "ب" ج"``, which would pair wrongly), and only
    a pair around Persian letters and no Latin ones: ``"Hello"`` stays, as do quotes in a
    URL.

    >>> PersianQuotesStep().apply('به گزارش "ورزش سه"، او گفت: "OK" و "خداحافظ"')
    'به گزارش «ورزش سه»، او گفت: "OK" و «خداحافظ»'

    Curly quotes (from a word processor) around Persian text are guillemets too: ``“ورزش
    سه”``, and ``”المهدی”`` as some type them. They show which way they face, so a pair
    needs no word's edge outside it, which the spacing steps after this one move (``شود“
    ورزش``): the quotes of a line pair up first with second, each pair opening with “ and
    closing with ” where the line has both, or two alike where it has one kind only.
    """

    name = "persian_quotes"
    triggers = '"' + _CURLY
    _quotes = CharRuns('"')  # where they stand, found in C
    _curly = CharRuns(_CURLY)

    def edits(self, text: str) -> list[Edit]:
        pairs = _straight_pairs(text, self._quotes(text))
        if curly := self._curly(text):
            pairs += _curly_pairs(text, curly)
        out: list[Edit] = []
        urls = None  # looked for once, and only in a text with a pair to write
        for a, b in sorted(pairs):
            # (a quote in a Latin word or an address has no space or stop outside it, and
            # a pair around no Latin letter: only a URL's is left to rule out)
            if _persian_inside(text, a, b):
                urls = url_spans(text) if urls is None else urls
                if not (in_spans(a, urls) or in_spans(b, urls)):
                    out += (Edit(a, a + 1, text[a], "«", "punctuation.guillemets"),
                            Edit(b, b + 1, text[b], "»", "punctuation.guillemets"))
        return out


def _straight_pairs(text: str, runs: list[int]) -> list[tuple[int, int]]:
    """The pairs of straight quotes, on each line where all stand at their words' edges."""
    return [pair for pairs in _pairs_by_line(text, runs)
            if all(_at_word_edges(text, a, b) for a, b in pairs) for pair in pairs]


def _curly_pairs(text: str, runs: list[int]) -> list[tuple[int, int]]:
    """The pairs of curly quotes, on each line where they face each other (see
    :class:`PersianQuotesStep`). Not one against a Latin word before it, whose quote it
    may be; and « after Ø or Ù would be the mojibake of an Arabic letter (see
    ``_LATIN_LETTER``)."""
    return [(a, b) for pairs in _pairs_by_line(text, runs) if _face_each_other(text, pairs)
            for a, b in pairs if not _latin_before(text, a)]


def _face_each_other(text: str, pairs: list[tuple[int, int]]) -> bool:
    """Does each pair open with “ and close with ”, or are the quotes all of one kind?"""
    return len({text[i] for pair in pairs for i in pair}) == 1 or all(
        text[a] == _OPENING_CURLY and text[b] == _CLOSING_CURLY for a, b in pairs)


def _pairs_by_line(text: str, runs: list[int]) -> Iterator[list[tuple[int, int]]]:
    """For each line with an even number of the quotes ``runs`` finds, their pairs: first
    with second, third with fourth."""
    for quotes in _quotes_by_line(text, runs):
        if not len(quotes) % 2:
            yield spans(quotes)


def _latin_before(text: str, i: int) -> bool:
    """Is there a Latin letter before offset ``i``, past invisible characters that later
    steps may take out (Ø‌“: the ZWNJ goes, and Ø« would be mojibake)?"""
    k = _past_invisible(text, i - 1, -1)
    return k >= 0 and _LATIN_LETTER.match(text, k) is not None


def _quotes_by_line(text: str, runs: list[int]) -> list[list[int]]:
    """The offsets of the quotes, a list for each line that has any."""
    lines: list[list[int]] = []
    last = None
    for start, end in spans(runs):
        for i in range(start, end):
            if last is None or text.find("\n", last, i) >= 0:
                lines.append([])
            lines[-1].append(i)
            last = i
    return lines


def _persian_inside(text: str, opening: int, closing: int) -> bool:
    """Persian letters between the two quotes, and no Latin ones?"""
    return (not _LATIN_LETTER.search(text, opening + 1, closing)
            and any(c in PERSIAN_LETTER_SET for c in text[opening + 1:closing]))


#: What may stand before an opening quote and after a closing one (besides spaces and the
#: text's ends), past invisible characters that later steps may take out: a mark whose
#: neighbour is anything else (a letter, a digit, an @ the handle step may move there) is
#: no quote of a word. Curly quotes either way: this step may make them guillemets. A tag's
#: end before and a tag after: a subtitle's ``<i>"نه"</i>`` (an attribute's quotes follow
#: ``=``, and a line with one does not pair up).
_BEFORE_OPENING = frozenset("([{«:،,؛;.!؟?—–-/|>" + _CURLY)
_AFTER_CLOSING = frozenset(".،,؛;:!؟?)]}»…—–-/<" + _CURLY)
_INVISIBLE = frozenset(ZWNJ + WORD_BREAKERS)


def _at_word_edges(text: str, opening: int, closing: int) -> bool:
    """Does the pair stand at the edges of the words it quotes? One of its two quotes may
    touch a Persian word outside it, where the typist left out the space (به گزارش"ورزش
    سه"، ; "سعد عبود"در): if that quote hugs the word inside, as an opening quote does
    the first word and a closing one the last (not ``"الف "ب" ج"``, whose quotes are
    wrongly paired)."""
    i, j = _past_invisible(text, opening - 1, -1) + 1, _past_invisible(text, closing + 1, 1)
    if i > 1 and text[i - 1] in "([" and _in_code_name(text[i - 2]):
        return False  # a call in code, print("سلام"), whose quotes are the code's
    opens = i == 0 or text[i - 1] in _BEFORE_OPENING or text[i - 1].isspace()
    closes = j == len(text) or text[j] in _AFTER_CLOSING or text[j].isspace()
    if opens and closes:
        return True
    if opens:  # the closing quote after the last word inside, a Persian word after it
        return text[j] in PERSIAN_LETTER_SET and _letter_next(text, closing, -1)
    return closes and text[i - 1] in PERSIAN_LETTER_SET and _letter_next(text, opening, 1)


def _letter_next(text: str, quote: int, step: int) -> bool:
    """Is the character next to ``quote`` on the side ``step``, past invisible ones that
    later steps may take out, a Persian letter?"""
    k = _past_invisible(text, quote + step, step)
    return 0 <= k < len(text) and text[k] in PERSIAN_LETTER_SET


def _past_invisible(text: str, k: int, step: int) -> int:
    """The first offset from ``k`` on, by ``step`` (1 or -1), that holds no invisible
    character a later step may take out: -1 or ``len(text)`` past the text's edge."""
    while 0 <= k < len(text) and text[k] in _INVISIBLE:
        k += step
    return k


def _in_code_name(ch: str) -> bool:
    """May ``ch`` end a name in code (a Latin letter, a digit or _)? A digit of any set:
    the digit step, after this one, may make a Latin one Persian (``12("سلام")``), and a
    second pass must judge the quotes as the first did."""
    return ch.isascii() and (ch.isalnum() or ch == "_") or ch.isdecimal()


persian_quotes_step = PersianQuotesStep()
