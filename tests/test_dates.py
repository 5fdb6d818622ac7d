"""find_dates against a hand-written set of 183 expressions (tests/data/dates.tsv).

The set covers every class of the issue: Solar Hijri dates with Persian or Latin digits,
with or without ماه, ordinal days, numeric forms, two-digit years, weekdays, Gregorian
dates with Persian month names, Hijri lunar dates, times, relative expressions (resolved
against BASE), years, month intervals, durations, ZWNJ stripped or spaced — and sentences
that hold no date at all.
"""
import csv
import datetime as dt
from itertools import product
from pathlib import Path

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from persiantools.jdatetime import JalaliDate

from paknevis.dates import find_dates, finder, vocab

BASE = dt.date(2025, 2, 1)  # شنبه ۱۳ بهمن ۱۴۰۳
CASES = list(csv.DictReader(
    (Path(__file__).parent / "data" / "dates.tsv").open(encoding="utf-8"),
    delimiter="\t", quoting=csv.QUOTE_NONE))


def found(sentence):
    return [(m.text, m.kind, m.value) for m in find_dates(sentence, base=BASE)]


def expected(case):
    return [] if case["mention"] == "-" else [(case["mention"], case["kind"], case["value"])]


def test_the_set_is_big_and_covers_non_dates():
    assert len(CASES) >= 150
    assert sum(c["mention"] == "-" for c in CASES) >= 20


def test_at_least_97_percent_right():
    wrong = [(c["sentence"], expected(c), found(c["sentence"])) for c in CASES
             if found(c["sentence"]) != expected(c)]
    accuracy = 1 - len(wrong) / len(CASES)
    assert accuracy >= 0.97, (accuracy, wrong)


def test_no_non_date_becomes_a_date():
    false = [(c["sentence"], found(c["sentence"])) for c in CASES
             if c["mention"] == "-" and found(c["sentence"])]
    assert false == []


@pytest.mark.parametrize("case", [c for c in CASES if c["written"].startswith("J:")
                                  and c["kind"] in ("date", "datetime")],
                         ids=lambda c: c["written"])
def test_solar_hijri_values_agree_in_two_libraries(case):
    # the Jalali date was written by hand; two calendar libraries must give the same value
    y, m, d = map(int, case["written"][2:12].split("-"))
    assert jdatetime.date(y, m, d).togregorian().isoformat() == case["value"][:10]
    assert JalaliDate(y, m, d).to_gregorian().isoformat() == case["value"][:10]


def test_weekday_that_does_not_match_is_flagged():
    (m,) = find_dates("یکشنبه ۸ فوریه ۲۰۲۵")
    assert m.value == "2025-02-08" and m.warning.startswith("weekday_mismatch")
    (m,) = find_dates("شنبه ۸ فوریه ۲۰۲۵")
    assert m.warning is None


def test_relative_expressions_need_the_documents_date():
    assert find_dates("دیروز") == []  # no base: no guess from the machine clock
    (m,) = find_dates("۱۳ بهمن")
    assert m.value is None and m.kind == "date"
    (m,) = find_dates("۱۳ بهمن", base="2024-05-01")
    assert m.value == "2024-02-02"  # بهمن of the base's Solar Hijri year, 1402


def test_offsets_point_into_the_text():
    text = "در طول ۴۵ سال گذشته و از ۱۳ بهمن ۱۴۰۳"
    for m in find_dates(text, base=BASE):
        assert text[m.start:m.end] == m.text


# find_dates tries each pattern only where a word of the text may start it (finder._matches);
# these hold that it finds what each pattern's own finditer finds.
def every_match(text):
    return [(kind, m.span()) for kind, pattern in finder._PATTERNS.items() for m in pattern.finditer(text)]


def tried_where_they_may_start(text):
    return [(kind, m.span()) for kind, m in finder._matches(text)]


def test_matches_as_finditer_on_the_cases():
    for case in CASES:
        assert tried_where_they_may_start(case["sentence"]) == every_match(case["sentence"])


def test_matches_as_finditer_on_news(farsnews_texts):
    for text in farsnews_texts:
        assert tried_where_they_may_start(text) == every_match(text)


# The words dates are made of (from the vocabulary, not from the finder's own list of first
# words), typed as the web types them: ZWNJ, space or nothing between parts, Arabic yeh and
# kaf, the hamza above or not.
_WORDS = sorted({*vocab.WEEKDAYS, *vocab.ORDINALS, *vocab.JALALI_MONTHS, *vocab.GREGORIAN_MONTHS,
                 *vocab.HIJRI_MONTHS, *vocab.UNITS, *vocab.TEENS, *vocab.TENS, *vocab.HUNDREDS,
                 *"امروز دیروز پریروز فردا پس‌فردا امشب دیشب امسال پارسال".split(),
                 *"روز ماه سال دهه قرن هفته ساعت دقیقه ثانیه پیش بعد گذشته آینده جاری از".split(),
                 *"صبح ظهر شب شمسی میلادی قمری هجری ه.ش. و در سی و یکم".split()})
_TYPED_AS = {"ی": "یيى", "ک": "کك", "\u200c": ["\u200c", " ", ""], " ": ["\u200c", " ", ""], "ٔ": ["ٔ", ""]}


def every_typing(word):
    return {"".join(way) for way in product(*(_TYPED_AS.get(ch, ch) for ch in word))}


def test_matches_as_finditer_after_every_word_typed_every_way():
    after = [" ۱۲ بهمن ۱۴۰۳", " 1403", " ۱۲:۳۰ صبح", "، ۱۲ بهمن", "، روز ۲۰ اسفند", " گذشته",
             " پیش", " ساعت ۱۰", " ماه ۱۴۰۳", " بهمن ۱۴۰۳", " سال", "ی", ""]
    for word in _WORDS:
        for typed in every_typing(word):
            for text in (f"از {typed}{rest}" for rest in after):
                assert tried_where_they_may_start(text) == every_match(text), text


@st.composite
def typed_word(draw):
    return "".join(draw(st.sampled_from(_TYPED_AS[ch])) if ch in _TYPED_AS else ch
                   for ch in draw(st.sampled_from(_WORDS)))


_PIECES = st.one_of(typed_word(), st.text("۰۱۲۳۴۵۶۷۸۹0123456789٠١٢", min_size=1, max_size=5))
_BETWEEN = st.sampled_from([" ", " ", " ", "\u200c", "", "\u00a0", "، ", ",", "/", "-", ".", ":", "٫",
                            "\n", "x", "_"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_PIECES, _BETWEEN).map("".join), max_size=12).map("".join))
def test_matches_as_finditer_on_date_like_text(text):
    """Those words and numbers in a row, with the signs the patterns look at between them."""
    assert tried_where_they_may_start(text) == every_match(text)


def test_the_base_may_be_a_solar_hijri_or_iso_day():
    text = "سه روز پیش"
    expected = find_dates(text, base=BASE)
    assert expected[0].value == "2025-01-29"
    for base in ("2025-02-01", "2025-02-01T10:30:00", "1403-11-13", "۱۴۰۳-۱۱-۱۳",
                 jdatetime.date(1403, 11, 13), dt.datetime(2025, 2, 1, 23, 59)):
        assert find_dates(text, base=base) == expected, base


def test_a_base_that_is_no_day_is_a_clear_error():
    for base in ("nonsense", "1403-13-01"):
        with pytest.raises(ValueError, match="YYYY-MM-DD|no such date"):
            find_dates("دیروز", base=base)
