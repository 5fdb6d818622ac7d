"""XML repaired as XML (repair/xml_text.py): the text of its elements as fix repairs it, a
page inside it (CDATA, or written with references) as a page, the markup byte for byte."""
import html
import xml.etree.ElementTree as ET

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_properties import SETTINGS, content, texts

from paknevis import apply_edits, fix, fix_xml
from paknevis.repair import repairer
from paknevis.repair.forms import kind_of
from paknevis.repair.lines import line_blocks
from paknevis.repair.strings import apart
from paknevis.repair.xml_text import repair_xml, xml_blocks, xml_pieces

Z = "\u200c"
# A feed as a news site writes it: the title as text, the summary a page written with
# references, the article a page in CDATA with a script; as text, the script's ; became ؛
FEED = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>\n'
        '<title>كتاب ها را میخوانم</title><category domain="كتاب ها">كتاب</category>\n'
        '<description>&lt;p class="lead"&gt;گفت: "میشود" &lt;a href="/tag/كتاب"&gt;كتاب&lt;/a&gt;'
        '&lt;/p&gt;</description><!-- كتاب ها -->\n'
        '<content:encoded><![CDATA[<p title="كتاب ها">علي &amp; رضا 12</p>'
        '<script>f("كتاب");</script>]]></content:encoded></item></channel></rss>\n')


def test_a_feeds_texts_are_repaired_and_its_markup_kept():
    fixed, strings = repair_xml(FEED, repairer(), explain=True)
    changes = [("<title>كتاب ها را میخوانم", f"<title>کتاب{Z}ها را می{Z}خوانم"),
               ('">كتاب</category>', '">کتاب</category>'),
               ('گفت: "میشود" &lt;a href="/tag/كتاب"&gt;كتاب',
                f'گفت: «می{Z}شود» &lt;a href="/tag/كتاب"&gt;کتاب'),
               ('<p title="كتاب ها">علي &amp; رضا 12', f'<p title="کتاب{Z}ها">علی &amp; رضا ۱۲')]
    expected = FEED
    for old, new in changes:
        expected = expected.replace(old, new)
    assert fixed == expected
    # each text is named by its element, and a page's attribute after it
    assert [(s.line, s.place) for s in strings] == [
        (3, "title"), (3, "category"), (4, "description"),  # (the link's text read on with the lead)
        (5, "content:encoded@title"), (5, "content:encoded")]
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)


def test_fix_xml_and_what_reads_as_xml():
    tei = '<?xml version="1.0"?>\n<TEI><text><p n="1">كتاب &#1603;</p><?pi كتاب?></text></TEI>'
    assert fix_xml(tei) == tei.replace("كتاب &#1603;", "کتاب ک")  # a reference read, the ک written
    with pytest.raises(TypeError):
        fix_xml(b"<a/>")
    assert kind_of("feed", "<?xml version='1.0'?><rss>") == "xml"
    assert kind_of("feed", "\ufeff<feed xmlns='http://www.w3.org/2005/Atom'>") == "xml"
    assert kind_of("page", '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html>') == "html"  # XHTML
    assert kind_of("x.rss", "") == kind_of("sitemap.xml", "") == kind_of("letter.tei", "") == "xml"
    assert kind_of("<stdin>", '<TEI xmlns="http://www.tei-c.org/ns/1.0">') == "xml"  # (no declaration)
    dump = '<?xml version="1.0"?>\n<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">'
    assert kind_of("<stdin>", dump) == kind_of("fawiki.xml", dump) == "mediawiki"
    assert kind_of("<stdin>", "<mediawikis>") == "xml" and kind_of("a.wiki", "") == "wikitext"


def test_cdata_text_stays_cdata():
    # text as it stands, repaired as fix repairs a text; the end of a section, where repair
    # makes one (its ZWNJ taken out), written as XML writes it: the end of one, a new one
    doc = f"<a><![CDATA[علي ]]{Z}>]]></a>"
    assert list(xml_pieces(doc))[0].levels == 0
    assert fix_xml(doc) == "<a><![CDATA[علی]]]]><![CDATA[>]]></a>"
    assert ET.fromstring(fix_xml(doc)).text == "علی]]>"


def test_an_unclosed_or_stray_tag_is_no_trouble():
    assert fix_xml("<a>كتاب</b></a>علي<c") == "<a>کتاب</b></a>علی<c"
    assert [p.place for p in xml_pieces("<a>x</b>y</a>z")] == ["a", "a", "text"]
    assert [p.place for p in xml_pieces("<a><br/>x</a>")] == ["a"]


