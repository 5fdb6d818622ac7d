"""The ZWNJ restorer: the writing of each word of a text (as ``words.py`` decides a word
alone, and where no ezafe can follow it) and of each space between two words, and the
repair step that runs it over a text.
"""
from __future__ import annotations

import re
from itertools import compress, count
from operator import contains
from typing import NamedTuple

from ..chars import PERSIAN_LETTERS, WORD_CHARS, ZWNJ, joins_left
from ..edits import Edit, new_edit
from ..harakat import has_harakat
from ..protect import in_spans, protected_spans
from ..step import EditsStep
from .habit import FREE_COMPOUND, follow_the_writers_habit
from .lexicon import COMMON_ALONE, EZAFE_ENDS, Lexicon, key_of, without_ezafe
from .morphology import (
    AFTER_ADJECTIVE,
    AFTER_HAM_COMPOUND,
    AGO,
    ALSO,
    CLITICS_AFTER_HEH,
    EZAFE_YEH,
    FUTURE_AUXILIARIES,
    HA_EZAFE,
    HEH_AI_BEFORE,
    JOIN_RIGHT,
    LETTER_NAMES,
    LIGHT_VERB_TAILS,
    MI_PREFIXES,
    NO_HEAD,
    NO_SUFFIX_HOST,
    NOT_AFTER_BI,
    PARTICIPLE,
    PREFIXES_MI,
    PRONOUNS_PLURAL,
    RULE_LEFT,
    SPOKEN_HA_APART,
    SPOKEN_PRONOUNS,
    STOPS,
    SUFFIXES_HA,
    SUFFIXES_TAR,
    TAR_INFLECTED,
    TIME_SPANS,
    pronoun_glued,
    silent_heh,
)
from .words import WordWriter

try:  # the scan in C, built by setup.py where a compiler is; else the same in Python
    from .. import _scan as _c_scan
except ImportError:
    _c_scan = None  # type: ignore[assignment]

#: how often a word must have been seen (a frequency bucket of the table) to be joined
#: to a compound's tail typed apart after it (مستعمره نشینان، پشتون نشین): the tail,
#: which hardly ever stands alone, is evidence enough, so a word seen once will do. CV
#: on the dev sets: spaced recall 0.9154 -> 0.9164, no wrong ZWNJ more; on the web texts,
#: 32 joins more, all right (تسکین‌دهنده، عبرت‌پذیری، شرک‌آلود).
_TAIL_JOIN_HEAD_FREQ = 1

#: what a word typed apart before it makes a plural or comparative of, as ها does (کتاب
#: ها، بزرگ ترین، جوان ترها، عکس هارو)
_PLURALS_AND_COMPARATIVES = frozenset((*SUFFIXES_HA, *SUFFIXES_TAR, *TAR_INFLECTED, *SPOKEN_HA_APART))

#: how many of the last edits may hold the join to the left of a word decided just before
#: (the joins of one decision, rightwards, then those it reopens leftwards)
_RECENT_EDITS = 16


def _zwnj_positions(word: str) -> frozenset[int]:
    """Offsets in the ZWNJ-free key before which ``word`` has a ZWNJ."""
    out, k = set(), 0
    for ch in word:
        if ch == ZWNJ:
            out.add(k)
        else:
            k += 1
    return frozenset(out)


class Piece(NamedTuple):
    """What the ZWNJ step needs to know of one space-delimited piece of text."""

    edits: tuple  # (offset, old, new, rule) for each word in it to repair
    first: str | None  # key of its first word, if it starts with one
    last: str | None  # key of its last word, if it ends with one
    single: bool  # is it one word (and nothing else)?
    ends_join: bool  # may its first word be the right side of a rule's join (ها، تر، ام…)?
    starts_join: bool  # may its last word be the left side of a rule's join (می، نمی، بی)?
    pair_left: bool  # is its last word the left side of a joinable pair (بین in بین المللی)?
    #: its edits before a word that an ezafe hardly ever precedes (``HEH_AI_BEFORE``), if
    #: they differ: its last word then read as a word in ه and ای (زمینهای را -> زمینه‌ای
    #: را، زمینهای از -> زمینه‌ای از; see ``heh_where_no_ezafe``)
    before_no_ezafe: tuple | None = None
    #: is it one word, شده, that may end an adjective typed apart (انجام شده در)? It is
    #: looked at only where what follows shows the adjective (``_shows_adjective``).
    participle: bool = False

    def __contains__(self, next_key: object) -> bool:
        """True: the scan asks each busy piece whether the word after it may join it (see
        ``_scan_py``), and a piece with work of its own is visited whatever follows."""
        return True


