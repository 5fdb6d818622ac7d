"""RTF documents read as posts (documents/rtf_document.py): the text striprtf reads, Persian
in Unicode escapes or in a code page's bytes, a table's cells as paragraphs.

report.rtf is LibreOffice's save of report.fodt (scripts/make_doc_fixtures.py), as
report.doc is: both read as the same post."""
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

from paknevis.documents import parse_file
from paknevis.documents.rtf_document import RtfError, read_rtf_document

DOCS = Path(__file__).parent / "data" / "doc"


def test_an_rtf_document_is_read_as_its_word_97_save_is():
    """Its invocation, date line, title, text and hyperlink, as the .doc of the same source
    gives them: not its footnote, header or footer, nor a field's code."""
    rtf, doc = parse_file(DOCS / "report.rtf"), parse_file(DOCS / "report.doc")
    assert [getattr(rtf, k) for k in ("title", "published", "text", "links")] == [
        getattr(doc, k) for k in ("title", "published", "text", "links")]
    assert rtf.links == ["https://example.ir/news/1"] and rtf.text.startswith("بسمه تعالی\n\n")


@pytest.mark.parametrize("rtf, lines", [
    # a Persian document written on an English Windows: its Arabic font's bytes are cp1256
    (rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset178 Tahoma;}{\f1\fcharset0 Arial;}}"
     rb"\f0 \'d3\'e1\'c7\'e3\par\f1 caf\'e9\par}", ["سلام", "café"]),
    # the document's code page; Unicode escapes with a fallback byte each (\uc1)
    (rb"{\rtf1\ansi\ansicpg1256 \'d3\'e1\'c7\'e3\par\uc1\u1740?\u1705?\par}", ["سلام", "یک"]),
    # a table's cells are paragraphs; a backslash escaped before «cell» is text
    (rb"{\rtf1\ansi \trowd\cellx1000\cellx2000 a\cell b\\cell\cell\row}", ["a", "b\\cell"]),
    # written with its letters as bytes: UTF-8, or the document's code page
    ("{\\rtf1\\ansi متن\\par}".encode(), ["متن"]),
    ("{\\rtf1\\ansi\\ansicpg1256 متن\\par}".encode("cp1256"), ["متن"]),
    # a byte-order mark before it
    (b"\xef\xbb\xbf  {\\rtf1 x}", ["x"]),
])
def test_code_pages_cells_and_bytes(tmp_path, rtf, lines):
    (tmp_path / "a.rtf").write_bytes(rtf)
    post = read_rtf_document(tmp_path / "a.rtf")
    assert [line.strip() for line in [post.title, *post.body] if line and line.strip()] == lines


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 9000), st.sampled_from(b"{}\\'x\xd8\xff")), min_size=1, max_size=10))
def test_a_damaged_rtf_document_is_read_or_said_to_be_none(tmp_path, changes):
    """Whatever bytes are changed, a post or a ValueError that says why (a stray brace in
    the header may hide the whole text in a group that is no text: then no paragraph holds
    any, and the reject says so)."""
    data = bytearray((DOCS / "report.rtf").read_bytes())
    for at, byte in changes:
        data[at % len(data)] = byte
    (tmp_path / "damaged.rtf").write_bytes(data)
    try:
        assert read_rtf_document(tmp_path / "damaged.rtf").raw_text
    except ValueError as e:
        assert str(e)


def test_what_is_no_rtf_document_is_read_as_what_it_is_and_fix_cannot_write_one(tmp_path):
    """Its reader says a file is none; a corpus run reads a text named .rtf as a text, with
    a warning."""
    (tmp_path / "notes.rtf").write_text("یادداشت", encoding="utf-8")
    with pytest.raises(RtfError, match="not an RTF document"):
        read_rtf_document(tmp_path / "notes.rtf")
    (tmp_path / "report.rtf").write_bytes((DOCS / "report.rtf").read_bytes())
    r = run("process", str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    notes, record = map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
    assert record["input"].endswith("report.rtf") and record["links"] == ["https://example.ir/news/1"]
    assert (notes["text"], notes["warnings"][-1]) == (
        "یادداشت", "file: named .rtf, but a text or a page, and read as one")
    r = run("fix", str(tmp_path / "report.rtf"))
    assert r.returncode == 2 and "an RTF document, which paknevis fix cannot write" in r.stderr.decode()
    assert not r.stdout  # (nothing written: its markup would be repaired as text)
