"""CSV and TSV repaired as tables: the text of each cell repaired, the table left as it was.

Repaired as text, a CSV file's commas between Persian cells would become ، and its quotes
« », and a cell of ids in a Persian row would get Persian digits: the table would fall
apart. Here each cell is repaired as :func:`~paknevis.fix` repairs a text (a cell of Latin
digits alone is no Persian text, and stays). Delimiters, quotes, line ends and every row
repair leaves alone stay byte for byte; a changed cell is quoted as it was, or where it now
must be (RFC 4180: a quote doubled inside).

With ``fields``, only the cells under the columns of those names in the header (the first
row) are repaired; the header, and a row that repeats it (as files of several exports
joined do), stay as they are. A field that is a number, and no column's name, is the
column of that number (from 1) in a table with no header, whose every row is repaired: the
Persian side of a parallel corpus's TSV (``--field 2``).

>>> from paknevis.repair import repairer
>>> repair_table('1,"كتاب ها, دفتر",12\\n', ",", repairer())[0]
'1,"کتاب\u200cها، دفتر",12\\n'
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple, Unpack

from .config import RepairOptions
from .lines import MAX_BLOCK_CHARS, BlockTooLarge
from .pipeline import Repairer, repairer
from .strings import StringRepair, repair_parts

# possessive: a quote that a quote follows is one in the cell, never its end (at a block's
# end, '"""' is a cell going on, not an empty one with a quote after it)
_QUOTED = re.compile(r'"(?:[^"]|"")*+"')


class CsvError(ValueError):
    """A text to repair as a table that is not one: at ``line`` (from 1), ``what``."""

    def __init__(self, line: int, what: str):
        super().__init__(f"line {line:,}: {what}")
        self.line, self.what = line, what


class Cell(NamedTuple):
    start: int  # the cell as written, its quotes included
    end: int
    line: int  # (from 1)
    column: int  # (from 1)
    quoted: bool


@cache
def _unquoted(delimiter: str) -> re.Pattern[str]:
    """A cell without quotes: to its delimiter or line end (a quote inside it is a letter,
    as Python's csv reads it)."""
    d = re.escape(delimiter)
    return re.compile(f'(?:[^{d}"\\r\\n][^{d}\\r\\n]*)?')


def table_cells(text: str, delimiter: str) -> tuple[list[Cell], int]:
    """The cells of the whole rows of ``text``, and where the last whole row ends: a row whose
    quoted cell is still open at the end of ``text`` goes on in what follows. A
    :class:`CsvError` for text after a cell's closing quote.

    >>> text = 'a,"b,""c"" d"\\r\\n,x\\n"open\\n'
    >>> [text[c.start:c.end] for c in table_cells(text, ",")[0]], table_cells(text, ",")[1]
    (['a', '"b,""c"" d"', '', 'x'], 18)
    """
    unquoted = _unquoted(delimiter)
    cells: list[Cell] = []
    row: list[Cell] = []  # the cells of the row being read
    pos, line, column, size = 0, 1, 0, len(text)
    done = 0  # where the last whole row ends
    while pos < size:
        column += 1
        if text[pos] == '"':
            m = _QUOTED.match(text, pos)
            if m is None:  # open to the end: the row goes on in the next block
                return cells, done
        else:
            m = unquoted.match(text, pos)
        assert m is not None  # (the pattern for a cell without quotes may match nothing)
        end = m.end()
        row.append(Cell(pos, end, line, column, text[pos] == '"'))
        line += text.count("\n", pos, end)
        if end < size and text[end] == delimiter:
            pos = end + 1
            continue
        if end < size and text[end] not in "\r\n":
            raise CsvError(line, f"text after the closing quote of a cell (column {column})")
        pos = end + (2 if text.startswith("\r\n", end) else 1)
        line += 1
        cells += row
        row, column, done = [], 0, min(pos, size)
    cells += row
    return cells, size


def table_header(text: str, delimiter: str) -> tuple[str, ...]:
    """The cells of the first row of ``text``, as they read (a :class:`CsvError` where it is
    no table; none where that row is not whole).

    >>> table_header('id,"متن, کامل"\\n1,x\\n', ",")
    ('id', 'متن, کامل')
    """
    cells = table_cells(text, delimiter)[0]
    row = cells[:next((i for i, c in enumerate(cells[1:], 1) if c.column == 1), len(cells))]
    return tuple(_read(text, c) for c in row)


