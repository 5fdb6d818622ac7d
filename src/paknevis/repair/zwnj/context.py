"""The words around a space that the word table and rules would join, where they keep the
two words apart (دست کم نگیرید: کم belongs to the verb; شما هم نظر خود را: هم is 'also'),
or show how a word is meant (انجام شده در: the adjective انجام‌شده). ``restorer.py``
asks these of a text as it decides its spaces.

>>> from paknevis import fix
>>> fix("دست کم نگیرید، دست کم تا پایان")
'دست کم نگیرید، دست\u200cکم تا پایان'
>>> fix("دو هفته پیش قرارداد بست، خدمات انجام شده در شهر")
'دو هفته پیش قرارداد بست، خدمات انجام\u200cشده در شهر'
"""
from __future__ import annotations

from collections.abc import Mapping

from ..chars import joins_left
from ..edits import Edit
from .lexicon import COMMON_ALONE, Lexicon
from .morphology import (
    AFTER_ADJECTIVE,
    AFTER_HAM_COMPOUND,
    AGO,
    ALSO,
    BEFORE_NOUN_PREVERB,
    EZAFE_AFTER_VOWEL,
    FUTURE_AUXILIARIES,
    HEH_AI_BEFORE,
    LETTER_NAMES,
    LIGHT_VERB_TAILS,
    NAMED_QUOTES,
    OPENING_MARKS,
    PARTICIPLE,
    PREFIXES_MI,
    STOPS,
    SUFFIXES_HA,
    TIME_SPANS,
)
from .pieces import WORD, Piece, piece_end, piece_start_before

#: how many of the last edits may hold the join to the left of a word decided just before
#: (the joins of one decision, rightwards, then those it reopens leftwards)
_RECENT_EDITS = 16


