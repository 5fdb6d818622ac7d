import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import fix
from paknevis.repair import digits as digits_module
from paknevis.repair.runs import CharRuns
from paknevis.repair.step import RegexStep


def test_arabic_indic_become_persian():
    assert fix("سال ١٤٠٣") == "سال ۱۴۰۳"


def test_latin_digits_in_persian_runs():
    assert fix("تظاهرات 8 فوریه 2025") == "تظاهرات ۸ فوریه ۲۰۲۵"


@pytest.mark.parametrize("text", [
    "https://example.com/news/12345",
    "به www.farsnews.ir/news/13940101 بروید",
    "نشانی ali99@example.com است",
    "کاربر @BaharIran7 نوشت",
    "کاربر @7 نوشت",  # a handle of digits alone
    "ویروس COVID-19 در",
    "the year 2025 in English",
    "آدرس سرور 192.168.1.1 و (10.0.0.254) است",  # an IP address, copied as it stands
])
def test_numbers_in_urls_emails_handles_latin_left_alone(text):
    assert fix(text, zwnj=False) == text


def test_only_a_whole_ip_address_keeps_latin_digits():
    # parts past 255, or more than four: a version or a chain of numbers, as Persian writes them
    assert fix("عدد 300.168.1.1 و 1.2.3.4.5 است") == "عدد ۳۰۰.۱۶۸.۱.۱ و ۱.۲.۳.۴.۵ است"
    assert fix("سرور ۱۹۲.۱۶۸.۱.۱ است") == "سرور ۱۹۲.۱۶۸.۱.۱ است"  # typed in Persian digits: as typed


def test_policies():
    assert fix("سال ۱۴۰۳ و 1404", digits="latin") == "سال 1403 و 1404"
    assert fix("سال ۱۴۰۳ و 1404", digits="keep") == "سال ۱۴۰۳ و 1404"
    with pytest.raises(ValueError, match="digits must be one of"):
        fix("۱", digits="roman")


@pytest.mark.parametrize("raw, persian, latin", [
    # a number's marks follow its digits (Fars News: 1.2 میلیون، 55.2% از کاربران)
    ("رشد 1.2 درصد و 55.2% از کاربران", "رشد ۱٫۲ درصد و ۵۵٫۲٪ از کاربران", "رشد 1.2 درصد و 55.2% از کاربران"),
    ("قیمت ۱۲,۵۰۰.۷۵ ریال", "قیمت ۱۲٬۵۰۰٫۷۵ ریال", "قیمت 12,500.75 ریال"),
    ("قیمت ۱۲٬۵۰۰ و ۳٫۵ و ۲۰٪", "قیمت ۱۲٬۵۰۰ و ۳٫۵ و ۲۰٪", "قیمت 12,500 و 3.5 و 20%"),
    # no plain number: a date, a version, commas that part no thousands, a time; a URL
    ("تاریخ 1403.11.13 و نسخه 3.10.2", "تاریخ ۱۴۰۳.۱۱.۱۳ و نسخه ۳.۱۰.۲", "تاریخ 1403.11.13 و نسخه 3.10.2"),
    ("اعداد ۵,۶,۷ و ۱۲,۵", "اعداد ۵,۶,۷ و ۱۲,۵", "اعداد 5,6,7 و 12,5"),
    ("ساعت 14.30 و www.x.ir/3.5 است", "ساعت ۱۴.۳۰ و www.x.ir/3.5 است", "ساعت 14.30 و www.x.ir/3.5 است"),
    # a dot before three digits: a decimal or the thousands, as prices are often written
    # (۱۲۰.۰۰۰ تومان is 120,000): it stays a dot, which ٫ would make 120; not after 0
    ("قیمت 120.000 تومان و ۱.۱۱۶ میلیون و 0.125", "قیمت ۱۲۰.۰۰۰ تومان و ۱.۱۱۶ میلیون و ۰٫۱۲۵",
     "قیمت 120.000 تومان و 1.116 میلیون و 0.125"),
])
def test_a_numbers_marks_follow_its_digits(raw, persian, latin):
    assert fix(raw) == persian
    assert fix(raw, digits="latin") == latin
    assert fix(raw, digits="keep") == raw


