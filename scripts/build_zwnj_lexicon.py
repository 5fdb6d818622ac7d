"""Build the ZWNJ word table shipped in ``src/paknevis/data/zwnj-lexicon.tsv.gz``.

    pip install -e '.[build]'        # hazm and wordfreq, read for their word lists only
    pip install --no-deps shekar==1.7.0   # its verb list only (its NumPy pin clashes with hazm's)
    python scripts/build_zwnj_lexicon.py            # writes the table
    python scripts/build_zwnj_lexicon.py --check    # fails if the shipped table differs

Sources (licences in NOTICE), all read from ../shared/data or installed wheels:

* edited text, where the writer's ZWNJ can be trusted: the UD Persian dev sentences
  (PerDT, Seraji) and the Fars News articles whose verbs carry ZWNJ (می‌شود rather than
  می شود); their word and word-pair counts are the main evidence;
* wordfreq's Persian frequencies (web-wide, so its glued forms are partly stripped text:
  they count for less);
* hazm's lemma list (words.dat, with corpus counts) and verb stems (verbs.dat), and
  shekar's verb stems, written and spoken (verbs.csv; ``pip install --no-deps shekar==1.7.0``
  beside hazm).

Not shekar's list of compounds (compound_words.csv): it holds words of the Seraji dev
sentences in the treebank's own tokenization (عبدالله‌بن‌زبیر، مروان‌بن‌حکم، ده‌دقیقه‌ای),
so it was likely made from the corpus of the treebank, whose test sentences may be in it too.
hazm's lemma list holds them as well, among its uncounted lemmas: ``benchmarks/
zwnj_accuracy.py --no-dev-lemmas`` measures what those can add to the cross-validation.

For each word the table keeps the writing with the most evidence: with ZWNJ (``Z``) or
glued (``G``), marking the compounds that may be joined from two words written apart
(``j``, or ``J`` if a part is no word alone), and the glued words that may be joined so
(``W``: ``typed_apart_glued``); pairs that edited text writes apart
although a rule would join them (``A``); the parts that end compounds it does not know
(``C``, or ``B`` if they are no words alone and join a word typed apart before them:
``compound_tails``); and verb stems (``P``, ``T``; those of the spoken language ``p``,
``t``). The output is sorted and gzip'd without a timestamp, so the same inputs give the
same bytes.
"""
from __future__ import annotations

import argparse
import csv
import functools
import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from paknevis.repair.chars import (  # noqa: E402
    COMBINING_MARKS,
    NON_JOINERS,
    PERSIAN_LETTERS,
    WORD_CHARS,
    ZWNJ,
    joins_left,
)
from paknevis.repair.harakat import strip_harakat  # noqa: E402
from paknevis.repair.letters import (  # noqa: E402
    invisible_step,
    kashida_step,
    letters_step,
    soft_hyphen_step,
)
from paknevis.repair.zwnj import (  # noqa: E402
    CLITICS_AFTER_HEH,
    EZAFE_YEH,
    PRESENT_ENDINGS,
    SUFFIXES_HA,
    SUFFIXES_TAR,
    Lexicon,
    WordWriter,
    ZwnjRestorer,
    without_ezafe,
    wrong_zwnj_step,
)
from paknevis.repair.zwnj.morphology import (  # noqa: E402
    NO_HEAD,
    NO_PLURAL_HOST,
    PRONOUNS_PLURAL,
    TAR_INFLECTED,
    pronoun_glued,
)

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "paknevis" / "data" / "zwnj-lexicon.tsv.gz"
GOLD_FILES = ("gold/perdt-dev.txt", "gold/seraji-dev.txt")

