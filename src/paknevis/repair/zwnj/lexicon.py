"""The word table learned from edited text (``scripts/build_zwnj_lexicon.py``): how each
word is written, and what the restorer derives from it.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources

from ..chars import PERSIAN_LETTER_SET, ZWNJ
from .morphology import (
    CLITICS_AFTER_HEH,
    GOVERNING_WORDS,
    HA_EZAFE,
    IMPERSONAL,
    JOIN_RIGHT,
    MI_STARTS,
    NAME_OR_COMPOUND,
    OBJECT_PRONOUNS,
    OPEN_AND_VERB,
    PARTICIPLE,
    PAST_ENDINGS,
    PREFIXES_MI,
    PRESENT_ENDINGS,
    PREVERBS,
    PREVERBS_TYPED_APART,
    RULE_LEFT,
    SPOKEN_PAST_ENDINGS,
    SPOKEN_PRESENT_ENDINGS,
    SPOKEN_STEM_ENDINGS,
    SUFFIXES_HA,
    glued_inflections,
    pronoun_glued,
    silent_heh,
)

#: a clitic after a ZWNJ, that ends a word the table writes so (خانه‌ام، سی‌ام، خانه‌شان)
_CLITIC_AFTER_ZWNJ = tuple(ZWNJ + c for c in (*CLITICS_AFTER_HEH, *OBJECT_PRONOUNS))

#: The frequency bucket (log2) from which a word is one of the commonest alone (some 200:
#: بازی، زمان، نظر). As the inflected right side of a pair (کاراته باز + ی) it is taken as
#: itself: CV on the dev sets, no change; on the web texts, one wrong join fewer and no
#: right one lost (at 7, the joins of قائم شهری، کف زنان are lost). After هم, the particle
#: 'also' may stand before it (context.py).
COMMON_ALONE = 8


def key_of(word: str) -> str:
    """The table's key for ``word``: the word with every ZWNJ taken out."""
    return word.replace(ZWNJ, "") if ZWNJ in word else word


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
    #: inflected verb forms that take the prefix می/نمی (شود، کردند، رفته), and the bare
    #: present stems of three letters or more (آور، ساز), which end compounds
    verbs: set[str] = field(default_factory=set)
    #: (preverb, verb) for each verb of a stem made of a preverb and a stem (برگرد, as گرد:
    #: بر and گردد; not درز, to sew, whose ز is no stem of two letters)
    preverb_verbs: set[tuple[str, str]] = field(default_factory=set)
    #: those bare stems that are no inflected form too: after می/نمی, only the impersonal
    #: توان is a verb (می‌توان; درمیدان is در میدان, not درمی‌دان)
    bare_stems: set[str] = field(default_factory=set)
    #: forms of the spoken language (شه، کنه، خوام، رفتن), verbs only after می/نمی: alone,
    #: کنه is a tick and رفتن the infinitive
    spoken: set[str] = field(default_factory=set)
    #: key -> how often the word was seen, as log2 buckets; a word seen once or less (0,
    #: five in six of the glued words) is left out: ask ``freq.get(key, 0)``
    freq: dict[str, int] = field(default_factory=dict)
    #: keys of ZWNJ words that two words written apart may be joined into
    joinable: set[str] = field(default_factory=set)
    #: the joinable ones whose later parts are no words alone (المللی in بین‌المللی)
    bound: set[str] = field(default_factory=set)
    #: glued words (پاکسازی) that two words typed apart are joined into with a ZWNJ,
    #: written with it where they split (پاک‌سازی)
    typed_apart: set[str] = field(default_factory=set)
    #: parts that end compounds written with a ZWNJ (کننده، آمیز، پذیر): after a known
    #: word, in a word the table does not know (see the builder's ``compound_tails``)
    compound_tails: set[str] = field(default_factory=set)
    #: those of them that are no words alone (کننده، آمیز، پذیر): joined to a known word
    #: typed apart before them, in a text whose writer types ZWNJs as spaces
    join_tails: set[str] = field(default_factory=set)

    def __post_init__(self):
        self.index()

    def index(self) -> None:
        """Derive what the restorer tests per word pair (after the tables change)."""
        inside = self._index_pairs()
        self._index_inflected_pairs(inside)
        self._index_preverb_pairs()
        self._index_lookups()

    def with_words(self, words: Iterable[str]) -> Lexicon:
        """This table with each of ``words`` (ZWNJ-free keys of Persian letters, or written
        with their ZWNJs) written as given: a corpus's names (میناوند) or a house style's
        words (آن‌ها). Found glued, such a word is written so, and never split; two words
        typed apart are joined into it only as the table would join them. Two words with a
        space between them (نخست وزیر، به عنوان) are a pair that is never joined."""
        forms, glued, apart = dict(self.forms), set(self.glued), set(self.apart)
        joinable, bound = set(self.joinable), set(self.bound)
        keys, rewritten = set(), {}
        for word in words:
            if " " in word:  # (inflected too: نخست وزیرها، نخست وزیران)
                left, right = map(key_of, word.split(" "))
                ends = (right, *glued_inflections(right), *(right + suffix for suffix in SUFFIXES_HA))
                apart.update(f"{left} {end}" for end in ends)
                continue
            keys.add(key := key_of(word))
            if forms.get(key) == word:
                continue  # as the table writes it: typed apart, its parts join into it as before
            rewritten[key] = word
            joinable.discard(key)  # (its pairs are the table's writing's)
            bound.discard(key)
            if ZWNJ in word:
                forms[key] = word
                glued.discard(key)
            else:
                forms.pop(key, None)
                glued.add(key)
        # two words typed apart join, with a ZWNJ, into a glued word of the table's (پاک سازی:
        # پاک‌سازی) only where the user writes it so: not where they glue پاکسازی
        typed_apart = {form for form in self.typed_apart if rewritten.get(key_of(form), form) == form}
        # (the other tables are shared: nothing changes them once the table is indexed)
        lex = replace(self, forms=forms, glued=glued, apart=apart, joinable=joinable, bound=bound,
                      typed_apart=typed_apart)
        lex.name_or_compound = self.name_or_compound - keys  # (as given, whatever is around)
        return lex

    def _index_pairs(self) -> set[str]:
        """The pairs that join, from the joinable words; returns those found only inside a
        longer word (``pair_continuations``)."""
        #: "left right" for each ZWNJ of a joinable word: "بین المللی", "پیشبینی ها";
        #: those of bound words in ``bound_pairs`` too
        self.join_pairs: set[str] = set()
        self.bound_pairs: set[str] = set()
        #: a pair inside a longer word whose first parts make no word by themselves (میان
        #: رشته in میان‌رشته‌ای) -> the parts that must follow it: typed apart, میان رشته های
        #: مختلف is 'among the fields' (context.py looks at the word after the pair)
        continuations: dict[str, set[str]] = {}
        whole_pairs: set[str] = set()
        for form in (*map(self.forms.__getitem__, self.joinable), *self.typed_apart):
            parts = form.split(ZWNJ)
            bound = key_of(form) in self.bound
            for i in range(1, len(parts)):
                left = "".join(parts[:i])
                pair = left + " " + parts[i]
                if i + 1 < len(parts) and not self.knows(left + parts[i]):
                    continuations.setdefault(pair, set()).add(parts[i + 1])
                else:
                    whole_pairs.add(pair)
                # Typed apart, a function word is far likelier to govern the word after it
                # than to begin a compound of free words with it: Fars News and the dev
                # sentences write به گونه، به سرعت، هیچ گونه mostly apart. CV: spaced
                # precision 0.9719 -> 0.9750, F1 0.9433 -> 0.9443; glued precision 0.9565
                # -> 0.9572. On the web texts, 273 joins fewer (به موقع، هیچ گاه; روی گردان).
                if pair in self.apart or not bound and left in GOVERNING_WORDS:
                    continue
                self.join_pairs.add(pair)
                if bound:
                    self.bound_pairs.add(pair)
        inside = {pair for pair in continuations if pair in self.join_pairs and pair not in whole_pairs}
        #: left key -> right key -> the parts that must follow (see ``continuations``)
        self.pair_continuations: dict[str, dict[str, frozenset[str]]] = {}
        for pair in inside:
            left, _, right = pair.partition(" ")
            self.pair_continuations.setdefault(left, {})[right] = frozenset(continuations[pair])
        return inside

    def _index_inflected_pairs(self, inside: set[str]) -> None:
        """The pairs of the joinable compounds' inflections (``inside``: pairs with no word
        to inflect)."""
        # A joinable compound's plural and its word in ی join as it does: سرمایه داران،
        # دروازه بانی، کمک کنندگان, as the table writes them or would (سرمایه‌داران); and so
        # do those of a tail joined to a word before it (``joined_tails``: جبران ناپذیری).
        # CV on the dev sets: spaced recall 0.9077 -> 0.9144, one wrong ZWNJ more in each
        # variant (باغ ملکی). An inflection that is one of the commonest words alone is
        # taken as that word where the table does not write the compound's: کاراته بازی های
        # جهانی (the World Games), نیمه بازی (half the game), می سازمان. (Bound as the
        # compound was before: read from the set as it grows, an inflection's inflection
        # was bound or not by the order of a set, which differs from run to run.)
        bound_compounds = frozenset(self.bound_pairs)
        for pair in [*self.join_pairs]:
            if pair in inside:
                continue  # (no word to inflect)
            left, _, right = pair.partition(" ")
            for inflected in glued_inflections(right):
                joined = self.written(left) + ZWNJ + inflected
                if self.forms.get(left + inflected, joined) == joined and (
                        left + inflected not in self.glued and f"{left} {inflected}" not in self.apart) and (
                        left + inflected in self.forms or self.freq.get(inflected, 0) < COMMON_ALONE):
                    self.join_pairs.add(f"{left} {inflected}")
                    if pair in bound_compounds:
                        self.bound_pairs.add(f"{left} {inflected}")

    def _index_preverb_pairs(self) -> None:
        """The pairs of a preverb typed apart and its verb with می (بر میگردد), glued as the
        Academy writes them (برمی‌گردد): where the table writes the verb so, or where the
        verb is one of ``preverb_verbs``. Fars News and Varzesh3 type 56 such verbs apart
        (باز می‌گردد، بر نمی‌دارند، در می‌آورد), all joined so; باز می‌کند (opens) and در میان
        stay, and so does a preverb that is a noun after a preposition (از در می‌آید; see
        ``Context.noun_not_preverb``)."""
        found = {(preverb, mi, verb) for preverb, verb in self.preverb_verbs for mi in PREFIXES_MI}
        for form in self.forms.values():  # برمی‌گردد، بازنمی‌گردد
            if form.startswith(_PREVERB_MI_WRITTEN):
                preverb, mi = next((p, mi) for p in PREVERBS_TYPED_APART for mi in PREFIXES_MI
                                   if form.startswith(p + mi + ZWNJ))
                found.add((preverb, mi, key_of(form)[len(preverb) + len(mi):]))
        #: the "preverb verb" keys of those pairs, which join with nothing between them; not
        #: the verbs of باز that are the adjective 'open' and a verb as well (``OPEN_AND_VERB``)
        self.preverb_pairs: set[str] = {
            f"{preverb} {mi}{verb}" for preverb, mi, verb in found
            if not (preverb == "باز" and verb.startswith(OPEN_AND_VERB))}
        self.join_pairs |= self.preverb_pairs

    def _index_lookups(self) -> None:
        """What the restorer looks a word up in: the right sides of each left one, the keys
        that may join a word before them, and the words that need nothing."""
        #: left key -> the right keys it joins with ("بین" -> {"المللی", ...})
        rights: dict[str, set[str]] = {}
        for pair in self.join_pairs:
            left, _, right = pair.partition(" ")
            rights.setdefault(left, set()).add(right)
        self.pair_rights = {left: frozenset(r) for left, r in rights.items()}
        #: every right key of a pair (المللی، وگوهای)
        self.pair_right_keys = frozenset().union(*self.pair_rights.values())
        #: the tails joined to a word typed apart before them, inflected too (نگران کنندگان)
        self.joined_tails = self.join_tails | {
            word for tail in self.join_tails for word in glued_inflections(tail)}
        #: glued words that are as often a given name: written as the table writes them only
        #: where the words around show it (``NAME_OR_COMPOUND``), unless given by the user
        self.name_or_compound: frozenset[str] = NAME_OR_COMPOUND
        #: the keys that a word before them may join (ها، ترین، ام; کننده) ...
        self.join_right = JOIN_RIGHT | self.joined_tails
        #: ... and شده, which joins it as an adjective where the words after show one
        self.neighbour_rights = self.join_right | {PARTICIPLE}
        self.longest_tail = max(map(len, self.compound_tails), default=0)
        #: glued words that may be a plural and ezafe or a word in ه and ای: participles
        #: (کردهای، شکستهای) and nouns (زمینهای، حرفهای). They are read as the word and
        #: ای where no ezafe can stand: before the end of a sentence or clause, or a word
        #: that cannot follow an ezafe (زمینهای را -> زمینه‌ای را)
        self.heh_where_no_ezafe: set[str] = {
            key for key in (*self.glued, *self.forms)
            if key.endswith(HA_EZAFE) and (self.participle(key[:-2]) or self._heh_noun_and_ai(key))}
        #: words the table writes as a compound that are also a word with an object pronoun
        #: glued (کمکم: کم‌کم 'gradually', or کمک and م; خوشحالت: خوش‌حالت, or خوشحال and ت):
        #: before a form of کردن they are the second (کمکم کرد: helped me), and stay glued
        self.object_before_verb = frozenset(
            key for key, form in self.forms.items() if self._word_and_object(key, form))
        #: the quiet words seen more than once: known on sight with one set lookup (a set
        #: of every quiet word would cost 20 MB more for words that hardly ever occur)
        self.common_quiet: set[str] = {
            word for word in (*(g for g in self.freq if g in self.glued), *self.forms.values())
            if self.quiet(word)}
        #: the left sides of joinable pairs, as the table writes them, that need nothing
        #: else (به، سال، بین): known on sight too, by the right keys they may join
        self.quiet_lefts: dict[str, frozenset] = {
            self.written(key): rights for key, rights in self.pair_rights.items()
            if self.knows(key) and key not in RULE_LEFT and key not in self.neighbour_rights}

    def _heh_noun_and_ai(self, key: str) -> bool:
        """May ``key``, a word and های, be a noun in a vowel ه and ای as well (زمینهای:
        زمینه‌ای)? If the table has that noun's plural with a ZWNJ (زمینه‌ها), and no ی
        glued to it, as to the consonant h (گروهی), and has seen the noun about as often
        as ``key`` (not کاره in کارهای)."""
        noun, forms = key[:-2], self.forms
        return (len(noun) >= 3 and silent_heh(noun) and noun + "ی" not in self.glued
                and any(forms.get(noun + ha, "").endswith(ZWNJ + ha) for ha in ("ها", "های"))
                and self.freq.get(noun, 0) + 1 >= self.freq.get(key, 0))

    def _word_and_object(self, key: str, form: str) -> bool:
        """Is ``key`` (written ``form``, no verb with می nor a word and a clitic: آمده‌ام)
        a glued word of three letters or more and an object pronoun glued to it, as to a
        word in a letter other than ه and ی?"""
        return key.endswith(OBJECT_PRONOUNS) and not (
            key.startswith(MI_STARTS) or form.endswith(_CLITIC_AFTER_ZWNJ)) and any(
            key.endswith(p) and len(key) - len(p) >= 3 and pronoun_glued(key[:-len(p)])
            and key[:-len(p)] in self.glued for p in OBJECT_PRONOUNS)

    def knows(self, key: str) -> bool:
        return key in self.glued or key in self.forms

    def participle(self, word: str) -> bool:
        """Is ``word`` a verb form, negative too, with or without a preverb (نبوده،
        بازتابیده، فروداده)?"""
        verbs = self.verbs
        return (word in verbs or word[:1] == "ن" and word[1:] in verbs
                or any(word.startswith(p) and word[len(p):] in verbs for p in PREVERBS))

    def quiet(self, word: str) -> bool:
        """Is ``word`` written as the table writes it, and no side of any join? Such a
        word needs nothing, and the text step need not analyse it."""
        key = key_of(word)
        if not (key in self.glued and key == word or self.forms.get(key) == word):
            return False
        return not self.decided_by_neighbours(key, glued=key == word)

    def decided_by_neighbours(self, key: str, glued: bool = True) -> bool:
        """Do the words or marks beside ``key`` decide how it is written: a side of a join
        (به، ها، بین، کننده), or, written ``glued``, a word and ای where no ezafe can stand
        (کردهای.، زمینهای را)? (Written with its ZWNJ, سال‌های is quiet: the C scan knows
        it on sight, and a ZWNJ the writer put is never moved.)"""
        return (key in self.pair_rights or key in RULE_LEFT or glued and key in self.heh_where_no_ezafe
                # (as a right side, with the ezafe on its ه too: تشکیل دهندهٔ)
                or without_ezafe(key)[0] in self.neighbour_rights)

    def written(self, key: str) -> str:
        return self.forms.get(key, key)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Lexicon:
        """Read the table format: one entry a line, ``KIND<TAB>TEXT``.

        Kinds: ``Z`` a word written with ZWNJ and ``G`` a glued word (each with its
        frequency bucket; a ``Z`` marked ``j`` may be joined from two words written
        apart), ``W`` a glued word that two words typed apart are joined into (with a ZWNJ
        where they split), ``A`` a pair written apart, ``C`` a part that ends compounds the table
        does not know (``B`` one that is no word alone, joined to a word typed apart
        before it), ``P``/``T`` a present/past verb stem, ``p``/``t`` one of the spoken
        language (the inflected forms are generated here).
        """
        lex = cls()
        present_stems, past_stems = set(), set()
        add_glued, freqs = lex.glued.add, lex.freq
        for line in lines:
            kind, _, text = line.rstrip("\n").partition("\t")
            text, _, freq = text.partition("\t")
            if kind == "G":  # nine lines in ten: first, and no more than they need
                add_glued(text)
                if freq and freq != "0":
                    freqs[text] = int(freq)
                continue
            freq, _, flag = freq.partition("\t")
            if kind == "Z":
                key = key_of(text)
                lex.forms[key] = text
                if freq and freq != "0":
                    freqs[key] = int(freq)
                if flag in ("j", "J"):
                    lex.joinable.add(key)
                if flag == "J":
                    lex.bound.add(key)
            elif kind == "W":
                lex.typed_apart.add(text)
            elif kind == "A":
                lex.apart.add(text)
            elif kind == "C":
                lex.compound_tails.add(text)
            elif kind == "B":
                lex.compound_tails.add(text)
                lex.join_tails.add(text)
            elif kind == "P":
                lex.verbs.update(text + e for e in PRESENT_ENDINGS)
                lex.spoken.update(text + e for e in SPOKEN_PRESENT_ENDINGS)
                present_stems.add(text)
            elif kind == "T":
                lex.verbs.update(text + e for e in PAST_ENDINGS)
                lex.spoken.update(text + e for e in SPOKEN_PAST_ENDINGS)
                lex.verbs.add(text + "ه")  # participle: می‌رفته
                past_stems.add(text)
            elif kind == "p":  # a stem of the spoken language
                lex.spoken.update(text + e for e in SPOKEN_STEM_ENDINGS)
                if len(text) > 1:
                    lex.spoken.add(text + "د")
            elif kind == "t":
                lex.spoken.update(text + e for e in PAST_ENDINGS + SPOKEN_PAST_ENDINGS)
        for stems, endings in ((present_stems, PRESENT_ENDINGS), (past_stems, (*PAST_ENDINGS, "ه"))):
            lex.preverb_verbs.update(
                (preverb, stem[len(preverb):] + e) for stem in stems for preverb in PREVERBS_TYPED_APART
                if stem.startswith(preverb) and _preverb_and_stem(stem[len(preverb):], stems)
                for e in endings)
        bare = {stem for stem in present_stems if len(stem) > 2}
        lex.bare_stems = bare - lex.verbs - {IMPERSONAL}  # (before they join the verbs)
        lex.verbs.update(bare)
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


