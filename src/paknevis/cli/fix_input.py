"""One input of ``paknevis fix`` repaired: text a block of lines at a time, or a binary
file (Parquet, a document, a book) whole, and written out as text, as edits, as a diff, or
in place."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from functools import partial
from itertools import chain
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any, NamedTuple, cast

import orjson
import typer

from ..io import UTF8_CUT
from ..io.stream import TextStream, open_text_stream
from ..repair.blocks import RepairedBlock, repair_blocks, strings_repair
from ..repair.diff import COLOR, PLAIN, word_diff
from ..repair.docx_text import is_docx
from ..repair.epub_text import is_epub
from ..repair.forms import FIELDED, Form, Kind, kind_of
from ..repair.lines import line_blocks
from ..repair.odt_text import is_odt
from ..repair.parquet_text import is_parquet
from ..repair.strings import StringRepair
from .app import fail


class InputFormat(StrEnum):  # (repair/forms.py: what each is; a test holds them the same)
    auto = "auto"
    text = "text"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    html = "html"
    markdown = "markdown"
    xml = "xml"
    wikitext = "wikitext"
    mediawiki = "mediawiki"
    parquet = "parquet"
    docx = "docx"
    epub = "epub"
    odt = "odt"


#: The forms repaired from file to file, binary: what each is called, the names of an
#: edit's row and place in it (--explain), and what its name ends with
BINARY = {"parquet": ("Parquet", "row", "field", is_parquet),
          "docx": ("A Word document", "paragraph", "part", is_docx),
          "epub": ("An EPUB book", "line", "place", is_epub),
          "odt": ("An OpenDocument text", "paragraph", "part", is_odt)}


class Output(NamedTuple):
    """What ``paknevis fix`` makes of an input: the text, or its edits as JSON lines, or the
    file rewritten, or (changing nothing) its edits counted by rule, or a diff."""

    explain: bool
    in_place: bool
    check: bool
    diff: bool


def fix_text_input(options: dict, name: str, path: Path | None, output: Output, format: InputFormat,
                   fields: tuple[str, ...], pool: Pool | None) -> Counter[str]:
    """Repair one input, read and written a block of lines at a time (memory stays bounded
    however large it is); with ``check`` or ``diff``, write no text (with ``diff``, the
    lines repair would change, marked) and return how many edits of each rule it would
    make. A :class:`DecodeError`, :class:`JsonError` or :class:`CsvError` comes before
    anything is written, or, for standard input, where it goes wrong; a
    :class:`BlockTooLarge` where lines are too long to repair."""
    raw, stream = open_text_stream(path) if path else (
        None, TextStream(sys.stdin.buffer, empty_ok=True))
    try:
        blocks = line_blocks(stream.chunks())
        first = next(blocks, "")
        blocks = chain([first], blocks)
        kind = kind_of(name, first) if format is InputFormat.auto else cast(Kind, format.value)
        if fields and kind not in FIELDED:
            fail(f"{name}: --field is for JSON, tables, XML and Parquet, and this input reads as {kind} "
                 "(--format json, csv or xml reads it as such)")
        form = Form(kind, fields).read_header(first)
        if kind != "text":
            if path is not None and form.checked:  # to its end before anything is written
                raw_again, stream_again = open_text_stream(path)
                with raw_again:
                    deque(form.blocks(line_blocks(stream_again.chunks())), maxlen=0)
            blocks = form.blocks(blocks)
            if fields and kind in ("json", "xml", "mediawiki"):  # (a table's header was checked)
                _warn_of_missing_fields(name, first, fields, kind)
        rules = _write_repaired(blocks, options, name, path, output, form, pool)
    finally:
        if raw is not None:
            raw.close()
    if stream.encoding == UTF8_CUT:
        typer.echo(f"paknevis: warning: {name}: the text ends inside a character, "
                   "whose bytes are left out", err=True)
    return rules


def _write_repaired(blocks: Iterable[str], options: dict, name: str, path: Path | None,
                    output: Output, form: Form, pool: Pool | None) -> Counter[str]:
    """Repair the blocks of an input and write what ``output`` asks for (see :func:`fix_text_input`)."""
    rules: Counter[str] = Counter()
    read: deque[str] = deque()  # the blocks whose repair is yet to come (for line numbers)
    strings = form.kind != "text"  # (the edits come a string at a time)
    # kept only where lines are counted: a block that no one takes back would stay, and a
    # JSON file written out would be held whole
    if output.diff or (strings and output.explain):
        blocks = _kept(blocks, read)
    results = repair_blocks(blocks, options, explain=output.explain or output.check or output.diff,
                            pool=pool, form=form)
    if output.in_place and path is not None:
        _rewrite(path, partial(_write_blocks, results))
        return rules
    if not (output.explain or output.check or output.diff):
        for block in results:  # each flushed, so that a pipe flows
            sys.stdout.write(block.text)
            sys.stdout.flush()
        return rules
    markers = COLOR if sys.stdout.isatty() and not os.environ.get("NO_COLOR") else PLAIN
    out, offset, lines = sys.stdout.buffer, 0, 0  # (characters and lines in the blocks before)
    for block in results:
        text = read.popleft() if read else ""
        if strings:  # each string's edits, at its line and place
            for string in block.strings:
                rules.update(e.rule for e in string.edits)
                line = lines + string.line
                if output.diff:  # (a cell's lines are the file's; a JSON string's are its own)
                    several = form.kind == "json" and "\n" in string.text
                    for n, shown in word_diff(string.text, string.edits, markers):
                        at = f"{line}:{string.place}:{n}" if several else (
                            f"{line + n - 1}:{string.place}")
                        out.write(f"{name}:{at}: {shown}\n".encode())
                elif output.explain:
                    for e in string.edits:
                        row = {"line": line, "field": string.place, **e.to_dict()}
                        out.write(orjson.dumps({"file": name, **row} if path else row) + b"\n")
        else:
            rules.update(e.rule for e in block.edits)
            if output.diff:
                for n, shown in word_diff(text, block.edits, markers):
                    out.write(f"{name}:{lines + n}: {shown}\n".encode())
            elif output.explain:
                for e in block.edits:
                    row = e.shifted(offset).to_dict()
                    out.write(orjson.dumps({"file": name, **row} if path else row) + b"\n")
        offset += block.size
        lines += text.count("\n")
        out.flush()  # (a block at a time, so that a pipe flows)
    return rules


def fix_binary_input(kind: str, options: dict, name: str, path: Path | None, output: Output,
                     fields: tuple[str, ...], pool: Pool | None) -> Counter[str]:
    """Repair one Parquet file, Word or OpenDocument document or EPUB book (see
    :func:`fix_text_input`): to standard output, in place, or only its edits, a string, a
    paragraph or a text at a time, at its row and place (a paragraph and its part; a line
    and its part's place)."""
    from ..repair.docx_text import repair_docx
    from ..repair.epub_text import repair_epub
    from ..repair.odt_text import repair_odt
    from ..repair.parquet_text import open_parquet, repair_parquet, text_columns
    from ..repair.pipeline import repairer

    # (standard input is read whole: a Parquet file's index, and a zip file's, is at its end)
    source: Any = path if path is not None else io.BytesIO(sys.stdin.buffer.read())
    if kind == "parquet" and (kept := text_columns(open_parquet(source).schema_arrow, fields)[1]):
        typer.echo(f"paknevis: warning: {name}: the text of {', '.join(map(repr, kept))} is kept as it "
                   "is: it stands beside times, decimals, bytes or maps, which repair does not "
                   "write again", err=True)
    edits = output.explain or output.check or output.diff
    # (a paragraph's edits are put back into its runs: a Word or OpenDocument text's are always
    # asked for)
    repair = strings_repair(options, explain=edits or kind in ("docx", "odt"), pool=pool)

    def repaired(sink: Any) -> Iterator[StringRepair]:
        if kind == "parquet":
            return repair_parquet(source, sink, repair, fields, explain=edits)
        if kind == "epub":
            return repair_epub(source, sink, repairer(**options))
        return (repair_odt if kind == "odt" else repair_docx)(source, sink, repair)

    if output.in_place and path is not None:
        _rewrite(path, lambda tmp: sum(1 for _ in repaired(str(tmp))) > 0)
        return Counter()
    rules: Counter[str] = Counter()
    markers = COLOR if sys.stdout.isatty() and not os.environ.get("NO_COLOR") else PLAIN
    out = sys.stdout.buffer
    _, where, place, _ = BINARY[kind]
    # (the file is written whole, and only then to standard output: an error midway, a part
    # of the zip file that is no XML, leaves no half a file there)
    sink = None if edits else tempfile.SpooledTemporaryFile(max_size=_SPOOLED)
    for string in repaired(sink):
        rules.update(e.rule for e in string.edits)
        if output.diff:
            several = "\n" in string.text
            for n, shown in word_diff(string.text, string.edits, markers):
                at = f"{string.line}:{string.place}:{n}" if several else f"{string.line}:{string.place}"
                out.write(f"{name}:{at}: {shown}\n".encode())
        elif output.explain:
            for e in string.edits:
                out.write(orjson.dumps({"file": name, where: string.line, place: string.place,
                                        **e.to_dict()}) + b"\n")
    if sink is not None:
        sink.seek(0)
        shutil.copyfileobj(sink, out)
        sink.close()
    out.flush()
    return rules


#: Bytes of a repaired file kept in memory before it spills to a temporary file (a Parquet
#: shard of 30 MB, held whole, peaked 25 MB higher)
_SPOOLED = 1 << 20


def _warn_of_missing_fields(name: str, first: str, fields: tuple[str, ...], kind: str) -> None:
    """A warning for a ``--field`` that no object of the first lines has, at any depth, or
    no element of XML (a typing error would else leave every string as it was, and say
    nothing)."""
    xml = kind in ("xml", "mediawiki")
    keys: set[str] = set(_XML_ELEMENT.findall(first)) if xml else set()
    for line in first.split("\n") if kind == "json" else ():
        try:
            _add_keys(json.loads(line), keys)
        except (ValueError, RecursionError):  # (not JSON: an error of its own, later)
            continue
    missing = [f for f in fields if f not in keys]
    if keys and missing:
        named, seen = ", ".join(map(repr, missing)), ", ".join(sorted(keys))
        said = (f"no element of the first lines is named {named} (they are: {seen})" if xml
                else f"no object of the first lines has the field {named} (they have: {seen})")
        typer.echo(f"paknevis: warning: {name}: {said}", err=True)


_XML_ELEMENT = re.compile(r"<([^\W\d][\w:.-]*)")  # (an element's name where it opens)


def _add_keys(value: Any, keys: set[str]) -> None:
    """Add the keys of every object in ``value`` to ``keys``."""
    if isinstance(value, dict):
        keys.update(value)
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            _add_keys(item, keys)


def _kept(blocks: Iterable[str], read: deque[str]) -> Iterator[str]:
    """The blocks, each also put in ``read`` as it is read."""
    for block in blocks:
        read.append(block)
        yield block


def _rewrite(path: Path, write: Callable[[Path], bool]) -> None:
    """Write the repaired file beside ``path`` with ``write``, which says whether anything
    changed; if so, keep the original as FILE.bak and move the new file in (an error midway
    leaves the original as it was). A symbolic link stays one: the file it points to is
    rewritten."""
    target = path.resolve()
    tmp = target.with_name(f".{target.name}.paknevis-tmp")
    try:
        if write(tmp):
            shutil.copy2(target, path.with_name(path.name + ".bak"))
            shutil.copymode(target, tmp)
            tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _write_blocks(results: Iterable[RepairedBlock], tmp: Path) -> bool:
    """Write the repaired blocks (see :func:`repair_blocks`) to ``tmp``: did any change?"""
    changed = False
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        for block in results:
            changed = changed or block.changed
            out.write(block.text)
    return changed
