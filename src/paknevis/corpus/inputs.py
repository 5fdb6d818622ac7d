"""Inputs of a corpus run, as a stream of :class:`Item`: files, folders, dumps, feeds, archives.

Nothing is read whole: folders are walked lazily, JSONL and CSV or TSV (plain, .gz, .zst,
.bz2) line by line (a CSV row may hold line breaks), feeds (RSS, Atom) item by item and
Wikipedia dumps page by page, a Telegram export, an X archive's tweets or a JSON array of
posts a message, tweet or post at a time, Parquet by record batches, WARC record by
record, so memory does not grow with the corpus.
A line that is not JSON, or a WARC record that cannot be decoded, is still an item (it
becomes a reject with its reason), and so is a dump or an archive that cannot be read on
(corrupt, cut short): what was read before is kept, and every input is accounted for.
"""
from __future__ import annotations

import csv
import io
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..io.decode import COMPRESSIONS, open_decompressed, skip_bom


def _plain_or_compressed(*ends: str) -> tuple[str, ...]:
    return tuple(end + packed for end in ends for packed in ("", *COMPRESSIONS))


DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".doc", ".rtf", ".odt", ".epub", ".pdf")
DUMP_SUFFIXES = _plain_or_compressed(".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
TABLE_SUFFIXES = _plain_or_compressed(".csv", ".tsv")
FEED_SUFFIXES = _plain_or_compressed(".rss", ".atom")
XML_SUFFIXES = _plain_or_compressed(".xml", ".tei")  # a feed, a Wikipedia dump or TEI, if it begins as one
JSON_SUFFIXES = _plain_or_compressed(".json")  # a Telegram export, an array of posts or one post
SCRIPT_SUFFIXES = (".js",)  # an X (Twitter) archive's tweets (data/tweets.js), if it begins as them
TEI_SUFFIXES = _plain_or_compressed(".tei")  # TEI by its name, whatever it begins with
NOTHING_IN_FILE = "nothing in the file (no line, row, item, article, text or HTML page)"
#: the warning of a CSV row with a quote that does not close as a cell does (a stray " at a
#: cell's start, which would make the lines up to the next quote its cell): it is read with
#: the quote as written
UNCLOSED_QUOTE = "text: a quote in its row does not close as a cell does: it is read as written"
EMPTY_FILE = "empty file"  # (as a document's reject says it)


@dataclass(frozen=True)
class Item:
    """One input: a file to read, one line of a dump, or one page of a web archive."""

    ref: str  #: where it came from: 'path', 'path:line' or 'path@offset'
    path: str | None = None  #: a file to read and parse
    line: str | None = None  #: a JSON object, as text
    post: str | None = None  #: a feed's item or a dump's article (``documents.feed``, ``wiki_dump``), as JSON
    data: bytes | None = None  #: an HTML page's bytes (from a WARC record)
    url: str | None = None
    charset: str | None = None  #: from the HTTP Content-Type header, if it said
    error: str | None = None  #: why a dump or archive could not be read on: a reject
    warning: str | None = None  #: for its record: what was wrong with it as read (UNCLOSED_QUOTE)


def _dump_items(path: Path) -> Iterator[Item]:
    with open_decompressed(path) as f:
        for n, raw in enumerate(f, 1):
            if raw.strip():
                yield Item(ref=f"{path}:{n}", line=raw.decode("utf-8", "replace"))


def _table_items(path: Path) -> Iterator[Item]:
    """A CSV or TSV file's rows (its header names their fields), each a JSON object, as a
    dump's lines are; ref: the file and the line the row ends on."""
    # a cell may hold a whole article: csv's default limit is 128 KB (process's own is --max-mb)
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    with open_decompressed(path) as raw:
        yield from _rows(path, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline=""),
                         delimiter)


