"""The ZWNJ step's scan in C (``_scan.c``) makes the same decisions as the one in Python.

CI builds the C scan (setup.py), so these tests run there; where no compiler built it,
paknevis uses the Python scan and there is nothing to compare.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis.repair.pipeline import shipped_lexicon
from paknevis.repair.zwnj import ZwnjRestorer
from paknevis.repair.zwnj.restorer import _c_scan

pytestmark = pytest.mark.skipif(_c_scan is None, reason="the C scan is not built here")


@pytest.fixture(scope="module")
def restorer():
    return ZwnjRestorer(shipped_lexicon())


def test_the_restorer_scans_in_c(restorer):
    assert restorer._scan != restorer._scan_py


# Words the table knows quiet (دولت), pair lefts and rights (بین المللی، سال گذشته), rule
# sides (می، ها), an ezafe (خانهٔ), names, punctuation (before and after a pair's left side,
# which decides whether it may join), digits, Latin, a URL, words longer than the scan's
# buffer (64 characters) or as long, emoji, and شده before words that show an adjective
# (را، در) or that it joins (اند) or neither.
PIECES = ["دولت", "بین", "المللی", "المللیِ", "بین\u200cالمللی", "سال", "گذشته", "می", "شود",
          "کتاب", "ها", "های", "خانهٔ", "خانۀ", "نامهٔ", "«ایران»،", "(به", "این", "ترتیب)",
          "بهمن", "۱۴۰۳", "2025", "AI", "www.x.com/بین_المللی", "\u200c", "\u200cها", "ا" * 70,
          "بین" + "ب" * 70, "😀", "پیش", "بینی", "نخست", "وزیر", "رئیس", "جمهور", "", ".", "(بین",
          "«سال", "بین،", "سال»،", "x/بین", "www.x.com/سال", "&بین", "۲سال", "(نخست", "((می",
          "ا" * 64, "ب" * 63 + "😀", "دولت😀", "شده", "شدهٔ", "شده،", "را", "در", "اند", "انجام"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "\n", "  ", " \n"])),
                max_size=12))
def test_same_visits_as_python(restorer, parts):
    text = "".join(piece + sep for piece, sep in parts)
    for t in (text, text.rstrip()):
        assert restorer._scan(t) == restorer._scan_py(t)


def test_same_visits_where_a_left_side_is_followed_by_a_right_sides_first_letters(restorer):
    # The C scan looks up the first two letters of the word after a pair's left side before
    # the whole word: a right side of two letters, three, or more, a ZWNJ among its first
    # letters, an ezafe on its ه, and words that share its first two letters only
    lex = restorer.lex
    pairs = sorted((left, right) for left, rights in lex.quiet_lefts.items() for right in rights)
    short = [pair for pair in pairs if len(pair[1]) == 2][:20]
    longer = [pair for pair in pairs if len(pair[1]) >= 3][::200]
    assert short and longer
    for left, right in short + longer:
        written = lex.written(right)
        for next_word in (right, written, right[:2], right[:2] + "‌" + right[2:], right[:3] + "ابت",
                          written + "ٔ", right + "ها"):
            text = f"{left} {next_word} و"
            assert restorer._scan(text) == restorer._scan_py(text), text


def test_same_visits_and_edits_on_news(restorer, farsnews_texts):
    in_python = ZwnjRestorer(restorer.lex, c_scan=False)
    assert in_python._scan == in_python._scan_py
    for doc in farsnews_texts:
        for text in (doc, doc.replace("\u200c", ""), doc.replace("\u200c", " ")):
            assert restorer._scan(text) == restorer._scan_py(text)
            assert restorer.text_edits(text) == in_python.text_edits(text)


def test_word_table():
    table = _c_scan.WordTable({"دولت": 0, "بین": 3, "بین المللی": -1}, "دولتبینالمی")
    assert (table.get("دولت"), table.get("بین"), table.get("بین المللی")) == (0, 3, -1)
    assert table.get("دول") is None and table.get("") is None and table.get("😀") is None
    with pytest.raises(ValueError):
        _c_scan.WordTable({"😀": 0}, "")
    with pytest.raises(TypeError):
        _c_scan.WordTable({"دولت": "0"}, "")
