"""Spacing: odd spaces, runs of spaces, and spaces on the wrong side of punctuation.

Scraped text carries NBSPs and other Unicode spaces, doubled spaces from templates, spaces
typed before ، and ؟ (a habit from typewriters) or after ( and «, and no space after
punctuation. Lines and their indentation are kept: only spaces within a line change.

>>> from paknevis import fix
>>> fix("سلام\u00a0 دنیا ، خوبی ؟( بله )")
'سلام دنیا، خوبی؟ (بله)'
"""
from __future__ import annotations

import re
import string
from functools import partial

from .chars import (
    ALL_DIGITS,
    ODD_SPACES,
    PERSIAN_LETTER_SET,
    PERSIAN_LETTERS,
    WORD_CHAR_SET,
    WORD_CHARS,
    ZWNJ,
)
from .edits import Edit, apply_edits
from .protect import EMOTICON_MOUTHS, is_protected
from .runs import CharRuns, RunsTogether, spans
from .step import EditsStep, RegexStep, TableStep
from .zwnj.morphology import JOIN_RIGHT

_L = PERSIAN_LETTERS
# Spacing runs before digits are unified: every digit set counts the same.
_LD = PERSIAN_LETTERS + ALL_DIGITS
# (Not the curly quotes: those that pair up the quote step has made guillemets, and one it
# left may face either way, as writers of Persian type them: ”سلام“ became ”سلام “)
_OPENING_CHARS = "([{«"
_OPENING = re.escape(_OPENING_CHARS)  # as a regex class body
_CLOSING_CHARS = ")]}»"
_CLOSING = re.escape(_CLOSING_CHARS)
#: Marks that end a sentence inside brackets or quotes: «چرا ؟ » -> «چرا؟»
_ENDS_SENTENCE = frozenset("؟!.…")


odd_space_step = TableStep("odd_space", {c: " " for c in ODD_SPACES},
                           {c: "spacing.odd_space" for c in ODD_SPACES})

# The newline first: re finds a literal at C speed (three ``in`` tests took 7.8 ms on
# farsnews, this 1; a class [\n\r] 19), and a space before a newline is rare. A CR ends a
# line too, alone (old Mac files) or before \n; it is rarer still, and found by memchr.
_SPACE_THEN_NEWLINE = re.compile(r"\n(?<=[ \t]\n)")
_SPACE_THEN_CR = re.compile(r"\r(?<=[ \t]\r)")

trailing_space_step = RegexStep(
    "trailing_space", re.compile(r"[ \t]+(?=[\r\n]|\Z)"), lambda m: "", "spacing.trailing",
    precheck=lambda t: (t.endswith((" ", "\t")) or _SPACE_THEN_NEWLINE.search(t)
                        or "\r" in t and _SPACE_THEN_CR.search(t)))


def _line_start(m: re.Match) -> bool:
    """True for indentation: spaces at the start of a line are layout, not a typo."""
    return m.start() == 0 or m.string[m.start() - 1] == "\n"


# Two literal spaces first, and not " ++": re then finds the prefix at C speed (5 ms, not 9).
space_run_step = RegexStep(
    "space_run", re.compile(r"   *+(?=\S)"), lambda m: None if _line_start(m) else " ", "spacing.run",
    precheck=lambda text: "  " in text)


#: What ends a Persian word or a number: before ، ؛ ؟ ! or a closing bracket, a space after
#: it goes. A number's percent sign, in either script (the digit step, after this one, makes
#: % Persian), ends it too: (افزایش ۲۵٪ ) -> (افزایش ۲۵٪)
_LD_SET = frozenset(PERSIAN_LETTERS + ALL_DIGITS + "%\u066a")
#: Punctuation that takes no space before it (after a Persian letter or digit). Dots and
#: colons only after letters and before a space, the end or a Persian letter (دارم .امیدوارم,
#: گفت :این), so that "۱۰ : ۳۰" and "3 .5" stay.
_NO_SPACE_BEFORE = "،؛؟!?" + _CLOSING
#: Punctuation that a Persian word follows with a space: "خوبی؟بله" -> "خوبی؟ بله". A dot,
#: "!" or ":" only after a Persian letter (not in "3.5", "U.S.", URLs). A number too, if a
#: Persian letter stands before the mark (قیمت:۲۰۰۰، ایران،۲۰۲۰), but for a dot (ج.۲).
_SPACE_AFTER = "،؛؟.!:"
_SPACE_BEFORE_NUMBER = "،؛؟!:"