# How much each kind of evidence weighs, in occurrences of edited text.
WORDFREQ_SCALE = 4e5  # a wordfreq frequency of 1e-5 counts as 4 occurrences
WORDFREQ_GLUED = 0.25  # a glued form in wordfreq is often a stripped ZWNJ form
# ... and nearly always so for می and a verb, which the standard never writes glued
# (میکنی). CV on the dev sets: glued recall 0.9218 -> 0.9228 at 0.1, the same at 0.02.
WORDFREQ_GLUED_MI = 0.1
HAZM_LEMMA = 1.0  # a lemma in hazm's list counts as one occurrence
RULE_PRIOR = 1.5  # what morphology's own guess weighs against a glued form
JOIN_RATIO = 1.5  # two words apart are joined only if written fused this many times as often
JOIN_LISTED = 1.0  # wordfreq evidence for a compound that edited text has never written apart
APART_RATIO = 2.0  # a rule's join is undone for a pair written apart this many times as often
JOIN_MIN = 2.0  # ... and only if edited text (not just a word list) has the fused form this often
# A present-stem form (سازی، گذاری) may end a compound that only word lists attest if it
# ends this many times as many of the table's compounds as it stands alone in edited text.
# CV on the dev sets, spaced recall: 0.863 with no such compound joined, 0.8885 at 1,
# 0.8872 at 2 (which also loses دوره‌گرد، لحظه‌شماری on the web articles).
TAIL_RATIO = 1.0
HAZM_UNCOUNTED = 0.3  # a hazm lemma without a corpus count (may be a stripped form)
# A glued lemma that hazm's corpus counts this often is a word of its own, kept glued
# however its letters would split by morphology: میانجی (67,073), not می‌انجی; بهبهانی
# (3,640,063), not به‌بهانی. Of the ten glued words hazm counts that morphology would
# split, the five counted from 31,009 times up are all such words (دهلوی، جغرافیدانان،
# ناهمخوانی too); the five counted 18 times or fewer are a mix, words also written with a
# ZWNJ (بیتابی، مالباختگان), a verb (میتاخت) and میتوز (mitosis), too few to tell apart. No
# word of the dev sentences changes.
HAZM_WORD_COUNT = 1000
BOUND_MAX = 1  # a compound's part seen alone at most this often is not a word by itself
# The UD sentences follow the standard orthography; the news has a house style that
# writes some compounds apart (نخست وزیر). Both weights were cross-validated on the dev sets.
GOLD_WEIGHT = 8.0  # a compound or pair in the UD sentences counts this many times
NEWS_APART = 0.5  # a pair written apart in the news counts for this much against a compound
ATTESTED_MIN = 0.5  # word-list evidence a compound needs if the news never writes it fused
#: what follows a ZWNJ in a comparative (بزرگ‌تر، بزرگ‌ترین، بزرگ‌تری، بزرگ‌ترها)
COMPARATIVE_ENDINGS = frozenset(("تر", "ترین", "تری", "ترها", "ترهای", "تران"))
#: the pronouns' plurals, which the treebanks write both ways (آنها، آن‌ها)
PLURAL_PRONOUNS = ("آنها", "اینها")
#: the five comparatives the Academy writes glued
GLUED_COMPARATIVES = frozenset(("به", "مه", "که", "بیش", "کم"))
# A part ends unknown compounds (``compound_tails``) if it ends this many of the table's
# ZWNJ compounds, and this many times as many as the glued words of a known word (a word
# of at least TAIL_HEAD_MIN letters, seen often enough for frequency bucket
# TAIL_HEAD_FREQ, ending in a joining letter).
TAIL_COMPOUNDS = 20
TAIL_GLUED_RATIO = 10.0
TAIL_HEAD_MIN = 3
TAIL_HEAD_FREQ = 3
# ... and is joined to a word typed apart before it if it stands alone in edited text at
# most this often for each compound it ends (کننده: 4 to 288; not بخش: 225 to 70)
JOIN_TAIL_ALONE = 0.05
NUMERALS = frozenset("""یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده
    شانزده هفده هجده هیجده نوزده بیست سی چهل پنجاه شصت هفتاد هشتاد نود صد یکصد دویست سیصد
    چهارصد پانصد ششصد هفتصد هشتصد نهصد هزار میلیون میلیارد چند نیم""".split())
#: the hundreds and their ordinals (ششصد، ششصدم، ششصدمین)
_HUNDREDS = re.compile("(?:یک|دو|سی|چهار|پان|پنج|شش|هفت|هشت|نه)صد(?:م|مین|می)?")
#: what morphology puts a ZWNJ before on its own (ها، تر، ام، ی)
INFLECTIONS = frozenset((*SUFFIXES_HA, *SUFFIXES_TAR, *CLITICS_AFTER_HEH, EZAFE_YEH, "ایی"))
#: the plural and comparative endings of a compound (see ``build``)
INFLECTED_ENDINGS = (*SUFFIXES_HA, *SUFFIXES_TAR, *TAR_INFLECTED)
#: prepositions and conjunctions, which are no part of a compound joined across a space
PARTICLES = frozenset("در تا به از با که را و".split())
#: The cardinal directions: before a word that is none and ends no other compound, one
#: makes an ezafe phrase (شمال عراق، جنوب لبنان), whatever a news house style fuses
#: (شمال‌عراق); with one, or a compound's part, a compound (شمال‌غرب، غرب‌گرا).
DIRECTIONS = frozenset(d + end for d in ("شمال", "جنوب", "شرق", "غرب") for end in ("", "ی"))
#: A quantifier and a counting word make a phrase too (چندین بار، هر بار، دو نفر), though
#: a word list fuses one (چندین‌بار); derived ones are compounds (سه‌ساله، چندگانه).
QUANTIFIERS = frozenset("چند چندین هر دو سه چهار پنج شش هفت هشت نه ده صد هزار".split())
COUNTING_WORDS = frozenset("بار دفعه مرتبه نفر تن عدد سال ماه هفته روز ساعت دقیقه".split())
#: Forms of a written verb that prose no longer writes: the bare present of مردن in the
#: first person, which it writes می‌میرم، بمیرم. Glued on the web they are the spoken رفتن,
#: می‌رم، می‌ریم (wordfreq: میرم 7.9e-5, میریم 4.8e-5, against بمیرم 1.4e-5). Not میری، میرید:
#: a family name, and the written 'you die'; nor the negative نمیرم، نمیریم (Ferdowsi's).
SPOKEN_NOT_WRITTEN = frozenset(("میرم", "میریم"))
#: Present stems of the spoken language that shekar's list lacks: شین of نشستن (می‌شینم،
#: می‌شینه), which the web glues (میشینم).
SPOKEN_PRESENT_STEMS = frozenset(("شین",))

