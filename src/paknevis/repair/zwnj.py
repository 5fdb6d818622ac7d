"""ZWNJ (half-space, U+200C): put back the ones that were lost, take out the wrong ones.

Large Persian web corpora lose their ZWNJs in two ways: deleted (``بینالمللی``, ``میشود``)
or typed as a space (``می شود``, ``کتاب ها``). Restoring them decides, for each word and
each pair of neighbouring words, between three writings: glued, half-space, or apart.

The decision comes from data, in this order:

1. a word table learned from edited text (``scripts/build_zwnj_lexicon.py``), which knows
   how each word is written (``بین‌المللی``, but ``تنها``, ``همواره``, ``بیشتر`` glued);
2. for words the table does not know, Persian morphology over known stems: the verb prefix
   می/نمی before a known verb form, the plural ها/های, the comparative تر/ترین, and clitics
   (ای، ام، اند…) after a final ه;
3. for two words apart, the same rules and table decide whether the space is a lost ZWNJ;
   pairs that edited text writes apart (``به رسمیت``, ``سال گذشته``) stay apart.

A ZWNJ already in the text is kept where it is right, and removed where it does nothing
or is wrong: after letters that never join (ا د ذ ر ز ژ و), doubled, or at a word's edge.

>>> from paknevis import fix
>>> fix("استقبال بینالمللی که میشود و منطقهای")
'استقبال بین\u200cالمللی که می\u200cشود و منطقه\u200cای'
>>> fix("کتاب ها را می خواند")
'کتاب\u200cها را می\u200cخواند'
>>> fix("به رسمیت شناختن، تنها راه")
'به رسمیت شناختن، تنها راه'
"""
from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from .chars import NON_JOINERS, PERSIAN_LETTERS, WORD_CHARS, ZWNJ, joins_left
from .edits import Edit, apply_edits

