"""Corpus runs over every input format, every output format, and an interrupted run."""
import bz2
import gzip
import io
import json
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st
from test_epub_text import write_epub
from test_odt_text import write_odt
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "pages"
Z = "\u200c"
NOTHING = "nothing in the file (no line, row, item, article, text or HTML page)"


def run(*args):
    return subprocess.run([sys.executable, "-m", "paknevis", *args], capture_output=True, timeout=300)


def lines(path):
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]


def make_warc(path, pages):
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_pages_become_records(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    make_warc(warc, [
        ("https://bahariran.blogspot.com/2025/02/8.html", (PAGES / "blogger.html").read_bytes(),
         "text/html; charset=UTF-8"),
        ("https://news.example.ir/news/1403/11/05/12345", (PAGES / "news.html").read_bytes(), "text/html"),
        ("https://example.ir/logo.png", b"\x89PNG...", "image/png"),  # not a page: not an input
        ("https://old.example.ir/a", "<html><body><p>متن قديمي با كد ويندوز</p></body></html>"
         .encode("cp1256"), "text/html; charset=windows-1256"),
        ("https://broken.example.ir/b", b"<html><body><script>x</script></body></html>", "text/html"),
    ])
    out = tmp_path / "out.jsonl"
    r = run("process", str(warc), "-o", str(out))
    assert r.returncode == 0, r.stderr
    recs, rejs = lines(out), lines(tmp_path / "out.rejects.jsonl")
    assert [x["url"] for x in recs] == ["https://bahariran.blogspot.com/2025/02/8.html",
                                       "https://news.example.ir/news/1403/11/05/12345",
                                       "https://old.example.ir/a"]
    assert recs[0]["published"][:10] == "2025-02-01" and recs[0]["mentions"] == ["@BaharIran7"]
    assert recs[1]["title"] == "بارش برف در ارتفاعات البرز"
    assert recs[2]["text"] == "متن قدیمی با کد ویندوز"
    assert len(rejs) == 1 and rejs[0]["reason"] == "no text found in the page"
    assert all("@" in x["input"] for x in recs + rejs)


def test_compressed_and_parquet_inputs(tmp_path):
    rows = [{"text": "کتابها را میخوانم", "title": "یک"}, {"text": "بینالمللی", "title": "دو"}]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(body))
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(body))
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet")
    (tmp_path / "d.jsonl.bz2").write_bytes(bz2.compress(body))
    out = tmp_path / "out.jsonl"
    names = ("a.jsonl.gz", "b.jsonl.zst", "c.parquet", "d.jsonl.bz2")
    r = run("process", *(str(tmp_path / n) for n in names), "-o", str(out), "--no-dedup")
    assert r.returncode == 0, r.stderr
    texts = [x["text"] for x in lines(out)]
    assert texts == [f"کتاب{Z}ها را می{Z}خوانم", f"بین{Z}المللی"] * 4


