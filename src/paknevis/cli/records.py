"""``paknevis parse`` and ``paknevis process``: posts and pages made records, one or many."""
from __future__ import annotations

import re
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path

import typer

from ..io import DecodeError
from .app import (
    Digits,
    Format,
    app,
    digits_option,
    fail,
    many,
    one_of,
    repair_options,
    skip_option,
    words_option,
)


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def parse(
    file: Path = typer.Argument(..., metavar="FILE",
                                help="A post or page: .txt, .html, or any text file; a TEI "
                                     "document's text (.xml, .tei); a Word document (.docx, or "
                                     "Word 97-2003's .doc), an RTF document (.rtf), an "
                                     "OpenDocument text (.odt), an EPUB book (.epub) or a PDF (.pdf)."),
    format: Format = typer.Option(Format.json, "--format", "-f", metavar="json|text", parser=one_of(Format),
                                  help="json: the record; text: for people."),
    url: str | None = typer.Option(None, metavar="URL",
                                   help="The page's URL, if the file does not say it."),
    words: Path | None = words_option("Words to write as given, one a line (as for 'paknevis fix')."),
    digits: Digits = digits_option("Digits in Persian text (as for 'paknevis fix')."),
    skip: list[str] | None = skip_option("Make no edit of this rule or family (as for 'paknevis fix')."),
) -> None:
    """Parse one post or page into a record: title, date, byline, body, tags, dates.

    Example:

        paknevis parse examples/blogger-post.txt --format text
    """
    from ..documents import HtmlError, parse_file

    options = repair_options(words, digits, skip)
    try:
        doc = parse_file(file, url=url, **options)
    except (DecodeError, HtmlError, ValueError) as e:
        fail(f"{file}: {e}")
    except FileNotFoundError:  # (a document's reader opens it itself: a .docx, .doc, .odt, .epub, .pdf)
        fail(f"{file}: no such file")
    except OSError as e:
        fail(f"{file}: cannot read ({e.strerror or e})")
    if format is Format.json:
        sys.stdout.buffer.write(doc.to_json(indent=True) + b"\n")
        return
    lines = [f"title:     {doc.title}", f"source:    {doc.source}", f"author:    {doc.author}",
             f"published: {doc.published}  ({doc.published_raw})",
             f"hashtags:  {' '.join('#' + t for t in doc.hashtags)}",
             f"mentions:  {' '.join(doc.mentions)}", f"links:     {' '.join(doc.links)}",
             "dates:     " + "; ".join(f"{d['text']} = {d['value']}" for d in doc.dates),
             *(f"{label + ':':<11}" + "، ".join(_by_count(doc.entities, kind))
               for label, kind in (("people", "person"), ("places", "place"), ("orgs", "organization"))),
             f"edits:     {doc.edits_count}"]
    lines += [f"warning:   {w}" for w in doc.warnings]
    typer.echo("\n".join(lines) + "\n\n" + doc.text)


def _by_count(entities: list[dict], kind: str) -> list[str]:
    """The names of a kind a record holds, the most named first, each with its count where
    it is named more than once: «ایران ×17، پاریس ×3»."""
    counts = Counter(e["value"] for e in entities if e["kind"] == kind)
    return [f"{name} ×{n}" if n > 1 else name for name, n in counts.most_common()]


