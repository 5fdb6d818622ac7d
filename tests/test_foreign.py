"""Lines in Urdu, Pashto and Sorani Kurdish pass through repair untouched."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis import apply_edits, fix, fix_and_explain, undo_edits
from paknevis.repair.foreign import has_foreign_letter, persian_spans

# Real sentences, each written with the letters its language needs (ہ ھ ے، ې ږ، ە ێ ڵ),
# which Persian repair would fold, and Latin digits that it would make Persian.
URDU = "پاکستان کی حکومت نے کہا ہے کہ وہ 2025 میں مذاکرات کے لیے تیار ہے۔"
PASHTO = "د افغانستان خلک په کابل کې اوسېږي او 3 ورځې کار کوي."
KURDISH = "ئەم هەواڵە لە هەولێرەوە بڵاوکرایەوە و پێشمەرگەکان 12 کاتژمێر مانەوە."
PERSIAN = "کتاب ها را میخوانم و 8 فوریه می رسد"
PERSIAN_FIXED = "کتاب\u200cها را می\u200cخوانم و ۸ فوریه می\u200cرسد"


@pytest.mark.parametrize("line", [URDU, PASHTO, KURDISH])
def test_a_line_in_another_language_stays_as_it_is(line):
    assert fix(line) == line
    assert fix_and_explain(line) == (line, [])


def test_persian_lines_around_them_are_repaired():
    text = f"{PERSIAN}\n{URDU}\n\n{KURDISH}\n{PERSIAN}\n{PASHTO}\n"
    expected = f"{PERSIAN_FIXED}\n{URDU}\n\n{KURDISH}\n{PERSIAN_FIXED}\n{PASHTO}\n"
    assert fix(text) == expected
    out, edits = fix_and_explain(text)
    assert out == expected
    assert apply_edits(text, edits) == out and undo_edits(out, edits) == text
    assert fix(out) == out


def test_a_stray_kurdish_ae_or_urdu_heh_in_persian_is_still_folded():
    # ە and ھ alone are what Persian typed on a Kurdish or Arabic keyboard looks like
    assert fix("خانە ھمه") == "خانه همه"


def test_presentation_forms_of_those_letters_count_too():
    # ﮮ is the presentation form of Urdu ے: repair would turn it into the letter, so the
    # line is Urdu before and after, and a second pass agrees with the first
    line = "وہ کہتا ﮮ"
    assert has_foreign_letter(line)
    assert fix(line) == line


def test_spans_are_whole_lines_between_foreign_ones():
    text = "الف\nے\nب\nج\nۆ"
    assert [text[s:e] for s, e in persian_spans(text)] == ["الف", "ب\nج"]
    assert list(persian_spans("ے\n\nے")) == []


# Persian lines made of words the web breaks (glued, spaced, Arabic yeh, Latin digits)
_PERSIAN_LINES = st.lists(st.sampled_from(
    ["کتاب", "ها", "میخوانم", "می", "شود", "بینالمللی", "منطقهای", "علي", "8", "،", "\u200c",
     "  ", "BaharIran@ 7", "ھمه", "خانە"]), max_size=8).map(" ".join)
_FOREIGN_LINES = st.sampled_from([URDU, PASHTO, KURDISH, "ے", " ښ 12 ", "ﮮ\u200cها"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.booleans(), _PERSIAN_LINES, _FOREIGN_LINES), min_size=1, max_size=8))
def test_foreign_lines_come_out_as_they_went_in(rows):
    lines = [foreign if is_foreign else persian for is_foreign, persian, foreign in rows]
    text = "\n".join(lines)
    out, edits = fix_and_explain(text)
    assert out == fix(text) and fix(out) == out
    assert apply_edits(text, edits) == out and undo_edits(out, edits) == text
    for line, fixed in zip(lines, out.split("\n"), strict=True):
        if has_foreign_letter(line):
            assert fixed == line
