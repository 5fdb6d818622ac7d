"""The archive on SQLite: records, facets, and FTS5 over *folded* title and text.

The folded copy is made by :func:`paknevis.repair.fold.fold` — the same function that folds
queries — so a word matches however it was typed (ZWNJ, space or glued, Arabic or Persian
letters, digits). Snippets and highlights are cut from the original text. Indexing is
incremental (a record with the same id replaces the old one) and runs in transactions in
WAL mode, so an indexer killed half-way leaves a database that opens and searches.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import orjson

from ..dates.calendars import jalali_of
from ..repair import fix
from ..repair.fold import fold, fold_pattern

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, url TEXT, source TEXT, author TEXT,
    title TEXT, published TEXT, month TEXT, jalali_month TEXT, lang TEXT, dup_cluster TEXT,
    text TEXT, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS tags (rowid INTEGER, kind TEXT, value TEXT, label TEXT);
CREATE INDEX IF NOT EXISTS tags_value ON tags (kind, value);
CREATE INDEX IF NOT EXISTS tags_row ON tags (rowid);
CREATE INDEX IF NOT EXISTS records_published ON records (published);
CREATE INDEX IF NOT EXISTS records_source ON records (source);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (title, text, joined, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_terms USING fts5vocab (fts, 'row');
"""
_WORD = re.compile(r"\w+")


def _joined(folded: str) -> str:
    """Each pair of neighbouring words, glued: so روحالله finds 'روح الله' written apart."""
    words = _WORD.findall(folded)
    return " ".join(a + b for a, b in zip(words, words[1:], strict=False))
BATCH = 500


class QueryError(ValueError):
    """A search query that cannot be understood; the message says why."""


@dataclass
class Hit:
    id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str  #: from the original text, matches marked with [[ ]]
    dup_cluster: str | None


def connect(path: str | Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(_SCHEMA)
    return db


def _months(published: str | None) -> tuple[str | None, str | None]:
    if not published or not re.match(r"\d{4}-\d\d-\d\d", published):
        return None, None
    import datetime as dt

    day = dt.date.fromisoformat(published[:10])
    j = jalali_of(day)
    return published[:7], f"{j.year:04d}-{j.month:02d}"


def index_records(db: sqlite3.Connection, records: Iterable[dict], on_record=None) -> int:
    """Add or replace records; commits every BATCH records. Returns how many were indexed."""
    n = 0
    cur = db.cursor()
    cur.execute("BEGIN")
    for rec in records:
        old = cur.execute("SELECT rowid FROM records WHERE id = ?", (rec["id"],)).fetchone()
        if old:
            cur.execute("DELETE FROM fts WHERE rowid = ?", old)
            cur.execute("DELETE FROM tags WHERE rowid = ?", old)
            cur.execute("DELETE FROM records WHERE rowid = ?", old)
        month, jmonth = _months(rec.get("published"))
        cur.execute(
            "INSERT INTO records (id, url, source, author, title, published, month, jalali_month,"
            " lang, dup_cluster, text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (rec["id"], rec.get("url"), rec.get("source"), rec.get("author"), rec.get("title"),
             rec.get("published"), month, jmonth, rec.get("lang"), rec.get("dup_cluster"),
             rec.get("text") or "", orjson.dumps(rec)))
        rowid = cur.lastrowid
        title, text = fold(rec.get("title") or ""), fold(rec.get("text") or "")
        cur.execute("INSERT INTO fts (rowid, title, text, joined) VALUES (?,?,?,?)",
                    (rowid, title, text, _joined(title) + " " + _joined(text)))
        # value: folded, to match; label: as written, to show
        cur.executemany("INSERT INTO tags VALUES (?,?,?,?)",
                        [(rowid, "hashtag", fold(t), t) for t in rec.get("hashtags") or []]
                        + [(rowid, "mention", m.lower(), m) for m in rec.get("mentions") or []])
        n += 1
        if on_record:
            on_record()
        if n % BATCH == 0:
            cur.execute("COMMIT")
            cur.execute("BEGIN")
    cur.execute("COMMIT")
    return n


_TERM = re.compile(r'"([^"]*)"|(\S+)')


def parse_query(query: str, known=lambda term: False) -> tuple[str, list[str]]:
    """A user's query as an FTS5 expression, and the folded terms to highlight.

    Words are ANDed; "quoted words" are a phrase; a trailing * is a prefix. The query is
    repaired (a space typed for a ZWNJ is put back) and folded, as the index was. Two
    words whose glued form is a ``known`` term may be that word typed apart, so they match
    as the phrase or the glued word (روح الله, روحالله).

    >>> parse_query('کتاب ها "بین المللی" تحلیل*')
    ('"کتابها" "بینالمللی" "تحلیل"*', ['کتابها', 'بینالمللی', 'تحلیل'])
    >>> parse_query('"به رسمیت شناختن"')
    ('"به رسمیت شناختن"', ['به رسمیت شناختن'])
    """
    if query.count('"') % 2:
        raise QueryError('a quotation mark (") is not closed')
    parts, terms = [], []
    for phrase, word in _TERM.findall(fix(query)):
        if phrase:
            words = [w for w in (re.sub(r"[^\w]", "", fold(x)) for x in phrase.split()) if w]
            if words:
                parts.append(('"' + " ".join(words) + '"', None))
                terms.append(" ".join(words))
            continue
        w = re.sub(r"[^\w]", "", fold(word))
        if w:
            parts.append((f'"{w}"' + ("*" if word.endswith("*") else ""), w))
            terms.append(w)
    if not parts:
        raise QueryError("the query has no words to search for")
    out, i = [], 0
    while i < len(parts):
        (expr, w), nxt = parts[i], parts[i + 1] if i + 1 < len(parts) else (None, None)
        if w and nxt[1] and not expr.endswith("*") and not nxt[0].endswith("*") and known(w + nxt[1]):
            out.append(f'("{w} {nxt[1]}" OR "{w + nxt[1]}")')
            i += 2
        else:
            out.append(expr)
            i += 1
    return " ".join(out), terms