_letters = letters_step()
# A word starts and ends with a letter: a ZWNJ at its edge stands against a kashida that
# it sets apart as a dash (سیاسی‌ـ انتظامی), which is no part of the word.
_LETTER = f"[{PERSIAN_LETTERS}{COMBINING_MARKS}]"
_W = f"{_LETTER}(?:[{WORD_CHARS}]*{_LETTER})?"
_WORD = re.compile(_W)
_PAIR = re.compile(f"(?=(?<![{WORD_CHARS}])({_W}) ({_W})(?!\u200c*{_LETTER}))")
_MI_ZWNJ = re.compile("(?:^|\\s)ن?می\u200c")
_MI_SPACE = re.compile("(?:^|\\s)ن?می (?=\\S)")


def canonical(text: str) -> str:
    """Text as the runtime sees it before the ZWNJ step: one alphabet, no wrong ZWNJs. And
    no harakat at all: the runtime keeps them only in a vocalized passage and on the alef of
    حتماً, words that need no ZWNJ, so the table's words are bare."""
    text = _letters.apply(soft_hyphen_step.apply(text))
    text = invisible_step.apply(strip_harakat(kashida_step.apply(text)))
    return wrong_zwnj_step.apply(text)


def gold_texts(holdout: dict[str, set[int]] | None = None):
    """The UD sentences (carefully edited), leaving out held-out lines."""
    holdout = holdout or {}
    for name in GOLD_FILES:
        skip = holdout.get(name, set())
        for i, line in enumerate((SHARED / name).read_text(encoding="utf-8").splitlines()):
            if i not in skip:
                yield line


def news_texts():
    """Fars News articles whose writers use ZWNJ (می‌شود rather than می شود)."""
    with open(SHARED / "web" / "farsnews-1-4.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = "\n".join([doc["title"], doc["abstract"], *doc["paragraphs"]])
            text = _letters.apply(soft_hyphen_step.apply(text))
            # a writer who spaces می (می شود) also spaces other ZWNJs: not evidence
            if len(_MI_ZWNJ.findall(text)) > len(_MI_SPACE.findall(text)):
                yield text


def count(texts) -> tuple[Counter, Counter]:
    """Word counts and counts of word pairs written apart (one space between)."""
    words, pairs = Counter(), Counter()
    for text in texts:
        text = canonical(text)
        # a word with the ezafe on its final ه (واژه‌نامهٔ) is counted as the word
        words.update(without_ezafe(w)[0] for w in _WORD.findall(text))
        pairs.update(m.groups() for m in _PAIR.finditer(text))
    return words, pairs


def wordfreq_counts() -> Counter:
    import wordfreq

    out = Counter()
    for word, freq in wordfreq.get_frequency_dict("fa", wordlist="best").items():
        for w in _WORD.findall(canonical(word)):
            out[w] += freq * WORDFREQ_SCALE
    return out


def hazm_data() -> tuple[Counter, list[str], list[str], frozenset[str]]:
    """hazm's lemmas with a nonzero corpus count, its past and present verb stems, and
    the lemmas it counts ``HAZM_WORD_COUNT`` times or more."""
    import importlib.util

    base = Path(importlib.util.find_spec("hazm").origin).parent / "data"
    lemmas = Counter()
    common = set()
    for line in (base / "words.dat").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].isdigit():
            weight = HAZM_LEMMA if int(parts[1]) > 0 else HAZM_UNCOUNTED
            for w in _WORD.findall(canonical(parts[0])):
                lemmas[w] = max(lemmas[w], weight)
                if int(parts[1]) >= HAZM_WORD_COUNT:
                    common.add(w)
    past, present = [], []
    for line in (base / "verbs.dat").read_text(encoding="utf-8").splitlines():
        p, _, r = canonical(line.strip()).partition("#")
        if p:
            past.append(p)
        if r:
            present.append(r)
    return lemmas, sorted(set(past)), sorted(set(present)), frozenset(common)


