"""Is the space between two words a lost ZWNJ? The rules of Persian morphology (a plural,
comparative or clitic typed apart from its word; می، نمی and بی before a verb or word) and
the word table's pairs (بین المللی، نخست وزیر) decide it for the two words alone.
``restorer.py`` asks it of each space it visits; the words around may still keep the two
apart (``context.py``). Pairs that edited text writes apart stay apart.

>>> from paknevis import fix
>>> fix("کتاب ها، بزرگ ترین، می شود، بین المللی، گفته اند")
'کتاب\u200cها، بزرگ\u200cترین، می\u200cشود، بین\u200cالمللی، گفته\u200cاند'
>>> fix("به رسمیت شناختن، سال گذشته، شروع شده است")
'به رسمیت شناختن، سال گذشته، شروع شده است'
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..chars import WORD_CHARS, ZWNJ, joins_left
from .lexicon import EZAFE_ENDS, Lexicon
from .morphology import (
    CLITICS_AFTER_HEH,
    EZAFE_YEH,
    HA_EZAFE,
    JOIN_RIGHT,
    MI_PREFIXES,
    NO_SUFFIX_HOST,
    NOT_AFTER_BI,
    PRONOUNS_PLURAL,
    SPOKEN_HA_APART,
    SPOKEN_PRONOUNS,
    SUFFIXES_HA,
    SUFFIXES_TAR,
    TAR_INFLECTED,
    heh_takes_zwnj,
    pronoun_glued,
    silent_heh,
)
from .pieces import Piece
from .words import WordWriter

#: how often a word must have been seen (a frequency bucket of the table) to be joined
#: to a compound's tail typed apart after it (مستعمره نشینان، پشتون نشین): the tail,
#: which hardly ever stands alone, is evidence enough, so a word seen once will do. CV
#: on the dev sets: spaced recall 0.9154 -> 0.9164, no wrong ZWNJ more; on the web texts,
#: 32 joins more, all right (تسکین‌دهنده، عبرت‌پذیری، شرک‌آلود).
_TAIL_JOIN_HEAD_FREQ = 1

#: the last word of a piece (``_written``)
_LAST_WORD = re.compile(f"[{WORD_CHARS}]+$")

#: what a word typed apart before it makes a plural or comparative of, as ها does (کتاب
#: ها، بزرگ ترین، جوان ترها، عکس هارو)
_PLURALS_AND_COMPARATIVES = frozenset((*SUFFIXES_HA, *SUFFIXES_TAR, *TAR_INFLECTED, *SPOKEN_HA_APART))

#: the prefix می as a verb is written with it
MI_ZWNJ = "می" + ZWNJ


class PairJoiner:
    """What replaces the space between two words (ZWNJ-free keys), by the rules and pairs."""

    def __init__(self, lexicon: Lexicon, words: WordWriter, facts: Mapping[str, tuple],
                 pieces: Mapping[str, Piece]):
        """``facts`` and ``pieces`` are the restorer's: (fix or None, key) of each word, and
        the :class:`Piece` of each piece; a join asks how a word glued of two is written."""
        self.lex, self.words = lexicon, words
        self._facts, self._pieces = facts, pieces

    def join(self, left: str, right: str, parts: list[str] | None = None,
             left_raw: str = "") -> tuple[str, str] | None:
        """If the space between ``left`` and ``right`` (ZWNJ-free keys) is a lost ZWNJ,
        give what replaces it (ZWNJ, or nothing after a non-joining letter) and the rule.
        ``parts`` are the pieces and joins that made the left side, where a join made it;
        else ``left_raw`` is the piece that ends in it, as the text has it.

        The rules by what ``right`` may be: a verb after می or نمی, a word after بی, a
        suffix or clitic after a word; else a pair of the table."""
        if not left or not right or f"{left} {right}" in self.lex.apart or left.endswith(EZAFE_ENDS):
            return None  # nothing joins after an ezafe (خانهٔ ما): it ends the word
        if self._last_part_apart(parts[-1] if parts else left_raw, right):
            return None  # a pair written apart stays so in a longer word too (بی کتاب ها)
        if left in MI_PREFIXES:
            return (ZWNJ, "zwnj.join_prefix_mi") if self._verb_after_mi(right) else None
        if left == "بی" and self._word_after_bi(right):
            return ZWNJ, "zwnj.join_prefix_bi"
        # (a suffix is no host for another: ها ها, the laugh, or a decade's ۱۲ها ها, stays)
        if left not in NO_SUFFIX_HOST and len(left) > 1 and left not in JOIN_RIGHT:
            as_text = parts or [left_raw]  # (what the left word is, as the text has it)
            if right in _PLURALS_AND_COMPARATIVES:
                return self._plural_or_comparative(left, right, parts, as_text)
            if right in CLITICS_AFTER_HEH:
                if self._plural_ezafe(left, as_text):
                    return self._clitic_after_plural(left, right)
                # After a word in ا and ی, whose ی is a consonant, a clitic in alef loses its
                # alef, glued (برایم، جایش، صدایش), as after the plural's های: typed apart
                # (برای ام), it stays so, not made برای‌ام. (Not so after the suffix ه‌ای,
                # whose ی is a vowel: حرفه‌ای‌اش.)
                if right[0] == "ا" and left.endswith("ای") and left[-3:-2] != "ه":
                    return None
                # (typed apart, the clitic is plain after a word that is a verb form as
                # well: مالی اش، بازی اش)
                if left[-1] == "ه" or self.words.yeh_stem(left, 3):
                    return self._clitic_after_vowel(left, right)
                if right in PRONOUNS_PLURAL and self._pronoun_glued(left, right):
                    return "", "zwnj.join_suffix"  # تلاش مان -> تلاشمان
            if right in SPOKEN_PRONOUNS and heh_takes_zwnj(left, right):
                return ZWNJ, "zwnj.join_suffix"  # خونه شون -> خونه‌شون
            if right == EZAFE_YEH and left[-1] == "ه":
                return (ZWNJ, "zwnj.join_ezafe") if self._ezafe_yeh_joins(left, right) else None
        return self._pair(left, right)

    def _verb_after_mi(self, right: str) -> bool:
        """Is ``right`` a verb that takes می or نمی typed apart before it? A verb takes one
        می: not one with its own می (نمی وامی شد stays: joined, a second pass joined on),
        unless that is a verb of its own in می, read as one with می (می میراند)."""
        if (with_mi := self.words.verb_after_mi(right)) and not with_mi.startswith(MI_ZWNJ):
            return False
        return bool(self.words.verb(right) or self.words.unknown_verb(right))

    def _word_after_bi(self, right: str) -> bool:
        """Does بی make a word of ``right`` (بی توجه -> بی‌توجه)? A known word of three
        letters or more, but not before a verb with می, which بی never makes a word of (بی
        می زد; joined after the verb's own join, بی‌می‌زد had a second pass join what
        followed it). Or the plural or comparative of a word that بی makes a known word of
        (بی نظیرترین، بی رحم‌ترین -> بی‌نظیرترین، بی‌رحم‌ترین, as بی‌نظیر، بی‌رحم)."""
        return (self.lex.knows(right) and right not in NOT_AFTER_BI
                and len(self.words.plural_stem(right)) >= 3 and not self.words.verb_after_mi(right)
                or self._inflected_after_bi(right))

    def _inflected_after_bi(self, right: str) -> bool:
        """Is ``right`` a plural or comparative (ها، ترین، …) of a word that the table
        writes after بی with a ZWNJ?"""
        for suffix in _PLURALS_AND_COMPARATIVES:
            stem = right[:-len(suffix)]
            if right.endswith(suffix) and len(stem) >= 3 and (
                    self.lex.forms.get("بی" + stem) == "بی" + ZWNJ + stem):
                return True
        return False

    def _last_part_apart(self, raw: str, right: str) -> bool:
        """Is the last part of the piece ``raw`` (after its last ZWNJ, or a join's last
        piece) a word that the table writes apart from ``right`` (a user's نخست وزیر)?"""
        return f"{self._pieces[raw.rsplit(ZWNJ, 1)[-1]].last} {right}" in self.lex.apart

    def _plural_or_comparative(self, left: str, right: str, parts: list[str] | None,
                               as_text: list[str]) -> tuple[str, str] | None:
        """A plural or comparative typed apart from its word (کتاب ها، بزرگ ترین)."""
        if self._ends_plural(left, as_text):
            return None  # nor is a plural a host: پرونده‌ها تره‌ای stays
        if joins_left(left[-1]):
            return ZWNJ, "zwnj.join_suffix"
        # After a letter that never joins the two make one glued word (دیوارها), which the
        # word step must leave as it is, or a second pass would split it elsewhere: میا های
        # -> میاهای -> میاه‌ای (hypothesis found it). Or, after a join, one written as the
        # table writes the word: کلان شهر های -> کلان‌شهرهای.
        fixed = self._facts[left + right][0]
        if fixed is None or parts and (written := self._written(parts)) and fixed[0] == written + right:
            return "", "zwnj.join_suffix"
        return None

    def _clitic_after_plural(self, left: str, right: str) -> tuple[str, str] | None:
        """After the plural's های a pronoun is glued (کتاب های شان -> کتاب‌هایشان, as
        هایشان is written), and no other clitic follows it (کتاب های اند stays)."""
        fixed = self._facts[left + right][0]  # (as the word step leaves it)
        if right in PRONOUNS_PLURAL and (fixed is None or fixed[0] == self.lex.written(left) + right):
            return "", "zwnj.join_suffix"
        return None

    def _clitic_after_vowel(self, left: str, right: str) -> tuple[str, str] | None:
        """A clitic after a word in ه or in ی (خانه ام -> خانه‌ام، صندلی اش -> صندلی‌اش).
        After the consonant h a plural pronoun is glued (جایگاه شان، گروه شان -> جایگاهشان،
        گروهشان), or written as the table writes the two (گروه‌مان, as Fars News has it);
        a clitic in alef is none after alef and h (it would be جایگاهم), nor ات after the
        consonant h (``heh_takes_zwnj``), where it is the Arabic plural."""
        if left[-1] == "ه" and not heh_takes_zwnj(left, right):
            if right not in PRONOUNS_PLURAL:
                return None
            fixed = self._facts[left + right][0]
            if fixed is None:
                return "", "zwnj.join_suffix"
            return (ZWNJ, "zwnj.join_suffix") if fixed[0] == self.lex.written(left) + ZWNJ + right else None
        return ZWNJ, "zwnj.join_suffix"

    def _pronoun_glued(self, left: str, right: str) -> bool:
        """Is a plural pronoun glued to ``left``, a known word in a letter other than ه and
        ی, as the Academy writes it (تلاش مان -> تلاشمان), where the word step leaves the
        two so?"""
        return (pronoun_glued(left) and joins_left(left[-1]) and self.lex.knows(left)
                and self._facts[left + right][0] is None)

    def _ezafe_yeh_joins(self, left: str, right: str) -> bool:
        """Does the ezafe ی typed apart after ``left``, a word in ه, join it? As the word
        the two make is written: خانه ی -> خانه‌ی; توجه ی stays (the table's توجهی, with the
        consonant h, may as well be a stripped عهده‌ی, which it also has glued). A word in ه
        whose ی the table has seen neither way takes it after a ZWNJ: a lone ی is no word,
        and ه with no glued ی is the vowel (پیشینه ی، جنگنده ی، بازمانده ی -> پیشینه‌ی)."""
        fixed = self._facts[left + right][0]
        if fixed:
            return ZWNJ in fixed[0]
        return silent_heh(left) and self.lex.knows(left) and left + right not in self.lex.glued

    def _pair(self, left: str, right: str) -> tuple[str, str] | None:
        """A pair the table joins (بین المللی، نخست وزیر), or a known word before a part
        that ends compounds and hardly stands alone (مسخره کننده -> مسخره‌کننده)."""
        lex = self.lex
        pair = f"{left} {right}"
        if pair in lex.preverb_pairs:
            return "", "zwnj.join_preverb"  # بر می‌گردد -> برمی‌گردد
        if pair in lex.join_pairs:
            return ZWNJ, "zwnj.join_bound" if pair in lex.bound_pairs else "zwnj.join_compound"
        if (right in lex.joined_tails and joins_left(left[-1])
                and self.words.compound_head(left, _TAIL_JOIN_HEAD_FREQ)):
            return ZWNJ, "zwnj.join_compound"
        return None

    def _plural_ezafe(self, left: str, parts: list[str]) -> bool:
        """Does the word ``left`` (ending the pieces and joins ``parts``) end in the
        plural های, as it is written (کتاب‌های، دیوارهای), not in ه and ای (حرفه‌ای)? As
        the text has it where no edit of its own changes it: a second pass must not judge
        نفره‌ای by the table's نفرهای, a plural, and join it to شان."""
        if not left.endswith(HA_EZAFE) or not self.lex.knows(left[:-3]):
            return False
        written = self._as_written(left, parts)
        return written.endswith(ZWNJ + HA_EZAFE) or written == left and not joins_left(left[-4])

    def _ends_plural(self, left: str, parts: list[str]) -> bool:
        """Does the word ``left`` (ending ``parts``) end in a plural ending after a ZWNJ,
        as it is written (پرونده‌ها، کتاب‌هایی)?"""
        if not left.endswith(SUFFIXES_HA):
            return False
        written = self._as_written(left, parts)
        return any(written.endswith(ZWNJ + suffix) for suffix in SUFFIXES_HA)

    def _as_written(self, left: str, parts: list[str]) -> str:
        """The word ``left`` as the pieces and joins ``parts`` make it, where no edit of
        their own changes them, else as the table writes it."""
        return self._written(parts) or self.lex.written(left)

    def _written(self, parts: list[str]) -> str:
        """The word that joins made of ``parts`` (pieces, and what replaced the spaces
        between them), as it will be written: '' if a piece has edits of its own. (Of the
        first piece, its last word: not a quote or bracket before it, «نرم افزار ها».)"""
        if any(self._pieces[piece].edits for piece in parts[::2]):
            return ""
        head = _LAST_WORD.search(parts[0])
        return "".join([head.group() if head else parts[0], *parts[1:]])
