"""Harakat: the stray ones go; a vocalized passage and the tanvin of حتماً stay.

Persian is written without its short vowels. A haraka in Persian prose was typed by hand,
for emphasis or out of habit (کِتاب، امّا), and repair removes it, as normalizers do. Two
kinds are no stray marks:

* **A vocalized passage**: a verse of the Quran or a line of prayer quoted with every
  vowel (``«لاَ تَقْرَبُواْ مَالَ الْیَتِیمِ»``). Its harakat are the text; taking them off
  changes what a reader recites. A word with harakat that has words with harakat beside
  it, three or more in a row on one line, is part of one, and is left exactly as it is. In
  the Fars News and Varzesh3 articles and the UD dev sentences, the 33 such runs are all
  verses of the Quran or sermons of Nahj al-Balagha: no line of Persian prose has one.
* **The tanvin of Arabic adverbs** (حتماً، لطفاً، ثانیاً), which the Academy's orthography
  writes, on the alef: it stays, and moves onto the alef from the Arabic order (حتمًا).

``keep_diacritics=True`` keeps every haraka.

>>> from paknevis import fix
>>> fix("کِتاب را حتمًا بخوان")
'کتاب را حتماً بخوان'
>>> fix("در آیه آمده است: «لاَ تَقْرَبُواْ مَالَ الْیَتِیمِ»")
'در آیه آمده است: «لاَ تَقْرَبُواْ مَالَ الْیَتِیمِ»'
"""
from __future__ import annotations

import re

from .chars import PERSIAN_LETTERS, WORD_BREAKERS, WORD_CHARS
from .edits import Edit, apply_edits

#: fathatan to sukun, and the superscript alef (not the hamza and madda marks, which spell)
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_FATHATAN = "\u064b"
_ALEF_FATHATAN = "ا" + _FATHATAN
_NOT_FATHATAN = HARAKAT.replace(_FATHATAN, "")
_HARAKAT_SET = frozenset(HARAKAT)
_NO_HARAKAT = str.maketrans(dict.fromkeys(HARAKAT, ""))
_RUN = re.compile(f"[{HARAKAT}][{HARAKAT}]*")
# A word here holds the invisible controls inside it too: the invisible step, which runs
# next, removes them or makes them a ZWNJ, and a second pass must find the same words.
_IN_WORD = WORD_CHARS + WORD_BREAKERS
_WORD_SET = frozenset(_IN_WORD)
_BREAKER_SET = frozenset(WORD_BREAKERS)
_WORD_REST = re.compile(f"[{_IN_WORD}]*")
_GAP = re.compile(f"[^{_IN_WORD}\n]*")
_LETTERS_BUT_ALEF = frozenset(PERSIAN_LETTERS) - {"ا"}

#: Words with harakat in a row, on one line, that make a vocalized passage.
PASSAGE_WORDS = 3


def strip_harakat(text: str) -> str:
    return text.translate(_NO_HARAKAT)


def has_harakat(text: str) -> bool:
    return not _HARAKAT_SET.isdisjoint(text)


def _word_around(text: str, i: int, floor: int = 0) -> tuple[int, int]:
    """The span of the word (letters, marks, ZWNJs, controls) that holds offset ``i``, looking
    left no further than ``floor`` (the end of a word seen before: each character is looked
    at once, in a text that is one word of a million letters too)."""
    start = i
    while start > floor and text[start - 1] in _WORD_SET:
        start -= 1
    return start, _end(_WORD_REST, text, i)


def _end(pattern: re.Pattern, text: str, i: int) -> int:
    """Where ``pattern``, which matches the empty string too, stops from offset ``i``."""
    m = pattern.match(text, i)
    return i if m is None else m.end()


def _next_word(text: str, word: tuple[int, int], step: int) -> tuple[int, int] | None:
    """The word before (``step`` -1) or after (1) ``word`` on its line, if any."""
    if step > 0:
        i = _end(_GAP, text, word[1])
        return None if i == len(text) or text[i] == "\n" else _word_around(text, i, i)
    i = word[0] - 1
    while i >= 0 and text[i] not in _WORD_SET:
        if text[i] == "\n":
            return None
        i -= 1
    return _word_around(text, i) if i >= 0 else None


