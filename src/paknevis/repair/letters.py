"""Letters: one Persian spelling for letters that Arabic keyboards and fonts type differently.

Web text mixes Arabic yeh and kaf (ي ك, from Arabic keyboard layouts and old CMSs),
Urdu/Kurdish heh forms, presentation forms from PDF copy-paste (ﻻ ﺑ), the kashida that
stretches words (مـــی; one not inside a word is a dash or a mark, and stays), and
invisible or bidi controls inside words. (Harakat typed by hand are harakat.py's business.)
(A line in Urdu, Pashto or Kurdish itself is left alone: see foreign.py.)
Hamza forms that Persian spells on purpose (تأکید، مؤثر، مسئله، سوءاستفاده) and ۀ are left alone.

>>> from paknevis import fix
>>> fix("تيك تاك سرنگوني")
'تیک تاک سرنگونی'
>>> fix("تأکید مؤثر مسئله سوءاستفاده")
'تأکید مؤثر مسئله سوءاستفاده'
"""
from __future__ import annotations

import re
import unicodedata

from .chars import (
    COMBINING_MARKS,
    KASHIDA,
    ODD_SPACES,
    PERSIAN_LETTER_SET,
    PERSIAN_LETTERS,
    WORD_BREAKERS,
    WORD_CHAR_SET,
    ZWNJ,
    joins_left,
)
from .harakat import HARAKAT
from .protect import is_protected
from .step import RegexStep, TableStep

_UNIFY = {
    "\u064a": ("\u06cc", "letters.arabic_yeh"),  # ي
    "\u0649": ("\u06cc", "letters.arabic_yeh"),  # ى alef maksura
    "\u0643": ("\u06a9", "letters.arabic_kaf"),  # ك
    "\u06aa": ("\u06a9", "letters.arabic_kaf"),  # ڪ swash kaf
    "\u06c1": ("\u0647", "letters.heh"),  # ہ heh goal
    "\u06be": ("\u0647", "letters.heh"),  # ھ heh doachashmee
    "\u06d5": ("\u0647", "letters.heh"),  # ە ae
    "\ufeff": ("", "letters.invisible"),  # BOM inside text
    "\u00ad": ("", "letters.invisible"),  # soft hyphen (but see soft_hyphen_step)
}


