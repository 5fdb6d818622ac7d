"""Tables repaired as tables (repair/csv_text.py): each cell as fix repairs a text, the
delimiters, quotes and line ends byte for byte."""
import csv
import io

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from test_properties import SETTINGS, texts

from paknevis import apply_edits, fix, fix_table
from paknevis.repair import repairer
from paknevis.repair.csv_text import CsvError, repair_table, table_blocks, table_cells, table_header
from paknevis.repair.lines import line_blocks

Z = "\u200c"


def test_cells_are_repaired_and_the_table_kept():
    # as text: the commas between cells made ، and the quotes « », the ids made Persian
    table = 'id,text,label\r\n1,"علي گفت: ""کتاب ها"", بله",مثبت\r\n2,میشود,منفي\r\n'
    fixed = repair_table(table, ",", repairer())[0]
    assert fixed == (f'id,text,label\r\n1,"علی گفت: «کتاب{Z}ها»، بله",مثبت\r\n'
                     f'2,می{Z}شود,منفی\r\n')


def test_a_row_repair_leaves_alone_is_unchanged_to_the_byte():
    table = '"quoted","درست است",,12\n"",x\n\n'
    assert repair_table(table, ",", repairer())[0] == table


def test_a_tab_separated_table():
    table = "1\tمی شود\t12\n2\tكتاب, دفتر\t\n"
    assert repair_table(table, "\t", repairer())[0] == f"1\tمی{Z}شود\t12\n2\tکتاب، دفتر\t\n"


def test_a_cell_that_must_now_be_quoted_is():
    # digits="latin" writes the thousands separator as a comma
    fixed = repair_table("قیمت,۱٬۰۰۰ تومان\n", ",", repairer(digits="latin"))[0]
    assert fixed == 'قیمت,"1,000 تومان"\n'
    assert list(csv.reader(io.StringIO(fixed))) == [["قیمت", "1,000 تومان"]]


def test_explain_gives_each_cells_line_column_and_edits():
    table = 'a,b\n"چند\nخطی ها",میشود\n'
    fixed, cells = repair_table(table, ",", repairer(), explain=True)
    assert [(c.line, c.place, c.text) for c in cells] == [(2, "1", "چند\nخطی ها"), (3, "2", "میشود")]
    for c in cells:
        assert apply_edits(c.text, c.edits) == fix(c.text)


def test_fix_table_takes_a_whole_table():
    assert fix_table("1\tكتاب ها\n", delimiter="\t") == f"1\tکتاب{Z}ها\n"
    with pytest.raises(CsvError, match="line 2: a quoted cell is never closed"):
        fix_table('a,b\n"c,d\n')
    with pytest.raises(TypeError):
        fix_table(b"a,b")


def test_fields_repair_only_their_columns_and_keep_the_header():
    # the header names the columns; a row that repeats it (exports joined) stays too
    table = 'نام كاربر,متن\r\nعلي,"كتاب ها, دفتر"\r\nنام كاربر,متن\r\nمیشود,میشود\r\n'
    header = table_header(table, ",")
    assert header == ("نام كاربر", "متن")
    fixed, cells = repair_table(table, ",", repairer(), True, ("متن",), header)
    assert fixed == ('نام كاربر,متن\r\nعلي,"کتاب‌ها، دفتر"\r\nنام كاربر,متن\r\n'
                     f'میشود,می{Z}شود\r\n')
    assert [(c.line, c.place) for c in cells] == [(2, "2"), (4, "2")]
    assert fix_table(table, fields=["متن"]) == fixed
    with pytest.raises(CsvError, match="line 1: the header has no column 'text' "
                                       "\\(it has: 'نام كاربر', 'متن'\\)"):
        fix_table(table, fields=["متن", "text"])


def test_a_number_names_a_column_of_a_table_with_no_header():
    # a parallel corpus's TSV: English, then Persian; every row's Persian side, the first too
    table = "Books\tكتاب ها\nHe reads\tميخواند\n"
    assert fix_table(table, "\t", fields=["2"]) == f"Books\tکتاب{Z}ها\nHe reads\tمی{Z}خواند\n"
    # a column named so is the one named; a number past the first row's columns, an error
    named = "id,2\n7,كتاب\n"
    assert fix_table(named, fields=["2"]) == "id,2\n7,کتاب\n"
    with pytest.raises(CsvError, match="the header has no column '3'"):
        fix_table(table, "\t", fields=["3"])


def test_the_header_of_a_table_whose_first_row_is_not_whole():
    assert table_header('"a\nb",c\n', ",") == ("a\nb", "c")
    assert table_header('"open', ",") == ()
    assert table_header("", ",") == ()


def test_text_after_a_closing_quote_is_refused():
    with pytest.raises(CsvError, match=r"line 2: text after the closing quote of a cell \(column 2\)"):
        table_cells('a,b\nc,"d"e\n', ",")


def test_blocks_end_after_whole_rows():
    text = "a,b\n" * 300 + 'x,"a cell of\n' + "many\n" * 300 + 'lines"\ny,z\n'
    blocks = list(table_blocks(line_blocks(text), ","))
    assert "".join(blocks) == text
    assert all(table_cells(block, ",")[1] == len(block) for block in blocks)
    with pytest.raises(CsvError, match="line 301: a quoted cell is never closed"):
        list(table_blocks(line_blocks("a,b\n" * 300 + '"open\n' + "x\n" * 5), ","))
    with pytest.raises(CsvError, match="line 302: text after the closing quote"):
        list(table_blocks(line_blocks("a,b\n" * 301 + '"q"x\n'), ","))


tables = st.lists(st.lists(texts, min_size=1, max_size=4), min_size=1, max_size=5)


@SETTINGS
@given(tables, st.sampled_from([",", "\t"]), st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       st.sampled_from(["\r\n", "\n"]), st.integers(1, 3))
def test_tables_keep_their_shape(rows, delimiter, quoting, line_end, lines):
    """Every cell comes out as fix makes it alone, in its row and column, the table read as
    Python's csv reads it; idempotent; the edits explained replay each cell; with the
    header's names as fields, the header and its repeats stay; and the blocks
    the table is cut into hold whole rows, however many lines a block takes."""
    # (Python's writer quotes a cell with a line break only of its line terminator: a CR
    # alone, with "\n", it leaves bare, and no reader reads it back)
    assume(line_end == "\r\n" or not any("\r" in cell for row in rows for cell in row))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=line_end).writerows(rows)
    table = out.getvalue()
    fixed, cells = repair_table(table, delimiter, repairer(), explain=True)
    read = list(csv.reader(io.StringIO(fixed, newline=""), delimiter=delimiter))
    assert read == [[fix(cell) for cell in row] for row in rows]
    assert repair_table(fixed, delimiter, repairer())[0] == fixed
    assert repair_table(table, delimiter, repairer())[0] == fixed
    for c in cells:
        assert apply_edits(c.text, c.edits) == fix(c.text)
    # every column named: each row as before, but the header and the rows that repeat it
    header = table_header(table, delimiter)
    assert header == tuple(rows[0])
    chosen = repair_table(table, delimiter, repairer(), False, header, header)[0]
    assert list(csv.reader(io.StringIO(chosen, newline=""), delimiter=delimiter)) == [
        row if row == rows[0] else [fix(c) if n < len(header) else c for n, c in enumerate(row)]
        for row in rows]
    blocks = list(table_blocks(line_blocks(table, lines=lines), delimiter))
    assert "".join(blocks) == table
    assert "".join(repair_table(b, delimiter, repairer())[0] for b in blocks) == fixed