def test_word_documents_become_records(tmp_path):
    from test_docx_text import write_docx

    folder = tmp_path / "archive"
    folder.mkdir()
    # the title is the paragraph styled as one (here a localized style id, 'a1'), after the
    # date line; the rest is the body, repaired
    write_docx(folder / "report.docx", "<w:p><w:r><w:t>۱۴۰۳ بهمن ۱۳, شنبه</w:t></w:r></w:p>"
               "<w:p><w:r><w:t>متن گزارش میشود</w:t></w:r></w:p>"
               '<w:p><w:pPr><w:pStyle w:val="a1"/></w:pPr><w:r><w:t>عنوان </w:t></w:r>'
               "<w:r><w:t>گزارش ها</w:t></w:r></w:p>"
               # a text box, and Word's copy of it for readers that know none: once in the text
               '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
               'compatibility/2006"><mc:Choice><w:txbxContent><w:p><w:r><w:t>جعبه</w:t></w:r></w:p>'
               "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>جعبه</w:t>"
               "</w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>",
               styles={"a1": "Title", "a2": "heading 1"})
    (folder / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0 a Word 97 file")
    r = subprocess.run([sys.executable, "-m", "paknevis", "process", str(folder), "-o",
                        str(tmp_path / "out.jsonl")], capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    (record,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert (record["title"], record["published"], record["text"]) == (
        f"عنوان گزارش{Z}ها", "2025-02-01", f"متن گزارش می{Z}شود\n\nجعبه")
    (reject,) = [json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert reject["input"].endswith("old.docx") and reject["reason"].startswith("not a Word document")


def test_csv_and_tsv_inputs(tmp_path):
    """A table of posts: its header names the fields, a row is a document (a cell may hold
    line breaks and be larger than csv's default limit of 128 KB)."""
    import csv

    long_text = "بینالمللی " * 20_000
    rows = [["title", "text", "published"], ["یک", "کتابها را\nمیخوانم", "1403-11-13"],
            ["دو", long_text, ""]]
    with open(tmp_path / "a.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    with open(tmp_path / "b.tsv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t").writerows(rows)
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress((tmp_path / "a.csv").read_bytes()))
    out = tmp_path / "out.jsonl"
    r = run("process", *(str(tmp_path / n) for n in ("a.csv", "b.tsv", "c.csv.gz")), "-o", str(out),
            "--no-dedup")
    assert r.returncode == 0, r.stderr
    recs = lines(out)
    assert [x["title"] for x in recs] == ["یک", "دو"] * 3
    assert recs[0]["text"].split("\n")[::2] == [f"کتاب{Z}ها را", f"می{Z}خوانم"]  # (paragraphs)
    assert recs[0]["published"] == "2025-02-01"
    assert recs[1]["text"].startswith(f"بین{Z}المللی") and not recs[1]["published"]
    assert [x["input"] for x in recs[:2]] == [f"{tmp_path / 'a.csv'}:3", f"{tmp_path / 'a.csv'}:4"]


def test_a_stray_csv_quote_costs_no_row(tmp_path):
    """A cell that begins with a stray quote would take the lines up to the next quote (or
    the end of the file), and every row in them would be lost without a word: its row is
    read with the quote as written, with a warning, and the lines after it are read as rows
    (a second such quote too); so is a quoted cell of many lines with quotes in it that are
    not doubled. A cell whose quote closes keeps its line breaks."""
    from paknevis.corpus.inputs import UNCLOSED_QUOTE, iter_items
    from paknevis.corpus.run import process_one

    table = tmp_path / "t.csv"
    table.write_text("title,text\n"
                     'یک,"کتابها را\nمیخوانم"\n'  # (lines 2-3: a cell of two lines)
                     'دو,"نقل قولی که بسته نمیشود\n'  # 4
                     "سه,متن سوم\n"
                     'چهار,"باز هم\n'  # 6
                     "پنج,متن پنجم\n"
                     'شش,"دو\nخط"\n'  # (8-9: a row whose quote closes)
                     'هفت,"خط اول\nخط "دوم" با نقل\nخط سوم"\n'  # (10-12: quotes in a quoted cell)
                     "هشت,متن هشتم\n", encoding="utf-8")
    records = [json.loads(process_one(item)[1]) for item in iter_items([table])]
    assert [(r["input"].rsplit(":", 1)[1], r["title"], UNCLOSED_QUOTE in r["warnings"]) for r in records] == [
        ("3", "یک", False), ("4", "دو", True), ("5", "سه", False), ("6", "چهار", True), ("7", "پنج", False),
        ("9", "شش", False), ("12", "هفت", True), ("13", "هشت", False)]
    assert records[0]["text"].split("\n")[::2] == [f"کتاب{Z}ها را", f"می{Z}خوانم"]
    assert records[1]["text"] == f'"نقل قولی که بسته نمی{Z}شود'  # (the quote as written)
    assert records[5]["text"].split("\n")[::2] == ["دو", "خط"]
    assert records[6]["text"].split("\n")[::2] == ["خط اول", "خط «دوم» با نقل", "خط سوم"]


@settings(max_examples=60, deadline=None)
@given(which=st.integers(0, 5), quoted=st.booleans())
def test_a_stray_quote_before_any_row_costs_that_row_alone(tmp_path_factory, which, quoted):
    """A title that begins with a quote, in a table whose texts are quoted cells of many
    lines (as Python's csv module writes them) or that has no quotes at all (as a script
    writes one): every other row is read as in the whole table."""
    import csv

    from paknevis.corpus.inputs import iter_items

    texts = [f"متن {n}، بند اول\nبند «دوم» با \"نقل\"" if quoted else f"متن {n} در یک خط" for n in range(6)]
    out = io.StringIO()
    if quoted:
        csv.writer(out).writerows([["title", "text"], *([f"عنوان {n}", t] for n, t in enumerate(texts))])
    else:
        out.write("title,text\n" + "".join(f"عنوان {n},{t}\n" for n, t in enumerate(texts)))
    whole = out.getvalue()
    damaged = whole.replace(f"عنوان {which},", f'"عنوان {which},')
    folder = tmp_path_factory.mktemp("quote")
    rows = {}
    for name, text in (("whole.csv", whole), ("damaged.csv", damaged)):
        (folder / name).write_text(text, encoding="utf-8")
        rows[name] = [(json.loads(item.line), item.warning) for item in iter_items([folder / name])]
    assert len(rows["damaged.csv"]) == 6
    assert [r for n, r in enumerate(rows["damaged.csv"]) if n != which] == [
        r for n, r in enumerate(rows["whole.csv"]) if n != which]
    assert rows["damaged.csv"][which][0]["title"] == f'"عنوان {which}' and rows["damaged.csv"][which][1]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>بهار ایران</title>
<item><title>تظاهرات ايرانيان در پاريس</title><link>https://bahariran.ir/1</link>
<pubDate>Sat, 01 Feb 2025 10:00:00 +0330</pubDate><dc:creator>موسی افشار</dc:creator>
<description>&lt;p&gt;خلاصه&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>شکستهای اخیر با استقبال بینالمللی روبرو شده</p><script>x("ك")</script>
<p>#ایران #مجاهدین_خلق</p>]]></content:encoded></item>
<item><title>بی متن</title><link>https://bahariran.ir/2</link></item>
<item><title>دومی</title><description>متن ساده كتاب ها &amp; دفتر</description><guid>https://bahariran.ir/3</guid></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0"?><!-- a blog's Atom feed -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>دفتر</title>
<entry><title type="html">یادداشت</title><link rel="enclosure" href="https://x.ir/a.mp3"/>
<link href="https://x.ir/post"/><published>2025-02-01T10:00:00+03:30</published>
<author><name>علی</name></author><summary>کوتاه</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>کتابها را <b>میخوانم</b></p></div>
</content>
</entry></feed>
"""


def test_feeds_become_records_an_item_each(tmp_path):
    """RSS and Atom, named so or XML that begins as a feed, plain or compressed, alone or in
    a folder: an item is a record, its article's text the body, the feed's title its source,
    and an item with no text a reject."""
    (tmp_path / "a.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "b.xml.gz").write_bytes(gzip.compress(ATOM.encode()))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "site" / "sitemap.xml").write_text("<urlset><url>x</url></urlset>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("process", str(tmp_path / "a.rss"), str(tmp_path / "b.xml.gz"), str(tmp_path / "site"),
            "-o", str(out), "--no-dedup")
    assert r.returncode == 0, r.stderr
    recs = lines(out)
    first, second, atom = recs[:3]
    assert (first["title"], first["url"], first["source"], first["author"], first["published"]) == (
        "تظاهرات ایرانیان در پاریس", "https://bahariran.ir/1", "بهار ایران", "موسی افشار",
        "2025-02-01T10:00:00+03:30")
    assert first["text"] == (f"شکست{Z}های اخیر با استقبال بین{Z}المللی روبرو شده\n\n#ایران #مجاهدین_خلق")
    assert first["hashtags"] == ["ایران", "مجاهدین_خلق"] and first["input"] == f"{tmp_path / 'a.rss'}#1"
    assert (second["text"], second["url"]) == (f"متن ساده کتاب{Z}ها & دفتر", "https://bahariran.ir/3")
    assert (atom["title"], atom["url"], atom["author"], atom["source"], atom["text"]) == (
        "یادداشت", "https://x.ir/post", "علی", "دفتر", f"کتاب{Z}ها را می{Z}خوانم")
    assert [x["input"] for x in recs[3:]] == [f"{tmp_path / 'site' / 'feed.xml'}#{n}" for n in (1, 3)]
    rejects = lines(tmp_path / "out.rejects.jsonl")
    assert [x["input"] for x in rejects] == [f"{tmp_path / 'a.rss'}#2", f"{tmp_path / 'site' / 'feed.xml'}#2"]
    assert rejects[0]["reason"].startswith("a feed item with no text")


def test_a_feed_in_windows_1256_declared_or_not(tmp_path):
    # an old Persian site's feed: its letters Arabic; its site's name repaired as its title
    feed = ('<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>سايت</title>'
            "<item><title>كتاب ها</title><description>متن خبر ميشود</description></item></channel></rss>")
    (tmp_path / "a.rss").write_bytes(feed.encode("cp1256"))
    (tmp_path / "b.rss").write_bytes(feed.replace(' encoding="windows-1256"', "").encode("cp1256"))
    r = run("process", str(tmp_path / "a.rss"), str(tmp_path / "b.rss"), "-o", str(tmp_path / "o.jsonl"),
            "--no-dedup")
    assert r.returncode == 0, r.stderr
    assert [(x["title"], x["text"], x["source"]) for x in lines(tmp_path / "o.jsonl")] == [
        (f"کتاب{Z}ها", f"متن خبر می{Z}شود", "سایت")] * 2


WIKI = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="fa">
<siteinfo><sitename>ويکی‌پديا</sitename><base>https://fa.wikipedia.org/wiki/Main</base></siteinfo>
<page><title>تهران</title><ns>0</ns><revision><timestamp>2025-02-01T10:00:00Z</timestamp>
<text xml:space="preserve">{{جعبه اطلاعات شهر|نام=تهران}}
'''تهران''' پایتخت [[ایران]] و مرکز [[استان تهران|استان]] است.&lt;ref&gt;{{یادکرد وب|عنوان=x}}&lt;/ref&gt;
== تاریخ ==
شهرهای بزرگتر [[پرونده:Tehran.jpg|بندانگشتی|عکس]] بسیارند.&lt;ref&gt;منبع کتاب&lt;/ref&gt; میشود
{| class="wikitable"
|-
| یک || دو
|}
[[رده:شهرهای ایران]]
[[en:Tehran]]</text></revision></page>
<page><title>طهران</title><ns>0</ns><redirect title="تهران"/><revision><text>#تغییرمسیر [[تهران]]</text>
</revision></page>
<page><title>بحث:تهران</title><ns>1</ns><revision><text>گفتگو</text></revision></page>
<page><title>خالی</title><ns>0</ns><revision><text>{{ابهام‌زدایی}}</text></revision></page>
</mediawiki>
"""


def test_a_wikipedia_dump_becomes_records_an_article_each(tmp_path):
    """Articles only (no redirect, no talk page), their wikitext as a reader reads it: no
    template, reference, file, category or interlanguage link; a link's words kept."""
    (tmp_path / "fawiki.xml.bz2").write_bytes(bz2.compress(WIKI.encode()))
    r = run("process", str(tmp_path / "fawiki.xml.bz2"), "-o", str(tmp_path / "o.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    [article] = lines(tmp_path / "o.jsonl")
    assert (article["title"], article["url"], article["source"], article["published"]) == (
        "تهران", "https://fa.wikipedia.org/wiki/%D8%AA%D9%87%D8%B1%D8%A7%D9%86", f"ویکی{Z}پدیا",
        "2025-02-01T10:00:00Z")
    assert article["text"].split("\n\n") == [
        "تهران پایتخت ایران و مرکز استان است.", "تاریخ", f"شهرهای بزرگ{Z}تر بسیارند. می{Z}شود",
        "یک دو"]
    [empty] = lines(tmp_path / "o.rejects.jsonl")  # (a page of templates alone has no text)
    assert empty["reason"] == "an article with no text" and empty["input"].endswith("#2")
    assert run("parse", str(tmp_path / "fawiki.xml.bz2")).returncode == 2


def test_a_feed_resolves_no_entity_and_is_read_as_far_as_it_goes(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("رمز", encoding="utf-8")
    evil = tmp_path / "evil.rss"  # an external entity: a feed must not read the machine's files
    evil.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
                    "<rss><channel><item><title>الف</title><description>متن &x; پایان</description>"
                    "</item></channel></rss>", encoding="utf-8")
    misnamed = tmp_path / "feed.txt"  # a feed named as a post: one clear reject
    misnamed.write_text(RSS, encoding="utf-8")
    cut = tmp_path / "cut.rss"  # a download stopped inside its second item
    cut.write_text(RSS[:RSS.index("<item><title>دومی") + 20], encoding="utf-8")
    r = run("process", str(evil), str(cut), str(misnamed), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    recs = lines(tmp_path / "out.jsonl")
    assert "رمز" not in recs[0]["text"] and recs[0]["text"].startswith("متن")
    assert [x["input"] for x in recs[1:]] == [f"{cut}#1"]
    rejects = lines(tmp_path / "out.rejects.jsonl")
    assert [x["input"] for x in rejects] == [f"{cut}#2", f"{cut}#3", str(misnamed)]
    assert rejects[-1]["reason"].startswith("a news feed (RSS, Atom) holds many posts, not one")


def test_parquet_and_gzip_outputs_have_the_record(tmp_path):
    src = ROOT / "examples" / "blogger-post.txt"
    r = run("process", str(src), "-o", str(tmp_path / "out.parquet"))
    assert r.returncode == 0, r.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 1 and table.column("published")[0].as_py() == "2025-02-01"
    assert table.schema.field("dates").type.value_type.names[:2] == ["start", "end"]
    assert not (tmp_path / "out.parquet.partial.jsonl").exists()
    r = run("process", str(src), "-o", str(tmp_path / "out.jsonl.gz"))
    rec = json.loads(gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()))
    assert rec["mentions"] == ["@BaharIran7"]
    r = run("process", str(src), "-o", str(tmp_path / "out.csv"))
    assert r.returncode == 2 and "unknown output format" in r.stderr.decode()


def test_interrupted_run_resumes_to_exactly_one_line_per_input(tmp_path):
    dump = tmp_path / "dump.jsonl"
    n = 3000
    with open(dump, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"text": f"متن شماره {i} کتابها را میخوانم و بینالمللی است."},
                               ensure_ascii=False) + "\n")
        f.write("{not json\n")
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "paknevis", "process", str(dump), "-o", str(out), "--no-dedup"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 50_000):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)  # Ctrl-C in the middle of the run
    proc.wait(timeout=60)
    with open(out, "ab") as f:  # and a line cut short, as a kill -9 leaves it
        f.write(b'{"id": "torn", "text": "')
    r = run("process", str(dump), "-o", str(out), "--no-dedup", "--resume")
    assert r.returncode == 0, r.stderr
    refs = [x["input"] for x in lines(out)] + [x["input"] for x in lines(tmp_path / "out.rejects.jsonl")]
    assert len(refs) == len(set(refs)) == n + 1  # every input once: none lost, none twice


def test_a_dumps_dates_in_the_forms_dumps_give_them(tmp_path):
    """Every line becomes a record, whatever its date field holds; the date resolves
    دیروز when it can be read, and otherwise is kept with a warning."""
    dates = [1738368000, 1738368000000, "1403-11-13", "۱۴۰۳/۱۱/۱۳", "Sat, 01 Feb 2025 10:00:00 +0000",
             "2025-02-01T10:00:00Z", "Feb 1, 2025", "   ", None, True, "last Tuesday", 1e300]
    src = tmp_path / "dump.jsonl"
    src.write_text("".join(json.dumps({"text": ["دیروز باران آمد.", None, 7], "published": d}) + "\n"
                           for d in dates), encoding="utf-8")
    r = run("process", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0, r.stderr
    records = lines(tmp_path / "out.jsonl")
    assert [rec["text"] for rec in records] == ["دیروز باران آمد.\n\n7"] * len(dates)  # (no "None")
    yesterday = [[d["value"] for d in rec["dates"]] == ["2025-01-31"] for rec in records]
    assert yesterday == [True] * 7 + [False] * 5
    assert [rec["published"][:10] for rec in records[:7]] == ["2025-02-01"] * 7
    assert [rec["warnings"] for rec in records[7:]] == [["published: no date found"]] * 3 + [
        ["published: cannot read the date 'last Tuesday'"], ["published: cannot read the date '1e+300'"]]


def test_a_post_with_half_an_emoji_is_kept(tmp_path):
    """Scrapers and JavaScript slices cut emoji in half: a lone surrogate escape, which
    orjson refuses. The post is kept, the lone half made U+FFFD; a cut line is still refused."""
    src = tmp_path / "dump.jsonl"
    src.write_text('{"text": "کتاب ها \\ud83d", "title": "\\ud83d\\ude00 خبر"}\n'
                   '{"text": "a\\\\ud83d"}\n'
                   '{"text": "کتاب\n', encoding="utf-8")
    r = run("process", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0, r.stderr
    assert [(rec["title"], rec["text"]) for rec in lines(tmp_path / "out.jsonl")] == [
        ("😀 خبر", f"کتاب{Z}ها \ufffd"), (None, "a\\ud83d")]
    assert [rej["reason"][:8] for rej in lines(tmp_path / "out.rejects.jsonl")] == ["not JSON"]


_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
              st.sampled_from(["۱۴۰۳ بهمن ۱۳, شنبه", "1403-11-13", "کتاب ها", "#ایران", "BaharIran@ 7",
                               "<p>متن</p>", "\ud83d", "\u200c", "\x00"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional={"text": _JSON_VALUES, "title": _JSON_VALUES, "url": _JSON_VALUES,
                                           "published": _JSON_VALUES}))
def test_a_dump_line_with_text_is_a_record_whatever_else_it_holds(row):
    from paknevis.corpus.inputs import Item
    from paknevis.corpus.run import process_one

    line = json.dumps(row)  # (escaped: a lone surrogate as a dump writes it, \ud83d)
    ok, out, _ = process_one(Item(ref="dump.jsonl:1", line=line))
    result = json.loads(out)
    if ok:
        assert result["input"] == "dump.jsonl:1" and isinstance(result["text"], str)
        assert result["published"] is None or result["published"][:4].isdigit()
    else:  # only a line without text is refused: nothing else in it loses the post
        assert result["reason"].startswith(("no field 'text'", "no text in field 'text'")), result["reason"]


def test_a_dump_or_archive_that_cannot_be_read_is_a_reject_and_the_run_goes_on(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "متن خوب"}\n', encoding="utf-8")
    rows = "".join(json.dumps({"text": f"خبر {random.Random(i).getrandbits(256):x}"}) + "\n"
                   for i in range(200)).encode()
    cut = tmp_path / "cut.jsonl.gz"  # a download stopped halfway
    whole = gzip.compress(rows)
    cut.write_bytes(whole[:len(whole) // 2])
    bad = {name: tmp_path / name for name in ("a.parquet", "b.jsonl.gz", "c.jsonl.zst", "d.warc.gz")}
    for path in bad.values():
        path.write_bytes(b"\x00\x01 not what its name says")
    r = run("process", str(cut), *map(str, bad.values()), str(good), "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0, r.stderr
    records, rejects = lines(tmp_path / "out.jsonl"), lines(tmp_path / "out.rejects.jsonl")
    kept = [rec for rec in records if rec["input"].startswith(str(cut))]
    assert 0 < len(kept) < 200 and records[-1]["input"] == f"{good}:1"
    assert [rej["input"] for rej in rejects] == [str(cut), *map(str, bad.values())]
    assert rejects[0]["reason"].startswith(f"cannot read the file after {len(kept)} items (EOFError")
    assert all(rej["reason"].startswith("cannot read the file from the start (") for rej in rejects[1:4])
    assert rejects[4]["reason"] == NOTHING  # (warcio reads
    # any five words as an old ARC header, of a record that is no HTML page)


def test_an_empty_dump_or_an_archive_without_pages_is_a_reject(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    warc = tmp_path / "requests.warc.gz"
    make_warc(warc, [("https://x.ir/a.png", b"\x89PNG", "image/png")])
    r = run("process", str(empty), str(warc), "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 0, r.stderr
    assert [(rej["input"], rej["reason"]) for rej in lines(tmp_path / "out.rejects.jsonl")] == [
        (str(empty), NOTHING), (str(warc), NOTHING)]


def test_a_tei_file_is_read_by_its_name_and_an_empty_file_is_said_to_be_one(tmp_path):
    """In a folder, a .tei file that is empty, or no TEI, is a reject that says so, as a
    document's is: it was passed over as XML of another kind (a sitemap.xml still is). A
    dump or table of no bytes is an empty file, as a text file is."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "empty.tei").write_bytes(b"")
    (folder / "other.tei").write_text("<root><x/></root>", encoding="utf-8")
    (folder / "letter.tei").write_text(TEI, encoding="utf-8")
    (folder / "sitemap.xml").write_text("<urlset><url>x</url></urlset>", encoding="utf-8")
    (tmp_path / "dump.jsonl").write_bytes(b"")
    (tmp_path / "table.csv").write_bytes(b"")
    r = run("process", str(folder), str(tmp_path / "dump.jsonl"), str(tmp_path / "table.csv"),
            "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    assert [rec["input"] for rec in lines(tmp_path / "out.jsonl")] == [f"{folder / 'letter.tei'}#1"]
    assert [(rej["input"], rej["reason"]) for rej in lines(tmp_path / "out.rejects.jsonl")] == [
        (str(folder / "empty.tei"), "empty file"), (str(folder / "other.tei"), NOTHING),
        (str(tmp_path / "dump.jsonl"), "empty file"), (str(tmp_path / "table.csv"), "empty file")]


TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt><title type="sub">گزارش</title><title type="main">نامه ها</title>
      <author><persName><forename>موسی</forename> <surname>افشار</surname></persName></author></titleStmt>
    <publicationStmt><publisher>آرشیو</publisher><date when="2024-01-01"/></publicationStmt>
    <sourceDesc><biblStruct><analytic><title>نامه ها</title></analytic>
      <monogr><title level="j">روزنامه همشهری</title><idno type="URI">https://x.ir/1</idno>
      <imprint><date when="1999-05-03">۱۳ اردیبهشت ۱۳۷۸</date></imprint></monogr></biblStruct></sourceDesc>
  </fileDesc></teiHeader>
  <text><front><docTitle><titlePart>نامه ها</titlePart></docTitle></front><body><div>
    <head>سر<lb break="no"/>آغاز</head>
    <p>متن <choice><sic>غلظ</sic><corr>غلط</corr></choice> و <choice><abbr>ج.ا.</abbr><expan>جمهوری
      اسلامی</expan></choice><note>یادداشت</note> <del>حذف</del>است و <hi rend="b">مي</hi>خواست<!-- c -->
      <list><item>كتاب ها</item></list> پایان</p>
    <lg><l>مصرع اول</l><l>مصرع دوم</l></lg><fw type="pageNum">۱۲</fw>
  </div></body></text>
</TEI>
"""


def test_tei_documents_become_records_a_text_each(tmp_path):
    """A TEI file is a record; a teiCorpus, a record a text. The header's title, author,
    source's title, date and address; the body's paragraphs, headings, verse lines and list
    items as read: no note, deletion or running head, a choice's corrected or expanded
    reading, a break inside a word no space; a text with nothing in its body a reject."""
    (tmp_path / "letter.xml").write_text(TEI, encoding="utf-8")
    corpus = ('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>'
              "<TEI><teiHeader><fileDesc><titleStmt><title>دوم</title></titleStmt></fileDesc></teiHeader>"
              "<text><body><p>متن دوم</p></body></text></TEI>"
              "<TEI><teiHeader/><text><body><div><pb n='1'/></div></body></text></TEI></teiCorpus>")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "corpus.tei").write_text(corpus, encoding="utf-8")
    # TEI P4: its root TEI.2, after a doctype with entities of its own
    (tmp_path / "archive" / "p4.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TEI.2 SYSTEM "tei2.dtd" [<!ENTITY x "y">]>\n'
        "<TEI.2><teiHeader><fileDesc><titleStmt><title>سوم</title></titleStmt></fileDesc></teiHeader>"
        "<text><body><p>متن سوم</p></body></text></TEI.2>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("process", str(tmp_path / "letter.xml"), str(tmp_path / "archive"), "-o", str(out), "--no-dedup")
    assert r.returncode == 0, r.stderr
    letter, second, third = lines(out)
    assert (third["title"], third["text"]) == ("سوم", "متن سوم")
    assert (letter["title"], letter["author"], letter["source"], letter["published"], letter["url"]) == (
        f"نامه{Z}ها", "موسی افشار", "روزنامه همشهری", "1999-05-03", "https://x.ir/1")
    assert letter["text"].split("\n\n") == [
        "سرآغاز", f"متن غلط و جمهوری اسلامی است و می{Z}خواست", f"کتاب{Z}ها", "پایان", "مصرع اول", "مصرع دوم"]
    assert (second["title"], second["text"], second["input"]) == (
        "دوم", "متن دوم", f"{tmp_path / 'archive' / 'corpus.tei'}#1")
    [empty] = lines(tmp_path / "out.rejects.jsonl")
    assert (empty["reason"], empty["input"][-2:]) == ("a TEI text with no text (nothing in its body)", "#2")


def test_opendocument_texts_become_records(tmp_path):
    """An .odt file is a record, as a Word document is: the paragraph styled Title (here by
    an automatic style that derives from it) the title, a heading of level 1 the title where
    none is; the body's paragraphs, a field's text too; not a footnote, a comment, text
    deleted in tracked changes or a table of contents."""
    folder = tmp_path / "archive"
    folder.mkdir()
    body = ('<text:tracked-changes><text:changed-region><text:deletion><text:p>حذف شده</text:p>'
            "</text:deletion></text:changed-region></text:tracked-changes>"
            "<text:table-of-content><text:index-body><text:p>فهرست</text:p></text:index-body></text:table-of-content>"
            '<text:h text:outline-level="1">سرفصل</text:h>'
            '<text:p text:style-name="P1">گزارش <text:span>سال</text:span> ها</text:p>'
            '<text:p>متن<text:s text:c="3"/>گزارش ميشود<text:note><text:note-body><text:p>پانویس</text:p>'
            '</text:note-body></text:note> در <text:date>۱۴۰۳/۰۱/۰۱</text:date></text:p>'
            "<text:p><office:annotation><text:p>نظر</text:p></office:annotation>پایان</text:p>")
    write_odt(folder / "report.odt", body, styles='<style:style style:name="P1" style:family="paragraph" '
                                                  'style:parent-style-name="Title"/>')
    write_odt(folder / "notes.odt", '<text:h text:outline-level="1">یادداشت</text:h>'
                                    "<text:p>متن کوتاه</text:p>")
    (folder / "broken.odt").write_bytes(b"PK not a zip")
    write_odt(folder / "empty.odt", "<text:p> </text:p>")
    r = run("process", str(folder), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    notes, report = lines(tmp_path / "out.jsonl")
    assert (report["title"], report["text"]) == (
        f"گزارش سال{Z}ها", f"سرفصل\n\nمتن گزارش می{Z}شود در ۱۴۰۳/۰۱/۰۱\n\nپایان")
    assert (notes["title"], notes["text"]) == ("یادداشت", "متن کوتاه")
    broken, empty = lines(tmp_path / "out.rejects.jsonl")  # (an empty document: no record)
    assert broken["input"].endswith("broken.odt") and broken["reason"].startswith("not an OpenDocument text")
    assert empty["input"].endswith("empty.odt") and empty["reason"].startswith("a document with no text")


def test_a_documents_hyperlinks_are_its_records_links(tmp_path):
    """The web addresses behind a Word document's or an OpenDocument text's words are the
    record's links, in order, each once: a hyperlink's (by its relationship, in a .docx) and
    a HYPERLINK field's (its code in two runs, as Word may write it); not a place in the
    document, an e-mail address, or a footnote's."""
    from test_docx_text import write_docx

    r_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    write_docx(tmp_path / "report.docx",
               "<w:p><w:r><w:t>عنوان</w:t></w:r></w:p>"
               f'<w:p><w:r><w:t>متن </w:t></w:r><w:hyperlink r:id="rId7" {r_ns}><w:r><w:t>خبر</w:t></w:r>'
               f'</w:hyperlink><w:hyperlink w:anchor="بخش۲"><w:r><w:t>بخش</w:t></w:r></w:hyperlink>'
               '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
               'HYPERLINK "https://b.</w:instrText></w:r><w:r><w:instrText>ir/2" </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/>'
               '</w:r><w:r><w:t>دوم</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
               f'<w:hyperlink r:id="rId8" {r_ns}><w:r><w:t>نامه</w:t></w:r></w:hyperlink>'
               f'<w:hyperlink r:id="rId7" {r_ns}><w:r><w:t>باز</w:t></w:r></w:hyperlink></w:p>',
               links={"rId7": "https://a.ir/news?id=1&p=2", "rId8": "mailto:a@b.ir"})
    write_odt(tmp_path / "report.odt",
              "<text:p>عنوان</text:p><text:p>متن "
              '<text:a xlink:type="simple" xlink:href="https://a.ir/1">خبر</text:a> و '
              '<text:a xlink:type="simple" xlink:href="#بخش">بخش</text:a>'
              '<text:note><text:note-body><text:p><text:a xlink:href="https://note.ir">منبع</text:a>'
              "</text:p></text:note-body></text:note></text:p>")
    r = run("process", str(tmp_path / "report.docx"), str(tmp_path / "report.odt"),
            "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    docx, odt = lines(tmp_path / "out.jsonl")
    assert (docx["text"], docx["links"]) == ("متن خبربخشدومنامهباز", ["https://a.ir/news?id=1&p=2", "https://b.ir/2"])
    assert (odt["text"], odt["links"]) == ("متن خبر و بخش", ["https://a.ir/1"])


def test_epub_books_become_records(tmp_path):
    """An EPUB book is a record: its package document's title, author, date and publisher;
    its chapters' text in the spine's order, not a chapter's head, nor a part read apart
    (linear="no")."""
    import zipfile

    folder = tmp_path / "books"
    folder.mkdir()
    write_epub(folder / "book.epub")
    with zipfile.ZipFile(folder / "book.epub") as z:
        parts = {name: z.read(name) for name in z.namelist()}
    package = parts["OEBPS/content.opf"].decode()
    for old, new in {  # a date and a publisher; a second chapter, and notes read apart between them
            "<dc:language>": "<dc:date>2020-03-01</dc:date><dc:publisher>نشر ني</dc:publisher><dc:language>",
            '<item id="c1"': '<item id="c2" href="فصل%202.xhtml" media-type="application/xhtml+xml"/>'
                             '<item id="n" href="notes.xhtml" media-type="application/xhtml+xml"/>'
                             '<item id="c1"',
            '<itemref idref="c1"/>': '<itemref idref="c1"/><itemref idref="n" linear="no"/>'
                                     '<itemref idref="c2"/>'}.items():
        package = package.replace(old, new)
    parts["OEBPS/content.opf"] = package.encode()
    parts["OEBPS/فصل 2.xhtml"] = "<html><body><h2>فصل دوم</h2><p>پايان</p></body></html>".encode()
    parts["OEBPS/notes.xhtml"] = "<html><body><p>یادداشت</p></body></html>".encode()
    with zipfile.ZipFile(folder / "book.epub", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    (folder / "broken.epub").write_bytes(b"not a zip")
    r = run("process", str(folder), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    [book] = lines(tmp_path / "out.jsonl")
    assert (book["title"], book["author"], book["published"], book["source"]) == (
        f"کتاب{Z}ها", "علی", "2020-03-01", "نشر نی")
    assert book["text"].split("\n\n") == [f"این کتاب را می{Z}خوانم.", "گفت: «سلام»", "فصل دوم", "پایان"]
    [broken] = lines(tmp_path / "out.rejects.jsonl")
    assert broken["input"].endswith("broken.epub") and broken["reason"].startswith("not an EPUB book")


def test_a_books_missing_chapter_is_a_warning_and_a_book_with_no_text_a_reject(tmp_path):
    """A chapter of the spine that the book's zip lacks is a warning of its record; a book
    none of whose chapters the zip holds has no text, and is a reject, as a Word document
    with no text is (not an empty record with its title)."""
    import zipfile

    from paknevis.documents.epub_book import read_epub_book

    write_epub(tmp_path / "book.epub")
    with zipfile.ZipFile(tmp_path / "book.epub") as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["OEBPS/content.opf"] = parts["OEBPS/content.opf"].replace(
        b'<itemref idref="c1"/>', b'<itemref idref="c1"/><itemref idref="c2"/>').replace(
        b"</manifest>", b'<item id="c2" href="ch2.xhtml" media-type="application/xhtml+xml"/></manifest>')
    with zipfile.ZipFile(tmp_path / "partial.epub", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    post = read_epub_book(tmp_path / "partial.epub")
    assert post.body[0] == "كتاب ها" and post.warnings == [
        "text: the chapter OEBPS/ch2.xhtml of the spine is not in the file"]

    del parts["OEBPS/ch1.xhtml"]
    with zipfile.ZipFile(tmp_path / "empty.epub", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(ValueError, match=r"no text .*not in the file: OEBPS/ch1.xhtml, OEBPS/ch2.xhtml\)"):
        read_epub_book(tmp_path / "empty.epub")


def test_a_post_that_a_file_cut_short_ends_inside_is_read_with_a_warning(tmp_path):
    """A feed, a Wikipedia dump or a TEI document cut short (a download cut off) is read as
    far as it goes: the post the file ends inside is a record with a warning that its text
    may lack its end, or a reject that says the file ends inside it; the posts before it
    have no such warning."""
    from paknevis.documents.xml_stream import CUT_SHORT

    cuts = {"feed.rss": RSS[:RSS.rindex("</description>") - 4],
            "fawiki.xml": WIKI[:WIKI.index("[[رده:")],
            "letter.tei": TEI[:TEI.rindex("</p>")]}
    for name, text in cuts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = run("process", *(str(tmp_path / name) for name in cuts), "-o", str(tmp_path / "out.jsonl"),
            "--no-dedup")
    assert r.returncode == 0, r.stderr
    records = lines(tmp_path / "out.jsonl")
    warned = {rec["input"].rsplit("/", 1)[1]: CUT_SHORT in rec["warnings"] for rec in records}
    assert warned == {"feed.rss#1": False, "feed.rss#3": True, "fawiki.xml#1": True, "letter.tei#1": True}
    article = next(rec for rec in records if rec["input"].endswith("fawiki.xml#1"))
    assert article["text"].startswith("تهران پایتخت ایران")  # (what came before the cut)
    [empty_item] = lines(tmp_path / "out.rejects.jsonl")
    assert empty_item["input"].endswith("feed.rss#2") and not empty_item["reason"].endswith("ends inside it")



#: the kinds of file that ``process`` reads, as the damaged-file test names them
DAMAGED_KINDS = ("feed.rss", "feed.atom", "fawiki.xml", "fawiki.xml.bz2", "letter.tei", "feed.rss.gz",
                 "book.epub", "notes.odt", "post.txt", "page.html", "dump.jsonl", "table.csv", "result.json",
                 "posts.json", "messages.html", "tweets.js", "twitter.zip")


@pytest.fixture(scope="module")
def whole_files(tmp_path_factory) -> dict[str, bytes]:
    """A file of each of ``DAMAGED_KINDS``, whole, to be damaged."""
    folder = tmp_path_factory.mktemp("whole")
    write_epub(folder / "book.epub")
    write_odt(folder / "notes.odt", '<text:h text:outline-level="1">عنوان</text:h><text:p>متن میشود</text:p>')
    with zipfile.ZipFile(folder / "twitter.zip", "w") as z:
        z.writestr("data/tweets.js", TWEETS)
        z.writestr("data/account.js", ACCOUNT)
    return {"feed.rss": RSS.encode(), "feed.atom": ATOM.encode(), "fawiki.xml": WIKI.encode(),
            "fawiki.xml.bz2": bz2.compress(WIKI.encode()), "letter.tei": TEI.encode(),
            "feed.rss.gz": gzip.compress(RSS.encode()), "book.epub": (folder / "book.epub").read_bytes(),
            "notes.odt": (folder / "notes.odt").read_bytes(),
            "post.txt": (ROOT / "examples" / "blogger-post.txt").read_bytes(),
            "page.html": "<p>متن میشود</p>".encode(),
            "dump.jsonl": '{"title": "عنوان", "text": "متن میشود"}\n{"text": "كتاب ها"}'.encode(),
            "table.csv": "title,text\nعنوان,متن میشود\n".encode(),
            "result.json": json.dumps(TELEGRAM, ensure_ascii=False, indent=1).encode(),
            "posts.json": '[{"title": "عنوان", "text": "متن میشود"}, {"text": ["كتاب ها"]}]'.encode(),
            "messages.html": TELEGRAM_PAGE.encode(), "tweets.js": TWEETS.encode(),
            "twitter.zip": (folder / "twitter.zip").read_bytes()}


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(DAMAGED_KINDS), cut=st.floats(0, 1),
       changes=st.lists(st.tuples(st.floats(0, 0.999), st.integers(0, 255)), max_size=4))
def test_a_damaged_file_of_any_kind_is_records_or_rejects_and_never_a_crash(whole_files, tmp_path_factory,
                                                                            kind, cut, changes):
    """A file cut short or with bytes changed, of any kind: every input it holds is a record
    or a reject, none of them an internal error (a bug), and the file is accounted for. (A
    hunt of 5,100 damaged files, and 2,800 repaired with 'paknevis fix', found none.)"""
    from paknevis.corpus.inputs import iter_items
    from paknevis.corpus.run import process_one

    data = bytearray(whole_files[kind])
    for at, byte in changes:
        data[int(at * len(data))] = byte
    path = tmp_path_factory.mktemp("damaged") / kind
    path.write_bytes(bytes(data[:round(cut * len(data))]))
    items = list(iter_items([path]))
    assert items
    for item in items:
        ok, output, _ = process_one(item)
        assert ok or b"internal error" not in output, output


TELEGRAM = {
    "name": "كانال خبري", "type": "public_channel", "id": 1234567,
    "messages": [
        {"id": 1, "type": "service", "date": "2024-01-01T10:00:00", "date_unixtime": "1704090600",
         "actor": "کانال", "action": "create_channel", "title": "کانال خبری", "text": "",
         "text_entities": []},
        {"id": 2, "type": "message", "date": "2025-02-01T10:00:00", "date_unixtime": "1738391400",
         "from": "کانال خبری", "from_id": "channel1234567", "author": "علي",
         "text": ["شکستهای اخیر با استقبال بینالمللی روبرو شده ", {"type": "hashtag", "text": "#ايران"},
                  " و ", {"type": "bold", "text": "میشود"}, " ", {"type": "link", "text": "https://x.ir/a"},
                  " ", {"type": "text_link", "text": "اینجا", "href": "https://x.ir/b"}],
         "text_entities": [{"type": "plain", "text": "شکستهای اخیر"}]},
        {"id": 3, "type": "message", "date": "2025-02-02T11:00:00", "date_unixtime": "1738481400",
         "from": "کانال خبری", "photo": "photos/photo_1.jpg", "text": "", "text_entities": []},
        {"id": 5, "type": "message", "date": "2025-02-02T12:00:00", "date_unixtime": "1738485000",
         "from": "کانال خبری", "photo": "photos/photo_2.jpg", "text": "کتاب ها را میخوانم\nخط دوم",
         "text_entities": [{"type": "plain", "text": "کتاب ها را میخوانم\nخط دوم"}]},
    ]}


def test_a_telegram_export_is_a_record_a_message(tmp_path):
    """A channel's export by Telegram Desktop (result.json, in its folder or named alone,
    compressed or not): a message is a record, its text read whole across its entities,
    its time from its Unix time (UTC), the channel's name its source, its signature its
    author and its link t.me/c/CHANNEL/MESSAGE; a service message or one with no text is a
    reject that says so."""
    folder = tmp_path / "ChatExport_2025-02-02"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "photo_1.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "result.json").write_text(json.dumps(TELEGRAM, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "other.json").write_text('{"a": 1}', encoding="utf-8")  # (no post: passed over)
    (tmp_path / "result.json.gz").write_bytes(gzip.compress(json.dumps(TELEGRAM).encode()))
    r = run("process", str(folder), str(tmp_path / "result.json.gz"), "-o", str(tmp_path / "out.jsonl"),
            "--no-dedup")
    assert r.returncode == 0, r.stderr
    records = lines(tmp_path / "out.jsonl")
    assert [rec["input"] for rec in records] == [
        f"{folder / 'result.json'}#2", f"{folder / 'result.json'}#5",
        f"{tmp_path / 'result.json.gz'}#2", f"{tmp_path / 'result.json.gz'}#5"]
    post, photo = records[:2]
    assert post["text"] == (f"شکست{Z}های اخیر با استقبال بین{Z}المللی روبرو شده #ایران و می{Z}شود "
                            "https://x.ir/a اینجا")
    assert [post[k] for k in ("source", "author", "published", "hashtags", "links", "url")] == [
        "کانال خبری", "علی", "2025-02-01T06:30:00+00:00", ["ایران"], ["https://x.ir/a", "https://x.ir/b"],
        "https://t.me/c/1234567/2"]  # (the link behind اینجا among the record's)
    assert (photo["text"], photo["author"]) == (f"کتاب{Z}ها را می{Z}خوانم\n\nخط دوم", "کانال خبری")
    assert records[2]["text"] == post["text"]
    rejects = [(rej["input"].rsplit("#", 1)[1], rej["reason"])
               for rej in lines(tmp_path / "out.rejects.jsonl")]
    assert rejects == [("1", "a service message (create_channel), no post"),
                       ("3", "a message with no text (photo)")] * 2
    r = run("parse", str(folder / "result.json"))  # (one post's command: says what to run)
    assert r.returncode == 2 and r.stderr.decode().strip().endswith(
        "a Telegram export holds many posts, not one: 'paknevis process' makes a record of each")
    r = run("parse", str(folder / "other.json"))
    assert r.returncode == 2 and "JSON, whose posts 'paknevis process' makes records of" in r.stderr.decode()


def test_a_json_file_of_posts_or_of_one_post(tmp_path):
    """A .json file: an array of posts (streamed), a record each, as a dump's lines are; or
    one post, pretty-printed. A post's text in pieces and entities is read as one text (a
    Telegram message's in a dump), where a list of strings is paragraphs."""
    posts = [{"title": "یکم", "text": ["بند اول", "بند دوم"]},
             {"title": "دوم", "text": ["روبرو شده ", {"type": "hashtag", "text": "#ايران"}, " و"]}, 7]
    (tmp_path / "posts.json").write_text(json.dumps(posts, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"title": "تک", "text": "متن میشود"}, indent=2),
                                       encoding="utf-8")
    r = run("process", str(tmp_path / "posts.json"), str(tmp_path / "one.json"),
            "-o", str(tmp_path / "o.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    assert [(rec["input"].rsplit("/", 1)[1], rec["text"]) for rec in lines(tmp_path / "o.jsonl")] == [
        ("posts.json#1", "بند اول\n\nبند دوم"), ("posts.json#2", "روبرو شده #ایران و"),
        ("one.json", f"متن می{Z}شود")]
    [not_a_post] = lines(tmp_path / "o.rejects.jsonl")
    assert not_a_post["input"].endswith("posts.json#3")
    assert not_a_post["reason"] == "a post that is no object (at byte 169 of the array)"


TELEGRAM_PAGE = """<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
  <link href="css/style.css" rel="stylesheet"/>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header">
    <div class="content">
     <div class="text bold">
كانال خبري
     </div>
    </div>
   </div>
   <div class="page_body chat_page">
    <div class="history">
     <div class="message service" id="message-1">
      <div class="body details">
1 February 2025
      </div>
     </div>
     <div class="message service" id="message1">
      <div class="body details">
Channel «کانال خبری» created
      </div>
     </div>
     <div class="message default clearfix" id="message2">
      <div class="pull_left userpic_wrap">
       <div class="userpic userpic2" style="width: 42px; height: 42px">
        <div class="initials" style="line-height: 42px">ک</div>
       </div>
      </div>
      <div class="body">
       <div class="pull_right date details" title="01.02.2025 10:00:00 UTC+03:30">
10:00
       </div>
       <div class="from_name">
کانال خبری
       </div>
       <div class="text">
شکستهای اخیر با استقبال بینالمللی روبرو شده
<a href="" onclick="return ShowHashtag(&quot;ايران&quot;)">#ايران</a> و
<strong>میشود</strong><br><a href="https://x.ir/a">https://x.ir/a</a> <a href="https://x.ir/b">اینجا</a>
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message3">
      <div class="body">
       <div class="pull_right date details" title="01.02.2025 10:05:00 UTC+03:30">
10:05
       </div>
       <div class="media_wrap clearfix">
        <a class="photo_wrap clearfix pull_left" href="photos/photo_1@01-02-2025_10-05-00.jpg">
         <img class="photo" src="photos/photo_1@01-02-2025_10-05-00_thumb.jpg"
          style="width: 260px; height: 173px"/>
        </a>
       </div>
      </div>
     </div>
     <div class="message default clearfix joined" id="message4">
      <div class="body">
       <div class="pull_right date details" title="01.02.2025 10:06:00 UTC+03:30">
10:06
       </div>
       <div class="media_wrap clearfix">
        <a class="photo_wrap clearfix pull_left" href="photos/photo_2.jpg">
         <img class="photo" src="photos/photo_2_thumb.jpg"/></a>
       </div>
       <div class="text">
کتاب ها را میخوانم
       </div>
       <div class="signature details">
علي
       </div>
      </div>
     </div>
    </div>
   </div>
  </div>
 </body>
</html>
"""


def test_a_page_of_a_telegram_html_export_is_a_record_a_message(tmp_path):
    """Telegram Desktop exports as HTML by default: a page of a thousand messages each
    (messages.html, messages2.html, …). A message is a record, as in the JSON: its text, its
    time with its zone (the title of its date), the channel's name (the page's header) its
    source, its signature or else its sender its author; a message that follows its
    sender's (joined) names none, and is the last one named's; a date line between days is
    no message, a service message and a photo without a caption are rejects."""
    folder = tmp_path / "ChatExport"
    folder.mkdir()
    (folder / "messages.html").write_text(TELEGRAM_PAGE, encoding="utf-8")
    (folder / "page.html").write_text("<html><body><p>متن میشود</p></body></html>", encoding="utf-8")
    r = run("process", str(folder), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    records = lines(tmp_path / "out.jsonl")
    assert [rec["input"].rsplit("/", 1)[1] for rec in records] == [
        "messages.html#2", "messages.html#4", "page.html"]
    post, caption = records[:2]
    assert post["text"] == (f"شکست{Z}های اخیر با استقبال بین{Z}المللی روبرو شده #ایران و می{Z}شود\n\n"
                            "https://x.ir/a اینجا")
    assert [post[k] for k in ("source", "author", "published", "hashtags", "links")] == [
        "کانال خبری", "کانال خبری", "2025-02-01T10:00:00+03:30", ["ایران"], ["https://x.ir/a", "https://x.ir/b"]]
    assert (caption["text"], caption["author"]) == (f"کتاب{Z}ها را می{Z}خوانم", "علی")  # (signed)
    rejects = lines(tmp_path / "out.rejects.jsonl")
    assert [(rej["input"].rsplit("#", 1)[1], rej["reason"]) for rej in rejects] == [
        ("1", "a service message (Channel «کانال خبری» created), no post"),
        ("3", "a message with no text (photo)")]
    r = run("parse", str(folder / "messages.html"))
    assert r.returncode == 2 and "a page of a Telegram export holds many posts" in r.stderr.decode()


def test_a_telegram_export_with_a_bom_odd_messages_or_cut_short(tmp_path):
    """A byte-order mark before the export (as a Windows editor saves it) is read past; a
    message that is no object, or has no id, is its place in the list ('n2'); a time out of
    range is the date as written; an export cut short inside a message keeps the messages
    before it, and that message is a reject that says so."""
    export = ('\ufeff{"name": "کانال", "messages": [{"id": 7, "text": "یک", '
              '"date_unixtime": "99999999999999999999", "date": "2025-02-01T10:00:00"}, "متن", '
              '{"text": ["دو ", {"type": "bold"}, 3]}, {"id": 9, "text": "سه"')
    (tmp_path / "result.json").write_text(export, encoding="utf-8")
    r = run("process", str(tmp_path / "result.json"), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    records = lines(tmp_path / "out.jsonl")
    assert [(rec["input"].rsplit("#", 1)[1], rec["text"], rec["published"]) for rec in records] == [
        ("7", "یک", "2025-02-01T10:00:00"), ("n3", "دو", None)]
    rejects = lines(tmp_path / "out.rejects.jsonl")
    assert [(rej["input"].rsplit("/", 1)[1], rej["reason"]) for rej in rejects] == [
        ("result.json#n2", "a message that is no object (at byte 99 of the array)"),
        ("result.json#n4", "a message that the file ends inside (at byte 151 of the array)")]


def test_a_json_array_on_one_line_damaged_costs_the_damaged_post_alone(tmp_path):
    """json.dump(posts, f) writes no layout to cut by: the posts are found by their braces,
    and a stray quote (which turns the strings after it inside out) costs its post alone."""
    posts = [{"title": f"عنوان {i}", "text": f"متن شماره {i} درباره بین المللی"} for i in range(4)]
    dump = json.dumps(posts, ensure_ascii=False)
    at = dump.index("متن شماره 2")
    (tmp_path / "posts.json").write_text(dump[:at] + '"' + dump[at:], encoding="utf-8")
    r = run("process", str(tmp_path / "posts.json"), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    assert [rec["title"] for rec in lines(tmp_path / "out.jsonl")] == ["عنوان ۰", "عنوان ۱", "عنوان ۳"]
    [reject] = lines(tmp_path / "out.rejects.jsonl")
    assert reject["input"].endswith("posts.json#3")
    assert reject["reason"].startswith("a post whose JSON is broken (at byte ")


def test_a_telegram_export_or_x_archive_on_one_line_damaged_costs_the_damaged_post_alone(tmp_path):
    """An export or an archive written on one line (json.dump, no indent) is cut by its
    braces: a stray quote in a message or a tweet costs it alone."""
    export = {"name": "کانال", "type": "public_channel", "id": 5,
              "messages": [{"id": n, "type": "message", "text": f"پیام {n}",
                            "text_entities": [{"type": "plain", "text": f"پیام {n}"}]} for n in range(4)]}
    data = json.dumps(export, ensure_ascii=False)
    at = data.index("پیام 2")
    (tmp_path / "result.json").write_text(data[:at] + '"' + data[at:], encoding="utf-8")
    tweets = [{"tweet": {"id_str": str(n), "full_text": f"توییت {n}"}} for n in range(4)]
    data = "window.YTD.tweets.part0 = " + json.dumps(tweets, ensure_ascii=False)
    at = data.index("توییت 1")
    (tmp_path / "tweets.js").write_text(data[:at] + '"' + data[at:], encoding="utf-8")
    r = run("process", str(tmp_path / "result.json"), str(tmp_path / "tweets.js"),
            "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    assert [rec["text"] for rec in lines(tmp_path / "out.jsonl")] == [
        "پیام ۰", "پیام ۱", "پیام ۳", "توییت ۰", "توییت ۲", "توییت ۳"]
    assert [(rej["input"].rsplit("/", 1)[1], rej["reason"].split(" (")[0])
            for rej in lines(tmp_path / "out.rejects.jsonl")] == [
        ("result.json#n3", "a message whose JSON is broken"),
        ("tweets.js#n2", "a tweet whose JSON is broken")]


TWEETS = """window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : { "hashtags" : [ { "text" : "ايران", "indices" : [ "31", "37" ] } ],
                     "urls" : [ { "url" : "https://t.co/abc", "expanded_url" : "https://x.ir/news/1" } ] },
      "id_str" : "1885000000000000001",
      "created_at" : "Sat Feb 01 06:30:00 +0000 2025",
      "full_text" : "شکستهای اخیر با استقبال بینالمللی #ايران &amp; &lt;خبر&gt; https://t.co/abc",
      "lang" : "fa"
    }
  },
  { "tweet" : { "id_str" : "1885000000000000002", "created_at" : "Sun Feb 02 07:00:00 +0000 2025",
                "full_text" : "" } }
]
"""
ACCOUNT = """window.YTD.account.part0 = [ { "account" : { "email" : "x@example.com",
  "username" : "BaharIran7", "accountId" : "123", "accountDisplayName" : "بهار ايران" } } ]
"""


def test_an_x_archives_tweets_are_a_record_each(tmp_path):
    """An X (Twitter) account's archive: its data/tweets.js (JSON behind a line of
    JavaScript) is a record a tweet: its text, unescaped as X escapes it (&amp;), its time,
    its link; the account (data/account.js) its source and author. Its other scripts are
    passed over in a folder, and a reject where named alone; a tweets file with no account
    beside it links each tweet by its id alone."""
    data = tmp_path / "twitter-2025" / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text(TWEETS, encoding="utf-8")
    (data / "account.js").write_text(ACCOUNT, encoding="utf-8")
    (data / "like.js").write_text("window.YTD.like.part0 = []", encoding="utf-8")
    alone = tmp_path / "tweets-part1.js"
    alone.write_text(TWEETS.replace("part0", "part1"), encoding="utf-8")
    r = run("process", str(tmp_path / "twitter-2025"), str(alone), str(data / "like.js"),
            "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    tweet, other = lines(tmp_path / "out.jsonl")
    assert tweet["text"] == f"شکست{Z}های اخیر با استقبال بین{Z}المللی #ایران & <خبر> https://t.co/abc"
    assert [tweet[k] for k in ("input", "url", "source", "author", "published", "hashtags", "links")] == [
        f"{data / 'tweets.js'}#1885000000000000001", "https://x.com/BaharIran7/status/1885000000000000001",
        "@BaharIran7", "بهار ایران", "2025-02-01T06:30:00+00:00", ["ایران"],
        ["https://t.co/abc", "https://x.ir/news/1"]]  # (and the address its t.co stands for)
    assert (other["url"], other["source"]) == ("https://x.com/i/web/status/1885000000000000001", None)
    rejects = [(rej["input"].rsplit("/", 1)[1], rej["reason"])
               for rej in lines(tmp_path / "out.rejects.jsonl")]
    assert rejects == [("tweets.js#1885000000000000002", "a tweet with no text"),
                       ("tweets-part1.js#1885000000000000002", "a tweet with no text"),
                       ("like.js", "a script, not an X (Twitter) archive's tweets (data/tweets.js)")]
    r = run("parse", str(data / "tweets.js"))
    assert r.returncode == 2 and "an X (Twitter) archive's tweets file holds many posts" in r.stderr.decode()


def test_an_x_archive_is_read_as_x_gives_it_a_zip_file(tmp_path):
    """The archive as downloaded, a zip file, alone or in a folder, is read as unpacked:
    each tweet's ref names the file in the zip; a zip file of something else, or one that
    zipfile cannot read, is a reject where named alone, and passed over in a folder."""
    import zipfile

    folder = tmp_path / "downloads"
    folder.mkdir()
    with zipfile.ZipFile(folder / "twitter-2025.zip", "w") as z:
        z.writestr("data/tweets.js", TWEETS)
        z.writestr("data/account.js", ACCOUNT)
        z.writestr("Your archive.html", "<html></html>")
    with zipfile.ZipFile(folder / "photos.zip", "w") as z:
        z.writestr("a.jpg", b"\xff\xd8")
    later = bytearray((folder / "twitter-2025.zip").read_bytes())  # (a zip version zipfile cannot read)
    later[later.index(b"PK\x01\x02") + 6] = 71
    (tmp_path / "later.zip").write_bytes(later)
    r = run("process", str(folder), str(folder / "photos.zip"), str(tmp_path / "later.zip"),
            "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    [tweet] = lines(tmp_path / "out.jsonl")
    assert (tweet["input"], tweet["source"]) == (
        f"{folder / 'twitter-2025.zip'}!data/tweets.js#1885000000000000001", "@BaharIran7")
    rejects = lines(tmp_path / "out.rejects.jsonl")
    assert [(rej["input"].removeprefix(f"{folder}/"), rej["reason"]) for rej in rejects] == [
        ("twitter-2025.zip!data/tweets.js#1885000000000000002", "a tweet with no text"),
        ("photos.zip", "a zip file, not an X (Twitter) archive (no data/tweets.js in it)"),
        (str(tmp_path / "later.zip"), "not an X (Twitter) archive (not a zip file that can be read)")]
