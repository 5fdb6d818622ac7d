"""Feeds, Wikipedia dumps and TEI corpora read a post at a time: damage in one post costs
that post alone, and every post is accounted for."""
import io
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paknevis.documents.feed import read_feed
from paknevis.documents.tei_document import read_tei
from paknevis.documents.wiki_dump import read_wiki_dump
from paknevis.documents.xml_stream import BROKEN, BROKEN_XML, CUT_SHORT, NOT_UTF8, damage_of

HEAD = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="fa">\n'
        "<siteinfo><sitename>ویکی‌پدیا</sitename><base>https://fa.wikipedia.org/wiki/x</base></siteinfo>\n")
TOPICS = ["تهران", "اصفهان", "شیراز", "تبریز", "مشهد", "کرمان"]


def page(title: str) -> str:
    return (f"  <page>\n    <title>{title}</title>\n    <ns>0</ns>\n    <revision>\n"
            f'      <text xml:space="preserve">\'\'\'{title}\'\'\' شهری در [[ایران]] است و میشود.</text>\n'
            "    </revision>\n  </page>\n")


def dump(pages: list[str]) -> bytes:
    return (HEAD + "".join(pages) + "</mediawiki>\n").encode("utf-8")


def lines(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def read(data: bytes, reader=read_wiki_dump) -> list:
    return list(reader(io.BytesIO(data)))


WHOLE = read(dump([page(t) for t in TOPICS]))


def test_a_whole_dump_is_read_a_page_at_a_time():
    assert [p["title"] for p in WHOLE] == TOPICS
    assert WHOLE[0]["source"] == "ویکی‌پدیا"
    assert WHOLE[0]["url"] == "https://fa.wikipedia.org/wiki/%D8%AA%D9%87%D8%B1%D8%A7%D9%86"
    assert not any("warnings" in p for p in WHOLE)


@pytest.mark.parametrize("damage, warning", [
    ("a & b", BROKEN_XML + "xmlParseEntityRef: no name"),  # an ampersand not escaped
    ("a < b", BROKEN_XML + "StartTag: invalid element name"),
    ("a </title> b", BROKEN_XML + "Opening and ending tag mismatch"),  # a stray closing tag
    ("a \x01 b", BROKEN_XML + "PCDATA invalid Char value 1"),  # a control character
])
def test_broken_xml_in_a_page_costs_that_page_alone(damage, warning):
    """One parse of the whole file stopped at such a fault: the pages after it were lost
    without a word. Now the page is read as far as lxml recovers it, with a warning, and
    the pages after it as if nothing had happened."""
    pages = [page(t) for t in TOPICS]
    pages[2] = pages[2].replace("شهری در", f"شهری {damage} در")
    got = read(dump(pages))
    assert [p["title"] for p in got] == TOPICS
    assert got[2]["warnings"][0].startswith(warning) and got[2]["wikitext"].startswith("'''شیراز''' شهری")
    assert [p for i, p in enumerate(got) if i != 2] == [p for i, p in enumerate(WHOLE) if i != 2]


@pytest.mark.parametrize("warning, damage", [
    (CUT_SHORT, "the file ends inside it"),
    # (lxml's message may hold «, so»: the reason keeps all of it)
    (BROKEN.format("expected '>', so line 3"), "its XML is broken (expected '>', so line 3)"),
    (NOT_UTF8, None),  # (its text is read: no reason it has none)
    ("published: no date found", None),
])
def test_what_a_warning_says_of_the_damage_that_may_have_cost_a_post_its_text(warning, damage):
    assert damage_of(warning) == damage


def test_a_page_whose_tags_are_broken_is_said_to_be_lost_and_the_rest_are_read():
    pages = [page(t) for t in TOPICS]
    pages[1] = pages[1].replace("<page>", "<pa\x00ge>")  # its opening tag: its closing tag tells
    pages[3] = pages[3].replace("</page>", "</pag")  # its closing tag: it ends where the next begins
    got = read(dump(pages))
    assert got[1].startswith("a <page> whose opening tag is broken, read as none (at byte ")
    assert [p["title"] for p in got[2:]] == TOPICS[2:] and got[0] == WHOLE[0]
    assert got[3]["warnings"][0].startswith(BROKEN_XML) and got[3]["wikitext"] == WHOLE[3]["wikitext"]
    assert got[4:] == WHOLE[4:]


def test_bytes_that_are_no_utf8_are_read_as_such_in_their_page_alone():
    data = dump([page(t) for t in TOPICS]).replace("شیراز''' شهری".encode(), b"\xff\xfe''' \xd8")
    got = read(data)
    assert got[2]["warnings"] == [NOT_UTF8] and got[2]["wikitext"].startswith("'''\ufffd\ufffd''' \ufffd")
    assert [p for i, p in enumerate(got) if i != 2] == [p for i, p in enumerate(WHOLE) if i != 2]


def test_a_dump_cut_short_keeps_what_came_before_the_cut():
    data = dump([page(t) for t in TOPICS])
    got = read(data[:data.index("مشهد''' شهری".encode())])
    assert got[:4] == WHOLE[:4] and got[4]["warnings"] == [CUT_SHORT] and len(got) == 5


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(TOPICS) - 1), st.floats(0, 0.999), st.integers(0, 255))
def test_a_byte_changed_in_a_page_changes_no_other_page(which, where, byte):
    """Whatever byte of a page is changed into whatever, every other page is read as in the
    whole file, and the page itself is read (with a warning where it is damaged) or said to
    be lost: one input each."""
    pages = [page(t) for t in TOPICS]
    damaged = bytearray(pages[which].encode("utf-8"))
    damaged[int(where * len(damaged))] = byte
    before, after = "".join(pages[:which]).encode(), "".join(pages[which + 1:]).encode()
    got = read(HEAD.encode() + before + bytes(damaged) + after + b"</mediawiki>\n")
    others = [p for p in got if not isinstance(p, str) and p["title"] != TOPICS[which]]
    assert [p for p in WHOLE if p["title"] != TOPICS[which]] == [
        p for p in others if p["title"] in TOPICS and "warnings" not in p]
    assert len(got) in (len(TOPICS), len(TOPICS) - 1)  # (a page made a redirect or no article: none)