# Every place where one of the three rules may act starts with a punctuation mark, so one
# scan for the marks, with the context tested in C, finds them all. The three rules as
# three regex steps took 43 ms on farsnews, each scanning for its own marks (measured
# with ``benchmarks/speed.py --steps``); a mark needs Python only when a rule may apply.
_PUNCT_SPACING = re.compile(
    # one class first, then the context: re scans for a leading class in C, but not for
    # an alternation of classes (it would try every position)
    f"[{_NO_SPACE_BEFORE}{_SPACE_AFTER}{_OPENING}]"
    f"(?:(?<=[{_NO_SPACE_BEFORE}])(?<= .)"  # a space before it
    f"|(?<=[.:])(?<= .)(?=\\s|\\Z)"
    f"|(?<=[{_SPACE_AFTER}])(?=[{_L}{_OPENING}])"  # no space after it
    f"|(?<=[{_SPACE_BEFORE_NUMBER}])(?=[{ALL_DIGITS}])"
    f"|(?<=[{_OPENING}])(?= +[{_LD}]))")  # a space after an opening bracket or quote


class PunctuationSpacingStep(EditsStep):
    """Spaces around punctuation: none before ، ؛ ؟ ! and closing brackets and quotes, none
    after opening ones (where one is typed after an opening one glued to a word, it goes
    before it: من( فردوسی -> من (فردوسی), one after ، ؛ ؟ . ! : before a Persian word.

    The last rule reads the text as the first two leave it, so that "سلام !دنیا" loses
    the space before "!" and then takes one after it, as if the rules ran one by one.

    >>> PunctuationSpacingStep().apply("سلام ،دنیا ( خوبی ؟")
    'سلام، دنیا (خوبی؟'
    """

    name = "punctuation_spacing"

    def __init__(self):
        # the marks after a space, those before a Persian letter (or a digit), and the
        # opening ones before a space, found in one pass in C (runs.py)
        places = RunsTogether(CharRuns(_NO_SPACE_BEFORE + ".:", after=" "),
                              CharRuns(_SPACE_AFTER, before=PERSIAN_LETTERS + _OPENING_CHARS),
                              CharRuns(_SPACE_BEFORE_NUMBER, before=ALL_DIGITS),
                              CharRuns(_OPENING_CHARS, before=" "))
        self._places = places if places.in_c else None

    def _matches(self, text: str):
        """The places where a rule may act, as _PUNCT_SPACING finds them. In C, the places
        where one may are found first, and the pattern is tried there only: on farsnews,
        4 ms instead of 18 for the pattern's scan of every text (and 6 for three scans)."""
        if self._places is None:
            return _PUNCT_SPACING.finditer(text)
        after_space, before_letter, before_digit, opening_before_space = self._places(text)
        if not (after_space or before_letter or before_digit or opening_before_space):
            return ()  # most lines (speed.py --lines: the step 42 -> 21 ms)
        places = {*after_space[::2], *(end - 1 for end in before_letter[1::2]),
                  *(end - 1 for end in before_digit[1::2]),
                  *(end - 1 for end in opening_before_space[1::2])}
        return filter(None, map(partial(_PUNCT_SPACING.match, text), sorted(places)))

    def edits(self, text: str) -> list[Edit]:
        removed: list[Edit] = []  # spaces before a mark or after an opening one (moved
        # before it, if a letter stands there)
        marks: list[int] = []  # marks that may need a space after them
        for m in self._matches(text):
            s, mark = m.start(), m.group()
            if mark in _OPENING_CHARS:
                if is_protected(text, s, s + 1):
                    continue  # a URL's (x.ir/ها“ سلام), or an emoticon's mouth (بود :( ولی)
                end = s + 1
                while text[end] == " ":
                    end += 1
                if s and text[s - 1] in PERSIAN_LETTER_SET:  # the space belongs before it: چون« روبیک
                    removed.append(Edit(s, s, "", " ", "spacing.before_opening"))
                removed.append(Edit(s + 1, end, text[s + 1:end], "", "spacing.after_opening"))
                continue
            if s and text[s - 1] == " " and (mark not in ".:" or _space_or_end(text, s + 1)
                                             or text[s + 1:s + 2] in PERSIAN_LETTER_SET):
                b = s - 1
                while b and text[b - 1] == " ":
                    b -= 1
                after_dot = b and text[b - 1] == "."
                if mark == "." and (after_dot or _SPACED_DOT.match(text, s + 1)) and text[s + 1:s + 2] != ".":
                    # an ellipsis typed spaced (گفت . . .): one ellipsis, apart as typed
                    if after_dot and _ellipsis_after_persian(text, b, removed):
                        removed.append(Edit(b, s, text[b:s], "", "spacing.before_punctuation"))
                elif (_after_persian(text, b, PERSIAN_LETTER_SET if mark in ".:" else _LD_SET, removed) or (
                        mark in _CLOSING_CHARS and b and text[b - 1] in _ENDS_SENTENCE
                        and _ends_persian_sentence(text, b - 1, removed))) and (  # «چرا ؟ »
                        not _emoticon_mouth(text, s)):  # (عالی ): بود)
                    removed.append(Edit(b, s, text[b:s], "", "spacing.before_punctuation"))
            after = text[s + 1:s + 2]
            if (mark in _SPACE_AFTER and after in _AFTER_SET and not _FOOTNOTE.match(text, s + 1)
                    or mark in _SPACE_BEFORE_NUMBER and after and after in ALL_DIGITS):
                marks.append(s)
        return removed + self._space_after(text, removed, marks) if marks else removed

    @staticmethod
    def _space_after(text: str, removed: list[Edit], marks: list[int]) -> list[Edit]:
        """The marks that take a space after them, judged in the text without ``removed``."""
        view = apply_edits(text, removed) if removed else text
        out, shift, k = [], 0, 0  # shift: characters removed (less those put in) before the mark
        for s in marks:
            while k < len(removed) and removed[k].start < s:
                shift += removed[k].end - removed[k].start - len(removed[k].new)
                k += 1
            at, mark = s - shift, text[s]
            before = at
            if mark in ".!":  # the last mark of a run (است....برای، چرا؟!نه) is judged by the first
                while before and view[before - 1] in _RUN_OF_MARKS:
                    before -= 1
            if (mark in ".!:" or view[at + 1] in ALL_DIGITS) and not (
                    before and view[before - 1] in PERSIAN_LETTER_SET):
                continue
            if mark == "." and before == at and _in_abbreviation(view, at):
                continue
            if not is_protected(view, at, at + 1):
                out.append(Edit(s, s + 1, mark, mark + " ", "spacing.after_punctuation"))
        return out