def _rows(path: Path, lines: Iterable[str], delimiter: str) -> Iterator[Item]:
    """The rows of a table's ``lines``, the first its header. A cell may hold line breaks,
    so a stray quote would make the lines up to the next quote (or the end of the file) one
    cell, and the rows in them would be lost without a word. The rows are read strictly; a
    row where a quote does not close as a cell does is read again with a stray quote kept as
    written (:func:`_mended`), and where no such reading gives a row of the header's cells,
    as its first line alone, split at the delimiter; with a warning (``UNCLOSED_QUOTE``)
    each. The lines after it are read on as rows."""
    source: Iterator[str] = iter(lines)
    names: list[str] | None = None
    before = 0  # the file's lines before the reader's first
    while True:
        read: list[str] = []  # the lines of the row being read
        rows = csv.DictReader(_noting(source, read), fieldnames=names, delimiter=delimiter,
                              restkey="_more", strict=True)
        try:
            if names is None:
                names = list(rows.fieldnames or ())
                if not names:
                    return
                read.clear()  # (the header's lines)
            for row in rows:
                yield Item(ref=f"{path}:{before + rows.line_num}", line=orjson.dumps(row).decode())
                read.clear()
            return
        except csv.Error:
            if not read or not names:
                raise
            first = before + rows.reader.line_num - len(read) + 1  # (DictReader's is the last row's)
            values, used, source = _mended(read, source, delimiter, len(names))
            if values is None:
                values = read[0].rstrip("\r\n").split(delimiter)
            cells: dict[str, object] = {name: values[n] if n < len(values) else None
                                        for n, name in enumerate(names)}  # (as DictReader makes them)
            if len(values) > len(names):
                cells["_more"] = values[len(names):]
            yield Item(ref=f"{path}:{first + used - 1}", line=orjson.dumps(cells).decode(),
                       warning=UNCLOSED_QUOTE)
            before = first + used - 1


def _mended(read: list[str], source: Iterator[str], delimiter: str,
            width: int) -> tuple[list[str] | None, int, Iterator[str]]:
    """The row whose lines ``read`` are (up to where they would not read), read with a
    stray quote kept as written: a quote that begins a cell of its first line (that cell
    quoted, its quotes doubled: a title that begins with «"»), or else those inside a quoted
    cell on its last line (doubled), the first reading that gives a row of ``width`` cells
    and a row of as many after it. Its cells,
    how many lines it takes and the lines after it; or None, 1 and the lines after its first."""
    ahead: list[str] = []  # the lines after ``read`` that a reading took from ``source``
    readings = ((0, _cell_quoted(read[0], delimiter)), (len(read) - 1, _inner_doubled(read[-1], delimiter)))
    for n, mended in readings:
        if mended is None:
            continue
        taken: list[str] = []
        lines = _noting(itertools.chain(read[:n], [mended], read[n + 1:], list(ahead),
                                        _noting(source, ahead)), taken)
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            values = next(reader)
            used = len(taken)
            following = next(reader, None)  # (the row after it reads as a row too: the reading fits)
        except (csv.Error, StopIteration):
            continue
        if len(values) == width and (following is None or len(following) == width):
            return values, used, itertools.chain([*read, *ahead][used:], source)
    return None, 1, itertools.chain([*read[1:], *ahead], source)


def _cell_quoted(line: str, delimiter: str) -> str | None:
    """``line`` with the first cell that begins with a quote quoted as a whole, its quotes
    doubled (to the next delimiter): the quote is the cell's, as written."""
    at = next((i for i, ch in enumerate(line) if ch == '"' and (i == 0 or line[i - 1] == delimiter)), -1)
    if at < 0:
        return None
    end = line.find(delimiter, at)
    if end < 0:
        end = len(line.rstrip("\r\n"))
    return line[:at] + '"' + line[at:end].replace('"', '""') + '"' + line[end:]


def _inner_doubled(line: str, delimiter: str) -> str | None:
    """``line`` with each quote that neither begins nor ends a cell, nor is doubled, doubled:
    quotes inside a quoted cell («خط "دوم" با نقل»), as written; None where it has none."""
    ends = (delimiter, '"', "\r", "\n", "")
    inner = [i for i, ch in enumerate(line)
             if ch == '"' and i and line[i - 1] not in (delimiter, '"') and line[i + 1:i + 2] not in ends]
    for i in reversed(inner):
        line = line[:i] + '"' + line[i:]
    return line if inner else None


