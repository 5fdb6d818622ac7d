"""Run the per-document work over a stream of items, in one process or a pool.

The same function turns one :class:`Item` into one output line: a record, or a reject
with its reason. The pool only decides where it runs; results come back in input order.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import orjson

from ..documents import RawPost, assemble, parse, parse_file, post_of
from ..documents.tei_document import body_of
from ..documents.telegram_export import text_of
from ..documents.xml_stream import damage_of
from ..io import DecodeError, decode_bytes, mend_surrogates
from ..repair import RepairOptions
from ..repair.config import config_of
from .dedup import minhash
from .inputs import Item


@dataclass(frozen=True)
class DumpFields:
    """Which JSONL fields hold what (a list of strings is joined as paragraphs)."""

    text: str = "text"
    title: str = "title"
    url: str = "url"
    date: str = "published"


#: A bigger "document" is a dump or a broken export, not a post: it is rejected, not parsed.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


@dataclass
class RunCounts:
    inputs: int = 0
    records: int = 0
    rejects: int = 0
    reasons: dict = field(default_factory=dict)
    signatures: dict = field(default_factory=dict)  #: input ref -> MinHash, for near copies


def _from_dump_line(line: str, fields: DumpFields, repair: RepairOptions | None = None):
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        row = _with_lone_surrogates(line, e)
    if not isinstance(row, dict):
        raise ValueError("a JSON line that is not an object")
    if fields.text not in row:
        # the usual first run on a dump with its own field names (farsnews: paragraphs)
        keys = ", ".join(map(str, list(row)[:8])) or "none"
        raise ValueError(f"no field {fields.text!r} (the line has: {keys}; see --text-field)")
    text = row.get(fields.text)
    if isinstance(text, list):  # paragraphs; or, where entities stand among them, one text in pieces
        text = (text_of(text) if any(isinstance(t, dict) for t in text)
                else "\n".join(str(t) for t in text if t is not None))
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"no text in field {fields.text!r}")
    title = row.get(fields.title)
    url = row.get(fields.url)
    date = row.get(fields.date)
    if isinstance(date, (int, float)) and not isinstance(date, bool):
        date = _from_unix_time(date)
    raw_text = "\n".join(x for x in [title, text] if isinstance(x, str))
    return assemble(RawPost(raw_text=raw_text, title=title if isinstance(title, str) else None,
                            body=text.splitlines(), url=url if isinstance(url, str) else None,
                            published=date if isinstance(date, str) and date.strip() else None),
                    **(repair or {}))


def _from_post(post: str, repair: RepairOptions | None = None):
    """A feed's item, a dump's article, a TEI text or a Telegram message
    (``paknevis.documents.feed``, ``wiki_dump``, ``tei_document``, ``telegram_export``) as a
    record: the text of its page, its wikitext, its lines or its text as the body."""
    fields = orjson.loads(post)
    try:
        if "lines" in fields:
            body = body_of(fields)
        elif "text" in fields:  # (a Telegram message's: never empty)
            body = fields.pop("text").splitlines()
        elif "wikitext" in fields:
            from ..documents.wiki_dump import wikitext_lines

            body = wikitext_lines(fields.pop("wikitext") or "")
            if not body:
                raise ValueError("an article with no text")
        else:
            from ..documents.html_page import plain_lines  # (loaded on the first page)

            body = plain_lines(fields.pop("html") or "")
            if not body:
                raise ValueError("a feed item with no text (no content:encoded, description, "
                                 "content or summary)")
    except ValueError as e:  # (the reject says why it may have no text: «…; the file ends inside it»)
        damage = next(filter(None, map(damage_of, fields.get("warnings", ()))), None)
        if damage:
            raise ValueError(f"{e}; {damage}") from None
        raise
    return assemble(post_of(fields, body), **(repair or {}))


def _with_lone_surrogates(line: str, error: orjson.JSONDecodeError):
    """A JSON line that orjson refuses for a lone surrogate escape (``\\ud83d``: half an
    emoji, cut by a scraper or a JavaScript slice) is read by the json module, which takes
    it, and each lone half becomes U+FFFD, so that a post is not lost for a broken emoji.
    Anything else that is not JSON stays an error."""
    try:
        row = json.loads(line)
    except ValueError:
        raise ValueError(f"not JSON ({error})") from None
    return _mend_surrogates(row)


def _mend_surrogates(value):
    if isinstance(value, str):
        return mend_surrogates(value)
    if isinstance(value, list):
        return [_mend_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_mend_surrogates(k): _mend_surrogates(v) for k, v in value.items()}
    return value


def _from_unix_time(value: float) -> str:
    """A dump's date given as a number: Unix time in seconds, or in milliseconds from 1e11 on
    (in seconds, the year 5138), as ISO 8601 in UTC; kept as text if it is no time at all."""
    try:
        return dt.datetime.fromtimestamp(value / 1000 if abs(value) >= 1e11 else value,
                                         dt.UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return str(value)


def _from_archive(data: bytes, charset: str | None, url: str | None, repair: RepairOptions | None = None):
    text = None
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong header: fall back to the usual guesses
    if text is None:
        text, _ = decode_bytes(data)
    return parse(text, url=url, kind="html", **(repair or {}))


def _size(item: Item) -> int:
    text = item.line if item.line is not None else item.post
    if text is not None:
        return len(text.encode())
    if item.data is not None:
        return len(item.data)
    return os.path.getsize(item.path) if item.path is not None else 0


def _too_big(item: Item, limit: int) -> str | None:
    size = _size(item)
    if size > limit:
        return f"document too large ({size / 2**20:.1f} MB > {limit / 2**20:.0f} MB)"
    return None


def process_one(item: Item, fields: DumpFields = DumpFields(), max_bytes: int = MAX_DOCUMENT_BYTES,
                repair: RepairOptions | None = None, sign: bool = True) -> tuple[bool, bytes, object]:
    """(True, record JSON, (ref, MinHash)) or (False, reject JSON, None); never raises.
    ``repair``: the options of :func:`paknevis.fix` the record is repaired with; ``sign``:
    whether to make the MinHash (else None: no near copies are looked for)."""
    repair = repair or {}
    if item.error:
        return False, orjson.dumps({"input": item.ref, "reason": item.error}), None
    try:
        reason = _too_big(item, max_bytes)
        if reason:
            return False, orjson.dumps({"input": item.ref, "reason": reason}), None
        if item.line is not None:
            doc = _from_dump_line(item.line, fields, repair)
        elif item.post is not None:
            doc = _from_post(item.post, repair)
        elif item.data is not None:
            doc = _from_archive(item.data, item.charset, item.url, repair)
        elif item.path is not None:
            doc = parse_file(item.path, **repair)
        else:
            raise ValueError("an input with neither a file, a line, a post nor a page")
        doc.input = item.ref
        if item.warning:
            doc.warnings.append(item.warning)
        return True, doc.to_json(), (item.ref, minhash(doc.text)) if sign else None
    except (DecodeError, ValueError, UnicodeError) as e:
        reason = str(e) or type(e).__name__
    except FileNotFoundError:
        reason = "no such file"
    except OSError as e:
        reason = f"cannot read ({e.strerror})"
    except RecursionError:
        reason = "document too deeply nested"
    except Exception as e:  # a bug must not stop a corpus run: record it, go on
        reason = f"internal error: {type(e).__name__}: {e}"
    return False, orjson.dumps({"input": item.ref, "reason": reason}), None


def _work(args):
    return process_one(*args)


def process_items(items: Iterable[Item], write_record: Callable[[bytes], object],
                  write_reject: Callable[[bytes], object], *, workers: int = 1,
                  fields: DumpFields = DumpFields(), max_bytes: int = MAX_DOCUMENT_BYTES,
                  on_item: Callable[[], None] | None = None, done: AbstractSet[str] = frozenset(),
                  engine: str = "local", ray_address: str | None = None,
                  repair: RepairOptions | None = None, sign: bool = True) -> RunCounts:
    """Process every item not in ``done`` (refs already done by an interrupted run),
    repaired with ``repair`` (the options of :func:`paknevis.fix`; checked first). With
    ``sign``, each record's MinHash is made and kept in the counts, for the near copies
    (1 KB a record: without them, memory does not grow with the corpus).

    ``engine`` 'local' uses this process or a pool of ``workers``; 'ray' runs the same
    work on Ray Data (see paknevis.corpus.ray_engine). Output order is input order.
    """
    repair = repair or {}
    config_of(repair)  # (a wrong option is one error, not a reject for every input)
    counts = RunCounts()
    todo = (item for item in items if item.ref not in done)
    if engine == "ray":
        from .ray_engine import ray_results

        results = ray_results(todo, workers=workers, dump_fields=fields, max_bytes=max_bytes,
                              address=ray_address, repair=repair)
        _drain(results, write_record, write_reject, counts, on_item)
        return counts
    tasks = ((item, fields, max_bytes, repair, sign) for item in todo)
    if workers > 1:
        with mp.get_context("fork").Pool(workers) as pool:
            _drain(pool.imap(_work, tasks, chunksize=16), write_record, write_reject, counts, on_item)
    else:
        _drain(map(_work, tasks), write_record, write_reject, counts, on_item)
    return counts


def _drain(results: Iterator, write_record, write_reject, counts: RunCounts, on_item) -> None:
    for ok, line, signed in results:
        counts.inputs += 1
        if ok:
            counts.records += 1
            write_record(line)
            if signed is not None:
                counts.signatures[signed[0]] = signed[1]
        else:
            counts.rejects += 1
            reason = orjson.loads(line)["reason"].split(" (")[0]
            counts.reasons[reason] = counts.reasons.get(reason, 0) + 1
            write_reject(line)
        if on_item:
            on_item()