def _preverb_and_stem(rest: str, stems: set[str]) -> bool:
    """Is ``rest``, after a preverb in a verb stem, a stem of its own of two letters or
    more (برگرد: گرد)?"""
    return len(rest) >= 2 and rest in stems


#: a preverb's verb with its می, as the table writes it (برمی‌گردد، درنمی‌آید)
_PREVERB_MI_WRITTEN = tuple(p + mi + ZWNJ for p in PREVERBS_TYPED_APART for mi in PREFIXES_MI)


#: what an ezafe ends its word with: hamza above on ه (واژه‌نامهٔ), ۀ, or a kasra, as a
#: writer who keeps harakat marks it (کتاب‌هایِ من، بین‌المللیِ)
EZAFE_ENDS = ("\u0654", "\u06c0", "\u0650")


def without_ezafe(key: str) -> tuple[str, str]:
    """A word and the ezafe written on its last letter (واژه‌نامهٔ، واژه‌نامۀ، کتاب‌هایِ): the
    word is looked up without it, and joins as the right side of a pair (واژه نامهٔ، کتاب
    هایِ); as a left side it is kept, since the ezafe ends its word. Returns (the word, the
    ending that replaces its last letter, or '')."""
    if not key.endswith(EZAFE_ENDS):  # nearly every word: one test in C
        return key, ""
    if key.endswith("\u0647\u0654"):
        return key[:-1], "\u0647\u0654"
    if key.endswith("\u06c0"):
        return key[:-1] + "\u0647", "\u06c0"
    if key.endswith("\u0650") and len(key) > 2 and key[-2] in PERSIAN_LETTER_SET:
        return key[:-1], key[-2:]
    return key, ""
