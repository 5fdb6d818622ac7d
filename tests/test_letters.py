import pytest

from paknevis import fix, fix_and_explain


def test_arabic_yeh_and_kaf_become_persian():
    assert fix("كتاب يك روز علي") == "کتاب یک روز علی"


@pytest.mark.parametrize("text", [
    "تهران ـ ایرنا", "فرهنگی ـ ورزشی", "نتیجه ۷۱ـ۷۰ شد", "صفحه ۹۹ ـ ۱۰۰", "الفــ قاعده",
    "۱ــ دیدگاه", "در سال ۱۳۵۷ هـ.ش", "تهران ـایرنا",
])
def test_a_kashida_not_inside_a_word_is_a_dash_and_stays(text):
    # it was taken for a stretch and deleted: تهران ـ ایرنا became تهران ایرنا
    assert fix(text) == text


@pytest.mark.parametrize("text, right", [
    # a ZWNJ beside a kashida sets it apart from the letter as a dash (Fars News): the
    # kashida stays, and so does the ZWNJ (آسیا‌ـ‌پاسیفیک became one word, آسیاپاسیفیک)
    ("آسیا\u200cـ\u200cپاسیفیک", "آسیاـ\u200cپاسیفیک"),  # (none after ا, which never joins)
    ("رویکرد هزینه\u200cـ\u200cمنفعت", "رویکرد هزینه\u200cـ\u200cمنفعت"),
    ("معاون سیاسی\u200cـ انتظامی", "معاون سیاسی\u200cـ انتظامی"),
    ("الف\u200cــ قاعده نفی سبیل", "الف\u200cــ قاعده نفی سبیل"),
    ("بازدارندگی ــ\u200c و", "بازدارندگی ــ و"),  # one with a space past it does nothing
    # and so does one after a letter that never joins: the kashida stretches the word
    ("تاز\u200cـه ترین", "تازه\u200cترین"),  # (the fuzzer found it: a second pass did this)
])
def test_a_kashida_set_apart_by_a_zwnj_is_a_dash(text, right):
    assert fix(text) == right


def test_a_zwnj_before_a_haraka_sets_no_kashida_apart():
    # the ZWNJ goes, as no letter follows it, and the kashida is a stretch: kept, it was
    # a stretch to a second pass (the fuzzer found it)
    assert fix("قهرمـ\u200cَانی", keep_diacritics=True) == "قهرمَانی"


def test_heh_variants_and_kashida():
    assert fix("ھمه") == "همه"
    assert fix("مـــیـــز") == "میز"


def test_presentation_forms_from_pdf_copy():
    # ﻻ is the lam-alef ligature, ﺑ an initial beh
    assert fix("ﻻﺑﺪ") == "لابد"


def test_hamza_forms_are_left_alone():
    text = "تأکید مؤثر سوءاستفاده مسئله رئیس توئیتر إسلام"
    assert fix(text) == text


def test_letters_in_unicodes_decomposed_form_are_made_whole():
    # NFD text (a Mac's, some editors') types آ as ا and ٓ, ئ as ي and ٔ: the yeh step made
    # مسئله مسیٔله, and the word table, which knows آ whole, did not know میآیند
    import unicodedata

    text = "آنها میآیند، مسئله رئیس تأکید مؤثر إسلام خانۀ ما"
    fixed = "آنها می\u200cآیند، مسئله رئیس تأکید مؤثر إسلام خانۀ ما"
    assert fix(unicodedata.normalize("NFD", text)) == fix(text) == fixed
    assert fix("مسی\u0654له") == "مسئله"  # (as another tool's yeh step leaves it)
    # (NFD puts a letter's harakat between it and the hamza: أَنْ is ا, َ, ٔ, ن, ْ)
    assert fix(unicodedata.normalize("NFD", "وَإِنْ أَنْ"), keep_diacritics=True) == "وَإِنْ أَنْ"
    assert fix("خانه\u0654 ما") == "خانه\u0654 ما"  # هٔ: the ezafe on ه, as written
    _, edits = fix_and_explain("مسي\u0654له")
    assert [(e.old, e.new, e.rule) for e in edits] == [
        ("ي\u0654", "ئ", "letters.arabic_yeh+letters.decomposed")]


def test_invisible_characters_inside_words():
    assert fix("می\u200bشود") == "می\u200cشود"  # a zero-width space meant as ZWNJ
    # so are LRM and RLM between two letters (Fars News: گفت‎وگو، خیابان‎ها), but after a
    # letter that never joins a ZWNJ does nothing, and goes
    assert fix("گفت\u200eوگو و خیابان\u200fها") == "گفت\u200cوگو و خیابان\u200cها"
    assert fix("ادا\u200eمه") == "ادامه"
    # the Arabic letter mark (U+061C) is an RLM for Arabic script, and is read as one
    assert fix("کتاب\u061cها و می\u061cشود") == "کتاب\u200cها و می\u200cشود"
    assert fix("کتاب\u2060خانه") == "کتابخانه"  # a word joiner only breaks the word
    assert fix("a\u200eb") == "a\u200eb"  # and Latin text keeps its bidi marks
    assert fix("\ufeffسلام") == "سلام"
    # a zero-width joiner between two letters does nothing but break the word (Fars News:
    # وي\u200dژه، بين\u200c\u200d\u200cالمللي); after a letter before a bracket it shows the
    # letter's joining form (ه\u200d)), and in emoji it makes one picture of several
    assert fix("وی\u200d\u200dژه و بین\u200c\u200d\u200cالمللی") == "ویژه و بین\u200cالمللی"
    assert fix("بند ه\u200d) و 👨\u200d👩\u200d👧") == "بند ه\u200d) و 👨\u200d👩\u200d👧"


