"""Pages repaired as pages (repair/html_text.py): the text a reader sees as fix repairs it,
the markup byte for byte."""
import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, texts

from paknevis import apply_edits, fix, fix_html, parse
from paknevis.repair import repairer
from paknevis.repair.html_text import _MARKUP, KEPT, repair_html
from paknevis.repair.strings import apart

Z = "\u200c"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "samples" / "blogger-page.html"


def test_text_and_seen_attributes_are_repaired_the_rest_kept():
    page = ('<p class="a" title="كتاب ها"><a href="/x?q=كتاب">كتاب ها</a> <img alt=\'میشود\'></p>'
            '<script>alert("کتاب ها");</script><style>p{font:"كتاب"}</style><!-- "كتاب ها" -->'
            '<code>f("كتاب")</code><pre>كتاب  ها</pre>')
    fixed = repair_html(page, repairer())[0]
    assert fixed == (f'<p class="a" title="کتاب{Z}ها"><a href="/x?q=كتاب">کتاب{Z}ها</a> '
                     f'<img alt=\'می{Z}شود\'></p><script>alert("کتاب ها");</script>'
                     '<style>p{font:"كتاب"}</style><!-- "كتاب ها" --><code>f("كتاب")</code>'
                     '<pre>كتاب  ها</pre>')


def test_fix_html():
    assert fix_html("<p>كتاب ها</p>", digits="latin") == f"<p>کتاب{Z}ها</p>"
    with pytest.raises(TypeError):
        fix_html(b"<p></p>")


def test_the_spaces_that_part_a_text_from_its_tags_stay():
    # fix takes a text's last space away; here it parts two words
    assert repair_html("<p>كتاب <b>را</b>\n</p>", repairer())[0] == "<p>کتاب <b>را</b>\n</p>"
    assert repair_html("<p>كتاب</p> <p>را</p>", repairer())[0] == "<p>کتاب</p> <p>را</p>"


def test_a_word_across_inline_tags_is_repaired_whole():
    """A reader reads the text on across b, a, span…: the word is repaired as one, each
    letter left in its element, a ZWNJ where two meet in the first."""
    page = ('<p><b>مي</b>خوانم و <i>کتاب</i>ها، <a href="/x">بين</a>المللی</p>'
            '<p>او <b>مي</b> خواند <span class="x">سلام</span> !</p>')
    assert repair_html(page, repairer())[0] == (
        f'<p><b>می{Z}</b>خوانم و <i>کتاب{Z}</i>ها، <a href="/x">بین{Z}</a>المللی</p>'
        f'<p>او <b>می</b>{Z}خواند <span class="x">سلام</span>!</p>')
    # a space repair puts where an element ends goes after it, one where it starts before it
    assert repair_html("<p><b>سلام،</b>دنیا و سلام،<i>دنیا</i></p>", repairer())[0] == (
        "<p><b>سلام،</b> دنیا و سلام، <i>دنیا</i></p>")
    # a place where a browser may break a word is inside it
    assert repair_html("<p>بين<wbr>المللی و مي<wbr/>خوانم</p>", repairer())[0] == (
        f"<p>بین{Z}<wbr>المللی و می{Z}<wbr/>خوانم</p>")
    # a character replaced by its like stays in its element: a number's digits too (not <b>۱۴۰۳</b>)
    assert repair_html("<p>سال <b>14</b>03</p>", repairer())[0] == "<p>سال <b>۱۴</b>۰۳</p>"
    # a block's end, a line break, an image, a struck reading or a footnote's number parts the text
    kept = "<p>می</p>خوانم <br>ها <img src=x>ها <del>کتاب</del>ها کتاب<sup>۱</sup>"
    assert repair_html(kept, repairer())[0] == kept
    fixed, strings = repair_html("<p>\n  <b>مي</b>خوانم</p>", repairer(), explain=True)
    assert [(s.line, s.place, s.text) for s in strings] == [(2, "text", "ميخوانم")]
    assert apply_edits(strings[0].text, strings[0].edits) == f"می{Z}خوانم"


def test_references_are_read_and_no_markup_is_made():
    page = "<p>كتاب &lt;b&gt; &amp; &#1740;</p><p>درست &amp; است</p>"
    fixed = repair_html(page, repairer())[0]
    assert fixed == "<p>کتاب &lt;b&gt; &amp; ی</p><p>درست &amp; است</p>"  # the second as written


