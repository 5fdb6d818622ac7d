"""Runs of characters from a set (runs.py): in C, the spans the regex finds."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis.repair import runs as runs_module
from paknevis.repair.edits import Edit
from paknevis.repair.pipeline import repairer
from paknevis.repair.runs import CharEdits, CharRuns, RunsTogether, ShiftApart
from paknevis.repair.step import RareCharSteps

needs_c = pytest.mark.skipif(runs_module._c_runs is None, reason="_runs.c is not built here")

SETS = ["0123456789", "۰۱۲۳۴۵۶۷۸۹", "\u064b\u064c\u0640\u200e\u00a0ي", "a", "\ud800\uffff"]
TEXT = st.text(max_size=60) | st.lists(
    st.sampled_from([*"09۰۹ abيیاب\u064b\u0640\u200e\u00a0\n.,%٫،(«", "😀", "\ud800", "\uffff"]), max_size=40,
).map("".join)


def regex_spans(chars: str, text: str) -> list[int]:
    return [n for m in re.finditer(f"[{re.escape(chars)}]+", text) for n in m.span()]


@needs_c
@settings(max_examples=2000, deadline=None)
@given(text=TEXT)
def test_the_runs_in_c_are_the_regex_spans(text):
    for chars in SETS:
        assert CharRuns(chars)(text) == regex_spans(chars, text)


@settings(max_examples=2000, deadline=None)
@given(text=TEXT)
def test_found_in_is_whether_there_is_a_run(text):
    for chars in SETS:
        assert CharRuns(chars).found_in(text) == bool(regex_spans(chars, text))
    assert CharRuns(".", after="0123456789").found_in(text) == bool(re.search(r"(?<=[0-9])\.", text))


def test_found_in_without_c(monkeypatch):
    monkeypatch.setattr(runs_module, "_c_runs", None)
    runs = CharRuns("0123456789")
    assert not runs.in_c and runs.found_in("سال 2025") and not runs.found_in("سال")


@needs_c
@settings(max_examples=2000, deadline=None)
@given(text=TEXT)
def test_the_runs_after_or_before_a_set_in_c_are_the_regex_spans(text):
    for chars, after, before in [(".,%", "۰۱۲۳۴۵۶۷۸۹", ""), ("٫%", "0123456789", ""), ("a", "09 ", ""),
                                 ("،.%", "", "ابی"), ("(«", " ", "ب"), (".", "b", "a")]:
        pattern = ((f"(?<=[{re.escape(after)}])" if after else "") + f"[{re.escape(chars)}]+"
                   + (f"(?=[{re.escape(before)}])" if before else ""))
        spans = [n for m in re.finditer(pattern, text) for n in m.span()]
        assert CharRuns(chars, after=after, before=before)(text) == spans


@needs_c
@settings(max_examples=3000, deadline=None)
@given(text=TEXT, picks=st.lists(st.integers(0, 5), min_size=1, max_size=4))
def test_runs_together_are_each_search_alone(text, picks):
    searches = [[CharRuns(".,%", after="۰۱۲۳۴۵۶۷۸۹"), CharRuns("٫%", after="0123456789"),
                 CharRuns("a", after="09 "), CharRuns("،.%", before="ابی"), CharRuns("(«", before=" "),
                 CharRuns("0123456789")][k] for k in picks]
    assert RunsTogether(*searches)(text) == tuple(search(text) for search in searches)


def test_runs_together_without_c(monkeypatch):
    monkeypatch.setattr(runs_module, "_c_runs_each", None)
    together = RunsTogether(CharRuns("0123456789"), CharRuns(".", after="0123456789"))
    assert not together.in_c and together("3.5 و 12.") == ([0, 1, 2, 3, 6, 8], [1, 2, 8, 9])


def test_without_c_the_regex_finds_them(monkeypatch):
    monkeypatch.setattr(runs_module, "_c_runs", None)
    runs = CharRuns("0123456789")
    assert not runs.in_c and runs("سال 2025 و 12") == [4, 8, 11, 13]
    assert CharRuns(".%", after="0123456789")("ب. 3.5% و ..") == [4, 5, 6, 7]


def test_a_class_body_gives_its_characters():
    assert CharRuns.of_class("0-9٠-٩")("1٢x۳") == [0, 2]
    assert CharRuns.of_class("\\u064b-\\u0652")("بَ") == [1, 2]


def test_characters_beyond_the_bmp_are_refused():
    with pytest.raises(ValueError, match="BMP"):
        CharRuns("😀")


@needs_c
def test_the_module_checks_its_bitmap():
    with pytest.raises(ValueError, match="65536 bytes"):
        runs_module._c_runs("12", b"\x00")
    with pytest.raises(ValueError, match="65536 bytes"):
        runs_module._c_any_of("12", b"\x00")


@needs_c
@settings(max_examples=1000, deadline=None)
@given(text=TEXT)
def test_the_rare_character_gate_finds_the_same_in_c(text):
    group = next(s for s in repairer().fix_steps if isinstance(s, RareCharSteps))
    assert group._found(text) == set(group._gate.findall(text))


APART_TEXT = st.lists(st.sampled_from([*"09۰٩ abسل.،\n", " 12 ", " 2025", "😀", "\u00e9"]),
                      max_size=30).map("".join)


@needs_c
@settings(max_examples=2000, deadline=None)
@given(text=APART_TEXT)
def test_shift_apart_in_c_is_the_same_in_python(text):
    shift = ShiftApart("0123456789٠٩", sides="سل", delta=0x06C0)
    in_c = shift(text)
    shift.in_c = False
    assert in_c == shift(text)


def test_shift_apart_shifts_only_a_word_between_two_words():
    shift = ShiftApart("0123456789", sides="سلبود", delta=0x06C0)
    assert shift("سال 2025 بود") == ("سال ۲۰۲۵ بود", [])
    assert shift("سال 2025، بود 1 ب") == ("سال 2025، بود ۱ ب", [4, 8])
    assert shift("x 2025 y") == ("x 2025 y", [2, 6])  # no Persian word beside it
    text = "abc 12 def"
    assert shift(text)[0] is text  # nothing shifted: the text itself


def test_shift_apart_refuses_a_delta_that_would_not_fit():
    with pytest.raises(ValueError, match="delta"):
        ShiftApart("0", sides="س", delta=0x10)


# Arabic yeh and kaf as the letter step has them, a presentation form that becomes two
# letters, and characters of one byte, two and beyond the BMP beside them
EDIT_TABLE = {"ي": ("ی", "letters.arabic_yeh"), "ك": ("ک", "letters.arabic_kaf"),
              "\ufefb": ("لا", "letters.presentation_form"), "\u00a0": (" ", "spacing.odd")}


@needs_c
@settings(max_examples=2000, deadline=None)
@given(text=st.text(alphabet=[*EDIT_TABLE, *"یک لا a\u00e9", "😀", "\ud800"], max_size=40) | TEXT)
def test_char_edits_in_c_are_the_same_in_python(text):
    edits = CharEdits(EDIT_TABLE, Edit)
    in_c = edits(text)
    edits.in_c = False
    assert in_c == edits(text)
    assert all(type(e) is Edit and e.old == text[e.start:e.end] for e in in_c)


def test_char_edits_name_each_character_in_order():
    edits = CharEdits(EDIT_TABLE, Edit)
    assert edits("علي كتاب\ufefb") == [Edit(2, 3, "ي", "ی", "letters.arabic_yeh"),
                                        Edit(4, 5, "ك", "ک", "letters.arabic_kaf"),
                                        Edit(8, 9, "\ufefb", "لا", "letters.presentation_form")]
    assert edits("کتاب") == []
    with pytest.raises(ValueError, match="BMP"):
        CharEdits({"😀": ("x", "r")}, Edit)


@needs_c
def test_char_edits_checks_what_it_is_given():
    index = CharEdits(EDIT_TABLE, Edit)._args[0]
    with pytest.raises(ValueError, match="65536 unsigned shorts"):
        runs_module._c_char_edits("ي", b"\x00", (), Edit)
    with pytest.raises(ValueError, match="names no"):  # an index past the entries
        runs_module._c_char_edits("ي", index, (), Edit)
    with pytest.raises(TypeError, match="tuple type"):
        runs_module._c_char_edits("ي", index, (("ي", "ی", "r"),), list)
