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
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

from .chars import NON_JOINERS, PERSIAN_LETTERS, WORD_CHARS, ZWNJ, joins_left
from .edits import Edit
from .step import RegexStep

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
#: Words that a suffix written apart never attaches to: ``خشک و تر`` is not ``خشک وتر``.
_NO_SUFFIX_HOST = frozenset("و به از که در با را تا یا هم نه چه اگر اما پس چون".split())

_PREVERB_MI = frozenset(p + m for p in PREVERBS for m in PREFIXES_MI)

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

    def knows(self, key: str) -> bool:
        return key in self.glued or key in self.forms

    def written(self, key: str) -> str:
        return self.forms.get(key, key)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> "Lexicon":
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
        return lex

    @classmethod
    def load(cls, path=None) -> "Lexicon":
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
        self._memo: dict[str, tuple[str, str] | None] = {}

    # -- one word ---------------------------------------------------------------------
    def fix_word(self, token: str) -> tuple[str, str] | None:
        """The token with its missing ZWNJs put back, and the rule; None if it is right.

        A ZWNJ the writer put is never moved: the table's form is taken only if it keeps
        every ZWNJ the token has.
        """
        try:
            return self._memo[token]
        except KeyError:
            pass
        key = token.replace(ZWNJ, "") if ZWNJ in token else token
        written, rule = self.preferred(key)
        result = None
        if written != token and _zwnj_positions(token) <= _zwnj_positions(written):
            result = (written, rule)
        if len(self._memo) > self._MEMO_LIMIT:
            self._memo.clear()
        self._memo[token] = result
        return result

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
        if f"{left} {right}" in lex.apart:
            return None
        last = left[-1]
        if left in PREFIXES_MI or left in _PREVERB_MI:
            if self._verb(right):
                return ZWNJ, "zwnj.join_prefix_mi"
            return None
        if left not in _NO_SUFFIX_HOST and len(left) > 1:
            if right in SUFFIXES_HA or right in SUFFIXES_TAR:
                return (ZWNJ if joins_left(last) else ""), "zwnj.join_suffix"
            if right in CLITICS_AFTER_HEH and last == "ه":
                return ZWNJ, "zwnj.join_suffix"
        key = left + right
        if key in lex.joinable and len(left) in _zwnj_positions(lex.forms[key]):
            return ZWNJ, "zwnj.join_word"
        return None

    # -- text ---------------------------------------------------------------------------
    def phrase_edits(self, phrase: str, offset: int = 0) -> list[Edit]:
        """Edits for a run of Persian words separated by single spaces."""
        edits: list[Edit] = []
        pos = offset
        left = None  # key of the word group ending just before this token
        for i, token in enumerate(phrase.split(" ")):
            if i:
                pos += 1  # the space before this token
            key = token.replace(ZWNJ, "") if ZWNJ in token else token
            if left is not None:
                joined = self.join(left, key)
                if joined is not None:
                    edits.append(Edit(pos - 1, pos, " ", joined[0], joined[1]))
                    left += key
                else:
                    left = key
            else:
                left = key
            fixed = self.fix_word(token)
            if fixed is not None:
                edits.append(Edit(pos, pos + len(token), token, fixed[0], fixed[1]))
            pos += len(token)
        return edits


_W = WORD_CHARS
_PHRASE = re.compile(f"[{_W}]+(?: [{_W}]+)*")

# A ZWNJ that does nothing or is wrong: after a letter that never joins, not between two
# letters (word edges, next to spaces, digits or punctuation), or doubled.
_L = PERSIAN_LETTERS
_MARKS = "\u064b-\u0655\u0670"
_WRONG_ZWNJ = re.compile(
    f"(?<=[{NON_JOINERS}])[{_MARKS}]*\u200c+|(?<![{_L}{_MARKS}])\u200c+|\u200c+(?![{_L}])|\u200c{{2,}}")


def _clean_zwnj(m: re.Match) -> str:
    text, s, e = m.string, m.start(), m.end()
    body = m.group()
    marks = body.rstrip(ZWNJ)  # marks after a non-joiner are kept, only the ZWNJs go
    j = s - 1
    while j >= 0 and "\u064b" <= text[j] <= "\u0655" or j >= 0 and text[j] == "\u0670":
        j -= 1
    before = text[j] if j >= 0 else ""
    after = text[e] if e < len(text) else ""
    if before in NON_JOINERS or before not in _L or after not in _L:
        return marks
    return marks + ZWNJ  # a doubled ZWNJ between two letters becomes one


def _clean_rule(m: re.Match) -> str:
    text, s, e = m.string, m.start(), m.end()
    if m.group().count(ZWNJ) > 1 and e < len(text) and text[e] in _L and s and text[s - 1] in _L \
            and text[s - 1] not in NON_JOINERS:
        return "zwnj.doubled"
    return "zwnj.wrong_place"


wrong_zwnj_step = RegexStep("wrong_zwnj", _WRONG_ZWNJ, _clean_zwnj, _clean_rule)


class ZwnjStep:
    """The repair step: runs of Persian words go through a :class:`ZwnjRestorer`."""

    name = "zwnj"

    def __init__(self, restorer: ZwnjRestorer):
        self.restorer = restorer

    def edits(self, text: str) -> list[Edit]:
        out: list[Edit] = []
        for m in _PHRASE.finditer(text):
            out += self.restorer.phrase_edits(m.group(), m.start())
        return out

    def _sub(self, m: re.Match) -> str:
        phrase = m.group()
        edits = self.restorer.phrase_edits(phrase)
        if not edits:
            return phrase
        parts, pos = [], 0
        for e in edits:
            parts += (phrase[pos:e.start], e.new)
            pos = e.end
        parts.append(phrase[pos:])
        return "".join(parts)

    def apply(self, text: str) -> str:
        return _PHRASE.sub(self._sub, text)
