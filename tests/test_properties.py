"""The repair invariants, over random Persian-like text (hypothesis).

* idempotent: fix(fix(x)) == fix(x)
* never drops content: without ZWNJs, spaces and punctuation, input and output have the
  same letters and digits (after one alphabet and one digit set)
* explained: the edits replay the input into the output, and back
"""
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from paknevis import apply_edits, fix, fix_and_explain, undo_edits
from paknevis.repair.entities import decodable, entity_step
from paknevis.repair.harakat import HarakatStep
from paknevis.repair.letters import (
    MAKES_HARAKAT,
    arabic_yeh_kaf_step,
    composable,
    composed_step,
    letters_step,
)
from paknevis.repair.mojibake import garbled, mojibake_step
from paknevis.repair.spacing import odd_space_step

Z = "\u200c"
# Real words, glued and spaced the ways the web breaks them, so the ZWNJ rules fire.
WORDS = ["می", "نمی", "شود", "میشود", "کتاب", "ها", "های", "کتابها", "بین", "المللی",
         "بینالمللی", "منطقه", "ای", "منطقهای", "تر", "ترین", "بزرگ", "اند", "شده", "به",
         "عنوان", "بهعنوان", "تنها", "همواره", "ابزار", "رسمیت", "سازمان", "یافته", "پیش",
         "بینی", "و", "در", "را", "که", "علي", "كتاب", "ھمه", "مـــی", "تأکید", "مؤثر",
         "BaharIran@ 7", "# ایران", "www.x.com/12", "ali@x.ir", "COVID-19", "۱۴۰۳", "١٢", "8",
         # Latin words, numbers and addresses run together; a glued word beside a join
         # that leaves no ZWNJ (دیوار ها)
         "x1", "a1@b2.com", "http://x.io/1", "abc", "_", "-", ".x", "\t", "دیوار", "مهمترین",
         # a URL with letters that repair would fold elsewhere: it keeps them
         "http://x.io/علي_ك",
         # HTML character references, whole, escaped again, or made by two pieces side by side
         "&zwnj;", "&#8204;", "&amp;", "&", "zwnj;", "#1610;", "&nbsp;", "&lt;",
         # markup, where references stay (its line only: a line is repaired as alone)
         "<p>", "<",
         # mojibake (UTF-8 read as Windows-1252 or 1256), whole and in pieces, a Danish Ø,
         # and real Persian that Windows-1256 could read as pairs (عک، غلیظ…)
         "Ø³Ù„Ø§Ù…", "Ú©ØªØ§Ø¨â€ŒÙ‡Ø§", "Ùˆ", "Ø", "â€Œ", "Ørsted", "Ã˜Â³Ã™â€ž",
         "ط³ظ„ط§ظ…", "ع©طھط§ط¨â€Œظ‡ط§", "ظˆ", "طں", "آ«", "§", "ظ", "عکس", "…",
         # Windows-1256 read as Windows-1252 (ایران، و، از), and Latin-1 letters that it
         # could take for it (ä, Danish æøå)
         "ÇíÑÇä", "æ", "ÇÒ", "¿", "ä", "æøå", "Ç",
         # tanvin, where Persian writes it, in the Arabic order, and as a presentation form
         "حتماً", "حتمًا", "حتمًاً", "\u064b", "\ufe70", "\ufe76",
         # words of a vocalized passage (three in a row keep their harakat)
         "لاَ", "تَقْرَبُواْ", "مَالَ", "هایِ", "کِتابِ",
         # the kasra of an ezafe, on a word that needs a ZWNJ (kept with keep_diacritics)
         "کتابهایِ", "بینالمللیِ", "\u0650",
         # a word in ه, its ezafe typed apart, and a glued word that is read by the next
         # one (زمینهای را: زمینه‌ای)
         "زمینه", "ی", "زمینهای",
         # a participle typed apart, read as the adjective by what follows it
         "انجام", "شدهٔ", "از",
         # compounds of free words, whose plural or comparative joins first (نخست وزیر ها،
         # دهشت بار ترین), and بی before a short word's plural (بی سر ها)
         "نخست", "وزیر", "دهشت", "بار", "بی", "سر",
         # a compound's tail that makes an idiom with the verb after it (دست کم نگیرید),
         # the verb's می or future auxiliary typed apart; a footnote after a stop (بود.[۱])
         "دست", "کم", "نگیرید", "گیرند", "خواهد", "گرفت", "طلب", "دارند", "[۱]", "[الف]",
         # هم before a common word, 'also' or a compound's prefix by what follows (هم نظر
         # خود، هم زمان با), a compound whose inflection is a common word (کاراته بازی),
         # پیش after a span of time, 'ago' (دو هفته پیش قرارداد), and a pair inside a longer
         # word (میان رشته, as in میان‌رشته‌ای)
         "هم", "نظر", "زمان", "با", "خود", "کاراته", "بازی", "هفته", "پیش", "قرارداد",
         "میان", "رشته",
         # words in the consonant h, to which a plural pronoun is glued, and in the vowel
         # (گروهشان، حوصله‌شون); ات after the consonant, the Arabic plural (تنزیهات)
         "گروه", "توجه", "تنزیه", "شان", "حوصله", "شون", "ات",
         # letters in Unicode's decomposed form (NFD: آ as ا and ٓ, ئ as ي and ٔ), and the
         # hamza above on ه, the ezafe, which stays
         "میا\u0653یند", "مسي\u0654له", "رئیس", "ا\u0654", "\u0654", "\u0653", "خانه\u0654",
         "\u0649\u0654",
         # a preverb typed apart from its verb (بر می گردد: برمی‌گردد), or a noun after a
         # preposition (از در می‌آید), and باز 'open' (باز می‌کند)
         "بر", "باز", "گردد", "میگردد", "می‌آید", "کند", "ماند"]