def test_a_url_glued_to_a_number_stays_a_url():
    # found by hypothesis: once ۵ became 5, "5www.x.com" read as a Latin word hid the URL
    once = fix("۵www.x.com/12۵", digits="latin", zwnj=False)
    assert once.endswith("/12۵") and fix(once, digits="latin", zwnj=False) == once


def test_a_long_word_full_of_numbers_is_scanned_once(monkeypatch):
    # A line of "x1x1x1..." with no space once took minutes: each of its numbers scanned
    # the whole word again, with patterns that tried every position of it.
    from paknevis.repair import protect

    scans = []
    real = protect.protected_spans
    monkeypatch.setattr(protect, "protected_spans", lambda word: scans.append(word) or real(word))
    text = "x1" * 5000
    assert fix(text, zwnj=False) == text  # one Latin word: its digits stay
    assert len(scans) == 1


def test_word_by_word_protection_in_one_text():
    # the cached word must not leak into the next one: a Latin word, then Persian runs
    assert fix("abc1 و 2 و ali9@x.io و 3", zwnj=False) == "abc1 و ۲ و ali9@x.io و ۳"


@pytest.mark.parametrize("digits", ["persian", "latin", "keep"])
def test_a_keycap_emoji_keeps_its_digit(digits):
    # 1️⃣ is 1, U+FE0F, U+20E3: with a Persian digit it is no emoji any more
    text = "گزینه 1️⃣ و 2\u20e3 یا ۳️⃣ در ٤️⃣ و سال 2025"
    out = fix(text, digits=digits)
    assert "1\ufe0f\u20e3" in out and "2\u20e3" in out and "۳\ufe0f\u20e3" in out
    assert "٤\ufe0f\u20e3" in out
    assert fix(out, digits=digits) == out


# The step's output is the same with the runs of digits found in C (runs.py) and with the
# regex. CI builds the C part; where it is not built, the regex is used.
needs_c_runs = pytest.mark.skipif(not CharRuns("0").in_c, reason="_runs.c is not built here")

DIGITY_TEXT = st.lists(st.sampled_from([*"0189۰۵۹٠٥٩ ab.@/:-\n،سال", "\ufe0f\u20e3", "www.x.ir/", "😀"]),
                       max_size=40).map("".join)


@needs_c_runs
@pytest.mark.parametrize("policy", digits_module.DIGIT_POLICIES)
@settings(max_examples=1000, deadline=None)
@given(text=DIGITY_TEXT)
def test_the_step_gives_the_same_with_the_c_runs_and_the_regex(policy, text):
    step = digits_module.digits_step(policy)
    assert step.apply(text) == RegexStep.apply(step, text)


@needs_c_runs
def test_the_step_gives_the_same_on_news_with_the_c_runs_and_the_regex(farsnews_texts):
    step = digits_module.digits_step("persian")
    changed = 0
    for text in farsnews_texts:
        out = step.apply(text)
        assert out == RegexStep.apply(step, text)
        changed += out != text
    assert changed > 100  # the articles have Latin digits to change


NUMBERY_TEXT = st.lists(st.sampled_from(["1", "۲", "٣", "12", "۱۲۳", ".", ",", "%", "٫", "٬", "٪", "..",
                                         "ساعت", "سال", " ", "x", "www.x.ir/", "\n"]),
                        max_size=20).map("".join)


@pytest.mark.parametrize("policy", digits_module.DIGIT_POLICIES)
@settings(max_examples=500, deadline=None)
@given(text=NUMBERY_TEXT)
def test_numbers_and_their_marks_are_repaired_once(policy, text):
    once = fix(text, digits=policy)
    assert fix(once, digits=policy) == once
