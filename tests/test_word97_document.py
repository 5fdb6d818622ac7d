"""Word 97-2003 documents (.doc) read as posts (documents/word97_document.py): the main
text from its pieces, fields by their results, marks that carry no text left out, and a
clear reason for a file that is no such document.

report.doc, styled.doc and box.doc are LibreOffice's saves of the .fodt beside them
(scripts/make_doc_fixtures.py);
test-ole-file.doc is olefile's test file, saved by Word (a piece of one byte a character)."""
import json
import struct
from pathlib import Path

import olefile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

from paknevis.documents import parse_file, word97_document
from paknevis.documents.word97_document import Word97Error, main_text, paragraphs_of

_fields_read, _pieces, _text = word97_document._fields_read, word97_document._pieces, word97_document._text

DOCS = Path(__file__).parent / "data" / "doc"
Z = "\u200c"


def test_a_doc_is_a_post_its_main_text_without_footnotes_headers_or_field_codes():
    """The invocation stays at the top and is no title; the date line is the post's date; a
    hyperlink's words are the text and its address a link; a footnote's text, the header and
    the footer are not the post; a table's cells are paragraphs; a line break breaks a line."""
    doc = parse_file(DOCS / "report.doc")
    assert (doc.title, doc.published, doc.links) == (
        f"گزارش همایش بین{Z}المللی", "2025-02-01", ["https://example.ir/news/1"])
    assert doc.text.split("\n\n") == [
        "بسمه تعالی",
        f"همایش بین{Z}المللی زبان فارسی در تهران برگزار می{Z}شود و کتاب{Z}ها را به "
        f"کتابخانه{Z}ی دانشگاه بردند.",
        "نشانی: پایگاه خبری و سطر", "دوم همین بند.", "استان", "شمار", "تهران", "۱۲",
        "Microsoft Word 97 و متن لاتین café.", f"بند پایانی با نیم{Z}فاصله{Z}های گمشده."]
    assert not {"یادداشت", "سربرگ", "پانویس", "HYPERLINK"} & set(doc.text.split())
    assert "\x13" not in doc.raw_text and "1 و کتاب" not in doc.raw_text  # (no footnote number)


def test_the_title_is_the_paragraph_styled_title_else_heading_1():
    """As in a .docx: by the style sheet's names and each paragraph's style, the paragraph
    styled Title, before one styled Heading 1 above it; the others keep their order."""
    doc = parse_file(DOCS / "styled.doc")
    assert (doc.title, doc.text.split("\n\n")) == (
        "عنوان اصلی گزارش", ["شماره: ۱۲۳/۴۵", "بخش نخست", f"متن گزارش می{Z}شود."])
    assert parse_file(DOCS / "report.doc").title == f"گزارش همایش بین{Z}المللی"  # (Heading 1)


def test_a_text_box_is_read_after_the_main_text():
    """A text box's story follows the footnotes', headers' and comments': its paragraphs
    are the post's, after the main text's (the box's anchor, a mark, carries no text)."""
    assert parse_file(DOCS / "box.doc").text.split("\n\n") == ["متن اول", "متن دوم", "متن جعبه"]


def test_a_doc_saved_by_word_with_a_piece_of_one_byte_a_character():
    assert main_text(DOCS / "test-ole-file.doc") == "Test OLE file, saved as Word 97-2003 Document.\r"


def _clx(pieces: list[tuple[int, int, int, bool]]) -> bytes:
    """A Clx: a Prc (formatting, passed over), then the piece table of ``pieces``."""
    cps = [first for first, *_ in pieces] + [pieces[-1][1]]
    pcds = b"".join(struct.pack("<HIH", 0, fc * 2 | 0x40000000 if compressed else fc, 0)
                    for _, _, fc, compressed in pieces)
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    return b"\x01" + struct.pack("<h", 2) + b"\x00\x00" + b"\x02" + struct.pack("<I", len(plc)) + plc


