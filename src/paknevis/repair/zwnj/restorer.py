"""The ZWNJ restorer: the writing of each word of a text (as ``words.py`` decides a word
alone, and where no ezafe can follow it) and of each space between two words (as
``joins.py`` decides two words alone, and ``context.py`` the words around them), and the
repair step that runs it over a text.
"""
from __future__ import annotations

from itertools import compress, count
from operator import contains

from ..chars import PERSIAN_LETTER_SET, PERSIAN_LETTERS, WORD_CHARS, ZWNJ, joins_left
from ..edits import Edit, new_edit
from ..harakat import has_harakat
from ..lines import line_around
from ..protect import in_spans, protected_spans
from ..step import EditsStep
from .context import Context
from .habit import FREE_COMPOUND, follow_the_writers_habit
from .joins import MI_ZWNJ, PairJoiner
from .lexicon import Lexicon, key_of, without_ezafe
from .morphology import (
    AFTER_ADJECTIVE,
    HEH_AI_BEFORE,
    KARDAN,
    MI_PREFIXES,
    NO_HEAD,
    PARTICIPLE,
    RULE_LEFT,
    STOPS,
)
from .pieces import ONE_WORD, WORD, Memo, Piece, piece_end, piece_start_before
from .words import WordWriter

try:  # the scan in C, built by setup.py where a compiler is; else the same in Python
    from .. import _scan as _c_scan
except ImportError:
    _c_scan = None  # type: ignore[assignment]


def _zwnj_positions(word: str) -> frozenset[int]:
    """Offsets in the ZWNJ-free key before which ``word`` has a ZWNJ."""
    out, k = set(), 0
    for ch in word:
        if ch == ZWNJ:
            out.add(k)
        else:
            k += 1
    return frozenset(out)