def build(gold: tuple[Counter, Counter], news: tuple[Counter, Counter], wf: Counter,
          lemmas: Counter, past, present, spoken_past=(), spoken_present=(),
          common_lemmas: frozenset[str] = frozenset()) -> list[str]:
    """Decide each word's writing from the evidence; return the table's lines.

    ``gold`` and ``news`` are the (words, word pairs written apart) counts of the UD
    sentences and of the news, as :func:`count` gives them; ``common_lemmas``, hazm's
    lemmas counted ``HAZM_WORD_COUNT`` times or more."""
    (gold_words, gold_pairs), (news_words, news_pairs) = gold, news
    words, raw_pairs = gold_words + news_words, gold_pairs + news_pairs
    # The UD sentences decide, where they can, whether two words are one compound.
    fused_words = Counter({w: GOLD_WEIGHT * n for w, n in gold_words.items()}) + news_words
    pairs = Counter({p: GOLD_WEIGHT * n for p, n in gold_pairs.items()})
    for pair, n in news_pairs.items():
        pairs[pair] += n * NEWS_APART
    evidence: dict[str, Counter] = defaultdict(Counter)
    for w, c in words.items():
        evidence[w.replace(ZWNJ, "")][w] += c
    for w, c in lemmas.items():
        evidence[w.replace(ZWNJ, "")][w] += c
    spoken_lines = [f"t\t{p}" for p in spoken_past] + [f"p\t{p}" for p in spoken_present]
    verb_lines = [f"T\t{p}" for p in past] + [f"P\t{p}" for p in present] + spoken_lines
    verbs_only = Lexicon.from_lines(verb_lines)
    mi_verb = WordWriter(verbs_only).verb_after_mi
    # A compound's last part that is a finite past form without a prefix (کرد، شد) may be
    # a verb phrase (participles are never joined at all: see verb_tails); present-stem
    # forms (نویسی، بندی، دار) are not, as Persian verbs take ب or می before the present
    # stem, داشتن alone excepted (داری).
    bare_verbs = Lexicon.from_lines([f"T\t{p}" for p in past]).verbs | {
        "دار" + ending for ending in PRESENT_ENDINGS}
    # Present stems (بین، بخش، کار), but not the copula, which stands apart (گفته است).
    present_stems = set(present) - {"است", "هست"}
    # Two words apart that end in an infinitive or a participle are a compound verb, which
    # the standard writes apart (نگه داشتن، حذف شده است), though the treebanks now and then
    # join one (فراموش‌شدن، تقویت‌شده). Never joined: CV precision 0.9541 -> 0.9547 (glued)
    # and 0.9682 -> 0.9696 (spaced), one ZWNJ fewer found; on the web articles, 46 joins
    # left as written, the wrong ones among them (تقویت‌شده است، ترک تحصیل‌کرده) with
    # compounds (نگه‌داشتن، سازمان‌یافته) and names (ابراهیم‌زاده) also written apart.
    verb_tails = {p + end for p in past for end in ("ن", "ه")} | {"ن" + p + "ه" for p in past}
    for w, c in wf.items():
        key = w.replace(ZWNJ, "")
        if ZWNJ in w:
            evidence[key][w] += c
        else:
            evidence[key][w] += c * (WORDFREQ_GLUED_MI if mi_verb(key) else WORDFREQ_GLUED)

    forms, glued, freq = {}, set(), {}
    for key, cands in evidence.items():
        if len(key) < 2:
            continue
        best, score = max(cands.items(), key=lambda kv: (kv[1], kv[0]))
        freq[key] = int(math.log2(1 + sum(cands.values())))
        if ZWNJ in best:
            forms[key] = best
        else:
            glued.add(key)
    # The comparative: the Academy's orthography writes تر and ترین apart from the word,
    # but for بهتر، مهتر، کهتر، بیشتر، کمتر. Where any writer or word list has the ZWNJ
    # form (بزرگ‌ترین، پیش‌تر), it is the one written, however often the news glues it: it
    # shows the word is a comparative (not فیلتر، دفتر). CV on the dev sets: glued recall
    # 0.9362 -> 0.9392, precision 0.9564 -> 0.9556 (Seraji glues بزرگترین, PerDT does
    # not), F1 0.9462 -> 0.9473; spaced F1 0.9335 -> 0.9332. It settles بزرگتر، بزرگترین،
    # مهمتر، پیشتر: the rest the table writes so already.
    for key in list(glued):
        for form in evidence[key]:
            head, _, tail = form.partition(ZWNJ)
            if tail in COMPARATIVE_ENDINGS and head not in GLUED_COMPARATIVES:
                glued.discard(key)
                forms[key] = form
                break
    # The same head, glued to another comparative ending, is the same comparative: where
    # گران‌ترین is written so, گرانتر is گران‌تر (and رایجتر، پاکتر، پیشترین). A head
    # must show a ZWNJ form of its own, as the word lists' tags do not tell an adjective
    # from a noun (فیل, in فیلتر, is tagged both).
    comparative_heads = {form.partition(ZWNJ)[0] for form in forms.values()
                         if form.partition(ZWNJ)[2] in COMPARATIVE_ENDINGS}
    for key in list(glued):
        for tail in COMPARATIVE_ENDINGS:
            head = key[:-len(tail)]
            if key.endswith(tail) and head in comparative_heads and head not in GLUED_COMPARATIVES:
                glued.discard(key)
                forms[key] = head + ZWNJ + tail
                break
    # The plural: a word that hazm counts, glued to ها (آسمانها، روشها), takes a ZWNJ
    # before it, as the Academy writes it, however often the news glues it: unless the
    # glued word is one that hazm counts too (تنها: alone, not تن‌ها), the word is a
    # function word (منهای: minus; تحتها in an Arabic quote), or the pronoun آنها، اینها,
    # which the treebanks write both ways. CV on the dev sets: glued recall 0.9459 ->
    # 0.9490, precision 0.9585 -> 0.9589; 159 of the regression texts split such plurals
    # (جنبشهای، وامهای، شاخصها), which the news glues.
    for key in list(glued):
        if key.startswith(PLURAL_PRONOUNS) or lemmas.get(key, 0) >= HAZM_LEMMA:
            continue
        for suffix in SUFFIXES_HA:
            head = key[:-len(suffix)]
            if key.endswith(suffix) and len(head) >= 2 and joins_left(head[-1]) and (
                    lemmas.get(head, 0) >= HAZM_LEMMA and head not in NO_HEAD
                    and head not in NO_PLURAL_HOST):
                glued.discard(key)
                forms[key] = forms.get(head, head) + ZWNJ + suffix
                break
    # The hundreds are one word, as the Academy writes them, an ordinal's ending included
    # (ششصد، نهصد، ششصدمین), whatever a word list has (hazm's شش‌صد، نه‌صد).
    for key in [*filter(_HUNDREDS.fullmatch, forms)]:
        del forms[key]
        glued.add(key)
    # A pronoun مان، تان، شان is glued to a word that does not end in ه or ی, as the
    # Academy writes it and the treebanks always do (تیمشان، قلبمان; but خانه‌شان،
    # زندگی‌شان), whatever the news or a word list has (تیم‌شان): morphology writes it so.
    for key, form in list(forms.items()):
        head, _, tail = form.rpartition(ZWNJ)
        if tail in PRONOUNS_PLURAL and pronoun_glued(head):
            if ZWNJ in head:
                forms[key] = head + tail
            else:
                del forms[key]
                glued.add(key)
    # می glued to a verb of the spoken language (میشه، میگه، میکنه) is a ZWNJ stripped: the
    # web's word lists have it glued, and edited text, which would have it right, has little
    # of the spoken language. Only edited text keeps one glued; or hazm's word list, for a
    # word that a written stem and a spoken ending would make (میرنده، میسره), but not for
    # the spoken stems' own forms (میشه، میره، میگن). Of the written stems' spoken forms,
    # none in ن alone after a stem of two letters: میدون، میسان، میزان would read as دو، سا،
    # زا and that ending (but ین is one: میزنین، نمیکنین; and a longer stem: میفرستن،
    # میسازن، میگفتن). Nor a written verb form (نمیرم، نمیریم: مردن; the infinitive
    # میراندن), which the spoken رفتن or ending would split, but for those prose no longer
    # writes (``SPOKEN_NOT_WRITTEN``).
    spoken_mi = WordWriter(Lexicon(spoken=verbs_only.spoken)).verb_after_mi
    spoken_stem_mi = WordWriter(Lexicon.from_lines(spoken_lines)).verb_after_mi
    for key in list(glued):
        written_verb = key not in SPOKEN_NOT_WRITTEN and (
            key in verbs_only.verbs or key[:1] == "ن" and key[1:] in verbs_only.verbs)
        if words.get(key, 0) < RULE_PRIOR and not written_verb and (spoken_stem_mi(key) or (
                key not in lemmas and (not key.endswith("ن") or key.endswith("ین") or _long_stem(key))
                and spoken_mi(key))):
            glued.discard(key)
    # A glued word with little evidence must not stop morphology from splitting it when
    # the glued form is likely a stripped one (کانونهای seen glued once on the web), unless
    # hazm counts it often (میانجی).
    rules = WordWriter(Lexicon(forms=forms, glued=set(), verbs=verbs_only.verbs))
    for key in list(glued):
        guess, rule = rules.preferred(key)
        if ZWNJ in guess and evidence[key][key] < RULE_PRIOR and key not in common_lemmas:
            glued.discard(key)

    # A compound whose later parts are never words alone (المللی outside بین المللی) is
    # joined in any text; one of free words (نخست وزیر) only in a text whose writer types
    # ZWNJs as spaces (see the ZWNJ step).
    alone = Counter()  # how often a word follows one it makes no known word with
    for (a, b), n in raw_pairs.items():
        key = (a + b).replace(ZWNJ, "")
        if key not in forms and key not in glued:
            alone[b] += n
    tails = Counter(form.rsplit(ZWNJ, 1)[-1] for form in forms.values())
    unknown_compound_tails = compound_tails(tails, forms, glued, freq)

    def joins_as_tail(part: str) -> bool:
        """May ``part`` end a compound that only word lists attest (هزینه‌یابی)? Not if it
        is a bare verb; a present-stem form, only if it ends more of the table's compounds
        than it stands alone in edited text: سازی (246 to 14) does, بازی (60 to 196) and
        بخش (70 to 225) are words of their own."""
        return part not in bare_verbs and (
            part not in verbs_only.verbs or tails[part] >= TAIL_RATIO * alone[part])

    def house_style_apart(form: str, parts: list[str], fused: float) -> bool:
        """Is ``form`` a compound that only the news writes apart, by its house style
        (زیان آور، جنگ طلب، فاصله گذاری)? One whose last part is a verb form that may end
        a compound (``joins_as_tail``), that some writer or word list has fused (hazm's
        uncounted lemmas do not count: طبق‌بند), that the UD sentences never write apart,
        and that starts with no preposition (به آب). CV on the dev sets: spaced recall
        0.8979 -> 0.8999, no wrong ZWNJ more. On the regression texts, 598 joins more
        (181 in Fars News as published, 13 in Varzesh3): such compounds, and some that
        were joinable already (ثبت نام، به موقع) in texts that such a join now shows to
        be typed by a writer who types ZWNJs as spaces."""
        return (parts[0] not in PARTICLES and parts[-1] in verbs_only.verbs
                and joins_as_tail(parts[-1])
                and evidence[form.replace(ZWNJ, "")][form] + fused >= JOIN_LISTED
                and not any(map(gold_pairs.get, splits(parts))))

    def ud_over_house_style(form: str, parts: list[str]) -> bool:
        """Is ``form`` a compound that the UD sentences write fused and never apart, and
        the news fused as well, though its house style writes it apart more often (رئیس
        جمهور: fused 40 times, apart 131)?"""
        return (gold_words.get(form, 0) > 0 and news_words.get(form, 0) >= JOIN_MIN
                and not any(map(gold_pairs.get, splits(parts))))

    def joins_typed_apart(tail: str) -> bool:
        """May ``tail``, which ends compounds the table does not know, be joined to a
        known word typed apart before it (مسخره کننده)? Only if it hardly ever stands
        alone in edited text, and is no word that hazm counts (بینی: a nose, آباد:
        prosperous, which may follow a word: جراحی بینی، شهری آباد) but an agent noun in
        نده (کننده، دهنده), which stands alone only where the news writes a compound apart."""
        return alone[tail] <= JOIN_TAIL_ALONE * tails[tail] and (
            lemmas.get(tail, 0) < HAZM_LEMMA or tail.endswith("نده"))

    # Which ZWNJ words may be made from two words written apart: those that edited text
    # writes fused, clearly more often than apart (word lists alone do not say that
    # حذف‌شده is not usually the verb phrase حذف شده).
    joinable, bound = set(), set()
    for key, form in forms.items():
        fused = fused_words.get(form, 0) + fused_words.get(key, 0)
        parts = form.split(ZWNJ)
        # Never joined: a compound verb (see verb_tails), and یک before a word apart, the
        # numeral or the article (یک بند کفش، یک هزار، یک سوم) far more often than a
        # compound (یک‌طرفه): CV precision 0.9547 -> 0.956 (glued), 0.9696 -> 0.9717
        # (spaced), one ZWNJ fewer found; on the web, 16 joins left as written, یک‌بند (3)
        # and یک‌هزار (7) among them.
        # Nor one with a preposition or conjunction after its first part (پرده‌در، سی‌تا):
        # written apart, that word is far likelier the preposition (پشت پرده در استقلال،
        # سی تا چهل درصد). CV unchanged; on the 10,266 texts of the regression check (the
        # web articles in three forms, the dev sentences), 35 joins fewer: پرده در, 10 of
        # بی تا (undated, in references), and 24 of درحالی که or تاجایی که, which the
        # standard writes apart (در حالی که). Not بر: more often a compound's part
        # (هزینه‌بر، سیمان‌بر) than the preposition there.
        if parts[-1] in verb_tails or parts[0] == "یک" or not PARTICLES.isdisjoint(parts[1:]):
            continue
        if parts[0] in DIRECTIONS and parts[-1] not in DIRECTIONS and tails[parts[-1]] < 2 or (
                parts[0] in QUANTIFIERS and parts[1] in COUNTING_WORDS):
            continue  # شمال عراق، چندین بار: phrases
        apart = max(pairs.get(split, 0) for split in splits(parts))
        listed = evidence[key][form]  # a compound never seen apart joins on any evidence
        # hazm lists many compounds uncounted; those made with a present stem (فهرست‌بندی،
        # اتهام‌زنی) are words, where other ones may be phrases of its corpus (سه‌رقمی،
        # سنگ‌آسیاب). CV: spaced recall 0.889 -> 0.894, no wrong ZWNJ more; with all of
        # them, 0.909 but 20 wrong ZWNJs more.
        derived = lemmas.get(form, 0) > 0 and parts[-1] in verbs_only.verbs
        if derived:
            listed = max(listed, JOIN_LISTED)
        # One that hazm counts in its corpus and that ends in a bare present stem, an agent
        # or adjective (کوله‌بار، واقع‌بین، کهنه‌کار), joins even where the stem is a word
        # too. CV: spaced recall 0.8959 -> 0.8986, no wrong ZWNJ more. With any verb form
        # (آب‌درمانی) 0.9006, but on the web ezafe phrases joined (تب و تاب‌بازی،
        # قهرمان‌بازی‌های آسیایی); with past forms too (سرکوب‌شده) 0.9046, but 9 wrong
        # ZWNJs more, and verb phrases joined (محکوم‌شده است).
        counted = lemmas.get(form, 0) >= HAZM_LEMMA and parts[-1] in present_stems
        if not ((fused >= JOIN_MIN and fused >= JOIN_RATIO * apart) or (
                not apart and listed >= JOIN_LISTED and (counted or joins_as_tail(parts[-1])))
                or house_style_apart(form, parts, fused) or ud_over_house_style(form, parts)):
            continue
        if all(alone[part] <= BOUND_MAX for part in parts[1:]):
            joinable.add(key)
            bound.add(key)
        # UD writes some names and phrases of free words as one token (صنعت‌نفت،
        # وجه‌مشترک): such a compound must be written so outside UD too
        elif news_words.get(form, 0) >= JOIN_MIN or (
                wf.get(form, 0) + lemmas.get(form, 0) >= ATTESTED_MIN) or derived:
            joinable.add(key)
    # A plural or comparative is bound as its compound is: نخست‌وزیرها is free as
    # نخست‌وزیر is, though وزیرها, glued to its plural, seldom stands alone, and so is
    # دهشت‌بارترین as دهشت‌بار is. (Else نخست وزیر ها, where the writer's habit keeps the
    # compound apart, became نخست وزیرها, which a second pass joined as bound; so did
    # دهشت بار ترین, which became دهشت بارترین.)
    for key in [*bound]:
        bases = (key[:-len(s)] for s in INFLECTED_ENDINGS if key.endswith(s))
        if any(base in joinable and base not in bound for base in bases):
            bound.discard(key)
    # Pairs that a rule (prefix, suffix) would fuse but edited text writes apart.
    restorer = ZwnjRestorer(Lexicon(forms=forms, glued=glued, verbs=verbs_only.verbs,
                                    spoken=verbs_only.spoken, joinable=joinable))
    apart_pairs = set()
    for (a, b), n in pairs.items():
        ka, kb = a.replace(ZWNJ, ""), b.replace(ZWNJ, "")
        if restorer.pairs.join(ka, kb) is None:
            continue
        fused = fused_words.get(a + ZWNJ + b, 0) + fused_words.get(a + b, 0)
        if n > APART_RATIO * (fused + RULE_PRIOR):
            apart_pairs.add(f"{ka} {kb}")

    glued_joins = typed_apart_glued(glued, evidence, raw_pairs, pairs, fused_words, forms,
                                    verbs_only.verbs, verb_tails | bare_verbs)
    flags = {k: "\tJ" if k in bound else "\tj" for k in joinable}
    lines = [f"Z\t{f}\t{freq[k]}" + flags.get(k, "") for k, f in forms.items()]
    lines += [f"G\t{g}\t{freq[g]}" for g in glued]
    lines += [f"A\t{p}" for p in apart_pairs]
    lines += [f"W\t{form}" for form in glued_joins]
    lines += [f"{'B' if joins_typed_apart(t) else 'C'}\t{t}" for t in unknown_compound_tails]
    lines += verb_lines
    return sorted(set(lines))