class Context:
    """Questions on the words around a place in a text, asked of the restorer's memos."""

    def __init__(self, lexicon: Lexicon, pieces: Mapping[str, Piece], firsts: Mapping[str, str],
                 gaps: Mapping[str, tuple]):
        """``pieces``, ``firsts`` and ``gaps`` are the restorer's: the :class:`Piece` of each
        piece, the key of its first word, and what the space between two pieces becomes."""
        self.lex = lexicon
        self._pieces, self._firsts, self._gaps = pieces, firsts, gaps

    def next_first(self, text: str, end: int) -> str:
        """The key of the first word of the piece after the space at ``end``."""
        return self._firsts[text[end + 1:piece_end(text, end + 1)]]

    def word_after(self, text: str, end: int) -> str | None:
        """The key of the first word after the piece ending at ``end``, None if no space
        follows it."""
        return self.next_first(text, end) if end < len(text) and text[end] == " " else None

    def space_then(self, text: str, end: int, words: frozenset) -> bool:
        """Is the piece ending at ``end`` followed by a space and a word of ``words``?"""
        return self.word_after(text, end) in words

    def shows_adjective(self, p: Piece, text: str, end: int) -> bool:
        """Does what follows شده (``p``, ending at ``end``) show an adjective, not the verb:
        an ezafe on it (اشغال شدهٔ), or a word that follows a noun phrase (انجام شده در)?"""
        return p.last != PARTICIPLE or self.space_then(text, end, AFTER_ADJECTIVE)

    def _verb_follows(self, forms: frozenset, text: str, end: int) -> bool:
        """Is the piece ending at ``end`` followed by a space and a verb of ``forms``,
        whose می، نمی or future auxiliary may be typed apart (می گیرند، خواهد گرفت)?"""
        word = self.word_after(text, end)
        if word in PREFIXES_MI or word in FUTURE_AUXILIARIES:
            verb = self.word_after(text, piece_end(text, end + 1))
            if verb is None:
                return False
            word = (word if word in PREFIXES_MI else "") + verb
        return word in forms

    def _also(self, rp: Piece, text: str, end: int) -> bool:
        """Is هم, before the piece ``rp`` ending at ``end``, the particle 'also'? So it is
        before one of the commonest words alone (نظر، زمان) that a word of its phrase follows
        (شما هم نظر خود را، هم زمان زیادی گذشته): the compound (هم‌نظر، هم‌زمان) is an
        adjective or adverb, followed by با، و، a verb or the phrase's end. (Not a verb's
        participle, which is an adjective too: ما هم سال گذشته, 'we, last year, too'.)"""
        if not rp.single or rp.last is None or self.lex.freq.get(rp.last, 0) < COMMON_ALONE:
            return False
        after = self.word_after(text, end)
        return not (after is None or after == "-" or after in AFTER_HAM_COMPOUND
                    or after in PREFIXES_MI or after in FUTURE_AUXILIARIES
                    or after in self.lex.verbs and after[-1] != "ه")

    def keeps_apart(self, left: str, rule: str, rp: Piece, text: str, start: int,
                    right_start: int, end: int) -> bool:
        """Do the words around keep apart the word ``left`` (starting at ``start``) and the
        piece ``rp`` (``text[right_start:end]``), which the tables join by ``rule``?"""
        if rule == "zwnj.join_suffix" and not joins_left(left[-1]) and self._read_as_heh_ai(
                left + (rp.first or ""), text, right_start, end):
            return True  # دیوار های را: glued, دیوارهای را would be read as دیواره‌ای را
        if rule == "zwnj.join_suffix" and self._acronym_head(rp, text, end):
            return True  # بیماری ام اس: ام starts ام‌اس (MS), not a clitic of بیماری
        if rp.last in LIGHT_VERB_TAILS and self._verb_follows(LIGHT_VERB_TAILS[rp.last], text, end):
            return True  # دست کم نگیرید: کم belongs to the verb, not to دست‌کم
        if left == ALSO and self._also(rp, text, end):
            return True  # شما هم نظر خود را: هم is 'also'
        if rule == "zwnj.join_preverb" and self.noun_not_preverb(text, start):
            return True  # از در می‌آید: در is the door
        if left == AGO and rule == "zwnj.join_compound" and self._time_span_before(text, start):
            return True  # دو هفته پیش قرارداد بست: 'ago', not پیش‌قرارداد
        # a pair inside a longer word, without the rest of it (Lexicon.pair_continuations):
        # میان رشته های مختلف, where میان‌رشته is a word only in میان‌رشته‌ای
        rest = self.lex.pair_continuations.get(left, {}).get(rp.first or "")
        return rest is not None and not (rp.single and self.word_after(text, end) in rest)

    def _read_as_heh_ai(self, word: str, text: str, right_start: int, end: int) -> bool:
        """Would ``word``, glued of a word and the first word of the piece
        ``text[right_start:end]``, be read as a word in ه and ای where it stands (before a
        mark that ends a clause, or a word of ``HEH_AI_BEFORE``), as the word step reads
        such a word glued (``Piece.before_no_ezafe``)? Then a second pass would split what
        the join glued: a plural typed apart after a letter that never joins stays so."""
        if word not in self.lex.heh_where_no_ezafe:
            return False
        raw = text[right_start:end]
        after = WORD.match(raw)
        if after is not None and after.end() < len(raw):
            return raw[after.end()] in STOPS
        # ... as a word of its own: not if a join makes it part of another (نیز ترین)
        return self.space_then(text, end, HEH_AI_BEFORE) and not self._next_joins_on(text, end)

    def _next_joins_on(self, text: str, end: int) -> bool:
        """Does the piece after the space at ``end`` join the piece after it, so that the
        first word after ``end`` is no word of its own (نیز ترین، اس شان)?"""
        next_end = piece_end(text, end + 1)
        return bool(next_end < len(text) and text[next_end] == " "
                    and self._gaps[text[end + 1:piece_end(text, next_end + 1)]][0])

    def acronym_tail(self, left: str, parts: list[str], rp: Piece, text: str, start: int,
                     edits: list[Edit]) -> bool:
        """Are the word ``left`` (the piece ``parts``, starting at ``start``) and the piece
        ``rp``, two letters' names, the tail of an acronym typed apart (ام آی تی: MIT, not
        ام آی‌تی)? So they are if a space and another letter's name stand before them, each
        a piece of its own (not ام اس»ام اس, where » parts two), and that name is a word of
        its own: not joined, in ``edits`` so far, to the word before it (شده ام آی تی)."""
        if not (left in LETTER_NAMES and rp.first in LETTER_NAMES and len(parts) == 1
                and self._pieces[parts[0]].single) or not (found := self._piece_before(text, start)):
            return False
        before, _ = found
        name = text[before:start - 1].lstrip(OPENING_MARKS)  # («ام آی تی, after a quote too)
        if not name or not self._pieces[name].single:
            return False
        word = self._firsts[name]
        # (a join to the left of a word may come after it in ``edits``: می کننده ام ام اس,
        # where می joins کننده‌ام; but not far after it: the last few are read, where all
        # made a line of acronyms quadratic, اف بی آی 20,000 times: 19 s)
        return word in LETTER_NAMES and not any(
            edit.end == before and edit.old == " " for edit in edits[-_RECENT_EDITS:])

    def _acronym_head(self, rp: Piece, text: str, end: int) -> bool:
        """Is the piece ``rp`` (ending at ``end``), a letter's name that is also a clitic
        (ام، ای), the head of an acronym the table writes, with the next letter's name after
        it, a word of its own (ام اس: ام‌اس; not ام اس شان, where اسشان is one word)?"""
        if not rp.single or rp.first not in LETTER_NAMES:
            return False
        after = self.word_after(text, end)
        return (after in LETTER_NAMES and rp.first + after in self.lex.forms
                and not self._next_joins_on(text, end))

    def shows_named(self, text: str, start: int, end: int) -> bool:
        """Is the piece ``text[start:end]``, a word that may be a given name or a compound
        (``NAME_OR_COMPOUND``: بهنام), the compound? So it is before a quote or a Latin word,
        or after a noun with its indefinite ی (صنفی بهنام «…»، دستگاهی بهنام CD Robot)."""
        if end + 1 < len(text) and text[end] == " " and (
                (after := text[end + 1]) in NAMED_QUOTES or after.isascii() and after.isalpha()):
            return True
        found = self._piece_before(text, start)
        if found is None:
            return False
        word = self._pieces[text[found[0]:start - 1]].last
        return (word is not None and len(word) >= 3 and word[-1] == "ی"
                and not word.endswith(EZAFE_AFTER_VOWEL) and self.lex.knows(word[:-1]))

    def noun_not_preverb(self, text: str, start: int) -> bool:
        """Is the preverb typed apart at ``start`` a noun, governed by the word before it
        (از در می‌آید: through the door; ``BEFORE_NOUN_PREVERB``)?"""
        found = self._piece_before(text, start)
        return found is not None and found[1] in BEFORE_NOUN_PREVERB

    def _time_span_before(self, text: str, start: int) -> bool:
        """Is the piece starting at ``start`` preceded by a space and a span of time (دو
        هفته پیش، سال ها پیش), read as one word with its plural typed apart?"""
        if not (found := self._piece_before(text, start)):
            return False
        before, word = found
        if word in SUFFIXES_HA and (earlier := self._piece_before(text, before)):
            word = earlier[1] + word
        return word in TIME_SPANS

    def _piece_before(self, text: str, start: int) -> tuple[int, str] | None:
        """Where the piece before the one starting at ``start`` starts, and the key of its
        first word, if a space stands between the two (as ``word_after`` looks ahead)."""
        if start < 2 or text[start - 1] != " ":
            return None
        before = piece_start_before(text, start)
        return before, self._firsts[text[before:start - 1]]
