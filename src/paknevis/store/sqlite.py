"""The archive on SQLite (embedded, one file): records, facets, FTS5 over *folded* text.

The folded copy is made by :func:`paknevis.repair.fold.fold` — the same function that folds
queries — so a word matches however it was typed. Neighbouring words are also indexed glued
(column ``joined``). Indexing is incremental (a record with the same id replaces the old
one) and commits in batches in WAL mode, so an indexer killed half-way leaves a database
that opens and searches.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

from ..repair.fold import fold
from .query import (
    Filters,
    Hit,
    QueryError,
    facet_counts,
    filter_clauses,
    highlighter,
    joined,
    lead,
    months,
    parse_query,
    snippet,
    tag_rows,
    to_fts5,
)

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
CREATE INDEX IF NOT EXISTS records_cluster ON records (dup_cluster);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (title, text, joined, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_terms USING fts5vocab (fts, 'row');
"""
BATCH = 500


def connect(path: str | Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(_SCHEMA)
    return db


class SqliteStore:
    def __init__(self, path: str | Path):
        self.db = connect(path)

    def close(self) -> None:
        self.db.close()

    def index(self, records: Iterable[dict], on_record: Callable[[], None] | None = None) -> int:
        """Add or replace records; commits every BATCH records. Returns how many."""
        n = 0
        cur = self.db.cursor()
        cur.execute("BEGIN")
        for rec in records:
            old = cur.execute("SELECT rowid FROM records WHERE id = ?", (rec["id"],)).fetchone()
            if old:
                for table in ("fts", "tags", "records"):
                    cur.execute(f"DELETE FROM {table} WHERE rowid = ?", old)
            month, jmonth = months(rec.get("published"))
            cur.execute(
                "INSERT INTO records (id, url, source, author, title, published, month,"
                " jalali_month, lang, dup_cluster, text, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (rec["id"], rec.get("url"), rec.get("source"), rec.get("author"), rec.get("title"),
                 rec.get("published"), month, jmonth, rec.get("lang"), rec.get("dup_cluster"),
                 rec.get("text") or "", orjson.dumps(rec)))
            rowid = cur.lastrowid
            title, text = fold(rec.get("title") or ""), fold(rec.get("text") or "")
            cur.execute("INSERT INTO fts (rowid, title, text, joined) VALUES (?,?,?,?)",
                        (rowid, title, text, joined(title) + " " + joined(text)))
            cur.executemany("INSERT INTO tags VALUES (?,?,?,?)", [(rowid, *row) for row in tag_rows(rec)])
            n += 1
            if on_record:
                on_record()
            if n % BATCH == 0:
                cur.execute("COMMIT")
                cur.execute("BEGIN")
        cur.execute("COMMIT")
        return n

    def _known(self, term: str) -> bool:
        return self.db.execute("SELECT 1 FROM fts_terms WHERE term = ?", (term,)).fetchone() is not None

    def _matching(self, query: str, f: Filters) -> tuple[str, list, list[str]]:
        parts, terms = parse_query(query, self._known)
        clauses, args = filter_clauses(f, placeholder="?", key="rowid")
        sql = " ".join(["FROM fts JOIN records r ON r.rowid = fts.rowid WHERE fts MATCH ?", *clauses])
        return sql, [to_fts5(parts), *args], terms

    def _run(self, sql: str, args: list, query: str) -> list:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"cannot search for {query!r} ({e})") from None

    def search(self, query: str, filters: Filters = Filters(), limit: int = 20) -> list[Hit]:
        """Records matching ``query`` (best first) within the filters."""
        where, args, terms = self._matching(query, filters)
        rows = self._run("SELECT r.id, r.title, r.source, r.published, r.text, r.dup_cluster "
                         f"{where} ORDER BY bm25(fts) LIMIT ?", args + [limit], query)
        marks = highlighter(terms)
        return [Hit(i, t, s, p, snippet(text, marks), d, lead(t, text)) for i, t, s, p, text, d in rows]

    def facets(self, query: str, filters: Filters = Filters(), top: int = 10) -> dict:
        """Counts of the matching records by facet (see store.query.facet_counts)."""
        where, args, _ = self._matching(query, filters)
        return facet_counts(lambda sql, a: self._run(sql, a, query), where, args, top=top,
                            placeholder="?", key="rowid")

    def record(self, record_id: str) -> dict | None:
        row = self.db.execute("SELECT record FROM records WHERE id = ?", (record_id,)).fetchone()
        return orjson.loads(row[0]) if row else None

    def cluster(self, cluster_id: str, limit: int = 100) -> list[dict]:
        rows = self.db.execute("SELECT id, title, source, published, substr(text, 1, 400) FROM records "
                               "WHERE dup_cluster = ? ORDER BY published, rowid LIMIT ?",
                               (cluster_id, limit)).fetchall()
        return [{"id": i, "title": t, "source": s, "published": p, "heading": lead(t, text)}
                for i, t, s, p, text in rows]