CHARS = list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأؤئءۀةيكى") + [
    Z, Z, " ", " ", " ", "\u00a0", "\n", "\r", "ـ", "\u064e", "\u0651", "\u200b", "\u200f", "\ufeff",
    "،", ".", "؟", "!", ":", "(", ")", "«", "»", "\"", "”", "]", "#", "@", "a", "B", "7", "۵", "٣",
    "\u200d", "\u00ad", "\u061c", "ـ\u200c", "\u200cـ", "%", ",", "\u066b", "\u066a", "?", ";", "_"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(CHARS)), max_size=40).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def kept_in_order(before: str, after: str, spans) -> None:
    """Each span of ``before`` (its start and end first) is in ``after``, in order: syntax
    a repair of markup kept."""
    at = 0
    for start, end, *_ in spans:
        at = after.find(before[start:end], at)
        assert at >= 0, before[start:end]
        at += end - start

_unify = letters_step()
_harakat = HarakatStep(MAKES_HARAKAT)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)


def content(text: str, mojibake: bool = True) -> str:
    # one alphabet: mojibake (unless ``mojibake`` is False: fix asked to leave it) and
    # references decoded (also references that deleting ZWNJs and letters' junk inside them
    # makes whole, as fix does), letters unified, one digit set
    def decode(text: str) -> str:  # the character steps of fix, in its order
        text = arabic_yeh_kaf_step.apply(entity_step.apply(mojibake_step.apply(text) if mojibake else text))
        text = _harakat.apply(_unify.apply(composed_step.apply(text)))
        # the kashida is no letter: it goes where it stretches a word, and stays as a dash
        return odd_space_step.apply(text).replace(Z, "").replace("\u0640", "")

    text = decode(text)
    while decodable(text) or mojibake and garbled(text) or composable(text):  # (as fix runs again)
        text = decode(text)
    return "".join(c for c in text.translate(_DIGITS) if c.isalnum())


