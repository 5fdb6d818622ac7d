"""A Latin , ; ? typed in Persian text is written ، ؛ ؟ (repair/punctuation.py)."""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from paknevis import apply_edits, fix, fix_and_explain
from paknevis.repair.punctuation import persian_punctuation_step

Z = "\u200c"


@pytest.mark.parametrize("text, fixed", [
    ("آیا او میآید?", f"آیا او می{Z}آید؟"),
    ("سلام, خوبی?", "سلام، خوبی؟"),
    ("اول; دوم", "اول؛ دوم"),
    ("تهران ,اصفهان", "تهران، اصفهان"),  # the space goes to the right side too
    ("چرا?!", "چرا؟!"),
    ("واقعا??", "واقعا؟؟"),
    ("«چرا»?", "«چرا»؟"),
    ("(سلام),", "(سلام)،"),
    ("سلام\u00a0, دنیا", "سلام، دنیا"),  # past an NBSP, which the spacing step makes a space
    ("علي, رضا", "علی، رضا"),
    ("چرا? #ایران", "چرا؟ #ایران"),
    ("ایران,۱۲", "ایران، ۱۲"),  # and a space after it before a number, as before a word
])
def test_a_mark_after_a_persian_word(text, fixed):
    assert fix(text) == fixed


@pytest.mark.parametrize("text", [
    "Hello, world? ok",
    "ایران, Iran",  # a Latin word follows
    "سلام, @ali",  # a handle follows
    "به http://x.ir/خبر?id=1 بروید",  # a URL's query
    "۱۴۰۳ بهمن ۱۳, شنبه",  # after a number: a date a template wrote
    "COVID-19, کرونا",
    "ماده ۱,۲",
])
def test_marks_that_are_not_persian_texts_stay(text):
    out = fix(text)
    for mark in ",;?":
        assert out.count(mark) == text.count(mark), out


def test_a_thousands_comma_is_the_number_steps():
    assert fix("مبلغ 1,000 تومان") == "مبلغ ۱٬۰۰۰ تومان"
    assert fix("مبلغ 1,000 تومان", digits="latin") == "مبلغ 1,000 تومان"


def test_each_mark_is_an_edit_of_its_own():
    out, edits = fix_and_explain("چرا?! خوب,")
    assert out == "چرا؟! خوب،"
    assert [(e.start, e.old, e.new, e.rule) for e in edits] == [
        (3, "?", "؟", "punctuation.persian"), (9, ",", "،", "punctuation.persian")]


def test_punctuation_off_keeps_the_marks():
    assert fix('سلام, خوبی? "ورزش سه"', punctuation=False) == 'سلام، خوبی? "ورزش سه"'.replace("،", ",")


_pieces = st.sampled_from(["سلام", "کتاب", "ها", "Hi", "x.ir/a", "12", "۱۲", "@", "#", "«", "»",
                           ")", "(", " ", " ", "\u00a0", Z, "\u200d", "\n", "!", "؟", "،",
                           ",", ",", "?", "?", ";", "\u064e", "ـ", "“", "”"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_pieces, max_size=14).map("".join), st.sampled_from(["persian", "latin", "keep"]))
@example("#“ گزارش“,", "persian")  # the comma after “, a » in the next pass, stayed Latin
def test_idempotent_and_explained_among_marks(text, digits):
    out, edits = fix_and_explain(text, digits=digits)
    assert apply_edits(text, edits) == out
    assert fix(out, digits=digits) == out
    assert persian_punctuation_step.apply(text) == apply_edits(text, persian_punctuation_step.edits(text))