def _emoticon_mouth(text: str, i: int) -> bool:
    """Is the bracket at ``i`` an emoticon's mouth (:( or ): typed apart), no bracket?"""
    return text[i] in EMOTICON_MOUTHS and is_protected(text, i, i + 1)


#: Closing marks that a mark may follow: «دوشنبه» ، -> «دوشنبه»، and "ورزش سه" ، too.
_CLOSERS = frozenset(")]}»”\"")


def _after_persian(text: str, i: int, allowed: frozenset, removed: list[Edit]) -> bool:
    """Does a character of ``allowed`` (Persian letters, or digits too) end the text
    before offset ``i``, looking past closing brackets and quotes, and past the spaces
    before them that ``removed`` takes out (``سلام » ،``: a second pass would see
    ``سلام» ،``)? A straight quote counts as closing here only because a letter stands
    right before it. Past a closing mark, a digit counts too, whatever ``allowed`` is: a
    dot after ``(۲۰۲۳) .`` ends a sentence, as no dot after a bracket is a number's."""
    k, start = len(removed), i
    while True:
        while i and text[i - 1] in _CLOSERS:
            i -= 1
        while k and removed[k - 1].end > i:
            k -= 1
        if not (k and removed[k - 1].end == i and text[i] in _CLOSERS):
            break
        k -= 1
        i = removed[k].start
    return bool(i) and text[i - 1] in (allowed if i == start else _LD_SET)


