"""The edits shown for review (repair.diff): each changed line, its changes in whole words."""
from hypothesis import given
from test_properties import SETTINGS, texts

from paknevis import fix, fix_and_explain
from paknevis.repair.diff import COLOR, visible, word_diff

Z = "\u200c"


def shown(text, markers=None):
    edits = fix_and_explain(text)[1]
    return list(word_diff(text, edits) if markers is None else word_diff(text, edits, markers))


def test_each_changed_line_with_its_number_and_whole_words():
    text = "این کتابها را\nدرست است.\nمی خوانم و  كتاب ها ،"
    assert shown(text) == [
        (1, f"این [-کتابها-]{{+کتاب{Z}ها+}} را"),
        (3, f"[-می خوانم-]{{+می{Z}خوانم+}} [-و  كتاب ها -]{{+و کتاب{Z}ها+}}،")]
    assert shown("درست است.\n") == []


def test_invisible_characters_are_named_and_a_zwnj_where_it_shows_nothing():
    # an NBSP made a space and an RLM typed for a ZWNJ: nothing would show them
    assert shown("سلام\u00a0دنیا و کتاب\u200fها") == [
        (1, f"[-سلام<U+00A0>دنیا-]{{+سلام دنیا+}} و [-کتاب<U+200F>ها-]{{+کتاب{Z}ها+}}")]
    # a ZWNJ shows only between two letters it parts: doubled, at a word's edge, after a
    # letter that never joins, it is named (or the two sides would look the same)
    assert shown(f"می{Z}{Z}شود") == [(1, f"[-می<U+200C><U+200C>شود-]{{+می{Z}شود+}}")]
    assert shown(f"گفت: {Z}آمریکا و دیوار{Z}ها") == [
        (1, "گفت: [-<U+200C>آمریکا-]{+آمریکا+} و [-دیوار<U+200C>ها-]{+دیوارها+}")]
    # (harakat on the letter before do not hide that it joins)
    assert visible(f"کتابِ{Z}ها") == f"کتابِ{Z}ها"


def test_coloured_as_git_colours_a_word_diff():
    assert shown("میشود", COLOR) == [(1, f"\x1b[31m[-میشود-]\x1b[m\x1b[32m{{+می{Z}شود+}}\x1b[m")]


MARKS = ("\x01", "\x02", "\x03", "\x04")  # markers no random text holds


def _sides(line: str) -> tuple[str, str]:
    """The line as it was and as it is, from a line shown with ``MARKS``."""
    old, new, pos = [], [], 0
    while (a := line.find(MARKS[0], pos)) >= 0:
        b, c, d = (line.index(m, a) for m in MARKS[1:])
        old += (line[pos:a], line[a + 1:b])
        new += (line[pos:a], line[c + 1:d])
        pos = d + 1
    return "".join(old + [line[pos:]]), "".join(new + [line[pos:]])


@SETTINGS
@given(texts)
def test_the_lines_shown_are_those_changed_and_read_back_both_ways(text):
    fixed, edits = fix_and_explain(text)
    before, after = text.split("\n"), fixed.split("\n")
    rows = list(word_diff(text, edits, MARKS))
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert [n for n, _ in rows] == changed
    for n, line in rows:
        old, new = _sides(line)
        assert visible(old) == visible(before[n - 1]) and visible(new) == visible(after[n - 1])
    assert fix(text) == fixed