def _presentation_forms() -> dict[str, tuple[str, str]]:
    """Arabic presentation forms (from PDFs and old fonts) to the letters they draw.

    Word ligatures such as ﷺ (U+FDF0-FDFF) stay: they stand for a phrase, not a letter.
    """
    table = {}
    for cp in list(range(0xFB50, 0xFDF0)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if not unicodedata.name(ch, ""):
            continue
        new = unicodedata.normalize("NFKC", ch).strip()
        if new and new != ch and all("\u0600" <= c <= "\u06ff" for c in new):
            new = "".join(_UNIFY.get(c, (c,))[0] for c in new).replace(KASHIDA, "")  # ﹱ: ـً
            table[ch] = (new, "letters.presentation_form")
    return table


_PRESENTATION = _presentation_forms()
#: Presentation forms that draw a haraka (ﹰ ﹶ), which letters_step turns into it.
MAKES_HARAKAT = "".join(ch for ch, (new, _) in _PRESENTATION.items() if set(new) & set(HARAKAT))


_FREQUENT = "\u064a\u0643"  # ي ك: whole old sites are typed with them


def letters_step() -> TableStep:
    """Every letter fix (the frequent ي ك with str.replace, the rare ones by a scan)."""
    table = _UNIFY | _PRESENTATION
    return TableStep("letters", {k: v for k, (v, _) in table.items()},
                     {k: r for k, (_, r) in table.items()}, frequent=_FREQUENT, keep_urls=True)


# The kashida stretches a word (مـــی، صــورت): inside one, it goes. Anywhere else it is a
# dash or a mark, and stays: after a list's letter or number (الفــ، ۱ــ), in the
# abbreviation هـ.ق, between numbers (the score ۷۱ـ۷۰) or words (تهران ـ ایرنا، ـایرنا).


# A ZWNJ beside one keeps it off the letter (سیاسی‌ـ انتظامی، آسیا‌ـ‌پاسیفیک, Fars News):
# the writer set it apart as a dash, and it stays (taken out, آسیاپاسیفیک became one word).
# Only a ZWNJ that stays does so: one after a letter that never joins, or before no letter
# (a haraka), does nothing and goes (wrong.py), and the kashida is a stretch, as a second
# pass would find it: تاز‌ـه, قهرمـ‌َانی.
_STRETCHED = WORD_CHAR_SET - {ZWNJ}


def _stretch(m: re.Match) -> str | None:
    text, start, end = m.string, m.start(), m.end()
    before, after = start - 1, end
    while before >= 0 and text[before] == ZWNJ:
        before -= 1
    while after < len(text) and text[after] == ZWNJ:
        after += 1
    if before < 0 or after == len(text) or text[before] not in _STRETCHED or text[after] not in _STRETCHED:
        return None
    set_apart = (before < start - 1 and joins_left(text[before])
                 or after > end and text[after] in PERSIAN_LETTER_SET)
    return None if set_apart else ""


# A soft hyphen only marks where a line may break, and the letter table takes it out. But
# between two letters of a Persian word it was typed as a half-space (Word's optional
# hyphen, Ctrl+-): each of the 16 between two Persian letters in the Fars News and Varzesh3
# articles stands where a ZWNJ belongs (دولت¬ها، پنج¬شنبه، گفت¬وگو، زنده¬ام) or after a
# letter that never joins (روستا¬های), where a ZWNJ would do nothing. Taken out, it left
# روشهایی glued in a line whose writer types other ZWNJs as spaces, which the ZWNJ step
# then keeps as that writer's. This step runs before the letter table, on letters it has
# not unified yet (ى، ہ).
SOFT_HYPHEN = "\u00ad"
_UNIFIED = {c: new for c, (new, _) in _UNIFY.items() if new}
_MARKS = frozenset(COMBINING_MARKS)


def _half_space(m: re.Match) -> str | None:
    text, start, end = m.string, m.start(), m.end()
    before = start - 1
    while before > 0 and text[before] in _MARKS:  # بَ¬ها: the haraka goes later
        before -= 1
    if (before < 0 or end == len(text) or _UNIFIED.get(text[end], text[end]) not in PERSIAN_LETTER_SET
            or not joins_left(_UNIFIED.get(text[before], text[before]))):
        return None  # the letter table takes it out
    return None if is_protected(text, start, end) else ZWNJ


soft_hyphen_step = RegexStep("soft_hyphen", re.compile(f"{SOFT_HYPHEN}+"), _half_space,
                             "letters.soft_hyphen", triggers=SOFT_HYPHEN)


kashida_step = RegexStep("kashida", re.compile(f"{KASHIDA}+"), _stretch, "letters.kashida",
                         triggers=KASHIDA)


# A letter typed as its base and a mark, as text in Unicode's decomposed form (NFD, as a
# Mac's file names and some editors write it) has آ ئ ؤ أ إ ۀ: made the one letter again,
# for the word table, which knows the letters whole (میآیند). The yeh step before it has
# made the ي of ي+ٔ a Persian ی, which Unicode composes with no mark: ی+ٔ is ئ too (else
# مسئله came out مسیٔله), and so is ى+ٔ, before the letters step makes ى a ی. The step
# runs with the steps for rare characters, behind their one scan (alone, its own scan of
# every text cost 5% of fix's time on farsnews).
# (Not ه and ٔ: هٔ is how the ezafe on ه is written, as ۀ.)
# (NFD puts the harakat of the letter between it and the mark: أَ is ا, َ and ٔ.)
_COMPOSED = {unicodedata.normalize("NFD", ch): ch for ch in "آأإؤئۀ"} | {
    "\u06cc\u0654": "ئ", "\u0649\u0654": "ئ"}
_HAMZA_MADDA = "\u0653\u0654\u0655"
_DECOMPOSED = re.compile(f"([اویيىە])([{HARAKAT}]*)([{_HAMZA_MADDA}])")


def _composed(m: re.Match) -> str | None:
    letter = _COMPOSED.get(m[1] + m[3])
    return None if letter is None else letter + m[2]


def composable(text: str) -> bool:
    """Has ``text`` a letter and a mark that the step would make one? After a pass it may:
    a later step took out what stood between them (a kashida, an invisible control, ﹰ),
    and the pipeline runs again (else fix gave یٔ, and fix again ئ)."""
    return any(mark in text for mark in _HAMZA_MADDA) and any(map(_composed, _DECOMPOSED.finditer(text)))


composed_step = RegexStep("composed", _DECOMPOSED, _composed, "letters.decomposed", triggers=_HAMZA_MADDA)


#: Arabic yeh and kaf alone; the pipeline runs it first, so that ``letters_step`` after it
#: acts only on rare characters and can be skipped with the other rare-character steps.
arabic_yeh_kaf_step = TableStep("arabic_yeh_kaf", {c: _UNIFY[c][0] for c in _FREQUENT},
                                {c: _UNIFY[c][1] for c in _FREQUENT}, frequent=_FREQUENT,
                                keep_urls=True)


# Invisible characters between two letters of a word: a zero-width space there was meant
# as a ZWNJ (some keyboards type it), and so was a bidi mark, which has no work to do
# between two right-to-left letters: of the 206 LRMs between Persian letters in the Fars
# News and Varzesh3 articles, the word table puts a ZWNJ at 137, and nearly all the rest
# stand between two words or two parts of a name (به‌دلیل، سلیمانی‌فر). A word joiner,
# an embedding or an isolate only breaks the word.
_L = PERSIAN_LETTERS
# A run may hold ZWNJs too (می‌\u200bشود): it is judged whole, so one pass settles it.
# The letter before is checked in Python: re scans for a leading class in C, but tries a
# leading lookbehind at every position (5 ms against 0.5 on the farsnews texts that have one).
_INVISIBLE = ZWNJ + WORD_BREAKERS
_IN_WORD_INVISIBLE = re.compile(f"[{_INVISIBLE}][{_INVISIBLE}]*(?=[{_L}])")


def _in_word(m: re.Match) -> str | None:
    run, start = m.group(), m.start()
    if not run.strip(ZWNJ) or not (start and m.string[start - 1] in PERSIAN_LETTER_SET):
        return None  # ZWNJs alone are the ZWNJ step's business
    return ZWNJ if ZWNJ in run or not _MEANT_AS_ZWNJ.isdisjoint(run) else ""


#: the bidi marks: LRM, RLM, and the Arabic letter mark (ALM), an RLM for Arabic script
_BIDI_MARKS = "\u200e\u200f\u061c"
_BIDI_MARK_SET = frozenset(_BIDI_MARKS)
_MEANT_AS_ZWNJ = frozenset("\u200b" + _BIDI_MARKS)  # and a zero-width space


def _rule(m: re.Match) -> str:
    run = m.group()
    if "\u200b" in run:
        return "letters.zero_width_space"
    if not _BIDI_MARK_SET.isdisjoint(run):
        return "letters.bidi_mark"
    return "letters.zero_width_joiner" if run.strip(ZWNJ + "\u200d") == "" else "letters.bidi_control"


invisible_step = RegexStep("invisible", _IN_WORD_INVISIBLE, _in_word, _rule, triggers=WORD_BREAKERS)

# A bidi mark at the edge of a Persian word, with a space and another Persian word beyond
# it ("خراسان\u200e جنوبی", "در \u200fحالی"), has no work to do either: between two
# right-to-left words the text shows the same with it and without. It only keeps the word
# from being found, or joined ("کتاب\u200e ها"). One beside Latin text or at a line's end
# may order the punctuation around it, and stays ("گروه \u200fC،").
# ZWNJs beside them are the ZWNJ step's business (it takes them out there), and are kept.
_EDGE_MARKS = re.compile(f"[{_BIDI_MARKS}][{_BIDI_MARKS}{ZWNJ}]*")
_NO_MARKS = str.maketrans(dict.fromkeys(_BIDI_MARKS))
# an NBSP too, which the spacing step makes a space only later: a second pass must find
# the mark where the first did. And ZWNJs, which the wrong-ZWNJ step takes out beside a
# space ("می\u200c \u200fمی"), for the same reason.
_SPACES = frozenset(" " + ODD_SPACES)
_GAP = _SPACES | {ZWNJ}


def _between_words(m: re.Match) -> str | None:
    text, i, j = m.string, m.start(), m.end()
    start, end = i, j
    while i and text[i - 1] in _GAP:
        i -= 1
    while j < len(text) and text[j] in _GAP:
        j += 1
    if not (i and j < len(text)) or _SPACES.isdisjoint(text[i:start] + text[end:j]):
        return None  # no space beside it: inside a word, the invisible step's
    if text[i - 1] in PERSIAN_LETTER_SET and text[j] in PERSIAN_LETTER_SET:
        return m.group().translate(_NO_MARKS)
    return None


bidi_between_words_step = RegexStep("bidi_between_words", _EDGE_MARKS, _between_words,
                                    "letters.bidi_mark", triggers=_BIDI_MARKS)