def _ends_persian_sentence(text: str, j: int, removed: list[Edit]) -> bool:
    """Does the mark at ``j`` (؟ ! . …) follow a Persian letter or digit, directly or
    across the space before it that ``removed`` takes out (چرا ؟)?"""
    if removed and removed[-1].end == j and removed[-1].new == "":
        j = removed[-1].start
    return bool(j) and text[j - 1] in _LD_SET


#: a dot after the spaces that follow a dot: the next of an ellipsis typed spaced
_SPACED_DOT = re.compile(" +\\.")


def _ellipsis_after_persian(text: str, i: int, removed: list[Edit]) -> bool:
    """Is the dot at ``i - 1``, with spaces and another dot after it, one of an ellipsis
    typed spaced after a Persian word (گفت . . or گفت. .)? Then the spaces after it go,
    and the dots make one ellipsis (گفت ...، گفت...), as the writer placed its first dot
    (before, only the first lost its space: گفت. . .). So it is if it lost the spaces
    before it (in ``removed``), or is the first: a single dot after a Persian word."""
    dot = i - 1
    if removed and removed[-1].end == dot:
        return True
    if text[dot - 1:dot] == ".":
        return False  # an ellipsis and a full stop, typed apart (و ... .), stay so
    while dot and text[dot - 1] == " ":
        dot -= 1
    return dot > 0 and text[dot - 1] in PERSIAN_LETTER_SET


#: The longest word that a dot on either side makes part of an abbreviation (سی.ان.ان).
_LINK = 2


def _in_abbreviation(text: str, dot: int) -> bool:
    """Is the dot at ``dot``, between two letters, one of an abbreviation: after a word of
    one letter (ه.ش، ق.م، ج.ا.ا، م.ع.احمدی), or in a chain of words of two letters at most
    with dots and no space (سی.ان.ان)? Then it takes no space after it; a full stop does
    (رفت.سپس -> رفت. سپس). Not after ی alone: that is the ezafe of the word before it,
    which the ZWNJ step joins (خانه ی.کتاب -> خانه‌ی. کتاب). The word is read back to a
    ZWNJ, as a second pass reads a letter the ZWNJ step joined on (همه ش.می -> همه‌ش.می).
    A link before the word is one dot between two words: the last dot of a run (ا..رد.م)
    takes a space after it, which would leave the chain to a second pass."""
    start = dot
    while start and text[start - 1] in WORD_CHAR_SET and text[start - 1] != ZWNJ:
        start -= 1
    end = dot + 1
    while end < len(text) and text[end] in WORD_CHAR_SET:
        end += 1
    return (dot - start == 1 and text[start] != "ی"
            or dot - start <= _LINK and start > 1 and text[start - 1] == "."
            and text[start - 2] in WORD_CHAR_SET
            or end - dot - 1 <= _LINK and end < len(text) and text[end] == ".")


#: Marks typed in a run at a sentence's end: ... ؟! !!!
_RUN_OF_MARKS = frozenset(".!؟?")


def _space_or_end(text: str, i: int) -> bool:
    return i == len(text) or text[i].isspace()


_AFTER_SET = frozenset(PERSIAN_LETTERS + _OPENING_CHARS)
#: A footnote's mark, which follows the sentence's stop with no space (Wikipedia: بود.[۱]):
#: a number, or a note's letters (الف، ب)
_FOOTNOTE = re.compile(f"\\[(?:[{ALL_DIGITS}]+|[{_L}]{{1,3}})\\]")

punctuation_spacing_step = PunctuationSpacingStep()