def _long_stem(verb: str) -> bool:
    """Has ``verb``, می or نمی and a stem and ن, a stem of three letters or more?"""
    return len(verb) - len("نمی" if verb.startswith("نمی") else "می") - 1 >= 3


def typed_apart_glued(glued: set[str], evidence: dict[str, Counter], raw_pairs: Counter,
                      pairs: Counter, fused_words: Counter, forms: dict[str, str],
                      verbs: set[str], verb_tails: set[str]) -> set[str]:
    """Glued words (پاکسازی، روانشناسی) that a writer who types ZWNJs as spaces types
    apart, written with a ZWNJ where they are split: the writer's space says they are two
    parts, and a ZWNJ joins them as the standard writes such compounds. Only where some
    writer or word list splits the word there, both parts are known words and no function
    word or verb (این کار، روی داد), and edited text writes the word whole clearly more
    often than the two apart."""
    known = glued | set(forms)
    splits_seen: dict[str, Counter] = defaultdict(Counter)
    for key in glued:
        for form, n in evidence[key].items():
            if form.count(ZWNJ) == 1:
                splits_seen[key][form.index(ZWNJ)] += n
    for (a, b), n in raw_pairs.items():
        if a + b in glued:
            splits_seen[a + b][len(a)] += n
    out = set()
    for key, seen in splits_seen.items():
        cut = max(seen, key=lambda i: (seen[i], i))
        head, tail = key[:cut], key[cut:]
        if (len(head) < 3 or len(tail) < 2 or head in NO_HEAD or tail in NO_HEAD or head[-1] in NON_JOINERS
                or tail in INFLECTIONS or head in verbs or tail in verb_tails
                or head not in known or tail not in known):
            continue
        whole = fused_words.get(key, 0) + fused_words.get(head + ZWNJ + tail, 0)
        if whole >= JOIN_MIN and whole >= JOIN_RATIO * pairs.get((head, tail), 0):
            out.add(head + ZWNJ + tail)
    return out


