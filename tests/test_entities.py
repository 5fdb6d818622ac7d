"""HTML character references left in scraped text are decoded, once and for all."""
from paknevis import fix, fix_and_explain

Z = "\u200c"


def test_zwnj_and_spaces_written_as_references():
    # what a scraper that copies page source leaves of Persian half-spaces and spaces
    assert fix("این کتاب&zwnj;ها را می&zwnj;خوانم") == f"این کتاب{Z}ها را می{Z}خوانم"
    assert fix("کتاب&#8204;ها و کتاب&#x200c;ها") == f"کتاب{Z}ها و کتاب{Z}ها"
    assert fix("سلام&nbsp;دنیا &quot;خوش آمدید&quot;") == "سلام دنیا «خوش آمدید»"


def test_what_a_reference_decodes_to_is_repaired_like_the_rest():
    # &#1610; is the Arabic yeh, which the letter step makes Persian
    assert fix("عل&#1610;") == "علی"
    out, edits = fix_and_explain("سلام&nbsp;دنیا")
    assert out == "سلام دنیا"
    assert [(e.old, e.new, e.rule) for e in edits] == [
        ("&nbsp;", " ", "letters.html_entity+spacing.odd_space")]
    # (explained, the steps for rare characters look at the text as decoded: the yeh and
    # the NBSP were in no input)
    out, edits = fix_and_explain("كتاب &#1610;ک")
    assert out == "کتاب یک"
    assert [(e.old, e.new, e.rule) for e in edits] == [
        ("ك", "ک", "letters.arabic_kaf"), ("&#1610;", "ی", "letters.html_entity+letters.arabic_yeh")]


def test_a_reference_escaped_again_is_decoded_in_one_pass():
    once = fix("می&amp;zwnj;شود &amp;amp; دفتر")
    assert once == f"می{Z}شود & دفتر"
    assert fix(once) == once


def test_what_is_no_character_stays():
    for text in ("R&D; و &foo; و &#0; و &#x110000; و &zwnj بی نقطه‌ویرگول", "AT&T"):
        assert fix(text) == text


def test_markup_keeps_its_references_and_their_digits():
    # text that holds a '<' is markup, where references belong; the digit step must not
    # turn &#8204; into &#۸۲۰۴;
    text = "<p>در سال 1403 کتاب&#8204;ها</p>"
    assert fix(text) == "<p>در سال ۱۴۰۳ کتاب&#8204;ها</p>"


def test_markup_is_judged_a_line_at_a_time():
    # as every step judges: a '<' in one line kept the references of the next, and of the
    # other strings of a JSON dump, repaired as the lines of one text
    text = "<p>کتاب&#8204;ها</p>\nمی&zwnj;شود"
    assert fix(text) == f"<p>کتاب&#8204;ها</p>\nمی{Z}شود"
    assert fix(text) == "\n".join(fix(line) for line in text.split("\n"))
    assert fix_and_explain(text)[0] == fix(text)


def test_references_to_markup_characters_stay():
    # decoded, text would become markup: a Markdown post's &lt;p&gt;, seen as <p>, a tag
    text = "بنویسید &lt;p&gt; یا &#60;b&#62; و &amp;lt;i&amp;gt;"
    assert fix(text) == text
    assert fix("علی &amp; رضا &quot;گفت&quot;") == "علی & رضا «گفت»"


def test_letters_off_leaves_references():
    assert fix("می&zwnj;شود", letters=False, zwnj=False) == "می&zwnj;شود"
