"""The Persian morphology the ZWNJ rules work with: the verb prefix می/نمی and its
preverbs, the plural and comparative suffixes, the clitics, and the verb endings.
"""
from __future__ import annotations

PREFIXES_MI = ("نمی", "می")
#: Verbal preverbs written glued to می: برمی‌گردد، درمی‌آید، فرومی‌ریزد.
PREVERBS = ("فرو", "باز", "فرا", "بر", "در", "وا", "ور")
#: Those a writer may type apart from the verb and its می (بر می‌گردد، باز نمی‌گردد), which
#: are joined to it where the verb is one of theirs (lexicon.py). Not ور, whose verbs the
#: dictionaries write apart (ور رفتن).
PREVERBS_TYPED_APART = ("فرو", "باز", "فرا", "بر", "در", "وا")
#: Words after which a preverb typed apart is a noun they govern, not a preverb: از در
#: می‌آید (comes in through the door), از بر می‌خواند (recites by heart), پشت در می‌ماند;
#: and در بر می‌گیرد stays as typed.
BEFORE_NOUN_PREVERB = frozenset("از به با تا در بر پشت دم جلوی سر زیر روی کنار".split())
#: Verbs after باز that are also the adjective 'open' and a verb: باز می‌ماند is 'stays
#: open' as often as بازمی‌ماند 'falls behind' (and باز می‌نماید 'opens'). They stay apart.
OPEN_AND_VERB = ("مان", "نما", "نمود")
SUFFIXES_HA = ("هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "هاست", "های", "ها")
SUFFIXES_TAR = ("ترین", "تری", "تر")
#: A comparative's plural, joined to a word only where typed apart after it (جوان ترها):
#: glued, ترها may end a word of its own (دفترها). Not تریم (بالغ تریم), which on the web
#: texts was only the name Terim (فاتح تریم).
TAR_INFLECTED = ("ترها", "ترهای")
#: Clitics that take a ZWNJ after a final ه (a vowel, see ``silent_heh``): منطقه‌ای، خسته‌ام،
#: گفته‌اند، خانه‌اش، علاقه‌تان.
#: (After ی too, but for شان، تان، مان only where written apart: the treebanks glue
#: ناراحتیشان and write دارایی‌شان.)
PRONOUNS_PLURAL = ("شان", "تان", "مان")
CLITICS_AFTER_HEH = ("ایم", "اید", "اند", *PRONOUNS_PLURAL, "ای", "ام", "ات", "اش")
#: The ezafe or indefinite ی after a final ه, as the web writes it (خانه‌ی من، همه‌ی ما;
#: the standard also writes خانهٔ), glued (خانهی) or typed apart (خانه ی). By spelling
#: alone the ه of شکوهی، الوهی (the consonant h) is the vowel of خانهی: it takes a ZWNJ
#: only where the table shows the vowel, with a clitic after a ZWNJ (خانه‌ای، خانه‌اش).
EZAFE_YEH = "ی"
VOWEL_HEH_CLITICS = ("ای", "اش", "ام", "اند")
#: 'is' glued to a word in a vowel ه (یافتهاست، خانهاست) is written after a ZWNJ, as the
#: table writes شده‌است. Only where glued: typed apart it stays apart, as the standard
#: writes it (گفته است), so it is none of ``JOIN_RIGHT``.
COPULA = "است"
SUFFIXES = tuple((s, "ha") for s in SUFFIXES_HA) + tuple((s, "tar") for s in SUFFIXES_TAR) + tuple(
    (s, "heh_only" if s in PRONOUNS_PLURAL else "heh") for s in CLITICS_AFTER_HEH) + (
    (EZAFE_YEH, "ezafe_yeh"), (COPULA, "heh_only"))
SUFFIXES = tuple(sorted(SUFFIXES, key=lambda x: -len(x[0])))
#: What follows ه in X+ه‌ای read as X+های: a clitic, the copula (یافتهاست: یافته‌است, not
#: یافت‌هاست), or ایی, a common misspelling of ای.
CLITICS_OR_AYI = frozenset((*CLITICS_AFTER_HEH, COPULA, "ایی"))
#: For one C test that rules out most words before the loops (most unknown words are names).
ANY_SUFFIX = tuple(s for s, _ in SUFFIXES)
#: The spoken language's plural with a pronoun, the object mark or both, or 'too' (عکس‌هامو،
#: نوشته‌هاشو، عکس‌هارو، کتاب‌هاشون، کتاب‌هاشونو، کتاب‌هاشونم), written as ها is ...
SPOKEN_HA = frozenset("ها" + clitic for clitic in (
    "مو", "تو", "شو", "رو", *(pronoun + end for pronoun in ("مون", "تون", "شون") for end in ("", "و", "م"))))
#: ... and with a singular pronoun (کتاب‌هام، حرف‌هات، عکس‌هاش), which glued may as well
#: end a name (وستهام، بکهام) or be a word in ه and a clitic (کوله‌اش): words.py asks more
#: of the word before them
SPOKEN_HA_SHORT = ("هام", "هات", "هاش")
#: ... and typed apart, not هامون, a name (دریاچه هامون), but هاش (کتاب هاش)
SPOKEN_HA_APART = SPOKEN_HA - {"هامون"} | {"هاش"}
#: ... and its plural pronouns, after a word in a vowel ه as شان is (خونه‌شون، بچه‌مون);
#: after others the spoken language glues them (کتابشون), and ی before تون may be a fish
#: (ماهی تون, tuna).
SPOKEN_PRONOUNS = ("شون", "تون", "مون")
#: All the spoken pronouns, glued after a word in a vowel ه (صفحه‌ش، نامه‌ت، کوچه‌شون),
#: the longest first
SPOKEN_CLITICS = (*SPOKEN_PRONOUNS, "ش", "ت", "م")
#: Words written apart that may be the second half of a lost ZWNJ (کتاب ها، گفته اند).
JOIN_RIGHT = frozenset((*SUFFIXES_HA, *SUFFIXES_TAR, *TAR_INFLECTED, *CLITICS_AFTER_HEH, EZAFE_YEH,
                        *SPOKEN_HA_APART, *SPOKEN_PRONOUNS))
#: Words that a suffix written apart never attaches to: ``خشک و تر`` is not ``خشک وتر``.
NO_SUFFIX_HOST = frozenset("و به از که در با را تا یا هم نه چه اگر اما پس چون".split())
#: Arabic prepositions and determiners that Persian uses too and never makes plural: in
#: an Arabic quote, تحتها، معها، بعضها، الیها are the word and the pronoun ها (تجری من تحتها).
NO_PLURAL_HOST = frozenset("تحت فوق مع حول عند دون لکن بعض جمیع کل بین فی حتی الی عن".split())
#: A word that begins with these is spelled the Arabic way (أنها، إلیها; Persian writes
#: ا there): Persian morphology does not split it.
ARABIC_INITIALS = ("أ", "إ")
#: Words before which بی is the preposition 'without', not a prefix: بی هیچ تردیدی، بی شما.
NOT_AFTER_BI = frozenset("این آن هیچ شما آنها آنان اینها ایشان همین همان آنکه اینکه".split())
#: function words, which begin no compound the table does not know (این کننده)
NO_HEAD = NO_SUFFIX_HOST | NOT_AFTER_BI | frozenset(
    "خود همه هر چند یک او ما من تو وی چنین چنان دیگر بسیار برای روی زیر".split())
#: function words that, typed apart before a word, govern it rather than begin a compound
#: of free words with it (به گونه‌ای، آن سو، هیچ گونه); not هم, a prefix (هم‌میهن، هم‌اکنون)
GOVERNING_WORDS = NO_HEAD - {"هم"}

_PREVERB_MI = frozenset(p + m for p in PREVERBS for m in PREFIXES_MI)
MI_PREFIXES = _PREVERB_MI | frozenset(PREFIXES_MI)
RULE_LEFT = MI_PREFIXES | {"بی"}  # words that a rule may join to the next word
MI_STARTS = tuple(MI_PREFIXES)


#: Endings written glued to a word (not after ZWNJ): the plural ان, then ی or a pronoun
#: or the verb 'to be'.
GLUED_ENDINGS = frozenset(
    plural + clitic for plural in ("", "ان", "یان", "گان")
    for clitic in ("", "ی", "یی", "م", "ت", "ش", "مان", "تان", "شان", "یم", "ید", "ند", "یت", "یش")
) - {""}
LONGEST_GLUED_ENDING = max(map(len, GLUED_ENDINGS))


def glued_inflections(word: str) -> tuple[str, ...]:
    """``word`` with the endings glued to it that a compound ending in it takes: the
    plural ان (یان after a vowel, گان for a final ه), and ی after the word or its plural
    (سرمایه‌داران، دروازه‌بانی، کمک‌کنندگان، اسلام‌گرایان، صاحب‌نظرانی).

    >>> glued_inflections("دار"), glued_inflections("کننده")
    (('داران', 'داری', 'دارانی'), ('کنندگان', 'کنندگانی'))
    """
    if word[-1] == "ه":
        return word[:-1] + "گان", word[:-1] + "گانی"
    if word[-1] in "او":
        return word + "یان", word + "یانی", word + "یی"
    return word + "ان", word + "ی", word + "انی"


#: endings that make family names of words (رسول‌پناه، نجف‌نژاد) ...
NAME_ENDINGS = ("زادگان", "زاده", "نژاد", "نیا", "نسب", "پناه", "پور", "فرد", "فر")
#: ... some only of a word in ی (انصاری‌فرد، حاجی‌پور، زاهدی‌فر), since after others they
#: end foreign names as well (Winfried Schäfer's وینفرد; the Indian cities رامپور، کانپور)
NAME_ENDINGS_AFTER_YEH = frozenset(("پور", "فرد", "فر"))
HA_EZAFE = "های"
#: the marks that end a sentence or a clause, after which no ezafe can stand
STOPS = frozenset(".،؛!؟:")
#: words that cannot follow an ezafe: conjunctions, the object mark and 'to be' (a
#: preposition can: زمین‌های با کاربری ورزشی، شکاف‌های به وجود آمده)
NO_EZAFE_BEFORE = frozenset(("و", "که", "را", "یا", "اما", "ولی", "نیز", "است", "بود", "شد", "نیست", "هست"))
#: words before which a glued word that may be read both ways (زمینهای: زمینه‌ای or
#: زمین‌های) is read as the word in ه and ای: those above, and the prepositions that a
#: noun and ای, 'a ... of', takes (گوشه‌ای از، نامه‌ای به). On the web texts, such words
#: before از، به، در، برای are written ه‌ای 137 times and ‌های never (before با, 7 to 2).
HEH_AI_BEFORE = NO_EZAFE_BEFORE | {"از", "به", "در", "برای"}

#: The participle of شدن, which after a noun makes a verb (انجام شده است) or an adjective
#: (کارهای انجام‌شده), written with a ZWNJ as editors write compound adjectives ...
PARTICIPLE = "شده"
#: ... where what follows shows the adjective: an ezafe on it (اشغال شدهٔ) or a word that
#: follows a noun phrase, not a verb (تولید شده در، اقدامات انجام شده را); the verb is
#: followed by است، و or a comma, and often by به or با (که تهیه شده به هر کدام). CV on
#: the dev sets: spaced recall 0.9167 -> 0.9191, no wrong ZWNJ more; on the web texts with
#: ZWNJs typed as spaces, 113 joins before را، در، از, each read and an adjective
#: (شرایط تعیین‌شده را، مدارک ارائه‌شده از سوی), and 26 before برای، توسط, one a verb
#: (اگر از ایشان دعوت شده برای این است که).
AFTER_ADJECTIVE = frozenset(("را", "در", "از", "برای", "توسط"))

PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
#: the one bare present stem that is a verb after می/نمی: می‌توان، نمی‌توان (on the dev
#: sentences and the web texts, no other bare stem follows می; درمیدان is در میدان)
IMPERSONAL = "توان"
#: the personal endings of a verb that hardly end other words (not ی, nor past 3sg's none)
PERSON_ENDINGS = ("ند", "یم", "ید", "م", "د")
PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند")
#: The spoken language's endings (می‌کنه، می‌کنن، می‌کنین; می‌رفتن، می‌رفتین), and all the
#: endings of its own stems (خوا، تون، ش، گ: می‌خوام، می‌تونی، می‌شه، می‌گن); ``د`` only after
#: a stem of two letters or more (می‌خواد), as ر and د would make می‌رد، می‌دد.
SPOKEN_PRESENT_ENDINGS = ("ه", "ن", "ین")
SPOKEN_PAST_ENDINGS = ("ن", "ین")
SPOKEN_STEM_ENDINGS = ("م", "ی", "ه", "یم", "ین", "ن", "ید")


def silent_heh(stem: str) -> bool:
    """Does ``stem`` end in a ه that is a vowel (خانه، گفته), after which a clitic takes
    a ZWNJ? Not after alef, where ه is always the consonant h (راه، ماه، دانشگاه) and
    a clitic is glued to it (دانشگاهشان، راهی)."""
    return stem[-1] == "ه" and stem[-2:-1] != "ا"


#: Words that end in the consonant h after a letter other than alef, as their spelling
#: cannot show (the same letters end جبهه، بودجه، سایه, in the vowel): Arabic words of roots
#: in h (توجه، تنبیه، شبیه، مشابه) and Persian ones (گروه، کوه، اندوه). These also end the
#: compounds they make (کارگروه، بی‌توجه، ولی‌فقیه، باشکوه، فیروزکوه، عبدالله) ...
CONSONANT_HEH_ENDINGS = (
    "گروه", "کوه", "اندوه", "انبوه", "ستوه", "پژوه", "آگه", "فربه", "الله", "توجه", "توجیه",
    "تنبیه", "فقیه", "شبیه", "مشابه", "مواجه", "مکروه")
#: ... these only as themselves: the same letters end vowel words (کنگره، مقابله، تنگه،
#: جوجه، یکشبه، نفقه، عنبیه، شکریه)
CONSONANT_HEH_WORDS = frozenset((
    "گره", "زره", "ابله", "نگه", "سپه", "فقه", "وجه", "شبه", "سفیه", "نبیه", "کریه", "وجیه", "منزه",
    "مشتبه", "متشابه", "تنبه", "تفقه", "تشبه", "تنزه", "تأله", "تنزیه", "ترفیه", "هیچوجه"))


#: The clitics that take a ZWNJ only after a vowel ه: a plural pronoun, written or spoken,
#: is glued to the consonant h (خانه‌شان، حوصله‌شون, but گروهشان، توجهشان), and ات after it
#: is the Arabic plural (تنزیهات). Not a clitic in alef that is a word of its own after the
#: consonant as well, which a writer who types گره‌ای means.
VOWEL_HEH_ONLY = frozenset((*PRONOUNS_PLURAL, *SPOKEN_PRONOUNS, "ات"))


def heh_takes_zwnj(stem: str, clitic: str) -> bool:
    """Does ``clitic`` take a ZWNJ after the final ه of ``stem``? After a vowel ه as its
    letters show it (``silent_heh``); one of ``VOWEL_HEH_ONLY`` not after the words of
    ``CONSONANT_HEH_*`` either (خانه‌شان, but گروهشان، توجهشان)."""
    return silent_heh(stem) and (clitic not in VOWEL_HEH_ONLY or (
        stem not in CONSONANT_HEH_WORDS and not stem.endswith(CONSONANT_HEH_ENDINGS)))


def pronoun_glued(word: str) -> bool:
    """Is a pronoun مان، تان، شان glued to ``word``, as the Academy writes it and both
    treebanks always do (تیمشان، قلبمان)? Not after ه or ی (خانه‌شان، زندگی‌شان). The
    table build and the join of one typed apart both ask this."""
    return word[-1] not in "هی"


#: The future's auxiliary, typed apart before the verb's past stem (خواهد گرفت)
FUTURE_AUXILIARIES = frozenset(neg + "خواه" + e for neg in ("", "ن") for e in PRESENT_ENDINGS)


def verb_forms(past: str, present: str) -> frozenset[str]:
    """The forms of a verb, ZWNJ-free, with or without می، نمی، ب، ن (گرفت: گرفتند،
    نگرفته‌اند، می‌گیرم، بگیرید، گیرد; the future's stem after خواهد is the past 3sg)."""
    forms = {past + "ن"}
    for neg in ("", "ن"):
        forms.update(neg + past + e for e in PAST_ENDINGS)
        forms.update(neg + past + "ه" + c for c in ("", "ام", "ای", "ایم", "اید", "اند", "است"))
        forms.update(neg + "می" + past + e for e in PAST_ENDINGS)
        forms.update(neg + "می" + present + e for e in PRESENT_ENDINGS + SPOKEN_PRESENT_ENDINGS)
    for mood in ("", "ب", "ن"):
        forms.update(mood + present + e for e in PRESENT_ENDINGS + SPOKEN_PRESENT_ENDINGS)
    forms.update(("ب" + present, "ن" + present))  # the imperative: بگیر، نگیر
    return frozenset(forms)


#: هم typed apart before a word: the prefix of an adjective or adverb (هم‌زمان با، هم‌گروه
#: بود) or the particle 'also' (شما هم نظر خود را، یونایتد هم زمان زیادی گذشته). What may
#: follow the compound, besides a verb or the end of the phrase (see ``_also``):
ALSO = "هم"
AFTER_HAM_COMPOUND = frozenset(("با", "و", "یا"))
#: پیش after a span of time is 'ago' (دو هفته پیش، سال‌ها پیش), not the first part of a
#: compound of free words with the word after it (دو هفته پیش قرارداد بست, not
#: پیش‌قرارداد, 'pre-contract'). The spans, ZWNJ-free, in the plural too:
AGO = "پیش"
TIME_SPANS = frozenset(
    word + plural for word in ("روز", "هفته", "ماه", "سال", "ساعت", "دقیقه", "ثانیه", "لحظه",
                               "قرن", "دهه", "شب")
    for plural in ("", "ها")) | {"مدتی", "چندی", "دقایقی", "لحظاتی", "سالیان", "مدتها"}

#: The names of the Latin letters, as acronyms spell them out (اف‌بی‌آی، اس‌ام‌اس). Typed
#: apart, two of them that the table joins after a third are the tail of a longer acronym
#: (ام آی تی: MIT, not ام آی‌تی), and stay apart as the rest does; and one that is a
#: clitic too, before the rest of an acronym, is its head (بیماری ام اس: ام‌اس).
LETTER_NAMES = frozenset((
    "ای", "بی", "سی", "دی", "ایی", "اف", "جی", "اچ", "آی", "کی", "ال", "ام", "ان", "او",
    "پی", "کیو", "آر", "اس", "تی", "یو", "وی", "دبلیو", "ایکس", "اکس", "وای", "زد", "زی"))


#: The forms of کردن, the light verb of most compound verbs, spoken ones too (کمک کردن:
#: کمکم کرد، کمکم کن، کمکم کردین; after a word and its object, کرد is no Kurd) ...
KARDAN = verb_forms("کرد", "کن") | {"کن"} | {
    neg + mi + "کرد" + end for neg in ("", "ن") for mi in ("", "می") for end in SPOKEN_PAST_ENDINGS}
#: ... and the object pronouns glued to the noun before it (کمکم کرد، خوشحالت کرد)
OBJECT_PRONOUNS = ("م", "ت", "ش", *PRONOUNS_PLURAL, *SPOKEN_PRONOUNS)

#: Words the table writes as a compound (به‌نام, 'named') that, glued, are as often a given
#: name (بهنام): 9 of the 13 glued in the web texts, and the Academy writes 'named' apart (به
#: نام). Glued, they stay as typed, but where the words around show the compound
#: (``Context.shows_named``).
NAME_OR_COMPOUND = frozenset(("بهنام",))
#: Where they are the compound: before a quote (صنفی بهنام «…»), or a Latin word (دستگاهی
#: بهنام CD Robot), which a surname never is ...
NAMED_QUOTES = frozenset('«"“\'')
#: ... or after a noun and its indefinite ی (دستگاهی، کسی); not the ezafe's ی after a
#: vowel (آقای بهنام):
EZAFE_AFTER_VOWEL = ("ای", "وی")

#: What may open a piece before its first word: an opening quote or bracket (a word so
#: placed is still a word of its own: «ام آی تی» is the acronym, as ام آی تی)
OPENING_MARKS = '«"“‘\'([{'

#: The last parts of compounds that, before a light verb, are a part of the verb instead:
#: دست کم گرفتن (to underestimate, where دست‌کم is 'at least') and طلب داشتن، طلب کردن
#: (to be owed, to demand: بازیکنان از استقلال طلب دارند, where استقلال‌طلب is
#: 'separatist'). Each with the forms of its verbs: before them, the space stays. (Not کرد
#: alone, which is also 'Kurd': گروه‌های جدایی‌طلب کرد, in Fars News.)
LIGHT_VERB_TAILS = {
    "کم": verb_forms("گرفت", "گیر"),
    "طلب": verb_forms("داشت", "دار") | verb_forms("کرد", "کن") - {"کرد"},
}
