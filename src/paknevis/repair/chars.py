"""Character classes of Persian script, defined once and shared by every repair step.

Kept as plain strings so that each step can build its regex character classes from them,
and as sets where a step tests one character.
"""

ZWNJ = "\u200c"
KASHIDA = "\u0640"  # ـ tatweel: a stretch inside a word, a dash outside one (letters.py)

#: Letters of the Persian alphabet (after the letter step has unified Arabic variants),
#: plus hamza forms and ۀ that Persian text uses legitimately.
PERSIAN_LETTERS = (
    "\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062a\u062b\u062c\u062d\u062e"
    "\u062f\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063a\u0641\u0642"
    "\u0644\u0645\u0646\u0647\u0648\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"
)

#: Letters that never join the letter after them: a ZWNJ after them changes nothing
#: on screen, so the standard orthography writes none.
NON_JOINERS = "\u0621\u0622\u0623\u0625\u0627\u062f\u0630\u0631\u0632\u0698\u0648\u0624\u0629\u06c0"

#: Marks that sit on a letter and belong to its word (harakat, superscript alef, hamza above).
COMBINING_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"

#: What a Persian word is made of, for regex classes: letters, their marks, and ZWNJ.
WORD_CHARS = PERSIAN_LETTERS + COMBINING_MARKS + ZWNJ

#: The same as sets, for tests of one character (``text[i] in WORD_CHAR_SET``).
PERSIAN_LETTER_SET = frozenset(PERSIAN_LETTERS)
WORD_CHAR_SET = frozenset(WORD_CHARS)

#: Invisible characters that break a word where they stand inside one: zero-width space,
#: word joiner, bidi marks (LRM, RLM and the Arabic letter mark), embeddings and isolates
#: (the ZWNJ is the word's own), and the zero-width joiner, which between two letters does
#: nothing (they join, or the first never does: وی\u200dژه), and keeps the word from being
#: found.
WORD_BREAKERS = "\u200b\u2060\u200e\u200f\u061c\u200d" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(
    map(chr, range(0x2066, 0x206A)))

#: What repair may take out of a text beside any character (invisible characters, harakat
#: and other marks, kashida, a soft hyphen, a byte-order mark): syntax found beside them is
#: found as if they were not there, so that a second pass finds what the first did
REMOVABLE = WORD_BREAKERS + COMBINING_MARKS + KASHIDA + "\u00ad\ufeff" + "".join(
    map(chr, [*range(0x0300, 0x0370), *range(0x06D6, 0x06EE), *range(0xFE70, 0xFE80)]))

#: Spaces other than the plain one (NBSP, the typographic spaces), which the spacing step
#: makes plain spaces
ODD_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
#: Digits of the three sets Persian web text mixes
ALL_DIGITS = LATIN_DIGITS + PERSIAN_DIGITS + ARABIC_DIGITS


def joins_left(ch: str) -> bool:
    """True if ``ch`` is a Persian letter that connects to the letter after it.

    >>> joins_left("ب"), joins_left("ر")
    (True, False)
    """
    return ch in PERSIAN_LETTERS and ch not in NON_JOINERS