def test_a_tei_texts_words_are_read_across_its_phrase_elements():
    """A reader reads a TEI paragraph on across hi, persName, date…: the word is repaired
    as one, each letter left in its element; a space repair puts where an element ends goes
    after it."""
    tei = ('<TEI><text><body><p>او <persName>علي</persName> ، <hi rend="b">مي</hi>خواست '
           '<tei:hi>كتاب</tei:hi> ها را\nبخواند و مي<lb break="no"/>خواند</p></body></text></TEI>')
    assert fix_xml(tei) == tei.replace("علي</persName> ،", "علی</persName>،").replace(
        ">مي</hi>", f">می{Z}</hi>").replace("كتاب</tei:hi> ها", f"کتاب</tei:hi>{Z}ها").replace(
        "مي<lb", f"می{Z}<lb")
    # a note, the alternatives of a choice, a deletion, a break between words, a token of a
    # tokenized text, and markup that is no element's (a comment) part the text
    kept = ("<p>می<note>خوانم</note> <choice><sic>می</sic><corr>خوانم</corr></choice> می<del>خوانم</del>"
            " می<lb/>خوانم <w>می</w><w>خوانم</w> می<!-- c -->خوانم</p>")
    assert fix_xml(kept) == kept
    # explained as one run, named by the element of its first text
    fixed, strings = repair_xml("<p>\n  <hi>مي</hi>خوانم</p>", repairer(), explain=True)
    assert [(s.line, s.place, s.text) for s in strings] == [(2, "hi", "ميخوانم")]
    assert apply_edits(strings[0].text, strings[0].edits) == f"می{Z}خوانم"
    # not a feed's title and date written with nothing between: the date keeps its digits
    feed = "<item><title>خبر</title><dc:date>2020-01-01</dc:date> <date>12</date></item>"
    assert fix_xml(feed) == feed
    # --field: a text is read on from none left out
    doc = "<p>مي<hi>x</hi>خوانم <hi>مي</hi>خوانم</p>"
    assert fix_xml(doc, ["p"]) == "<p>می<hi>x</hi>خوانم <hi>مي</hi>خوانم</p>"
    assert fix_xml(doc) == f"<p>می<hi>x</hi>خوانم <hi>می{Z}</hi>خوانم</p>"


OWN = st.sampled_from(["مي", "خوانم", "کتاب", "ها", "بين", "المللی", "، ", "!", " ها", "ك", "12"])
WORDS = st.one_of(OWN, st.just(" "))
# a word of the paragraph's own, then maybe one in a phrase element
PHRASED = st.tuples(OWN, st.none() | st.tuples(WORDS, st.sampled_from(["hi", "persName", "date", "tei:hi"])))


@SETTINGS
@given(st.lists(st.lists(PHRASED, max_size=10), min_size=1, max_size=4))
def test_a_tei_paragraph_reads_as_fix_makes_it(paragraphs):
    """Each paragraph, its phrase elements around some of its words (each beside text of
    its own), reads as fix makes its text (its edges' spaces kept); its elements are those
    it had, each word's letters in the element they stood in; idempotent; and the edits
    explained replay each run."""
    body = "".join("<p>" + "".join(own + (f'<{phrase[1]} n="1">{phrase[0]}</{phrase[1]}>' if phrase else "")
                                   for own, phrase in words) + "</p>\n" for words in paragraphs)
    doc = f'<TEI xmlns:tei="t"><text><body>\n{body}</body></text></TEI>'
    fixed, strings = repair_xml(doc, repairer(), explain=True)
    before, after = ET.fromstring(doc), ET.fromstring(fixed)
    for old, new in zip(before.iter("p"), after.iter("p"), strict=True):
        lead, core, trail = apart("".join(old.itertext()))
        assert "".join(new.itertext()) == (lead + fix(core) + trail if core else lead)
        assert [(e.tag, e.attrib) for e in new.iter()] == [(e.tag, e.attrib) for e in old.iter()]
        for e_old, e_new in zip(old.iter(), new.iter(), strict=True):
            if e_old is not old:  # (a phrase's letters stay in it)
                assert content(e_new.text or "") == content(e_old.text or "")
    assert repair_xml(fixed, repairer())[0] == fixed
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)


# (XML reads a CR as a line feed; a text with markup or references is a page: see below)
plain = texts.map(lambda t: t.replace("\r", "").replace("<", "").replace("&", ""))