def in_vocalized_passage(text: str, word: tuple[int, int]) -> bool:
    """Is ``word`` (a span) one of ``PASSAGE_WORDS`` or more with harakat in a row?

    Later steps never break such a run: they change no haraka, and no step but the ZWNJ
    step joins two words, which it does not do to two with harakat (zwnj/restorer.py).

    >>> in_vocalized_passage("بَ بَ بَ", (0, 2)), in_vocalized_passage("بَ و بَ بَ", (0, 2))
    (True, False)
    """
    count = 1
    for step in (-1, 1):
        other = word
        while count < PASSAGE_WORDS:
            following = _next_word(text, other, step)
            if following is None or not has_harakat(text[following[0]:following[1]]):
                break
            other = following
            count += 1
    return count >= PASSAGE_WORDS


class HarakatStep:
    """Remove stray harakat; keep vocalized passages; put the tanvin on the alef."""

    name = "harakat"

    def __init__(self, makes_harakat: str = ""):
        #: the characters it acts on, and those that an earlier step of its group turns
        #: into a haraka (a presentation form, ﹰ): the group looks for them once, first
        self.triggers = HARAKAT + makes_harakat

    def apply(self, text: str) -> str:
        if _only_tanvins_on_alef(text):  # 92 of the 148 farsnews texts that have a haraka
            return text
        out: list[str] = []
        pos = 0
        for start, end, edits in _stray_words(text):
            word = text[start:end]
            out += (text[pos:start],  # a word without tanvin: one call, of any length
                    word.translate(_NO_HARAKAT) if edits is None else apply_edits(word, edits))
            pos = end
        if not pos:  # no word changed
            return text
        out.append(text[pos:])
        return "".join(out)

    def edits(self, text: str) -> list[Edit]:
        out = []
        for start, end, edits in _stray_words(text):
            out += [Edit(e.start + start, e.end + start, e.old, e.new, e.rule)
                    for e in (_word_edits(text[start:end]) if edits is None else edits)]
        return out


def _only_tanvins_on_alef(text: str) -> bool:
    """Are the text's harakat all tanvins right after an alef (حتماً)? Ten searches for a
    character in C, where re scans for a class of them far slower: the step on farsnews
    7.3 -> 6.0 ms."""
    return (not any(map(text.__contains__, _NOT_FATHATAN))
            and text.count(_FATHATAN) == text.count(_ALEF_FATHATAN))


def _stray_words(text: str):
    """(start, end, edits) for each word whose harakat go or move, in no vocalized passage.
    The edits are worked out only for a word with a tanvin (they decide whether it changes
    at all) or a control (which may go with a haraka); ``None`` for the others, which lose
    every haraka."""
    end = 0
    while m := _RUN.search(text, end):
        word = _word_around(text, m.start(), end)
        end = word[1]
        chars = text[word[0]:end]
        edits = (_word_edits(chars) if _FATHATAN in chars or not _BREAKER_SET.isdisjoint(chars)
                 else None)
        if edits == []:
            continue  # حتماً, right wherever it stands (قطعاً and کاملاً: the commonest in the news)
        if not in_vocalized_passage(text, word):
            yield (*word, edits)


def _word_edits(word: str) -> list[Edit]:
    """The edits for the harakat of a word that is in no passage: the tanvin of حتماً stays
    (moved onto the alef), every other haraka goes. A control between a letter and its
    haraka is inside the letter, and goes with the haraka (حتم\u200fًا -> حتماً): left, it
    would stand between two letters, where the invisible step reads a bidi mark as a ZWNJ."""
    out: list[Edit] = []
    done = 0  # where the last edit ended: a moved tanvin takes the alef after it in
    moved_to = -1  # where the edit that last moved a tanvin onto its alef ended
    for m in _RUN.finditer(word):
        start, end = m.span()
        if start < done:
            continue
        i = start  # the character before, past the controls between it and the haraka
        while i and word[i - 1] in _BREAKER_SET:
            i -= 1
        before = word[i - 1] if i else ""  # (a word starts after no letter)
        if i:  # the controls go with the haraka (at the text's start, one may set its direction)
            start = max(i, done)
        if i == moved_to:
            before = _FATHATAN  # that alef has its tanvin now (حتمًا\u200bً, hypothesis)
        if _FATHATAN in m.group() and before == "ا":  # حتماً
            new, rule = _FATHATAN, "letters.diacritic"
        elif _FATHATAN in m.group() and word.startswith("ا", end) and before in _LETTERS_BUT_ALEF:
            # حتمًا -> حتماً, and any harakat on the alef go
            end += 1
            while end < len(word) and word[end] in _HARAKAT_SET:
                end += 1
            new, rule = "ا" + _FATHATAN, "letters.tanvin_on_alef"
            moved_to = end
        else:
            new, rule = "", "letters.diacritic"
        if word[start:end] != new:
            out.append(Edit(start, end, word[start:end], new, rule))
        done = end
    return out
