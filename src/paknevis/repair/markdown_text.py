"""Markdown repaired as Markdown: the prose repaired, what Markdown reads as code or syntax left.

Repaired as text, a post lost more than its looks: ``1. مورد`` became ``۱. مورد``, no list
item; the ``,`` of ``tags: [ایران, کتاب]`` in its front matter became ``،``, one tag of
two; a fenced block's ``alert("…");`` became ``alert("…")؛``; and a link's ``(/posts/كتاب)``
another address. Here these stay byte for byte: the front matter (YAML or TOML) but the
values a reader sees, fenced and indented code, HTML blocks and link definitions; in a line,
code spans, a link's destination, autolinks and inline HTML, the marks of a list item, a
heading and a quote, and the spaces at the end of a line (two of them break it). The prose
between is repaired as :func:`~paknevis.fix` repairs a text, the spaces at its edges kept,
and so are the front matter's title, subtitle, description, summary and excerpt (a value
of one line, plain or quoted: it is quoted where it must now be, as ``title: علی: کتاب``).

>>> from paknevis.repair import repairer
>>> repair_markdown('1. كتاب ها را `f("كتاب");` [ببین](/posts/كتاب)\\n', repairer())[0]
'1. کتاب\u200cها را `f("كتاب");` [ببین](/posts/كتاب)\\n'
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple, Unpack

from .config import RepairOptions
from .pipeline import Repairer, repairer
from .strings import StringRepair, apart, repair_parts

_FRONT = re.compile(r"(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# the front matter's values a reader sees, on a line of their own (not tags, which are
# names that addresses are made of): plain, in double quotes (whose escapes are \\ and \"
# alone) or in single quotes (a quote in them doubled, in YAML)
_SEEN_KEYS = "title|subtitle|description|summary|excerpt"
_QUOTED = r"""(?P<value>"(?:[^"\\\r\n]|\\[\\"])*"|'(?:[^'\r\n]|'')*')"""
_INDICATORS = r"""\-?:,\[\]{}#&*!|>'"%@`"""  # (a plain YAML value cannot begin with one)
_YAML_VALUE = re.compile(rf"^(?P<key>{_SEEN_KEYS})[ \t]*:[ \t]+(?:{_QUOTED}"
                         rf"|(?P<plain>[^\s{_INDICATORS}](?:[^#\r\n]|(?<! )#)*?))[ \t]*\r?$", re.M)
