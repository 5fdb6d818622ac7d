"""Parquet repaired as Parquet (repair/parquet_text.py): the strings of its text columns as
fix repairs them, in lists and records too, and the rest of the file as it was."""
import datetime
import json
from functools import partial

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run
from test_properties import SETTINGS, texts

from paknevis import apply_edits, fix, fix_parquet
from paknevis.repair import ParquetError, repairer
from paknevis.repair.parquet_text import repair_parquet, text_columns
from paknevis.repair.strings import repair_strings

Z = "\u200c"
# A dataset's shard as a crawl exports it: ids, addresses, a time, the text, its paragraphs,
# a record of metadata, a category written as a dictionary; the dataset's features in the
# schema's metadata
TABLE = pa.table({
    "id": [1, 2, 3],
    "url": ["https://x.ir/كتاب?id=12", None, "https://x.ir/2"],
    "crawled": pa.array([datetime.datetime(2024, 1, 1, 12, 0, 0, 1)] * 3, pa.timestamp("ns")),
    "text": ["كتاب ها را میخوانم", None, "علي 12"],
    "paragraphs": [["میشود", None], None, []],
    "meta": [{"title": "كتاب", "views": 12}, None, {"title": None, "views": 3}],
    "section": pa.array(["ورزشي", "ورزشي", "news"]).dictionary_encode(),
}).replace_schema_metadata({"huggingface": '{"info": {"features": {}}}'})
FIXED = {"text": [f"کتاب{Z}ها را می{Z}خوانم", None, "علی ۱۲"],
         "paragraphs": [[f"می{Z}شود", None], None, []],
         "meta": [{"title": "کتاب", "views": 12}, None, {"title": None, "views": 3}],
         "section": ["ورزشی", "ورزشی", "news"]}


@pytest.fixture
def shard(tmp_path):
    path = tmp_path / "train.parquet"
    pq.write_table(TABLE, path, compression="zstd", row_group_size=2)
    return path


def test_text_columns_are_repaired_and_the_rest_kept(shard, tmp_path):
    out = tmp_path / "fixed.parquet"
    assert fix_parquet(shard, out) == 6  # strings changed (a dictionary's, a row each)
    fixed = pq.ParquetFile(out)
    assert fixed.schema_arrow.equals(pq.ParquetFile(shard).schema_arrow, check_metadata=True)
    assert [fixed.metadata.row_group(i).num_rows for i in range(fixed.metadata.num_row_groups)] == [2, 1]
    assert fixed.metadata.row_group(0).column(0).compression == "ZSTD"
    table = fixed.read()
    for name in TABLE.column_names:
        expected = FIXED.get(name, TABLE.column(name).to_pylist())
        assert table.column(name).to_pylist() == expected, name
    assert table.column("crawled").equals(TABLE.column("crawled"))  # the nanosecond kept


def test_fields_limit_the_repair_to_columns_and_record_fields(shard, tmp_path):
    out = tmp_path / "fixed.parquet"
    fix_parquet(shard, out, fields=["title", "paragraphs"])
    table = pq.read_table(out)
    assert table.column("meta").to_pylist() == FIXED["meta"]
    assert table.column("paragraphs").to_pylist() == FIXED["paragraphs"]
    assert table.column("text").to_pylist() == TABLE.column("text").to_pylist()


@pytest.mark.parametrize("fields, message", [
    (["txet"], "the file has no column 'txet' (it has: 'id', 'url', 'crawled', 'text'"),
    (["id"], "no text to repair under 'id' ('id' is int64)"),
])
def test_a_field_with_no_text_is_an_error(shard, fields, message):
    with pytest.raises(ParquetError, match=message.replace("(", r"\(").replace(")", r"\)")):
        text_columns(pq.ParquetFile(shard).schema_arrow, fields)


def test_text_beside_values_python_would_change_is_kept():
    schema = pa.schema([("m", pa.struct([("t", pa.string()), ("at", pa.timestamp("ns"))])),
                        ("x", pa.string()), ("n", pa.int64())])
    assert text_columns(schema) == (["x"], ["m"])


def test_edits_name_row_and_place_and_replay(shard):
    repair = partial(repair_strings, repairer=repairer(), explain=True)
    repairs = list(repair_parquet(shard, None, repair, explain=True))
    assert [(r.line, r.place) for r in repairs] == [
        (1, "/text"), (1, "/paragraphs/0"), (1, "/meta/title"), (1, "/section"), (2, "/section"),
        (3, "/text")]
    for r in repairs:
        assert apply_edits(r.text, r.edits) == fix(r.text)


