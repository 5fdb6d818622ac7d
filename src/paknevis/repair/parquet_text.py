"""Parquet repaired as Parquet: the strings of its text columns repaired, the rest as it was.

Datasets and corpora come as Parquet (a Hugging Face dataset's shards, a crawl's export):
columns of text beside ids, addresses, dates and scores. Here each string of a column that
holds text (strings, or lists or records of them, as a dataset's ``paragraphs``) is repaired
as :func:`~paknevis.fix` repairs a text, and the file is written again with its schema, its
metadata (a dataset's features), its row groups and its compression; every other column is
copied as it was. A null stays null.

The file is read and written a row group at a time, so memory holds one, whose size was the
choice of the file's writer.

pyarrow is imported where a file is read: ``import paknevis`` does not load it.
"""
from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Unpack

from ..io.decode import Source
from .config import RepairOptions
from .json_text import pointer
from .pipeline import repairer
from .strings import StringRepair, StringsRepair, repair_strings

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

Path = tuple[str | int, ...]

#: The codec a column chunk was written with, as pyarrow's writer names it (LZO it cannot write)
_CODECS = {"UNCOMPRESSED": "none", "SNAPPY": "snappy", "GZIP": "gzip", "BROTLI": "brotli",
           "LZ4": "lz4", "LZ4_RAW": "lz4", "ZSTD": "zstd"}


def is_parquet(name: str) -> bool:
    """Does a file's name say it is Parquet?"""
    return name.lower().endswith(".parquet")


class ParquetError(ValueError):
    """A file to repair as Parquet that is not Parquet, or a field it holds no text under."""


