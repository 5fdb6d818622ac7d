"""How one word is written: as the word table writes it, else by Persian morphology over
the stems the table knows (می/نمی and a verb, a suffix or clitic after a stem, a compound
or family name of a known word and a part that makes them), else as it stands.

These are the ZWNJ step's decisions on a word alone; ``restorer.py`` asks them of each
word of a text and of two words typed apart.

>>> from paknevis import fix
>>> fix("منطقهای شکستهای سازمانیافته رسولپناه زندگیدوست، تنها همواره")
'منطقه\u200cای شکست\u200cهای سازمان\u200cیافته رسول\u200cپناه زندگی\u200cدوست، تنها همواره'
"""
from __future__ import annotations

from ..chars import ZWNJ, joins_left
from .lexicon import Lexicon
from .morphology import (
    ANY_SUFFIX,
    ARABIC_INITIALS,
    CLITICS_AFTER_HEH,
    CLITICS_OR_AYI,
    GLUED_ENDINGS,
    LONGEST_GLUED_ENDING,
    MI_STARTS,
    NAME_ENDINGS,
    NAME_ENDINGS_AFTER_YEH,
    NO_HEAD,
    NO_PLURAL_HOST,
    PERSON_ENDINGS,
    PREFIXES_MI,
    PREVERBS,
    SPOKEN_CLITICS,
    SPOKEN_HA,
    SPOKEN_HA_SHORT,
    SPOKEN_PRONOUNS,
    SUFFIXES,
    SUFFIXES_HA,
    VOWEL_HEH_CLITICS,
    heh_takes_zwnj,
    silent_heh,
)

# X+های or X+ه‌ای (فال‌های or فاله‌ای)? X+ه wins when it is at least as frequent as X,
# in log2 buckets. Margins from -1 to 8 were cross-validated on the dev sets: 0 was best.
# (The same test keeps رهای and انتهایش whole: رها and انتها against ره and انت.)
_HEH_MARGIN = 0

# ... and a participle in ه (ساخته) before ای wins unless X is more frequent by more than
# this many buckets. Of the words on the web texts and dev sentences, the margin changes
# ستهای and سودهای from 3 down (ست‌های، سودهای, right). Below 3, a common participle would
# lose: at 2, گفتهای would be گفت‌های (گفت 10 buckets, گفته 7). (After a letter that never
# joins, the participle must be the more frequent: برآوردهای، بردهای، درودهای stay.)
_PARTICIPLE_MARGIN = 3

#: A clitic after a final ی takes a ZWNJ too (صندلی‌ام، هنری‌اش، سنتی‌ای), for a known word
#: of at least this many letters (shorter ones end words: پیام، حیات).
_YEH_STEM_MIN = 4

#: how often a word must have been seen (a frequency bucket of the table) to be taken as
#: the first part of a compound or name that the table does not know
_HEAD_FREQ = 3

#: The spoken plural glued (عکسهامو) is not split after a word whose form in ه has been
#: seen this often (a frequency bucket): خونه، نامه، دسته are words, and خونه‌اشو may be
#: meant; عکسه، کتابه (spoken 'it is a photo'), seen once or never, are not.
_SPOKEN_HEH_FREQ = 2
#: ... and with a singular pronoun (کتابهام), only after a word seen at least this often:
#: not after the head of a name (وست، بک، کول: وستهام، بکهام، کولهاش stay as typed)
_SPOKEN_SHORT_STEM_FREQ = 3
_SPOKEN_LONGEST_FIRST = tuple(sorted((*SPOKEN_HA, *SPOKEN_HA_SHORT),
                                     key=lambda suffix: (-len(suffix), suffix)))
#: SUFFIXES by their last letter, in their order: a word is tried with those it may end
#: with, not all 25 (the words of Fars News the table does not know: 7.6 -> 6.1 ms)
_SUFFIXES_ENDING = {last: tuple(sk for sk in SUFFIXES if sk[0].endswith(last))
                    for last in {suffix[-1] for suffix, _ in SUFFIXES}}


def _heh_host(stem: str) -> bool:
    """May ``stem``, a word the table does not know, take ها glued because it ends in ه
    (نانولولهها -> نانولوله‌ها، میکروتراشههای)? No word of the table has ها glued to ه:
    the two are always a word and its plural (سیاهه‌ای, a word in هه and ای, is known;
    tests/test_zwnj.py holds the table to it). Not so after other letters: یزوجها, an
    Arabic verb and its pronoun, in a quote."""
    return len(stem) >= 4 and stem[-1] == "ه"