def test_pieces_in_any_order_of_either_kind_read_up_to_the_main_texts_end():
    """A document edited and saved fast holds its text in many pieces, out of order in the
    stream; a piece of one byte a character is cp1252 (its undefined bytes themselves); the
    main text ends inside a piece."""
    word = bytearray(64)
    word[0:6] = "ی ب".encode("utf-16-le")  # (piece 2, at 0)
    word[20:26] = b"caf\xe9\x81 "  # (piece 1, at 20: café, an undefined byte, a space)
    word[40:48] = "ه‌ها\r".encode("utf-16-le")  # (piece 3, at 40, of which the main text has 3)
    pieces = _pieces(_clx([(0, 6, 20, True), (6, 9, 0, False), (9, 13, 40, False)]))
    assert pieces == [(0, 6, 20, True), (6, 9, 0, False), (9, 13, 40, False)]
    assert _text(bytes(word), pieces, 0, 12) == "café\x81 ی به\u200cه"
    assert _text(bytes(word), pieces, 4, 8) == "\x81 ی "  # (a story that begins inside a piece)
    with pytest.raises(Word97Error):  # (a Prc whose size runs backwards: passed over, not looped on)
        _pieces(b"\x01" + struct.pack("<h", -3) + b"\x01" + struct.pack("<h", -3))


def test_a_fields_code_is_no_text_its_result_is():
    assert _fields_read('نشانی \x13 HYPERLINK "https://x.ir"\x14پایگاه\x15 و') == "نشانی پایگاه و"
    assert _fields_read("صفحه \x13 PAGE \x15 از") == "صفحه  از"  # (no result: nothing)
    assert _fields_read("a\x13 IF \x13 DATE \x14d\x15 \x14b\x15c") == "abc"  # (a field in a code)
    assert paragraphs_of("a\x14b\x15c") == ["abc"]  # (a stray separator or end: passed over)
    # (Word's optional hyphen is the soft hyphen, which Persian sites type for a ZWNJ)
    assert paragraphs_of("بین\x1fالملل\x1e۲") == ["بین\xadالملل-۲"]


@given(st.text(alphabet=st.sampled_from("ab ی\r\n\t\x01\x02\x05\x07\x08\x0b\x0c\x13\x14\x15\x1e\x1f")))
def test_paragraphs_hold_no_mark_but_tabs_and_line_breaks(text):
    for p in paragraphs_of(text):
        assert not {c for c in p if c < " "} - {"\t", "\n"}, p


def _fib_at(path: Path) -> int:
    """Where the WordDocument stream (its FIB) begins in the file."""
    with olefile.OleFileIO(str(path)) as ole:
        entry = ole.direntries[ole._find("WordDocument")]
        return (entry.isectStart + 1) * ole.sectorsize


def _changed(tmp_path: Path, at: int, value: bytes, name: str = "changed.doc") -> Path:
    data = bytearray((DOCS / "report.doc").read_bytes())
    data[at:at + len(value)] = value
    (tmp_path / name).write_bytes(data)
    return tmp_path / name


def test_a_file_that_is_no_word97_document_says_what_it_is(tmp_path):
    fib = _fib_at(DOCS / "report.doc")
    flags = struct.unpack_from("<H", (DOCS / "report.doc").read_bytes(), fib + 10)[0]
    data = (DOCS / "report.doc").read_bytes()
    renamed = data.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le"))
    (tmp_path / "renamed.doc").write_bytes(renamed)
    (tmp_path / "letter.doc").write_bytes(rb"{\rtf1\ansi\ansicpg1256 \'d3\'e1\'c7\'e3}")
    (tmp_path / "page.doc").write_text("<html><body>متن</body></html>", encoding="utf-8")
    (tmp_path / "cut.doc").write_bytes(data[:1000])
    cases = {
        "renamed.doc": "not a Word document (an OLE file with no WordDocument stream",
        "letter.doc": "not a Word 97-2003 document (no OLE compound file's signature)",  # (RTF: its reader's)
        "page.doc": "not a Word 97-2003 document (no OLE compound file's signature)",
        "cut.doc": "a damaged Word document (",
        "encrypted.doc": "an encrypted Word document (a password opens it)",
        "word95.doc": "a Word 6 or Word 95 document, which paknevis does not read: save it as .docx",
        "noclx.doc": "a damaged Word document (no piece table in its Clx)",
    }
    _changed(tmp_path, fib + 10, struct.pack("<H", flags | 0x0100), "encrypted.doc")
    _changed(tmp_path, fib + 2, struct.pack("<H", 0x68), "word95.doc")
    _changed(tmp_path, fib + 154 + 33 * 8, struct.pack("<I", 0), "noclx.doc")  # (the Clx: the table's start)
    for name, reason in cases.items():
        with pytest.raises(Word97Error) as e:
            main_text(tmp_path / name)
        assert str(e.value).startswith(reason), (name, str(e.value))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 12287), st.integers(0, 255)), min_size=1, max_size=20))
