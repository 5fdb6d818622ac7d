"""``paknevis index``, ``search`` and ``serve``: records loaded into an archive, searched, served."""
from __future__ import annotations

import sys
from pathlib import Path

import orjson
import typer

from .app import Format, app, fail, many, one_of


def _iter_records(path: Path):
    """Records from a JSONL (.gz, .zst) or Parquet file, as dicts, streamed."""
    from ..corpus import iter_items
    from ..corpus.inputs import EMPTY_FILE, NOTHING_IN_FILE
    from ..store.query import record_problem

    for item in iter_items([path]):
        if item.error in (EMPTY_FILE, NOTHING_IN_FILE):  # (no records: a run whose every input was a reject)
            return
        if item.error:
            fail(f"{item.ref}: {item.error}")
        if item.line is None:
            fail(f"{path}: not a records file (.jsonl, .jsonl.gz, .jsonl.zst or .parquet)")
        try:
            record = orjson.loads(item.line)
        except orjson.JSONDecodeError:
            fail(f"{item.ref}: not a JSON record")
        problem = record_problem(record)
        if problem:
            fail(f"{item.ref}: not a paknevis record ({problem})")
        yield record


def _day(value: str | None, option: str) -> str | None:
    """A --since/--until date, Solar Hijri (1403-11-01) or Gregorian (2025-01-20), as ISO."""
    from ..dates.calendars import parse_day

    try:
        return parse_day(value) if value is not None else None
    except ValueError as e:
        fail(f"{option} {e}")


def _open_store(db: str, create: bool = False):
    from ..store import open_store

    if not create and "://" not in db and not Path(db).exists():
        fail(f"no archive at {db} (make one with: paknevis index RECORDS --db {db})")
    try:
        return open_store(db)
    except RuntimeError as e:
        fail(str(e))


@app.command()
def index(
    records: list[Path] = typer.Argument(
        ..., metavar="RECORDS",
        help="Records from `paknevis process` (.jsonl, .jsonl.gz, .jsonl.zst, .parquet)."),
    db: str = typer.Option(..., "--db", metavar="DB", help="The archive: a SQLite file (created "
                                                             "if missing) or a postgresql:// URL."),
    progress: bool = typer.Option(True, help="Show a progress bar on a terminal."),
) -> None:
    """Load records into a searchable archive. A record already there (same id) is replaced.

    Example:

        paknevis index records.jsonl --db archive.db
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    missing = [str(p) for p in records if not p.exists()]
    if missing:
        fail(f"no such file: {', '.join(missing)}")
    store = _open_store(db, create=True)
    total = 0
    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed}"),
                  TimeElapsedColumn(), disable=not (progress and sys.stderr.isatty()),
                  transient=True) as bar:
        task = bar.add_task("indexing")
        for path in records:
            total += store.index(_iter_records(path), on_record=lambda: bar.advance(task))
    store.close()
    typer.echo(f"{many(total, 'record')} indexed into {db}", err=True)


ARCHIVE_HELP = "The archive made by `paknevis index` (file or URL)."


@app.command()
def search(
    query: str = typer.Argument(..., metavar="QUERY",
                                help='Words (all must match), "a phrase", or a prefix*.'),
    db: str = typer.Option(..., "--db", metavar="DB", help=ARCHIVE_HELP),
    since: str | None = typer.Option(None, metavar="DAY", help="From this day: 1403-11-01 or 2025-01-20."),
    until: str | None = typer.Option(None, metavar="DAY", help="Up to this day (included)."),
    source: str | None = typer.Option(None, metavar="SOURCE", help="Only this source (outlet or site)."),
    hashtag: str | None = typer.Option(None, metavar="TAG", help="Only records with this hashtag."),
    name: str | None = typer.Option(None, metavar="NAME", help="Only records that name this person, "
                                    "place or organisation (ایالات متحده: those that name آمریکا)."),
    limit: int = typer.Option(20, min=1, max=1000, metavar="N", help="How many hits to show."),
    format: Format = typer.Option(Format.text, "--format", "-f", metavar="text|json", parser=one_of(Format),
                                  help="text for people, json for tools."),
) -> None:
    """Search the archive; a word is found however it was typed (ZWNJ, space, letters, digits).

    Example:

        paknevis search "بین المللی" --db archive.db --since 1403-11-01

        paknevis search تظاهرات --db archive.db --name پاریس
    """
    from ..store import Filters, QueryError

    store = _open_store(db)
    try:
        hits = store.search(query, Filters(_day(since, "--since"), _day(until, "--until"), source,
                                           hashtag, name), limit=limit)
    except QueryError as e:
        fail(str(e))
    if format is Format.json:
        from dataclasses import asdict

        for h in hits:
            sys.stdout.buffer.write(orjson.dumps(asdict(h)) + b"\n")
        return
    for h in hits:
        typer.echo(f"{h.published or '?':10.10}  {h.source or '-'}  {h.title or h.id}")
        typer.echo(f"    {h.snippet}\n")
    typer.echo(many(len(hits), "hit"), err=True)


@app.command()
def serve(
    db: str = typer.Option(..., "--db", metavar="DB", help=ARCHIVE_HELP),
    host: str = typer.Option("127.0.0.1", metavar="HOST",
                             help="Address to listen on (this machine only by default)."),
    port: int = typer.Option(8000, min=1, max=65535, metavar="PORT", help="Port to listen on."),
) -> None:
    """Serve the archive: a Persian search page at / and a JSON API at /api (docs at /docs).

    Example:

        paknevis serve --db archive.db
    """
    _open_store(db).close()  # fail now, with one line, if it cannot be opened
    import uvicorn

    from ..web import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
