"""Wikitext and Wikipedia dumps repaired as wikitext (repair/wikitext.py): the prose as fix
repairs it, the markup byte for byte."""
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, kept_in_order, texts

from paknevis import apply_edits, fix
from paknevis.repair import repairer
from paknevis.repair.wikitext import fix_wikitext, repair_wikitext, wikitext_spans
from paknevis.repair.xml_text import repair_xml

Z = "\u200c"
ARTICLE = Path(__file__).parent / "data" / "article.wiki"


def test_an_article_keeps_its_markup():
    """Only the prose changes: the infobox, the reference's template, links' targets, the
    comment, the preformatted line, the table's attributes and numbers, the address, the
    formula, nowiki, the file, the category, the interlanguage link and the redirect stay."""
    article = ARTICLE.read_text(encoding="utf-8")
    changes = [("بزرگترين شهر ايران", f"بزرگ{Z}ترین شهر ایران"), ("|كلانشهر]]", f"|کلان{Z}شهر]]"),
               ("== تاريخ ها ==", f"== تاریخ{Z}ها =="),
               ("در سال 1786 ميلادی پايتخت", "در سال ۱۷۸۶ میلادی پایتخت"),
               ("جمعيت آن در سال ۱۳۹۵ بیش از 8 ميليون", "جمعیت آن در سال ۱۳۹۵ بیش از ۸ میلیون"),
               ("* نخستين مورد , دوم", "* نخستین مورد، دوم"), ("!! جمعيت", "!! جمعیت"),
               ("وبگاه رسمي]", "وبگاه رسمی]")]
    expected = article
    for old, new in changes:
        assert old in expected
        expected = expected.replace(old, new)
    assert fix_wikitext(article) == expected
    assert fix_wikitext(expected) == expected


@pytest.mark.parametrize(("before", "after"), [
    # a word across bold, italic, a link's brackets and its trail, an inline tag
    ("'''مي'''خوانم و ''کتاب''ها", f"'''می{Z}'''خوانم و ''کتاب{Z}''ها"),
    ("[[بین‌المللی|بين]]المللی", f"[[بین‌المللی|بین{Z}]]المللی"),
    ("<span>مي</span>خوانم", f"<span>می{Z}</span>خوانم"),
    # a space put where bold ends goes after it
    ("سلام،'''دنيا'''", "سلام، '''دنیا'''"),
    # a link with no label is its target: kept, and it stands alone; so is one with an
    # empty label (the pipe trick: it shows its target) and an external link with none (it
    # shows a number): no «کتاب‌ها», no «۱۴۰۳ می», across them
    ("[[بين]]المللی", "[[بين]]المللی"),
    ("کتاب[[x|]]ها ۱۴۰۳[[x|]]می", "کتاب[[x|]]ها ۱۴۰۳[[x|]]می"),
    ("کتاب[https://x.ir]ها ۱۴۰۳[https://x.ir ]می", "کتاب[https://x.ir]ها ۱۴۰۳[https://x.ir ]می"),
    # kept: templates, whole links to files and categories, tags, comments, references
    ("{{سن|1990}} {{جعبه\n|نام=كتاب ها\n}}", "{{سن|1990}} {{جعبه\n|نام=كتاب ها\n}}"),
    *[(link, link) for link in ("[[پرونده:x.jpg|بندانگشتی|كتاب ها]]", "[[Category:كتاب]]", "[[en:كتاب]]")],
    ("كتاب<ref name=\"a\">كتاب ها</ref>", f"کتاب<ref name=\"a\">کتاب{Z}ها</ref>"),
    ("كتاب&nbsp;ها <!-- كتاب ها --> __بدون‌فهرست__ ~~~~", "کتاب&nbsp;ها <!-- كتاب ها --> __بدون‌فهرست__ ~~~~"),
    ("<math>كتاب ها</math><nowiki>[[كتاب ها]]</nowiki>", "<math>كتاب ها</math><nowiki>[[كتاب ها]]</nowiki>"),
    # a raw element's tag that closes itself, or is never closed, is a tag alone
    ("[[کتاب]]<nowiki/>ها و كتاب\n<references />\nكتاب <pre>كتاب",
     "[[کتاب]]<nowiki/>ها و کتاب\n<references />\nکتاب <pre>کتاب"),
    # a line's marks: a heading's, a list's, a table's cells and attributes; a preformatted line
    ("=== كتاب ها ===", f"=== کتاب{Z}ها ==="),
    ("*# كتاب ها", f"*# کتاب{Z}ها"),
    ('| align="left" | كتاب ها || 12', f'| align="left" | کتاب{Z}ها || 12'),
    (" كتاب ها", " كتاب ها"),
    ("#تغییرمسیر [[كتاب ها]]", "#تغییرمسیر [[كتاب ها]]"),
    # an external link's address, a bare one
    ("[https://x.ir/كتاب كتاب ها] https://x.ir/كتاب", f"[https://x.ir/كتاب کتاب{Z}ها] https://x.ir/كتاب"),
    # never closed: braces and brackets as typed, the prose after them repaired
    ("{{ كتاب", "{{ کتاب"),
])
def test_what_is_kept_and_what_is_repaired(before, after):
    assert fix_wikitext(before) == after


