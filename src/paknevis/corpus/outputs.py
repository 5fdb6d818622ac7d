"""Where a run's lines go: a working JSONL file that a run can resume, then the final
format (JSONL, JSONL.gz, or Parquet with a fixed schema).

Every output line carries its input's ref (``input``), so an interrupted run knows exactly
what it has done: on resume, a last line cut short is dropped and every ref already
written (as a record or a reject) is skipped. One input, one line, none lost, none twice.
"""
from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import orjson

_DATE = [("start", "int32"), ("end", "int32"), ("text", "string"), ("kind", "string"),
         ("value", "string"), ("calendar", "string"), ("warning", "string")]
_ENTITY = [("start", "int32"), ("end", "int32"), ("text", "string"), ("kind", "string"),
           ("value", "string")]
_QUALITY = [("persian_letter_share", "float64"), ("repeated_line_share", "float64"),
            ("mean_word_length", "float64"), ("boilerplate_line_share", "float64"),
            ("lines", "int32"), ("words", "int32")]


def parquet_schema():
    """The fixed schema of a records Parquet file (the Document record's fields)."""
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return pa.schema([
        ("id", pa.string()), ("url", pa.string()), ("source", pa.string()),
        ("author", pa.string()), ("title", pa.string()), ("published", pa.string()),
        ("published_raw", pa.string()), ("text", pa.string()), ("raw_text", pa.string()),
        ("hashtags", strings), ("mentions", strings), ("links", strings),
        ("dates", pa.list_(pa.struct([(n, pa.type_for_alias(t)) for n, t in _DATE]))),
        ("entities", pa.list_(pa.struct([(n, pa.type_for_alias(t)) for n, t in _ENTITY]))),
        ("lang", pa.string()),
        ("quality", pa.struct([(n, pa.type_for_alias(t)) for n, t in _QUALITY])),
        ("dup_cluster", pa.string()), ("edits_count", pa.int32()), ("warnings", strings),
        ("input", pa.string()),
    ])


def working_path(output: Path) -> Path:
    """The JSONL file a run appends to before the final format is written."""
    if output.name.endswith(".jsonl"):
        return output
    return output.with_name(output.name + ".partial.jsonl")


def done_refs(path: Path) -> set[str]:
    """Refs of the complete lines in a working file; a last line cut short is removed."""
    if not path.exists():
        return set()
    with open(path, "rb+") as f:
        data = f.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):  # killed in the middle of a line
            f.truncate(end)
    refs = set()
    for line in data[:end].splitlines():
        if line.strip():
            refs.add(orjson.loads(line)["input"])
    return refs


def finalize(working: Path, output: Path) -> None:
    """Turn the working JSONL into the output's format (by its name)."""
    name = output.name.lower()
    if working == output:
        return
    if name.endswith(".jsonl.gz"):
        with open(working, "rb") as src, gzip.open(output, "wb") as dst:
            shutil.copyfileobj(src, dst)
    elif name.endswith(".parquet"):
        _to_parquet(working, output)
    else:
        raise ValueError(f"unknown output format: {output.name} (use .jsonl, .jsonl.gz or .parquet)")
    os.remove(working)


def _to_parquet(working: Path, output: Path, batch: int = 2000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    with pq.ParquetWriter(output, schema) as writer, open(working, "rb") as f:
        rows = []
        for line in f:
            if line.strip():
                rows.append(orjson.loads(line))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
