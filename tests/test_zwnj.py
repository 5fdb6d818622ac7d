"""ZWNJ restoration on real Persian, both ways it gets lost (deleted, or typed as a space)."""
import pytest

from paknevis import fix, fix_and_explain
from paknevis.repair import Lexicon
from paknevis.repair.zwnj import ZwnjRestorer

Z = "\u200c"


@pytest.mark.parametrize("glued, right", [
    ("بینالمللی", f"بین{Z}المللی"),
    ("شکستهای اخیر", f"شکست{Z}های اخیر"),
    ("منطقهای", f"منطقه{Z}ای"),
    ("سازمانیافته", f"سازمان{Z}یافته"),
    ("میشود", f"می{Z}شود"),
    ("نمیدهد", f"نمی{Z}دهد"),
    ("بهعنوان", f"به{Z}عنوان"),
    ("برجستهترین", f"برجسته{Z}ترین"),
    ("شدهاند", f"شده{Z}اند"),
    ("سیاستهایش", f"سیاست{Z}هایش"),
    ("برمیگردد", f"برمی{Z}گردد"),
])
def test_deleted_zwnj_is_put_back(glued, right):
    assert fix(glued) == right


@pytest.mark.parametrize("spaced, right", [
    ("می شود", f"می{Z}شود"),
    ("کتاب ها", f"کتاب{Z}ها"),
    ("بزرگ ترین", f"بزرگ{Z}ترین"),
    ("گفته اند", f"گفته{Z}اند"),
    ("بین المللی", f"بین{Z}المللی"),
    ("پیش بینی ها", f"پیش{Z}بینی{Z}ها"),
    ("ابزار ها", "ابزارها"),  # after a letter that never joins, the suffix is glued
])
def test_zwnj_typed_as_space_is_put_back(spaced, right):
    assert fix(spaced) == right


@pytest.mark.parametrize("text", [
    "به رسمیت شناختن", "شروع شده است", "سال گذشته", "تنها راه", "همواره", "دستیابی",
    "بیشتر", "آنکه", "خشک و تر", "این کتاب را که", "درس خوانده",
])
def test_words_that_must_stay_as_written(text):
    assert fix(text) == text


@pytest.mark.parametrize("wrong, right", [
    (f"دانشگاه{Z}{Z}ها", f"دانشگاه{Z}ها"),  # doubled
    (f"کتاب{Z} ها", f"کتاب{Z}ها"),  # at a word edge: removed, then the space is a lost ZWNJ
    (f"{Z}سلام{Z}", "سلام"),  # at word edges
    (f"ابزار{Z}ها", "ابزارها"),  # after ر, which never joins
])
def test_wrong_zwnj_removed(wrong, right):
    assert fix(wrong) == right


def test_a_writers_zwnj_is_never_moved():
    # the table writes هم‌چنین glued (همچنین) but the writer's ZWNJ is kept
    assert fix(f"هم{Z}چنین") == f"هم{Z}چنین"


def test_unknown_word_by_morphology():
    lex = Lexicon.from_lines(["G\tکانون\t3", "P\tخوان", "T\tخواند"])
    r = ZwnjRestorer(lex)
    assert r.preferred("کانونهای") == (f"کانون{Z}های", "zwnj.suffix")
    assert r.preferred("میخوانند") == (f"می{Z}خوانند", "zwnj.prefix_mi")
    assert r.preferred("کانونی") == ("کانونی", "")


def test_apart_pairs_from_data_block_rule_joins():
    lex = Lexicon.from_lines(["G\tخشک\t3", "A\tخشک تر"])
    assert ZwnjRestorer(lex).join("خشک", "تر") is None


def test_edits_name_the_rule():
    _, edits = fix_and_explain("کتاب ها را میخوانم")
    assert [(e.old, e.new, e.rule) for e in edits] == [
        (" ", Z, "zwnj.join_suffix"), ("میخوانم", f"می{Z}خوانم", "zwnj.word")]