def test_explain_names_each_runs_line():
    fixed, runs = repair_wikitext("{{x\n|y=1\n}}\n'''مي'''خوانم\n", repairer(), explain=True)
    assert [(r.line, r.place, r.text) for r in runs] == [(4, "text", "ميخوانم")]
    with pytest.raises(TypeError):
        fix_wikitext(b"x")


DUMP = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="fa">
  <siteinfo><sitename>ويکی‌پديا</sitename>
    <namespaces><namespace key="14">رده</namespace></namespaces></siteinfo>
  <page>
    <title>كتاب ها</title>
    <revision>
      <contributor><username>علي</username></contributor>
      <comment>ويرايش</comment>
      <text bytes="80" xml:space="preserve">'''كتاب''' ها&lt;ref&gt;{{یادکرد|عنوان=كتاب}}&lt;/ref&gt;
&amp; [[كتاب]] ها
[[رده:كتاب ها]]</text>
    </revision>
  </page>
</mediawiki>
"""


def test_a_wikipedia_dump_repairs_its_articles_text_alone():
    """Titles, names and the site's namespaces are names, kept; the text is wikitext (its
    references read: &lt;ref&gt; is a tag); the edit summary is text."""
    fixed, strings = repair_xml(DUMP, repairer(), explain=True, wiki=True)
    assert fixed == DUMP.replace("<comment>ويرايش", "<comment>ویرایش").replace(
        "'''كتاب''' ها&lt;ref", f"'''کتاب'''{Z}ها&lt;ref")
    assert [(s.line, s.place) for s in strings] == [(8, "comment"), (9, "text")]
    # --field names what alone to repair: titles too where it names the text and summary
    titled = repair_xml(DUMP, repairer(), wiki=True, fields=("title",))[0]
    assert titled == DUMP.replace("<title>كتاب ها", f"<title>کتاب{Z}ها")
    assert repair_xml(DUMP, repairer(), wiki=True, fields=("title", "text", "comment"))[0] == fixed.replace(
        "<title>كتاب ها", f"<title>کتاب{Z}ها")


SYNTAX = ("\n", "\n\n", "{{", "}}", "{{x|a=1}}", "[[", "]]", "[[x|", "[[رده:x]]", "|", "||", "!!",
          "'''", "''", "<ref>", "</ref>", "<b>", "</b>", "<!--", "-->", "<nowiki>", "</nowiki>",
          "== ", " ==", "* ", "{|", "|-", "|}", "\n|", "\n!", "[http://x.ir ", "]", "https://x.ir/a",
          "&nbsp;", "__TOC__", " ", "=")
syntax = st.sampled_from(SYNTAX)
words = st.sampled_from(["مي", "خوانم", "کتاب", "ها", "بين", "المللی", "، ", "!", " ها", "12", "ك"])


@SETTINGS
@given(st.lists(st.one_of(texts, words, syntax, syntax), max_size=24).map("".join))
def test_wikitext_keeps_its_markup(text):
    """The syntax comes out as it went in, in order; the same explained or not; idempotent;
    and the edits explained replay each run of prose."""
    fixed, runs = repair_wikitext(text, repairer(), explain=True)
    kept_in_order(text, fixed, wikitext_spans(text))
    assert repair_wikitext(text, repairer())[0] == fixed
    assert repair_wikitext(fixed, repairer())[0] == fixed
    for run in runs:
        assert apply_edits(run.text, run.edits) == fix(run.text)
    # no space made after a link (an odd space there, NBSP, becomes a space: one made by none;
    # a ]] that closes no [[ is prose's, whose closing bracket a letter may not touch: [۱]] می)
    link_then = r"\[\[[^\[\]]*\]\]"
    assert not re.search(link_then + r" \S", fixed) or re.search(link_then + r"[^\S\n]\S", text)


def test_paknevis_fix_reads_wikitext_by_its_name_or_format(tmp_path):
    """A .wiki file is repaired as wikitext, standard input so with --format wikitext, and
    each edit is named by the line of its run."""
    from test_cli import run

    article = tmp_path / "تهران.wiki"
    article.write_text("{{x|y=كتاب}}\n'''مي'''خوانم [[رده:كتاب]]\n", encoding="utf-8")
    fixed = f"{{{{x|y=كتاب}}}}\n'''می{Z}'''خوانم [[رده:كتاب]]\n"
    assert run("fix", str(article)).stdout.decode() == fixed
    piped = run("fix", "--format", "wikitext", input=article.read_bytes())
    assert piped.stdout.decode() == fixed
    explained = [json.loads(line) for line in run("fix", str(article), "--explain").stdout.splitlines()]
    assert [(e["line"], e["field"], e["old"], e["new"]) for e in explained] == [
        (2, "text", "ميخوانم", f"می{Z}خوانم")]
    assert run("fix", "--format", "wikitext", "--field", "title", input=b"x").returncode == 2
