"""Markdown repaired as Markdown (repair/markdown_text.py): the prose as fix repairs it,
code and syntax byte for byte."""
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_properties import SETTINGS, kept_in_order, texts

from paknevis import apply_edits, fix, fix_markdown
from paknevis.repair import repairer
from paknevis.repair.markdown_text import front_values, kept_spans, repair_markdown

Z = "\u200c"

BREAK = "  "  # two spaces that end a line break it

POST = f"""---
title: "كتاب ها"
tags: [ايران, كتاب]
---

# كتاب ها

1. مورد اول , دوم
2. متن با `code("كتاب ها");` و [پیوند](/posts/كتاب-ها "عنوان").{BREAK}
   ادامهٔ مورد میشود

```js
alert("کتاب ها");
```

    indented "كتاب ها";

<div class="x">
كتاب ها
</div>

[ref]: /posts/كتاب "كتاب ها"
"""

# only the prose: the title, the heading's words, the list items' (not their 1. and 2.)
FIXED = (POST.replace('title: "كتاب ها"', f'title: "کتاب{Z}ها"').replace("# كتاب ها", f"# کتاب{Z}ها")
         .replace("اول , دوم", "اول، دوم").replace("مورد میشود", f"مورد می{Z}شود"))


def test_prose_is_repaired_and_code_and_syntax_kept():
    # as text: the front matter's comma ، (one tag of two), the list's 1. ۱. (no list), the
    # code's ; ؛, the link's كتاب کتاب (another address), the line break's two spaces gone
    assert repair_markdown(POST, repairer())[0] == FIXED
    assert repair_markdown(FIXED, repairer())[0] == FIXED


def test_fix_markdown():
    assert fix_markdown(POST) == FIXED
    with pytest.raises(TypeError):
        fix_markdown(None)


def test_an_open_fence_keeps_the_rest():
    post = "كتاب\n```\nf(\"كتاب\");\n"
    assert repair_markdown(post, repairer())[0] == "کتاب\n```\nf(\"كتاب\");\n"


def test_a_list_items_indented_lines_are_prose():
    post = "- كتاب\n\n    میشود\n"  # after a list item, its own paragraph, not code
    assert repair_markdown(post, repairer())[0] == f"- کتاب\n\n    می{Z}شود\n"


def test_explain_gives_each_pieces_line_and_edits():
    fixed, pieces = repair_markdown(POST, repairer(), explain=True)
    assert [(p.line, p.place, p.text) for p in pieces] == [
        (2, "title", "كتاب ها"), (6, "text", "كتاب ها"), (8, "text", "مورد اول , دوم"),
        (10, "text", "ادامهٔ مورد میشود")]
    for p in pieces:
        assert apply_edits(p.text, p.edits) == fix(p.text)


def test_a_word_across_emphasis_links_and_inline_tags_is_repaired_whole():
    """A reader reads the prose on across emphasis, a link's brackets and inline HTML, so a
    word in two of them is repaired as one, each letter left where it stood; a space repair
    puts where an element ends goes after its end, where the emphasis still holds."""
    post = ("**مي**خوانم و *کتاب*ها، [بين](/x)المللی و <b>مي</b>خوانم\n\n"
            "متن **مي** خوانم و سلام،**دنيا** و سلام،~~دنيا~~\n")
    assert fix_markdown(post) == (
        f"**می{Z}**خوانم و *کتاب{Z}*ها، [بین{Z}](/x)المللی و <b>می{Z}</b>خوانم\n\n"
        f"متن **می**{Z}خوانم و سلام، **دنیا** و سلام، ~~دنیا~~\n")
    # not across code, an image, a line's end, a lone mark, or _ inside a word (snake_case)
    kept = "`مي`خوانم ![بين](/x)المللی کتاب*\nها مي* ها a_مي_خوانم\n"
    assert fix_markdown(kept) == kept.replace("بين", "بین").replace("ها مي", "ها می").replace("_مي_", "_می_")
    fixed, pieces = repair_markdown("---\ntitle: x\n---\nمتن\n\n**مي**خوانم\n", repairer(), explain=True)
    assert [(p.line, p.place, p.text) for p in pieces] == [(6, "text", "ميخوانم")]