def _highlighter(terms: list[str]) -> re.Pattern:
    """One regex for the query's words and phrases, as they stand in the original text."""
    alternatives = [r"\W+".join(fold_pattern(w) for w in t.split()) for t in terms]
    alternatives.sort(key=len, reverse=True)  # a phrase before its words
    return re.compile(rf"(?<![\w\u200c])(?:{'|'.join(alternatives)})(?![\w\u200c])", re.IGNORECASE)


def _snippet(text: str, marks: re.Pattern, width: int = 80) -> str:
    spans = [m.span() for m in marks.finditer(text)]
    if not spans:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    first = max(spans, key=lambda sp: sp[1] - sp[0])[0]  # centre on the longest: a phrase
    start, end = max(0, first - width), min(len(text), first + width)
    out, pos = [], start
    for s, e in spans:
        if s < pos or e > end:
            continue
        out += (text[pos:s], "[[", text[s:e], "]]")
        pos = e
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


@dataclass
class Filters:
    """What narrows a search: dates (ISO), a source, a hashtag."""

    since: str | None = None
    until: str | None = None
    source: str | None = None
    hashtag: str | None = None


def _matching(db: sqlite3.Connection, query: str, filters: Filters) -> tuple[str, list, list[str]]:
    """SQL selecting the rowids of the records that match, its arguments, and the terms."""
    def known(term: str) -> bool:
        return db.execute("SELECT 1 FROM fts_terms WHERE term = ?", (term,)).fetchone() is not None

    expr, terms = parse_query(query, known)
    sql = ["FROM fts JOIN records r ON r.rowid = fts.rowid WHERE fts MATCH ?"]
    args: list = [expr]
    if filters.since:
        sql.append("AND r.published >= ?")
        args.append(filters.since)
    if filters.until:
        sql.append("AND substr(r.published, 1, 10) <= ?")
        args.append(filters.until)
    if filters.source:
        sql.append("AND r.source = ?")
        args.append(filters.source)
    if filters.hashtag:
        sql.append("AND r.rowid IN (SELECT rowid FROM tags WHERE kind = 'hashtag' AND value = ?)")
        args.append(fold(filters.hashtag.lstrip("#")))
    return " ".join(sql), args, terms


def _run(db: sqlite3.Connection, sql: str, args: list, query: str) -> list:
    try:
        return db.execute(sql, args).fetchall()
    except sqlite3.OperationalError as e:
        raise QueryError(f"cannot search for {query!r} ({e})") from None


def search(db: sqlite3.Connection, query: str, *, since: str | None = None,
           until: str | None = None, source: str | None = None, hashtag: str | None = None,
           limit: int = 20) -> list[Hit]:
    """Records matching ``query`` (best first) within the filters."""
    where, args, terms = _matching(db, query, Filters(since, until, source, hashtag))
    rows = _run(db, "SELECT r.id, r.title, r.source, r.published, r.text, r.dup_cluster "
                    f"{where} ORDER BY bm25(fts) LIMIT ?", args + [limit], query)
    marks = _highlighter(terms)
    return [Hit(i, t, s, p, _snippet(text, marks), d) for i, t, s, p, text, d in rows]


def facets(db: sqlite3.Connection, query: str, filters: Filters = Filters(), top: int = 10) -> dict:
    """Counts of the matching records by source, hashtag, language, cluster and month
    (Gregorian and Solar Hijri); months in order, the rest most frequent first; and the
    number of matching records (``total``)."""
    where, args, _ = _matching(db, query, filters)
    out = {}
    for name, column in (("source", "r.source"), ("lang", "r.lang"), ("cluster", "r.dup_cluster")):
        out[name] = _run(db, f"SELECT {column}, count(*) AS n {where} AND {column} IS NOT NULL "
                             f"GROUP BY {column} ORDER BY n DESC LIMIT ?", args + [top], query)
    out["hashtag"] = _run(db, "SELECT min(label), count(*) AS n FROM tags WHERE kind = 'hashtag' AND "
                              f"rowid IN (SELECT r.rowid {where}) GROUP BY value ORDER BY n DESC LIMIT ?",
                          args + [top], query)
    for name, column in (("month", "r.month"), ("jalali_month", "r.jalali_month")):
        out[name] = _run(db, f"SELECT {column}, count(*) {where} AND {column} IS NOT NULL "
                             f"GROUP BY {column} ORDER BY {column}", args, query)
    result = {k: [{"value": v, "count": n} for v, n in rows] for k, rows in out.items()}
    result["total"] = _run(db, f"SELECT count(*) {where}", args, query)[0][0]
    return result


def get_record(db: sqlite3.Connection, record_id: str) -> dict | None:
    row = db.execute("SELECT record FROM records WHERE id = ?", (record_id,)).fetchone()
    return orjson.loads(row[0]) if row else None


def cluster_members(db: sqlite3.Connection, cluster_id: str, limit: int = 100) -> list[dict]:
    rows = db.execute("SELECT id, title, source, published FROM records WHERE dup_cluster = ? "
                      "ORDER BY published, rowid LIMIT ?", (cluster_id, limit)).fetchall()
    return [dict(zip(("id", "title", "source", "published"), r, strict=True)) for r in rows]