@app.command()
def process(
    inputs: list[Path] = typer.Argument(
        ..., metavar="INPUT", help="Files, folders (.txt/.html/.docx/.doc/.rtf/.odt/.epub/.pdf, feeds, TEI "
                                   "and Telegram exports inside), JSONL dumps (.jsonl, .gz, .zst, .bz2), "
                                   "CSV or TSV tables of posts (a row each; the header names the "
                                   "fields), JSON (.json: an array of posts, a post, or a Telegram "
                                   "export's result.json, a message each; its messages.html pages "
                                   "too), an X (Twitter) archive (its .zip or data/tweets.js; a "
                                   "tweet each), "
                                   "feeds (RSS, Atom: .rss, "
                                   ".atom, or .xml that begins as one; an item each), Wikipedia "
                                   "dumps (.xml, .xml.bz2; an article each), TEI documents (.xml, "
                                   ".tei; a text each), Parquet files and web archives (.warc, "
                                   ".warc.gz)."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE",
                                help="Where to write the records: .jsonl, .jsonl.gz or .parquet."),
    rejects: Path | None = typer.Option(
        None, metavar="FILE", help="Where to write the inputs that could not be read, with the "
                                   "reason (default: OUTPUT with .rejects.jsonl)."),
    workers: int = typer.Option(1, min=1, max=64, metavar="N", help="Processes (or Ray CPUs) to use."),
    engine: Engine = typer.Option(Engine.local, metavar="local|ray", parser=one_of(Engine),
                                  help="local: this machine's processes; "
                                       "ray: Ray Data (pip install 'paknevis[ray]')."),
    ray_address: str | None = typer.Option(None, metavar="ADDRESS",
                                           help="An existing Ray cluster (default: start one)."),
    text_field: str = typer.Option("text", metavar="FIELD",
                                   help="JSONL, CSV: the field with the text (a list is joined)."),
    title_field: str = typer.Option("title", metavar="FIELD", help="JSONL, CSV: the field with the title."),
    url_field: str = typer.Option("url", metavar="FIELD", help="JSONL, CSV: the field with the URL."),
    date_field: str = typer.Option("published", metavar="FIELD", help="JSONL, CSV: the field with the "
                                   "date (ISO, Solar Hijri, RFC 2822 or Unix time)."),
    words: Path | None = words_option("Words to write as given, one a line (as for 'paknevis fix')."),
    digits: Digits = digits_option("Digits in Persian text (as for 'paknevis fix')."),
    skip: list[str] | None = skip_option("Make no edit of this rule or family (as for 'paknevis fix')."),
    max_mb: float = typer.Option(10, min=0.001, metavar="MB", help="Reject documents larger than this (MB)."),
    dedup: bool = typer.Option(True, help="Group near copies (sets dup_cluster) after the run."),
    resume: bool = typer.Option(False, help="Finish an interrupted run: skip what it wrote."),
    progress: bool = typer.Option(True, help="Show a progress bar on a terminal."),
) -> None:
    """Turn many posts into records: one JSONL line per input, or a reject with its reason.

    Example:

        paknevis process posts/ dump.jsonl -o records.jsonl --workers 2
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..corpus import iter_items, process_items
    from ..corpus.dedup import dedup_file
    from ..corpus.outputs import done_refs, finalize, working_path
    from ..corpus.run import DumpFields

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fail(f"no such input: {', '.join(missing)}")
    if not output.name.lower().endswith((".jsonl", ".jsonl.gz", ".parquet")):
        fail(f"unknown output format: {output.name} (use .jsonl, .jsonl.gz or .parquet)")
    if output.name.lower().endswith(".parquet"):
        try:  # before the run, not after it: a venv may hold a pyarrow its NumPy cannot load
            import pyarrow.parquet  # noqa: F401
        except ImportError as e:
            fail(f"writing {output.name} needs pyarrow, which does not load here ({e})")
    base = re.sub(r"\.(jsonl|jsonl\.gz|parquet)$", "", output.name, flags=re.IGNORECASE)
    rejects = rejects or output.with_name(base + ".rejects.jsonl")
    work = working_path(output)
    done: set[str] = set()
    if resume:
        done = done_refs(work) | done_refs(rejects)
        if done:
            typer.echo(f"resuming: {len(done)} inputs already done", err=True)
    fields = DumpFields(text=text_field, title=title_field, url=url_field, date=date_field)
    repair = repair_options(words, digits, skip)
    show = progress and sys.stderr.isatty()
    mode = "ab" if resume else "wb"
    try:
        with open(work, mode) as out, open(rejects, mode) as rej, Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), disable=not show, transient=True) as bar:
            task = bar.add_task("processing", total=None)
            counts = process_items(
                iter_items(inputs), lambda line: out.write(line + b"\n"),
                lambda line: rej.write(line + b"\n"), workers=workers, fields=fields,
                max_bytes=int(max_mb * 2**20), on_item=lambda: bar.advance(task), done=done,
                engine=engine.value, ray_address=ray_address, repair=repair, sign=dedup)
    except RuntimeError as e:  # the engine could not start (Ray missing)
        fail(str(e))
    except KeyboardInterrupt:
        typer.echo("paknevis: interrupted; run the same command with --resume to finish", err=True)
        raise typer.Exit(130) from None
    typer.echo(f"{many(counts.inputs, 'input')}: {many(counts.records, 'record')} -> {output}, "
               f"{many(counts.rejects, 'reject')} -> {rejects}", err=True)
    for reason, n in sorted(counts.reasons.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  {n} × {reason}", err=True)
    if dedup and work.stat().st_size:
        clusters = dedup_file(work, counts.signatures)
        typer.echo(f"near copies: {many(clusters, 'cluster')} of two or more records", err=True)
    finalize(work, output)