_TOML_VALUE = re.compile(rf"^(?P<key>{_SEEN_KEYS})[ \t]*=[ \t]*{_QUOTED}[ \t]*\r?$", re.M)
#: what a plain YAML value may not hold (nothing at all is no text, but null): it is then quoted
_NOT_PLAIN = re.compile(rf"^[{_INDICATORS}]|: | #|:$|^\s|\s$|^$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# a line's marks: blockquotes', a list item's, a heading's (a heading's # and its word
# would be a hashtag to the handles step: # مجاهدین_خلق)
_MARKS = re.compile(r"(?: {0,3}>[ \t]?)*( {0,3}(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))?( {0,3}#{1,6}(?=[ \t]|$))?")
_HTML_BLOCK = re.compile(r" {0,3}<(?:[a-zA-Z][a-zA-Z0-9-]*(?:[\s/>]|$)|/[a-zA-Z]|!--|\?|![A-Z])")
_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S")
# in a line: a code span, a link's destination (one level of brackets inside), an autolink
# or inline HTML, and the spaces at the line's end
_INLINE = re.compile(r"(`+)[^`].*?(?<!`)\1(?!`)"
                     r"|\]\((?:[^()\n]|\([^()\n]*\))*\)"
                     r"|<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[a-zA-Z/!?][^<>\n]*)>"
                     r"|[ \t]+(?=\r?\n|\Z)")


class Value(NamedTuple):
    """A value of the front matter a reader sees."""

    start: int  # as written, its quotes included
    end: int
    key: str
    quote: str  # its quote ("" for a plain YAML value)
    toml: bool


def front_values(text: str) -> list[Value]:
    """The values of ``text``'s front matter a reader sees (its title, description…)."""
    m = _FRONT.match(text)
    if m is None:
        return []
    toml = m[1] == "+++"
    found = (_TOML_VALUE if toml else _YAML_VALUE).finditer(text, 0, m.end())
    return [Value(v.start("value") if v["value"] else v.start("plain"),
                  v.end("value") if v["value"] else v.end("plain"), v["key"],
                  v["value"][0] if v["value"] else "", toml) for v in found]


def _read(value: str, quote: str, toml: bool) -> str:
    if quote == '"':
        return re.sub(r"\\([\\\"])", r"\1", value[1:-1])
    if quote == "'":
        return value[1:-1] if toml else value[1:-1].replace("''", "'")
    return value


def _written(value: Value, text: str) -> str:
    """``text`` written as ``value``'s kind is, or in double quotes where it may not be."""
    quote = value.quote
    if quote == "'" and not value.toml:
        return "'" + text.replace("'", "''") + "'"
    if quote == "'" and "'" not in text or not quote and not _NOT_PLAIN.search(text):
        return quote + text + quote
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def kept_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``text`` that Markdown reads as code or syntax, in order (the front
    matter whole, its values a reader sees too: see :func:`front_values`)."""
    pos = 0
    if m := _FRONT.match(text):
        yield 0, m.end()
        pos = m.end()
    fence = ""  # the open fence, if any
    html_block = list_item = False
    blank_before = True
    for line in text[pos:].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if fence:  # inside a fenced block, to a fence of its kind at least as long
            yield start, pos
            m = _FENCE.match(body)
            if m and m[1][0] == fence[0] and len(m[1]) >= len(fence) and not body[m.end():].strip():
                fence = ""
            continue
        if not body.strip():
            html_block, blank_before = False, True
            continue
        indented = body.startswith(("    ", "\t"))
        marks = _MARKS.match(body)
        assert marks is not None  # (it may match nothing)
        if marks[1]:
            list_item = True
        elif not indented and blank_before:  # a block after a blank line ends a list
            list_item = False
        m = _FENCE.match(body)
        if m and not (m[1][0] == "`" and "`" in body[m.end():]):
            fence = m[1]
            yield start, pos
        elif html_block or (indented and blank_before and not list_item) or (
                _HTML_BLOCK.match(body) and blank_before) or _DEFINITION.match(body):
            html_block = html_block or bool(_HTML_BLOCK.match(body))
            yield start, pos
        else:
            if marks.end():
                yield start, start + marks.end()
            for m in _INLINE.finditer(line):
                yield start + m.start(), start + m.end()
        blank_before = False


def repair_markdown(text: str, repairer: Repairer, explain: bool = False) -> tuple[str, list[StringRepair]]:
    """``text`` with its prose, and its front matter's values a reader sees, repaired by
    ``repairer``; with ``explain``, also the edits of each piece that changed (its place:
    "text", or the value's key)."""
    values = front_values(text)
    pieces: list[tuple[int, int]] = [(v.start, v.end) for v in values]
    done = 0
    for start, end in kept_spans(text):
        if start > done:
            pieces += _lines_of(text, done, start)
        done = max(done, end)
    pieces += _lines_of(text, done, len(text))
    edges = [("", _read(text[v.start:v.end], v.quote, v.toml), "") for v in values]
    edges += [apart(text[start:end]) for start, end in pieces[len(values):]]
    befores = [core for _, core, _ in edges]

    def written(i: int, after: str) -> str:
        if i < len(values):
            return _written(values[i], after)
        lead, _, trail = edges[i]
        return lead + after + trail

    return repair_parts(text, pieces, befores, repairer, explain,
                        lambda i: values[i].key if i < len(values) else "text", written)


def _lines_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span as its lines, each a piece: a paragraph's lines are repaired as fix repairs
    them, each alone, and a piece never holds a line break."""
    out, at = [], start
    while at < end:
        cut = text.find("\n", at, end)
        stop = end if cut < 0 else cut
        if stop > at:
            out.append((at, stop))
        at = stop + 1
    return out


def fix_markdown(text: str, **options: Unpack[RepairOptions]) -> str:
    """``text``, Markdown, with its prose repaired as :func:`~paknevis.fix` repairs a text,
    its code and syntax as they were.

    >>> fix_markdown('1. كتاب ها `f("كتاب");`')
    '1. کتاب\u200cها `f("كتاب");`'
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_markdown() takes a str, not {type(text).__name__}")
    return repair_markdown(text, repairer(**options))[0]
