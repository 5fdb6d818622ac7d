"""Store: the searchable archive of records. SQLite (embedded, a file) or PostgreSQL (a URL)."""
from .query import Filters, Hit, QueryError, parse_query
from .sqlite import SqliteStore, connect


def open_store(db: str):
    """The archive at ``db``: a ``postgresql://`` URL, or the path of a SQLite file."""
    if str(db).startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(str(db))
    return SqliteStore(db)


__all__ = ["Filters", "Hit", "QueryError", "SqliteStore", "connect", "open_store", "parse_query"]
