"""The archive on PostgreSQL, for a team: the same records, facets and search as SQLite,
with PostgreSQL's full-text search (``tsvector`` with the 'simple' configuration, GIN index)
over the same folded text and the same glued word pairs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

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
    to_tsquery,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY, url TEXT, source TEXT, author TEXT, title TEXT, published TEXT,
    month TEXT, jalali_month TEXT, lang TEXT, dup_cluster TEXT, text TEXT, record JSONB NOT NULL,
    doc TSVECTOR NOT NULL, seq BIGSERIAL);
CREATE INDEX IF NOT EXISTS records_doc ON records USING GIN (doc);
CREATE INDEX IF NOT EXISTS records_published ON records (published);
CREATE INDEX IF NOT EXISTS records_source ON records (source);
CREATE INDEX IF NOT EXISTS records_cluster ON records (dup_cluster);
CREATE TABLE IF NOT EXISTS tags (id TEXT, kind TEXT, value TEXT, label TEXT);
CREATE INDEX IF NOT EXISTS tags_value ON tags (kind, value);
CREATE INDEX IF NOT EXISTS tags_id ON tags (id);
"""
BATCH = 500


class PostgresStore:
    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:
            raise RuntimeError("a PostgreSQL archive needs psycopg: "
                               "pip install 'paknevis[postgres]'") from None
        try:
            self.db = psycopg.connect(url, autocommit=False)
        except psycopg.OperationalError as e:
            raise RuntimeError(f"cannot connect to {url} ({str(e).strip().splitlines()[0]})") from None
        self._errors = (psycopg.errors.SyntaxError, psycopg.errors.DataException)
        with self.db.transaction():
            self.db.execute(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def index(self, records: Iterable[dict], on_record: Callable[[], None] | None = None) -> int:
        """Add or replace records; commits every BATCH records. Returns how many."""
        n = 0
        cur = self.db.cursor()
        for rec in records:
            month, jmonth = months(rec.get("published"))
            title, text = fold(rec.get("title") or ""), fold(rec.get("text") or "")
            doc = " ".join([title, text, joined(title), joined(text)])
            cur.execute(
                "INSERT INTO records (id, url, source, author, title, published, month, jalali_month,"
                " lang, dup_cluster, text, record, doc) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
                " to_tsvector('simple', %s)) ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url,"
                " source = EXCLUDED.source, author = EXCLUDED.author, title = EXCLUDED.title,"
                " published = EXCLUDED.published, month = EXCLUDED.month,"
                " jalali_month = EXCLUDED.jalali_month, lang = EXCLUDED.lang,"
                " dup_cluster = EXCLUDED.dup_cluster, text = EXCLUDED.text,"
                " record = EXCLUDED.record, doc = EXCLUDED.doc",
                (rec["id"], rec.get("url"), rec.get("source"), rec.get("author"), rec.get("title"),
                 rec.get("published"), month, jmonth, rec.get("lang"), rec.get("dup_cluster"),
                 rec.get("text") or "", orjson.dumps(rec).decode(), doc))
            cur.execute("DELETE FROM tags WHERE id = %s", (rec["id"],))
            cur.executemany("INSERT INTO tags VALUES (%s,%s,%s,%s)",
                            [(rec["id"], *row) for row in tag_rows(rec)])
            n += 1
            if on_record:
                on_record()
            if n % BATCH == 0:
                self.db.commit()
        self.db.commit()
        return n

    def _known(self, term: str) -> bool:
        row = self.db.execute("SELECT 1 FROM records WHERE doc @@ to_tsquery('simple', %s) LIMIT 1",
                              (f"'{term}'",)).fetchone()
        self.db.rollback()  # reads only: end the implicit transaction
        return row is not None

    def _matching(self, query: str, f: Filters) -> tuple[str, list, list[str]]:
        parts, terms = parse_query(query, self._known)
        clauses, args = filter_clauses(f, placeholder="%s", key="id")
        sql = " ".join(["FROM records r WHERE r.doc @@ to_tsquery('simple', %s)", *clauses])
        return sql, [to_tsquery(parts), *args], terms

    def _run(self, sql: str, args: list, query: str) -> list:
        try:
            rows = self.db.execute(sql, args).fetchall()
        except self._errors as e:
            self.db.rollback()
            raise QueryError(f"cannot search for {query!r} ({str(e).strip().splitlines()[0]})") from None
        self.db.rollback()  # reads only
        return rows

    def search(self, query: str, filters: Filters = Filters(), limit: int = 20) -> list[Hit]:
        where, args, terms = self._matching(query, filters)
        rows = self._run("SELECT r.id, r.title, r.source, r.published, r.text, r.dup_cluster "
                         f"{where} ORDER BY ts_rank(r.doc, to_tsquery('simple', %s)) DESC, r.seq "
                         "LIMIT %s", args + [args[0], limit], query)
        marks = highlighter(terms)
        return [Hit(i, t, s, p, snippet(text, marks), d, lead(t, text)) for i, t, s, p, text, d in rows]

    def facets(self, query: str, filters: Filters = Filters(), top: int = 10) -> dict:
        """Counts of the matching records by facet (see store.query.facet_counts)."""
        where, args, _ = self._matching(query, filters)
        return facet_counts(lambda sql, a: self._run(sql, a, query), where, args, top=top,
                            placeholder="%s", key="id")

    def record(self, record_id: str) -> dict | None:
        row = self._run("SELECT record FROM records WHERE id = %s", [record_id], record_id)
        return row[0][0] if row else None

    def cluster(self, cluster_id: str, limit: int = 100) -> list[dict]:
        rows = self._run("SELECT id, title, source, published, left(text, 400) FROM records "
                         "WHERE dup_cluster = %s ORDER BY published, seq LIMIT %s",
                         [cluster_id, limit], cluster_id)
        return [{"id": i, "title": t, "source": s, "published": p, "heading": lead(t, text)}
                for i, t, s, p, text in rows]
