from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import fix
from paknevis.repair.handles import glued_tag_step, handle_step, hashtag_step
from paknevis.repair.step import RegexStep


def test_bidi_mangled_handle():
    assert fix("توئیتر BaharIran@ 7") == "توئیتر @BaharIran7"
    assert fix("از IranNews@ دیدن کنید") == "از @IranNews دیدن کنید"


def test_handle_with_digits_of_any_script_is_one_handle():
    # found by hypothesis: the digit step made "a۱۴۰۳…" Latin, and a second pass then
    # took the whole word for a handle
    for digits in ("latin", "persian", "keep"):
        once = fix("a۱۴۰۳BaharIran@ 7", digits=digits)
        assert once.startswith("@a") and once.endswith("BaharIran7")
        assert fix(once, digits=digits) == once


def test_a_handle_that_lost_its_word_to_a_space():
    assert fix("سلام @ BaharIran7 و 🍏@ IranNews.") == "سلام @BaharIran7 و 🍏@IranNews."
    for text in ["I am @ home", "ali @ x.ir", "۷ @ x", "سلام @ a.b"]:
        assert fix(text, digits="keep") == text


def test_spaced_hashtags():
    assert fix("🍏# مجاهدین_خلق") == "🍏#مجاهدین_خلق"
    assert fix("متن # ایران") == "متن #ایران"
    assert fix("🌳# MaryamRajavi") == "🌳#MaryamRajavi"
    # at a line's start too, where a word joined with _ shows a hashtag, not a heading
    assert fix("# مجاهدین_خلق\n# قیام_تنها_جوابه ایران") == "#مجاهدین_خلق\n#قیام_تنها_جوابه ایران"


def test_not_hashtags_stay():
    for text in ["# عنوان مارک‌داون", "C# و F#", "شماره # ۵", "ali@example.com", "این # را ببین",
                 "علامت # و @"]:
        assert fix(text) == text


def test_an_address_with_a_stray_space_is_no_handle():
    # "ali@ x.ir" once became "@ali x.ir"; a handle with its digits still mends before a URL
    assert fix("ایمیل ali@ x.ir است", zwnj=False) == "ایمیل ali@ x.ir است"
    assert fix("توئیتر BaharIran@ 7 www.x.ir", zwnj=False) == "توئیتر @BaharIran7 www.x.ir"


def test_a_handle_or_hashtag_typed_against_a_persian_word_is_set_apart():
    assert fix("سلام@BaharIran7 چطوری؟") == "سلام @BaharIran7 چطوری؟"
    assert fix("ایران#آزادی و #ایران#مردم") == "ایران #آزادی و #ایران #مردم"
    # but not a domain after the @, nor a URL's fragment
    for text in ["علی@example.com", "https://fa.wikipedia.org/wiki/ایران#تاریخ"]:
        assert fix(text) == text


def test_a_mended_handle_before_a_mark_is_spaced_as_a_second_pass_would_space_it():
    # the handle step runs before the spaces around marks: "Hi12@ »" once became
    # "@Hi12 »" and a second pass "@Hi12»" (hypothesis found it)
    assert fix("«سلام Hi12@ »") == "«سلام @Hi12»"
    for text in ("Hi12@ »", "سلام Hi@ ، و", "(BaharIran@ 7 )"):
        once = fix(text)
        assert fix(once) == once


_SIGNS_AND_WORDS = st.lists(st.sampled_from(
    ["@", "#", " ", "\n", "\u00a0", ".", "_", "a", "Bz", "7", "۷", "ب", "سلام", "ali", "x.ir",
     "BaharIran", "مجاهدین_خلق", "را", "&", "🍏"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SIGNS_AND_WORDS)
def test_the_steps_find_what_a_scan_of_every_position_finds(text):
    # the three steps try their patterns only where a match may start (RegexStep.starts)
    for step in (handle_step, hashtag_step, glued_tag_step):
        everywhere = RegexStep(step.name, step._pattern, step._replace, step._rule)
        assert step.edits(text) == everywhere.edits(text), step.name
        assert step.apply(text) == everywhere.apply(text), step.name