def _noting(source: Iterator[str], read: list[str]) -> Iterator[str]:
    """The lines of ``source``, each noted in ``read`` as it is given."""
    for line in source:
        read.append(line)
        yield line


def _xml_items(path: Path, kind: str) -> Iterator[Item]:
    """A feed's items, a Wikipedia dump's articles, or a TEI document's texts; ref: the file
    and the post's number (a feed may be one line)."""
    from ..documents.feed import read_feed
    from ..documents.tei_document import read_tei
    from ..documents.wiki_dump import read_wiki_dump

    read = {"feed": read_feed, "wiki": read_wiki_dump, "tei": read_tei}[kind]
    with open_decompressed(path) as raw:
        for n, post in enumerate(read(raw), 1):
            yield (Item(ref=f"{path}#{n}", error=post) if isinstance(post, str)
                   else Item(ref=f"{path}#{n}", post=orjson.dumps(post).decode()))


def _xml_kind(name: str, path: Path) -> str | None:
    """What a file is: a feed (named so, .rss or .atom, or named as XML and beginning as
    one), a Wikipedia dump (named as XML, beginning as one) or a TEI document (named so, or
    as XML and beginning as one), or None (no XML to read). A file named as one kind is
    read as that kind, whose reject says what is wrong with it: an empty or broken TEI file
    in a folder is accounted for, where XML of another kind (a sitemap) is passed over."""
    from ..documents.feed import looks_like_feed
    from ..documents.tei_document import looks_like_tei
    from ..documents.wiki_dump import looks_like_wiki_dump

    if name.endswith(FEED_SUFFIXES):
        return "feed"
    if name.endswith(TEI_SUFFIXES):
        return "tei"
    if not name.endswith(XML_SUFFIXES):
        return None
    head = file_head(path)  # (read from its start: what else it is, is no input)
    if head is None:  # (damaged: read as a feed, whose reject says what is wrong)
        return "feed"
    return next((kind for kind, looks in (("feed", looks_like_feed), ("wiki", looks_like_wiki_dump),
                                          ("tei", looks_like_tei)) if looks(head)), None)


def file_head(path: Path) -> bytes | None:
    """A file's first bytes (decompressed), to tell what it is: None where it cannot be
    read (the reader that reads it says what is wrong)."""
    try:
        with open_decompressed(path) as raw:
            return raw.read(4096)
    except Exception:
        return None


def _json_items(path: Path) -> Iterator[Item]:
    """A JSON file's posts, each as a dump's line: the objects of an array, or the one
    object it is; ref: the file and the post's number. An array is cut into its posts, each
    read alone, so that a damaged byte costs its post: by the layout of one written a post
    to an indented block (``json.dump(posts, f, indent=2)``), else by its braces."""
    if (file_head(path) or b"").lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
        from ..documents.json_stream import array_items, items_indent, laid_out_items

        with open_decompressed(path) as raw:
            source = skip_bom(raw)
            head = source.peek(1 << 16)  # type: ignore[attr-defined]
            after = head.index(b"[") + 1
            indent = items_indent(head, after)
            source.read(after)
            posts = laid_out_items(source, indent) if indent is not None else array_items(source)
            for n, (post, why) in enumerate(posts, 1):
                yield (Item(ref=f"{path}#{n}", error=f"a post {why}") if why
                       else Item(ref=f"{path}#{n}", line=orjson.dumps(post).decode()))
    else:
        with open_decompressed(path) as raw:
            yield Item(ref=str(path), line=raw.read().decode("utf-8-sig", "replace"))


def _parquet_items(path: Path) -> Iterator[Item]:
    import pyarrow.parquet as pq

    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
        for row in batch.to_pylist():
            n += 1
            yield Item(ref=f"{path}:{n}", line=orjson.dumps(row, default=str).decode())