def test_a_damaged_doc_is_read_or_said_to_be_damaged(tmp_path, changes):
    """Whatever bytes are changed, the reader gives a text or a Word97Error that says why:
    nothing else is raised (olefile's own errors, a FIB or a piece table cut short, a piece
    table whose sizes run backwards), and it ends."""
    data = bytearray((DOCS / "report.doc").read_bytes())
    for at, byte in changes:
        data[at] = byte
    (tmp_path / "damaged.doc").write_bytes(data)
    try:
        assert isinstance(main_text(tmp_path / "damaged.doc"), str)
    except Word97Error as e:
        assert str(e)


def test_process_reads_docs_in_a_folder_and_fix_says_it_cannot_write_one(tmp_path):
    """A Word document is read as what it begins with, whatever its name says: a .doc named
    .docx, a .docx named .doc, RTF named .doc; a .doc that is none of them is read as a text
    or a page, with a warning, and a reject where it is no text either."""
    from test_docx_text import write_docx

    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "report.doc").write_bytes((DOCS / "report.doc").read_bytes())
    (folder / "renamed.docx").write_bytes((DOCS / "report.doc").read_bytes())
    write_docx(folder / "saved-as.doc", "<w:p><w:r><w:t>عنوان گزارش</w:t></w:r></w:p>"
                                        "<w:p><w:r><w:t>متن گزارش میشود</w:t></w:r></w:p>")
    (folder / "letter.doc").write_bytes(rb"{\rtf1\ansi\ansicpg1256 \'e4\'c7\'e3\'e5\par \'e3\'ca\'e4}")
    (folder / "notes.doc").write_text("یادداشت\n\nمتن یادداشت", encoding="utf-8")
    (folder / "image.doc").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    r = run("process", str(folder), "-o", str(tmp_path / "out.jsonl"), "--no-dedup")
    assert r.returncode == 0, r.stderr
    records = list(map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()))
    assert [(Path(rec["input"]).name, rec["title"], rec["links"]) for rec in records] == [
        ("letter.doc", "نامه", []), ("notes.doc", "یادداشت", []),
        ("renamed.docx", f"گزارش همایش بین{Z}المللی", ["https://example.ir/news/1"]),
        ("report.doc", f"گزارش همایش بین{Z}المللی", ["https://example.ir/news/1"]),
        ("saved-as.doc", "عنوان گزارش", [])]
    assert records[1]["warnings"][-1] == "file: named .doc, but a text or a page, and read as one"
    [reject] = map(json.loads, (tmp_path / "out.rejects.jsonl").read_text().splitlines())
    assert (Path(reject["input"]).name, reject["reason"]) == ("image.doc", "not a text file (binary data)")
    r = run("fix", str(folder / "report.doc"))
    assert r.returncode == 2 and not r.stdout
    assert "a Word 97-2003 document, which paknevis fix cannot write" in r.stderr.decode()
    r = run("fix", str(folder / "letter.doc"))  # (RTF, named .doc: its markup is no prose)
    assert r.returncode == 2 and "an RTF document, which paknevis fix cannot write" in r.stderr.decode()
    r = run("fix", str(folder / "notes.doc"))  # (a text named .doc is repaired as one)
    assert (r.returncode, r.stdout.decode()) == (0, "یادداشت\n\nمتن یادداشت")