def test_a_paragraph_that_begins_with_an_inline_tag_is_prose():
    # an HTML block begins with a block's tag, or a tag alone on its line (CommonMark)
    post = "<b>كتاب</b> ها\n\n<div>\nكتاب\n</div>\n\n<span>\nكتاب\n</span>\n"
    assert fix_markdown(post) == post.replace("<b>كتاب</b> ها", f"<b>کتاب</b>{Z}ها")


def test_the_front_matters_values_a_reader_sees():
    # plain, double- and single-quoted; a value that must now be quoted is; tags (names that
    # addresses are made of), a value with a comment and a block value stay as they were
    yaml = pytest.importorskip("yaml")
    post = ("---\ntitle: كتاب ها\ndescription: \"علي گفت \\\"نه\\\"\"\nsummary: 'it''s كتاب'\n"
            "subtitle: سلام:دنيا\ntags: [ايران, كتاب]\nexcerpt: كتاب # comment\nlayout: |\n  كتاب\n"
            "---\nمتن\n")
    fixed = fix_markdown(post)
    assert fixed == post.replace("title: كتاب ها", f"title: کتاب{Z}ها").replace(
        '"علي گفت \\"نه\\""', '"علی گفت «نه»"').replace("it''s كتاب", "it''s کتاب").replace(
        "subtitle: سلام:دنيا", 'subtitle: "سلام: دنیا"')
    assert yaml.safe_load(fixed.split("---\n")[1]) == {
        "title": f"کتاب{Z}ها", "description": "علی گفت «نه»", "summary": "it's کتاب",
        "subtitle": "سلام: دنیا", "tags": ["ايران", "كتاب"], "excerpt": "كتاب", "layout": "كتاب\n"}
    # a value YAML would read as no text (a merge, true) once repair takes a space out is quoted
    assert fix_markdown("---\ntitle: <<\xa0\nsummary: yes\xa0\ndescription: کتاب\xa0\n---\n") == (
        '---\ntitle: "<<"\nsummary: "yes"\ndescription: کتاب\n---\n')
    toml = "+++\ntitle = \"كتاب ها\"\nsummary = 'كتاب'\ndescription = 'it\"s كتاب'\n+++\n"
    import tomllib
    assert tomllib.loads(fix_markdown(toml).strip("+\n")) == {
        "title": f"کتاب{Z}ها", "summary": "کتاب", "description": 'it"s کتاب'}


syntax = st.sampled_from(["\n", "\n\n", "```\n", "~~~~\n", "    ", "- ", "1. ", "# ", "`x`", "``y``",
                          "](/a/كتاب)", "<b>", "</b>", "<https://x.ir/كتاب>", "  \n", "---\n", "[r]: /u\n",
                          "**", "*", "_", "~~", "[", "![", "<div>"])
posts = st.lists(st.one_of(texts, syntax), max_size=14).map("".join)


@SETTINGS
@given(posts)
def test_posts_keep_their_code_and_syntax(post):
    """What Markdown reads as code or syntax comes out as it went in, in order (repair may
    make more: a ZWNJ before ``` taken out leaves a fence); idempotent; the same explained
    or not; and the edits explained replay each piece of prose."""
    fixed, pieces = repair_markdown(post, repairer(), explain=True)
    kept_in_order(post, fixed, kept_spans(post))
    assert repair_markdown(fixed, repairer())[0] == fixed
    assert repair_markdown(post, repairer())[0] == fixed  # (explained or not, the same)
    for p in pieces:
        assert apply_edits(p.text, p.edits) == fix(p.text)


@SETTINGS
@given(texts.map(lambda t: t.replace("\r", "").replace("\n", " ")))
@example("می---")  # (the test read the front matter up to the title's ---)
def test_a_title_as_yaml_writes_it(title):
    """However YAML quotes a title, the front matter stays YAML, its tags as they were, and
    a title read as one of the forms repaired comes out as fix makes it; idempotent."""
    yaml = pytest.importorskip("yaml")
    front = yaml.safe_dump({"title": title, "tags": [title]}, allow_unicode=True, width=10**9)
    post = f"---\n{front}---\nمتن\n"
    fixed = repair_markdown(post, repairer())[0]
    read = yaml.safe_load(fixed[4:].split("\n---\n", 1)[0])  # (up to the fence: a title may end in ---)
    assert read["tags"] == [title]
    assert read["title"] == (fix(title) if front_values(post) else title)
    assert repair_markdown(fixed, repairer())[0] == fixed
