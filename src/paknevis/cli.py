"""The ``paknevis`` command line."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from functools import partial
from itertools import chain
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any, NamedTuple, NoReturn, cast

import orjson
import typer

from . import __version__
from .io import UTF8_CUT, DecodeError, read_text
from .io.decode import compression_of
from .io.stream import TextStream, open_text_stream
from .repair import RepairConfig, RepairOptions
from .repair.blocks import RepairedBlock, repair_blocks, strings_repair, worker_pool
from .repair.config import config_of
from .repair.csv_text import CsvError
from .repair.diff import COLOR, PLAIN, word_diff
from .repair.docx_text import is_docx
from .repair.epub_text import is_epub
from .repair.forms import FIELDED, KINDS, Form, Kind, kind_named, kind_of
from .repair.json_text import JsonError
from .repair.lines import BlockTooLarge, line_blocks
from .repair.odt_text import is_odt
from .repair.parquet_text import ParquetError, is_parquet
from .repair.strings import StringRepair
from .repair.zipped import ZippedError

app = typer.Typer(
    help="paknevis (پاک‌نویس): repair Persian web text — ZWNJ, letters, digits, spacing.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None)

# typer's plain help names an argument by its Python type besides its metavar (FILE
# <list[Path]>), and takes no setting against it: an argument with a metavar is named by it
_argument_type = typer.core.TyperArgument.display_type_rich
typer.core.TyperArgument.display_type_rich = (  # type: ignore[method-assign]
    lambda self, ctx: None if self.metavar else _argument_type(self, ctx))


def _one_of(choices: type[StrEnum]):
    """A parser for an option of fixed choices. (Without one, typer 0.26 and later check an
    enum with pydantic, whose message begins "Value error, ".)"""
    def parse(value: Any) -> StrEnum:
        if isinstance(value, choices):
            return value
        try:
            return choices(value)
        except ValueError:
            names = ", ".join(repr(choice.value) for choice in choices)
            raise typer.BadParameter(f"{value!r} is not one of {names}.") from None
    return parse


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


class Digits(StrEnum):
    persian = "persian"
    latin = "latin"
    keep = "keep"


# The options of repair that fix, parse and process share, each with its help
def _digits_option(help_text: str) -> Any:
    return typer.Option(Digits.persian, metavar="persian|latin|keep", parser=_one_of(Digits), help=help_text)


def _words_option(help_text: str) -> Any:
    return typer.Option(None, metavar="FILE", help=help_text)


def _skip_option(help_text: str) -> Any:
    return typer.Option(None, metavar="RULE", help=help_text, show_default=False)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"paknevis: error: {message}", err=True)
    raise typer.Exit(code)


def _many(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"paknevis {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """paknevis (پاک‌نویس): repair Persian web text."""


@app.command()
def fix(
    files: list[Path] | None = typer.Argument(
        None, help="Text files to repair ('-' for standard input), or compressed ones (.gz, "
                   ".zst, .bz2), or Parquet files, Word documents (.docx), OpenDocument texts "
                   "(.odt) or EPUB books. Without files, read standard input.",
        show_default=False, metavar="FILE"),
    explain: bool = typer.Option(
        False, "--explain", help="Print the edits as JSON lines (start, end, old, new, rule; of JSON, "
                                 "tables, pages and posts, also the line and field of the piece "
                                 "edited, in whose text start and end count) instead of the text "
                                 "('paknevis rules' says what each rule means)."),
    in_place: bool = typer.Option(
        False, "--in-place", "-i", help="Rewrite each file (as UTF-8), keeping the original as FILE.bak."),
    check: bool = typer.Option(
        False, "--check", help="Change nothing: name each input that repair would change, with "
                               "its edits by rule, and exit with 1 if there is one."),
    diff: bool = typer.Option(
        False, "--diff", help="Change nothing: print each line that repair would change, as "
                              "FILE:LINE: and the line with what it takes out in [-…-] and puts "
                              "in {+…+}, whole words (coloured on a terminal, unless NO_COLOR is "
                              "set). With --check, also name each input and exit as it does."),
    digits: Digits = _digits_option("Digits in Persian text: Persian (۱۲۳), Latin (123), or keep them."),
    keep_diacritics: bool = typer.Option(
        False, help="Keep every haraka (ـَ ـِ ـُ). Without it the stray ones go, and vocalized "
                    "passages (Quran verses) and the tanvin of حتماً stay."),
    zwnj: bool = typer.Option(True, help="Restore lost ZWNJs (half-spaces) and remove wrong ones."),
    punctuation: bool = typer.Option(
        True, help="Write Persian punctuation in Persian text: ، ؛ ؟ for , ; ? and «» for "
                   "straight or curly quotes."),
    letters: bool = typer.Option(
        True, help="Unify letters: Arabic yeh, kaf and heh, presentation forms, kashida, stray "
                   "harakat, invisible and bidi controls, garbled encodings, HTML references."),
    spacing: bool = typer.Option(
        True, help="Put spacing right: odd spaces, runs of spaces, spaces around punctuation."),
    handles: bool = typer.Option(
        True, help="Mend @handles and #hashtags broken by bidi reordering or a space."),
    words: Path | None = _words_option(
        "Words to write as given, one a line (# for a comment): names (میناوند) and a house "
        "style's words (آن‌ها), glued or with their ZWNJs, which the ZWNJ step never splits; two "
        "words with a space (نخست وزیر), which it never joins."),
    skip: list[str] | None = _skip_option(
        "Make no edit of this rule, or family of rules (zwnj.join_compound, punctuation; "
        "'paknevis rules' lists them); again, or with commas, for more. The rest of its step runs."),
    workers: int = typer.Option(
        1, min=1, max=64, metavar="N", help="Processes to repair with: blocks of lines go to each "
                                            "in turn, and the output keeps the input's order."),
    format: InputFormat = typer.Option(
        InputFormat.auto, "--format",
        metavar="auto|text|json|csv|tsv|html|markdown|xml|wikitext|mediawiki|parquet|docx|odt|epub",
        parser=_one_of(InputFormat),
        help="text; json: JSON Lines (a value a line) or one JSON value, whose strings are "
             "repaired and the JSON kept as it was (--explain, --diff: each string's line and "
             "place, /paragraphs/2); csv, tsv: a table, whose cells are repaired and its "
             "commas, tabs and quotes kept (the place: a cell's column); html: a page, whose "
             "text and title, alt and meta descriptions are repaired, and its tags, scripts, "
             "styles, code and pre kept; markdown: a post, whose prose and front matter's title "
             "and description are repaired, and the rest of its front matter, code, links' "
             "addresses and list markers kept; xml: a feed, a sitemap, a TEI corpus, "
             "whose elements' text is repaired (CDATA that holds a page as "
             "html), and its tags and attributes kept; wikitext: an article's source (Wikipedia's), "
             "whose prose is repaired, and its templates, links' targets, files, categories, "
             "tags, tables' syntax and the rest of its markup kept; mediawiki: a Wikipedia dump "
             "(pages-articles.xml), whose revisions' text is repaired as wikitext and edit "
             "summaries as text, and its titles, names and the rest kept; parquet: a dataset's "
             "file, whose text "
             "columns' strings are repaired (in lists and records too; --explain, --diff: "
             "each string's row and place, /text), and its schema, metadata, row groups and "
             "other columns kept; docx: a Word document, each paragraph repaired and each edit "
             "put back in the runs it covers (--explain, --diff: a paragraph and its part, "
             "word/document.xml), formatting and every other part kept; odt: an OpenDocument "
             "text, as docx (content.xml); epub: a book, whose "
             "chapters are repaired as pages and its title and description as XML (--explain, "
             "--diff: a line and its part, OEBPS/ch1.xhtml#text), the rest kept. The last "
             "four are written to standard output only if that is no terminal. "
             "auto: by the file's name (.json, .jsonl, .ndjson; .csv; .tsv, .tab; .html, "
             ".htm; .md, .markdown; .xml, .rss, .atom, .rdf, .tei; .wiki, .wikitext, .mediawiki; .parquet; "
             ".docx; .odt; .epub), else json "
             "for an input whose first line is a JSON object or array, html for one that begins "
             "as a page does, mediawiki for one (or .xml) that begins as a MediaWiki dump, xml for "
             "one that begins as XML or a feed does, parquet, epub, odt "
             "or docx for standard input that begins as Parquet, an EPUB book, an OpenDocument "
             "text or another zip file, else text."),
    field: list[str] | None = typer.Option(
        None, metavar="KEY", show_default=False,
        help="JSON: repair only the strings under a key of this name (title, paragraphs), at "
             "any depth; CSV, TSV: only the cells of the column its header (the first row) "
             "names so, the header kept, or of a table with no header, the column of this "
             "number (2: the second); XML: only the text of elements so named (title, "
             "description; of a MediaWiki dump, text, comment, and others named so, title); "
             "Parquet: only the strings of columns, or records' fields, so "
             "named. Again, or with commas, for more. Without it, all."),
) -> None:
    """Repair Persian text: letters, punctuation, digits, spacing, @handles, #hashtags and ZWNJ.

    Garbled encodings (ط³ظ„ط§ظ…, Ø³Ù„Ø§Ù…, ÇíÑÇä) and HTML references (&zwnj;) are decoded first.

    Lines in Urdu, Pashto or Kurdish stay as they are. JSON, JSON Lines, CSV, TSV, HTML,
    Markdown, XML, wikitext and Wikipedia dumps, Parquet, Word and OpenDocument documents and
    EPUB books stay what they are: only their strings, cells, text, prose or paragraphs are
    repaired (see --format).

    Examples:

        echo 'کتابها را میخوانم' | paknevis fix

        paknevis fix post.txt --explain

        paknevis fix *.txt --in-place

        paknevis fix --check articles/*.txt

        paknevis fix --diff post.txt

        paknevis fix --skip zwnj.join_compound post.txt

        zcat dump.txt.gz | paknevis fix --workers 2 > fixed.txt

        paknevis fix dump.jsonl --field title,paragraphs > fixed.jsonl

        paknevis fix comments.csv --field text > fixed.csv

        bzcat fawiki-pages-articles.xml.bz2 | paknevis fix > fawiki.xml

        paknevis fix train.parquet --field text > fixed.parquet

        paknevis fix --in-place report.docx book.epub
    """
    stdin_named = any(str(p) == "-" for p in files or ())
    if in_place and (not files or stdin_named):
        _fail("--in-place needs files to rewrite, not standard input")
    if in_place and (packed := [str(p) for p in files or () if compression_of(p)]):
        _fail(f"--in-place rewrites text files, and {', '.join(packed)} is compressed: "
              "repair it to standard output, and compress that")
    if sum((in_place, explain, check or diff)) > 1:
        _fail("--in-place, --explain and --check (or --diff) cannot be used together")
    options: dict[str, Any] = dict(
        digits=digits.value, keep_diacritics=keep_diacritics, zwnj=zwnj, punctuation=punctuation,
        letters=letters, spacing=spacing, handles=handles, words=_words_of(words), skip=_names_of(skip))
    _check_options(options)
    fields = _names_of(field)
    if fields and format.value in KINDS and format.value not in FIELDED:
        _fail(f"--field is for JSON, tables, XML and Parquet, not --format {format.value}")
    sources = [("<stdin>", None) if str(p) == "-" else (str(p), p) for p in files or [Path("-")]]
    binary = [_binary_kind(name, path, format) for name, path in sources]
    if fields and any(kind in ("docx", "epub", "odt") for kind in binary):
        _fail("--field is for JSON, tables, XML and Parquet, not documents or books")
    if any(binary) and not (in_place or explain or check or diff):
        if len(sources) > 1:  # (two Parquet files one after the other are no Parquet file)
            _fail("Parquet files, documents and books are written to standard output one at a "
                  "time: name one, or rewrite them with --in-place")
        if sys.stdout.isatty():
            _fail(f"{_BINARY[cast(str, binary[0])][0]} is binary: write it to a file "
                  f"(> fixed.{binary[0]}), or rewrite the file with --in-place")
    failed, to_change = False, 0
    with worker_pool(workers, options) as pool:
        for (name, path), kind in zip(sources, binary, strict=True):
            output = _Output(explain, in_place, check, diff)
            if kind is None and (unwritable := _unwritable(name, path)):
                save = "" if unwritable == "a PDF" else "save it as .docx to repair it; "
                typer.echo(f"paknevis: error: {name}: {unwritable}, which paknevis fix cannot write ({save}"
                           "'paknevis parse' and 'paknevis process' read its text)", err=True)
                failed = True
                continue
            try:
                rules = (_fix_binary(kind, options, name, path, output, fields, pool) if kind
                         else _fix_one(options, name, path, output, format, fields, pool))
            except (DecodeError, BlockTooLarge, JsonError, CsvError, ParquetError, ZippedError) as e:
                hint = " (--format text reads it as text)" if (  # (where it was taken for JSON)
                    isinstance(e, JsonError) and format is InputFormat.auto
                    and kind_named(name) is None) else ""
                typer.echo(f"paknevis: error: {name}: {e}{hint}", err=True)
                failed = True
                continue
            if check and rules:
                to_change += 1
                by_rule = ", ".join(f"{rule} {n}" for rule, n in rules.most_common())
                typer.echo(f"{name}: {_many(rules.total(), 'edit')} ({by_rule})")
    if failed:
        raise typer.Exit(2)
    if check:
        typer.echo(f"{to_change} of {_many(len(sources), 'input')} would change", err=True)
        if to_change:
            raise typer.Exit(1)


#: The forms repaired from file to file, binary: what each is called, the names of an
#: edit's row and place in it (--explain), and what its name ends with
_BINARY = {"parquet": ("Parquet", "row", "field", is_parquet),
           "docx": ("A Word document", "paragraph", "part", is_docx),
           "epub": ("An EPUB book", "line", "place", is_epub),
           "odt": ("An OpenDocument text", "paragraph", "part", is_odt)}
#: What an EPUB book's and an OpenDocument text's zip file hold first, stored: the media type
_MIMETYPES = {b"mimetypeapplication/epub+zip": "epub",
              b"mimetypeapplication/vnd.oasis.opendocument.text": "odt"}


def _binary_kind(name: str, path: Path | None, format: InputFormat) -> str | None:
    """Is an input Parquet, a Word document, an OpenDocument text or an EPUB book ("parquet",
    "docx", "odt", "epub"): so named, or standard input that begins as one? None for text."""
    if format is not InputFormat.auto:
        return format.value if format.value in _BINARY else None
    if path is None:  # (Parquet's magic number, a zip file's: an EPUB book's or a Word document's)
        peek = getattr(sys.stdin.buffer, "peek", None)  # (a pipe's or a file's reader has it)
        head = b"" if peek is None else peek(80)[:80]
        if head.startswith(b"PK\x03\x04"):
            return next((kind for mimetype, kind in _MIMETYPES.items() if mimetype in head), "docx")
        return "parquet" if head.startswith(b"PAR1") else None
    return next((kind for kind, (*_, named) in _BINARY.items() if named(name)), None)


def _unwritable(name: str, path: Path | None) -> str | None:
    """What a file is, by its first bytes, where repair reads it but cannot write it: a
    PDF, or a file named .doc or .rtf that is a Word 97-2003 document or RTF (text, whose
    markup would be repaired as prose); None for others (sites served pages and text as
    .doc: repaired as such)."""
    if path is None:
        return None
    from .documents import starts_as_pdf, word_format  # (as parse and process tell them)

    try:
        if starts_as_pdf(path):
            return "a PDF"
        if not name.lower().endswith((".doc", ".dot", ".rtf")):
            return None
        found = word_format(path)
    except OSError:
        return None  # (the reading says why)
    return {"doc": "a Word 97-2003 document", "rtf": "an RTF document"}.get(found)


def _names_of(names: list[str] | None) -> tuple[str, ...]:
    """The names of an option given again or with commas (``--skip``, ``--field``)."""
    return tuple(name.strip() for given in names or () for name in given.split(",") if name.strip())


def _repair_options(words: Path | None, digits: Digits, skip: list[str] | None) -> RepairOptions:
    """The options of repair that parse and process take, checked."""
    options = RepairOptions(words=_words_of(words), digits=digits.value, skip=_names_of(skip))
    _check_options(options)
    return options


def _check_options(options: Mapping[str, Any]) -> None:
    """One clear line and exit code 2 for options repair cannot take, before any work."""
    try:
        config_of(options)
    except ValueError as e:
        _fail(str(e))


def _words_of(path: Path | None) -> tuple[str, ...]:
    """The words of a ``--words`` file, one a line (blank lines and # comments left out), as
    the ZWNJ step will take them; a clear error for a file or a word it cannot take."""
    if path is None:
        return ()
    try:
        text, _ = read_text(path)
        lines = (line.strip() for line in text.splitlines())
        words = [line for line in lines if line and not line.startswith("#")]
        return tuple(RepairConfig(words=words).words)
    except (DecodeError, ValueError) as e:
        _fail(f"{path}: {e}")


@app.command()
def rules(
    names: list[str] | None = typer.Argument(
        None, metavar="RULE", show_default=False,
        help="Rules as an edit names them (zwnj.join_bound, letters.arabic_kaf+zwnj.word), or a "
             "family of them (zwnj, spacing). Without one, all."),
) -> None:
    """What each rule of an edit means, with an example: the rules that 'paknevis fix'
    --explain, --check and --diff name, and that --skip leaves out.

    Example:

        paknevis rules zwnj.join_bound
    """
    from .repair.config import no_such_rule
    from .repair.diff import visible
    from .repair.rules import RULES, rules_of

    try:
        shown = [rule for name in names for rule in rules_of(name)] if names else [*RULES.values()]
    except KeyError as e:
        _fail(no_such_rule(e.args[0]))
    for rule in dict.fromkeys(shown):  # (each once, in order)
        example = f"{visible(rule.before)} → {visible(rule.after)}"
        options = "".join(f"  ({key}={value!r})" for key, value in rule.options)
        typer.echo(f"{rule.name}\n    {rule.what}\n    {example}{options}")


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class Format(StrEnum):
    json = "json"
    text = "text"


@app.command()
def parse(
    file: Path = typer.Argument(..., metavar="FILE",
                                help="A post or page: .txt, .html, or any text file; a TEI "
                                     "document's text (.xml, .tei); a Word document (.docx, or "
                                     "Word 97-2003's .doc), an RTF document (.rtf), an "
                                     "OpenDocument text (.odt), an EPUB book (.epub) or a PDF (.pdf)."),
    format: Format = typer.Option(Format.json, "--format", "-f", metavar="json|text", parser=_one_of(Format),
                                  help="json: the record; text: for people."),
    url: str | None = typer.Option(None, metavar="URL",
                                   help="The page's URL, if the file does not say it."),
    words: Path | None = _words_option("Words to write as given, one a line (as for 'paknevis fix')."),
    digits: Digits = _digits_option("Digits in Persian text (as for 'paknevis fix')."),
    skip: list[str] | None = _skip_option("Make no edit of this rule or family (as for 'paknevis fix')."),
) -> None:
    """Parse one post or page into a record: title, date, byline, body, tags, dates.

    Example:

        paknevis parse examples/blogger-post.txt --format text
    """
    from .documents import HtmlError, parse_file

    options = _repair_options(words, digits, skip)
    try:
        doc = parse_file(file, url=url, **options)
    except (DecodeError, HtmlError, ValueError) as e:
        _fail(f"{file}: {e}")
    except FileNotFoundError:  # (a document's reader opens it itself: a .docx, .doc, .odt, .epub, .pdf)
        _fail(f"{file}: no such file")
    except OSError as e:
        _fail(f"{file}: cannot read ({e.strerror or e})")
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
    engine: Engine = typer.Option(Engine.local, metavar="local|ray", parser=_one_of(Engine),
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
    words: Path | None = _words_option("Words to write as given, one a line (as for 'paknevis fix')."),
    digits: Digits = _digits_option("Digits in Persian text (as for 'paknevis fix')."),
    skip: list[str] | None = _skip_option("Make no edit of this rule or family (as for 'paknevis fix')."),
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

    from .corpus import iter_items, process_items
    from .corpus.dedup import dedup_file
    from .corpus.outputs import done_refs, finalize, working_path
    from .corpus.run import DumpFields

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _fail(f"no such input: {', '.join(missing)}")
    if not output.name.lower().endswith((".jsonl", ".jsonl.gz", ".parquet")):
        _fail(f"unknown output format: {output.name} (use .jsonl, .jsonl.gz or .parquet)")
    if output.name.lower().endswith(".parquet"):
        try:  # before the run, not after it: a venv may hold a pyarrow its NumPy cannot load
            import pyarrow.parquet  # noqa: F401
        except ImportError as e:
            _fail(f"writing {output.name} needs pyarrow, which does not load here ({e})")
    base = re.sub(r"\.(jsonl|jsonl\.gz|parquet)$", "", output.name, flags=re.IGNORECASE)
    rejects = rejects or output.with_name(base + ".rejects.jsonl")
    work = working_path(output)
    done: set[str] = set()
    if resume:
        done = done_refs(work) | done_refs(rejects)
        if done:
            typer.echo(f"resuming: {len(done)} inputs already done", err=True)
    fields = DumpFields(text=text_field, title=title_field, url=url_field, date=date_field)
    repair = _repair_options(words, digits, skip)
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
        _fail(str(e))
    except KeyboardInterrupt:
        typer.echo("paknevis: interrupted; run the same command with --resume to finish", err=True)
        raise typer.Exit(130) from None
    typer.echo(f"{_many(counts.inputs, 'input')}: {_many(counts.records, 'record')} -> {output}, "
               f"{_many(counts.rejects, 'reject')} -> {rejects}", err=True)
    for reason, n in sorted(counts.reasons.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  {n} × {reason}", err=True)
    if dedup and work.stat().st_size:
        clusters = dedup_file(work, counts.signatures)
        typer.echo(f"near copies: {_many(clusters, 'cluster')} of two or more records", err=True)
    finalize(work, output)


def _iter_records(path: Path):
    """Records from a JSONL (.gz, .zst) or Parquet file, as dicts, streamed."""
    from .corpus import iter_items
    from .corpus.inputs import EMPTY_FILE, NOTHING_IN_FILE
    from .store.query import record_problem

    for item in iter_items([path]):
        if item.error in (EMPTY_FILE, NOTHING_IN_FILE):  # (no records: a run whose every input was a reject)
            return
        if item.error:
            _fail(f"{item.ref}: {item.error}")
        if item.line is None:
            _fail(f"{path}: not a records file (.jsonl, .jsonl.gz, .jsonl.zst or .parquet)")
        try:
            record = orjson.loads(item.line)
        except orjson.JSONDecodeError:
            _fail(f"{item.ref}: not a JSON record")
        problem = record_problem(record)
        if problem:
            _fail(f"{item.ref}: not a paknevis record ({problem})")
        yield record


def _day(value: str | None, option: str) -> str | None:
    """A --since/--until date, Solar Hijri (1403-11-01) or Gregorian (2025-01-20), as ISO."""
    from .dates.calendars import parse_day

    try:
        return parse_day(value) if value is not None else None
    except ValueError as e:
        _fail(f"{option} {e}")


def _open_store(db: str, create: bool = False):
    from .store import open_store

    if not create and "://" not in db and not Path(db).exists():
        _fail(f"no archive at {db} (make one with: paknevis index RECORDS --db {db})")
    try:
        return open_store(db)
    except RuntimeError as e:
        _fail(str(e))


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
        _fail(f"no such file: {', '.join(missing)}")
    store = _open_store(db, create=True)
    total = 0
    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed}"),
                  TimeElapsedColumn(), disable=not (progress and sys.stderr.isatty()),
                  transient=True) as bar:
        task = bar.add_task("indexing")
        for path in records:
            total += store.index(_iter_records(path), on_record=lambda: bar.advance(task))
    store.close()
    typer.echo(f"{_many(total, 'record')} indexed into {db}", err=True)


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
    format: Format = typer.Option(Format.text, "--format", "-f", metavar="text|json", parser=_one_of(Format),
                                  help="text for people, json for tools."),
) -> None:
    """Search the archive; a word is found however it was typed (ZWNJ, space, letters, digits).

    Example:

        paknevis search "بین المللی" --db archive.db --since 1403-11-01

        paknevis search تظاهرات --db archive.db --name پاریس
    """
    from .store import Filters, QueryError

    store = _open_store(db)
    try:
        hits = store.search(query, Filters(_day(since, "--since"), _day(until, "--until"), source,
                                           hashtag, name), limit=limit)
    except QueryError as e:
        _fail(str(e))
    if format is Format.json:
        from dataclasses import asdict

        import orjson

        for h in hits:
            sys.stdout.buffer.write(orjson.dumps(asdict(h)) + b"\n")
        return
    for h in hits:
        typer.echo(f"{h.published or '?':10.10}  {h.source or '-'}  {h.title or h.id}")
        typer.echo(f"    {h.snippet}\n")
    typer.echo(_many(len(hits), "hit"), err=True)


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

    from .web import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


class _Output(NamedTuple):
    """What ``paknevis fix`` makes of an input: the text, or its edits as JSON lines, or the
    file rewritten, or (changing nothing) its edits counted by rule, or a diff."""

    explain: bool
    in_place: bool
    check: bool
    diff: bool


def _fix_one(options: dict, name: str, path: Path | None, output: _Output, format: InputFormat,
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
            _fail(f"{name}: --field is for JSON, tables, XML and Parquet, and this input reads as {kind} "
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
                    output: _Output, form: Form, pool: Pool | None) -> Counter[str]:
    """Repair the blocks of an input and write what ``output`` asks for (see :func:`_fix_one`)."""
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


def _fix_binary(kind: str, options: dict, name: str, path: Path | None, output: _Output,
                fields: tuple[str, ...], pool: Pool | None) -> Counter[str]:
    """Repair one Parquet file, Word or OpenDocument document or EPUB book (see
    :func:`_fix_one`): to standard output, in place, or only its edits, a string, a
    paragraph or a text at a time, at its row and place (a paragraph and its part; a line
    and its part's place)."""
    from .repair.docx_text import repair_docx
    from .repair.epub_text import repair_epub
    from .repair.odt_text import repair_odt
    from .repair.parquet_text import open_parquet, repair_parquet, text_columns
    from .repair.pipeline import repairer

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
    _, where, place, _ = _BINARY[kind]
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


if __name__ == "__main__":
    app()