def open_parquet(source: Source) -> pq.ParquetFile:
    """``source`` opened as Parquet, or a :class:`ParquetError` that says why it cannot be."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(source)
    except (pa.ArrowException, OSError) as e:
        raise ParquetError(f"not a Parquet file ({e})") from None


def text_columns(schema: pa.Schema, fields: Collection[str] = ()) -> tuple[list[str], list[str]]:
    """The columns of ``schema`` to repair, and those that hold text this module does not
    rewrite (beside types that would not come back from Python as they were: times,
    decimals, bytes, maps). With ``fields``, only the columns so named, or holding records
    with a field so named; a :class:`ParquetError` where one of ``fields`` names nothing
    that holds text."""
    repaired: list[str] = []
    kept: list[str] = []
    for field in schema:
        if _holds_text(field.type) and (not fields or _names(field) & set(fields)):
            (repaired if _rewritable(field.type) else kept).append(field.name)
    if missing := [f for f in fields if not any(f in _names(field) for field in schema)]:
        raise ParquetError(f"the file has no column {', '.join(map(repr, missing))} "
                           f"(it has: {', '.join(map(repr, schema.names))})")
    if fields and not repaired:
        types = ", ".join(f"{f.name!r} is {f.type}" for f in schema if _names(f) & set(fields))
        raise ParquetError(f"no text to repair under {', '.join(map(repr, fields))} ({types})")
    return repaired, kept


def repair_parquet(source: Source, sink: Source | None, repair: StringsRepair,
                   fields: Collection[str] = (), explain: bool = False) -> Iterator[StringRepair]:
    """Write ``source``, a Parquet file, to ``sink`` (none: write nothing) with the strings of
    its text columns (see :func:`text_columns`) repaired by ``repair``. Give each string
    that changed, row by row, at its row (from 1) and its place (a JSON Pointer: ``/text``,
    ``/paragraphs/2``), and with ``explain``, its edits."""
    import pyarrow.parquet as pq

    parquet = open_parquet(source)
    columns, _ = text_columns(parquet.schema_arrow, fields)
    writer = None if sink is None else pq.ParquetWriter(
        sink, parquet.schema_arrow, compression=_compression(parquet))
    try:
        rows = 0  # in the row groups before
        for group in range(parquet.metadata.num_row_groups):
            table = _row_group(parquet, group)
            repairs: list[StringRepair] = []
            for name in columns:
                at = table.schema.get_field_index(name)
                column, done = _repaired_column(table.column(at), name, frozenset(fields), rows,
                                                repair, explain)
                if column is not None:
                    table = table.set_column(at, table.schema.field(at), column)
                repairs += done
            if writer is not None:
                writer.write_table(table, row_group_size=max(table.num_rows, 1))
            rows += table.num_rows
            yield from sorted(repairs, key=lambda done: done.line)  # (stable: by column in a row)
    finally:
        if writer is not None:
            writer.close()


def fix_parquet(source: Source, destination: Source, fields: Collection[str] = (),
                **options: Unpack[RepairOptions]) -> int:
    """Write ``source``, a Parquet file, to ``destination`` with every string of its text
    columns repaired as :func:`~paknevis.fix` repairs a text, or with ``fields``, only those
    of the columns (or records' fields) so named; the rest as it was (also a column whose
    text stands beside times, decimals, bytes or maps: :func:`text_columns` names them).
    Return how many strings changed. A :class:`ParquetError` says why a file is not Parquet, or which of
    ``fields`` holds no text."""
    if _same_file(source, destination):
        raise ValueError("fix_parquet() writes another file: the source would be lost as it is read")
    repair = partial(repair_strings, repairer=repairer(**options))
    return sum(1 for _ in repair_parquet(source, destination, repair, fields))


def _same_file(source: Source, destination: Source) -> bool:
    paths = [os.path.realpath(s) for s in (source, destination) if isinstance(s, str | os.PathLike)]
    return len(paths) == 2 and paths[0] == paths[1]


def _row_group(parquet: pq.ParquetFile, group: int) -> pa.Table:
    import pyarrow as pa

    try:
        return parquet.read_row_group(group)
    except (pa.ArrowException, OSError) as e:
        raise ParquetError(f"row group {group + 1} cannot be read ({e})") from None


def _repaired_column(column: pa.ChunkedArray, name: str, fields: frozenset[str], first_row: int,
                     repair: StringsRepair, explain: bool) -> tuple[pa.Array | None, list[StringRepair]]:
    """The column with its strings (those under ``fields``, if any) repaired, or None where
    none changed; and a repair for each string that changed (its edits with ``explain``)."""
    import pyarrow as pa

    values = column.to_pylist()
    found: list[tuple[int, Path, str]] = []  # (row, path in the row, text)
    wanted = not fields or name in fields
    for row, value in enumerate(values):
        _strings(value, (name,), fields, wanted, row, found)
    if not found:
        return None, []
    afters, edits = repair([text for _, _, text in found])
    changed, repairs = False, []
    for i, (row, path, before) in enumerate(found):
        if afters[i] != before:
            changed = True
            values[row] = _put(values[row], path[1:], afters[i])
            repairs.append(StringRepair(first_row + row + 1, pointer(path), before,
                                        edits[i] if explain else []))
    return (pa.array(values, type=column.type) if changed else None), repairs


def _strings(value: Any, path: Path, fields: frozenset[str], wanted: bool, row: int,
             found: list[tuple[int, Path, str]]) -> None:
    """Add each string in ``value`` (a cell, as Python), with its path, to ``found``: all of
    them where ``wanted``, else those under a record's field named in ``fields``."""
    if isinstance(value, str):
        if wanted:
            found.append((row, path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(item, (*path, key), fields, wanted or key in fields, row, found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _strings(item, (*path, i), fields, wanted, row, found)


def _put(value: Any, path: Path, text: str) -> Any:
    """``value`` with ``text`` at ``path`` in it (the lists and dicts of a cell are its own)."""
    if not path:
        return text
    value[path[0]] = _put(value[path[0]], path[1:], text)
    return value


def _is_string(type_: pa.DataType) -> bool:
    import pyarrow.types as t

    # (string_view: pyarrow 16 and later)
    return t.is_string(type_) or t.is_large_string(type_) or getattr(t, "is_string_view", bool)(type_)


def _holds_text(type_: pa.DataType) -> bool:
    import pyarrow.types as t

    if _is_string(type_):
        return True
    if t.is_dictionary(type_):
        return _holds_text(type_.value_type)
    return any(_holds_text(type_.field(i).type) for i in range(type_.num_fields))


def _rewritable(type_: pa.DataType) -> bool:
    """Does a value of ``type_`` come back from Python as it was? Strings, numbers, booleans,
    and lists and records of them do; times may lose their nanoseconds, and maps their type."""
    import pyarrow.types as t

    if t.is_dictionary(type_):
        return _rewritable(type_.value_type)
    if t.is_list(type_) or t.is_large_list(type_) or t.is_fixed_size_list(type_) or t.is_struct(type_):
        return all(_rewritable(type_.field(i).type) for i in range(type_.num_fields))
    return (_is_string(type_) or t.is_boolean(type_) or t.is_integer(type_) or t.is_floating(type_)
            or t.is_null(type_))


def _names(field: pa.Field) -> set[str]:
    """The name of a column and of every record field inside it."""
    return {field.name} | _inner_names(field.type)


def _inner_names(type_: pa.DataType) -> set[str]:
    import pyarrow.types as t

    if t.is_struct(type_):
        return set().union(*(_names(type_.field(i)) for i in range(type_.num_fields)))
    if t.is_dictionary(type_):
        return _inner_names(type_.value_type)
    if type_.num_fields:  # a list's items (whose field name, "item" or "element", is none of the data's)
        return _inner_names(type_.field(0).type)
    return set()


def _compression(parquet: pq.ParquetFile) -> str:
    """The codec the file's first column was written with (a file's columns share one as a
    rule), for the file written again."""
    meta = parquet.metadata
    if meta.num_row_groups and meta.num_columns:
        return _CODECS.get(meta.row_group(0).column(0).compression, "snappy")
    return "snappy"
