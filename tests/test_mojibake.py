"""Persian garbled by a wrong decoding (UTF-8 read as Windows-1252 or Latin-1) is decoded."""
import pytest

from paknevis import fix, fix_and_explain

SENTENCE = "شکست‌های اخیر رژیم در منطقه، با استقبال «بین‌المللی» روبه‌رو شد؟ ۱۴۰۳"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_garbled_sentence_comes_back(encoding):
    garbled = SENTENCE.encode("utf-8").decode(encoding, errors="replace")
    assert "Ø" in garbled and "س" not in garbled
    assert fix(garbled) == SENTENCE


def test_a_garbled_stretch_inside_good_text():
    garbled = SENTENCE.encode("utf-8").decode("cp1252")
    assert fix(f"این خبر: {garbled}\nو خط بعد") == f"این خبر: {SENTENCE}\nو خط بعد"


def test_the_decoded_text_is_repaired_like_the_rest():
    # the garbled text had lost its ZWNJs too: decoded, then restored
    garbled = "میشود کتاب ها".encode().decode("cp1252")
    out, edits = fix_and_explain(garbled)
    assert out == "می\u200cشود کتاب\u200cها"
    assert [e.rule for e in edits] == ["letters.mojibake+zwnj.word", "letters.mojibake",
                                       "zwnj.join_suffix", "letters.mojibake"]


@pytest.mark.parametrize("text", ["Øystein Ørsted در اسلو", "Â« quoted »", "Ù", "ÙØ"])
def test_latin_signs_that_decode_to_no_persian_stay(text):
    assert fix(text) == text