def test_not_parquet_and_cut_short_are_errors(tmp_path, shard):
    text = tmp_path / "a.parquet"
    text.write_text("كتاب", encoding="utf-8")
    with pytest.raises(ParquetError, match="not a Parquet file"):
        fix_parquet(text, tmp_path / "out.parquet")
    data = shard.read_bytes()
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(data[:len(data) // 2])
    with pytest.raises(ParquetError, match="not a Parquet file"):
        fix_parquet(cut, tmp_path / "out.parquet")


def test_the_source_is_never_the_destination(shard):
    with pytest.raises(ValueError, match="writes another file"):
        fix_parquet(shard, str(shard))


def test_a_file_without_rows_stays_one(tmp_path):
    empty, out = tmp_path / "empty.parquet", tmp_path / "out.parquet"
    pq.write_table(TABLE.slice(0, 0), empty)
    assert fix_parquet(empty, out) == 0
    assert pq.read_table(out).schema.equals(TABLE.schema)


@SETTINGS
@given(st.lists(st.one_of(st.none(), texts), max_size=12), st.integers(1, 5))
def test_each_string_as_fix_makes_it(tmp_path_factory, strings, group):
    folder = tmp_path_factory.mktemp("p")
    source, out = folder / "in.parquet", folder / "out.parquet"
    pq.write_table(pa.table({"text": pa.array(strings, pa.large_string()),
                             "lists": [[s, s] for s in strings]}), source, row_group_size=group)
    fix_parquet(source, out)
    table = pq.read_table(out)
    fixed = [None if s is None else fix(s) for s in strings]
    assert table.column("text").to_pylist() == fixed
    assert table.column("lists").to_pylist() == [[s, s] for s in fixed]


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"title": texts, "n": st.integers(0, 9),
                                        "tags": st.lists(st.one_of(st.none(), texts), max_size=3)}),
                min_size=1, max_size=5))
def test_records_keep_all_but_their_strings(tmp_path_factory, rows):
    """A column of records with text, numbers and lists: each string as fix makes it, each
    number, null and list's shape as it was; string_view too."""
    folder = tmp_path_factory.mktemp("p")
    source, out = folder / "in.parquet", folder / "out.parquet"
    pq.write_table(pa.table({"meta": rows, "body": pa.array([r["title"] for r in rows], pa.string_view())}),
                   source)
    fix_parquet(source, out)
    table = pq.read_table(out)
    assert table.column("meta").to_pylist() == [
        {"title": fix(r["title"]), "n": r["n"], "tags": [None if t is None else fix(t) for t in r["tags"]]}
        for r in rows]
    assert table.column("body").to_pylist() == [fix(r["title"]) for r in rows]


def test_the_command_writes_parquet_to_standard_output(shard, tmp_path):
    r = run("fix", str(shard))
    assert r.returncode == 0, r.stderr
    assert pq.read_table(pa.BufferReader(r.stdout)).column("text").to_pylist() == FIXED["text"]
    assert run("fix", "--workers", "2", str(shard)).stdout == r.stdout
    for args in (["--format", "parquet"], []):  # (known by its first bytes)
        piped = run("fix", *args, input=shard.read_bytes())
        assert piped.returncode == 0, piped.stderr
        assert piped.stdout == r.stdout


def test_the_command_rewrites_in_place_and_explains(shard):
    explained = run("fix", "--explain", str(shard))
    rows = [json.loads(line) for line in explained.stdout.decode().splitlines()]
    assert rows[0] == {"file": str(shard), "row": 1, "field": "/text", "start": 0, "end": 1,
                       "old": "ك", "new": "ک", "rule": "letters.arabic_kaf"}
    diff = run("fix", "--diff", str(shard)).stdout.decode()
    assert f"{shard}:3:/text: [-علي-]{{+علی+}} [-12-]{{+۱۲+}}\n" in diff
    check = run("fix", "--check", str(shard))
    assert check.returncode == 1 and check.stdout.decode().startswith(f"{shard}: {len(rows)} edits")
    original = shard.read_bytes()
    assert run("fix", "--in-place", str(shard)).returncode == 0
    assert shard.with_name("train.parquet.bak").read_bytes() == original
    assert pq.read_table(shard).column("meta").to_pylist() == FIXED["meta"]
    assert run("fix", "--check", str(shard)).returncode == 0  # nothing more to do


@pytest.mark.parametrize("args, message", [
    (["--field", "txet"], "the file has no column 'txet'"),
    (["{other}"], "Parquet files, documents and books are written to standard output one at a time"),
])
def test_the_command_refuses_what_it_cannot_do(shard, tmp_path, args, message):
    other = tmp_path / "b.parquet"
    other.write_bytes(shard.read_bytes())
    r = run("fix", str(shard), *[a.format(other=other) for a in args])
    assert r.returncode == 2 and message in r.stderr.decode()
    assert r.stdout == b""


def test_the_command_warns_of_text_it_keeps(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"m": [{"t": "كتاب", "at": datetime.datetime(2024, 1, 1)}], "x": ["كتاب"]}), path)
    r = run("fix", "--check", str(path))
    assert r.returncode == 1
    assert "warning: " + f"{path}: the text of 'm' is kept as it is" in r.stderr.decode()