def repair_table(text: str, delimiter: str, repairer: Repairer, explain: bool = False,
                 fields: tuple[str, ...] = (), header: tuple[str, ...] = ()
                 ) -> tuple[str, list[StringRepair]]:
    """``text``, whole rows of a table, with each cell repaired by ``repairer``; with
    ``explain``, also the edits of each cell that changed (its place: its column). With
    ``fields``, only the cells of the columns that ``header`` (the table's first row) names
    so, and no row that repeats the header; or of a field that is a number and no column's
    name, the column of that number (from 1), every row's."""
    cells = table_cells(text, delimiter)[0]
    befores = [_read(text, c) for c in cells]
    if fields:
        named = {n for n, name in enumerate(header, 1) if name in fields}
        numbered = {int(f) for f in fields if _is_number(f) and f not in header}
        repeats = _rows_like(cells, befores, header) if named else set()
        chosen = [i for i, c in enumerate(cells)
                  if c.column in numbered or c.column in named and i not in repeats]
        cells, befores = [cells[i] for i in chosen], [befores[i] for i in chosen]
    must_quote = re.compile(f'[{re.escape(delimiter)}"\r\n]')

    def written(i: int, after: str) -> str:
        cell = cells[i]
        # (a row of one empty cell, unquoted, would be a blank line: no row)
        alone = cell.column == 1 and text[cell.end:cell.end + 1] in ("", "\r", "\n")
        if cell.quoted or must_quote.search(after) or (alone and not after):
            return '"' + after.replace('"', '""') + '"'
        return after

    return repair_parts(text, [(c.start, c.end) for c in cells], befores, repairer, explain,
                        lambda i: str(cells[i].column), written)


def _read(text: str, cell: Cell) -> str:
    """What a cell holds, its quotes taken away."""
    if cell.quoted:
        return text[cell.start + 1:cell.end - 1].replace('""', '"')
    return text[cell.start:cell.end]


def _rows_like(cells: list[Cell], values: list[str], header: tuple[str, ...]) -> set[int]:
    """The indexes of the cells of every row whose cells read as ``header``."""
    found: set[int] = set()
    start = 0
    for end in range(1, len(cells) + 1):
        if end == len(cells) or cells[end].column == 1:  # a row is cells[start:end]
            if tuple(values[start:end]) == header:
                found.update(range(start, end))
            start = end
    return found


def fix_table(text: str, delimiter: str = ",", fields: Iterable[str] = (),
              **options: Unpack[RepairOptions]) -> str:
    """``text``, a CSV table (or with ``delimiter="\\t"``, TSV), with each cell repaired as
    :func:`~paknevis.fix` repairs a text, the table as it was; with ``fields``, only the
    cells under the columns its header (the first row) names so. A :class:`CsvError` says
    where text that is no table goes wrong, or which of ``fields`` the header lacks.

    >>> fix_table('1,"كتاب ها, دفتر",12\\r\\n')
    '1,"کتاب\u200cها، دفتر",12\\r\\n'
    >>> fix_table('id,text\\nعلي,علي\\n', fields=["text"])
    'id,text\\nعلي,علی\\n'
    >>> fix_table('book\\tكتاب\\nbooks\\tكتاب ها\\n', "\\t", fields=["2"])  # (no header)
    'book\\tکتاب\\nbooks\\tکتاب\u200cها\\n'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_table() takes a str, not {type(text).__name__}")
    whole_rows = table_cells(text, delimiter)[1]
    if whole_rows < len(text):
        raise CsvError(text.count("\n", 0, whole_rows) + 1, "a quoted cell is never closed")
    names = tuple(fields)
    header = table_header(text, delimiter) if names else ()
    if missing := missing_columns(names, header):
        raise CsvError(1, missing)
    return repair_table(text, delimiter, repairer(**options), False, names, header)[0]


def missing_columns(fields: tuple[str, ...], header: tuple[str, ...]) -> str:
    """What is wrong with ``fields`` for a table of this header: the names it lacks (a number
    names a column by its place), or ""."""
    missing = [f for f in fields if f not in header and not (_is_number(f) and int(f) <= len(header))]
    if not missing:
        return ""
    return (f"the header has no column {', '.join(map(repr, missing))} "
            f"(it has: {', '.join(map(repr, header))})")


def _is_number(field: str) -> bool:
    """Is ``field`` a column's number (from 1)?"""
    return field.isascii() and field.isdigit() and int(field) > 0


def table_blocks(blocks: Iterable[str], delimiter: str) -> Iterator[str]:
    """Blocks of lines (``lines.line_blocks``) of a table, each cut after a whole row (a quoted
    cell may hold line breaks), to repair a block at a time. A :class:`CsvError` names a
    line with text after a cell's closing quote, or a quoted cell never closed."""
    carried, line = "", 0  # a row the block before left open; the lines before it
    for block in blocks:
        text = carried + block
        if len(text) > MAX_BLOCK_CHARS:
            raise BlockTooLarge(f"a row from line {line + 1:,} on runs for more than "
                                f"{MAX_BLOCK_CHARS:,} characters: is a quote never closed?")
        try:
            done = table_cells(text, delimiter)[1]
        except CsvError as e:  # (its line counts from the block's start)
            raise CsvError(line + e.line, e.what) from None
        if done:
            yield text[:done]
            line += text.count("\n", 0, done)
        carried = text[done:]
    if carried:
        raise CsvError(line + 1, "a quoted cell is never closed")