#: Words written glued to the number before them: ordinals (۲۰م، ۱۰ام، ۲۰مین، ۳امین) and
#: decades (۱۳۶۰ها). Any other Persian word of two letters or more takes a space.
_GLUED_AFTER_NUMBER = frozenset(("م", "ام", "مین", "امین", "ها", "های", "هایی"))


class NumberSpacingStep(EditsStep):
    """A space between a number and a Persian word typed against it: ``۱۴۰۰سال`` ->
    ``۱۴۰۰ سال``, ``ساعت۱۰`` -> ``ساعت ۱۰`` (297 places in the Fars News and Varzesh3
    articles). Not for a word of one letter (ج۲، ص۱۲: volume, page), an ordinal ending
    (۲۰مین), a hashtag (#سال۱۴۰۳), nor a URL or Latin word.

    >>> NumberSpacingStep().apply("در ۱۴۰۰سال و ساعت۱۰صبح، ۲۰مین بار")
    'در ۱۴۰۰ سال و ساعت ۱۰ صبح، ۲۰مین بار'
    """

    name = "number_spacing"
    needs = ALL_DIGITS  # (see step.StepsNeeding)
    _digits = CharRuns(ALL_DIGITS)  # the runs of digits, found in C

    def edits(self, text: str) -> list[Edit]:
        out = []
        runs = iter(self._digits(text))
        for start, end in zip(runs, runs, strict=True):
            if start > 1 and text[start - 1] in PERSIAN_LETTER_SET and text[start - 2] in PERSIAN_LETTER_SET:
                out.append(start)
            # (not after a Latin letter: in c۹۰نه the number is the Latin word's)
            if (text[end:end + 1] in PERSIAN_LETTER_SET and text[end + 1:end + 2] in PERSIAN_LETTER_SET
                    and not (start and text[start - 1] in string.ascii_letters)):
                word_end = end
                while word_end < len(text) and text[word_end] in PERSIAN_LETTER_SET:
                    word_end += 1
                if text[end:word_end] not in _GLUED_AFTER_NUMBER:
                    out.append(end)
        edits, word_start, seen = [], 0, 0
        for i in out:  # in order: each stretch of text is searched once for a word's start
            word_start = max(word_start, *(text.rfind(sep, seen, i) + 1 for sep in " \n\t"))
            seen = i
            if not (text.startswith(("#", "@"), word_start) or is_protected(text, i - 1, i + 1)):
                edits.append(Edit(i, i, "", " ", "spacing.number"))
        return edits


number_spacing_step = NumberSpacingStep()

#: Each closing mark that a word typed against it is set apart from, and its opening mark
_OPENER_OF = {"»": "«", ")": "(", "]": "["}


#: What may end a word before a closing mark: letters, their marks, digits, a stop
_WORD_END = WORD_CHARS + ALL_DIGITS + string.ascii_letters + ".!?؟،؛:;,…%٪'\"\u200d"


class QuoteSpacingStep(EditsStep):
    """A space between a word and a quote or bracket typed against it, on the side away
    from what they enclose: ``انتقادی»و`` -> ``انتقادی» و``, ``(ص)در`` -> ``(ص) در``,
    ``دولت«تدبیر`` -> ``دولت «تدبیر`` (40 places in 21 of the 1,200 Fars News articles).
    Only a mark whose partner stands on the same line, so that quotes a bidi mix-up turned
    round (``»سلام«``) are left; not before a suffix (``«لایک»ها``), nor before an opening
    bracket: ``علی(ع)`` is how the web writes it.

    >>> QuoteSpacingStep().apply("دولت«تدبیر و امید»و پیامبر (ص)در آن و «لایک»ها")
    'دولت «تدبیر و امید» و پیامبر (ص) در آن و «لایک»ها'
    """

    name = "quote_spacing"

    # The marks between the end of a word and a Persian letter, found in C (runs.py) in one
    # scan: the closing ones, and of the « those after a letter (a « after a space, most of
    # them, is no run the scan returns: 3.0 ms on farsnews, where two scans and a look at
    # every « took 9.4).
    _marks = CharRuns("«" + "".join(_OPENER_OF), after=_WORD_END, before=PERSIAN_LETTERS)

    def edits(self, text: str) -> list[Edit]:
        marks = self._marks(text)
        if not marks:
            return []
        closings, openings = [], []
        for start, end in spans(marks):
            if "«" not in text[start:end]:
                closings.append((start, end))
            elif end - start == 1 and start and text[start - 1] in PERSIAN_LETTER_SET:
                openings.append((start, end))  # a « between two letters
        out = []
        for (start, end), opened in zip(closings, _opened_before(text, closings), strict=True):
            if opened and not _suffixes_at(text, end) and not is_protected(text, start, end):
                out.append(Edit(end, end, "", " ", "spacing.after_closing"))
        for (start, end), closed in zip(openings, _closed_after(text, openings), strict=True):
            if closed and not is_protected(text, start, end):
                out.append(Edit(start, start, "", " ", "spacing.before_opening"))
        return out