class WordWriter:
    """How a ZWNJ-free key (a word with its ZWNJs taken out) is written, and the tests on
    known words that the joins of two words apart ask too."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def preferred(self, key: str) -> tuple[str, str]:
        """How the ZWNJ-free ``key`` is written: from the table, else by morphology."""
        lex = self.lex
        form = lex.forms.get(key)
        if form is not None:
            return form, "zwnj.word"
        if key in lex.glued or len(key) < 3 or key.startswith(ARABIC_INITIALS):
            return key, ""
        return self._by_morphology(key) or (key, "")

    def _by_morphology(self, key: str) -> tuple[str, str] | None:
        lex = self.lex
        written = self.verb_after_mi(key)
        if written:
            return written, "zwnj.prefix_mi"
        if found := self._word_by_word(key):
            return found
        if key.endswith(_SPOKEN_LONGEST_FIRST) and (found := self._spoken_plural(key)):
            return found
        if key.endswith(SPOKEN_CLITICS) and (found := self._spoken_clitic(key)):
            return found
        if not key.endswith(ANY_SUFFIX):
            return self._compound_or_name(key)
        for suffix, kind in _SUFFIXES_ENDING[key[-1]]:
            if not key.endswith(suffix) or len(key) - len(suffix) < 2:
                continue
            stem = key[: -len(suffix)]
            if kind == "ezafe_yeh":  # not after به، ته: بهی، تهی are words
                if not (len(stem) > 2 and silent_heh(stem) and self._shows_vowel_heh(stem)):
                    continue
            elif kind in ("heh", "heh_only"):
                if not (heh_takes_zwnj(stem, suffix) and (lex.knows(stem) or lex.participle(stem))
                        # (a word in ی that is a verb form too, گوشی of گوشیدن, as well:
                        # no such verb form takes these endings glued)
                        or kind == "heh" and self.yeh_stem(stem)):
                    continue
                if suffix == "ای" and self._likelier(stem + "ا", stem):
                    continue  # رهای: رها and the ezafe, not ره‌ای
            elif kind == "ha" and suffix[1:] in CLITICS_OR_AYI and self._heh_stem_likelier(stem, suffix[1:]):
                continue  # منطقهای: منطقه‌ای, not منطق‌های (and جلسهایی, as some write جلسه‌ای)
            elif kind == "ha" and stem in NO_PLURAL_HOST or not (
                    lex.knows(stem) or kind == "ha" and (self._nisba(stem) or _heh_host(stem))):
                continue
            elif kind == "ha" and len(suffix) > 2 and self._likelier(stem + "ها", stem):
                continue  # انتهایش: انتها and a pronoun, not انت‌هایش
            elif suffix == "تری" and self._likelier(key[:-1], stem):
                continue  # گستری: گستر and ی, not گس‌تری
            sep = ZWNJ if joins_left(stem[-1]) else ""
            return lex.written(stem) + sep + suffix, "zwnj.suffix"
        return self._compound_or_name(key)

    def _compound_or_name(self, key: str) -> tuple[str, str] | None:
        """A compound or name the table does not know, where no suffix splits ``key``."""
        return self._inflected_compound(key) or self._surname(key) or self._tail_compound(key)

    def _spoken_plural(self, key: str) -> tuple[str, str] | None:
        """The spoken language's plural with a clitic (``SPOKEN_HA``, ``SPOKEN_HA_SHORT``),
        glued to a known word: عکسهامو -> عکس‌هامو، کتابهام -> کتاب‌هام (not the rare
        کتابه‌ام). Not where the word and ه is a word too, or a verb's participle, and it and
        a clitic may be meant (خونهاشو: خونه‌اشو, not خون‌هاشو; نگاشتهامو: نگاشته‌امو); after
        a letter that never joins, glued as it stands (کارهامون، پدرهام: not پدره‌ام). (A
        written word that ends so, ابهام، شبهات, is the table's.)"""
        lex = self.lex
        for suffix in _SPOKEN_LONGEST_FIRST:
            if not key.endswith(suffix):
                continue
            stem = key[: -len(suffix)]
            if len(stem) >= 2 and stem not in NO_PLURAL_HOST and (
                    lex.knows(stem) and lex.freq.get(stem + "ه", 0) < _SPOKEN_HEH_FREQ
                    and not lex.participle(stem + "ه") and (
                        suffix not in SPOKEN_HA_SHORT or lex.freq.get(stem, 0) >= _SPOKEN_SHORT_STEM_FREQ)):
                if not joins_left(stem[-1]):
                    return key, ""
                return lex.written(stem) + ZWNJ + suffix, "zwnj.suffix"
        return None

    def _spoken_clitic(self, key: str) -> tuple[str, str] | None:
        """A spoken pronoun glued to a known word in a vowel ه: صفحهش -> صفحه‌ش، نامهت،
        خاطرهم، کوچهشون, as the table writes the common ones (خونه‌ش، بچه‌ش). A pronoun of
        one letter only where the table shows the vowel (``_shows_vowel_heh``): after the
        consonant h it is glued (گروهش، کوهم), and a word may end so (پژوهش، متهم). The
        plural ones (شون، تون، مون) end no such word, and are judged as شان is
        (``heh_takes_zwnj``: حوصلهشون -> حوصله‌شون; گروهشون stays)."""
        for clitic in SPOKEN_CLITICS:
            stem = key[: -len(clitic)]
            if not key.endswith(clitic) or len(stem) <= 2 or not self.lex.knows(stem):
                continue
            if heh_takes_zwnj(stem, clitic) and (clitic in SPOKEN_PRONOUNS or self._shows_vowel_heh(stem)):
                return self.lex.written(stem) + ZWNJ + clitic, "zwnj.suffix"
        return None

    def _nisba(self, stem: str) -> bool:
        """Is ``stem``, a word the table does not know, the adjective in ی of a known word
        of three letters or more, that a plural follows as it follows people (پاریسی‌ها،
        لیورپولی‌ها، سایپایی‌ها)? (Not of a word it does not know: گوآتمالاییها stays.)"""
        if stem[-1] != "ی":
            return False
        word = stem[:-2] if stem.endswith(("ایی", "ویی")) else stem[:-1]
        return len(word) >= 3 and self.lex.knows(word)

    def _word_by_word(self, key: str) -> tuple[str, str] | None:
        """A known word, به and the word again, as the Academy writes such a compound
        (نقطه‌به‌نقطه، لحظه‌به‌لحظه، قدم‌به‌قدم، روزبه‌روز): glued, it can be nothing else."""
        half, odd = divmod(len(key) - 2, 2)
        if odd or half < 2 or key[half:half + 2] != "به" or key[:half] != key[half + 2:]:
            return None
        word = key[:half]
        if not self.lex.knows(word):
            return None
        written = self.lex.written(word)
        return written + (ZWNJ if joins_left(word[-1]) else "") + "به" + ZWNJ + written, "zwnj.compound"

    def _tail_compound(self, key: str) -> tuple[str, str] | None:
        """A compound the table does not know, of a known word and a part that ends many
        of its ZWNJ compounds (زندگی‌دوست، آسان‌ساز), the longest such part."""
        tails = self.lex.compound_tails
        for n in range(min(self.lex.longest_tail, len(key) - 3), 1, -1):
            if key[-n:] in tails and (found := self._head_and(key[:-n], key[-n:], "zwnj.compound")):
                return found
        return None

    def _surname(self, key: str) -> tuple[str, str] | None:
        """A family name the table does not know, of a known word and an ending that
        makes names (رسول‌پناه، نجف‌نژاد، نعمت‌زاده): written with a ZWNJ, as the table
        writes nearly all it knows (ابراهیم‌زاده، احمدی‌نژاد; شاهزاده، امامزاده are
        words of their own, and known)."""
        if not key.endswith(NAME_ENDINGS):
            return None
        for ending in NAME_ENDINGS:
            head = key[: -len(ending)]
            if not key.endswith(ending) or ending in NAME_ENDINGS_AFTER_YEH and not head.endswith("ی"):
                continue
            if found := self._head_and(head, ending, "zwnj.suffix"):
                return found
        return None

    def _head_and(self, head: str, ending: str, rule: str) -> tuple[str, str] | None:
        """``head`` and ``ending`` written with a ZWNJ between them, if ``head`` may begin
        a compound or name the table does not know and a ZWNJ shows after it."""
        if self.compound_head(head) and joins_left(head[-1]):
            return self.lex.written(head) + ZWNJ + ending, rule
        return None

    def _inflected_compound(self, key: str) -> tuple[str, str] | None:
        """A compound the table writes with a ZWNJ, and an ending that is written glued to
        it: the plural ان (سرمایه‌داران، کمک‌کنندگان), ی (مشکل‌آفرینی), a pronoun or the
        verb 'to be' (بی‌انتهایش، میهمان‌نوازند)."""
        forms = self.lex.forms
        for n in range(min(LONGEST_GLUED_ENDING, len(key) - 4), 0, -1):  # longest first
            ending = key[-n:]
            if ending in GLUED_ENDINGS:
                stem = key[:-n]
                if ending[0] == "گ":  # کننده -> کنندگان
                    stem += "ه"
                form = forms.get(stem)
                if form is not None:
                    return (form[:-1] if ending[0] == "گ" else form) + ending, "zwnj.suffix"
        return None

    def _shows_vowel_heh(self, stem: str) -> bool:
        """Does the table write ``stem``, which ends in ه, with a clitic after a ZWNJ
        (خانه‌ای، ساخته‌اند), as only a vowel ه takes it?"""
        forms = self.lex.forms
        return any(forms.get(stem + c, "").endswith(ZWNJ + c) for c in VOWEL_HEH_CLITICS)

    def yeh_stem(self, stem: str, shortest: int = _YEH_STEM_MIN) -> bool:
        """Is ``stem`` a known word in ی of ``shortest`` letters or more, after which a
        clitic takes a ZWNJ (صندلی‌ام)?"""
        return stem[-1] == "ی" and len(stem) >= shortest and self.lex.knows(stem)

    def plural_stem(self, word: str) -> str:
        """``word`` without a plural ending, if what is left is a known word (سرها -> سر):
        a prefix's rule must judge a word as it judges its plural, or ``بی سر ها``, whose
        plural the step joins first, would be joined differently by a second pass."""
        for suffix in SUFFIXES_HA:
            if word.endswith(suffix) and self.lex.knows(word[:-len(suffix)]):
                return word[:-len(suffix)]
        return word

    def _likelier(self, word: str, stem: str) -> bool:
        """Is ``word``, which a split after ``stem`` would cut (رها in رهای), a known word
        at least as frequent as ``stem``?"""
        lex = self.lex
        return lex.knows(word) and lex.freq.get(word, 0) + _HEH_MARGIN >= lex.freq.get(stem, 0)

    def _heh_stem_likelier(self, stem: str, clitic: str) -> bool:
        """For X+های: is X+ه (a word, or a participle like ساخته) the likelier stem than X,
        with ``clitic`` after it? A participle is, but before ای only unless X is far more
        frequent (سودهای: سود and های, not سوده‌ای; دریافتهایم: دریافته‌ایم, a verb), and
        where X ends in a letter that never joins, only if it is the more frequent: there X
        and های is the text as it stands (بردهای، برآوردهای stay; شمارهای: شماره‌ای)."""
        lex, heh = self.lex, stem + "ه"
        if not lex.participle(heh):
            return self._likelier(heh, stem)
        if clitic != "ای":
            return True
        stem_freq, heh_freq = lex.freq.get(stem, 0), lex.freq.get(heh, 0)
        if not joins_left(stem[-1]):
            return heh_freq > stem_freq
        return heh_freq + _PARTICIPLE_MARGIN >= stem_freq

    def verb_after_mi(self, key: str) -> str | None:
        """``key`` written as می/نمی and a verb (می‌شود، برنمی‌گردد), or None if it is not one."""
        if key.startswith(MI_STARTS):
            for prefix in self._mi_prefixes(key):
                verb = self.verb(key[len(prefix):])
                if verb:
                    return prefix + ZWNJ + verb
        return None

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

    def verb(self, rest: str) -> str | None:
        """The written form of a verb after می/نمی, or None if ``rest`` is not a verb."""
        lex = self.lex
        if rest in lex.verbs and rest not in lex.bare_stems:
            return lex.written(rest)
        if rest in lex.spoken:
            return rest
        for clitic in CLITICS_AFTER_HEH:  # می‌رفته‌اند
            if rest.endswith(clitic) and rest[: -len(clitic)] in lex.verbs and rest[-len(clitic) - 1] == "ه":
                return rest[: -len(clitic)] + ZWNJ + clitic
        return None


    def unknown_verb(self, right: str) -> bool:
        """May ``right``, typed apart after می/نمی, be a verb the table does not know
        (می نمایانند، می آرامانم، می گوئیم)? A word it does not know, with a personal
        ending: alone, می is hardly ever anything but the prefix. CV on the dev sets: four
        ZWNJs more found in spaced text, none wrong; 7 joins more on the web texts, all
        right. (Glued, an unknown word in می may as well be a name: میرزایی، میلاد.)"""
        return len(right) >= 4 and right.endswith(PERSON_ENDINGS) and not self.lex.knows(right)

    def compound_head(self, key: str, freq: int = _HEAD_FREQ) -> bool:
        """May the known word ``key`` begin a compound the table does not know?"""
        lex = self.lex
        return (len(key) >= 3 and key not in NO_HEAD and key not in lex.verbs
                and lex.freq.get(key, 0) >= freq and lex.knows(key))