@SETTINGS
@given(texts)
@example("خانه ی.کتاب")  # the ezafe joined after spacing took ی. for an abbreviation
@example(" »سلام ؟")  # a text's end was read as the mark before its first space
@example("می@7می۱۴۰۳x1")  # @7 was a handle only while x1 stood in its word
@example("@ c۰نه")  # a space after the number made "@ c۰" a handle typed apart
@example("\u00a0\r\u00a0\n")  # the space before a lone CR ended its line only as "\r\n"
@example("ا..رد.م")  # the run's last dot, spaced after, was read as a link of a chain
@example("# ایران )_")  # the heading's word took the _ once spacing set ) against it
@example("# کتاب ها_نو")  # ... and once the ZWNJ step joined the word before _ to it
@example("می\ufe70\u0654")  # between ی and ٔ, what a later step takes out: ی and ٔ were ئ
@example("می\ufeff\u0654")  # only in a second fix (a haraka's form, an invisible control, a
@example("میـ\u0654")  # kashida)
def test_idempotent(text):
    once = fix(text)
    assert fix(once) == once


@SETTINGS
@given(texts)
@example('"میØ"')  # the quotes made guillemets: Ø» read as mojibake took the ػ and the quote
@example("می\u00ad\u0654")  # ی and ٔ, a soft hyphen between, composed only in a second pass
@example("میـ\u200c\u0654")  # ... or a kashida and a ZWNJ
def test_letters_and_digits_kept(text):
    assert content(fix(text)) == content(text)


@SETTINGS
@given(texts)
def test_edits_replay_and_undo(text):
    out, edits = fix_and_explain(text)
    assert out == fix(text)
    assert apply_edits(text, edits) == out
    assert undo_edits(out, edits) == text


@SETTINGS
@given(texts, st.sampled_from(["persian", "latin", "keep"]), st.booleans(), st.booleans())
@example("نمی \u064eسلام", "persian", True, True)  # a ZWNJ joined before a haraka, taken out again
def test_invariants_hold_for_every_option(text, digits, zwnj, keep_diacritics):
    options = dict(digits=digits, zwnj=zwnj, keep_diacritics=keep_diacritics)
    out, edits = fix_and_explain(text, **options)
    assert apply_edits(text, edits) == out
    assert fix(out, **options) == out


@SETTINGS
@given(texts)
def test_each_steps_fast_path_agrees_with_its_edits(text):
    # fix runs each step's apply (shortcuts in C); fix_and_explain runs its edits
    from paknevis.repair import repairer

    r = repairer()
    for step in r.steps:
        assert step.apply(text) == apply_edits(text, step.edits(text)), step.name
        text = step.apply(text)


@SETTINGS
@given(texts, st.sampled_from(["persian", "latin", "keep"]), st.booleans())
def test_grouped_steps_run_as_one_by_one(text, digits, spacing):
    # the steps for rare characters and those of numbers run in groups, behind one search
    from paknevis.repair import repairer

    r = repairer(digits=digits, spacing=spacing)
    one_by_one, grouped = text, text
    for step in r.steps:
        one_by_one = step.apply(one_by_one)
    for step in r.fix_steps:
        grouped = step.apply(grouped)
    assert grouped == one_by_one


@SETTINGS
@given(texts)
def test_line_breaks_kept(text):
    # what lets a large text be repaired a block of lines at a time (repair.blocks)
    assert fix(text).count("\n") == text.count("\n")


@SETTINGS
@given(st.lists(texts, max_size=6).map("\n".join))
def test_a_text_is_repaired_as_its_lines_are(text):
    # no step looks across a line break, the writer's habit with ZWNJ included: a file
    # of many writers' lines is repaired as each line alone, wherever blocks cut it
    *lines, last = text.split("\n")  # (a line ends at \n only: not at \r, as splitlines has it)
    assert fix(text) == "".join(fix(line + "\n") for line in lines) + fix(last)


