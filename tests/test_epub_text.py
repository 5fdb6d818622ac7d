"""EPUB books repaired as EPUB books (repair/epub_text.py): chapters as pages, the title and
the table of contents as XML, every other part byte for byte."""
import json
import zipfile
from html import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run
from test_properties import SETTINGS, texts

from paknevis import fix_html
from paknevis.repair import ZippedError
from paknevis.repair.epub_text import fix_epub

Z = "\u200c"
CHAPTER = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fa" dir="rtl">
<head><title>فصل يكم</title><link rel="stylesheet" href="style.css"/></head>
<body>
<h1>كتاب ها</h1>
<p>این کتاب را میخوانم.<br/>گفت: "سلام"</p>
<img src="images/a.jpg" alt="تصوير كتاب"/>
<script>var x = "كتاب";</script>
</body></html>
"""
PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:كتاب</dc:identifier>
<dc:title>كتاب ها</dc:title><dc:creator>علي</dc:creator><dc:language>fa</dc:language></metadata>
<manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c1"/></spine></package>
"""
CONTENTS = ('<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/">'
            "<navMap><navPoint><navLabel><text>فصل يكم</text></navLabel><content src=\"ch1.xhtml\"/>"
            "</navPoint></navMap></ncx>")
STYLE = 'p::before { content: "كتاب"; }'
IMAGE = bytes(range(256))


def write_epub(path, chapter: str | bytes = CHAPTER) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:'
                   'oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/'
                   'content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
        z.writestr("OEBPS/content.opf", PACKAGE)
        z.writestr("OEBPS/toc.ncx", CONTENTS)
        z.writestr("OEBPS/ch1.xhtml", chapter)
        z.writestr("OEBPS/style.css", STYLE)
        z.writestr("OEBPS/images/a.jpg", IMAGE, zipfile.ZIP_STORED)


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.epub"
    write_epub(path)
    return path


def test_a_books_text_is_repaired_and_the_rest_kept(book, tmp_path):
    out = tmp_path / "fixed.epub"
    assert fix_epub(book, out) == 7  # texts changed: two of the chapter's paragraph (a <br/> parts it)
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(book) as before:
        chapter = z.read("OEBPS/ch1.xhtml").decode()
        assert chapter == fix_html(CHAPTER)
        for old, new in [("<title>فصل يكم", "<title>فصل یکم"), ("كتاب ها</h1>", f"کتاب{Z}ها</h1>"),
                         ("میخوانم", f"می{Z}خوانم"), ('"سلام"', "«سلام»"),
                         ('alt="تصوير كتاب"', 'alt="تصویر کتاب"')]:
            assert old in CHAPTER and new in chapter
        assert '<script>var x = "كتاب";</script>' in chapter
        package = z.read("OEBPS/content.opf").decode()
        # the title is repaired; the identifier and the author's name are data
        assert f"<dc:title>کتاب{Z}ها</dc:title>" in package and "urn:كتاب" in package and "علي" in package
        assert "<text>فصل یکم</text>" in z.read("OEBPS/toc.ncx").decode()
        assert [i.filename for i in z.infolist()] == [i.filename for i in before.infolist()]
        assert z.infolist()[0].compress_type == zipfile.ZIP_STORED  # mimetype, first and stored
        for name in ("mimetype", "META-INF/container.xml", "OEBPS/style.css", "OEBPS/images/a.jpg"):
            assert z.read(name) == before.read(name)
    assert fix_epub(out, tmp_path / "again.epub") == 0


@SETTINGS
@given(st.lists(texts, min_size=1, max_size=4))
def test_a_chapter_comes_out_as_fix_html_makes_it(tmp_path_factory, paragraphs):
    folder = tmp_path_factory.mktemp("e")
    chapter = CHAPTER.replace("<h1>", "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "<h1>")
    write_epub(folder / "a.epub", chapter)
    fix_epub(folder / "a.epub", folder / "b.epub")
    with zipfile.ZipFile(folder / "b.epub") as z:
        assert z.read("OEBPS/ch1.xhtml").decode() == fix_html(chapter)


def test_a_chapter_that_is_no_utf8_is_an_error(tmp_path):
    path = tmp_path / "a.epub"
    write_epub(path, CHAPTER.encode("utf-16"))
    with pytest.raises(ZippedError, match="OEBPS/ch1.xhtml is not UTF-8"):
        fix_epub(path, tmp_path / "b.epub")


def test_the_command_repairs_a_book(book, tmp_path):
    r = run("fix", str(book))
    assert r.returncode == 0, r.stderr
    fixed = tmp_path / "fixed.epub"
    fixed.write_bytes(r.stdout)
    piped = run("fix", input=book.read_bytes())  # (known by its first bytes: mimetype)
    assert piped.returncode == 0, piped.stderr
    for out in (fixed, tmp_path / "piped.epub"):
        out.write_bytes(r.stdout if out == fixed else piped.stdout)
        with zipfile.ZipFile(out) as z:
            assert z.read("OEBPS/ch1.xhtml").decode() == fix_html(CHAPTER)
    rows = [json.loads(line) for line in run("fix", "--explain", str(book)).stdout.decode().splitlines()]
    assert rows[0] == {"file": str(book), "line": 4, "place": "OEBPS/content.opf#dc:title", "start": 0,
                       "end": 1, "old": "ك", "new": "ک", "rule": "letters.arabic_kaf"}
    assert run("fix", "--in-place", str(book)).returncode == 0
    assert book.with_name("book.epub.bak").exists()
    assert run("fix", "--check", str(book)).returncode == 0
