"""Word documents repaired as Word documents (repair/docx_text.py): each paragraph as fix
repairs a line, each edit back in the runs it covers, the rest of the file as it was."""
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

from paknevis import fix, fix_and_explain
from paknevis.repair import ZippedError
from paknevis.repair.docx_text import fix_docx
from paknevis.repair.spread import smallest

Z = "\u200c"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def document(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>")


def runs(*texts: str, bold: int | None = None) -> str:
    """A paragraph of runs, the ``bold``-th bold."""
    return "<w:p>" + "".join(
        f'<w:r>{"<w:rPr><w:b/></w:rPr>" if i == bold else ""}'
        f'<w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for i, t in enumerate(texts)) + "</w:p>"


def write_docx(path, body: str, footnotes: str | None = None, styles: dict[str, str] | None = None,
               links: dict[str, str] | None = None) -> None:
    """A Word document of ``body``, with ``footnotes``, ``styles`` (id: name) and the
    external targets of its hyperlinks, ``links`` (relationship id: address)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document(body))
        if links is not None:
            rels = "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/'
                           f'2006/relationships/hyperlink" Target="{escape(target)}" TargetMode="External"/>'
                           for rid, target in links.items())
            z.writestr("word/_rels/document.xml.rels", _RELS[:_RELS.index("<Relationship ")] + rels
                       + "</Relationships>")
        if styles is not None:
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">' + "".join(
                f'<w:style w:type="paragraph" w:styleId="{id_}"><w:name w:val="{name}"/></w:style>'
                for id_, name in styles.items()) + "</w:styles>")
        if footnotes is not None:
            z.writestr("word/footnotes.xml", f'<w:footnotes xmlns:w="{W}"><w:footnote>{footnotes}'
                                             "</w:footnote></w:footnotes>")
        z.writestr("word/media/image1.png", IMAGE, zipfile.ZIP_STORED)


def paragraphs(data, part="word/document.xml"):
    """Each paragraph of a part as the texts of its runs (a tab as \\t)."""
    with zipfile.ZipFile(data) as z:
        root = etree.fromstring(z.read(part))
    return [[("\t" if t.tag == f"{{{W}}}tab" else t.text or "")
             for t in p.iter(f"{{{W}}}t", f"{{{W}}}tab")] for p in root.iter(f"{{{W}}}p")]


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.docx"
    write_docx(path, runs("كتاب ها را ", "مي", "خوانم", bold=1)
               + '<w:p><w:r><w:t>سلام</w:t><w:tab/><w:t>میشود</w:t></w:r></w:p>'
               + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK '
                 '"https://x.ir/كتاب" </w:instrText></w:r><w:r><w:t>كتاب</w:t></w:r>'
                 '<w:del><w:r><w:delText>كتاب ها</w:delText></w:r></w:del></w:p>',
               footnotes=runs("علي 12"))
    return path


def test_paragraphs_are_repaired_in_their_runs(report, tmp_path):
    out = tmp_path / "fixed.docx"
    assert fix_docx(report, out) == 4  # paragraphs changed
    # the letters a word's edit keeps stay in their runs: خوانم is not made bold
    assert paragraphs(out) == [[f"کتاب{Z}ها را ", f"می{Z}", "خوانم"], ["سلام", "\t", f"می{Z}شود"], ["کتاب"]]
    assert paragraphs(out, "word/footnotes.xml") == [["علی ۱۲"]]
    with zipfile.ZipFile(out) as z:
        doc = z.read("word/document.xml").decode()
        assert z.namelist() == zipfile.ZipFile(report).namelist()
        assert z.read("word/media/image1.png") == IMAGE
        assert z.getinfo("word/media/image1.png").compress_type == zipfile.ZIP_STORED
    # field codes and deleted text are no text to repair
    assert '"https://x.ir/كتاب"' in doc and "<w:delText>كتاب ها</w:delText>" in doc
    assert fix_docx(out, tmp_path / "again.docx") == 0


def test_a_paragraph_in_a_text_box_is_its_own(tmp_path):
    path, out = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(path, '<w:p><w:r><w:t>کتاب ها</w:t></w:r><w:r><w:txbxContent>'
                     '<w:p><w:r><w:t>میشود</w:t></w:r></w:p></w:txbxContent></w:r></w:p>')
    fix_docx(path, out)
    assert paragraphs(out) == [[f"کتاب{Z}ها", f"می{Z}شود"], [f"می{Z}شود"]]


def test_the_documents_title_subject_description_and_keywords_are_repaired(tmp_path):
    # (File > Properties, and a desktop search's results); the author's name is kept
    path, out = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(path, runs("متن"))
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://'
            'schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/'
            'elements/1.1/"><dc:title>گزارش ها</dc:title><dc:subject>كتاب</dc:subject><dc:creator>علي'
            "</dc:creator><cp:keywords>ايران، كتاب</cp:keywords><dc:description>ميشود</dc:description>"
            "</cp:coreProperties>")
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("docProps/core.xml", core)
    assert fix_docx(path, out) == 4
    with zipfile.ZipFile(out) as z:
        fixed = z.read("docProps/core.xml").decode()
    for old, new in [("گزارش ها", f"گزارش{Z}ها"), ("كتاب<", "کتاب<"), ("ايران، كتاب", "ایران، کتاب"),
                     ("ميشود", f"می{Z}شود")]:
        assert new in fixed and old not in fixed
    assert "<dc:creator>علي</dc:creator>" in fixed


def test_a_strict_open_xml_document_is_repaired(tmp_path):
    path, out = tmp_path / "a.docx", tmp_path / "b.docx"
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", document(runs("كتاب ها")).replace(W, strict))
    fix_docx(path, out)
    with zipfile.ZipFile(out) as z:
        assert f"<w:t xml:space=\"preserve\">کتاب{Z}ها</w:t>" in z.read("word/document.xml").decode()


def test_a_run_keeps_its_edge_spaces(tmp_path):
    path, out = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(path, runs("كتاب", " و ", "قلم"))
    fix_docx(path, out)
    with zipfile.ZipFile(out) as z:
        assert '<w:t xml:space="preserve"> و </w:t>' in z.read("word/document.xml").decode()


@pytest.mark.parametrize("content, message", [
    (b"not a zip", "not a zip file"),
    ({"a.txt": "x"}, "no word/document.xml"),
    ({"word/document.xml": "<w:document"}, "word/document.xml is no XML"),
])
def test_what_is_no_word_document_is_an_error(tmp_path, content, message):
    path = tmp_path / "a.docx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as z:
            for name, text in content.items():
                z.writestr(name, text)
    with pytest.raises(ZippedError, match=message):
        fix_docx(path, tmp_path / "out.docx")


def test_damaged_data_in_the_zip_file_is_an_error(report, tmp_path):
    data = bytearray(report.read_bytes())
    with zipfile.ZipFile(report) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename)  # (its compressed data, past its header)
    data[start:start + 8] = b"\xff" * 8
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(bytes(data))
    with pytest.raises(ZippedError, match="word/document.xml cannot be read"):
        fix_docx(damaged, tmp_path / "out.docx")
    r = run("fix", "--in-place", str(damaged))  # one error, and the file as it was
    assert r.returncode == 2 and b"word/document.xml cannot be read" in r.stderr
    assert damaged.read_bytes() == bytes(data) and not damaged.with_name("damaged.docx.bak").exists()
    assert [p.name for p in tmp_path.iterdir() if "paknevis" in p.name] == []


@SETTINGS
@given(texts, st.lists(st.integers(0, 60), max_size=6))
def test_runs_hold_what_fix_makes_of_their_paragraph(text, cuts):
    """However a paragraph is cut into runs, their texts together are fix's repair of it,
    and a run that no edit touches is written as it was."""
    text = "".join(c for c in text if c not in "\n\r\t" and (c.isprintable() or c in "\u200c\u200d"))
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)] or [""]
    source, out = io.BytesIO(), io.BytesIO()
    write_docx(source, runs(*pieces))
    fix_docx(io.BytesIO(source.getvalue()), out)
    (fixed,) = paragraphs(io.BytesIO(out.getvalue()))
    assert "".join(fixed) == fix(text)
    edits = list(smallest(fix_and_explain(text)[1]))
    for a, b, before, after in zip(bounds, bounds[1:], pieces, fixed, strict=False):
        if not any(e.start < b and a < e.end or e.start == e.end and a <= e.start <= b for e in edits):
            assert after == before  # a run no edit touches


def test_the_command_repairs_a_word_document(report, tmp_path):
    r = run("fix", str(report))
    assert r.returncode == 0, r.stderr
    assert paragraphs(io.BytesIO(r.stdout))[0] == [f"کتاب{Z}ها را ", f"می{Z}", "خوانم"]
    piped = run("fix", input=report.read_bytes())  # (known by its first bytes: a zip file)
    assert paragraphs(io.BytesIO(piped.stdout)) == paragraphs(io.BytesIO(r.stdout))
    fix_docx(report, tmp_path / "fixed.docx")  # (the same bytes as written to a file)
    assert r.stdout == (tmp_path / "fixed.docx").read_bytes()
    # a part that is no XML, after others: an error, and nothing written, not half a file
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(report) as z, zipfile.ZipFile(damaged, "w") as out:
        for info in z.infolist():
            out.writestr(info, z.read(info))
        out.writestr("word/footer1.xml", "<w:ftr")
    failed = run("fix", str(damaged))
    assert (failed.returncode, failed.stdout) == (2, b"") and b"word/footer1.xml is no XML" in failed.stderr
    rows = [json.loads(line) for line in run("fix", "--explain", str(report)).stdout.decode().splitlines()]
    assert rows[0] == {"file": str(report), "paragraph": 1, "part": "word/document.xml", "start": 0,
                       "end": 1, "old": "ك", "new": "ک", "rule": "letters.arabic_kaf"}
    assert sorted({(row["part"], row["paragraph"]) for row in rows}) == [
        ("word/document.xml", 1), ("word/document.xml", 2), ("word/document.xml", 3),
        ("word/footnotes.xml", 1)]
    assert run("fix", "--field", "text", str(report)).returncode == 2
    assert run("fix", "--in-place", str(report)).returncode == 0
    assert paragraphs(report)[2] == ["کتاب"]
    assert run("fix", "--check", str(report)).returncode == 0