def splits(parts: list[str]) -> list[tuple[str, str]]:
    """The (words before, next part) pairs at each ZWNJ of a compound's ``parts``, as the
    word pairs written apart are counted: پیش‌بینی‌ها -> (پیش, بینی), (پیش‌بینی, ها)."""
    return [(ZWNJ.join(parts[:i]), parts[i]) for i in range(1, len(parts))]


def compound_tails(ends: Counter, forms: dict[str, str], glued: set[str], freq: dict[str, int]) -> set[str]:
    """The parts that end many of the table's ZWNJ compounds (کننده، آمیز، پذیر، شناسی)
    and hardly ever a glued word whose first part is a known word: a word the table does
    not know, of a known word and such a part, is such a compound (نیم‌دایره‌مانندی).
    Not the endings that morphology handles (ها، تر، ام، ی), nor دار، کار، گر، خانه,
    which end as many glued words (دیندار، ستمکار) as ZWNJ ones, nor those that mostly
    follow a numeral (ساله، تایی: راستایی is no راس‌تایی). ``ends`` counts the last
    parts of the ZWNJ compounds."""
    numeral_heads = Counter(form.rsplit(ZWNJ, 1)[1] for form in forms.values()
                            if form.split(ZWNJ, 1)[0] in NUMERALS)
    known_glued = Counter()  # tail -> glued words of a known word and that tail
    for key in glued:
        for n in range(2, len(key) - TAIL_HEAD_MIN + 1):
            head, tail = key[:-n], key[-n:]
            if tail in ends and head[-1] not in NON_JOINERS and freq.get(head, 0) >= TAIL_HEAD_FREQ and (
                    head in forms or head in glued):
                known_glued[tail] += 1
    return {tail for tail, n in ends.items() if tail not in INFLECTIONS
            and n >= TAIL_COMPOUNDS and n >= TAIL_GLUED_RATIO * known_glued[tail]
            and numeral_heads[tail] < n / 2}