@SETTINGS
@given(st.lists(texts, max_size=8).map("\n".join), st.integers(1, 3), st.integers(1, 7))
def test_blocks_cover_the_text_and_repair_stays_idempotent(text, lines, chunk):
    from paknevis.repair.lines import line_blocks

    blocks = list(line_blocks(text, lines=lines))
    assert "".join(blocks) == text
    assert all(b.count("\n") == lines for b in blocks[:-1]) and blocks[-1:] != [""]
    # read in chunks, as from a file or a pipe, the text is cut the same way
    assert list(line_blocks((text[i:i + chunk] for i in range(0, len(text), chunk)), lines)) == blocks
    once = "".join(map(fix, blocks))
    assert "".join(map(fix, line_blocks(once, lines=lines))) == once


# -- texts of the word table's own words ---------------------------------------------------
# Random texts of the words the ZWNJ step knows, each as the table writes it, with its ZWNJs
# deleted or typed as spaces, beside the affixes and words that join them: what makes two
# joins meet (ماشین افزار های شان, a compound's plural and a pronoun). A run of millions of
# such texts found the cases pinned in test_zwnj.py; PAKNEVIS_FUZZ_EXAMPLES=100000 runs a
# deep one.
def _table_words() -> list[str]:
    from paknevis.repair import repairer

    lex = next(s for s in repairer().steps if s.name == "zwnj").restorer.lex
    return sorted(lex.forms.values()) + sorted(g for g in lex.glued if lex.freq.get(g, 0) >= 2)


TABLE_WORDS = _table_words()
JOINERS = ["ها", "های", "ای", "ی", "ام", "اش", "اند", "تر", "ترین", "شان", "است", "می", "نمی", "بی",
           "شده", "هم", "به", "را", "برای", "از", "نیز", "و", "درنمی", "وامی", "آی", "تی", "اس", "هاشون",
           "شون", "هارو", "هام", ".", "،"]


def _typed_any_way(words) -> st.SearchStrategy[str]:
    """One of ``words``, as written, with its ZWNJs deleted, or with them typed as spaces."""
    return st.sampled_from(words).flatmap(lambda w: st.sampled_from([w, w.replace(Z, ""), w.replace(Z, " ")]))


def _word_lists_and_texts(lists, others: st.SearchStrategy[str], max_size: int):
    """One of ``lists`` of words, and a text of its words (``_typed_any_way``) and ``others``."""
    return st.sampled_from(lists).flatmap(lambda words: st.tuples(st.just(words), st.lists(
        st.one_of(_typed_any_way(words), others), min_size=1, max_size=max_size).map(" ".join)))