def _opened_before(text: str, runs: list[tuple[int, int]]) -> list[bool]:
    """For each run of closing marks, does the opening mark of its last one stand before
    it on its line, closed by none? Each stretch of text is searched once (the state is
    carried from one run to the next), so that a line of many marks is no quadratic work."""
    answers, seen, open_ = [], 0, dict.fromkeys(_OPENER_OF.values(), False)
    for start, end in runs:
        line = text.rfind("\n", seen, start)
        if line >= 0:
            seen, open_ = line + 1, dict.fromkeys(open_, False)
        for closing, opening in _OPENER_OF.items():
            o, c = text.rfind(opening, seen, start), text.rfind(closing, seen, start)
            if o != c:
                open_[opening] = o > c
        answers.append(open_[_OPENER_OF[text[end - 1]]])
        for ch in text[start:end]:
            open_[_OPENER_OF[ch]] = False
        seen = end
    return answers


def _closed_after(text: str, runs: list[tuple[int, int]]) -> list[bool]:
    """For each « (between two letters), does a » close it later on its line? (As
    ``_opened_before``, from the end.)"""
    answers, seen, closed = [], len(text), False
    for start, end in reversed(runs):
        line = text.find("\n", end, seen)
        if line >= 0:
            seen, closed = line, False
        o, c = text.find("«", end, seen), text.find("»", end, seen)
        if o != c:
            closed = c >= 0 and (o < 0 or c < o)
        answers.append(closed)
        closed, seen = False, start
    answers.reverse()
    return answers


def _suffixes_at(text: str, i: int) -> bool:
    """Is the word at ``i`` suffixes only, without its ZWNJs or up to its first one? The
    ZWNJ step may put one into it ([س]یهای -> [س]یه‌ای) or join the next word to it
    ([الف]ام اس -> [الف]ام‌اس), and a second pass must judge the word as the first did."""
    end = i
    while end < len(text) and text[end] in WORD_CHAR_SET:
        end += 1
    word = text[i:end].lstrip(ZWNJ)
    return _suffixes_only(word.replace(ZWNJ, "")) or ZWNJ in word and _suffixes_only(word.partition(ZWNJ)[0])


def _suffixes_only(word: str) -> bool:
    """Is ``word`` suffixes only (ها، های، ی; هاها, as the ZWNJ step may join them)? Such
    a word after a quote is the quoted word's (``«لایک»ها``)."""
    ends = {0}  # where a run of suffixes from the word's start may end
    for i in range(1, len(word) + 1):
        if any(i - n in ends and word[i - n:i] in JOIN_RIGHT for n in range(1, _LONGEST_SUFFIX + 1)):
            ends.add(i)
    return len(word) in ends and word != ""


_LONGEST_SUFFIX = max(map(len, JOIN_RIGHT))


quote_spacing_step = QuoteSpacingStep()

#: The spacing steps after odd spaces (which the pipeline runs with the other steps for rare
#: characters, before wrong ZWNJs are taken out): the spaces themselves, then (after the
#: handles) the spaces around marks and numbers.
SPACE_STEPS = (trailing_space_step, space_run_step)
MARK_SPACING_STEPS = (punctuation_spacing_step, quote_spacing_step, number_spacing_step)
