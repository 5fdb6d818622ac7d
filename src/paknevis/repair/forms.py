"""What an input is, and how it is repaired as what it is: text, or JSON, a table, a page, a
post or XML, whose strings, cells, text or prose alone are repaired (``json_text``,
``csv_text``, ``html_text``, ``markdown_text``, ``xml_text``), the rest byte for byte.

A :class:`Form` says which, and how a file of it is cut into blocks to repair a block at a
time (``blocks.repair_blocks``): text at any line, JSON Lines after any line, a table
after a whole row, XML between its top elements, a page or a post not at all.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, NamedTuple

from ..io.decode import COMPRESSIONS
from .csv_text import CsvError, missing_columns, repair_table, table_blocks, table_header
from .html_text import looks_like_html, repair_html
from .json_text import json_blocks, looks_like_json, repair_json
from .lines import MAX_BLOCK_CHARS, BlockTooLarge
from .markdown_text import repair_markdown
from .pipeline import Repairer
from .strings import StringRepair
from .wikitext import repair_wikitext
from .xml_text import looks_like_mediawiki, looks_like_xml, repair_xml, xml_blocks

Kind = Literal["text", "json", "csv", "tsv", "html", "markdown", "xml", "wikitext", "mediawiki"]
KINDS: tuple[Kind, ...] = ("text", "json", "csv", "tsv", "html", "markdown", "xml", "wikitext", "mediawiki")
#: The kinds whose ``fields`` (``--field``) name what alone to repair: keys, columns, elements
FIELDED: tuple[Kind, ...] = ("json", "csv", "tsv", "xml", "mediawiki")
#: What a file is, by the end of its name (under a compression's: dump.jsonl.gz is JSON)
KIND_OF_NAME: dict[str, Kind] = {
    ".json": "json", ".jsonl": "json", ".ndjson": "json", ".csv": "csv", ".tsv": "tsv",
    ".tab": "tsv", ".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown",
    ".markdown": "markdown", ".xml": "xml", ".rss": "xml", ".atom": "xml", ".rdf": "xml", ".tei": "xml",
    ".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext"}


class Form(NamedTuple):
    """What an input is; of JSON, the keys whose strings alone are repaired, of a table the
    columns whose cells alone are, of XML the elements whose text alone is (all where none),
    and a table's header (see :meth:`read_header`)."""

    kind: Kind = "text"
    fields: tuple[str, ...] = ()
    header: tuple[str, ...] = ()

    def read_header(self, first: str) -> Form:
        """This form, of a table with ``fields``, with its header read from its first block:
        a :class:`CsvError` where the header lacks one of them."""
        if not (self.fields and self.kind in _DELIMITERS):
            return self
        header = table_header(first, _DELIMITERS[self.kind])
        if missing := missing_columns(self.fields, header):
            raise CsvError(1, missing)
        return self._replace(header=header)

    @property
    def checked(self) -> bool:
        """Can its blocks turn out not to be what it says (JSON, a table: a line that is no
        JSON, a quote never closed)? A file is then read to its end first, so that the error
        comes before anything is written."""
        return self.kind in ("json", "csv", "tsv")

    @property
    def whole(self) -> bool:
        """Is it read as one block (a page, a post: a comment, a script or a fenced block of
        code may run over any line)?"""
        return self.kind in ("html", "markdown", "wikitext")

    def blocks(self, blocks: Iterable[str]) -> Iterator[str]:
        """The blocks of lines of an input of this form (``lines.line_blocks``), cut where
        it may be repaired a block at a time, and checked: a :class:`JsonError` or a
        :class:`CsvError` where it is not what it says."""
        if self.kind == "json":
            return json_blocks(blocks)
        if self.kind in ("csv", "tsv"):
            return table_blocks(blocks, _DELIMITERS[self.kind])
        if self.kind in ("xml", "mediawiki"):
            return xml_blocks(blocks)
        if self.whole:
            return _whole(blocks)
        return iter(blocks)

    def repair(self, block: str, repairer: Repairer, explain: bool) -> tuple[str, list[StringRepair]]:
        """A block of JSON, a table, a page or a post, repaired as what it is."""
        if self.kind == "json":
            return repair_json(block, repairer, self.fields, explain)
        if self.kind in ("csv", "tsv"):
            return repair_table(block, _DELIMITERS[self.kind], repairer, explain, self.fields,
                                self.header)
        if self.kind == "html":
            return repair_html(block, repairer, explain)
        if self.kind == "markdown":
            return repair_markdown(block, repairer, explain)
        if self.kind == "xml":
            return repair_xml(block, repairer, explain, self.fields)
        if self.kind == "mediawiki":
            return repair_xml(block, repairer, explain, self.fields, wiki=True)
        if self.kind == "wikitext":
            return repair_wikitext(block, repairer, explain)
        raise ValueError("text is repaired by fix, not as a form")


TEXT = Form()
_DELIMITERS = {"csv": ",", "tsv": "\t"}


def kind_named(name: str) -> Kind | None:
    """What a file's name says it is (dump.jsonl.gz: json), or None."""
    name = name.lower()
    name = next((name.removesuffix(end) for end in COMPRESSIONS if name.endswith(end)), name)
    return next((kind for end, kind in KIND_OF_NAME.items() if name.endswith(end)), None)


def kind_of(name: str, first: str) -> Kind:
    """What an input is, by its name, else by its first block: JSON where its first line is
    a JSON object or array, HTML where it begins as a page does, XML where it begins as XML
    or a feed does (a MediaWiki dump, named .xml or not, where it begins as one), else text."""
    named = kind_named(name)
    if named in (None, "xml") and looks_like_mediawiki(first):
        return "mediawiki"
    if named is not None:
        return named
    if looks_like_json(first):
        return "json"
    if looks_like_html(first):
        return "html"
    return "xml" if looks_like_xml(first) else "text"


def _whole(blocks: Iterable[str]) -> Iterator[str]:
    text = "".join(blocks)
    if len(text) > MAX_BLOCK_CHARS:
        raise BlockTooLarge(f"a page or post of more than {MAX_BLOCK_CHARS:,} characters is too "
                            "large to repair at once")
    if text:
        yield text