table_word = st.one_of(_typed_any_way(TABLE_WORDS), _typed_any_way(JOINERS))
table_texts = st.lists(table_word, min_size=1, max_size=12).map(" ".join)
DEEP = settings(max_examples=int(os.environ.get("PAKNEVIS_FUZZ_EXAMPLES", 300)), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@DEEP
@given(table_texts)
@example("ابتکاریها ماشین افزار های شان")
def test_invariants_hold_on_texts_of_the_tables_words(text):
    out, edits = fix_and_explain(text)
    assert fix(out) == out
    assert apply_edits(text, edits) == out
    assert content(out) == content(text)


@DEEP
@given(st.lists(table_word.filter(lambda w: w not in ".،"), min_size=1, max_size=8).map(" ".join),
       st.sampled_from([("«", "»"), ("(", ")"), ("[", "]"), ("«", ""), ("", "»")]))
@example("نرم افزار ها", ("«", "»"))  # the plural joined to the compound only without the quote
@example("ام آی تی", ("(", ")"))  # an acronym typed apart was one only without the bracket
def test_words_in_quotes_or_brackets_are_repaired_as_without_them(text, marks):
    opening, closing = marks
    assert fix(opening + text + closing) == opening + fix(text) + closing


# A user's words (``words=``), written as given: the same invariants, with the table's
# commonest words turned the other way (its ZWNJ words glued, its glued words split where
# a ZWNJ may stand) and the joiners' own words among them. (Each list builds its own
# Repairer, in half a second: a few lists, many texts.)
def _users_word_lists() -> list[tuple[str, ...]]:
    from paknevis.repair.chars import ZWNJ, joins_left

    zwnj_words = [w for w in TABLE_WORDS if ZWNJ in w][::400]
    glued_words = [w for w in TABLE_WORDS if ZWNJ not in w and len(w) >= 4 and joins_left(w[1])][::400]
    return [tuple(w.replace(ZWNJ, "") for w in zwnj_words[:40]),
            tuple(w[:2] + ZWNJ + w[2:] for w in glued_words[:40]),
            ("می", "ها", "بی", f"می{Z}شود", "کتابها", f"بین{Z}المللی", "نخست وزیر", "کتاب ها")]


USERS_WORD_LISTS = _users_word_lists()


@SETTINGS
@given(_word_lists_and_texts(USERS_WORD_LISTS, table_word, max_size=10))
def test_invariants_hold_with_a_users_words(words_and_text):
    words, text = words_and_text
    out, edits = fix_and_explain(text, words=words)
    assert fix(text, words=words) == out
    assert fix(out, words=words) == out
    assert apply_edits(text, edits) == out
    assert content(out) == content(text)
    # a glued word of the list is never split, nor a pair of it joined (a word beside it
    # may still join it: ها)
    for word in words:
        if Z not in word and f" {word} " in f" {text} ":
            assert word in out


def _no_mojibake(text: str) -> bool:
    return not any("\u00c0" <= c <= "\u024f" for c in text) and mojibake_step.apply(text) == text


@SETTINGS
@given(st.one_of(table_texts, texts.filter(_no_mojibake)))
@example("مسئله رئیس میآیند أَنْ")  # the yeh step made NFD مسئله مسیٔله
def test_a_text_in_unicodes_decomposed_form_is_repaired_as_composed(text):
    # (NFD as a Mac writes it; mojibake in NFD, ط³ظ„ط§ظ… with its آ cut in two, is no text
    # anyone has: it is left out)
    import unicodedata

    assert unicodedata.normalize("NFC", fix(unicodedata.normalize("NFD", text))) == (
        unicodedata.normalize("NFC", fix(text)))


#: lists of the table's own words, each as the table writes it
TABLES_OWN_WORD_LISTS = [tuple(TABLE_WORDS[i::997][:30]) for i in range(3)]


@SETTINGS
@given(_word_lists_and_texts(TABLES_OWN_WORD_LISTS, st.sampled_from(JOINERS), max_size=8))
@example((("موج‌شکن",), "موج شکن"))  # listed, the table's word was no longer joined
def test_a_users_words_as_the_table_writes_them_change_nothing(words_and_text):
    words, text = words_and_text
    assert fix(text, words=words) == fix(text)


# -- rules skipped (skip=) ---------------------------------------------------------------
def _rules_and_families() -> list[str]:
    from paknevis.repair.rules import RULES

    return sorted({*RULES, *(name.split(".")[0] for name in RULES)})


@SETTINGS
@given(st.one_of(texts, table_texts), st.lists(st.sampled_from(_rules_and_families()), min_size=1,
                                               max_size=3), st.sampled_from(["persian", "latin"]))
@example("کتاب ها و نرم افزار", ["zwnj.join_compound"], "persian")
@example("ع©طھط§ط¨â€Œظ‡ط§", ["letters.mojibake"], "persian")  # (its ھ unified: no mojibake now)
def test_invariants_hold_with_rules_skipped(text, skip, digits):
    # each rule's edits can be left out, the rest of its step kept: still idempotent,
    # explained, and keeping every letter (as letters, where mojibake is left undecoded);
    # and no edit is made by a rule skipped
    from paknevis.repair.rules import rules_of

    out, edits = fix_and_explain(text, skip=skip, digits=digits)
    assert fix(text, skip=skip, digits=digits) == out
    assert fix(out, skip=skip, digits=digits) == out
    assert apply_edits(text, edits) == out
    skipped = {rule.name for name in skip for rule in rules_of(name)}
    mojibake = "letters.mojibake" not in skipped
    assert content(out, mojibake) == content(text, mojibake)
    assert not skipped & {name for e in edits for name in e.rule.split("+")}