@pytest.mark.parametrize("text, right", [
    # a soft hyphen between two letters of a word was typed as a half-space (Fars News)
    ("دولت\u00adها و پنج\u00adشنبه", "دولت\u200cها و پنج\u200cشنبه"),
    ("مي\u00adشود", "می\u200cشود"),  # before the letter table has made ي a ی
    # kept as the writer's ZWNJ: taken out, it left the word glued in a line whose writer
    # types ZWNJs as spaces, where the ZWNJ step keeps glued words as they are
    ("روش\u00adهایی که می توان", "روش\u200cهایی که می\u200cتوان"),
    # after a letter that never joins it does nothing, and anywhere else it goes
    ("روستا\u00adهای شهرستان", "روستاهای شهرستان"),
    ("باقی مانده \u00adاند.", "باقی مانده\u200cاند."),
    ("hyphen\u00adation", "hyphenation"),
    ("http://x.ir/دولت\u00adها", "http://x.ir/دولت\u00adها"),  # a URL's is left as it is
])
def test_soft_hyphen(text, right):
    assert fix(text) == right


@pytest.mark.parametrize("text, right", [
    # a bidi mark at a Persian word's edge, with another one past the space (Fars News)
    ("خراسان\u200e جنوبی", "خراسان جنوبی"),
    ("در \u200fحالی که", "در حالی که"),
    ("کتاب\u200e ها", "کتاب\u200cها"),  # and then the word joins as it should
    ("تعیین می\u200f شود", "تعیین می\u200cشود"),
    ("خراسان\u061c جنوبی", "خراسان جنوبی"),  # an Arabic letter mark as well
    # a wrong ZWNJ beside the space, which a later step takes out (hypothesis found it)
    ("می\u200c \u200fمی", "می می"),
    # beside Latin text or at a line's end it may order what is around it, and stays
    ("گروه \u200fC، به", "گروه \u200fC، به"),
    ("می‌کنند.\u200f\nوی", "می‌کنند.\u200f\nوی"),
    ("\u200eشورای مرکزی", "\u200eشورای مرکزی"),
])
def test_bidi_marks_between_persian_words_go(text, right):
    assert fix(text) == right


def test_rules_are_named():
    _, edits = fix_and_explain("علي")
    assert [(e.old, e.new, e.rule) for e in edits] == [("ي", "ی", "letters.arabic_yeh")]


def test_rare_character_steps_run_as_one_group_with_the_same_result():
    from paknevis.repair import Repairer
    from paknevis.repair.step import RareCharSteps

    r = Repairer()
    groups = [s for s in r.fix_steps if isinstance(s, RareCharSteps)]
    assert [s.name for s in groups] == [
        "composed+soft_hyphen+letters+kashida+harakat+invisible+bidi_between_words+odd_space"
        "+persian_punctuation+persian_quotes"]
    for text in ["مسي\u0654له میا\u0653یند", "علي\u00a0كتاب", "مـــی\u200fشود\u00a0و ﻻ", "کتاب خوب",
                 "بي\u064eسواد", "حتمﹰا", "حتم\u200fًا", "تهران ـ ایرنا", "بَـــی", "خراسان\u200e جنوبی",
                 "مي\u00adشود \u00adها"]:
        traced, _ = r.fix_and_explain(text)  # every step on its own, no group
        assert r.fix(text) == traced


def test_a_url_keeps_its_letters():
    # a letter changed in a URL may change where it leads; the text around it is repaired
    text = "علي در https://x.com/علي_كريمي و www.x.ir/كتاب گفت"
    assert fix(text) == "علی در https://x.com/علي_كريمي و www.x.ir/كتاب گفت"
    out, edits = fix_and_explain(text)
    assert out == fix(text) and [e.start for e in edits] == [2]


@pytest.mark.parametrize("text, fixed", [
    # markup or a quote after a URL is no part of it: the text after is repaired (as text,
    # a feed kept its first title's Arabic kaf and space, under the channel's link)
    ("<link>https://x.ir/</link><item><title>كتاب ها</title>",
     "<link>https://x.ir/</link><item><title>کتاب\u200cها</title>"),
    ('<a href="https://x.ir/كتاب">كتاب ها</a>', '<a href="https://x.ir/كتاب">کتاب\u200cها</a>'),
    ("www.x.ir/كتاب<br>علي", "www.x.ir/كتاب<br>علی"),
])
def test_a_url_ends_at_markup(text, fixed):
    assert fix(text) == fixed
