"""OpenDocument texts repaired as such (repair/odt_text.py): each paragraph as fix repairs a
line, each edit back in the spans it covers, fields and the rest of the file as they were."""
import io
import json
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from test_cli import run
from test_properties import SETTINGS, texts

from paknevis import fix, fix_epub, fix_odt
from paknevis.repair import ZippedError

Z = "\u200c"
T = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MIMETYPE = "application/vnd.oasis.opendocument.text"
IMAGE = bytes(range(256))


def content(body: str, styles: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="{_OFFICE}" '
            f'xmlns:text="{T}" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def write_odt(path, body: str, header: str = "", styles: str = "") -> None:
    """An OpenDocument text of ``body``, its automatic ``styles`` and its page's ``header``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", MIMETYPE, zipfile.ZIP_STORED)
        z.writestr("content.xml", content(body, styles))
        z.writestr("styles.xml", f'<office:document-styles xmlns:office="{_OFFICE}" xmlns:text="{T}">'
                                 f"{header}</office:document-styles>")
        z.writestr("META-INF/manifest.xml", "<manifest/>")
        z.writestr("Pictures/a.png", IMAGE, zipfile.ZIP_STORED)


def paragraphs(data, part="content.xml"):
    """Each paragraph of a part as its pieces of text: its own, its spans', the text after
    each element."""
    with zipfile.ZipFile(data) as z:
        root = etree.fromstring(z.read(part))
    out = []
    for p in root.iter(f"{{{T}}}p", f"{{{T}}}h"):
        pieces = [p.text or ""]
        for el in p.iterdescendants():
            if el.getparent() is p or el.getparent().tag == f"{{{T}}}span":
                pieces += [el.text or "", el.tail or ""]
        out.append([piece for piece in pieces if piece])
    return out


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.odt"
    write_odt(path, '<text:h>كتاب ها</text:h><text:p>این را <text:span text:style-name="b">مي</text:span>'
                    "خوانم<text:s text:c=\"2\"/>و <text:a>بینالمللی</text:a> است</text:p>"
                    "<text:p>صفحه <text:page-number>3</text:page-number> از 12<text:note><text:note-body>"
                    "<text:p>پانويس</text:p></text:note-body></text:note></text:p>",
              header="<text:p>سرصفحه كتاب</text:p>")
    return path


def test_paragraphs_are_repaired_in_their_spans(report, tmp_path):
    out = tmp_path / "fixed.odt"
    assert fix_odt(report, out) == 5  # paragraphs changed: the footnote's is its own
    assert paragraphs(out) == [
        [f"کتاب{Z}ها"],
        ["این را ", f"می{Z}", "خوانم", "و ", f"بین{Z}المللی", " است"],  # خوانم stays out of the span
        ["صفحه ", "3", " از ۱۲"],  # the field's number is no text to repair, nor the space by it
        ["پانویس"]]
    assert paragraphs(out, "styles.xml") == [["سرصفحه کتاب"]]
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(report) as before:
        assert [i.filename for i in z.infolist()] == [i.filename for i in before.infolist()]
        assert z.read("mimetype") == MIMETYPE.encode() and z.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert z.read("Pictures/a.png") == IMAGE
        assert '<text:s text:c="2"/>' in z.read("content.xml").decode()
    assert fix_odt(out, tmp_path / "again.odt") == 0


def test_the_documents_title_and_keywords_are_repaired(report, tmp_path):
    # (meta.xml: File > Properties); its author's name is kept
    meta = ('<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:'
            'meta:1.0"><office:meta><dc:title>گزارش ها</dc:title><meta:initial-creator>علي'
            "</meta:initial-creator><meta:keyword>كتاب</meta:keyword></office:meta></office:document-meta>")
    with zipfile.ZipFile(report, "a") as z:
        z.writestr("meta.xml", meta)
    out = tmp_path / "fixed.odt"
    assert fix_odt(report, out) == 7
    with zipfile.ZipFile(out) as z:
        fixed = z.read("meta.xml").decode()
    assert f"<dc:title>گزارش{Z}ها</dc:title>" in fixed and "<meta:keyword>کتاب</meta:keyword>" in fixed
    assert "<meta:initial-creator>علي</meta:initial-creator>" in fixed


@SETTINGS
@given(texts, st.lists(st.integers(0, 60), max_size=6))
def test_spans_hold_what_fix_makes_of_their_paragraph(text, cuts):
    """However a paragraph is cut into spans and the text between them, together they are
    fix's repair of it."""
    text = "".join(c for c in text if c not in "\n\r\t" and (c.isprintable() or c in "\u200c\u200d"))
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    body = "<text:p>" + "".join(escape(p) if i % 2 else f"<text:span>{escape(p)}</text:span>"
                                for i, p in enumerate(pieces)) + "</text:p>"
    source, out = io.BytesIO(), io.BytesIO()
    write_odt(source, body)
    fix_odt(io.BytesIO(source.getvalue()), out)
    assert "".join(*paragraphs(io.BytesIO(out.getvalue())) or [[]]) == fix(text)


@pytest.mark.parametrize("repair, message", [
    (fix_odt, "not an OpenDocument text .no content.xml"),
    (fix_epub, "not an EPUB book .no META-INF/container.xml"),
])
def test_a_zip_file_of_another_kind_is_an_error(tmp_path, repair, message):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")  # (a Word document's)
    with pytest.raises(ZippedError, match=message):
        repair(path, tmp_path / "b.zip")


def test_the_command_repairs_an_opendocument_text(report, tmp_path):
    r = run("fix", str(report))
    assert r.returncode == 0, r.stderr
    piped = run("fix", input=report.read_bytes())  # (known by its first bytes: mimetype)
    assert piped.returncode == 0, piped.stderr
    assert paragraphs(io.BytesIO(piped.stdout)) == paragraphs(io.BytesIO(r.stdout))
    rows = [json.loads(line) for line in run("fix", "--explain", str(report)).stdout.decode().splitlines()]
    assert rows[0] == {"file": str(report), "paragraph": 1, "part": "content.xml", "start": 0, "end": 1,
                       "old": "ك", "new": "ک", "rule": "letters.arabic_kaf"}
    assert run("fix", "--in-place", str(report)).returncode == 0
    assert report.with_name("report.odt.bak").exists()
    assert run("fix", "--check", str(report)).returncode == 0
