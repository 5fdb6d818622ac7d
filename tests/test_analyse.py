"""Language and quality signals."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import parse
from paknevis.analyse import detect_language, quality_signals


@pytest.mark.parametrize("lang, text", [
    ("fa", "این کتاب را دیروز خریدم و برای دوستم فرستادم که خیلی خوشحال شد."),
    ("fa", "ارائه خدمات بر خط بانكي در دفاتر روستايي امكان پذير مي شود و اين دفاتر فعال است."),
    ("fa", "شکستهای اخیر رژیم ایران در منطقه، با استقبال بینالمللی و داخلی روبهرو شده است."),
    # a Persian word that is an Urdu function word (کی), and a headline with only در
    ("fa", "تظاهرات جوانان فلسطینی علیه بان کی‌مون در رام الله"),
    ("fa", "تاسیسات دریایی ایران در بندر خرمشهر"),
    # Persian headlines with Arabic's function word من (Persian's "I")
    ("fa", "من کریستیانو بهترین گلزن تاریخ هستم (عکس)"),
    ("fa", "زیدان: خوشبختانه من فردا بازی نمی کنم"),
    ("ar", "ذهب الرجل إلى المدينة في الصباح الباكر مع أصدقائه لشراء الخبز."),
    ("ar", "كان الرجل في البيت مع أصدقائه من الصباح"),  # without ة ى إ
    ("ur", "یہ کتاب میں نے کل خریدی تھی اور اپنے دوست کو بھیج دی ہے۔"),
    ("ps", "دا کتاب ما پرون واخیست او خپل ملګري ته مې ولیږه چې ډېر خوشحاله شو."),
    ("ckb", "ئەم کتێبە دوێنێ کڕیم و بۆ هاوڕێکەم نارد کە زۆر دڵخۆش بوو."),
    ("en", "I bought this book yesterday and sent it to my friend who was very happy."),
    ("und", "۱۲۳ ۴۵۶"),
])
def test_language(lang, text):
    assert detect_language(text) == lang


def test_quality_signals():
    q = quality_signals("متن اول\nمتن اول\nپیوند این بلاگ با توئیتر @x\nABC")
    assert q["repeated_line_share"] == 0.25
    assert q["boilerplate_line_share"] == 0.25
    assert 0.7 < q["persian_letter_share"] < 0.9
    assert q["lines"] == 4


def test_record_carries_language_and_quality():
    doc = parse("عنوان\n\nاین متن فارسی است که برای آزمایش نوشته شده و چند کلمه دارد.")
    assert doc.lang == "fa"
    assert doc.quality["persian_letter_share"] == 1.0 and doc.quality["words"] > 5


def test_digits_are_not_letters():
    q = quality_signals("خبر ۰: کتاب‌ها ۱۲۳۴۵۶")
    assert q["persian_letter_share"] == 1.0


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=[*"کتاب‌ها ۱۲ ab_9٫\n.ـ", "\u064e", "\u00b2", "😀"], max_size=50)
       | st.text(max_size=50))
def test_the_letters_counted_from_the_words_are_those_of_the_text(text):
    # quality_signals counts the letters inside its words: the same as finding them in the text
    letters = sum(map(len, re.findall(r"[^\W\d_]+", text)))
    persian = sum(map(len, re.findall("[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC]+", text)))
    q = quality_signals(text)
    assert q["persian_letter_share"] == (round(persian / letters, 3) if letters else 0.0)