class ZwnjRestorer:
    """Decides the writing of each word and of each space between two Persian words."""

    def __init__(self, lexicon: Lexicon, c_scan: bool = True):
        """``c_scan=False`` scans in Python even where the C scan is built (to compare)."""
        self.lex = lexicon
        self.words = WordWriter(lexicon)
        # What is learned of each word and piece, once per distinct one. (Seeding them
        # with the table's common words made no first pass faster, and later ones slower.)
        self._facts = Memo(self._word_facts)  # word -> (fix or None, key)
        self._pieces = Memo(self._make_piece)  # space-delimited piece -> Piece
        self._busy = Memo(self._busy_piece)  # piece -> None, frozenset or Piece
        self._firsts = Memo(self._first_key)  # piece -> key of its first word, or '-'
        self._gaps = Memo(self._first_gap)  # "left right" pieces -> (fix, right Piece, left key)
        self.pairs = PairJoiner(lexicon, self.words, self._facts, self._pieces)
        self.context = Context(lexicon, self._pieces, self._firsts, self._gaps)
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
        if WORD.fullmatch(raw):  # most pieces are one word
            fixed, key = self._facts[raw]
            edits = ((0, raw, *fixed),) if fixed else ()
            first, last = without_ezafe(key)[0], key
            single = True
            last_word, last_at = raw, 0
        else:
            # Words inside a URL, an e-mail address or a handle (wiki/بین_المللی_میشود) are
            # part of it: never repaired, never joined. (A Persian word cannot start one.)
            spans = protected_spans(raw)
            words = [m for m in WORD.finditer(raw) if not in_spans(m.start(), spans)]
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
        if m := ONE_WORD.fullmatch(raw):
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

    @staticmethod
    def _first_key(raw: str) -> str:
        """The key of the word ``raw`` starts with ('-' if it starts with none)."""
        m = WORD.match(raw)
        return "-" if m is None else without_ezafe(key_of(m.group()))[0]

    def _c_scanner(self):
        """The scan in C (_scan.c), over a table of the pieces it decides on sight: the quiet
        words, and the left sides of joinable pairs with those pairs."""
        lex = self.lex
        items, left_rights = {}, [None]
        for left, rights in lex.quiet_lefts.items():
            items[left] = len(left_rights)
            left_rights.append(rights)
            # (the first two letters first, so that a pair of a two-letter right side wins)
            items.update(dict.fromkeys((f"{left} {right[:2]}" for right in rights), -2))
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

        The writer's habit (habit.py) then settles the ambiguous edits, a line at a time:
        a line may be another writer's (a corpus of a document or a sentence a line, from
        many sites), and one line that types ZWNJs must not keep the glued words of the
        next, whose ZWNJs a scraper deleted. Where it drops a join of free words (نخست
        وزیر) that the decision of the next space turned on, the line is decided again
        without such joins, as a second pass would see the words (ماشین افزار های شان:
        افزارهای and شان, not ماشین‌افزارهای and شان; 21 lines of the 1,200 Fars News articles).
        """
        apart = _Apart(free=True)
        edits = self._text_edits(text, apart)
        settled: list[Edit] = []
        i, n = 0, len(edits)
        while i < n:  # (the edits are in order, and none crosses a line break)
            start, end = line_around(text, edits[i].start)
            j = i + 1
            while j < n and edits[j].start < end:
                j += 1
            settled += self._settle(text, edits[i:j], apart, start, end)
            i = j
        return settled

    def _settle(self, text: str, edits: list[Edit], apart: _Apart, start: int, end: int) -> list[Edit]:
        """The writer's habit on ``edits``, those of the line ``text[start:end]``."""
        kept = follow_the_writers_habit(text, edits, start, end)
        if apart.after_free and len(kept) < len(edits) and _drops_free_joins(edits, kept):
            line = text[start:end]
            again = [e.shifted(start) for e in self._text_edits(line, _Apart(free=False))]
            kept = follow_the_writers_habit(text, again, start, end)
        return kept

    def _text_edits(self, text: str, apart: _Apart) -> list[Edit]:
        """``text_edits`` before the writer's habit."""
        pieces_of, pair_rights = self._pieces, self.lex.pair_rights
        object_before_verb, name_or_compound = self.lex.object_before_verb, self.lex.name_or_compound
        edits: list[Edit] = []
        decided = -1  # the last gap decided; gap i is the space after piece i
        for i, s, e, p in self._scan(text):
            if p.__class__ is frozenset:  # a pair's left side or شده, before a word of the set
                if i <= decided:
                    continue
                p = pieces_of[text[s:e]]
                starts_pair = p.pair_left and (  # (for شده, the set has the adjective's cues too)
                    not p.participle or self.context.next_first(text, e) in pair_rights[p.last])
            else:
                starts_pair = p.pair_left and e < len(text) and (
                    self.context.next_first(text, e) in pair_rights[p.last])
            if (p.ends_join or p.participle and self.context.shows_adjective(p, text, e)) and i > decided + 1:
                decided = self._decide(text, i - 1, piece_start_before(text, s), s - 1, edits, apart,
                                       decided)
            piece_edits = p.edits
            if p.before_no_ezafe and self.context.space_then(text, e, HEH_AI_BEFORE):
                piece_edits = p.before_no_ezafe
            for offset, old, new, rule in piece_edits:
                if offset == 0 and new.startswith(MI_ZWNJ) and _joined_after_mi(edits, s):
                    continue  # نمی میرند: the verb after نمی is میرند (مردن), not می‌رند
                if old in object_before_verb and s + offset + len(old) == e and self.context.space_then(
                        text, e, KARDAN):
                    continue  # کمکم کرد: کمک and م (helped me), not کم‌کم
                if old in name_or_compound and not (
                        len(old) == e - s and self.context.shows_named(text, s, e)):
                    continue  # بهنام سراج: the name Behnam, not به‌نام ('named')
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
            ns, ne = e + 1, piece_end(text, e + 1)  # the next piece
            if left is None:  # the same two pieces are decided alike: once
                joined, rp, left = self._gaps[text[s:ne]]
            else:
                rp = self._pieces[text[ns:ne]]
                joined = self._gap(left, text[s:e], True, rp, text[ns:ne], parts)
                # Were the join of free words dropped, would this space be decided
                # otherwise? Only if either way joins (or may, before شده).
                if after_free and (joined is not None or rp.participle or self._gaps[text[s:ne]][0]):
                    apart.after_free = True
            if joined is None and apart.free and rp.participle and self.context.shows_adjective(rp, text, ne):
                left = left or self._pieces[text[s:e]].last
                joined = self._adjective(left)
            elif joined is not None and (not apart.allows(joined[1]) or
                                         self.context.keeps_apart(left, joined[1], rp, text, start, ns, ne)
                                         or self.context.acronym_tail(left, parts, rp, text, start, edits)):
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
            left_start = piece_start_before(text, start)
            left_raw = text[left_start:start - 1]
            joined = self._gaps[f"{left_raw} {word}"][0]
            if joined is None or not apart.allows(joined[1]) or (
                    joined[1] == "zwnj.join_preverb" and self.context.noun_not_preverb(text, left_start)):
                return
            apart.discard(gap)
            edits.append(Edit(start - 1, start, " ", *joined))
            gap, start, word = gap - 1, left_start, left_raw + joined[0] + word

    def _adjective(self, left: str | None) -> tuple[str, str] | None:
        """The space between a word (key ``left``) and شده that ``Context.shows_adjective``, as in
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
        joined = self.pairs.join(left, first, parts, left_raw)
        if joined is None or _both_vocalized(left_raw, right_raw) or _no_word_start(right_raw):
            return None
        return joined


class _Apart:
    """The gaps of one text decided apart, which a join after them may reopen; and, for
    the text's other decisions: may free words join (``free``), and has a decision gone
    on from a join of free words (``after_free``)? (A class of its own, not a set's
    subclass, which mypyc cannot compile: see setup.py.)"""

    __slots__ = ("gaps", "free", "after_free")

    def __init__(self, free: bool):
        self.gaps: set[int] = set()
        self.free, self.after_free = free, False

    def add(self, gap: int) -> None:
        self.gaps.add(gap)

    def discard(self, gap: int) -> None:
        self.gaps.discard(gap)

    def __contains__(self, gap: int) -> bool:
        return gap in self.gaps

    def allows(self, rule: str) -> bool:
        """May a join by ``rule`` be made in this decision of the text?"""
        return self.free or rule not in FREE_COMPOUND


def _both_vocalized(left: str, right: str) -> bool:
    """Do both pieces have harakat? Then they stay apart: joined, two words of a vocalized
    passage would be one, and a passage of three might be too short for a second pass to
    keep (harakat.py)."""
    return has_harakat(left) and has_harakat(right)


def _no_word_start(right: str) -> bool:
    """Does the piece ``right``, whose first word may join the word before it, not start
    a word of its own? It starts with a haraka, against which the wrong-ZWNJ step would
    take a ZWNJ out in a second pass (نمی َسلام); or its first word is tied to what follows
    by _, as a hashtag's or a name in code is (کتاب ها_جدید): a space before it is none
    typed for a ZWNJ, and a join would change which word a heading's # stands before."""
    word = WORD.match(right)
    return word is None or right[0] not in PERSIAN_LETTER_SET or right[word.end():word.end() + 1] == "_"


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


def _drops_free_joins(edits: list[Edit], kept: list[Edit]) -> bool:
    """Did the writer's habit drop the joins of free words among ``edits`` (it drops all or
    none of a line's)?"""
    return any(e.rule in FREE_COMPOUND for e in edits) and not any(e.rule in FREE_COMPOUND for e in kept)


class ZwnjStep(EditsStep):
    """The repair step: the text's words and spaces go through a :class:`ZwnjRestorer`."""

    name = "zwnj"

    def __init__(self, restorer: ZwnjRestorer):
        self.restorer = restorer

    def edits(self, text: str) -> list[Edit]:
        return self.restorer.text_edits(text)