PREFIXES_MI = ("نمی", "می")
#: Verbal preverbs written glued to می: برمی‌گردد، درمی‌آید، فرومی‌ریزد.
PREVERBS = ("فرو", "باز", "فرا", "بر", "در", "وا", "ور")
SUFFIXES_HA = ("هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "هاست", "های", "ها")
SUFFIXES_TAR = ("ترین", "تری", "تر")
#: Clitics that take a ZWNJ after a final ه: منطقه‌ای، خسته‌ام، گفته‌اند، خانه‌اش.
CLITICS_AFTER_HEH = ("ایم", "اید", "اند", "ای", "ام", "ات", "اش")
_SUFFIXES = tuple((s, "ha") for s in SUFFIXES_HA) + tuple((s, "tar") for s in SUFFIXES_TAR) + tuple(
    (s, "heh") for s in CLITICS_AFTER_HEH)
_SUFFIXES = tuple(sorted(_SUFFIXES, key=lambda x: -len(x[0])))
#: Words written apart that may be the second half of a lost ZWNJ (کتاب ها، گفته اند).
_JOIN_RIGHT = frozenset(SUFFIXES_HA + SUFFIXES_TAR + CLITICS_AFTER_HEH)
#: Words that a suffix written apart never attaches to: ``خشک و تر`` is not ``خشک وتر``.
_NO_SUFFIX_HOST = frozenset("و به از که در با را تا یا هم نه چه اگر اما پس چون".split())

_PREVERB_MI = frozenset(p + m for p in PREVERBS for m in PREFIXES_MI)
_MI_PREFIXES = _PREVERB_MI | frozenset(PREFIXES_MI)
_RULE_LEFT = _MI_PREFIXES | {"بی"}  # words that a rule may join to the next word

_HEH_MARGIN = 3  # log2 buckets: X+ه wins unless X is 8 times as frequent

PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند")


@dataclass
class Lexicon:
    """How words are written, learned from edited text (see ``scripts/build_zwnj_lexicon.py``).

    Keys are words with every ZWNJ taken out.
    """

    #: key -> its written form, for words written with a ZWNJ (بینالمللی -> بین‌المللی)
    forms: dict[str, str] = field(default_factory=dict)
    #: keys of words written glued (تنها، همواره، بیشتر); they are never split
    glued: set[str] = field(default_factory=set)
    #: "left right" key pairs that edited text writes apart although a rule would join them
    apart: set[str] = field(default_factory=set)
    #: inflected verb forms that take the prefix می/نمی (شود، کردند، رفته)
    verbs: set[str] = field(default_factory=set)
    #: key -> how often the word was seen, as log2 buckets (0 = once or less)
    freq: dict[str, int] = field(default_factory=dict)
    #: keys of ZWNJ words that two words written apart may be joined into
    joinable: set[str] = field(default_factory=set)

    def __post_init__(self):
        self.index()

    def index(self) -> None:
        """Derive what the restorer tests per word pair (after the tables change)."""
        #: "left right" for each ZWNJ of a joinable word: "بین المللی", "پیشبینی ها"
        self.join_pairs: set[str] = set()
        for key in self.joinable:
            parts = self.forms[key].split(ZWNJ)
            for i in range(1, len(parts)):
                pair = "".join(parts[:i]) + " " + parts[i]
                if pair not in self.apart:
                    self.join_pairs.add(pair)
        #: keys a join may start from: می/نمی, and the left side of a joinable pair
        self.join_left = set(_RULE_LEFT)
        self.join_left.update(p.partition(" ")[0] for p in self.join_pairs)

    def knows(self, key: str) -> bool:
        return key in self.glued or key in self.forms

    def written(self, key: str) -> str:
        return self.forms.get(key, key)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Lexicon:
        """Read the table format: one entry a line, ``KIND<TAB>TEXT``.

        Kinds: ``Z`` a word written with ZWNJ and ``G`` a glued word (each with its
        frequency bucket; a ``Z`` marked ``j`` may be joined from two words written
        apart), ``A`` a pair written apart, ``P``/``T`` a present/past verb stem
        (the inflected forms are generated here).
        """
        lex = cls()
        for line in lines:
            kind, _, text = line.rstrip("\n").partition("\t")
            text, _, freq = text.partition("\t")
            freq, _, flag = freq.partition("\t")
            if kind == "Z":
                key = text.replace(ZWNJ, "")
                lex.forms[key] = text
                lex.freq[key] = int(freq or 0)
                if flag == "j":
                    lex.joinable.add(key)
            elif kind == "G":
                lex.glued.add(text)
                lex.freq[text] = int(freq or 0)
            elif kind == "A":
                lex.apart.add(text)
            elif kind == "P":
                lex.verbs.update(text + e for e in PRESENT_ENDINGS)
                if len(text) > 2:
                    lex.verbs.add(text)  # impersonal: می‌توان
            elif kind == "T":
                lex.verbs.update(text + e for e in PAST_ENDINGS)
                lex.verbs.add(text + "ه")  # participle: می‌رفته
        lex.index()
        return lex

    @classmethod
    def load(cls, path=None) -> Lexicon:
        """The table shipped in the package, or one at ``path`` (gzip or plain text)."""
        if path is None:
            path = resources.files("paknevis.data") / "zwnj-lexicon.tsv.gz"
        with path.open("rb") as raw:
            data = raw.read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return cls.from_lines(data.decode("utf-8").splitlines())


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

    _MEMO_LIMIT = 200_000

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._memo: dict[str, tuple] = {}  # word -> facts
        self._raw_memo: dict[str, tuple] = {}  # space-delimited piece -> facts

    # -- one word ---------------------------------------------------------------------
    def _facts(self, token: str) -> tuple:
        """(fix or None, key, may start a join, may end a join), computed once per token.

        The fix is the token with its missing ZWNJs put back, and the rule. A ZWNJ the
        writer put is never moved: the table's form is taken only if it keeps every ZWNJ
        the token has.
        """
        facts = self._memo.get(token)
        if facts is not None:
            return facts
        key = token.replace(ZWNJ, "") if ZWNJ in token else token
        written, rule = self.preferred(key)
        fixed = None
        if written != token and _zwnj_positions(token) <= _zwnj_positions(written):
            fixed = (written, rule)
        facts = (fixed, key, key in self.lex.join_left, key in _JOIN_RIGHT)
        if len(self._memo) > self._MEMO_LIMIT:
            self.clear_cache()
        self._memo[token] = facts
        return facts

    def clear_cache(self) -> None:
        self._memo.clear()
        self._raw_memo.clear()

    def _raw_facts(self, raw: str) -> tuple:
        """Facts of a space-delimited piece of text (a word, or words with punctuation).

        (edits inside it, key of its first word if it starts with one, key of its last
        word if it ends with one, is it one word, may its first word end a join, may its
        last word start one). Computed once per distinct piece.
        """
        facts = self._raw_memo.get(raw)
        if facts is not None:
            return facts
        word_facts = self._memo
        if _WORD.fullmatch(raw):  # most pieces are one word
            fixed, key, may_start, may_end = word_facts.get(raw) or self._facts(raw)
            edits = ((0, raw, *fixed),) if fixed else ()
            facts = (edits, key, key, True, may_end, may_start)
        else:
            words = list(_WORD.finditer(raw))
            edits = []
            for m in words:
                fixed = self._facts(m.group())[0]
                if fixed is not None:
                    edits.append((m.start(), m.group(), *fixed))
            first = last = None
            first_end = last_start = False
            if words and words[0].start() == 0:
                _, first, _, first_end = self._facts(words[0].group())
            if words and words[-1].end() == len(raw):
                _, last, last_start, _ = self._facts(words[-1].group())
            facts = (tuple(edits), first, last, False, first_end, last_start)
        if len(self._raw_memo) > self._MEMO_LIMIT:
            self._raw_memo.clear()
        self._raw_memo[raw] = facts
        return facts

    def preferred(self, key: str) -> tuple[str, str]:
        """How the ZWNJ-free ``key`` is written: from the table, else by morphology."""
        lex = self.lex
        form = lex.forms.get(key)
        if form is not None:
            return form, "zwnj.word"
        if key in lex.glued or len(key) < 3:
            return key, ""
        return self._by_morphology(key) or (key, "")

    def _by_morphology(self, key: str) -> tuple[str, str] | None:
        lex = self.lex
        for prefix in self._mi_prefixes(key):
            verb = self._verb(key[len(prefix):])
            if verb:
                return prefix + ZWNJ + verb, "zwnj.prefix_mi"
        for suffix, kind in _SUFFIXES:
            if not key.endswith(suffix) or len(key) - len(suffix) < 2:
                continue
            stem = key[: -len(suffix)]
            if kind == "heh":
                if stem[-1] != "ه" or not (lex.knows(stem) or stem in lex.verbs):
                    continue
            elif kind == "ha" and suffix[1:] in CLITICS_AFTER_HEH and self._heh_stem_likelier(stem):
                continue  # منطقهای: منطقه‌ای, not منطق‌های
            elif not lex.knows(stem):
                continue
            sep = ZWNJ if joins_left(stem[-1]) else ""
            return lex.written(stem) + sep + suffix, "zwnj.suffix"
        return None

    def _heh_stem_likelier(self, stem: str) -> bool:
        """For X+های: is X+ه (a word, or a participle like ساخته) the likelier stem than X?"""
        lex = self.lex
        heh = stem + "ه"
        if heh in lex.verbs:
            return True
        return lex.knows(heh) and lex.freq.get(heh, 0) + _HEH_MARGIN >= lex.freq.get(stem, 0)

    @staticmethod
    def _mi_prefixes(key: str):
        """The می/نمی prefixes ``key`` may start with, preverb included (برمی، درنمی)."""
        for prefix in PREFIXES_MI:
            if key.startswith(prefix):
                yield prefix
        for preverb in PREVERBS:
            if key.startswith(preverb):
                for prefix in PREFIXES_MI:
                    if key.startswith(prefix, len(preverb)):
                        yield preverb + prefix

    def _verb(self, rest: str) -> str | None:
        """The written form of a verb after می/نمی, or None if ``rest`` is not a verb."""
        lex = self.lex
        if rest in lex.verbs:
            return lex.written(rest)
        for clitic in CLITICS_AFTER_HEH:  # می‌رفته‌اند
            if rest.endswith(clitic) and rest[: -len(clitic)] in lex.verbs and rest[-len(clitic) - 1] == "ه":
                return rest[: -len(clitic)] + ZWNJ + clitic
        return None

    # -- two words apart ----------------------------------------------------------------
    def join(self, left: str, right: str) -> tuple[str, str] | None:
        """If the space between ``left`` and ``right`` (ZWNJ-free keys) is a lost ZWNJ,
        give what replaces it (ZWNJ, or nothing after a non-joining letter) and the rule."""
        lex = self.lex
        if not left or not right or f"{left} {right}" in lex.apart:
            return None
        last = left[-1]
        if left in _MI_PREFIXES:
            if self._verb(right):
                return ZWNJ, "zwnj.join_prefix_mi"
            return None
        if left == "بی" and len(right) >= 3 and lex.knows(right):
            return ZWNJ, "zwnj.join_prefix_bi"
        if left not in _NO_SUFFIX_HOST and len(left) > 1:
            if right in SUFFIXES_HA or right in SUFFIXES_TAR:
                return (ZWNJ if joins_left(last) else ""), "zwnj.join_suffix"
            if right in CLITICS_AFTER_HEH and last == "ه":
                return ZWNJ, "zwnj.join_suffix"
        if f"{left} {right}" in lex.join_pairs:
            return ZWNJ, "zwnj.join_word"
        return None

    # -- text ---------------------------------------------------------------------------
    def text_edits(self, text: str) -> list[Edit]:
        """Edits for ``text``: words to repair, and spaces that are lost ZWNJs.

        The hot loop of the package. The text is cut at spaces (in C); each piece's facts
        come from a memo, and only a pair with a join trigger on either side of a single
        space between two words is looked at closely.
        """
        memo, facts_of, join, pairs = self._raw_memo, self._raw_facts, self.join, self.lex.join_pairs
        edits: list[Edit] = []
        pos = 0
        left = None  # key of the word (or joined words) just before this piece's space
        left_may_join = False
        for raw in text.split(" "):
            word_edits, first, last, single, first_end, last_start = memo.get(raw) or facts_of(raw)
            if left is not None and first is not None and (first_end or left_may_join and (
                    left in _RULE_LEFT or f"{left} {first}" in pairs)) and (joined := join(left, first)):
                edits.append(Edit(pos - 1, pos, " ", joined[0], joined[1]))
                if single:  # a joined word may join on: پیش بینی ها
                    left, left_may_join = left + first, True
                else:
                    left, left_may_join = last, last_start
            else:
                left, left_may_join = last, last_start
            for offset, old, new, rule in word_edits:
                edits.append(Edit(pos + offset, pos + offset + len(old), old, new, rule))
            pos += len(raw) + 1
        return edits


_W = WORD_CHARS
_WORD = re.compile(f"[{_W}]+")

# A ZWNJ that does nothing or is wrong: after a letter that never joins, not between two
# letters (word edges, next to spaces, digits or punctuation), or doubled.
_L = PERSIAN_LETTERS
_JOINING = "".join(c for c in PERSIAN_LETTERS if c not in NON_JOINERS)
_MARKS = "\u064b-\u0655\u0670"
_MARK_SET = frozenset(chr(c) for c in range(0x064B, 0x0656)) | {"\u0670"}
# A ZWNJ that may be wrong: doubled, not followed by a letter, or not after a joining
# letter. It starts with the literal ZWNJ, so clean text is skipped at C speed.
_WRONG_ZWNJ = re.compile(f"\u200c(?:\u200c|(?![{_L}])|(?<![{_JOINING}{_MARKS}]\u200c))")


def _letter_before(text: str, i: int) -> str:
    """The letter before offset ``i``, looking past the marks on it ('' if none)."""
    i -= 1
    while i >= 0 and text[i] in _MARK_SET:
        i -= 1
    return text[i] if i >= 0 and text[i] in _L else ""


def _between_joining_letters(text: str, start: int, end: int) -> bool:
    before = _letter_before(text, start)
    return bool(before) and before not in NON_JOINERS and end < len(text) and text[end] in _L


class WrongZwnjStep:
    """Remove ZWNJs that do nothing or are wrong; make a doubled one single.

    >>> WrongZwnjStep().apply("ابزار\u200cها \u200cکتاب")
    'ابزارها کتاب'
    """

    name = "wrong_zwnj"

    def edits(self, text: str) -> list[Edit]:
        out = []
        done = 0  # end of the last run handled
        for m in _WRONG_ZWNJ.finditer(text):
            s = m.start()
            if s < done:
                continue
            e = s + 1
            while e < len(text) and text[e] == ZWNJ:
                e += 1
            done = e
            if _between_joining_letters(text, s, e):
                if e - s > 1:
                    out.append(Edit(s, e, text[s:e], ZWNJ, "zwnj.doubled"))
            else:
                out.append(Edit(s, e, text[s:e], "", "zwnj.wrong_place"))
        return out

    def apply(self, text: str) -> str:
        return apply_edits(text, self.edits(text)) if ZWNJ in text else text


wrong_zwnj_step = WrongZwnjStep()


class ZwnjStep:
    """The repair step: the text's words and spaces go through a :class:`ZwnjRestorer`."""

    name = "zwnj"

    def __init__(self, restorer: ZwnjRestorer):
        self.restorer = restorer

    def edits(self, text: str) -> list[Edit]:
        return self.restorer.text_edits(text)

    def apply(self, text: str) -> str:
        edits = self.restorer.text_edits(text)
        return apply_edits(text, edits) if edits else text