@pytest.mark.parametrize("text, fixed", [
    ('به گزارش "ورزش سه"، او گفت', "به گزارش «ورزش سه»، او گفت"),
    ('او گفت:" ما گل زده داریم."\nبعد', "او گفت: «ما گل زده داریم.»\nبعد"),  # spacing follows
    ('"منطق و عقل"، "حماسه و عزت" و "عاطفه"', "«منطق و عقل»، «حماسه و عزت» و «عاطفه»"),
    ('او گفت ("سلام") و رفت', "او گفت («سلام») و رفت"),  # a bracket in prose
    # one quote against a word outside, where the space was left out (Varzesh3, Fars News)
    ('به گزارش"ورزش سه"، تیم ملی', "به گزارش «ورزش سه»، تیم ملی"),
    ('فیلم "گذشته"را دیدم', "فیلم «گذشته» را دیدم"),
    ('او گفت:"ما پیروز شدیم"و رفت.', "او گفت: «ما پیروز شدیم» و رفت."),
    # between a subtitle's tags, or those a scraper left in the text
    ('<i>او گفت: "نه"</i>', "<i>او گفت: «نه»</i>"),
    ('<b>"سلام"</b> دوست من', "<b>«سلام»</b> دوست من"),
])
def test_straight_quotes_around_persian_are_guillemets(text, fixed):
    assert fix(text) == fixed


@pytest.mark.parametrize("text", [
    'He said "OK" then',
    'او گفت "OK" و رفت',  # Latin inside
    'او گفت "Café" و "میØ" رفت',  # accented Latin inside (Ø» would read as mojibake)
    '"الف "ب" ج"',  # a quote in a quote: the pairs would be wrong
    'او گفت: "سلام و رفت',  # no partner on the line
    '"سلام\nخداحافظ"',
    'صفحه ۱۲" اینچ و "سلام"',  # an inch mark makes the pairs wrong
    'http://x.io/?q="ب"',
    'کد print("سلام") را اجرا کنید',  # a call in code: its quotes are the code's
    'کلید data["نام"] را بخوانید',
    'از "مهندسی موضوع "صحبت کرد',  # the quote against صحبت may as well open a quote
    'گزارش"ورزش"سه',  # both against words outside: no word's edges
    'به گزارش" ورزش سه" باشگاه',
    '<a title="سلام">"دوست"</a>',  # an attribute's quotes: the line's pairs would be wrong
])
def test_quotes_that_do_not_pair_up_around_persian_stay(text):
    assert fix(text, digits="keep").count('"') == text.count('"')


@pytest.mark.parametrize("text, fixed", [
    # from the Varzesh3 and Fars News articles: opening and closing, or two closing ones
    ("به گزارش “ورزش سه”، محمد", "به گزارش «ورزش سه»، محمد"),
    ("حوزه ایمیدرو شرکت” آلومینیوم المهدی” را", "حوزه ایمیدرو شرکت «آلومینیوم المهدی» را"),
    ("درباره شرکت”المهدی” گفت", "درباره شرکت «المهدی» گفت"),
    # a straight pair inside is judged as it is once the curly ones are guillemets
    ('او گفت “"سلام"”', "او گفت ««سلام»»"),
    # not with Latin inside
    ("“Hello” و “سلام”", "“Hello” و «سلام»"),
])
def test_curly_quotes_around_persian_are_guillemets(text, fixed):
    assert fix(text) == fixed


@pytest.mark.parametrize("text", [
    "”سلام“ و “خوب”",  # a line with both kinds, paired otherwise than “ with ”
    "او گفت “سلام و رفت",  # no partner on the line
    "Café“سلام” ",  # against a Latin word (« after Ø would be the mojibake of a letter)
    "Ø\u200c“سلام” ",  # ... also where a ZWNJ that a later step takes out stands between
])
def test_curly_quotes_that_do_not_pair_up_stay(text):
    assert "«" not in fix(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(['"', '"', "“", "”", "سلام", "ab", "12", " ", "\n", "«", "»", ":", "ها",
                                 "Ø"]), max_size=14).map("".join))
@example('x.ir/a؟“"ورزش سه"”')  # the straight pair once stayed, and took «» in a second pass
@example('" ها "BaharIran@ 7 ')  # the handle step put an @ against the closing quote
@example("12ها ها ")  # the ZWNJ step once joined the two, and number spacing set them apart
@example('12(")شود(:12سلام،"')  # the digit step made the 12 that marked a call in code Persian
def test_quotes_idempotent_and_explained(text):
    out, edits = fix_and_explain(text)
    assert apply_edits(text, edits) == out and fix(out) == out