class _Memo(dict):
    """A dict that makes a missing value with ``make`` and keeps it, so that a lookup in
    C (``map(memo.__getitem__, keys)``) computes only what it has not seen. Past ``limit``
    entries it starts afresh: web text never runs out of new words and numbers."""

    __slots__ = ("make", "limit")

    def __init__(self, make, limit: int = 200_000):
        super().__init__()
        self.make, self.limit = make, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value


class ZwnjRestorer:
    """Decides the writing of each word and of each space between two Persian words."""

    def __init__(self, lexicon: Lexicon, c_scan: bool = True):
        """``c_scan=False`` scans in Python even where the C scan is built (to compare)."""
        self.lex = lexicon
        self.words = WordWriter(lexicon)
        # What is learned of each word and piece, once per distinct one. (Seeding them
        # with the table's common words made no first pass faster, and later ones slower.)
        self._facts = _Memo(self._word_facts)  # word -> (fix or None, key)
        self._pieces = _Memo(self._make_piece)  # space-delimited piece -> Piece
        self._busy = _Memo(self._busy_piece)  # piece -> None, frozenset or Piece
        self._firsts = _Memo(self._first_key)  # piece -> key of its first word, or '-'
        self._gaps = _Memo(self._first_gap)  # "left right" pieces -> (fix, right Piece, left key)
        self._scan = self._c_scanner() if c_scan and _c_scan is not None else self._scan_py

    # -- one word ---------------------------------------------------------------------
    def _word_facts(self, token: str) -> tuple:
        """(fix or None, key) for a word.

        The fix is the word with its missing ZWNJs put back, and the rule. A ZWNJ the
        writer put is never moved: the table's form is taken only if it keeps every ZWNJ
        the word has.
        """
        key = key_of(token)
        base, ezafe = without_ezafe(key)
        written, rule = self.words.preferred(base)
        if ezafe:
            written = written[:-1] + ezafe
        fixed = None
        # (a glued token has no ZWNJ to keep: most that come here, and the test is skipped)
        if written != token and (ZWNJ not in token or _zwnj_positions(token) <= _zwnj_positions(written)):
            fixed = (written, rule)
        return fixed, key

    def _where_no_ezafe(self, word: str, fixed: tuple | None) -> tuple | None:
        """The fix of ``word`` where no ezafe can stand (before the end of a sentence or
        clause, or a word like را), given ``fixed``, its fix anywhere: that of a glued word
        and ای (شکستهای. -> شکسته‌ای.), as the plural and ezafe (شکست‌های) needs a word
        after it."""
        if word in self.lex.heh_where_no_ezafe:
            written = self.lex.written(word[:-2]) + ZWNJ + "ای"
            if fixed is None or fixed[0] != written:
                return written, "zwnj.suffix"
        return fixed

    def clear_cache(self) -> None:
        for memo in (self._facts, self._pieces, self._busy, self._firsts, self._gaps):
            memo.clear()

    def piece(self, raw: str) -> Piece:
        """The :class:`Piece` for ``raw`` (a word, or words with punctuation), memoised."""
        return self._pieces[raw]

    def _make_piece(self, raw: str) -> Piece:
        edits: tuple[tuple, ...]
        first: str | None
        last: str | None
        last_word: str | None
        if _WORD.fullmatch(raw):  # most pieces are one word
            fixed, key = self._facts[raw]
            edits = ((0, raw, *fixed),) if fixed else ()
            first, last = without_ezafe(key)[0], key
            single = True
            last_word, last_at = raw, 0
        else:
            # Words inside a URL, an e-mail address or a handle (wiki/بین_المللی_میشود) are
            # part of it: never repaired, never joined. (A Persian word cannot start one.)
            spans = protected_spans(raw)
            words = [m for m in _WORD.finditer(raw) if not in_spans(m.start(), spans)]
            found = []
            for m in words:
                fixed = self._facts[m.group()][0]
                if raw[m.end():m.end() + 1] in STOPS:
                    fixed = self._where_no_ezafe(m.group(), fixed)
                if fixed is not None:
                    found.append((m.start(), m.group(), *fixed))
            edits = tuple(found)
            first = (without_ezafe(self._facts[words[0].group()][1])[0]
                     if words and words[0].start() == 0 else None)
            last = self._facts[words[-1].group()][1] if words and words[-1].end() == len(raw) else None
            single = False
            last_word, last_at = (words[-1].group(), words[-1].start()) if last else (None, 0)
        before_no_ezafe = None
        if last_word in self.lex.heh_where_no_ezafe:
            fixed = self._facts[last_word][0]
            heh = self._where_no_ezafe(last_word, fixed)
            if heh is not None and heh != fixed:
                before_no_ezafe = (*(ed for ed in edits if ed[0] != last_at), (last_at, last_word, *heh))
        return Piece(edits, first, last, single, first in self.lex.join_right, last in RULE_LEFT,
                     last in self.lex.pair_rights, before_no_ezafe, single and first == PARTICIPLE)

    # -- two words apart ----------------------------------------------------------------
    def join(self, left: str, right: str, parts: list[str] | None = None,
             left_raw: str = "") -> tuple[str, str] | None:
        """If the space between ``left`` and ``right`` (ZWNJ-free keys) is a lost ZWNJ,
        give what replaces it (ZWNJ, or nothing after a non-joining letter) and the rule.
        ``parts`` are the pieces and joins that made the left side, where a join made it;
        else ``left_raw`` is the piece that ends in it, as the text has it."""
        lex = self.lex
        pair = f"{left} {right}"
        if not left or not right or pair in lex.apart or left.endswith(EZAFE_ENDS):
            return None  # nothing joins after an ezafe (خانهٔ ما): it ends the word
        last = left[-1]
        if left in MI_PREFIXES:
            # a verb takes one می: نمی وامی شد stays (joined, a second pass joined on), but
            # not a verb of its own in می, read as one with می (می میراند)
            if (with_mi := self.words.verb_after_mi(right)) and not with_mi.startswith(_MI_ZWNJ):
                return None
            if self.words.verb(right) or self.words.unknown_verb(right):
                return ZWNJ, "zwnj.join_prefix_mi"
            return None
        # (not before a verb with می, which بی never makes a word of: بی می زد; joined after
        # the verb's own join, بی‌می‌زد had a second pass join what followed it)
        if (left == "بی" and lex.knows(right) and right not in NOT_AFTER_BI
                and len(self.words.plural_stem(right)) >= 3 and not self.words.verb_after_mi(right)):
            return ZWNJ, "zwnj.join_prefix_bi"
        # (a suffix is no host for another: ها ها, the laugh, or a decade's ۱۲ها ها, stays)
        if left not in NO_SUFFIX_HOST and len(left) > 1 and left not in JOIN_RIGHT:
            as_text = parts or [left_raw]  # (what the left word is, as the text has it)
            if right in _PLURALS_AND_COMPARATIVES:
                if self._ends_plural(left, as_text):
                    return None  # nor is a plural: پرونده‌ها تره‌ای stays
                if joins_left(last):
                    return ZWNJ, "zwnj.join_suffix"
                # After a letter that never joins the two make one glued word (دیوارها),
                # which the word step must leave as it is, or a second pass would split it
                # elsewhere: میا های -> میاهای -> میاه‌ای (hypothesis found it). Or, after a
                # join, one written as the table writes the word: کلان شهر های -> کلان‌شهرهای.
                fixed = self._facts[left + right][0]
                if fixed is None or parts and (written := self._written(parts)) and (
                        fixed[0] == written + right):
                    return "", "zwnj.join_suffix"
                return None
            # After the plural's های a pronoun is glued (کتاب های شان -> کتاب‌هایشان, as
            # هایشان is written), and no other clitic follows it (کتاب های اند stays).
            if right in CLITICS_AFTER_HEH and self._plural_ezafe(left, as_text):
                fixed = self._facts[left + right][0]  # (as the word step leaves it)
                if right in PRONOUNS_PLURAL and (fixed is None or fixed[0] == lex.written(left) + right):
                    return "", "zwnj.join_suffix"
                return None
            # After a word in ا and ی, whose ی is a consonant, a clitic in alef loses its
            # alef, glued (برایم، جایش، صدایش), as after the plural's های: typed apart
            # (برای ام), it stays so, not made برای‌ام. (Not so after the suffix ه‌ای,
            # whose ی is a vowel: حرفه‌ای‌اش.)
            if right in CLITICS_AFTER_HEH and right[0] == "ا" and left.endswith("ای") and left[-3:-2] != "ه":
                return None
            # (typed apart, the clitic is plain after a word that is a verb form as well:
            # مالی اش، بازی اش)
            if right in CLITICS_AFTER_HEH and (last == "ه" or self.words.yeh_stem(left, 3)):
                if last == "ه" and not silent_heh(left):
                    # the consonant h: a clitic is glued to it (جایگاه شان -> جایگاهشان),
                    # and one that starts with alef is none (it would be جایگاهم)
                    if right in PRONOUNS_PLURAL and self._facts[left + right][0] is None:
                        return "", "zwnj.join_suffix"
                    return None
                return ZWNJ, "zwnj.join_suffix"
            # a pronoun is glued to a known word in a letter other than ه and ی, as the
            # Academy writes it (تلاش مان -> تلاشمان), if the word step leaves the two so
            if right in PRONOUNS_PLURAL and pronoun_glued(left) and joins_left(last) and lex.knows(left) and (
                    self._facts[left + right][0] is None):
                return "", "zwnj.join_suffix"
            if right in SPOKEN_PRONOUNS and silent_heh(left):
                return ZWNJ, "zwnj.join_suffix"  # خونه شون -> خونه‌شون
            if right == EZAFE_YEH and last == "ه":
                # as the word the two make is written: خانه ی -> خانه‌ی; توجه ی stays
                # (the table's توجهی, with the consonant h, may as well be a stripped
                # عهده‌ی, which it also has glued). A word in ه whose ی the table has seen
                # neither way takes it after a ZWNJ: a lone ی is no word, and ه with no
                # glued ی is the vowel (پیشینه ی، جنگنده ی، بازمانده ی -> پیشینه‌ی).
                fixed = self._facts[left + right][0]
                joins = (ZWNJ in fixed[0] if fixed else
                         silent_heh(left) and lex.knows(left) and left + right not in lex.glued)
                return (ZWNJ, "zwnj.join_ezafe") if joins else None
        if pair in lex.join_pairs:
            return ZWNJ, "zwnj.join_bound" if pair in lex.bound_pairs else "zwnj.join_compound"
        if (right in lex.joined_tails and joins_left(last)
                and self.words.compound_head(left, _TAIL_JOIN_HEAD_FREQ)):
            return ZWNJ, "zwnj.join_compound"  # مسخره کننده -> مسخره‌کننده
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
        between them), as it will be written: '' if a piece has edits of its own."""
        return "" if any(self._pieces[piece].edits for piece in parts[::2]) else "".join(parts)

    # -- text ---------------------------------------------------------------------------
    def _busy_piece(self, raw: str) -> Piece | frozenset | None:
        """What the text loop needs of a piece: None if it needs nothing; a set of the
        first words that make the next piece worth a look, if all it may do is start a
        joinable pair (``بین`` before ``المللی``: the pair's right keys) or be an adjective
        in شده (``AFTER_ADJECTIVE`` too: the scan looks the next word up, where every شده
        was a visit; on farsnews, visits 10,068 -> 8,572); else its :class:`Piece`."""
        lex = self.lex
        if raw in lex.common_quiet:
            return None
        if raw in lex.quiet_lefts:
            return lex.quiet_lefts[raw]
        if m := _ONE_WORD.fullmatch(raw):
            word = m.group(1)
            if word is None or word in lex.common_quiet or lex.quiet(word):
                return None  # no word, or one word that needs nothing, in punctuation: «ایران».
            fixed, key = self._facts[word]
            if fixed is None and not lex.decided_by_neighbours(key, glued=word == key):
                return None  # a word the table does not know (a name), that needs nothing
        busy = self._pieces[raw]
        if busy.edits or busy.ends_join or busy.starts_join or busy.before_no_ezafe:
            return busy
        rights = lex.pair_rights[busy.last] if busy.pair_left else None
        if busy.participle:  # (with an ezafe, شدهٔ shows the adjective whatever follows)
            return busy if busy.last != PARTICIPLE else AFTER_ADJECTIVE | (rights or frozenset())
        return rights

    def _next_first(self, text: str, end: int) -> str:
        """The key of the first word of the piece after the space at ``end``."""
        return self._firsts[text[end + 1:_piece_end(text, end + 1)]]

    def _word_after(self, text: str, end: int) -> str | None:
        """The key of the first word after the piece ending at ``end``, None if no space
        follows it."""
        return self._next_first(text, end) if end < len(text) and text[end] == " " else None

    def _space_then(self, text: str, end: int, words: frozenset) -> bool:
        """Is the piece ending at ``end`` followed by a space and a word of ``words``?"""
        return self._word_after(text, end) in words

    @staticmethod
    def _first_key(raw: str) -> str:
        """The key of the word ``raw`` starts with ('-' if it starts with none)."""
        m = _WORD.match(raw)
        return "-" if m is None else without_ezafe(key_of(m.group()))[0]

    def _c_scanner(self):
        """The scan in C (_scan.c), over a table of the pieces it decides on sight: the quiet
        words, and the left sides of joinable pairs with those pairs."""
        lex = self.lex
        items, left_rights = {}, [None]
        for left, rights in lex.quiet_lefts.items():
            items[left] = len(left_rights)
            left_rights.append(rights)
            items.update(dict.fromkeys((f"{left} {right}" for right in rights), -1))
        items.update(dict.fromkeys(lex.common_quiet, 0))
        # The words of one or two letters that need nothing, asked of _busy_piece itself:
        # the table leaves them out, but و alone is one piece in twenty.
        short = [*PERSIAN_LETTERS, *(a + b for a in PERSIAN_LETTERS for b in PERSIAN_LETTERS)]
        items.update(dict.fromkeys((w for w in short if w not in items and self._busy_piece(w) is None), 0))
        try:
            table = _c_scan.WordTable(items, WORD_CHARS)
        except ValueError:  # a key outside the BMP: the scan in Python
            return self._scan_py
        busy = self._busy
        return lambda text: _c_scan.scan(text, table, left_rights, busy)

    def _scan_py(self, text: str) -> list[tuple]:
        """(index, start, end, busy value) of each piece of ``text`` to visit: every piece
        with work of its own (a Piece), and each piece whose busy value is a set of first
        words (a pair's left side, شده; see ``_busy_piece``) that the next piece's first
        word is in. Pieces are cut at spaces and newlines: a newline is never a lost ZWNJ
        (_decide checks), but a word at a line's end is the same piece as anywhere else."""
        pieces = (text.replace("\n", " ") if "\n" in text else text).split(" ")
        found = list(map(self._busy.__getitem__, pieces))  # None for the quiet ones
        # (compress picks the busy ones' values and next pieces in one C loop each, which
        # costs less than indexing by position: 42 -> 34 ms on farsnews.)
        busy_at = list(compress(count(), found))
        after = pieces[1:]  # after[i] is the piece after piece i ...
        after.append("")  # ... and after the last one, no word
        next_keys = map(self._firsts.__getitem__, compress(after, found))
        start = _Starts(pieces)
        return [(i, s := start(i), s + len(pieces[i]), found[i])
                for i in compress(busy_at, map(contains, compress(found, found), next_keys))]

    def text_edits(self, text: str) -> list[Edit]:
        """Edits for ``text``: words to repair, and spaces that are lost ZWNJs.

        The hot loop of the package. The scan (in C, or ``_scan_py``) cuts the text at
        spaces; most pieces are words written right that take no part in a join, and cost
        one lookup. A space is looked at only next to a piece that may join: the left side
        of a rule (می، نمی، بی) or of a joinable pair, or the right side of a rule (ها، تر،
        ام…).

        The writer's habit (habit.py) then settles the ambiguous edits. Where it drops a
        join of free words (نخست وزیر) that the decision of the next space turned on, the
        text is decided again without such joins, as a second pass would see the words
        (ماشین افزار های شان: افزارهای and شان, not ماشین‌افزارهای and شان; in 4 of the
        1,200 Fars News articles).
        """
        apart = _Apart(free=True)
        edits = self._text_edits(text, apart)
        settled = follow_the_writers_habit(text, edits)
        if apart.after_free and not any(e.rule in FREE_COMPOUND for e in settled):
            settled = follow_the_writers_habit(text, self._text_edits(text, _Apart(free=False)))
        return settled

    def _text_edits(self, text: str, apart: _Apart) -> list[Edit]:
        """``text_edits`` before the writer's habit."""
        pieces_of, pair_rights = self._pieces, self.lex.pair_rights
        edits: list[Edit] = []
        decided = -1  # the last gap decided; gap i is the space after piece i
        for i, s, e, p in self._scan(text):
            if p.__class__ is frozenset:  # a pair's left side or شده, before a word of the set
                if i <= decided:
                    continue
                p = pieces_of[text[s:e]]
                starts_pair = p.pair_left and (  # (for شده, the set has the adjective's cues too)
                    not p.participle or self._next_first(text, e) in pair_rights[p.last])
            else:
                starts_pair = p.pair_left and e < len(text) and (
                    self._next_first(text, e) in pair_rights[p.last])
            if (p.ends_join or p.participle and self._shows_adjective(p, text, e)) and i > decided + 1:
                decided = self._decide(text, i - 1, _piece_start_before(text, s), s - 1, edits, apart,
                                       decided)
            piece_edits = p.edits
            if p.before_no_ezafe and self._space_then(text, e, HEH_AI_BEFORE):
                piece_edits = p.before_no_ezafe
            for offset, old, new, rule in piece_edits:
                if offset == 0 and new.startswith(_MI_ZWNJ) and _joined_after_mi(edits, s):
                    continue  # نمی میرند: the verb after نمی is میرند (مردن), not می‌رند
                edits.append(new_edit((s + offset, s + offset + len(old), old, new, rule)))
            if i > decided and e < len(text) and (p.starts_join or starts_pair):
                decided = self._decide(text, i, s, e, edits, apart, decided)
        if len(edits) > 1:
            edits.sort(key=_edit_start)
        return edits

    def _decide(self, text: str, g: int, s: int, e: int, edits: list[Edit],
                apart: _Apart, decided: int) -> int:
        """Decide the space after piece ``g``, ``text[s:e]`` (and, after a join, the spaces
        that follow, since a joined word may join on: ``پیش بینی ها``). Returns the last
        gap decided, and adds the first to ``apart`` if it stays a space. ``decided`` is
        the last gap decided before."""
        left = None  # the key of the words joined so far
        first_gap, start, parts = g, s, [text[s:e]]  # the joined word: where, and its parts
        after_free = False  # has a join of free words made the word so far?
        while e < len(text) and text[e] == " ":
            ns, ne = e + 1, _piece_end(text, e + 1)  # the next piece
            if left is None:  # the same two pieces are decided alike: once
                joined, rp, left = self._gaps[text[s:ne]]
            else:
                rp = self._pieces[text[ns:ne]]
                joined = self._gap(left, text[s:e], True, rp, text[ns:ne], parts)
                # Were the join of free words dropped, would this space be decided
                # otherwise? Only if either way joins (or may, before شده).
                if after_free and (joined is not None or rp.participle or self._gaps[text[s:ne]][0]):
                    apart.after_free = True
            if joined is None and apart.free and rp.participle and self._shows_adjective(rp, text, ne):
                left = left or self._pieces[text[s:e]].last
                joined = self._adjective(left)
            elif joined is not None and (not apart.allows(joined[1]) or
                                         self._apart_in_context(left, joined[1], rp, text, start, ns, ne)
                                         or self._acronym_tail(left, parts, rp, text, start, edits)):
                joined = None
            if joined is None:
                if g == first_gap:
                    apart.add(g)
                break
            edits.append(new_edit((e, e + 1, " ", *joined)))
            after_free |= joined[1] in FREE_COMPOUND
            parts += (joined[0], text[ns:ne])
            if not rp.single:
                left += rp.first  # (the key of the joined word, for the look back below)
                break
            # the joined word ends as the piece does, an ezafe on its ه included, after
            # which nothing joins (بی خانۀ شان: بی‌خانۀ, and شان stays apart)
            left += rp.last
            g, s, e = g + 1, ns, ne
        if len(parts) > 1:
            # The space before, if never looked at (the piece before could start no join
            # with the first piece alone), is apart so far, and may join the new word if
            # that is the right side of a pair (گفت وگوه ای: گفت and وگوه‌ای join, as
            # گفت‌وگوهای, or of a rule: تره ای -> تره‌ای, a comparative's ترهای; a rule's
            # left side, بی، می, is always looked at)
            if (decided < first_gap - 1 and (left in self.lex.pair_right_keys or left in self.lex.join_right)
                    and start and text[start - 1] == " "):
                apart.add(first_gap - 1)
            if first_gap - 1 in apart:
                apart.after_free |= after_free
                self._rejoin_left(text, first_gap - 1, start, "".join(parts), edits, apart)
        return g

    def _rejoin_left(self, text: str, gap: int, start: int, word: str, edits: list[Edit],
                     apart: _Apart) -> None:
        """A join made ``word`` from ``start`` on, and the space before it (``gap``) was
        decided apart against the first piece alone, but may join the new word (بی بی
        خانهٔ: بی and بی stay apart, بی and بی‌خانهٔ join): decide it again, as a second
        pass would, and so on leftwards."""
        while gap in apart:
            left_start = _piece_start_before(text, start)
            left_raw = text[left_start:start - 1]
            joined = self._gaps[f"{left_raw} {word}"][0]
            if joined is None or not apart.allows(joined[1]):
                return
            apart.discard(gap)
            edits.append(Edit(start - 1, start, " ", *joined))
            gap, start, word = gap - 1, left_start, left_raw + joined[0] + word

    def _shows_adjective(self, p: Piece, text: str, end: int) -> bool:
        """Does what follows شده (``p``, ending at ``end``) show an adjective, not the verb:
        an ezafe on it (اشغال شدهٔ), or a word that follows a noun phrase (انجام شده در)?"""
        return p.last != PARTICIPLE or self._space_then(text, end, AFTER_ADJECTIVE)

    def _verb_follows(self, forms: frozenset, text: str, end: int) -> bool:
        """Is the piece ending at ``end`` followed by a space and a verb of ``forms``,
        whose می، نمی or future auxiliary may be typed apart (می گیرند، خواهد گرفت)?"""
        word = self._word_after(text, end)
        if word in PREFIXES_MI or word in FUTURE_AUXILIARIES:
            verb = self._word_after(text, _piece_end(text, end + 1))
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
        after = self._word_after(text, end)
        return not (after is None or after == "-" or after in AFTER_HAM_COMPOUND
                    or after in PREFIXES_MI or after in FUTURE_AUXILIARIES
                    or after in self.lex.verbs and after[-1] != "ه")

    def _apart_in_context(self, left: str, rule: str, rp: Piece, text: str, start: int,
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
        if left == AGO and rule == "zwnj.join_compound" and self._time_span_before(text, start):
            return True  # دو هفته پیش قرارداد بست: 'ago', not پیش‌قرارداد
        # a pair inside a longer word, without the rest of it (Lexicon.pair_continuations):
        # میان رشته های مختلف, where میان‌رشته is a word only in میان‌رشته‌ای
        rest = self.lex.pair_continuations.get(left, {}).get(rp.first or "")
        return rest is not None and not (rp.single and self._word_after(text, end) in rest)

    def _read_as_heh_ai(self, word: str, text: str, right_start: int, end: int) -> bool:
        """Would ``word``, glued of a word and the first word of the piece
        ``text[right_start:end]``, be read as a word in ه and ای where it stands (before a
        mark that ends a clause, or a word of ``HEH_AI_BEFORE``), as the word step reads
        such a word glued (``Piece.before_no_ezafe``)? Then a second pass would split what
        the join glued: a plural typed apart after a letter that never joins stays so."""
        if word not in self.lex.heh_where_no_ezafe:
            return False
        raw = text[right_start:end]
        after = _WORD.match(raw)
        if after is not None and after.end() < len(raw):
            return raw[after.end()] in STOPS
        # ... as a word of its own: not if a join makes it part of another (نیز ترین)
        return self._space_then(text, end, HEH_AI_BEFORE) and not self._next_joins_on(text, end)

    def _next_joins_on(self, text: str, end: int) -> bool:
        """Does the piece after the space at ``end`` join the piece after it, so that the
        first word after ``end`` is no word of its own (نیز ترین، اس شان)?"""
        next_end = _piece_end(text, end + 1)
        return bool(next_end < len(text) and text[next_end] == " "
                    and self._gaps[text[end + 1:_piece_end(text, next_end + 1)]][0])

    def _acronym_tail(self, left: str, parts: list[str], rp: Piece, text: str, start: int,
                      edits: list[Edit]) -> bool:
        """Are the word ``left`` (the piece ``parts``, starting at ``start``) and the piece
        ``rp``, two letters' names, the tail of an acronym typed apart (ام آی تی: MIT, not
        ام آی‌تی)? So they are if a space and another letter's name stand before them, each
        a piece of its own (not ام اس»ام اس, where » parts two), and that name is a word of
        its own: not joined, in ``edits`` so far, to the word before it (شده ام آی تی)."""
        if not (left in LETTER_NAMES and rp.first in LETTER_NAMES and len(parts) == 1
                and self._pieces[parts[0]].single) or not (found := self._piece_before(text, start)):
            return False
        before, word = found
        if not self._pieces[text[before:start - 1]].single:
            return False
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
        after = self._word_after(text, end)
        return (after in LETTER_NAMES and rp.first + after in self.lex.forms
                and not self._next_joins_on(text, end))

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
        first word, if a space stands between the two (as ``_word_after`` looks ahead)."""
        if start < 2 or text[start - 1] != " ":
            return None
        before = _piece_start_before(text, start)
        return before, self._firsts[text[before:start - 1]]

    def _adjective(self, left: str | None) -> tuple[str, str] | None:
        """The space between a word (key ``left``) and شده that ``_shows_adjective``, as in
        the adjective the table writes with a ZWNJ (انجام‌شده)."""
        if left is None or not joins_left(left[-1]) or left in NO_HEAD:
            return None
        lex = self.lex
        if lex.forms.get(left + PARTICIPLE) != lex.written(left) + ZWNJ + PARTICIPLE:
            return None
        return ZWNJ, "zwnj.join_participle"

    def _first_gap(self, two: str) -> tuple:
        """For two pieces with the space between them (as ``_gaps`` keys them): what
        replaces the space or None, the right piece, and the key of the left word if they
        join (``_decide`` adds the right piece's)."""
        left_raw, _, right_raw = two.partition(" ")
        lp, rp = self._pieces[left_raw], self._pieces[right_raw]
        joined = self._gap(lp.last, left_raw, lp.starts_join or lp.pair_left, rp, right_raw)
        return joined, rp, lp.last if joined else None

    def _gap(self, left: str | None, left_raw: str, left_may_join: bool, rp: Piece,
             right_raw: str, parts: list[str] | None = None) -> tuple[str, str] | None:
        """What replaces the space between a word (key ``left``, ending the piece
        ``left_raw``; ``parts`` as join takes them) and the piece ``right_raw`` (``rp``):
        ``join``'s answer, if the pair is one that may join at all."""
        first = rp.first
        if left is None or first is None or not (rp.ends_join or left_may_join and (
                left in RULE_LEFT or f"{left} {first}" in self.lex.join_pairs)):
            return None
        if left in RULE_LEFT and right_raw.startswith(_MI_WRITTEN):
            return None  # a verb takes one می: نمی می‌زد (as a join of می زد leaves it) stays
        joined = self.join(left, first, parts, left_raw)
        if joined is None or _both_vocalized(left_raw, right_raw):
            return None
        return joined


class _Apart(set):
    """The gaps of one text decided apart, which a join after them may reopen; and, for
    the text's other decisions: may free words join (``free``), and has a decision gone
    on from a join of free words (``after_free``)?"""

    __slots__ = ("free", "after_free")

    def __init__(self, free: bool):
        super().__init__()
        self.free, self.after_free = free, False

    def allows(self, rule: str) -> bool:
        """May a join by ``rule`` be made in this decision of the text?"""
        return self.free or rule not in FREE_COMPOUND


def _piece_end(text: str, start: int) -> int:
    """Where the piece that starts at ``start`` ends: at a space, a newline or the end."""
    end = text.find(" ", start)
    if end < 0:
        end = len(text)
    newline = text.find("\n", start, end)
    return end if newline < 0 else newline


def _piece_start_before(text: str, start: int) -> int:
    """Where the piece before the one at ``start`` (> 0) starts. The newline is looked for
    only after the space: from the text's start, in a text without one, each call read
    the whole text before it (a line of 1,000,000 characters of مسخره کننده: 1.1 s)."""
    space = text.rfind(" ", 0, start - 1)
    return max(space, text.rfind("\n", space + 1, start - 1)) + 1


def _both_vocalized(left: str, right: str) -> bool:
    """Do both pieces have harakat? Then they stay apart: joined, two words of a vocalized
    passage would be one, and a passage of three might be too short for a second pass to
    keep (harakat.py)."""
    return has_harakat(left) and has_harakat(right)


class _Starts:
    """Where each piece of a text cut at single spaces starts, computed on demand: the
    text loop needs it only for the few pieces it edits or joins, and summing the
    lengths in between (in C) costs no more than a table of every piece's offset."""

    __slots__ = ("pieces", "i", "pos")

    def __init__(self, pieces: list[str]):
        self.pieces, self.i, self.pos = pieces, 0, 0

    def __call__(self, i: int) -> int:
        if i == self.i + 1:  # the next piece, as after each join
            self.pos += len(self.pieces[self.i]) + 1
        elif i > self.i:
            self.pos += sum(map(len, self.pieces[self.i:i])) + i - self.i
        elif i < self.i:
            self.pos -= sum(map(len, self.pieces[i:self.i])) + self.i - i
        self.i = i
        return self.pos


_MI_ZWNJ = "می" + ZWNJ
#: a verb with its می written, a preverb's too (می‌زد، وامی‌شد)
_MI_WRITTEN = tuple(prefix + ZWNJ for prefix in MI_PREFIXES)


def _joined_after_mi(edits: list[Edit], start: int) -> bool:
    """Was the space before ``start`` joined as the one after می or نمی? (The joins
    decided with it, after ``start``, may follow it in ``edits``.)"""
    for edit in reversed(edits):
        if edit.end <= start:
            return edit.end == start and edit.rule == "zwnj.join_prefix_mi"
    return False


def _edit_start(edit: Edit) -> int:
    return edit.start


_W = WORD_CHARS
_WORD = re.compile(f"[{_W}]+")
#: A piece with at most one word, and anything else (digits, punctuation) only around it.
_ONE_WORD = re.compile(f"[^{_W}]*(?:([{_W}]+)[^{_W}]*)?")


class ZwnjStep(EditsStep):
    """The repair step: the text's words and spaces go through a :class:`ZwnjRestorer`."""

    name = "zwnj"

    def __init__(self, restorer: ZwnjRestorer):
        self.restorer = restorer

    def edits(self, text: str) -> list[Edit]:
        return self.restorer.text_edits(text)
