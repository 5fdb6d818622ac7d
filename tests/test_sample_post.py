"""The specimen: the blog post a scraper saved (examples/blogger-post.txt)."""
import re

from paknevis import apply_edits, fix, fix_and_explain, undo_edits

Z = "\u200c"


def test_sample_post_is_repaired_exactly(sample_post, sample_post_fixed):
    # The expected text was checked word by word by hand; any change here is a regression.
    assert fix(sample_post) == sample_post_fixed


def test_glued_words_named_in_the_issue_come_out_right(sample_post):
    out = fix(sample_post)
    for word in ["بین‌المللی", "شکست‌های", "منطقه‌ای", "سازمان‌یافته", "می‌شود", "به‌عنوان"]:
        assert word in out, word
    for glued in ["بینالمللی", "شکستهای", "منطقهای", "سازمانیافته", "میشود", "بهعنوان"]:
        assert glued not in out, glued


def test_correct_words_are_not_rewritten(sample_post):
    out = fix(sample_post)
    for word in ["تأکید", "مؤثرتر", "سوءاستفاده", "تنها", "همواره", "دستیابی", "به رسمیت",
                 "شروع شده", "سال گذشته", "توئیتر", "سازماندهی", "هرگونه"]:
        assert sample_post.count(word) == out.count(word), word


def test_handle_hashtags_digits_and_spaces(sample_post):
    out = fix(sample_post)
    assert "@BaharIran7" in out and "BaharIran@" not in out
    tags = re.findall(r"#[\w\u200c]+", out)
    assert tags == ["#تیک_تاک_سرنگونی", "#قیام_تنها_جوابه", "#مجاهدین_خلق", "#ایران",
                    f"#کانون{Z}های", "#MaryamRajavi", "#IranRegimeChange"]
    assert "\u00a0" not in out and "  " not in out.replace("\n   ", "\n")
    assert "تظاهرات ۸ فوریه" in out
    assert out.count("\n") == sample_post.count("\n")  # line structure kept


def test_every_edit_is_explained_and_undoable(sample_post):
    out, edits = fix_and_explain(sample_post)
    assert out == fix(sample_post)
    assert apply_edits(sample_post, edits) == out
    assert undo_edits(out, edits) == sample_post
    rules = {e.rule.split("+")[0].split(".")[0] for e in edits}
    assert rules == {"digits", "spacing", "zwnj", "letters", "handles"}


def test_fix_is_idempotent_on_the_sample(sample_post):
    once = fix(sample_post)
    assert fix(once) == once