def test_an_attributes_own_quote_stays_a_reference():
    page = """<a title='او گفت: "كتاب"' alt="it's كتاب">x</a>"""
    fixed = repair_html(page, repairer())[0]
    assert fixed == """<a title='او گفت: «کتاب»' alt="it's کتاب">x</a>"""
    fixed = repair_html("""<a title='it"s كتاب'>x</a>""", repairer())[0]
    assert fixed == """<a title='it"s کتاب'>x</a>"""


def test_a_tag_ends_at_its_own_closing_mark():
    # a > in a quoted value is no end of the tag, whose href would else be read as text
    page = '<a title="كتاب > كتاب" href="/q?a>b=كتاب">كتاب ها</a>'
    assert repair_html(page, repairer())[0] == f'<a title="کتاب &gt; کتاب" href="/q?a>b=كتاب">کتاب{Z}ها</a>'


def test_meta_descriptions_and_unclosed_markup():
    page = ('<meta name="description" content="كتاب ها"><meta name="author" content="كتاب">'
            '<p>كتاب<!-- never closed "كتاب"')
    fixed = repair_html(page, repairer())[0]
    assert fixed == ('<meta name="description" content="کتاب‌ها"><meta name="author" content="كتاب">'
                     '<p>کتاب<!-- never closed "كتاب"')


def test_explain_gives_each_texts_line_place_and_edits():
    page = '<html>\n<head><title>كتاب ها</title></head>\n<body>\n  <img alt="میشود">\n</body>'
    fixed, strings = repair_html(page, repairer(), explain=True)
    assert [(s.line, s.place, s.text) for s in strings] == [(2, "text", "كتاب ها"), (4, "alt", "میشود")]
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)


@pytest.mark.skipif(not SAMPLE.exists(), reason="needs ../shared/data")
def test_the_sample_page():
    """Its scripts and styles stay, its text is repaired, and it parses into the same record."""
    page = SAMPLE.read_text(encoding="utf-8")
    fixed = repair_html(page, repairer())[0]
    kept = re.compile(r"<(script|style)\b.*?</\1>", re.S)
    assert kept.findall(fixed) == kept.findall(page)
    assert f"بین{Z}المللی" in fixed and "بینالمللی" not in fixed
    before, after = parse(page), parse(fixed)
    assert (after.text, after.title, after.published, after.hashtags) == (
        before.text, before.title, before.published, before.hashtags)
    assert repair_html(fixed, repairer())[0] == fixed


def _runs(page: str) -> list[list[str]]:
    """The texts between the markup of ``page``, empty ones too, in the runs a reader reads
    as one: across b and a tags (of those ``pages`` are made of)."""
    runs: list[list[str]] = [[]]
    done = 0
    for m in [*_MARKUP.finditer(page), None]:
        runs[-1].append(page[done:m.start() if m else len(page)])
        if m and not re.fullmatch(r"</?(b|a)\b[^>]*>", m.group()):
            runs.append([])
        done = m.end() if m else done
    return runs


tags = st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<br/>", '<a href="x">', "</a>", "<!-- c -->",
                        *(f"<{t}>x</{t}>" for t in KEPT), '<img alt="">', "<title>", "</title>"])
# a tag whose title a reader sees, and whose href no one reads
titled = st.builds(lambda t, u: f'<a title="{html.escape(t)}" href="{html.escape(u)}">', texts, texts)
pages = st.lists(st.one_of(texts, tags, titled), max_size=12).map("".join)
_TITLE = re.compile(r' title="[^"]*"')


@SETTINGS
@given(pages)
def test_pages_keep_their_markup(page):
    """The markup comes out as it went in (but the titles, which are repaired), each text a
    reader sees (across b and a tags) as fix makes it, its edges' spaces kept, and as it
    was written where fix leaves it; idempotent; the same explained or not; and the edits
    explained replay each text."""
    fixed, strings = repair_html(page, repairer(), explain=True)
    def markup(page: str) -> list[str]:  # (the titles left out: they are repaired)
        return [_TITLE.sub("", m.group()) for m in _MARKUP.finditer(page)]

    assert markup(fixed) == markup(page)
    for before, after in zip(_runs(page), _runs(fixed), strict=True):
        lead, text, trail = apart(html.unescape("".join(before)))
        if fix(text) == text:
            assert after == before
        else:
            assert html.unescape("".join(after)) == lead + fix(text) + trail
    assert repair_html(fixed, repairer())[0] == fixed
    assert repair_html(page, repairer())[0] == fixed  # (explained or not, the same)
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)
