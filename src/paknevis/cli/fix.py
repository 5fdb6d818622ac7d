"""``paknevis fix``: Persian text repaired, in any of the forms it comes in; and
``paknevis rules``, what each rule of its edits means."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, cast

import typer

from ..io import DecodeError
from ..io.decode import compression_of
from ..repair.blocks import worker_pool
from ..repair.csv_text import CsvError
from ..repair.forms import FIELDED, KINDS, kind_named
from ..repair.json_text import JsonError
from ..repair.lines import BlockTooLarge
from ..repair.parquet_text import ParquetError
from ..repair.zipped import ZippedError
from .app import (
    Digits,
    app,
    check_options,
    digits_option,
    fail,
    many,
    names_of,
    one_of,
    skip_option,
    words_of,
    words_option,
)
from .fix_input import BINARY, InputFormat, Output, fix_binary_input, fix_text_input


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
    digits: Digits = digits_option("Digits in Persian text: Persian (۱۲۳), Latin (123), or keep them."),
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
    words: Path | None = words_option(
        "Words to write as given, one a line (# for a comment): names (میناوند) and a house "
        "style's words (آن‌ها), glued or with their ZWNJs, which the ZWNJ step never splits; two "
        "words with a space (نخست وزیر), which it never joins."),
    skip: list[str] | None = skip_option(
        "Make no edit of this rule, or family of rules (zwnj.join_compound, punctuation; "
        "'paknevis rules' lists them); again, or with commas, for more. The rest of its step runs."),
    workers: int = typer.Option(
        1, min=1, max=64, metavar="N", help="Processes to repair with: blocks of lines go to each "
                                            "in turn, and the output keeps the input's order."),
    format: InputFormat = typer.Option(
        InputFormat.auto, "--format",
        metavar="auto|text|json|csv|tsv|html|markdown|xml|wikitext|mediawiki|parquet|docx|odt|epub",
        parser=one_of(InputFormat),
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
        fail("--in-place needs files to rewrite, not standard input")
    if in_place and (packed := [str(p) for p in files or () if compression_of(p)]):
        fail(f"--in-place rewrites text files, and {', '.join(packed)} is compressed: "
             "repair it to standard output, and compress that")
    if sum((in_place, explain, check or diff)) > 1:
        fail("--in-place, --explain and --check (or --diff) cannot be used together")
    options: dict[str, Any] = dict(
        digits=digits.value, keep_diacritics=keep_diacritics, zwnj=zwnj, punctuation=punctuation,
        letters=letters, spacing=spacing, handles=handles, words=words_of(words), skip=names_of(skip))
    check_options(options)
    fields = names_of(field)
    if fields and format.value in KINDS and format.value not in FIELDED:
        fail(f"--field is for JSON, tables, XML and Parquet, not --format {format.value}")
    sources = [("<stdin>", None) if str(p) == "-" else (str(p), p) for p in files or [Path("-")]]
    binary = [_binary_kind(name, path, format) for name, path in sources]
    if fields and any(kind in ("docx", "epub", "odt") for kind in binary):
        fail("--field is for JSON, tables, XML and Parquet, not documents or books")
    if any(binary) and not (in_place or explain or check or diff):
        if len(sources) > 1:  # (two Parquet files one after the other are no Parquet file)
            fail("Parquet files, documents and books are written to standard output one at a "
                 "time: name one, or rewrite them with --in-place")
        if sys.stdout.isatty():
            fail(f"{BINARY[cast(str, binary[0])][0]} is binary: write it to a file "
                 f"(> fixed.{binary[0]}), or rewrite the file with --in-place")
    failed, to_change = False, 0
    with worker_pool(workers, options) as pool:
        for (name, path), kind in zip(sources, binary, strict=True):
            output = Output(explain, in_place, check, diff)
            if kind is None and (unwritable := _unwritable(name, path)):
                save = "" if unwritable == "a PDF" else "save it as .docx to repair it; "
                typer.echo(f"paknevis: error: {name}: {unwritable}, which paknevis fix cannot write ({save}"
                           "'paknevis parse' and 'paknevis process' read its text)", err=True)
                failed = True
                continue
            try:
                rules = (fix_binary_input(kind, options, name, path, output, fields, pool) if kind
                         else fix_text_input(options, name, path, output, format, fields, pool))
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
                typer.echo(f"{name}: {many(rules.total(), 'edit')} ({by_rule})")
    if failed:
        raise typer.Exit(2)
    if check:
        typer.echo(f"{to_change} of {many(len(sources), 'input')} would change", err=True)
        if to_change:
            raise typer.Exit(1)


#: What an EPUB book's and an OpenDocument text's zip file hold first, stored: the media type
_MIMETYPES = {b"mimetypeapplication/epub+zip": "epub",
              b"mimetypeapplication/vnd.oasis.opendocument.text": "odt"}


def _binary_kind(name: str, path: Path | None, format: InputFormat) -> str | None:
    """Is an input Parquet, a Word document, an OpenDocument text or an EPUB book ("parquet",
    "docx", "odt", "epub"): so named, or standard input that begins as one? None for text."""
    if format is not InputFormat.auto:
        return format.value if format.value in BINARY else None
    if path is None:  # (Parquet's magic number, a zip file's: an EPUB book's or a Word document's)
        peek = getattr(sys.stdin.buffer, "peek", None)  # (a pipe's or a file's reader has it)
        head = b"" if peek is None else peek(80)[:80]
        if head.startswith(b"PK\x03\x04"):
            return next((kind for mimetype, kind in _MIMETYPES.items() if mimetype in head), "docx")
        return "parquet" if head.startswith(b"PAR1") else None
    return next((kind for kind, (*_, named) in BINARY.items() if named(name)), None)


def _unwritable(name: str, path: Path | None) -> str | None:
    """What a file is, by its first bytes, where repair reads it but cannot write it: a
    PDF, or a file named .doc or .rtf that is a Word 97-2003 document or RTF (text, whose
    markup would be repaired as prose); None for others (sites served pages and text as
    .doc: repaired as such)."""
    if path is None:
        return None
    from ..documents import starts_as_pdf, word_format  # (as parse and process tell them)

    try:
        if starts_as_pdf(path):
            return "a PDF"
        if not name.lower().endswith((".doc", ".dot", ".rtf")):
            return None
        found = word_format(path)
    except OSError:
        return None  # (the reading says why)
    return {"doc": "a Word 97-2003 document", "rtf": "an RTF document"}.get(found)


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
    from ..repair.config import no_such_rule
    from ..repair.diff import visible
    from ..repair.rules import RULES, rules_of

    try:
        shown = [rule for name in names for rule in rules_of(name)] if names else [*RULES.values()]
    except KeyError as e:
        fail(no_such_rule(e.args[0]))
    for rule in dict.fromkeys(shown):  # (each once, in order)
        example = f"{visible(rule.before)} → {visible(rule.after)}"
        options = "".join(f"  ({key}={value!r})" for key, value in rule.options)
        typer.echo(f"{rule.name}\n    {rule.what}\n    {example}{options}")
