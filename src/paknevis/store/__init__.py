"""Store: the searchable archive of records (SQLite with FTS5, embedded)."""
from .sqlite import Hit, QueryError, connect, index_records, parse_query, search

__all__ = ["Hit", "QueryError", "connect", "index_records", "parse_query", "search"]