@functools.cache
def news_counts() -> tuple[Counter, Counter]:
    return count(news_texts())


def shekar_verbs() -> tuple[set[str], set[str], set[str], set[str]]:
    """shekar's verb stems (verbs.csv: present, past, then those of the spoken language),
    as (past, present, spoken past, spoken present).

    Only its data file is read: shekar cannot share a venv with hazm (NumPy pins), so it
    is installed without its dependencies and never imported."""
    import importlib.util

    spec = importlib.util.find_spec("shekar")
    if spec is None:
        sys.exit("shekar's verb list is needed: pip install --no-deps shekar==1.7.0")
    past, present, spoken_past, spoken_present = set(), set(), set(), set()
    path = Path(spec.origin).parent / "data" / "files" / "verbs.csv"
    for row in csv.reader(path.read_text(encoding="utf-8").splitlines()):
        row = [canonical(cell.strip()) for cell in row] + ["", ""]
        present.add(row[0])
        past.add(row[1])
        spoken_present.add(row[2])
        spoken_past.add(row[3])
    return past - {""}, present - {""}, spoken_past - {""}, spoken_present - {""}


@functools.cache
def word_lists():
    """The sources that do not depend on which gold lines are held out (read once)."""
    lemmas, past, present, common_lemmas = hazm_data()
    more_past, more_present, spoken_past, spoken_present = shekar_verbs()
    spoken_present |= SPOKEN_PRESENT_STEMS
    past, present = {*past, *more_past}, {*present, *more_present}
    # a spoken stem only where it is not a written one too (خوا for خواه, گ for گو)
    return (wordfreq_counts(), lemmas, sorted(past), sorted(present),
            sorted(spoken_past - past), sorted(spoken_present - present), common_lemmas)


def build_lines(holdout: dict[str, set[int]] | None = None, lists: tuple | None = None) -> list[str]:
    """The table's lines, built without the held-out gold lines (and from ``lists``, if
    given, instead of ``word_lists()``)."""
    wf, lemmas, past, present, spoken_past, spoken_present, common_lemmas = lists or word_lists()
    return build(count(gold_texts(holdout)), news_counts(), wf, lemmas, past, present,
                 spoken_past, spoken_present, common_lemmas)


def serialise(lines: list[str]) -> bytes:
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped table, write nothing")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = serialise(build_lines())
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print("shipped table is up to date" if same else "shipped table differs from a fresh build")
        return 0 if same else 1
    args.out.write_bytes(data)
    kinds = Counter(line.split("\t", 1)[0] for line in gzip.decompress(data).decode().splitlines())
    print(f"wrote {args.out} ({len(data):,} bytes): {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