@SETTINGS
@given(st.lists(st.tuples(plain, plain, plain), min_size=1, max_size=4))
def test_xml_keeps_its_markup(items):
    """The output is XML, its attributes as they were, each element's text as fix makes it
    (its edges' spaces kept), in CDATA too, and a page written with references a page
    whose text is so; idempotent; and the edits explained replay each text."""
    def fixed_text(text):
        lead, core, trail = apart(text)
        return lead + fix(core) + trail if core else text

    doc = "<feed>" + "".join(
        f'<item n="{html.escape(attr)}"><title>{html.escape(title, quote=False)}</title>'
        f"<body><![CDATA[{body}]]></body>"
        f"<desc>{html.escape('<p>' + html.escape(title, quote=False) + '</p>', quote=False)}</desc></item>"
        for title, body, attr in items) + "</feed>"
    fixed, strings = repair_xml(doc, repairer(), explain=True)
    before, after = ET.fromstring(doc), ET.fromstring(fixed)
    for old, new, (title, body, _) in zip(before, after, items, strict=True):
        assert new.attrib == old.attrib
        assert (new.find("title").text or "") == fixed_text(title)
        assert (new.find("body").text or "") == fixed_text(body)
        desc = new.find("desc").text or ""
        assert html.unescape(desc.removeprefix("<p>").removesuffix("</p>")) == fixed_text(title)
    assert repair_xml(fixed, repairer())[0] == fixed
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)


# XML of any shape, whole or broken: texts with markup and references, escaped again
FRAGMENTS = ["<a>", "</a>", "<b x='1'>", "</b>", "<c/>", "<hi>", "</hi>", '<lb break="no"/>', "<persName>",
             "</persName>", "<![CDATA[", "]]>", "<!--", "-->", "<?p ",
             "?>", "&lt;p&gt;", "&lt;/p&gt;", "&amp;", "&amp;lt;i&amp;gt;", "&lt;", "&#1603;", "<p>",
             "&lt;script&gt;", "<", ">", "&", '"', "]]", f"]]{Z}>", "&lt;i title=&quot;", "&quot;&gt;"]


@SETTINGS
@given(st.lists(st.one_of(texts, st.sampled_from(FRAGMENTS + ["\n", "\n  "])), max_size=16).map("".join),
       st.integers(1, 4))
@example("کتابهایِ&lt;ً?ع©طھط§ط¨â€Œظ‡ط§", 1)  # (its haraka taken out, &lt;? would read as markup)
def test_any_xml_is_repaired_once_and_for_all(doc, lines):
    """Idempotent, whatever the markup (a second pass finds the pages the first did); the
    edits explained replay each text; and repaired a block at a time, as a large file is,
    it comes out as repaired whole."""
    fixed, strings = repair_xml(doc, repairer(), explain=True)
    assert repair_xml(fixed, repairer())[0] == fixed
    for s in strings:
        assert apply_edits(s.text, s.edits) == fix(s.text)
    blocks = list(xml_blocks(line_blocks(doc, lines=lines)))
    assert "".join(blocks) == doc
    assert "".join(repair_xml(b, repairer())[0] for b in blocks) == fixed


def test_a_dump_is_cut_between_its_top_elements():
    # a Wikipedia dump: blocks end between pages or their children, never in a comment or
    # CDATA (or a tag) that runs over lines; each page's elements open in its own block
    page = ('<page>\n<title>كتاب {}</title>\n<text xml:space="preserve">خط اول\nمیشود\n<!-- a\nb -->\n'
            '<![CDATA[x\ny]]>\n</text>\n</page>\n')
    pages = "".join(page.format(i) for i in range(50))
    doc = f'<?xml version="1.0"?>\n<mediawiki>\n{pages}</mediawiki>\n'
    blocks = list(xml_blocks(line_blocks(doc, lines=3)))
    assert "".join(blocks) == doc and len(blocks) > 50
    for block in blocks[1:-1]:
        assert block.startswith(("<page>", "<title>", "<text", "</page>")), block
    fixed = "".join(repair_xml(b, repairer(), fields=("title",))[0] for b in blocks)
    expected = doc
    for i in range(50):
        expected = expected.replace(f"<title>كتاب {i}<", f"<title>{fix(f'كتاب {i}')}<")
    assert fixed == expected and "میشود" in fixed  # (the text of the pages as it was)


def test_xml_with_no_break_between_its_top_elements_is_too_large(monkeypatch):
    import paknevis.repair.xml_text as xml_text
    from paknevis.repair.lines import BlockTooLarge

    monkeypatch.setattr(xml_text, "MAX_BLOCK_CHARS", 100)
    with pytest.raises(BlockTooLarge, match="no line break between its top elements"):
        list(xml_blocks(line_blocks("<a><b><c>\n" + "كتاب\n" * 50 + "</c></b></a>\n", lines=2)))
