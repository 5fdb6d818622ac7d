"""find_dates against a hand-written set of 183 expressions (tests/data/dates.tsv).

The set covers every class of the issue: Solar Hijri dates with Persian or Latin digits,
with or without ماه, ordinal days, numeric forms, two-digit years, weekdays, Gregorian
dates with Persian month names, Hijri lunar dates, times, relative expressions (resolved
against BASE), years, month intervals, durations, ZWNJ stripped or spaced — and sentences
that hold no date at all.
"""
import csv
import datetime as dt
from pathlib import Path

import jdatetime
import pytest
from persiantools.jdatetime import JalaliDate

from paknevis.dates import find_dates

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