def _warc_items(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            charset = None
            if "charset=" in ctype.lower():
                charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"')
            body = record.content_stream().read()  # before asking for the offset
            yield Item(ref=f"{path}@{records.get_record_offset()}", data=body,
                       url=record.rec_headers.get_header("WARC-Target-URI"), charset=charset)


def read_on(path: Path, items: Iterator[Item]) -> Iterator[Item]:
    """The items of a dump or an archive, and, if it cannot be read on (not gzip, zstd,
    Parquet or WARC after all, cut short, or its reader library does not load) or holds
    none, one more item that says so, to be its reject: a corpus run keeps what came before
    and goes on with the next input, where the error would have stopped it."""
    n = 0
    try:
        if path.stat().st_size == 0:
            yield Item(ref=str(path), error=EMPTY_FILE)
            return
        for item in items:
            n += 1
            yield item
    except Exception as e:  # (any: what the gzip, zstd, Parquet and WARC readers raise differ)
        where = f"after {n} item{'s' if n > 1 else ''}" if n else "from the start"
        said = next(iter(str(e).strip().splitlines()), "")
        yield Item(ref=str(path), error=f"cannot read the file {where} ({type(e).__name__}: {said})")
    else:
        if not n:  # an empty dump, or an archive without an HTML page, is accounted for too
            yield Item(ref=str(path), error=NOTHING_IN_FILE)


def iter_items(inputs: Iterable[str | Path]) -> Iterator[Item]:
    """Each input's items, in order: a folder's files walked in name order (what it holds
    that no reader takes is passed over), a file's posts, or a reject for what cannot be read."""
    from .exports import (  # (here: the platforms' exports are read into this module's Item)
        PAGES,
        is_telegram_export,
        is_twitter_archive,
        is_zipped_archive,
        telegram_items,
        tweet_items,
        zip_items,
        zipped_tweet_items,
    )

    for given in inputs:
        path = Path(given)
        name = path.name.lower()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for fname in sorted(files):
                    found = Path(root) / fname
                    if fname.lower().endswith(DOCUMENT_SUFFIXES):
                        if fname.lower().endswith(PAGES) and is_telegram_export(found):
                            yield from read_on(found, telegram_items(found))
                        else:
                            yield Item(ref=str(found), path=str(found))
                    elif kind := _xml_kind(fname.lower(), found):
                        yield from read_on(found, _xml_items(found, kind))
                    elif fname.lower().endswith(JSON_SUFFIXES) and is_telegram_export(found):
                        yield from read_on(found, telegram_items(found))  # (other JSON is no post)
                    elif fname.lower().endswith(SCRIPT_SUFFIXES) and is_twitter_archive(found):
                        yield from read_on(found, tweet_items(found))  # (and no other script)
                    elif fname.lower().endswith(".zip") and is_zipped_archive(found):
                        yield from read_on(found, zipped_tweet_items(found))  # (no other zip)
        elif path.is_file() and name.endswith(DUMP_SUFFIXES):
            yield from read_on(path, _dump_items(path))
        elif path.is_file() and name.endswith(TABLE_SUFFIXES):
            yield from read_on(path, _table_items(path))
        elif path.is_file() and (kind := _xml_kind(name, path)):
            yield from read_on(path, _xml_items(path, kind))
        elif path.is_file() and name.endswith(JSON_SUFFIXES):
            posts = telegram_items(path) if is_telegram_export(path) else _json_items(path)
            yield from read_on(path, posts)
        elif path.is_file() and name.endswith(".parquet"):
            yield from read_on(path, _parquet_items(path))
        elif path.is_file() and name.endswith(WARC_SUFFIXES):
            yield from read_on(path, _warc_items(path))
        elif path.is_file() and name.endswith(PAGES) and is_telegram_export(path):
            yield from read_on(path, telegram_items(path))
        elif path.is_file() and name.endswith(".zip"):
            yield from zip_items(path)
        elif path.is_file() and name.endswith(SCRIPT_SUFFIXES):
            yield from (read_on(path, tweet_items(path)) if is_twitter_archive(path) else [Item(
                ref=str(path), error="a script, not an X (Twitter) archive's tweets (data/tweets.js)")])
        else:  # a document file, or a path that does not exist (a reject, not a crash)
            yield Item(ref=str(path), path=str(path))