RSS = ('<?xml version="1.0" encoding="{}"?><rss version="2.0"><channel><title>شبکه خبر</title>\n'
       "{}</channel></rss>\n")


def item(n: int) -> str:
    return (f"<item><title>خبر {n}</title><link>https://x.ir/{n}</link>"
            f"<description><![CDATA[<p>متن خبر {n}</p><p>نه </item> در متن</p>]]></description></item>\n")


def test_a_feeds_items_are_cut_by_their_tags_never_inside_cdata_and_in_any_encoding():
    """An item's CDATA may hold anything, even its closing tag; a feed in UTF-16 or
    Windows-1256 is read as its byte-order mark or declaration says (a declaration of UTF-16
    written in ASCII's bytes is wrong: they are read as UTF-8)."""
    items = "".join(item(n) for n in range(3))
    for encoding, data in (("UTF-8", RSS.format("UTF-8", items).encode()),
                           ("UTF-16", RSS.format("UTF-16", items).encode("utf-16")),
                           ("UTF-16 named, UTF-8 written", RSS.format("UTF-16", items).encode()),
                           ("windows-1256", RSS.format("windows-1256", items).encode("cp1256"))):
        got = read(data, read_feed)
        assert [(p["title"], p["source"], p["url"]) for p in got] == [
            (f"خبر {n}", "شبکه خبر", f"https://x.ir/{n}") for n in range(3)], encoding
        assert got[1]["html"] == "<p>متن خبر 1</p><p>نه </item> در متن</p>"


def test_a_feed_item_whose_opening_tag_is_lost_is_one_reject_among_its_records(tmp_path):
    items = [item(n) for n in range(4)]
    items[1] = items[1].replace("<item>", "<itme>")
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS.format("UTF-8", "".join(items)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = subprocess.run([sys.executable, "-m", "paknevis", "process", str(feed), "-o", str(out), "--no-dedup"],
                       capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().startswith("4 inputs: 3 records")
    records = lines(out)
    assert [(x["input"].rsplit("#")[1], x["title"]) for x in records] == [("1", "خبر ۰"), ("3", "خبر ۲"),
                                                                           ("4", "خبر ۳")]
    [reject] = lines(tmp_path / "o.rejects.jsonl")
    assert reject["input"].endswith("#2")
    assert reject["reason"].startswith("a <item> whose opening tag is broken")


def test_a_tei_corpus_text_whose_xml_is_broken_costs_that_text_alone():
    texts = [f"<TEI><teiHeader><fileDesc><titleStmt><title>متن {n}</title></titleStmt></fileDesc></teiHeader>"
             f"<text><body><p>بند {n}{' & ' if n == 1 else ''}</p></body></text></TEI>" for n in range(3)]
    got = read(('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>' + "".join(texts)
                + "</teiCorpus>").encode(), read_tei)
    assert [(p["title"], p["lines"]) for p in got] == [(f"متن {n}", [f"بند {n}"]) for n in range(3)]
    assert [p.get("warnings", [""])[0].startswith(BROKEN_XML) for p in got] == [False, True, False]
